"""GUI stage: the export running in the background: its progress in the status bar and the
Export dock listing the finished pages (page, file, status, how the ink was verified, warnings).

`ExportMonitor` belongs to one main window. The export dialog hands it the running
`ExportThread` (`track`); the monitor shows a progress bar and a cancel button in
the status bar and fills the dock as each page is finished. A double-click on a
row opens the PDF (on the file column) or its folder (elsewhere), as the desk
would in a file manager. The Ink column gives the page's total ink and how it was
verified (proven from the page, or measured by Ghostscript); its tooltip the whole
sentence the command line prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QUrl, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.gui.base.i18n import tr
from kupang_layout.i18n import current_language
from kupang_layout.jobs.export_types import InkVerdict, PageEvent, PageOutcome, ink_figure, ink_text

CTX = "ExportPanel"
PATH_ROLE = Qt.ItemDataRole.UserRole
COL_PAGE, COL_FILE, COL_STATUS, COL_INK, COL_WARNINGS = range(5)
STATUS_COLOURS = {"exported": "#1e7d32", "unchanged": "#555555", "failed": "#c81e1e"}


class Job(Protocol):
    """What the monitor needs of a running export (`ExportThread`)."""

    progress: SignalInstance
    page_done: SignalInstance
    finished: SignalInstance

    def cancel(self) -> None: ...


def status_text(status: str) -> str:
    if status == "exported":
        return tr(CTX, "exported")
    if status == "unchanged":
        return tr(CTX, "unchanged")
    return tr(CTX, "failed")


def ink_cell(verdict: InkVerdict | None, lang: str) -> str:
    """The Ink column: the figure and the way ('at most 236,0 %, proven'); empty when the
    page's ink was not checked at all (a failed page, the check turned off)."""
    if verdict is None:
        return ""
    if verdict.way == "proof":
        return tr(CTX, "at most %1 %, proven").replace("%1", ink_figure(verdict.total, lang))
    if verdict.way == "ghostscript":
        figure = ink_figure(verdict.total, lang)
        return tr(CTX, "%1 %, measured by Ghostscript").replace("%1", figure)
    return tr(CTX, "not checked")


class ExportPanel(QWidget):
    """The finished pages of the last export (newest export first cleared)."""

    def __init__(self, language: Callable[[], str] = current_language) -> None:
        super().__init__()
        self.language = language  # of the texts from the export service (the app's)
        self.rows: list[tuple[QTreeWidgetItem, PageOutcome]] = []
        self.setObjectName("export_panel")
        self.summary = QLabel()
        self.summary.setObjectName("export_panel_summary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("export_pages")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.folder: Path | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(
            [
                tr(CTX, "Page"),
                tr(CTX, "File"),
                tr(CTX, "Status"),
                tr(CTX, "Ink"),
                tr(CTX, "Warnings"),
            ]
        )
        for item, outcome in self.rows:
            self._translate_row(item, outcome)
        if self.folder is None:
            self.summary.setText(tr(CTX, "No export yet in this window."))

    def begin(self, folder: Path, total: int) -> None:
        self.tree.clear()
        self.rows.clear()
        self.folder = folder
        self.summary.setText(
            tr(CTX, "Exporting %1 pages to %2").replace("%1", str(total)).replace("%2", str(folder))
        )

    def add(self, event: PageEvent) -> QTreeWidgetItem:
        o = event.outcome
        notes = list(o.errors) + list(o.warnings)
        notes += [i.message() for i in o.pdf_issues if i.severity != "info"]
        item = QTreeWidgetItem([str(o.page), o.file_name, "", "", "; ".join(notes)])
        self._translate_row(item, o)
        self.rows.append((item, o))
        item.setData(COL_PAGE, PATH_ROLE, str(o.path) if o.path is not None else "")
        item.setForeground(COL_STATUS, QBrush(QColor(STATUS_COLOURS.get(o.status, "#000000"))))
        item.setToolTip(COL_FILE, str(o.path) if o.path is not None else "")
        item.setToolTip(COL_WARNINGS, "\n".join(notes))
        item.setTextAlignment(COL_PAGE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.addTopLevelItem(item)
        self.tree.scrollToItem(item)
        return item

    def _translate_row(self, item: QTreeWidgetItem, o: PageOutcome) -> None:
        """The row's cells that are in the app's language: the status and the ink."""
        lang = self.language()
        item.setText(COL_STATUS, status_text(o.status))
        item.setText(COL_INK, ink_cell(o.ink, lang))
        item.setToolTip(COL_INK, ink_text(o.page, o.ink, lang) if o.ink is not None else "")

    def finish(self, text: str) -> None:
        self.summary.setText(text)

    def _open(self, item: QTreeWidgetItem, column: int) -> None:
        path = str(item.data(COL_PAGE, PATH_ROLE) or "")
        if column == COL_FILE and path and Path(path).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        elif self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


class ExportMonitor(QObject):
    """One window's background exports: the status bar's progress and the Export dock."""

    started = Signal()
    finished = Signal()

    def __init__(self, window: QMainWindow, language: Callable[[], str] = current_language) -> None:
        super().__init__(window)
        self.window = window
        self.panel = ExportPanel(language)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("dock_export")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()  # shown by the first export, then where the desk leaves it
        self.label = QLabel()
        self.label.setObjectName("export_status_label")
        self.bar = QProgressBar()
        self.bar.setObjectName("export_status_progress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("export_status_cancel")
        self.cancel_button.setText("✕")
        self.cancel_button.clicked.connect(self.cancel)
        status = window.statusBar()
        for w in (self.label, self.bar, self.cancel_button):
            status.addPermanentWidget(w)
            w.hide()
        self.job: Job | None = None
        self.folder: Path | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.dock.setWindowTitle(tr(CTX, "Export"))
        self.cancel_button.setToolTip(tr(CTX, "Cancel the export"))
        self.panel.retranslate()

    @property
    def running(self) -> bool:
        return self.job is not None

    def track(self, job: Job, folder: Path, total: int) -> None:
        """Show `job`'s progress until it finishes (call before `job.start()`)."""
        self.job = job
        self.folder = folder
        self.panel.begin(folder, total)
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self.label.setText(tr(CTX, "Exporting PDF…"))
        for w in (self.label, self.bar, self.cancel_button):
            w.show()
        self.cancel_button.setEnabled(True)
        self.dock.show()
        job.progress.connect(self._progress)
        job.page_done.connect(self.panel.add)
        job.finished.connect(self._finished)
        self.started.emit()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(
            tr(CTX, "Export %1/%2").replace("%1", str(done)).replace("%2", str(total))
        )
        self.label.setToolTip(message)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(tr(CTX, "Cancelling the export…"))

    def report(self, text: str) -> None:
        """The export's closing summary (from the dialog): the dock and the status bar."""
        self.panel.finish(text)
        first = text.splitlines()[0] if text else ""
        self.window.statusBar().showMessage(first, 15000)

    def _finished(self) -> None:
        self.job = None
        for w in (self.label, self.bar, self.cancel_button):
            w.hide()
        self.finished.emit()
