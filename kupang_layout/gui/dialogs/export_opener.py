"""GUI stage: File › Export PDF…: one export dialog per window at a time, not modal.

The window's `ExportMonitor` (status bar, Export dock) shows an export that goes on
in the background; opening the dialog again while it runs shows that export's
progress and Cancel rather than a new dialog.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction

from kupang_layout.gui.base.host import WindowHost, main_window_of
from kupang_layout.gui.dialogs.export_dialog import ExportDialog
from kupang_layout.gui.dialogs.export_job import warm_pool
from kupang_layout.gui.panels.export_panel import ExportMonitor

WARM_POOL_MS = 1500


class ExportOpener(QObject):
    """File › Export PDF… of one window: one dialog at a time, not modal."""

    def __init__(self, host: WindowHost, monitor: ExportMonitor) -> None:
        super().__init__(host.window())
        self.host = host
        self.monitor = monitor
        self.dialog: ExportDialog | None = None

    def open(self) -> ExportDialog:
        """The dialog: the one still running an export (its progress), else a new one."""
        current = self.dialog
        if current is not None and shiboken6.isValid(current):
            if current.job is not None or current.isVisible():
                current.show()
                current.raise_()
                current.activateWindow()
                return current
            current.deleteLater()
        dialog = ExportDialog(self.host, self.monitor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _closed(self, dialog: ExportDialog) -> None:
        if dialog.job is None and shiboken6.isValid(dialog):
            dialog.deleteLater()
            if self.dialog is dialog:
                self.dialog = None


def install_export(host: WindowHost, action: QAction | None) -> tuple[ExportMonitor, ExportOpener]:
    """File › Export PDF… (`action`) opens the dialog on `host`'s edition; the export runs
    in the background, shown by the window's ExportMonitor (status bar, Export dock)."""
    monitor = ExportMonitor(main_window_of(host), lambda: host.language)
    opener = ExportOpener(host, monitor)
    if action is not None:
        action.triggered.connect(lambda: opener.open())
    # The export's worker processes start once, a few seconds after the app opens
    # (idle, in the background), so the first export does not wait for them.
    QTimer.singleShot(WARM_POOL_MS, warm_pool)
    return monitor, opener
