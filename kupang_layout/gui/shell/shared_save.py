"""GUI stage: a page save the revision check refused: the work kept in conflicts/, the desk told.

Another desk saved the page file after this desk opened it (its lock was taken
over after it went stale, say). Nothing is written over their save: this
desk's page goes to ``conflicts/<page key>.<name>.<time>.kpl`` in the edition
folder, and a message says where.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kupang_layout.gui.base.i18n import tr

CTX = "SharedEdition"


def tell_kept(parent: QWidget, kept: Path) -> str:
    """The window-modal message that the save was refused and where the work is; its text."""
    text = tr(
        CTX,
        "Someone else saved this page after you opened it; saving now would lose their "
        "change, so nothing was written over it.",
    )
    text += "\n\n" + tr(CTX, "Your work is kept in %1.").replace("%1", str(kept))
    box = QMessageBox(parent)
    box.setObjectName("conflict_box")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr(CTX, "Page Not Saved"))
    box.setText(text)
    box.setInformativeText(
        tr(CTX, "Open the page again to see their version, then bring your change over.")
    )
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return text
