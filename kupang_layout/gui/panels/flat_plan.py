"""GUI stage: the flat plan (rencana halaman): the edition's pages as thumbnails in spreads.

Every planned page is shown, made or not (`flat_plan_view.FlatPlanView` paints
the spreads); the panel adds the buttons and the page menu: open, assign,
template, ready, page count, renumber. It works on a `PlanBackend`: a single
`.kpl` (`flat_plan_session.SessionPlan`, plan commands on the session's History)
or a shared edition folder (the shell's `shared_edition`, `update_plan` on
edition.json); it never changes the plan itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Protocol

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
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

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.panels.flat_plan_view import THUMB_W, FlatPlanView
from kupang_layout.jobs.desk_plan import PlanRow
from kupang_layout.model.page import Page
from kupang_layout.model.plan import MAX_PLANNED_PAGES, PageState

CTX = "FlatPlan"


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
