"""GUI stage: in-place editing of a one-paragraph text frame (a headline) over the canvas.

A small line edit covers the frame; each keystroke updates the paragraph
through SetParagraphText inside one History group, so the page re-flows as
you type. Enter (or clicking elsewhere) keeps the edit as one undo step; Esc
(or Ctrl+Z) undoes it. Pasted text (Ctrl+V) is plain: a word processor's or
an e-mail's formatting is dropped and its lines joined (editing/clipboard.py).

The editor types in the headline's own face and size at the current zoom (the
first line the engine set in the frame: after shrink-to-fit, as on the page), so
what the desk types is as long as what the page will show.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

from kupang_layout.editing.clipboard import clean_inline
from kupang_layout.editing.styles import BOLD_STYLE, ITALIC_STYLE, toggle_character_style
from kupang_layout.editing.text_sync import edit_runs
from kupang_layout.engine.displaylist import TextRun
from kupang_layout.gui.base.keys import is_undo_or_redo
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.model import SetParagraphText, TextFrame
from kupang_layout.render.qt import default_faces
from kupang_layout.render.qt.faces import QtFontError

MIN_PX = 9
MAX_PX = 240

INPLACE_ROLES = frozenset(
    {"headline", "deck", "section", "caption", "photo_credit", "tagline", "dateline", "folio"}
)


def edits_in_place(frame: TextFrame, paragraphs: int) -> bool:
    """Whether double-clicking the frame edits it in place (else: the story editor)."""
    return paragraphs <= 1 and (frame.role in INPLACE_ROLES or frame.rect.height < 120.0)


def frame_face(canvas: PageCanvas, frame: TextFrame) -> tuple[str, float] | None:
    """The face key and size (points) of the first line the engine set in `frame`."""
    dl = canvas.doc.display_list()
    if dl is None:
        return None
    for item in dl.items:
        if isinstance(item, TextRun) and item.frame_id == frame.id:
            return item.face, item.size
    return None


def headline_font(canvas: PageCanvas, frame: TextFrame) -> QFont:
    """The bundled face of the frame's text at its size on screen (the desk's system font
    when the frame shows no text yet)."""
    font = QFont()
    found = frame_face(canvas, frame)
    size = found[1] if found else 16.0
    if found is not None:
        key = found[0]
        try:
            default_faces().face(key)  # registers the bundled files with Qt
        except QtFontError:
            pass
        else:
            family, _, style = key.partition("/")
            font = QFont(family)
            if style:
                font.setStyleName(style)
    font.setKerning(False)
    font.setPixelSize(max(MIN_PX, min(MAX_PX, round(size * canvas.view.zoom))))
    return font


class InplaceEditor(QLineEdit):
    """Edits paragraph 0 of a frame's story in place."""

    def __init__(self, canvas: PageCanvas, frame: TextFrame) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.frame_id = frame.id
        self.story_id = frame.story_id or ""
        self._done = False
        story = canvas.doc.edition.stories[self.story_id]
        if not story.paragraphs:
            raise ValueError("story has no paragraph")
        self.setText(story.paragraphs[0].text)
        self.setFont(headline_font(canvas, frame))
        r = canvas.view.rect_to_widget(frame.rect.x, frame.rect.y, frame.rect.width, 0)
        height = self.sizeHint().height()
        self.setGeometry(round(r.x()), round(r.y()), max(120, round(r.width())), height)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self.commit)
        self.installEventFilter(self)
        self.show()
        self.setFocus()
        self.selectAll()

    def _edited(self, text: str) -> None:
        story = self.canvas.doc.edition.stories.get(self.story_id)
        if story is None or not story.paragraphs:
            return
        runs = edit_runs(story.paragraphs[0].runs, text)
        self.canvas.doc.continue_group(
            ("inplace", self.story_id), "edit text", [SetParagraphText(self.story_id, 0, runs)]
        )

    def _finish(self, cancel: bool) -> None:
        if self._done:
            return
        self._done = True
        if self.canvas.doc.group_key() == ("inplace", self.story_id):
            self.canvas.doc.end_group(cancel=cancel)
        self.hide()
        self.deleteLater()
        self.canvas.setFocus()

    def paste_plain(self) -> None:
        """Insert the clipboard's text, cleaned to one plain line, at the cursor."""
        text = clean_inline(QGuiApplication.clipboard().text())
        if not text:
            return
        self.blockSignals(True)
        try:
            self.insert(text)
        finally:
            self.blockSignals(False)
        self._edited(self.text())

    def commit(self) -> None:
        self._finish(cancel=False)

    def cancel(self) -> None:
        self._finish(cancel=True)

    def _character_style(self, event: QKeyEvent) -> bool:
        """Ctrl+B / Ctrl+I (the window's Ctrl+I shortcut is overridden here): toggle the
        house character style on the selection, inside this edit's undo group."""
        name = {Qt.Key.Key_B: BOLD_STYLE, Qt.Key.Key_I: ITALIC_STYLE}.get(Qt.Key(event.key()))
        if name is None or event.modifiers() != Qt.KeyboardModifier.ControlModifier:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
        elif event.type() == QEvent.Type.KeyPress and self.hasSelectedText():
            story = self.canvas.doc.edition.stories.get(self.story_id)
            start = self.selectionStart()
            end = start + len(self.selectedText())
            cmd = toggle_character_style(story, (0, start), (0, end), name) if story else None
            if cmd is not None:
                self.canvas.doc.continue_group(("inplace", self.story_id), "edit text", [cmd])
        return event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_undo_or_redo(event)
        ):  # handled below as a key press, not by the window's Undo
            event.accept()
            return True
        if isinstance(event, QKeyEvent) and self._character_style(event):
            return True  # Ctrl+B / Ctrl+I: the house bold / italic on the selected text
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape or (
                is_undo_or_redo(event) and event.matches(QKeySequence.StandardKey.Undo)
            ):
                self.cancel()  # Esc or Ctrl+Z: the headline as it was
                return True
            if is_undo_or_redo(event):
                return True
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_plain()
                return True
        elif event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False
