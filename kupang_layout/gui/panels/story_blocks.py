"""GUI stage: the story editor's text: a story's paragraphs as the blocks of a text document.

Each paragraph is one block of the editor's QTextDocument (plain text only) whose
block format carries the paragraph style name; character styles show as bold or
italic (from their face). Here a story's blocks are put into the document and read
back from it, its runs shown in bold and italic, and the selection given as
(paragraph, offset) places.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit

from kupang_layout.editing.text_sync import Block
from kupang_layout.model import Story
from kupang_layout.model.commands_styles import TextPos
from kupang_layout.model.styles import CharacterStyle

STYLE_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
PARAGRAPH_GAP_PX = 6.0

#: Every paragraph's runs as (start, length, character style name).
RunLayout = list[list[tuple[int, int, str | None]]]


def show_blocks(edit: QTextEdit, blocks: list[Block]) -> None:
    """The blocks as the editor's text, each block carrying its paragraph style."""
    edit.setPlainText("\n".join(text for _, text in blocks))
    block = edit.document().firstBlock()
    for style, _ in blocks:
        c = QTextCursor(block)
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setProperty(STYLE_PROPERTY, style)
        fmt.setBottomMargin(PARAGRAPH_GAP_PX)
        c.setBlockFormat(fmt)
        block = block.next()


def document_blocks(document: QTextDocument) -> list[Block]:
    """(style, text) of every block, a block without a style taking its neighbour's."""
    out: list[Block] = []
    block = document.firstBlock()
    last = "Body"
    while block.isValid():
        style = block.blockFormat().property(STYLE_PROPERTY)
        name = style if isinstance(style, str) and style else last
        out.append((name, block.text()))
        last = name
        block = block.next()
    return out


def run_layout(story: Story | None) -> RunLayout:
    """Where the runs of every paragraph of `story` start, how long they are, their style."""
    out: RunLayout = []
    for para in story.paragraphs if story is not None else []:
        pos, spans = 0, []
        for r in para.runs:
            spans.append((pos, len(r.text), r.char_style))
            pos += len(r.text)
        out.append(spans)
    return out


def show_run_styles(
    document: QTextDocument, layout: RunLayout, styles: Mapping[str, CharacterStyle]
) -> None:
    """Bold and italic where the runs' character styles set those faces."""
    for bi, spans in enumerate(layout):
        block = document.findBlockByNumber(bi)
        if not block.isValid():
            break
        for start, length, name in spans:
            face = getattr(styles.get(name or ""), "font_face", None) or ""
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold if "Bold" in face else QFont.Weight.Normal)
            fmt.setFontItalic("Italic" in face)
            c = QTextCursor(block)
            c.setPosition(block.position() + start)
            c.setPosition(block.position() + start + length, QTextCursor.MoveMode.KeepAnchor)
            c.mergeCharFormat(fmt)


def selected_range(edit: QTextEdit) -> tuple[TextPos, TextPos]:
    """The selection as (paragraph, offset) from and to."""
    cursor = edit.textCursor()
    doc = edit.document()
    out: list[TextPos] = []
    for pos in (cursor.selectionStart(), cursor.selectionEnd()):
        block = doc.findBlock(pos)
        out.append((block.blockNumber(), pos - block.position()))
    return out[0], out[1]


def selection_start(edit: QTextEdit) -> TextPos:
    """Where the selection (or the caret) starts as (paragraph, offset in characters):
    Qt counts UTF-16 units, the model Python characters."""
    cursor = edit.textCursor()
    block = edit.document().findBlock(cursor.selectionStart())
    units = cursor.selectionStart() - block.position()  # UTF-16 units, as Qt counts
    before = block.text().encode("utf-16-le")[: 2 * units].decode("utf-16-le", "ignore")
    return (block.blockNumber(), len(before))
