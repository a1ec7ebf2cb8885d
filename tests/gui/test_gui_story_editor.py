"""The story editor in the real window: the overset point, following the selection, names, paste."""

from __future__ import annotations

import re

from gui_helpers import at, click, make_window
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_samples import sample_edition

from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.panels.story_editor import OVERSET_RED
from kupang_layout.gui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
INTERNAL_ID = re.compile(r"\b[spf]-[0-9a-z]{4,}\b")


def _select_on_canvas(window: MainWindow, frame_id: str) -> None:
    frame = window.doc.frame(frame_id)
    assert frame is not None
    c = window.canvas
    click(c, at(c, frame.rect.x + 20, frame.rect.y + 20))
    QApplication.processEvents()


def _visible_texts(window: MainWindow) -> list[str]:
    e = window.story_editor
    return [e.title.text(), e.overset_label.text(), e.styles.currentText()]


def test_overset_point_marked_where_the_engine_stops_placing(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    editor = window.story_editor
    _select_on_canvas(window, "f-body0")
    assert editor.story_id == "s-body"
    point = editor.overset
    assert point is not None and point.lines > 0
    # the last word the page shows is the last word before the mark
    story = window.doc.edition.stories["s-body"]
    dl = window.doc.display_list()
    assert dl is not None
    placed = [r for r in dl.text_runs() if r.story_id == "s-body"]
    last_word = placed[-1].words[-1].text
    before = story.paragraphs[point.paragraph].text[: point.offset].split()
    assert before and (before[-1] == last_word or before[-1].startswith(last_word.rstrip("-")))
    # tinted from there to the end, a red line and a line of text below the editor
    (sel,) = editor.edit.extraSelections()
    cursor = editor.overset_cursor()
    assert cursor is not None and sel.cursor.selectionStart() == cursor.position()
    assert sel.cursor.selectionEnd() == editor.edit.document().characterCount() - 1
    assert editor.overset_label.isVisible() and str(point.lines) in editor.overset_label.text()
    assert "baris" in editor.overset_label.text()
    editor.edit.setTextCursor(cursor)
    editor.edit.ensureCursorVisible()
    QApplication.processEvents()
    y = editor.edit.overset_y
    assert y is not None and 0 <= y < editor.edit.viewport().height()
    image = editor.edit.viewport().grab().toImage()
    reds = [
        x
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 90
    ]
    assert len(reds) > image.width() // 8 and OVERSET_RED.red() > 180
    # cut the story short with the keyboard: everything fits, the marks go
    editor.edit.setFocus()
    qtbot.keyClick(editor.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor.edit, "Pendek saja. ")
    qtbot.waitUntil(lambda: editor.overset is None, timeout=3000)
    assert editor.edit.extraSelections() == [] and not editor.overset_label.isVisible()
    assert editor.edit.overset_y is None


def test_the_editor_follows_the_selection_and_clears(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    editor = window.story_editor
    _select_on_canvas(window, "f-body0")
    assert editor.story_id == "s-body" and editor.edit.toPlainText()
    _select_on_canvas(window, "f-head")
    assert editor.story_id == "s-head"
    page = window.doc.page
    assert page is not None
    c = window.canvas
    click(c, at(c, page.width - 5, page.height - 5))  # empty corner of the page
    QApplication.processEvents()
    assert window.doc.selection == []
    assert editor.story_id is None and editor.edit.toPlainText() == ""
    assert editor.edit.isReadOnly() and "Tidak ada" in editor.title.text()
    # the shown frame deleted with the Delete key: the editor clears
    _select_on_canvas(window, "f-body0")
    assert editor.story_id == "s-body"
    c.setFocus()
    qtbot.keyClick(c, Qt.Key.Key_Delete)
    assert window.doc.frame("f-body0") is None
    assert editor.story_id is None and editor.edit.toPlainText() == ""
    window.doc.undo()
    _select_on_canvas(window, "f-body0")
    assert editor.story_id == "s-body"


def test_no_internal_id_a_story_named_by_slot_and_headline(qtbot: QtBot) -> None:
    ed = sample_edition(photo=False)
    # ids as the program makes them
    for old, new in (("s-body", "s-a69034028784"), ("s-head", "s-b12345678901")):
        story = ed.stories.pop(old)
        story.id = new
        ed.stories[new] = story
        for f in ed.pages[0].frames:
            if getattr(f, "story_id", None) == old:
                f.story_id = new  # type: ignore[union-attr]
    head = ed.stories["s-b12345678901"]
    head.paragraphs[0].runs[0].text = "Warga Fatumnasi Tanam Seribu Pohon Cendana di Lereng Mutis"
    window = make_window(qtbot, ed)
    editor = window.story_editor
    _select_on_canvas(window, "f-body0")
    title = editor.title.text()
    assert title.startswith("Berita utama: Warga Fatumnasi Tanam"), title
    assert "..." in title and "kata" in title
    for text in _visible_texts(window):
        assert not INTERNAL_ID.search(text) and "s-a69" not in text, text
    _select_on_canvas(window, "f-head")
    assert editor.title.text().startswith("Berita utama: Warga Fatumnasi")
    window.set_language("en")
    assert editor.title.text().startswith("Main story: Warga Fatumnasi")


def test_pasting_from_a_word_processor_keeps_the_text_only(qtbot: QtBot) -> None:
    """With the preference off (Paste without formatting): text/plain, no styles."""
    app_settings().set("editing/paste_bold_italic", False)
    window = make_window(qtbot, sample_edition(photo=False))
    editor = window.story_editor
    _select_on_canvas(window, "f-body0")
    story = window.doc.edition.stories["s-body"]
    count = len(story.paragraphs)
    mime = QMimeData()
    mime.setHtml(
        '<p style="font-family:Arial"><b>Kupang</b>\u00a0\u2013 <i>hujan</i></p><p>deras</p>'
    )
    mime.setText("Kupang\u00ad \u2013\thujan\r\n\r\nderas\u200b")
    QApplication.clipboard().setMimeData(mime)
    editor.edit.setFocus()
    editor.edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.edit, Qt.Key.Key_V, CTRL)
    texts = [p.text for p in story.paragraphs]
    assert texts[-2:] == ["Kupang \u2013 hujan", "deras"]
    assert len(story.paragraphs) == count + 2
    assert all(r.char_style is None for p in story.paragraphs[-2:] for r in p.runs)
    assert {p.style for p in story.paragraphs[-2:]} == {"Body"}
