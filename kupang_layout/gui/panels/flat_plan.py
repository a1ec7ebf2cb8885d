"""GUI stage: the flat plan (rencana halaman): the edition's pages as thumbnails in spreads.

Page 1 stands alone on the right, then 2-3, 4-5, ...; every planned page is
shown, made or not, with its number, section, template, booked ads (hatched
boxes of the booked size), assignee and state in colour. The panel works on a
`PlanBackend`: a single `.kpl` (`flat_plan_session.SessionPlan`, plan commands
on the session's History) or a shared edition folder (the shell's
`shared_edition`, `update_plan` on edition.json); it never changes the plan itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Protocol

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
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.page_ops import blank_page
from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.jobs.desk_plan import PlanRow, since_text, spreads
from kupang_layout.model.ads import ad_frame
from kupang_layout.model.page import Page
from kupang_layout.model.plan import MAX_PLANNED_PAGES, PageState

CTX = "FlatPlan"

#: The state colours every flat plan uses (grey, blue, green, dark green, orange).
STATE_COLOURS: dict[PageState, str] = {
    PageState.EMPTY: "#8c8c8c",
    PageState.IN_PROGRESS: "#1f5fbf",
    PageState.READY: "#2e9d3a",
    PageState.SENT: "#17531f",
    PageState.CHANGED: "#e67700",
}
STATE_NAMES: dict[PageState, str] = {
    PageState.EMPTY: noop(CTX, "empty"),
    PageState.IN_PROGRESS: noop(CTX, "in progress"),
    PageState.READY: noop(CTX, "ready"),
    PageState.SENT: noop(CTX, "sent"),
    PageState.CHANGED: noop(CTX, "changed after sending"),
}
STALE_COLOUR = "#b00020"

THUMB_W = 100
THUMB_H = round(THUMB_W * 430 / 280)
HEAD_H = 20
FOOT_H = 48
CELL_W = THUMB_W + 8
CELL_H = HEAD_H + THUMB_H + FOOT_H + 8
SPREAD_GAP = 18
ROW_GAP = 14
MARGIN = 10


class PlanBackend(Protocol):
    """What the flat plan panel works on (a .kpl's session or a shared folder)."""

    def rows(self) -> list[PlanRow]: ...

    def thumbnail(self, row: PlanRow, width: int) -> QImage | None: ...

    def page_geometry(self, number: int) -> Page | None: ...

    def page_count(self) -> int: ...

    def set_page_count(self, count: int) -> None: ...

    def set_entry(self, number: int, label: str, **changes: object) -> None: ...

    def renumber(self) -> None: ...

    def open_page(self, number: int) -> None: ...

    def templates(self) -> list[str]: ...

    def desk_name(self) -> str: ...


def state_text(row: PlanRow) -> str:
    """'dikerjakan · Rina', 'terkirim 14.02', 'kosong' in the current language."""
    name = tr(CTX, STATE_NAMES[row.state])
    if row.state in (PageState.SENT, PageState.CHANGED) and row.detail:
        return f"{name} {since_text(row.detail)}"
    if row.detail:
        return f"{name} · {row.detail}"
    return name


def lock_text(row: PlanRow) -> str:
    """'Rina (PC-LAYOUT-2) sejak 14.02', marked stale when the lock is stale; '' if none."""
    if row.lock is None:
        return ""
    h = row.lock.holder
    text = (
        tr(CTX, "%1 (%2) since %3")
        .replace("%1", h.user)
        .replace("%2", h.host)
        .replace("%3", since_text(h.since))
    )
    if row.lock.stale:
        text = tr(CTX, "stale lock: %1").replace("%1", text)
    return text


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


class FlatPlanPanel(QWidget):
    """The flat plan with its buttons: open, assign, template, ready, page count, renumber."""

    def __init__(self, backend: PlanBackend | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flat_plan_panel")
        self.backend = backend
        self.view = FlatPlanView()
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.view)
        self.title = QLabel()
        self.title.setObjectName("flat_plan_title")
        self.count_label = QLabel()
        self.count = QSpinBox()
        self.count.setObjectName("plan_page_count")
        self.count.setRange(0, MAX_PLANNED_PAGES)
        self.count.setKeyboardTracking(False)
        self.count.valueChanged.connect(self._count_changed)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for name in ("open", "assign", "template", "ready", "renumber"):
            b = QPushButton()
            b.setObjectName("plan_" + name)
            self.buttons[name] = b
            bar.addWidget(b)
        bar.addWidget(self.count_label)
        bar.addWidget(self.count)
        self.buttons["open"].clicked.connect(lambda: self._with_current(self.open_page))
        self.buttons["assign"].clicked.connect(lambda: self._with_current(self.ask_assignee))
        self.buttons["template"].clicked.connect(lambda: self._with_current(self.ask_template))
        self.buttons["ready"].clicked.connect(lambda: self._with_current(self.toggle_ready))
        self.buttons["renumber"].clicked.connect(self.renumber)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        self.view.open_requested.connect(self.open_page)
        self.view.menu_requested.connect(self.show_menu)
        self.view.current_changed.connect(lambda _n: self._enable())
        self.last_menu: QMenu | None = None
        self.retranslate()
        self.refresh()

    def set_backend(self, backend: PlanBackend | None) -> None:
        self.backend = backend
        self.view.current = 0
        self.refresh()

    def retranslate(self) -> None:
        texts = {
            "open": tr(CTX, "Open"),
            "assign": tr(CTX, "Assign…"),
            "template": tr(CTX, "Template…"),
            "ready": tr(CTX, "Mark Ready"),
            "renumber": tr(CTX, "Renumber Pages"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.count_label.setText(tr(CTX, "Pages planned:"))
        self._title()
        self.view.update()

    def _title(self) -> None:
        rows = list(self.view.rows.values())
        done = sum(1 for r in rows if r.state in (PageState.READY, PageState.SENT))
        self.title.setText(
            tr(CTX, "%1 pages, %2 ready or sent")
            .replace("%1", str(len(rows)))
            .replace("%2", str(done))
        )

    # -- refresh -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the plan again and redraw (after a change here or on another desk)."""
        backend = self.backend
        if backend is None:
            self.view.set_rows([], {})
            self._enable()
            return
        rows = backend.rows()
        images = {r.number: backend.thumbnail(r, THUMB_W) for r in rows if r.exists}
        self.view.geometry_of = backend.page_geometry
        self.view.set_rows(rows, images)
        self.count.blockSignals(True)
        self.count.setValue(backend.page_count())
        self.count.blockSignals(False)
        self._title()
        self._enable()

    def _enable(self) -> None:
        has = self.backend is not None and self.view.current in self.view.rows
        for name in ("open", "assign", "template", "ready"):
            self.buttons[name].setEnabled(has)
        self.buttons["renumber"].setEnabled(self.backend is not None)
        self.count.setEnabled(self.backend is not None)
        row = self.view.rows.get(self.view.current)
        ready = row is not None and row.state in (PageState.READY, PageState.SENT)
        self.buttons["ready"].setText(tr(CTX, "Not Ready") if ready else tr(CTX, "Mark Ready"))

    def row(self, number: int) -> PlanRow | None:
        return self.view.rows.get(number)

    def _with_current(self, what: Callable[[int], object]) -> None:
        if self.view.current:
            what(self.view.current)

    # -- what the desk does ------------------------------------------------------------------
    def open_page(self, number: int) -> None:
        if self.backend is not None:
            self.view.set_current(number)
            self.backend.open_page(number)

    def assign(self, number: int, name: str) -> None:
        if self.backend is not None:
            self.backend.set_entry(number, "assign page", assignee=name.strip())
            self.refresh()

    def ask_assignee(self, number: int) -> None:
        row = self.row(number)
        name, ok = QInputDialog.getText(
            self,
            tr(CTX, "Assign Page"),
            tr(CTX, "Who makes page %1?").replace("%1", str(number)),
            text=row.assignee if row is not None else "",
        )
        if ok:
            self.assign(number, name)

    def set_template(self, number: int, template: str) -> None:
        if self.backend is not None:
            self.backend.set_entry(number, "plan template", template=template or None)
            self.refresh()

    def ask_template(self, number: int) -> None:
        if self.backend is None:
            return
        names = ["", *self.backend.templates()]
        row = self.row(number)
        current = names.index(row.template) if row is not None and row.template in names else 0
        name, ok = QInputDialog.getItem(
            self,
            tr(CTX, "Page Template"),
            tr(CTX, "Template of page %1:").replace("%1", str(number)),
            names,
            current,
            False,
        )
        if ok:
            self.set_template(number, name)

    def toggle_ready(self, number: int) -> None:
        row = self.row(number)
        ready = row is None or row.state not in (PageState.READY, PageState.SENT)
        self.set_ready(number, ready)

    def set_ready(self, number: int, ready: bool) -> None:
        if self.backend is None:
            return
        if ready:
            now = datetime.now().astimezone().isoformat(timespec="seconds")
            self.backend.set_entry(
                number, "mark ready", ready=True, ready_by=self.backend.desk_name(), ready_at=now
            )
        else:
            self.backend.set_entry(number, "mark not ready", ready=False, ready_by="", ready_at="")
        self.refresh()

    def renumber(self) -> None:
        if self.backend is not None:
            self.backend.renumber()
            self.refresh()

    def _count_changed(self, value: int) -> None:
        if self.backend is not None and value != self.backend.page_count():
            self.backend.set_page_count(value)
            self.refresh()

    # -- the context menu ---------------------------------------------------------------------
    def build_menu(self, number: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("flat_plan_menu")
        row = self.row(number)
        menu.addAction(
            tr(CTX, "Open Page %1").replace("%1", str(number)), lambda: self.open_page(number)
        )
        assign = menu.addMenu(tr(CTX, "Assign to"))
        assign.setObjectName("flat_plan_assign_menu")
        names: list[str] = []
        if self.backend is not None:
            names.append(self.backend.desk_name())
        names.extend(r.assignee for r in self.view.rows.values() if r.assignee)
        for name in dict.fromkeys(n for n in names if n):
            action = assign.addAction(name, partial(self.assign, number, name))
            action.setObjectName("assign_" + name)
        assign.addSeparator()
        assign.addAction(tr(CTX, "Someone Else…"), lambda: self.ask_assignee(number))
        if row is not None and row.assignee:
            assign.addAction(tr(CTX, "Nobody"), lambda: self.assign(number, ""))
        templates = menu.addMenu(tr(CTX, "Template"))
        if self.backend is not None:
            for name in self.backend.templates():
                action = templates.addAction(name, partial(self.set_template, number, name))
                action.setCheckable(True)
                action.setChecked(row is not None and row.template == name)
        ready = row is not None and row.state in (PageState.READY, PageState.SENT)
        mark = menu.addAction(
            tr(CTX, "Not Ready") if ready else tr(CTX, "Mark Ready"),
            lambda: self.set_ready(number, not ready),
        )
        mark.setObjectName("plan_menu_ready")
        menu.addSeparator()
        menu.addAction(tr(CTX, "Renumber Pages"), self.renumber)
        self.last_menu = menu
        return menu

    def show_menu(self, number: int, where: QPoint) -> None:
        self.build_menu(number).popup(where)
