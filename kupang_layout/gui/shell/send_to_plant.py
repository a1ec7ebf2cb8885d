"""GUI stage: File › Kirim ke Percetakan: deliver the shared edition's ready pages to the plant.

The delivery itself is the Qt-free job `jobs.deliver.deliver` (the same as
`kupang-layout edition send`): every page marked ready that changed since it was
last sent goes through the one export service into the plant's folder (a
preference), and is logged in the plan. This module asks for the plant's folder
when none is set, runs the job with a busy cursor, tells the desk what went and
what was held back, and refreshes the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.jobs.deliver import DeliveryReport, deliver

__all__ = ["report_text", "send_to_plant"]

CTX = "SendToPlant"


def report_text(report: DeliveryReport) -> str:
    """What went, what was already there, what was held back and why (translated)."""
    lines: list[str] = []
    sent = [o for o in report.outcomes if o.status == "sent"]
    same = [o for o in report.outcomes if o.status == "unchanged"]
    if sent:
        lines.append(
            tr(CTX, "Sent to %1:").replace("%1", str(report.plant_dir))
            + " "
            + ", ".join(o.file for o in sent)
        )
    if same:
        lines.append(
            tr(CTX, "Unchanged since sent: pages %1").replace(
                "%1", ", ".join(str(o.number) for o in same)
            )
        )
    for o in report.refused:
        why = o.error or "; ".join(i.message() for i in o.issues[:3]) or tr(CTX, "no page file")
        lines.append(
            tr(CTX, "Page %1 held back: %2").replace("%1", str(o.number)).replace("%2", why)
        )
    if not lines:
        lines.append(tr(CTX, "No page is marked ready."))
    return "\n".join(lines)


def send_to_plant(
    parent: QWidget, folder: Path, refresh: Callable[[], None]
) -> DeliveryReport | None:
    """Deliver the shared edition in `folder`; None when the desk cancelled."""
    settings = app_settings()
    plant = settings.plant_dir
    if plant is None:
        name = QFileDialog.getExistingDirectory(parent, tr(CTX, "The Printing Plant's Folder"), "")
        if not name:
            return None
        plant = Path(name)
        settings.set("delivery/plant_dir", str(plant))
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = deliver(folder, plant, user=settings.desk_name)
    finally:
        QApplication.restoreOverrideCursor()
    refresh()
    box = QMessageBox(parent)
    box.setObjectName("send_report")
    box.setIcon(QMessageBox.Icon.Warning if report.refused else QMessageBox.Icon.Information)
    box.setWindowTitle(tr(CTX, "Send to the Printing Plant"))
    box.setText(report_text(report))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return report
