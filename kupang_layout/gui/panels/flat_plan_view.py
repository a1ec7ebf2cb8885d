"""GUI stage: the flat plan's painted grid: page thumbnails in spreads, one cell a page.

Page 1 stands alone on the right, then 2-3, 4-5, ...; a cell shows the page's
number and section, its thumbnail (or "not made yet"), the booked ads as hatched
boxes of the booked size, the assignee and template, the state in colour and the
lock. Double-click asks to open a page, right-click asks for its menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from kupang_layout.editing.page_ops import blank_page
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.panels.flat_plan_states import (
    STALE_COLOUR,
    STATE_COLOURS,
    lock_text,
    state_text,
)
from kupang_layout.jobs.desk_plan import PlanRow, spreads
from kupang_layout.model.ads import ad_frame
from kupang_layout.model.page import Page
from kupang_layout.model.plan import PageState

CTX = "FlatPlan"

THUMB_W = 100
THUMB_H = round(THUMB_W * 430 / 280)
HEAD_H = 20
FOOT_H = 48
CELL_W = THUMB_W + 8
CELL_H = HEAD_H + THUMB_H + FOOT_H + 8
SPREAD_GAP = 18
ROW_GAP = 14
MARGIN = 10


class FlatPlanView(QWidget):
    """The painted grid of spreads; double-click opens a page, right-click asks for its menu."""

    open_requested = Signal(int)
    menu_requested = Signal(int, QPoint)
    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flat_plan_view")
        self.rows: dict[int, PlanRow] = {}
        self.images: dict[int, QImage | None] = {}
        self.geometry_of: Callable[[int], Page | None] = lambda n: None
        self.current = 0
        self._cells: dict[int, QRect] = {}
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    # -- content and layout ----------------------------------------------------------
    def set_rows(self, rows: list[PlanRow], images: dict[int, QImage | None]) -> None:
        self.rows = {r.number: r for r in rows}
        self.images = images
        if self.current not in self.rows:
            self.current = 0
        self._layout()
        self.update()

    def _layout(self) -> None:
        self._cells.clear()
        width = max(self.width(), 2 * CELL_W + 2 * MARGIN)
        x, y = MARGIN, MARGIN
        for left, right in spreads(list(self.rows)):
            spread_w = 2 * CELL_W
            if x > MARGIN and x + spread_w > width - MARGIN:
                x, y = MARGIN, y + CELL_H + ROW_GAP
            if left is not None:
                self._cells[left] = QRect(x, y, CELL_W, CELL_H)
            if right is not None:
                self._cells[right] = QRect(x + CELL_W, y, CELL_W, CELL_H)
            x += spread_w + SPREAD_GAP
        bottom = y + CELL_H + MARGIN if self._cells else 2 * MARGIN
        self.setMinimumHeight(bottom)

    def resizeEvent(self, event: object) -> None:
        self._layout()

    def sizeHint(self) -> QSize:
        return QSize(8 * (2 * CELL_W + SPREAD_GAP), CELL_H + 2 * MARGIN)

    def cell_rect(self, number: int) -> QRect:
        """Where page `number` is drawn (an empty rect when it is not in the plan)."""
        return QRect(self._cells.get(number, QRect()))

    def number_at(self, pos: QPoint) -> int:
        for n, rect in self._cells.items():
            if rect.contains(pos):
                return n
        return 0

    def set_current(self, number: int) -> None:
        if number != self.current:
            self.current = number
            self.update()
            self.current_changed.emit(number)

    # -- input -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.set_current(self.number_at(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        n = self.number_at(event.position().toPoint())
        if n:
            self.set_current(n)
            self.open_requested.emit(n)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        n = self.number_at(event.pos())
        if n:
            self.set_current(n)
            self.menu_requested.emit(n, event.globalPos())

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(self.rect(), QColor("#e9e9e6"))
        for n, rect in self._cells.items():
            row = self.rows.get(n)
            if row is not None:
                self._paint_cell(p, rect, row)
        p.end()

    def _paint_cell(self, p: QPainter, rect: QRect, row: PlanRow) -> None:
        colour = QColor(STATE_COLOURS[row.state])
        head = QRect(rect.x() + 2, rect.y(), rect.width() - 4, HEAD_H)
        p.fillRect(head, colour)
        p.setPen(QColor("white"))
        font = p.font()
        font.setBold(True)
        font.setPixelSize(12)
        p.setFont(font)
        p.drawText(head.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, str(row.number))
        font.setBold(False)
        font.setPixelSize(10)
        p.setFont(font)
        section = p.fontMetrics().elidedText(row.section, Qt.TextElideMode.ElideRight, 70)
        p.drawText(
            head.adjusted(22, 0, -4, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            section,
        )
        page_rect = QRect(rect.x() + 4, rect.y() + HEAD_H + 2, THUMB_W, THUMB_H)
        image = self.images.get(row.number)
        if image is not None and not image.isNull():
            p.drawImage(page_rect, image)
        else:
            p.fillRect(page_rect, QColor("#f7f7f4" if row.exists else "#fbfbf9"))
            p.setPen(QColor("#9a9a9a"))
            if not row.exists:
                p.drawText(
                    page_rect.adjusted(0, 12, 0, 0),
                    Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter,
                    tr(CTX, "not made yet"),
                )
        self._paint_ads(p, page_rect, row)
        edge = QPen(colour, 3 if row.state != PageState.EMPTY else 1)
        if not row.exists:
            edge.setStyle(Qt.PenStyle.DashLine)
        p.setPen(edge)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(page_rect)
        if row.number == self.current:
            p.setPen(QPen(QColor("#111111"), 2))
            p.drawRect(rect.adjusted(1, 1, -2, -2))
        foot = QRect(rect.x() + 2, page_rect.bottom() + 3, rect.width() - 4, FOOT_H)
        fm = p.fontMetrics()
        p.setPen(QColor("#333333"))
        line1 = row.template or "—"
        if row.assignee:
            line1 = f"{row.assignee} · {line1}"
        p.drawText(
            QRect(foot.x(), foot.y(), foot.width(), 14),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(line1, Qt.TextElideMode.ElideRight, foot.width()),
        )
        p.setPen(colour)
        p.drawText(
            QRect(foot.x(), foot.y() + 15, foot.width(), 14),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(state_text(row), Qt.TextElideMode.ElideRight, foot.width()),
        )
        if row.lock is not None:
            p.setPen(QColor(STALE_COLOUR) if row.lock.stale else QColor("#333333"))
            p.drawText(
                QRect(foot.x(), foot.y() + 30, foot.width(), 14),
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(lock_text(row), Qt.TextElideMode.ElideRight, foot.width()),
            )

    def _paint_ads(self, p: QPainter, page_rect: QRect, row: PlanRow) -> None:
        if not row.ads:
            return
        geometry = self.geometry_of(row.number) or blank_page(None)
        sx = page_rect.width() / max(1.0, geometry.width)
        sy = page_rect.height() / max(1.0, geometry.height)
        for booking in row.ads:
            frame = ad_frame(geometry, booking, "plan-ad")
            r = frame.rect
            box = QRectF(
                page_rect.x() + r.x * sx, page_rect.y() + r.y * sy, r.width * sx, r.height * sy
            )
            p.fillRect(box, QColor(255, 255, 255, 200))
            p.setBrush(QBrush(QColor("#555555"), Qt.BrushStyle.BDiagPattern))
            p.setPen(QPen(QColor("#333333"), 1))
            p.drawRect(box)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("#111111"))
            p.drawText(
                box.adjusted(2, 1, -2, -1),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                booking.advertiser,
            )
