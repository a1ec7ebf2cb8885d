"""GUI stage: the story editor: a story's paragraphs as editable text with a style picker.

Each paragraph is one block of a QTextEdit (plain text only) whose block format carries
the paragraph style name; character styles show as bold or italic (from their face). The
title names the story by its slot group and headline, never by its id. Where the text
stops fitting its frames (the engine's flow of the story) the rest is marked, as InCopy
does (`story_text.py`). Ctrl+B and Ctrl+I give the selected text the house bold and italic
character styles (`Strong`, `Emphasis`); pasted text is cleaned to plain paragraphs, its bold
and italic (from the clipboard's HTML) given Strong and Emphasis in the paste's undo step. Every
keystroke becomes SetParagraphText on the model (through History) and the canvas re-flows
at once; keystrokes are grouped into one undo step per word (a group closes at a space,
after a pause, when the caret leaves the paragraph, or at any other command). The
editor's own undo stack is off: Ctrl+Z is the model's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.clipboard import RichParagraph, paste_style_commands
from kupang_layout.editing.copyfit import Copyfit, fit_target, planned_copyfit
from kupang_layout.editing.overset import OversetPoint, first_overset
from kupang_layout.editing.story_names import story_name
from kupang_layout.editing.styles import (
    character_style_command,
    paragraph_style_commands,
    toggle_character_style,
)
from kupang_layout.editing.text_sync import Block, blocks_of, story_commands
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.keys import is_undo_or_redo
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.story_text import OVERSET_RED, StoryText, style_key
from kupang_layout.gui.panels.style_names import (
    fill_style_combo,
    select_style,
    slot_display_name,
)
from kupang_layout.model import Story, TextFrame
from kupang_layout.model.commands_styles import TextPos

STYLE_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
IDLE_MS = 1000
OVERSET_MS = 150
PARAGRAPH_GAP_PX = 6.0
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
        self._run_styles: list[list[tuple[int, int, str | None]]] = []
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
        self.fit_button = QPushButton()
        self.fit_button.setObjectName("story_fit")
        self.fit_button.clicked.connect(self.fit_story)
        top.addWidget(self.fit_button)
        self.fit_label = QLabel()
        self.fit_label.setObjectName("story_fit_result")
        self.fit_label.setWordWrap(True)
        self.fit_label.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.title)
        box.addLayout(top)
        box.addWidget(self.edit, 1)
        box.addWidget(self.overset_label)
        box.addWidget(self.fit_label)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._close_typing)
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
        self.fit_button.setText(tr(CTX, "Fit"))
        self.fit_button.setToolTip(
            tr(
                CTX,
                "Fit the story to its page within the template's limits "
                "(one undo step); what is left is offered as a choice",
            )
        )
        self._fill_styles(force=True)
        self._update_title()
        self._show_overset_label()

    # -- copyfit (Paskan) -------------------------------------------------------
    def fit_story(self) -> Copyfit | None:
        """Fit this story (or, with none, the current page's main story) as one undo
        step; the steps taken and what is left show under the text."""
        self._close_typing()
        target = fit_target(self.doc.edition, self.story_id, self.doc.page_id)
        if target is None:
            self._show_fit([tr(CTX, "No story body to fit on this page")])
            return None
        cmd = planned_copyfit(self.doc.edition, *target)
        if not cmd.measured:  # a teaser or a slot group with no body on the page
            self._show_fit([tr(CTX, "No story body to fit on this page")])
            return None
        if cmd.changes and not self.doc.execute(cmd):
            return None
        self._show_fit(cmd.summary() or [tr(CTX, "The story fits")])
        return cmd

    def _show_fit(self, lines: list[str]) -> None:
        self.fit_label.setText("\n".join(lines))
        self.fit_label.setVisible(bool(lines))

    # -- which story --------------------------------------------------------
    def story(self) -> Story | None:
        return self.doc.edition.stories.get(self.story_id or "")

    def set_story(self, story_id: str | None) -> None:
        if story_id != self.story_id:
            self._close_typing()
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
            self.edit.setPlainText("\n".join(text for _, text in blocks))
            block = self.edit.document().firstBlock()
            for style, _ in blocks:
                c = QTextCursor(block)
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setProperty(STYLE_PROPERTY, style)
                fmt.setBottomMargin(PARAGRAPH_GAP_PX)
                c.setBlockFormat(fmt)
                block = block.next()
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

    def _run_layout(self) -> list[list[tuple[int, int, str | None]]]:
        story = self.story()
        out: list[list[tuple[int, int, str | None]]] = []
        for para in story.paragraphs if story is not None else []:
            pos, spans = 0, []
            for r in para.runs:
                spans.append((pos, len(r.text), r.char_style))
                pos += len(r.text)
            out.append(spans)
        return out

    def _show_run_styles(self) -> None:
        """Bold and italic where the runs' character styles set those faces."""
        layout = self._run_layout()
        if layout == self._run_styles:
            return
        self._run_styles = layout
        doc = self.edit.document()
        cstyles = self.doc.edition.character_styles
        was = self._loading
        self._loading = True
        try:
            for bi, spans in enumerate(layout):
                block = doc.findBlockByNumber(bi)
                if not block.isValid():
                    break
                for start, length, name in spans:
                    face = getattr(cstyles.get(name or ""), "font_face", None) or ""
                    fmt = QTextCharFormat()
                    fmt.setFontWeight(QFont.Weight.Bold if "Bold" in face else QFont.Weight.Normal)
                    fmt.setFontItalic("Italic" in face)
                    c = QTextCursor(block)
                    c.setPosition(block.position() + start)
                    c.setPosition(
                        block.position() + start + length, QTextCursor.MoveMode.KeepAnchor
                    )
                    c.mergeCharFormat(fmt)
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
        if blocks_of(story) != self.blocks():
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
            if self._paste_key is not None:
                self.doc.continue_group(self._paste_key, "paste", commands)
            elif structural:
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
        self._run_styles = self._run_layout()  # typed text takes its neighbour's style
        self._update_title()

    def paste_rich(self, pasted: list[RichParagraph]) -> None:
        """Insert pasted paragraphs at the caret (over the selection) and give their bold
        and italic Strong and Emphasis: text and styles are one undo step."""
        story = self.story()
        if story is None or self.edit.isReadOnly():
            return
        self._close_typing()
        cursor = self.edit.textCursor()
        block = self.edit.document().findBlock(cursor.selectionStart())
        units = cursor.selectionStart() - block.position()  # UTF-16 units, as Qt counts
        before = block.text().encode("utf-16-le")[: 2 * units].decode("utf-16-le", "ignore")
        at = (block.blockNumber(), len(before))
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
        if isinstance(style, str):
            select_style(self.styles, style)
        elif self.story() is None:
            select_style(self.styles, None)  # no story: no style shown

    # -- styles on the selected text -------------------------------------------
    def selected_range(self) -> tuple[TextPos, TextPos]:
        """The selection as (paragraph, offset) from and to."""
        cursor = self.edit.textCursor()
        doc = self.edit.document()
        out: list[TextPos] = []
        for pos in (cursor.selectionStart(), cursor.selectionEnd()):
            block = doc.findBlock(pos)
            out.append((block.blockNumber(), pos - block.position()))
        return out[0], out[1]

    def apply_paragraph_style(self, name: str) -> bool:
        """Give the paragraphs the selection touches (or the caret's) style `name`."""
        story = self.story()
        if story is None or not story.paragraphs:
            return False
        (first, _), (last, _) = self.selected_range()
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
        start, end = self.selected_range()
        command = character_style_command(story, start, end, name)
        if command is None:
            return False
        self._close_typing()
        self.doc.execute(command)
        return True

    def toggle_character_style(self, name: str) -> None:
        """Ctrl+B / Ctrl+I on the selected text."""
        story = self.story()
        if story is None or self.edit.isReadOnly():
            return
        start, end = self.selected_range()
        command = toggle_character_style(story, start, end, name)
        if command is not None:
            self._close_typing()
            self.doc.execute(command)

    def _style_chosen(self, _index: int) -> None:
        name = self.styles.currentData()
        if isinstance(name, str) and name:
            self.apply_paragraph_style(name)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
