"""Pasting from a word processor into the story editor: bold and italic become the house
character styles, in the paste's one undo step; the preference switches it off."""

from __future__ import annotations

from typing import Any

from gui_helpers import make_window
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from qt_samples import sample_edition

from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.dialogs.preferences import PreferencesDialog
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import Story

CTRL = Qt.KeyboardModifier.ControlModifier

# As LibreOffice Writer puts it on the clipboard (text/html and text/plain).
HTML = (
    '<html><head><meta name="generator" content="LibreOffice 7.6.4.1 (Linux)"/>'
    '<style>p { margin-bottom: 0.25cm }</style></head><body lang="id-ID">'
    '<p style="margin-bottom: 0cm">Warga <b>Fatumnasi</b> menanam <i>cendana</i> dan'
    " <b><i>ampupu</i></b>.</p>"
    '<p style="margin-bottom: 0cm"><strong>Bupati</strong> hadir&nbsp;pagi.</p></body></html>'
)
PLAIN = "Warga Fatumnasi menanam cendana dan ampupu.\nBupati hadir\u00a0pagi."


def _snapshot(story: Story) -> list[tuple[str, list[tuple[str, Any]]]]:
    return [(p.style, [(r.text, r.char_style) for r in p.runs]) for p in story.paragraphs]


def _styled(story: Story, paragraphs: range) -> list[tuple[str, str]]:
    return [
        (r.text, r.char_style)
        for i in paragraphs
        for r in story.paragraphs[i].runs
        if r.char_style is not None
    ]


def _editor_at(window: MainWindow, paragraph: int, offset: int) -> None:
    window.doc.set_selection(["f-body0"])
    QApplication.processEvents()
    editor = window.story_editor
    assert editor.story_id == "s-body"
    block = editor.edit.document().findBlockByNumber(paragraph)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    editor.edit.setTextCursor(cursor)
    editor.edit.setFocus()


def _clipboard(html: str | None, text: str) -> None:
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    mime.setText(text)
    QApplication.clipboard().setMimeData(mime)


def test_ctrl_v_maps_bold_and_italic_and_one_ctrl_z_removes_it_all(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    editor, doc = window.story_editor, window.doc
    story = doc.edition.stories["s-body"]
    first = story.paragraphs[0].text
    cut = first.index(" ") + 1  # after the first word
    before = _snapshot(story)
    _editor_at(window, 0, cut)
    _clipboard(HTML, PLAIN)
    assert not doc.history.can_undo
    serial = doc.history.serial
    qtbot.keyClick(editor.edit, Qt.Key.Key_V, CTRL)
    # the text: split where the caret was, the words as pasted
    assert story.paragraphs[0].text == first[:cut] + "Warga Fatumnasi menanam cendana dan ampupu."
    assert story.paragraphs[1].text == "Bupati hadir\u00a0pagi." + first[cut:]
    assert len(story.paragraphs) == len(before) + 1
    assert [p.style for p in story.paragraphs[:2]] == [before[0][0]] * 2
    # bold -> Strong, italic -> Emphasis, bold italic -> Strong; nothing else styled
    assert _styled(story, range(2)) == [
        ("Fatumnasi", "Strong"),
        ("cendana", "Emphasis"),
        ("ampupu", "Strong"),
        ("Bupati", "Strong"),
    ]
    assert doc.history.serial == serial + 1 and doc.history.undo_label == "paste"
    # the editor shows them bold and italic, the page sets them in those faces
    block = editor.edit.document().findBlockByNumber(0)
    c = QTextCursor(block)
    c.setPosition(block.position() + cut + len("Warga Fat"))
    assert c.charFormat().fontWeight() == QFont.Weight.Bold
    c.setPosition(block.position() + cut + len("Warga Fatumnasi menanam cen"))
    assert c.charFormat().fontItalic() and c.charFormat().fontWeight() != QFont.Weight.Bold
    dl = doc.display_list()
    assert dl is not None
    faces = [
        (w.text, r.face)
        for r in dl.text_runs()
        if r.story_id == "s-body" and r.paragraph in (0, 1)
        for w in r.words
    ]
    bold = [f for t, f in faces if t.startswith("Fatum")]
    italic = [f for t, f in faces if t.startswith("cend")]
    assert bold and all(f.endswith("Bold") for f in bold), faces
    assert italic and all(f.endswith("Italic") for f in italic), faces
    # one Ctrl+Z: the story as before, text and styles
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, CTRL)
    assert _snapshot(story) == before
    assert editor.edit.toPlainText() == "\n".join(p.text for p in story.paragraphs)
    assert not doc.history.can_undo and doc.history.redo_label == "paste"  # one step, all gone


def test_pasted_plain_parts_lose_the_neighbours_style(qtbot: QtBot) -> None:
    ed = sample_edition(photo=False)
    para = ed.stories["s-body"].paragraphs[0]
    text = para.text
    head = text.index(" ")
    para.runs[0].text = text[:head]  # the first word Strong, the rest plain
    para.runs[0].char_style = "Strong"
    para.runs[1:] = [type(para.runs[0])(text[head:])]
    window = make_window(qtbot, ed)
    story = window.doc.edition.stories["s-body"]
    _editor_at(window, 0, 2)  # inside the Strong word
    _clipboard("<p>kata <i>miring</i></p>", "kata miring")
    qtbot.keyClick(window.story_editor.edit, Qt.Key.Key_V, CTRL)
    assert story.paragraphs[0].text == text[:2] + "kata miring" + text[2:]
    runs = [(r.text, r.char_style) for r in story.paragraphs[0].runs][:4]
    assert runs == [
        (text[:2], "Strong"),
        ("kata ", None),
        ("miring", "Emphasis"),
        (text[2:head], "Strong"),
    ]


def test_plain_text_only_pastes_as_before(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    story = window.doc.edition.stories["s-body"]
    before = _snapshot(story)
    first = story.paragraphs[0].text
    _editor_at(window, 0, 0)
    _clipboard(None, "Satu\u00ad kata\r\n\r\ndua")
    serial = window.doc.history.serial
    qtbot.keyClick(window.story_editor.edit, Qt.Key.Key_V, CTRL)
    assert [p.text for p in story.paragraphs[:2]] == ["Satu kata", "dua" + first]
    assert _styled(story, range(2)) == []
    assert window.doc.history.serial == serial + 1
    window.acts["undo"].trigger()
    assert _snapshot(story) == before


def test_preference_off_pastes_without_formatting(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    assert app_settings().paste_bold_italic  # on by default
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.paste_styles
    assert box.isChecked() and "Tebal dan miring" in box.text()  # in Indonesian
    box.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not app_settings().paste_bold_italic
    story = window.doc.edition.stories["s-body"]
    _editor_at(window, 0, 0)
    _clipboard(HTML, PLAIN)
    qtbot.keyClick(window.story_editor.edit, Qt.Key.Key_V, CTRL)
    assert story.paragraphs[0].text == "Warga Fatumnasi menanam cendana dan ampupu."
    assert _styled(story, range(2)) == []


def test_offsets_after_a_character_outside_the_bmp(qtbot: QtBot) -> None:
    """Qt counts UTF-16 units; the styles still land on the pasted words."""
    ed = sample_edition(photo=False)
    para = ed.stories["s-body"].paragraphs[0]
    para.runs[0].text = "\U0001f4f0 " + para.runs[0].text  # a newspaper emoji first
    window = make_window(qtbot, ed)
    story = window.doc.edition.stories["s-body"]
    _editor_at(window, 0, 3)  # after the emoji (two units) and its space
    _clipboard("<b>Kupang</b> kota", "Kupang kota")
    qtbot.keyClick(window.story_editor.edit, Qt.Key.Key_V, CTRL)
    assert story.paragraphs[0].text.startswith("\U0001f4f0 Kupang kota")
    assert _styled(story, range(1)) == [("Kupang", "Strong")]


def test_copy_and_paste_inside_the_story_editor_keeps_strong_and_emphasis(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    editor, story = window.story_editor, window.doc.edition.stories["s-body"]
    first = story.paragraphs[0].text
    words = first.split(" ")
    _editor_at(window, 0, 0)
    cursor = editor.edit.textCursor()  # the first word Strong, the second Emphasis (keys)
    cursor.setPosition(len(words[0]), QTextCursor.MoveMode.KeepAnchor)
    editor.edit.setTextCursor(cursor)
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, CTRL)
    cursor.setPosition(len(words[0]) + 1)
    cursor.setPosition(len(words[0]) + 1 + len(words[1]), QTextCursor.MoveMode.KeepAnchor)
    editor.edit.setTextCursor(cursor)
    qtbot.keyClick(editor.edit, Qt.Key.Key_I, CTRL)
    cursor.setPosition(0)
    cursor.setPosition(len(words[0]) + 1 + len(words[1]), QTextCursor.MoveMode.KeepAnchor)
    editor.edit.setTextCursor(cursor)
    qtbot.keyClick(editor.edit, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().mimeData().hasHtml()
    editor.edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.edit, Qt.Key.Key_V, CTRL)
    last = len(story.paragraphs) - 1
    assert story.paragraphs[last].text == f"{words[0]} {words[1]}"
    assert _styled(story, range(last, last + 1)) == [(words[0], "Strong"), (words[1], "Emphasis")]
