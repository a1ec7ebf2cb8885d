"""GUI stage: the story editor: a story's paragraphs as editable text with a style picker.

Each paragraph is one block of a QTextEdit (plain text only) whose block format carries the
paragraph style name. Every keystroke becomes SetParagraphText on the model
(through History) and the canvas re-flows at once; keystrokes are grouped into
one undo step per word (a group closes at a space, after a pause, when the
caret leaves the paragraph, or at any other command). The editor's own undo
stack is off: Ctrl+Z is the model's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.text_sync import Block, blocks_of, story_commands
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.keys import is_undo_or_redo
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.model import SetParagraphStyleName, Story, TextFrame

STYLE_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
IDLE_MS = 1000
PARAGRAPH_GAP_PX = 6.0
CTX = "StoryEditor"


class StoryEditor(QWidget):
    """Edits one story; follows the selected text frame."""

    def __init__(self, doc: EditionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.story_id: str | None = None
        self._loading = False
        self._applying = False
        self.title = QLabel()
        self.styles = QComboBox()
        self.edit = QTextEdit()
        self.edit.setAcceptRichText(False)  # paragraphs and their styles only
        self.edit.setUndoRedoEnabled(False)
        self.edit.setTabChangesFocus(True)
        font = QFont("PT Serif")
        font.setPointSizeF(11.0)
        self.edit.setFont(font)
        self.title.setWordWrap(True)
        self.styles.setMinimumContentsLength(10)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.style_label = QLabel()
        top.addWidget(self.style_label)
        top.addWidget(self.styles, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.title)
        box.addLayout(top)
        box.addWidget(self.edit, 1)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._close_typing)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.cursorPositionChanged.connect(self._cursor_moved)
        self.styles.activated.connect(self._style_chosen)
        doc.changed.connect(self._model_changed)
        doc.selection_changed.connect(self._follow_selection)
        self.edit.installEventFilter(self)
        self.retranslate()
        self._load()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Leave Ctrl+Z / Ctrl+Y to the window's Undo and Redo (the model's history):
        a text edit claims them even with its own undo switched off."""
        if (
            obj is self.edit
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_undo_or_redo(event)
        ):
            event.ignore()
            return True
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        self.style_label.setText(tr(CTX, "Paragraph style:"))
        self._update_title()

    # -- which story --------------------------------------------------------
    def story(self) -> Story | None:
        return self.doc.edition.stories.get(self.story_id or "")

    def set_story(self, story_id: str | None) -> None:
        if story_id != self.story_id:
            self._close_typing()
            self.story_id = story_id
            self._load(keep_cursor=False)

    def _follow_selection(self) -> None:
        frames = self.doc.selected_frames()
        if len(frames) == 1 and isinstance(frames[0], TextFrame) and frames[0].story_id:
            self.set_story(frames[0].story_id)

    def _update_title(self) -> None:
        story = self.story()
        if story is None:
            self.title.setText(tr(CTX, "No story: select a text frame"))
            return
        chain = self.doc.edition.chain(story.id)
        role = chain[0].role if chain and chain[0].role else ""
        name = story.name or role or story.id
        words = story.word_count()
        self.title.setText(
            tr(CTX, "Story: %1 (%2 words)").replace("%1", name).replace("%2", str(words))
        )

    # -- model -> editor -------------------------------------------------------
    def _fill_styles(self) -> None:
        names = sorted(self.doc.edition.paragraph_styles)
        if [self.styles.itemText(i) for i in range(self.styles.count())] != names:
            self.styles.blockSignals(True)
            self.styles.clear()
            self.styles.addItems(names)
            self.styles.blockSignals(False)

    def _load(self, keep_cursor: bool = True) -> None:
        self._fill_styles()
        story = self.story()
        cursor = self.edit.textCursor()
        block_no = cursor.blockNumber()
        column = cursor.positionInBlock()
        self._loading = True
        try:
            blocks = blocks_of(story) if story is not None else []
            self.edit.setReadOnly(story is None)
            self.styles.setEnabled(story is not None)
            self.edit.setPlainText("\n".join(text for _, text in blocks))
            block = self.edit.document().firstBlock()
            for style, _ in blocks:
                c = QTextCursor(block)
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setProperty(STYLE_PROPERTY, style)
                fmt.setBottomMargin(PARAGRAPH_GAP_PX)
                c.setBlockFormat(fmt)
                block = block.next()
            if keep_cursor and blocks:
                b = self.edit.document().findBlockByNumber(min(block_no, len(blocks) - 1))
                c = QTextCursor(b)
                c.setPosition(b.position() + min(column, max(0, b.length() - 1)))
                self.edit.setTextCursor(c)
        finally:
            self._loading = False
        self._update_title()
        self._cursor_moved()

    def _model_changed(self) -> None:
        if self._applying:
            return
        story = self.story()
        if story is None:
            if self.story_id is not None:
                self.story_id = None
                self._load(keep_cursor=False)
            return
        if blocks_of(story) != self.blocks():
            self._load()
        else:
            self._update_title()

    # -- editor -> model -------------------------------------------------------
    def blocks(self) -> list[Block]:
        """(style, text) of every block, a block without a style taking its neighbour's."""
        out: list[Block] = []
        block = self.edit.document().firstBlock()
        last = "Body"
        while block.isValid():
            style = block.blockFormat().property(STYLE_PROPERTY)
            name = style if isinstance(style, str) and style else last
            out.append((name, block.text()))
            last = name
            block = block.next()
        return out

    def _text_changed(self) -> None:
        if self._loading:
            return
        story = self.story()
        if story is None:
            return
        commands, structural = story_commands(story, self.blocks())
        if not commands:
            return
        self._applying = True
        try:
            if structural:
                self.doc.execute_all("edit text", commands)
            else:
                index = self.edit.textCursor().blockNumber()
                key = ("typing", story.id, index)
                self.doc.continue_group(key, "typing", commands)
                text = self.edit.textCursor().block().text()
                pos = self.edit.textCursor().positionInBlock()
                if pos > 0 and text[pos - 1 : pos].isspace():
                    self.doc.end_group()  # a word and its space: one undo step
                else:
                    self._idle.start()
        finally:
            self._applying = False
        self._update_title()

    def _close_typing(self) -> None:
        self._idle.stop()
        key = self.doc.group_key()
        if isinstance(key, tuple) and key and key[0] == "typing":
            self.doc.end_group()

    def _cursor_moved(self) -> None:
        key = self.doc.group_key()
        index = self.edit.textCursor().blockNumber()
        if isinstance(key, tuple) and key and key[0] == "typing" and key[2] != index:
            self._close_typing()
        style = self.edit.textCursor().block().blockFormat().property(STYLE_PROPERTY)
        self.styles.blockSignals(True)
        if isinstance(style, str):
            self.styles.setCurrentText(style)
        elif self.story() is None:
            self.styles.setCurrentIndex(-1)  # no story: no style shown
        self.styles.blockSignals(False)

    def _style_chosen(self, _index: int) -> None:
        story = self.story()
        name = self.styles.currentText()
        if story is None or not name:
            return
        cursor = self.edit.textCursor()
        doc = self.edit.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        last = doc.findBlock(cursor.selectionEnd()).blockNumber()
        commands = [
            SetParagraphStyleName(story.id, i, name)
            for i in range(first, min(last, len(story.paragraphs) - 1) + 1)
            if story.paragraphs[i].style != name
        ]
        if commands:
            self.doc.execute_all("paragraph style", list(commands))
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
