"""GUI stage: a page save the revision check refused: the work kept in conflicts/, the desk told.

Another desk saved the page file after this desk opened it (its lock was taken
over after it went stale, say). Nothing is written over their save: this
desk's page goes to ``conflicts/<page key>.<name>.<time>.kpl`` in the edition
folder, and a message says where.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kupang_layout.gui.base.i18n import tr
from kupang_layout.model import Edition
from kupang_layout.model.plan import FlatPlan
from kupang_layout.storage.edition_file import save_edition
from kupang_layout.storage.edition_folder import SharedEdition

CTX = "SharedEdition"


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40] or "desk"


def keep_aside(shared: SharedEdition, key: str, edition: Edition, desk: str) -> Path:
    """Write `edition` (one page file's pages) into the folder's conflicts/ folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = shared.conflicts_folder / f"{key}.{_safe(desk)}.{stamp}.kpl"
    n = 2
    while target.exists():
        target = shared.conflicts_folder / f"{key}.{_safe(desk)}.{stamp}-{n}.kpl"
        n += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    plan = edition.plan
    edition.plan = FlatPlan()  # the plan lives in edition.json
    try:
        save_edition(edition, target, overwrite_changes=True)
    finally:
        edition.plan = plan
    return target


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
