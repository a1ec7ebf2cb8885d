"""GUI stage: the folder File › Open Shared Edition… opens, asked for and checked."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kupang_layout.gui.base.i18n import tr
from kupang_layout.storage.edition_folder import is_shared_edition

CTX = "SharedEdition"


def choose_shared_folder(parent: QWidget, folder: Path | None = None) -> Path | None:
    """`folder` made absolute (asked for when None), or None when the desk cancels or
    it is not a shared edition folder (the desk is told)."""
    if folder is None:
        name = QFileDialog.getExistingDirectory(parent, tr(CTX, "Open Shared Edition"), "")
        if not name:
            return None
        folder = Path(name)
    folder = Path(os.path.abspath(folder))
    if not is_shared_edition(folder):
        QMessageBox.warning(
            parent,
            "Kupang Layout",
            tr(CTX, "%1 is not a shared edition folder (it has no edition.json).").replace(
                "%1", str(folder)
            ),
        )
        return None
    return folder
