"""GUI stage: the main window's file questions: the file to open or save, its suggested name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from kupang_layout.common.userdirs import documents_dir
from kupang_layout.model import Edition


def suggested_name(edition: Edition, path: Path | None) -> str:
    """Save As of an edition: its own name, or KupangTimes_<edition>.kpl for a new one."""
    if path is not None:
        return path.name
    e = edition
    paper = "".join(ch for ch in (e.paper or "KupangTimes") if ch.isalnum()) or "KupangTimes"
    number = "".join(ch for ch in (e.number or "") if ch.isalnum() or ch in "-_")
    return f"{paper}_{number}.kpl" if number else f"{paper}.kpl"


def ask_file(
    parent: QWidget,
    edition: Edition,
    path: Path | None,
    save: bool,
    title: str,
    filters: str,
) -> Path | None:
    """The file the desk picks to open or to save to (None: cancelled), starting in the
    edition's folder; saving an edition starts with a name ready to accept."""
    start = str(path.parent) if path else ""
    if save:
        if "*.kpl)" in filters:  # an edition: a name ready to accept
            start = str(Path(start or str(documents_dir())) / suggested_name(edition, path))
        name, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    else:
        name, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return Path(name) if name else None
