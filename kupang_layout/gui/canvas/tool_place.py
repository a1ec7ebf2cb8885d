"""GUI stage: the loaded cursor of Place (Ctrl+D): a click or a drag puts a photo or manuscript.

The cursor carries what was chosen (a picture or a lines icon, with how many
are left); a click places the next one at its natural size
(`editing/place.py`), a drag gives its frame. Each placement is one undo step.
Esc, or another tool, puts the rest down.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen, QPixmap

from kupang_layout.editing.place import (
    drag_rect,
    image_rect_at,
    manuscript_paragraphs,
    place_image_commands,
    place_text_commands,
    text_rect_at,
)
from kupang_layout.gui.canvas.tools import PointerEvent, Tool, ToolCanvas
from kupang_layout.manuscript.model import Manuscript
from kupang_layout.model import Asset, Command

ICON = 32


@dataclass(frozen=True)
class Loaded:
    """One thing the cursor carries: a photo's asset (its bytes taken in) or a manuscript."""

    name: str
    asset: Asset | None = None
    manuscript: Manuscript | None = None


def loaded_cursor(item: Loaded, count: int) -> QCursor:
    """A cross-hair with a small picture (photo) or lines (text) icon and the count."""
    pix = QPixmap(ICON, ICON)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(QPen(QColor(20, 20, 20), 1))
    p.drawLine(0, 6, 12, 6)
    p.drawLine(6, 0, 6, 12)
    box = QRectF(12.5, 12.5, 17, 14)
    p.fillRect(box, QColor(255, 255, 255))
    p.drawRect(box)
    if item.asset is not None:  # a photo: hills and a sun
        p.setBrush(QColor(40, 110, 200))
        p.drawPolygon(
            [QPointF(14, 25), QPointF(19, 18), QPointF(23, 22), QPointF(28, 16), QPointF(28, 25)]
        )
        p.setBrush(QColor(240, 180, 30))
        p.drawEllipse(QPointF(17, 16), 1.6, 1.6)
    else:  # a manuscript: lines of text
        for i in range(4):
            p.drawLine(QPointF(15, 16 + 3 * i), QPointF(27 - (4 if i == 3 else 0), 16 + 3 * i))
    if count > 1:
        font = QFont()
        font.setPixelSize(9)
        p.setFont(font)
        p.drawText(QPointF(14, 11), str(count))
    p.end()
    return QCursor(pix, 6, 6)


class PlaceTool(Tool):
    """Carries photos and manuscripts until each is put on the page."""

    name = "place"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: ToolCanvas) -> None:
        super().__init__(canvas)
        self.items: list[Loaded] = []
        self._start: tuple[float, float] | None = None
        self._start_pos = QPointF()
        self.finished: list[str] = []  # frame ids placed since loading

    @property
    def busy(self) -> bool:
        return self._start is not None

    def load(self, items: list[Loaded]) -> None:
        self.items = list(items)
        self.finished = []
        self._show_cursor()

    def _show_cursor(self) -> None:
        if self.items:
            self.canvas.setCursor(loaded_cursor(self.items[0], len(self.items)))

    def hover(self, ev: PointerEvent) -> None:
        self._show_cursor()

    def press(self, ev: PointerEvent) -> None:
        if ev.button != Qt.MouseButton.LeftButton or not self.items or self.canvas.doc.page is None:
            return
        self._start = (ev.x, ev.y)
        self._start_pos = ev.pos

    def move(self, ev: PointerEvent) -> None:
        if self._start is None:
            self.hover(ev)
            return
        rect = drag_rect(*self._start, ev.x, ev.y)
        if rect is not None:
            self.canvas.set_rubber(QRectF(rect.x, rect.y, rect.width, rect.height), False)

    def release(self, ev: PointerEvent) -> None:
        if self._start is None:
            return
        start, self._start = self._start, None
        self.canvas.set_rubber(None, False)
        doc = self.canvas.doc
        page = doc.page
        if page is None or not self.items:
            return
        item = self.items[0]
        rect = drag_rect(*start, ev.x, ev.y)
        commands: list[Command]
        if item.asset is not None:
            rect = rect or image_rect_at(page, item.asset, *start)
            commands, fid = place_image_commands(page, rect, item.asset)
        elif item.manuscript is not None:
            rect = rect or text_rect_at(page, *start)
            styles = doc.edition.paragraph_styles
            style = "Body" if "Body" in styles else next(iter(styles), "Body")
            paragraphs = manuscript_paragraphs(doc.edition, item.manuscript, style)
            commands, fid = place_text_commands(page, rect, paragraphs)
        else:
            return
        if not doc.execute_all("place", commands):
            return
        self.items.pop(0)
        self.finished.append(fid)
        doc.set_selection(self.finished)
        if self.items:
            self._show_cursor()
        else:
            self.canvas.place_done()

    def cancel(self) -> None:
        self._start = None
        self.canvas.set_rubber(None, False)
