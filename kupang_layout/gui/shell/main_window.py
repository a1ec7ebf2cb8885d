"""GUI stage: the main window: menus, toolbar, rulers around the canvas, docks, status bar.

The window remembers itself in the app's settings (size and place, the docks'
layout, the zoom) when it closes and takes them back when the next one opens;
the page is fitted again when the window is resized while it is fitted. With no
edition open (the app started without a file) the start screen takes the page's
place (`start_screen.py`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from kupang_layout import __version__
from kupang_layout.common.userdirs import documents_dir
from kupang_layout.gui.base.i18n import install_language, tr
from kupang_layout.gui.base.session import EditionSession, new_edition
from kupang_layout.gui.base.settings import UNIT_DECIMALS, app_settings, current_unit, to_unit
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.canvas.inplace import InplaceEditor, edits_in_place
from kupang_layout.gui.canvas.rulers import THICKNESS, Ruler
from kupang_layout.gui.canvas.viewport import ViewTransform
from kupang_layout.gui.dialogs.export_dialog import install_export
from kupang_layout.gui.dialogs.preferences import install_preferences
from kupang_layout.gui.dialogs.style_actions import install_styles
from kupang_layout.gui.panels.preflight_panel import install_preflight
from kupang_layout.gui.panels.properties import PropertiesPanel
from kupang_layout.gui.panels.story_editor import StoryEditor
from kupang_layout.gui.shell.actions import TOOLS, Actions
from kupang_layout.gui.shell.autosave import install_autosave
from kupang_layout.gui.shell.boundary import Boundary, action_label
from kupang_layout.gui.shell.editions import install_editions
from kupang_layout.gui.shell.help_viewer import HelpController
from kupang_layout.gui.shell.operations import Operations
from kupang_layout.gui.shell.shared_edition import install_shared_editions
from kupang_layout.gui.shell.start_screen import StartScreen
from kupang_layout.gui.shell.undo_labels import redo_text, undo_text
from kupang_layout.model import Edition, TextFrame

CTX = "MainWindow"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
STATE_VERSION = 1  # of the dock layout saved; a layout of another version is not restored
FIT_TOLERANCE = 1e-3
VIEW_TOGGLES = {
    "show_bleed": "bleed",
    "show_margins": "margins",
    "show_columns": "columns",
    "show_baseline": "baseline",
    "show_guides": "guides",
    "lock_guides": "guides_locked",
    "show_frame_edges": "frame_edges",
    "snap": "snap",
    "proof_colours": "proof_colours",
}


class MainWindow(QMainWindow):
    """One window editing one EditionSession."""

    def __init__(self, doc: EditionSession | None = None, language: str = "id") -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.doc = doc or EditionSession()
        self.language = language
        self.confirm_close = True
        self.inplace: InplaceEditor | None = None
        self.acts = Actions(self)
        self.canvas = PageCanvas(self.doc)
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
        self.stack.addWidget(central)
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self._state_before_start: QByteArray | None = None
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
        self.zoom_label, self.pos_label, self.size_label = QLabel(), QLabel(), QLabel()
        for w in (self.size_label, self.pos_label, self.zoom_label):
            w.setMinimumWidth(120)
            self.statusBar().addPermanentWidget(w)
        self.acts["lang_" + language].setChecked(True)
        self.boundary = Boundary(self)
        self._connect()
        self.retranslate()
        self._model_changed()
        self.resize(1500, 950)
        self._docks_sized = False
        self.preflight_dock = install_preflight(
            self, self.canvas, self.acts.by_id.get("panel_preflight")
        )
        self.export_monitor, self.export_opener = install_export(
            self, self.acts.by_id.get("export_pdf")
        )
        self.styles_dock = install_styles(self, self.story_editor, self.canvas)
        self.tabifyDockWidget(self.properties_dock, self.styles_dock)
        self.properties_dock.raise_()
        for menu, title in self.acts.menus:  # View › Styles (F11), after the story editor's
            items = menu.actions()
            if title == "&View" and self.acts["panel_story"] in items:
                i = items.index(self.acts["panel_story"]) + 1
                before = items[i] if i < len(items) else None
                menu.insertAction(before, self.styles_dock.toggleViewAction())  # type: ignore[arg-type]
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
        self._connect_start_screen()
        self._window_size = self.size()  # a canvas resize with another: the window's
        self.canvas.installEventFilter(self)
        self._zoom_to_restore = self.restore_layout()

    # -- the window as the desk left it ------------------------------------------------
    def restore_layout(self) -> float | None:
        """Size, place and docks of the last window closed; its zoom (None: fitted)."""
        settings = app_settings()
        geometry = settings.bytes_value(GEOMETRY_KEY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = settings.bytes_value(STATE_KEY)
        if state and self.restoreState(QByteArray(state), STATE_VERSION):
            self._docks_sized = True  # the desk's own sizes, not the first-show defaults
            self._sync_panel_actions()
        return settings.zoom

    def save_layout(self) -> None:
        settings = app_settings()
        settings.set_bytes(GEOMETRY_KEY, bytes(self.saveGeometry().data()))
        if self._state_before_start is not None:  # the start screen hid the docks
            state = self._state_before_start
        else:
            state = self.saveState(STATE_VERSION)
        settings.set_bytes(STATE_KEY, bytes(state.data()))
        settings.set_zoom(None if self.is_fitted() else self.canvas.view.percent)

    def _sync_panel_actions(self) -> None:
        """The View menu's ticks follow the docks restored."""
        pairs = (("panel_properties", self.properties_dock), ("panel_story", self.story_dock))
        for action_id, dock in pairs:
            self.acts[action_id].setChecked(not dock.isHidden())

    def is_fitted(self) -> bool:
        """Whether the view is the page fitted in the canvas (what Fit Page gives)."""
        return self._fits(self.canvas.width(), self.canvas.height())

    def _fits(self, width: float, height: float) -> bool:
        page = self.doc.page
        if page is None:
            return True
        b = page.bleed
        fitted = ViewTransform(unit=self.canvas.view.unit)
        fitted.fit(QRectF(-b, -b, page.width + 2 * b, page.height + 2 * b), width, height)
        v = self.canvas.view
        return (
            abs(fitted.zoom - v.zoom) <= FIT_TOLERANCE * fitted.zoom
            and abs(fitted.ox - v.ox) < 0.5
            and abs(fitted.oy - v.oy) < 0.5
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Fit again when the *window* is resized while the page is fitted (Fit Page, a
        new page). A dock opening or closing leaves the zoom alone, as in InDesign."""
        if obj is self.canvas and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            old = event.oldSize()
            window_resized = self.size() != self._window_size
            self._window_size = self.size()
            was_fitted = (
                old.width() > 0 and old.height() > 0 and self._fits(old.width(), old.height())
            )
            if window_resized and was_fitted:
                self.canvas.fit_page()  # fit mode: the page fills the new size too
        return False

    # -- the start screen ---------------------------------------------------------------
    def _connect_start_screen(self) -> None:
        screen = self.start_screen
        b = self.boundary
        screen.new_requested.connect(lambda: b.run(action_label(self.acts["new"]), self.ops.new))
        screen.open_requested.connect(
            lambda: b.run(action_label(self.acts["open"]), lambda: self.ops.open())
        )
        screen.open_shared_requested.connect(lambda: self.acts["open_shared"].trigger())
        screen.recent_chosen.connect(
            lambda path: b.run(action_label(self.acts["open"]), lambda: self._open_recent(path))
        )
        self.doc.path_changed.connect(self.leave_start)

    def _open_recent(self, path: Path) -> None:
        if self.start_showing():
            self.ops.open(path)

    def start_showing(self) -> bool:
        return self.stack.currentWidget() is self.start_screen

    def show_start(self) -> None:
        """The start screen in the page's place; the docks hidden until an edition opens."""
        if self.start_showing():
            return
        self._state_before_start = self.saveState(STATE_VERSION)
        self.start_screen.refresh()
        self.stack.setCurrentWidget(self.start_screen)
        for dock in self.findChildren(QDockWidget):
            dock.hide()
        self.toolbar.hide()
        self.start_screen.new_button.setFocus()

    def leave_start(self) -> None:
        if not self.start_showing():
            return
        self.stack.setCurrentWidget(self.editor_area)
        state, self._state_before_start = self._state_before_start, None
        if state is not None:
            self.restoreState(state, STATE_VERSION)
        self.toolbar.show()
        self.canvas.fit_page()
        self.canvas.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_sized:  # first show: the page gets the room, the docks a column
            self._docks_sized = True
            docks = [self.properties_dock, self.story_dock]
            self.resizeDocks(docks, [320, 320], Qt.Orientation.Horizontal)
            self.resizeDocks(docks, [300, 600], Qt.Orientation.Vertical)
            self.resizeDocks([self.preflight_dock], [170], Qt.Orientation.Vertical)
        zoom, self._zoom_to_restore = getattr(self, "_zoom_to_restore", None), None
        if zoom is not None:  # the zoom the desk left the last window at
            self.canvas.set_zoom_percent(zoom)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- wiring ------------------------------------------------------------------
    def _connect(self) -> None:
        """Every action's slot runs inside the window's error boundary (boundary.py)."""
        a = self.acts
        b = self.boundary
        ops = Operations(self)
        self.ops = ops
        for action_id in (
            "new",
            "open",
            "save",
            "save_as",
            "place",
            "export_png",
            "delete",
            "duplicate",
            "cut",
            "copy",
            "paste",
            "paste_in_place",
            "delete_guides",
            "select_all",
            "deselect",
            "prev_page",
            "next_page",
            "add_page",
            "delete_page",
            "bring_forward",
            "send_backward",
            "bring_front",
            "send_back",
            "lock",
            "unlock",
            "unlink",
        ):
            b.connect_action(a[action_id], partial(self._operation, action_id))
        b.connect_action(a["quit"], self.close)
        b.connect_action(a["undo"], lambda: self.doc.undo())
        b.connect_action(a["redo"], lambda: self.doc.redo())
        b.connect_action(a["zoom_in"], lambda: self.canvas.zoom_step(1))
        b.connect_action(a["zoom_out"], lambda: self.canvas.zoom_step(-1))
        b.connect_action(a["fit_page"], lambda: self.canvas.fit_page())
        b.connect_action(a["actual_size"], lambda: self.canvas.actual_size())
        for action_id, option in VIEW_TOGGLES.items():
            a[action_id].toggled.connect(
                lambda on, name=option, act=a[action_id]: b.run(
                    action_label(act), lambda: self.canvas.set_view_option(name, on)
                )
            )
        a["panel_properties"].toggled.connect(self.properties_dock.setVisible)
        a["panel_story"].toggled.connect(self.story_dock.setVisible)
        b.connect_action(a["lang_id"], lambda: self.set_language("id"))
        b.connect_action(a["lang_en"], lambda: self.set_language("en"))
        for name in TOOLS:
            b.connect_action(a["tool_" + name], partial(self.canvas.set_tool, name))
        self.canvas.tool_changed.connect(lambda n: a["tool_" + n].setChecked(True))
        b.connect_action(a["edit_story"], lambda: self.edit_story())
        b.connect_action(a["edit_inplace"], lambda: self.edit_inplace())
        b.connect_action(a["copyfit"], lambda: self.story_editor.fit_story())
        b.connect_action(a["about"], lambda: self.about())
        self.canvas.text_requested.connect(
            lambda fid: b.run(action_label(a["edit_story"]), lambda: self.open_text(fid))
        )
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.canvas.pointer_moved.connect(self._show_pointer)
        self.canvas.message.connect(self._canvas_message)
        self.doc.changed.connect(self._model_changed)
        self.doc.selection_changed.connect(self._show_selection)
        self.doc.path_changed.connect(self._update_title)
        self.doc.page_changed.connect(self._update_title)
        self.doc.error.connect(lambda text: self.statusBar().showMessage(text, 6000))

    def _operation(self, name: str) -> None:
        """The menu command `name` of Operations (looked up when it runs); Save of a page of a
        shared edition folder writes its page file (shared_edition.py)."""
        shared = getattr(self, "shared", None)
        if name == "save" and shared is not None and shared.active():
            shared.save()
            return
        getattr(self.ops, name)()

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
        monitor = getattr(self, "export_monitor", None)
        if monitor is not None:
            monitor.retranslate()
        help_ = getattr(self, "help", None)
        if help_ is not None:
            help_.retranslate()
        start = getattr(self, "start_screen", None)
        if start is not None:
            start.retranslate()
        styles_dock = getattr(self, "styles_dock", None)
        if styles_dock is not None:
            styles_dock.retranslate()
        shared = getattr(self, "shared", None)
        if shared is not None:
            shared.retranslate()
        self._show_zoom(self.canvas.view.percent)
        self._name_undo_redo()
        self._show_selection()
        self._update_title()

    # -- status ------------------------------------------------------------------
    def _show_zoom(self, percent: float) -> None:
        self.zoom_label.setText(tr(CTX, "Zoom: %1 %").replace("%1", f"{percent:.0f}"))

    def _show_pointer(self, x: float, y: float) -> None:
        u, d = current_unit(), UNIT_DECIMALS[current_unit()]
        self.pos_label.setText(f"X {to_unit(x, u):.{d}f}  Y {to_unit(y, u):.{d}f} {u}")

    def _show_selection(self) -> None:
        frames = self.doc.selected_frames()
        if not frames:
            self.size_label.setText(tr(CTX, "No selection"))
            return
        x0 = min(f.rect.x for f in frames)
        y0 = min(f.rect.y for f in frames)
        w = max(f.rect.right for f in frames) - x0
        h = max(f.rect.bottom for f in frames) - y0
        u, d = current_unit(), UNIT_DECIMALS[current_unit()]
        self.size_label.setText(f"{to_unit(w, u):.{d}f} × {to_unit(h, u):.{d}f} {u}")

    def _canvas_message(self, key: str) -> None:
        if key == "link":
            self.statusBar().showMessage(
                tr(CTX, "Click a text frame to thread the story into it (Esc cancels)")
            )
        else:
            self.statusBar().clearMessage()

    def _model_changed(self) -> None:
        self._show_selection()
        self._update_title()
        h = self.doc.history
        writable = not self.doc.read_only  # a page someone else works on (shared_edition.py)
        self.acts["undo"].setEnabled(writable and (h.can_undo or self.doc.in_group))
        self.acts["redo"].setEnabled(writable and h.can_redo)
        self._name_undo_redo()

    def _name_undo_redo(self) -> None:
        """'Urungkan Pindahkan bingkai' / 'Ulangi …' (undo_labels.py)."""
        h = self.doc.history
        group = getattr(self.doc, "_group", None)  # an open group (a drag, typing) is undone first
        label = getattr(group, "label", None) if self.doc.in_group else h.undo_label
        self.acts["undo"].setText(undo_text(label))
        self.acts["redo"].setText(redo_text(h.redo_label))

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else tr(CTX, "Untitled")
        star = "*" if self.doc.history.is_modified else ""
        page = self.doc.page
        page_text = tr(CTX, "page %1 of %2").replace("%1", str(page.number if page else 0))
        page_text = page_text.replace("%2", str(len(self.doc.edition.pages)))
        self.setWindowTitle(f"{name}{star} ({page_text}) — Kupang Layout")

    # -- text editing ----------------------------------------------------------------
    def open_text(self, frame_id: str) -> None:
        frame = self.doc.frame(frame_id)
        if not isinstance(frame, TextFrame) or not frame.story_id:
            return
        story = self.doc.edition.stories.get(frame.story_id)
        count = len(story.paragraphs) if story else 0
        if edits_in_place(frame, count):
            self.start_inplace(frame)
        else:
            self.doc.set_selection([frame.id])
            self.story_editor.set_story(frame.story_id)
            self.story_dock.show()
            self.story_editor.edit.setFocus()

    def start_inplace(self, frame: TextFrame) -> None:
        if self.inplace is not None:
            self.inplace.commit()
        self.inplace = InplaceEditor(self.canvas, frame)

    def _selected_text_frame(self) -> TextFrame | None:
        frames = [f for f in self.doc.selected_frames() if isinstance(f, TextFrame)]
        return frames[0] if frames else None

    def edit_story(self) -> None:
        frame = self._selected_text_frame()
        if frame is not None and frame.story_id:
            self.story_editor.set_story(frame.story_id)
        self.story_dock.show()
        self.story_editor.edit.setFocus()

    def edit_inplace(self) -> None:
        frame = self._selected_text_frame()
        if frame is not None and frame.story_id:
            self.start_inplace(frame)

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
            event.accept()
        else:
            event.ignore()

    def suggested_name(self) -> str:
        """Save As of an edition: its own name, or KupangTimes_<edition>.kpl for a new one."""
        if self.doc.path is not None:
            return self.doc.path.name
        e = self.doc.edition
        paper = "".join(ch for ch in (e.paper or "KupangTimes") if ch.isalnum()) or "KupangTimes"
        number = "".join(ch for ch in (e.number or "") if ch.isalnum() or ch in "-_")
        return f"{paper}_{number}.kpl" if number else f"{paper}.kpl"

    def file_dialog(self, save: bool, title: str, filters: str) -> Path | None:
        start = str(self.doc.path.parent) if self.doc.path else ""
        if save:
            if "*.kpl)" in filters:  # an edition: a name ready to accept
                start = str(Path(start or str(documents_dir())) / self.suggested_name())
            name, _ = QFileDialog.getSaveFileName(self, title, start, filters)
        else:
            name, _ = QFileDialog.getOpenFileName(self, title, start, filters)
        return Path(name) if name else None
