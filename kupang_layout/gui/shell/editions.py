"""GUI stage: editions and pages in the main window: the pages dock, new edition, recent
files, the template gallery, manuscript import (menu and drops on the page).

`install_editions(window)` wires it all in; the window keeps the returned
controller as `window.editions`.
"""

from __future__ import annotations

import contextlib
from functools import partial
from pathlib import Path
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog, QMenu

from kupang_layout.common.recent import add_recent, clear_recent, existing_recent
from kupang_layout.editing.handles import frame_at
from kupang_layout.gui.base.host import WindowHost, main_window_of
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.dialogs.import_dialog import (
    ImportReport,
    free_group,
    import_manuscript,
    story_groups,
)
from kupang_layout.gui.dialogs.new_edition import NewEditionDialog
from kupang_layout.gui.dialogs.template_gallery import TemplateGallery
from kupang_layout.gui.panels.page_list import manuscript_paths
from kupang_layout.gui.panels.pages_panel import PagesPanel
from kupang_layout.gui.shell.actions import Actions
from kupang_layout.gui.shell.boundary import Boundary, action_label
from kupang_layout.gui.shell.operations import Operations
from kupang_layout.model import Edition
from kupang_layout.storage import TemplateLibrary

CTX = "MainWindow"
MANUSCRIPT_FILTER = "Naskah (*.txt)"
DOCK_WIDTH = 230


def template_library() -> TemplateLibrary:
    """The library with the user's template folder from the preferences."""
    try:
        from kupang_layout.gui.base.settings import app_settings
    except ImportError:  # pragma: no cover - settings are part of the app
        return TemplateLibrary()
    return TemplateLibrary(user_dir=app_settings().template_dir)


class EditionsHost(WindowHost, Protocol):
    """The main window the editions features are wired into."""

    @property
    def acts(self) -> Actions: ...

    @property
    def boundary(self) -> Boundary: ...

    @property
    def canvas(self) -> PageCanvas: ...

    @property
    def ops(self) -> Operations: ...


class EditionsController(QObject):
    """The editions-and-pages features of one main window."""

    def __init__(self, host: EditionsHost) -> None:
        window = main_window_of(host)
        super().__init__(window)
        self.host = host
        self.window = window
        self.doc = host.doc
        self.library = template_library
        self.last_report: ImportReport | None = None
        self.last_gallery: TemplateGallery | None = None
        self.pages = PagesPanel(self.doc, self.library)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("dock_pages")
        self.dock.setWidget(self.pages)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        acts = host.acts
        file_menu = self._menu("&File")
        if file_menu is not None:
            file_menu.insertMenu(acts["save"], self.recent_menu)
        b = host.boundary  # every action inside the window's error boundary
        b.connect_action(acts["import_manuscript"], lambda: self.import_from_menu())
        b.connect_action(acts["template_gallery"], lambda: self.open_gallery())
        b.connect_action(acts["apply_template"], lambda: self.open_gallery(apply=True))
        b.connect_action(acts["save_page_template"], lambda: self.save_page_as_template())
        b.connect_action(acts["duplicate_page"], lambda: self.pages.duplicate_page())
        acts["panel_pages"].toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(self._dock_shown)
        self._sized = False
        apply_label = action_label(acts["apply_template"])
        self.pages.apply_template_requested.connect(
            lambda _pid: b.run(apply_label, lambda: self.open_gallery(apply=True))
        )
        import_label = action_label(acts["import_manuscript"])
        self.pages.manuscripts_dropped.connect(
            lambda pid, paths: b.run(import_label, lambda: self.import_files(pid, paths))
        )
        self.doc.path_changed.connect(self._remember_path)
        host.canvas.installEventFilter(self)
        window.installEventFilter(self)
        self.retranslate()

    def _menu(self, title: str) -> QMenu | None:
        for menu, t in self.host.acts.menus:
            if t == title:
                return menu
        return None

    def retranslate(self) -> None:
        self.dock.setWindowTitle(tr(CTX, "Pages"))
        self.recent_menu.setTitle(tr(CTX, "Open &Recent"))
        self.pages.retranslate()

    def _dock_shown(self, on: bool) -> None:
        """The View menu's tick follows the dock (closed with its own button, say)."""
        if shiboken6.isValid(self.window) and not self.window.isHidden():
            self.host.acts["panel_pages"].setChecked(on)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Show and not self._sized:
                self._sized = True  # first show: a narrow column of thumbnails
                self.window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            return False
        if obj is self.host.canvas:
            return self._canvas_drop(event)
        return False

    # -- new edition ---------------------------------------------------------------------
    def ask_new_edition(self) -> Edition | None:
        """The New Edition dialog; the edition built, or None when cancelled."""
        dialog = NewEditionDialog(self.library(), self.window, self.doc.edition.paper)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edition

    # -- recent files --------------------------------------------------------------------------
    def _remember_path(self) -> None:
        if self.doc.path is not None:
            add_recent(self.doc.path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = existing_recent()
        for i, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{i} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            self.host.boundary.connect_action(action, partial(self.host.ops.open, path))
        if not files:
            empty = self.recent_menu.addAction(tr(CTX, "(none)"))
            empty.setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(tr(CTX, "Clear List"), clear_recent)

    # -- templates ----------------------------------------------------------------------------
    def open_gallery(self, apply: bool = False, run: bool = True) -> TemplateGallery:
        gallery = TemplateGallery(self.doc, self.library, self.window)
        gallery.message.connect(lambda text: self.host.statusBar().showMessage(text, 8000))
        page = self.doc.page
        if page is not None and page.template:
            with contextlib.suppress(KeyError):  # not in the library (any more)
                gallery.list.select(page.template)
        if apply:
            gallery.buttons["apply"].setDefault(True)
            gallery.buttons["apply"].setFocus()
        self.last_gallery = gallery
        if run:
            gallery.exec()
        return gallery

    def save_page_as_template(self) -> None:
        gallery = self.open_gallery(run=False)
        if gallery.save_page() is not None:
            gallery.exec()

    # -- manuscripts ----------------------------------------------------------------------------
    def import_from_menu(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, tr(CTX, "Import Manuscript"), "", MANUSCRIPT_FILTER
        )
        if names:
            self.import_files(self.doc.page_id, [Path(n) for n in names])

    def import_files(
        self, page_id: str, paths: list[Path], slot: str | None = None, show: bool = True
    ) -> list[ImportReport]:
        """Each manuscript into a slot group of the page: `slot`, else the next empty one
        when several files come at once, else the desk's choice."""
        reports: list[ImportReport] = []
        page_id = page_id or self.doc.page_id
        for path in paths:
            wanted = slot
            if wanted is None and len(paths) > 1:
                try:
                    page = self.doc.edition.page_by_id(page_id)
                except KeyError:
                    return reports
                wanted = free_group(self.doc, page)
            report = import_manuscript(
                self.window, self.doc, path, page_id, wanted, self.host.language, show
            )
            if report is not None:
                reports.append(report)
                self.last_report = report
        return reports

    def _canvas_drop(self, event: QEvent) -> bool:
        kinds = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if event.type() not in kinds:
            return False
        assert isinstance(event, QDropEvent)  # drag enter and move events are drop events
        paths = manuscript_paths(event.mimeData())
        if not paths:
            return False  # pictures and the rest: the canvas's own handling
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            x, y = self.host.canvas.view.to_page(event.position())
            label = action_label(self.host.acts["import_manuscript"])
            self.host.boundary.run(label, lambda: self.drop_on_canvas(paths, x, y))
        return True

    def drop_on_canvas(self, paths: list[Path], x: float, y: float) -> None:
        """Manuscripts dropped on the page: the slot group of the frame under the pointer."""
        page = self.doc.page
        if page is None:
            return
        hit = frame_at(page.frames, x, y, 0.0)
        slot = hit.slot if hit is not None and hit.slot in story_groups(page) else None
        self.import_files(page.id, paths, slot)


def install_editions(host: EditionsHost) -> EditionsController:
    """Add the pages dock, the recent-files menu and the edition/template/import actions."""
    return EditionsController(host)
