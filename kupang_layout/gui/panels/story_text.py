"""GUI stage: the story editor's text edit: plain paste, Ctrl+B / Ctrl+I, the overset mark.

Pasted text from a word processor or e-mail keeps its words and drops its
formatting (`editing/clipboard.py` cleans it to plain paragraphs). Where the
story stops fitting its frames the rest of the text is tinted and a red line is
drawn above the first line that does not fit, as InCopy marks overset text.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit

from kupang_layout.editing.clipboard import clean_paragraphs
from kupang_layout.editing.overset import OversetPoint
from kupang_layout.editing.styles import BOLD_STYLE, ITALIC_STYLE

OVERSET_RED = QColor(220, 30, 30)
OVERSET_TINT = QColor(255, 225, 225)


def style_key(event: QKeyEvent) -> str | None:
    """Ctrl+B: the house bold character style, Ctrl+I: the house italic one."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods != Qt.KeyboardModifier.ControlModifier:
        return None
    return {Qt.Key.Key_B: BOLD_STYLE, Qt.Key.Key_I: ITALIC_STYLE}.get(Qt.Key(event.key()))


class StoryText(QTextEdit):
    """The text edit: pastes plain paragraphs, marks the overset text."""

    def __init__(self) -> None:
        super().__init__()
        self.overset: OversetPoint | None = None
        self.overset_y: int | None = None  # viewport y of the red line
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.place_overset_line())

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Text from a word processor or e-mail: its words, one paragraph a line, no
        foreign formatting."""
        paragraphs = clean_paragraphs(source.text())
        if paragraphs:
            self.textCursor().insertText("\n".join(paragraphs), QTextCharFormat())

    # -- the overset mark ----------------------------------------------------------
    def overset_cursor(self) -> QTextCursor | None:
        """A cursor at the first character that does not fit (None: all of it fits)."""
        point = self.overset
        if point is None:
            return None
        block = self.document().findBlockByNumber(point.paragraph)
        if not block.isValid():
            return None
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(point.offset, block.length() - 1))
        return cursor

    def mark_overset(self, point: OversetPoint | None) -> None:
        """Tint the text from `point` to the end and draw the red line above it."""
        self.overset = point
        selections: list[QTextEdit.ExtraSelection] = []
        cursor = self.overset_cursor()
        if cursor is not None:
            sel = QTextEdit.ExtraSelection()
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(OVERSET_TINT)
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)
        self.place_overset_line()

    def place_overset_line(self) -> None:
        cursor = self.overset_cursor()
        self.overset_y = None if cursor is None else self.cursorRect(cursor).top() - 1
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.overset_y is None:
            return
        p = QPainter(self.viewport())
        p.setPen(QPen(OVERSET_RED, 2))
        p.drawLine(0, self.overset_y, self.viewport().width(), self.overset_y)
        p.end()
