"""GUI stage: what the menu commands do (files, place, clipboard, pages, arrange, guides)."""

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
from kupang_layout.editing.place import (
    fill_image_commands,
    fill_text_commands,
    manuscript_paragraphs,
)
from kupang_layout.gui.base.host import WindowHost
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas import images
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.canvas.frame_clipboard import copy_frames, paste_frames
from kupang_layout.gui.canvas.tool_place import Loaded
from kupang_layout.gui.dialogs.import_dialog import story_groups
from kupang_layout.gui.shell.boundary import Boundary
from kupang_layout.manuscript.model import Manuscript
from kupang_layout.manuscript.parser import ManuscriptError, read_manuscript
from kupang_layout.model import (
    AddPage,
    Edition,
    ImageFrame,
    Page,
    RemovePage,
    SetPageProperties,
    TextFrame,
    UnlinkFrame,
    new_id,
)
from kupang_layout.model.units import mm
from kupang_layout.storage import StorageError, load_edition, save_edition
from kupang_layout.storage.load_report import load_warnings

CTX = "MainWindow"
DUPLICATE_OFFSET = mm(5.0)
EDITION_FILTER = "Kupang Layout (*.kpl)"
MANUSCRIPT_SUFFIXES = (".txt",)


class OperationsHost(WindowHost, Protocol):
    """The main window the menu commands work in."""

    @property
    def boundary(self) -> Boundary: ...

    def ask_save_changes(self) -> bool: ...

    def ask_new_edition(self) -> Edition | None: ...

    def file_dialog(self, save: bool, title: str, filters: str) -> Path | None: ...

    @property
    def canvas(self) -> PageCanvas: ...


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
        """Place (Ctrl+D): photos and manuscripts. With a frame selected the first fitting
        file fills it (a photo an image frame; a manuscript a story slot group through the
        import, or a free text frame's story); the rest load the cursor (tool_place.py)."""
        what = tr(CTX, "Photos and manuscripts (*.jpg *.jpeg *.png *.tif *.tiff *.txt)")
        photos = tr(CTX, "Images (*.jpg *.jpeg *.png *.tif *.tiff)")
        texts = tr(CTX, "Manuscripts (*.txt)")
        files, _ = QFileDialog.getOpenFileNames(
            self.window, tr(CTX, "Place"), "", f"{what};;{photos};;{texts}"
        )
        paths = [Path(f) for f in files]
        if not paths:
            return
        frames = self.doc.selected_frames()
        target = frames[0] if len(frames) == 1 and not frames[0].locked else None
        if target is not None and self._fill(target, paths[0]):
            paths = paths[1:]
        loaded = [item for item in (self._load(p) for p in paths) if item is not None]
        if loaded:
            self.doc.set_selection([])
            self.host.canvas.load_place(loaded)

    def _fill(self, frame: object, path: Path) -> bool:
        """Put the file into the selected frame if it fits there; True if it was used."""
        is_text = path.suffix.lower() in MANUSCRIPT_SUFFIXES
        page = self.doc.page
        if isinstance(frame, ImageFrame) and not is_text:
            asset = images.read_asset(self.doc, path)
            if asset is not None:
                self.doc.execute_all("place image", fill_image_commands(frame, asset))
                self.doc.set_selection([frame.id])
            return True
        if not isinstance(frame, TextFrame) or not is_text or page is None:
            return False
        editions = getattr(self.host, "editions", None)
        if frame.role is not None and frame.slot in story_groups(page) and editions is not None:
            editions.import_files(page.id, [path], frame.slot)
            return True
        manuscript = self._manuscript(path)
        if manuscript is not None:
            paragraphs = manuscript_paragraphs(self.doc.edition, manuscript, frame.paragraph_style)
            self.doc.execute_all("place", fill_text_commands(frame, paragraphs))
        return True

    def _manuscript(self, path: Path) -> Manuscript | None:
        try:
            return read_manuscript(path, self.doc.edition.paper)
        except ManuscriptError as exc:
            self.doc.error.emit(str(exc))
            return None

    def _load(self, path: Path) -> Loaded | None:
        if path.suffix.lower() in MANUSCRIPT_SUFFIXES:
            manuscript = self._manuscript(path)
            if manuscript is None:
                return None
            return Loaded(path.name, manuscript=manuscript)
        asset = images.read_asset(self.doc, path)
        return Loaded(path.name, asset=asset) if asset is not None else None

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

    def copy(self) -> None:
        copy_frames(self.doc)

    def cut(self) -> None:
        if copy_frames(self.doc):
            self.delete()

    def paste(self) -> None:
        paste_frames(self.doc, self.host.canvas.visible_area(), in_place=False)

    def paste_in_place(self) -> None:
        paste_frames(self.doc, self.host.canvas.visible_area(), in_place=True)

    def delete_guides(self) -> None:
        """Every ruler guide of the page, one undo step (the column grid stays)."""
        page = self.doc.page
        if page is not None and page.guides:
            self.doc.execute(SetPageProperties(page.id, guides=[]))

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
