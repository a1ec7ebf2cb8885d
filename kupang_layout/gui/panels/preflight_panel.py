"""GUI stage: the live preflight panel: the command line's document rules, as you edit.

About 400 ms after the last edit the pages are checked again with
`kupang_layout.preflight.check_page` on the display lists the EditionSession caches
(the same rules as `kupang-layout preflight`). The pages are checked one per
event-loop turn, so typing never waits for a whole edition. Clicking a problem
goes to its page, selects its frame and zooms to it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.gui.base.host import WindowHost, main_window_of
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.model import Page
from kupang_layout.model.units import mm
from kupang_layout.preflight import Issue, check_page, count_by_severity, sort_issues

CTX = "Preflight"
DEBOUNCE_MS = 400
ZOOM_MARGIN = mm(15)
COLOURS = {
    "error": QColor(200, 30, 30),
    "warning": QColor(215, 130, 0),
    "info": QColor(40, 100, 190),
}
SIGNS = {"error": "!", "warning": "!", "info": "i"}
ISSUE_ROLE = Qt.ItemDataRole.UserRole


def severity_icon(severity: str, size: int = 16) -> QIcon:
    """A red disc (error), an amber triangle (warning) or a blue disc (info)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(COLOURS[severity]))
    if severity == "warning":
        p.drawPolygon(
            QPolygonF([QPointF(size / 2, 1), QPointF(size - 1, size - 1), QPointF(1, size - 1)])
        )
    else:
        p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    p.setPen(QColor("white"))
    font = p.font()
    font.setBold(True)
    font.setPixelSize(round(size * 0.7))
    p.setFont(font)
    box = QRectF(0, size * 0.12 if severity == "warning" else 0, size, size)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, SIGNS[severity])
    p.end()
    return QIcon(pix)


def summary_text(issues: list[Issue]) -> str:
    counts = count_by_severity(issues)
    if not issues:
        return tr(CTX, "No problems")
    parts = []
    for key, one, many in (
        ("error", tr(CTX, "1 error"), tr(CTX, "%1 errors")),
        ("warning", tr(CTX, "1 warning"), tr(CTX, "%1 warnings")),
        ("info", tr(CTX, "1 note"), tr(CTX, "%1 notes")),
    ):
        n = counts[key]
        if n:
            parts.append(one if n == 1 else many.replace("%1", str(n)))
    return ", ".join(parts)


class PreflightPanel(QWidget):
    """The list of problems of the whole edition, kept up to date."""

    checked = Signal()  # a full pass over the edition finished
    updated = Signal()  # the list was filled again (new results or another language)

    def __init__(
        self, doc: EditionSession, language: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.language = language
        self.go_to: Callable[[Issue], None] | None = None
        self.issues: list[Issue] = []
        self._by_page: dict[str, list[Issue]] = {}
        self._queue: list[Page] = []
        self._pass_revision = -1
        self.summary = QLabel()
        self.summary.setObjectName("preflight_summary")
        self.tree = QTreeWidget()
        self.tree.setObjectName("preflight_tree")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _prev: self._show_hint(item))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("preflight_hint")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.start_pass)
        self.stepper = QTimer(self)
        self.stepper.setInterval(0)
        self.stepper.timeout.connect(self._step)
        doc.changed.connect(self.schedule)
        self.retranslate()
        self.schedule()

    # -- checking -------------------------------------------------------------------
    def schedule(self) -> None:
        """Check again once the edits pause."""
        self.debounce.start()

    def start_pass(self) -> None:
        self._queue = list(self.doc.edition.pages)
        self._pass_revision = self.doc.revision
        self._fresh: dict[str, list[Issue]] = {}
        self.stepper.start()

    def _step(self) -> None:
        if self.doc.revision != self._pass_revision:  # edited meanwhile: start over
            self.stepper.stop()
            self.schedule()
            return
        if not self._queue:
            self.stepper.stop()
            self._by_page = self._fresh
            self._set_issues([i for lst in self._by_page.values() for i in lst])
            self.checked.emit()
            return
        page = self._queue.pop(0)
        dl = self.doc.display_list(page)
        self._fresh[page.id] = check_page(self.doc.edition, page, self.doc.engine, display_list=dl)

    def run_now(self) -> list[Issue]:
        """Check the whole edition at once (tests, the export dialog)."""
        self.debounce.stop()
        self.start_pass()
        while self.stepper.isActive():
            self._step()
        return self.issues

    @property
    def busy(self) -> bool:
        return self.debounce.isActive() or self.stepper.isActive()

    # -- showing --------------------------------------------------------------------
    def _set_issues(self, issues: list[Issue]) -> None:
        self.issues = sort_issues(issues)
        self._fill()

    def _fill(self) -> None:
        lang = self.language()
        current = self.tree.currentItem()
        keep = current.data(0, ISSUE_ROLE) if current is not None else None
        self.tree.clear()
        items = []
        for issue in self.issues:
            item = QTreeWidgetItem(
                [
                    issue.severity_label(lang),
                    str(issue.page) if issue.page is not None else "—",
                    issue.frame_label(lang),
                    issue.message(lang),
                ]
            )
            item.setIcon(0, severity_icon(issue.severity))
            item.setForeground(0, QBrush(COLOURS[issue.severity]))
            item.setData(0, ISSUE_ROLE, issue)
            hint = issue.hint(lang)
            tip = issue.message(lang) + (f"\n\n{hint}" if hint else "")
            for col in range(4):
                item.setToolTip(col, tip)
            items.append(item)
        self.tree.addTopLevelItems(items)
        for item in items:
            if keep is not None and item.data(0, ISSUE_ROLE) == keep:
                self.tree.setCurrentItem(item)
                break
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.summary.setText(summary_text(self.issues))
        counts = count_by_severity(self.issues)
        colour = "error" if counts["error"] else ("warning" if counts["warning"] else "")
        self.summary.setStyleSheet(
            f"font-weight: bold; color: {COLOURS[colour].name()}" if colour else "font-weight: bold"
        )
        self._show_hint(self.tree.currentItem())
        self.updated.emit()

    def _show_hint(self, item: QTreeWidgetItem | None) -> None:
        issue = item.data(0, ISSUE_ROLE) if item is not None else None
        hint = issue.hint(self.language()) if isinstance(issue, Issue) else None
        self.hint.setText(hint or "")
        self.hint.setVisible(bool(hint))

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        issue = item.data(0, ISSUE_ROLE)
        if isinstance(issue, Issue) and self.go_to is not None:
            self.go_to(issue)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(
            [tr(CTX, "Severity"), tr(CTX, "Page"), tr(CTX, "Frame"), tr(CTX, "Problem")]
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PreflightDock(QDockWidget):
    """The dock around the panel; its title carries the counts."""

    def __init__(self, panel: PreflightPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dock_preflight")
        self.panel = panel
        self.setWidget(panel)
        panel.updated.connect(self.update_title)
        self.update_title()

    def update_title(self) -> None:
        counts = count_by_severity(self.panel.issues)
        title = tr(CTX, "Preflight")
        if counts["error"] or counts["warning"]:
            title += f" ({counts['error']} ✕, {counts['warning']} ⚠)"
        self.setWindowTitle(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_title()
        super().changeEvent(event)


def go_to_issue(doc: EditionSession, canvas: PageCanvas, issue: Issue) -> None:
    """Show the issue's page, select its frame and zoom to it."""
    page = doc.edition.page_by_number(issue.page) if issue.page is not None else None
    if page is None:
        return
    doc.set_page(page.id)
    frame = doc.frame(issue.frame_id) if issue.frame_id else None
    if frame is None:
        doc.set_selection([])
        canvas.fit_page()
        return
    doc.set_selection([frame.id])
    r = frame.rect
    canvas.zoom_to_rect(
        QRectF(r.x, r.y, r.width, r.height).adjusted(
            -ZOOM_MARGIN, -ZOOM_MARGIN, ZOOM_MARGIN, ZOOM_MARGIN
        )
    )


def install_preflight(
    host: WindowHost, canvas: PageCanvas, toggle: QAction | None
) -> PreflightDock:
    """The preflight dock below the page, its View-menu toggle and a status-bar count."""
    window = main_window_of(host)
    panel = PreflightPanel(host.doc, lambda: host.language)
    panel.go_to = lambda issue: go_to_issue(host.doc, canvas, issue)
    dock = PreflightDock(panel, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    status = QLabel()
    status.setObjectName("preflight_status")
    window.statusBar().addPermanentWidget(status)

    def show_count() -> None:
        status.setText(tr(CTX, "Preflight: %1").replace("%1", summary_text(panel.issues)))
        status.setStyleSheet(panel.summary.styleSheet())

    panel.updated.connect(show_count)
    show_count()
    if toggle is not None:
        toggle.toggled.connect(dock.setVisible)
    return dock
