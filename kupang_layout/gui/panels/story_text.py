"""GUI stage: the story editor's text edit: paste, Ctrl+B / Ctrl+I, the overset mark.

Pasted text from a word processor or e-mail keeps its words as clean paragraphs
(`editing/pasted_text.py`). When the clipboard has HTML and the desk's
preference says so (on by default), its bold and italic come along as the house
character styles Strong and Emphasis: the editor (`rich_paste`) inserts the text
and styles it as one undo step. Plain text alone, or the preference off, pastes
without formatting. Where the story stops fitting its frames the rest of the
text is tinted and a red line is drawn above the first line that does not fit,
as InCopy marks overset text.
"""

from __future__ import annotations

from collections.abc import Callable

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

from kupang_layout.editing.clipboard import RichParagraph, clean_paragraphs, rich_paragraphs
from kupang_layout.editing.overset import OversetPoint
from kupang_layout.editing.styles import BOLD_STYLE, ITALIC_STYLE
from kupang_layout.gui.base.settings import app_settings

OVERSET_RED = QColor(220, 30, 30)
OVERSET_TINT = QColor(255, 225, 225)


def style_key(event: QKeyEvent) -> str | None:
    """Ctrl+B: the house bold character style, Ctrl+I: the house italic one."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods != Qt.KeyboardModifier.ControlModifier:
        return None
    return {Qt.Key.Key_B: BOLD_STYLE, Qt.Key.Key_I: ITALIC_STYLE}.get(Qt.Key(event.key()))


class StoryText(QTextEdit):
    """The text edit: pastes clean paragraphs (bold and italic as the house styles through
    `rich_paste`), marks the overset text."""

    def __init__(self) -> None:
        super().__init__()
        self.overset: OversetPoint | None = None
        self.overset_y: int | None = None  # viewport y of the red line
        #: Inserts pasted paragraphs with their styles as one undo step (set by the editor).
        self.rich_paste: Callable[[list[RichParagraph]], None] | None = None
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.place_overset_line())

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Text from a word processor or e-mail: its words, one paragraph a line; its bold
        and italic as Strong and Emphasis when the clipboard has HTML and the preference
        is on, else no foreign formatting."""
        if source.hasHtml() and self.rich_paste is not None and app_settings().paste_bold_italic:
            rich = rich_paragraphs(source.html())
            if rich:
                self.rich_paste(rich)
                return
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
