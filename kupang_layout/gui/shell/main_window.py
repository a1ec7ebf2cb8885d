"""GUI stage: the main window: menus, toolbar, rulers around the canvas, docks, status bar.

The window is put together here; what its parts do lives beside it: the
remembered layout and the fit on a resize (`window_layout.py`), the start
screen in the page's place (`start_switch.py`), the menu commands wired to
their slots (`wiring.py`, the commands themselves in `operations.py`), the
title and status bar (`status_display.py`), opening a story to edit
(`text_editing.py`) and the file questions (`file_prompts.py`). Those parts
never import this module: each is given what it needs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from kupang_layout import __version__
from kupang_layout.gui.base.i18n import install_language, tr
from kupang_layout.gui.base.session import EditionSession, new_edition
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.canvas.inplace import InplaceEditor
from kupang_layout.gui.canvas.rulers import THICKNESS, Ruler
from kupang_layout.gui.dialogs.export_opener import install_export
from kupang_layout.gui.dialogs.preferences import install_preferences
from kupang_layout.gui.dialogs.style_actions import install_styles
from kupang_layout.gui.panels.preflight_panel import install_preflight
from kupang_layout.gui.panels.properties import PropertiesPanel
from kupang_layout.gui.panels.story_editor import StoryEditor
from kupang_layout.gui.shell.actions import Actions
from kupang_layout.gui.shell.autosave import install_autosave
from kupang_layout.gui.shell.boundary import Boundary
from kupang_layout.gui.shell.editions import install_editions
from kupang_layout.gui.shell.file_prompts import ask_file
from kupang_layout.gui.shell.file_prompts import suggested_name as name_for
from kupang_layout.gui.shell.help_viewer import HelpController
from kupang_layout.gui.shell.operations import Operations
from kupang_layout.gui.shell.photo_warmup import install_photo_warmup
from kupang_layout.gui.shell.shared_edition import install_shared_editions
from kupang_layout.gui.shell.start_screen import StartScreen
from kupang_layout.gui.shell.start_switch import StartSwitch
from kupang_layout.gui.shell.status_display import DocumentStatus
from kupang_layout.gui.shell.text_editing import TextEditing
from kupang_layout.gui.shell.window_layout import WindowLayout
from kupang_layout.gui.shell.wiring import connect_actions, panel_action
from kupang_layout.model import Edition, TextFrame

CTX = "MainWindow"
STYLES_KEY = "F11"


class MainWindow(QMainWindow):
    """One window editing one EditionSession."""

    def __init__(self, doc: EditionSession | None = None, language: str = "id") -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.doc = doc or EditionSession()
        self.language = language
        self.confirm_close = True
        self.acts = Actions(self)
        self.canvas = PageCanvas(self.doc)
        self.layout_keeper = WindowLayout(self, self.canvas, self.doc)
        self.hruler = Ruler(self.canvas, "h")
        self.vruler = Ruler(self.canvas, "v")
        corner = QWidget()
        corner.setFixedSize(THICKNESS, THICKNESS)
        central = QWidget()
        grid = QGridLayout(central)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        self._grid = grid  # row 0: the shared edition's message bar (shared_edition.py)
        grid.addWidget(corner, 1, 0)
        grid.addWidget(self.hruler, 1, 1)
        grid.addWidget(self.vruler, 2, 0)
        grid.addWidget(self.canvas, 2, 1)
        self.editor_area = central
        self.start_screen = StartScreen()
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.properties = PropertiesPanel(self.doc)
        self.story_editor = StoryEditor(self.doc)
        self.properties_dock = self._dock(
            "dock_properties", self.properties, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.story_dock = self._dock(
            "dock_story", self.story_editor, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("toolbar_tools")
        self.toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.toolbar)
        self.acts.build_toolbar(self.toolbar)
        self.acts.build_menus(self.menuBar())
        self.start_switch = StartSwitch(
            self.stack, central, self.start_screen, self.toolbar, self.canvas, self.layout_keeper
        )
        self.status = DocumentStatus(self, self.doc, self.acts)
        self.texts = TextEditing(self.doc, self.canvas, self.story_editor, self.story_dock)
        self.acts["lang_" + language].setChecked(True)
        self.boundary = Boundary(self)
        self.ops = Operations(self)
        connect_actions(self, self.status, self.texts)
        self.retranslate()
        self.status.model_changed()
        self.resize(1500, 950)
        self.preflight_dock = install_preflight(
            self, self.canvas, self.acts.by_id.get("panel_preflight")
        )
        self.export_monitor, self.export_opener = install_export(
            self, self.acts.by_id.get("export_pdf")
        )
        self.photo_warmup = install_photo_warmup(self.doc)  # the idle pool prepares photos
        self.styles_dock = install_styles(self, self.story_editor, self.canvas)
        self.tabifyDockWidget(self.properties_dock, self.styles_dock)
        self.properties_dock.raise_()
        self.styles_action = panel_action(self, self.styles_dock, STYLES_KEY)
        for menu, title in self.acts.menus:  # View › Styles (F11), after the story editor's
            items = menu.actions()
            if title == "&View" and self.acts["panel_story"] in items:
                i = items.index(self.acts["panel_story"]) + 1
                before = items[i] if i < len(items) else None
                menu.insertAction(before, self.styles_action)  # type: ignore[arg-type]
        install_preferences(self, self.acts.by_id.get("preferences"))
        self.autosave = install_autosave(self)
        self.editions = install_editions(self)
        self.shared = install_shared_editions(self)
        grid.addWidget(self.shared.bar, 0, 0, 1, 2)
        grid.setRowStretch(2, 1)  # the page gets the height, the message bar only its text
        self.help = HelpController(self)
        for menu, title in self.acts.menus:
            if title == "&Help":
                self.help.add_to(menu)
        self.start_switch.connect(self.acts, self.boundary, self.ops)
        self.layout_keeper.watch()
        if self.layout_keeper.restore():
            self._sync_panel_actions()

    # -- the parts' faces on the window (tests and the other shell parts use them) ----
    @property
    def zoom_label(self) -> QLabel:
        return self.status.zoom_label

    @property
    def pos_label(self) -> QLabel:
        return self.status.pos_label

    @property
    def size_label(self) -> QLabel:
        return self.status.size_label

    @property
    def inplace(self) -> InplaceEditor | None:
        return self.texts.inplace

    def is_fitted(self) -> bool:
        """Whether the view is the page fitted in the canvas (what Fit Page gives)."""
        return self.layout_keeper.is_fitted()

    def save_layout(self) -> None:
        self.layout_keeper.save()

    def start_showing(self) -> bool:
        return self.start_switch.start_showing()

    def show_start(self) -> None:
        """The start screen in the page's place; the docks hidden until an edition opens."""
        self.start_switch.show_start()

    def leave_start(self) -> None:
        self.start_switch.leave_start()

    def open_text(self, frame_id: str) -> None:
        self.texts.open_text(frame_id)

    def start_inplace(self, frame: TextFrame) -> None:
        self.texts.start_inplace(frame)

    def edit_story(self) -> None:
        self.texts.edit_story()

    def edit_inplace(self) -> None:
        self.texts.edit_inplace()

    # -- the window's own parts ----------------------------------------------------------
    def _sync_panel_actions(self) -> None:
        """The View menu's ticks follow the docks restored."""
        pairs = (("panel_properties", self.properties_dock), ("panel_story", self.story_dock))
        for action_id, dock in pairs:
            self.acts[action_id].setChecked(not dock.isHidden())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.layout_keeper.first_show(
            [self.properties_dock, self.story_dock], [self.preflight_dock]
        )

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- language ------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.language = install_language(code)
        self.acts["lang_" + self.language].setChecked(True)
        app_settings().set("ui/language", self.language)
        self.retranslate()  # now, not only when the LanguageChange event arrives

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.acts.retranslate()
        self.properties_dock.setWindowTitle(tr(CTX, "Properties"))
        self.story_dock.setWindowTitle(tr(CTX, "Story Editor"))
        self.toolbar.setWindowTitle(tr(CTX, "Tools"))
        self.properties.retranslate()
        self.story_editor.retranslate()
        for name in ("export_monitor", "help", "start_screen", "styles_dock", "shared"):
            part = getattr(self, name, None)  # None while the window is being put together
            if part is not None:
                part.retranslate()
        self.status.retranslate(self.canvas.view.percent)

    # -- boxes -------------------------------------------------------------------------
    def ask_new_edition(self) -> Edition | None:
        """The New Edition dialog (a blank edition while the editions part is not wired)."""
        editions = getattr(self, "editions", None)
        return editions.ask_new_edition() if editions is not None else new_edition()

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr(CTX, "About Kupang Layout"),
            tr(CTX, "Kupang Layout %1\nPage layout for the print edition of Kupang Times.").replace(
                "%1", __version__
            ),
        )

    # -- files ------------------------------------------------------------------
    def ask_save_changes(self) -> bool:
        """True if it is fine to drop the current edition (saved, or the user agreed)."""
        if not self.confirm_close or not self.doc.history.is_modified:
            return True
        answer = QMessageBox.question(
            self,
            "Kupang Layout",
            tr(CTX, "The edition has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            shared = getattr(self, "shared", None)
            if shared is not None and shared.active():
                return bool(shared.save())
            return self.ops.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        self.doc.end_group()
        if self.ask_save_changes():
            self.save_layout()
            self.canvas.proxies.shutdown()
            self.autosave.finish()  # a clean close: no recovery copy is left
            self.shared.finish()  # the shared page's lock is given back
            self.photo_warmup.finish()
            event.accept()
        else:
            event.ignore()

    def suggested_name(self) -> str:
        """Save As of an edition: its own name, or KupangTimes_<edition>.kpl for a new one."""
        return name_for(self.doc.edition, self.doc.path)

    def file_dialog(self, save: bool, title: str, filters: str) -> Path | None:
        return ask_file(self, self.doc.edition, self.doc.path, save, title, filters)
