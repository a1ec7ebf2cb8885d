"""GUI stage: the story editor: a story's paragraphs as editable text with a style picker.

The text shows one paragraph a block, styles as bold and italic (`story_blocks.py`).
The title names the story by its slot group and headline, never by its id. Where the
text stops fitting its frames (the engine's flow of the story) the rest is marked, as
InCopy does (`story_text.py`). Ctrl+B and Ctrl+I give the selected text the house bold
and italic character styles (`Strong`, `Emphasis`); pasted text is cleaned to plain
paragraphs, its bold and italic (from the clipboard's HTML) given Strong and Emphasis in
the paste's undo step. Every keystroke becomes SetParagraphText on the model (through
History) and the canvas re-flows at once; keystrokes are one undo step a word
(`story_typing.py`). The editor's own undo stack is off: Ctrl+Z is the model's. Fit
(Paskan) fits the story to its page (`story_fit.py`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.clipboard import RichParagraph, paste_style_commands
from kupang_layout.editing.overset import OversetPoint, first_overset
from kupang_layout.editing.story_names import story_name
from kupang_layout.editing.styles import (
    character_style_command,
    paragraph_style_commands,
    toggle_character_style,
)
from kupang_layout.editing.text_sync import blocks_of, story_commands
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.keys import is_undo_or_redo
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.story_blocks import (
    STYLE_PROPERTY,
    RunLayout,
    document_blocks,
    run_layout,
    selected_range,
    selection_start,
    show_blocks,
    show_run_styles,
)
from kupang_layout.gui.panels.story_fit import StoryFit
from kupang_layout.gui.panels.story_text import OVERSET_RED, StoryText, style_key
from kupang_layout.gui.panels.story_typing import TypingGroups
from kupang_layout.gui.panels.style_names import (
    fill_style_combo,
    select_style,
    slot_display_name,
)
from kupang_layout.model import Story, TextFrame

OVERSET_MS = 150
CTX = "StoryEditor"


class StoryEditor(QWidget):
    """Edits one story; follows the selected text frame."""

    def __init__(self, doc: EditionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.story_id: str | None = None
        self.overset: OversetPoint | None = None
        self._loading = False
        self._applying = False
        self._paste_key: tuple[str, str] | None = None  # a paste with styles under way
        self._run_styles: RunLayout = []
        self.title = QLabel()
        self.overset_label = QLabel()
        self.overset_label.setStyleSheet(f"color: {OVERSET_RED.name()}; font-weight: bold")
        self.overset_label.hide()
        self.styles = QComboBox()
        self.edit = StoryText()
        self.edit.rich_paste = self.paste_rich
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
        self.typing = TypingGroups(doc, self)
        self.copyfit = StoryFit(doc, lambda: self.story_id, self.typing, self)
        top.addWidget(self.copyfit.button)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.title)
        box.addLayout(top)
        box.addWidget(self.edit, 1)
        box.addWidget(self.overset_label)
        box.addWidget(self.copyfit.label)
        self._overset_timer = QTimer(self)
        self._overset_timer.setSingleShot(True)
        self._overset_timer.setInterval(OVERSET_MS)
        self._overset_timer.timeout.connect(self.update_overset)
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
        a text edit claims them even with its own undo switched off. Ctrl+B and Ctrl+I
        are the editor's (bold, italic), not the window's shortcuts."""
        if obj is self.edit and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride:
                if is_undo_or_redo(event):
                    event.ignore()
                    return True
                if style_key(event) is not None:
                    event.accept()
                    return True
            elif event.type() == QEvent.Type.KeyPress:
                name = style_key(event)
                if name is not None:
                    self.toggle_character_style(name)
                    return True
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        self.style_label.setText(tr(CTX, "Paragraph style:"))
        self.copyfit.retranslate()
        self._fill_styles(force=True)
        self._update_title()
        self._show_overset_label()

    # -- which story --------------------------------------------------------
    def story(self) -> Story | None:
        return self.doc.edition.stories.get(self.story_id or "")

    def set_story(self, story_id: str | None) -> None:
        if story_id != self.story_id:
            self.typing.close()
            self.story_id = story_id
            self._load(keep_cursor=False)

    def _follow_selection(self) -> None:
        """One text frame selected: its story; nothing (or no text frame) selected, or
        the frame deleted: no story."""
        frames = self.doc.selected_frames()
        texts = [f for f in frames if isinstance(f, TextFrame) and f.story_id]
        if len(texts) == 1 and len(frames) == 1:
            self.set_story(texts[0].story_id)
        elif not texts:
            self.set_story(None)

    def story_title(self) -> str:
        """'Berita utama: Warga Fatumnasi Tanam ...' (slot group and headline)."""
        story = self.story()
        if story is None:
            return ""
        name = story_name(self.doc.edition, story.id)
        slot = slot_display_name(name.slot, name.role)
        return f"{slot}: {name.headline}" if name.headline else slot

    def _update_title(self) -> None:
        story = self.story()
        if story is None:
            self.title.setText(tr(CTX, "No story: select a text frame"))
            return
        words = story.word_count()
        self.title.setText(
            tr(CTX, "%1 (%2 words)").replace("%1", self.story_title()).replace("%2", str(words))
        )

    # -- model -> editor -------------------------------------------------------
    def _fill_styles(self, force: bool = False) -> None:
        if force:
            self.styles.clear()
        fill_style_combo(self.styles, list(self.doc.edition.paragraph_styles))

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
            show_blocks(self.edit, blocks)
            self._run_styles = []
            self._show_run_styles()
            if keep_cursor and blocks:
                b = self.edit.document().findBlockByNumber(min(block_no, len(blocks) - 1))
                c = QTextCursor(b)
                c.setPosition(b.position() + min(column, max(0, b.length() - 1)))
                self.edit.setTextCursor(c)
        finally:
            self._loading = False
        self._update_title()
        self._cursor_moved()
        self.update_overset()

    def _show_run_styles(self) -> None:
        """Bold and italic where the runs' character styles set those faces."""
        layout = run_layout(self.story())
        if layout == self._run_styles:
            return
        self._run_styles = layout
        was = self._loading
        self._loading = True
        try:
            show_run_styles(self.edit.document(), layout, self.doc.edition.character_styles)
        finally:
            self._loading = was

    def _model_changed(self) -> None:
        self._overset_timer.start()
        if self._applying:
            return
        story = self.story()
        if story is None:
            if self.story_id is not None:
                self.story_id = None
                self._load(keep_cursor=False)
            else:
                self._fill_styles()
            return
        if blocks_of(story) != document_blocks(self.edit.document()):
            self._load()
        else:
            self._fill_styles()
            self._show_run_styles()
            self._update_title()
            self._cursor_moved()

    # -- the overset point -----------------------------------------------------
    def update_overset(self) -> None:
        """Mark where the text stops fitting its frames (as the engine flows it)."""
        self._overset_timer.stop()
        story = self.story()
        point = None
        if story is not None:
            point = first_overset(self.doc.engine, self.doc.edition, story.id)
        self.overset = point
        self.edit.mark_overset(point)
        self._show_overset_label()

    def overset_cursor(self) -> QTextCursor | None:
        return self.edit.overset_cursor()

    def _show_overset_label(self) -> None:
        point = self.overset
        if point is None:
            self.overset_label.hide()
            return
        self.overset_label.setText(
            tr(CTX, "Overset: %1 lines (%2 words) do not fit below the red line")
            .replace("%1", str(point.lines))
            .replace("%2", str(point.words))
        )
        self.overset_label.show()

    # -- editor -> model -------------------------------------------------------
    def _text_changed(self) -> None:
        if self._loading:
            return
        story = self.story()
        if story is None:
            return
        commands, structural = story_commands(story, document_blocks(self.edit.document()))
        if not commands:
            return
        self._applying = True
        try:
            if self._paste_key is not None:
                self.doc.continue_group(self._paste_key, "paste", commands)
            elif structural:
                self.doc.execute_all("edit text", commands)
            else:
                caret = self.edit.textCursor()
                text, pos = caret.block().text(), caret.positionInBlock()
                at_space = pos > 0 and text[pos - 1 : pos].isspace()
                self.typing.typed(story.id, caret.blockNumber(), commands, at_space)
        finally:
            self._applying = False
        self._run_styles = run_layout(self.story())  # typed text takes its neighbour's style
        self._update_title()

    def paste_rich(self, pasted: list[RichParagraph]) -> None:
        """Insert pasted paragraphs at the caret (over the selection) and give their bold
        and italic Strong and Emphasis: text and styles are one undo step."""
        story = self.story()
        if story is None or self.edit.isReadOnly():
            return
        self.typing.close()
        cursor = self.edit.textCursor()
        at = selection_start(self.edit)
        self._paste_key = ("paste", story.id)
        self.doc.begin_group("paste", self._paste_key)
        try:
            cursor.beginEditBlock()
            cursor.insertText("\n".join(p.text for p in pasted), QTextCharFormat())
            cursor.endEditBlock()
            self.edit.setTextCursor(cursor)
            styles = self.doc.edition.character_styles
            commands = paste_style_commands(story, at, pasted, styles)
            if commands:
                self.doc.continue_group(self._paste_key, "paste", commands)
        finally:
            self._paste_key = None
            self.doc.end_group()

    def _cursor_moved(self) -> None:
        self.typing.caret_in(self.edit.textCursor().blockNumber())
        style = self.edit.textCursor().block().blockFormat().property(STYLE_PROPERTY)
        if isinstance(style, str):
            select_style(self.styles, style)
        elif self.story() is None:
            select_style(self.styles, None)  # no story: no style shown

    # -- styles on the selected text -------------------------------------------
    def apply_paragraph_style(self, name: str) -> bool:
        """Give the paragraphs the selection touches (or the caret's) style `name`."""
        story = self.story()
        if story is None or not story.paragraphs:
            return False
        (first, _), (last, _) = selected_range(self.edit)
        commands = paragraph_style_commands(story, first, last, name)
        if commands:
            self.doc.execute_all("paragraph style", list(commands))
        return True

    def apply_character_style(self, name: str | None) -> bool:
        """Give the selected text character style `name` (None: none); False without a
        selection."""
        story = self.story()
        if story is None:
            return False
        start, end = selected_range(self.edit)
        command = character_style_command(story, start, end, name)
        if command is None:
            return False
        self.typing.close()
        self.doc.execute(command)
        return True

    def toggle_character_style(self, name: str) -> None:
        """Ctrl+B / Ctrl+I on the selected text."""
        story = self.story()
        if story is None or self.edit.isReadOnly():
            return
        start, end = selected_range(self.edit)
        command = toggle_character_style(story, start, end, name)
        if command is not None:
            self.typing.close()
            self.doc.execute(command)

    def _style_chosen(self, _index: int) -> None:
        name = self.styles.currentData()
        if isinstance(name, str) and name:
            self.apply_paragraph_style(name)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
