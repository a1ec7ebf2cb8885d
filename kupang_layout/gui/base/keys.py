"""GUI stage: key helpers shared by the text editors (story editor, in-place editor)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence


def is_undo_or_redo(event: QKeyEvent) -> bool:
    """Undo or Redo (Ctrl+Y too): the editors leave these to the edition's History."""
    ctrl_y = event.key() == Qt.Key.Key_Y and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or ctrl_y
    )
