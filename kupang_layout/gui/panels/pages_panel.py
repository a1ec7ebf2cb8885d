"""GUI stage: the pages panel: a thumbnail of every page; go to, add, insert, duplicate,
delete and reorder pages (drag), drop photos into photo slots and manuscripts onto a page.

Every change is a model command run through the document's History. Page
numbers follow the order (the commands renumber) and folios follow the page
numbers (they show the {{folio}} variable). The list and its drag and drop are
`page_list.PageList`; the thumbnails are kept up to date by
`page_thumbnails.PageThumbnails`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.page_ops import (
    blank_page,
    duplicate_page_command,
    photo_slot_commands,
    template_page_command,
)
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.page_list import PAGE_ID, PageList
from kupang_layout.gui.panels.page_thumbnails import PageThumbnails
from kupang_layout.model import AddPage, Asset, MovePage, RemovePage
from kupang_layout.preflight.doc_rules import pasteboard_frames
from kupang_layout.storage import StorageError, TemplateLibrary, add_asset

CTX = "PagesPanel"


def page_ranges(numbers: list[int]) -> str:
    """[4, 5, 7, 8, 9] -> '4-5, 7-9' (the way a desk writes page lists)."""
    out: list[str] = []
    for n in sorted(set(numbers)):
        if out and out[-1].split("–")[-1] == str(n - 1):
            out[-1] = out[-1].split("–")[0] + f"–{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


class PagesPanel(QWidget):
    """The dock's contents: the page list and the page buttons."""

    manuscripts_dropped = Signal(str, list)
    apply_template_requested = Signal(str)

    def __init__(
        self, doc: EditionSession, library: Callable[[], TemplateLibrary] | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("pages_panel")
        self.doc = doc
        self.library = library or TemplateLibrary
        self.thumbnails = PageThumbnails(doc, self)
        self.thumbnails.ready.connect(self._thumbnail_shown)
        self.list = PageList()
        self.buttons: dict[str, QToolButton] = {}
        row = QGridLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for i, name in enumerate(("add", "insert", "duplicate", "delete", "template")):
            b = QToolButton()
            b.setObjectName("pages_" + name)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.addWidget(b, i // 3, i % 3, 1, 2 if name == "template" else 1)
            self.buttons[name] = b
        for name in ("add", "insert"):
            menu = QMenu(self.buttons[name])
            menu.aboutToShow.connect(lambda m=menu, n=name: self._fill_menu(m, n == "insert"))
            self.buttons[name].setMenu(menu)
            self.buttons[name].setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.buttons["duplicate"].clicked.connect(self.duplicate_page)
        self.buttons["delete"].clicked.connect(self.delete_page)
        self.buttons["template"].clicked.connect(
            lambda: self.apply_template_requested.emit(self.doc.page_id)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.planned = QLabel()  # planned pages not made yet (the flat plan shows them whole)
        self.planned.setObjectName("pages_planned")
        self.planned.setWordWrap(True)
        self.planned.setStyleSheet("color: #555")
        layout.addWidget(self.planned)
        self.list.itemClicked.connect(self._clicked)
        self.list.currentItemChanged.connect(lambda item, _old: self._clicked(item))
        self.list.move_requested.connect(self.move_page)
        self.list.photos_dropped.connect(self.place_photos)
        self.list.manuscripts_dropped.connect(self.manuscripts_dropped)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        doc.changed.connect(self._model_changed)
        doc.page_changed.connect(self._show_current)
        self.retranslate()
        self.sync()
        self.thumbnails.refresh()

    # -- texts ------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            "add": tr(CTX, "Add"),
            "insert": tr(CTX, "Insert"),
            "duplicate": tr(CTX, "Duplicate"),
            "delete": tr(CTX, "Delete"),
            "template": tr(CTX, "Template…"),
        }
        tips = {
            "add": tr(CTX, "Add a page after the current one"),
            "insert": tr(CTX, "Insert a page before the current one"),
            "duplicate": tr(CTX, "Duplicate the current page"),
            "delete": tr(CTX, "Delete the current page"),
            "template": tr(CTX, "Apply another template to the current page"),
        }
        for name, b in self.buttons.items():
            b.setText(texts[name])
            b.setToolTip(tips[name])
        self.list.setToolTip(
            tr(
                CTX,
                "Drag a page to reorder; drop photos to fill photo slots, manuscripts to import",
            )
        )
        self.sync()

    def _label(self, page_index: int) -> str:
        page = self.doc.edition.pages[page_index]
        text = tr(CTX, "Page %1").replace("%1", str(page.number))
        if page.template:
            text += f"\n{page.template}"
        parked = len(pasteboard_frames(page))
        if parked:
            text += "\n" + tr(CTX, "%1 on pasteboard").replace("%1", str(parked))
        return text

    # -- the list -------------------------------------------------------------------------
    def sync(self) -> None:
        """Items in page order (kept when the pages are the same), labels, current page."""
        pages = self.doc.edition.pages
        ids = [p.id for p in pages]
        shown = [str(self.list.item(i).data(PAGE_ID)) for i in range(self.list.count())]
        self.list.blockSignals(True)
        try:
            if shown != ids:
                self.list.clear()
                for p in pages:
                    item = QListWidgetItem()
                    item.setData(PAGE_ID, p.id)
                    item.setIcon(self._icon(p.id))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
                    self.list.addItem(item)
            for i in range(len(pages)):
                self.list.item(i).setText(self._label(i))
            self._show_current()
        finally:
            self.list.blockSignals(False)
        made = {p.number for p in pages}
        missing = [n for n in self.doc.edition.plan.numbers() if n not in made]
        self.planned.setText(
            tr(CTX, "Planned, not made yet: %1").replace("%1", page_ranges(missing))
            if missing
            else ""
        )
        self.planned.setVisible(bool(missing))
        self.thumbnails.keep_only(set(ids))

    def _show_current(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(PAGE_ID) == self.doc.page_id:
                if self.list.currentRow() != i:
                    self.list.blockSignals(True)
                    self.list.setCurrentRow(i)
                    self.list.blockSignals(False)
                self.list.scrollToItem(item)
                return

    def _icon(self, page_id: str) -> QIcon:
        image = self.thumbnails.thumbnail(page_id)
        if image is None:
            size = self.list.iconSize()
            pix = QPixmap(size)
            pix.fill(QColor(235, 235, 235))
            p = QPainter(pix)
            p.setPen(QColor(200, 200, 200))
            p.drawRect(0, 0, size.width() - 1, size.height() - 1)
            p.end()
            return QIcon(pix)
        pix = QPixmap.fromImage(image)
        p = QPainter(pix)
        p.setPen(QColor(120, 120, 120))
        p.drawRect(0, 0, pix.width() - 1, pix.height() - 1)
        p.end()
        return QIcon(pix)

    def _clicked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.doc.set_page(str(item.data(PAGE_ID)))

    def _model_changed(self) -> None:
        self.sync()
        self.thumbnails.schedule()

    def _thumbnail_shown(self, page_id: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(PAGE_ID) == page_id:
                item.setIcon(self._icon(page_id))

    # -- page commands ----------------------------------------------------------------------
    def _current_index(self) -> int | None:
        ids = [p.id for p in self.doc.edition.pages]
        return ids.index(self.doc.page_id) if self.doc.page_id in ids else None

    def _fill_menu(self, menu: QMenu, before: bool) -> None:
        menu.clear()
        menu.addAction(tr(CTX, "Blank Page"), lambda: self.add_page(None, before))
        menu.addSeparator()
        library = self.library()
        for info in library.list():
            menu.addAction(info.name, partial(self.add_page, info.name, before))

    def add_page(self, template_name: str | None, before: bool = False) -> str | None:
        """A page from the template (or blank) after the current page (before it)."""
        current = self._current_index()
        index = None if current is None else (current if before else current + 1)
        if template_name is None:
            like = self.doc.page
            page = blank_page(like)
            ok = self.doc.execute(AddPage(page, index))
        else:
            try:
                template = self.library().get(template_name)
            except StorageError as exc:
                self.doc.error.emit(str(exc))
                return None
            page, command = template_page_command(self.doc.edition, template, index)
            ok = self.doc.execute(command)
        if ok:
            self.doc.set_page(page.id)
            return page.id
        return None

    def duplicate_page(self) -> str | None:
        if self.doc.page is None:
            return None
        page, command = duplicate_page_command(self.doc.edition, self.doc.page_id)
        if self.doc.execute(command):
            self.doc.set_page(page.id)
            return page.id
        return None

    def delete_page(self) -> None:
        if self.doc.page is None or len(self.doc.edition.pages) <= 1:
            return
        self.doc.execute(RemovePage(self.doc.page_id))

    def move_page(self, page_id: str, before_row: int) -> None:
        ids = [p.id for p in self.doc.edition.pages]
        if page_id not in ids:
            return
        old = ids.index(page_id)
        new = before_row if before_row <= old else before_row - 1
        new = max(0, min(new, len(ids) - 1))
        if new != old:
            self.doc.execute(MovePage(page_id, new))

    def place_photos(self, page_id: str, paths: list[Path]) -> int:
        """Photos into the empty photo slots from this page on, in order, as one step.
        Returns how many were placed; the rest is reported."""
        start = page_id or self.doc.page_id
        assets: list[Asset] = []
        for path in paths:
            try:
                assets.append(add_asset(self.doc.edition, path.read_bytes(), path.name))
            except OSError as exc:
                self.doc.error.emit(f"{path}: {exc.strerror or exc}")
            except StorageError as exc:
                self.doc.error.emit(str(exc))
        commands, left = photo_slot_commands(self.doc.edition, start, assets)
        if commands and not self.doc.execute_all("place photos", commands):
            return 0
        if left:
            self.doc.error.emit(
                tr(CTX, "%1 photos found no empty photo slot: %2")
                .replace("%1", str(len(left)))
                .replace("%2", ", ".join(a.name for a in left))
            )
        return len(commands)

    def _context_menu(self, pos: QPoint) -> None:
        page_id = self.list.page_at(pos)
        if page_id:
            self.doc.set_page(page_id)
        menu = QMenu(self)
        add = menu.addMenu(tr(CTX, "Add"))
        self._fill_menu(add, False)
        insert = menu.addMenu(tr(CTX, "Insert"))
        self._fill_menu(insert, True)
        menu.addAction(tr(CTX, "Duplicate"), self.duplicate_page)
        menu.addAction(tr(CTX, "Delete"), self.delete_page)
        menu.addSeparator()
        menu.addAction(
            tr(CTX, "Template…"), lambda: self.apply_template_requested.emit(self.doc.page_id)
        )
        menu.exec(self.list.mapToGlobal(pos))
