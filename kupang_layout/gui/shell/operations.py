"""GUI stage: what the menu commands do (files, pages, arrange, lock, thread), via the session."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kupang_layout.editing.frame_ops import (
    arrange_commands,
    delete_commands,
    duplicate_commands,
    lock_commands,
)
from kupang_layout.gui.base.host import WindowHost
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas import images
from kupang_layout.gui.shell.boundary import Boundary
from kupang_layout.model import AddPage, Edition, Page, RemovePage, TextFrame, UnlinkFrame, new_id
from kupang_layout.model.units import mm
from kupang_layout.storage import StorageError, load_edition, save_edition
from kupang_layout.storage.load_report import load_warnings

CTX = "MainWindow"
DUPLICATE_OFFSET = mm(5.0)
EDITION_FILTER = "Kupang Layout (*.kpl)"


class OperationsHost(WindowHost, Protocol):
    """The main window the menu commands work in."""

    @property
    def boundary(self) -> Boundary: ...

    def ask_save_changes(self) -> bool: ...

    def ask_new_edition(self) -> Edition | None: ...

    def file_dialog(self, save: bool, title: str, filters: str) -> Path | None: ...


class Operations:
    """Menu commands of one main window."""

    def __init__(self, host: OperationsHost) -> None:
        self.host = host

    @property
    def doc(self) -> EditionSession:
        return self.host.doc

    @property
    def window(self) -> QWidget:
        """The window the menu commands' dialogs and boxes belong to."""
        return self.host.window()

    def error_box(self, text: str) -> None:
        QMessageBox.warning(self.window, "Kupang Layout", text)

    # -- files --------------------------------------------------------------
    def new(self) -> None:
        if not self.host.ask_save_changes():
            return
        edition = self.host.ask_new_edition()
        if edition is not None:
            self.doc.replace(edition, None)

    def open(self, path: Path | None = None) -> bool:
        if not self.host.ask_save_changes():
            return False
        if path is None or not isinstance(path, Path):
            path = self.host.file_dialog(False, tr(CTX, "Open Edition"), EDITION_FILTER)
            if path is None:
                return False
        try:
            edition = load_edition(path)
        except StorageError as exc:
            self.error_box(str(exc))
            return False
        self.doc.replace(edition, path)
        self.show_load_warnings()
        return True

    def show_load_warnings(self) -> QMessageBox | None:
        """What loading repaired in the open edition (storage.load_report), in a message.

        A repaired edition differs from its file: it is marked modified, so the repair
        is saved (or the desk is asked) rather than silently lost.
        """
        warnings = load_warnings(self.doc.edition)
        if not warnings:
            return None
        self.doc.history.mark_modified()
        self.doc.changed.emit()
        lang = self.host.language
        box = QMessageBox(self.window)
        box.setObjectName("load_warnings_box")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr(CTX, "Edition Repaired"))
        box.setText(
            tr(CTX, "Opening %1 repaired what could not be used as it was:").replace(
                "%1", str(self.doc.path.name if self.doc.path else "")
            )
        )
        box.setInformativeText("\n".join("• " + w.message(lang) for w in warnings))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.host.statusBar().showMessage(warnings[0].message(lang), 15000)
        return box

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        path = self.host.file_dialog(True, tr(CTX, "Save Edition"), EDITION_FILTER)
        if path is None:
            return False
        if path.suffix.lower() != ".kpl":
            path = path.with_suffix(".kpl")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save; any failure is shown, the edition stays modified and a recovery copy is
        written (`Boundary.save_failed`)."""
        self.doc.end_group()
        try:
            save_edition(self.doc.edition, path)
        except Exception as exc:  # the Save boundary: nothing may fail silently
            self.host.boundary.save_failed(path, exc)
            return False
        self.doc.history.mark_clean()
        self.doc.set_path(path)
        self.host.statusBar().showMessage(tr(CTX, "Saved %1").replace("%1", str(path)), 4000)
        return True

    def place(self) -> None:
        name = tr(CTX, "Images (*.jpg *.jpeg *.png *.tif *.tiff)")
        files, _ = QFileDialog.getOpenFileNames(self.window, tr(CTX, "Place Image"), "", name)
        if files:
            images.place_files(self.doc, [Path(f) for f in files], None, None)

    def export_png(self) -> None:
        from kupang_layout.render.qt import RasterError, render_page_png

        dl = self.doc.display_list()
        if dl is None:
            return
        path = self.host.file_dialog(True, tr(CTX, "Export Page as PNG"), "PNG (*.png)")
        if path is None:
            return
        try:
            render_page_png(dl, self.doc.edition, path.with_suffix(".png"), 150.0)
        except RasterError as exc:
            self.error_box(str(exc))

    # -- edit ---------------------------------------------------------------
    def delete(self) -> None:
        self.doc.execute_all("delete", delete_commands(self.doc.edition, self.doc.selection))

    def duplicate(self) -> None:
        commands, new_ids = duplicate_commands(
            self.doc.edition, self.doc.selection, DUPLICATE_OFFSET, DUPLICATE_OFFSET
        )
        if self.doc.execute_all("duplicate", commands):
            self.doc.set_selection(new_ids)

    def select_all(self) -> None:
        page = self.doc.page
        if page is not None:
            self.doc.set_selection([f.id for f in page.frames])

    def deselect(self) -> None:
        self.doc.set_selection([])

    # -- pages --------------------------------------------------------------
    def _go(self, step: int) -> None:
        pages = self.doc.edition.pages
        page = self.doc.page
        if page is None or not pages:
            return
        i = pages.index(page) + step
        if 0 <= i < len(pages):
            self.doc.set_page(pages[i].id)

    def prev_page(self) -> None:
        self._go(-1)

    def next_page(self) -> None:
        self._go(1)

    def add_page(self) -> None:
        current = self.doc.page
        pages = self.doc.edition.pages
        page = Page(
            id=new_id("p"),
            number=len(pages) + 1,
            width=current.width if current else mm(280),
            height=current.height if current else mm(430),
        )
        if current is not None:
            for name in ("bleed", "margins", "columns", "baseline"):
                setattr(page, name, copy.copy(getattr(current, name)))
        index = pages.index(current) + 1 if current is not None else None
        if self.doc.execute(AddPage(page, index)):
            self.doc.set_page(page.id)

    def delete_page(self) -> None:
        page = self.doc.page
        if page is None or len(self.doc.edition.pages) <= 1:
            return
        self.doc.execute(RemovePage(page.id))

    # -- object --------------------------------------------------------------
    def _arrange(self, how: str) -> None:
        page = self.doc.page
        if page is not None:
            self.doc.execute_all("arrange", arrange_commands(page, self.doc.selection, how))

    def bring_forward(self) -> None:
        self._arrange("forward")

    def send_backward(self) -> None:
        self._arrange("backward")

    def bring_front(self) -> None:
        self._arrange("front")

    def send_back(self) -> None:
        self._arrange("back")

    def lock(self) -> None:
        self.doc.execute_all("lock", lock_commands(self.doc.edition, self.doc.selection, True))

    def unlock(self) -> None:
        self.doc.execute_all("unlock", lock_commands(self.doc.edition, self.doc.selection, False))

    def unlink(self) -> None:
        for f in self.doc.selected_frames():
            if isinstance(f, TextFrame) and f.story_id:
                chain = self.doc.edition.chain(f.story_id)
                if chain and chain[-1] is not f:
                    self.doc.execute(UnlinkFrame(f.id, new_id("s")))
                    return
