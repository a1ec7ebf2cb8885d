"""Text in the app: threading frames, the story editor, editing a headline in place."""

from __future__ import annotations

import pytest
from gui_helpers import at, click, double_click, make_window
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from qt_samples import body_text, sample_edition

from kupang_layout.gui.canvas.inplace import InplaceEditor
from kupang_layout.gui.canvas.overlays import port_rects
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import Edition, Page, Paragraph, Rect, Story, TextFrame, mm


def _two_frames() -> Edition:
    ed = Edition()
    page = Page("p1", 1, mm(280), mm(430))
    ed.pages.append(page)
    cols = page.column_edges()
    ed.stories["s-a"] = Story("s-a", [Paragraph.plain("Body", t) for t in body_text(400)])
    ed.stories["s-b"] = Story("s-b", [Paragraph.plain("Body", "")])
    w = cols[0][1] - cols[0][0]
    page.frames.append(TextFrame("f-a", Rect(cols[0][0], mm(60), w, mm(80)), story_id="s-a"))
    page.frames.append(TextFrame("f-b", Rect(cols[1][0], mm(60), w, mm(200)), story_id="s-b"))
    return ed


def _runs(window: MainWindow, frame_id: str) -> list:  # type: ignore[type-arg]
    dl = window.doc.display_list()
    assert dl is not None
    return [r for r in dl.text_runs() if r.frame_id == frame_id]


def _overset(window: MainWindow) -> dict[str, str]:
    dl = window.doc.display_list()
    assert dl is not None
    return {m.frame_id: m.label for m in dl.items if getattr(m, "kind", "") == "overset"}


def test_link_two_frames_and_the_story_flows_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, _two_frames())
    c, doc = window.canvas, window.doc
    a = doc.frame("f-a")
    assert isinstance(a, TextFrame)
    assert _runs(window, "f-b") == []
    assert _overset(window)["f-a"].startswith("+")
    lines_left = int(_overset(window)["f-a"][1:])
    click(c, at(c, *a.rect.center))
    _, out_port = port_rects(c.view, a)
    click(c, out_port.center())  # the out-port: link mode
    assert c.tools["select"].link_source == "f-a"
    b = doc.frame("f-b")
    assert b is not None
    click(c, at(c, *b.rect.center))
    assert isinstance(b, TextFrame) and b.story_id == "s-a" and b.chain_index == 1
    flowed = _runs(window, "f-b")
    assert flowed and flowed[0].story_id == "s-a"
    assert len(flowed) == min(lines_left, len(flowed))
    assert "f-a" not in _overset(window)
    doc.undo()
    assert b.story_id == "s-b" and _runs(window, "f-b") == []
    doc.redo()
    assert _runs(window, "f-b")


def test_unlink(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    doc = window.doc
    doc.set_selection(["f-body1"])
    window.acts["unlink"].trigger()
    b2 = doc.frame("f-body2")
    assert isinstance(b2, TextFrame) and b2.story_id != "s-body"
    assert _runs(window, "f-body2") == []
    assert "f-body1" in _overset(window)


def _editor_ready(window: MainWindow, frame_id: str) -> None:
    window.doc.set_selection([frame_id])
    QApplication.processEvents()


def test_story_editor_typing_reflows_the_canvas(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    doc, editor = window.doc, window.story_editor
    _editor_ready(window, "f-body0")
    assert editor.story_id == "s-body"
    story = doc.edition.stories["s-body"]
    assert editor.edit.toPlainText() == "\n".join(p.text for p in story.paragraphs)
    first_line = _runs(window, "f-body0")[0].text
    editor.edit.setFocus()
    editor.edit.moveCursor(QTextCursor.MoveOperation.Start)
    serial = doc.history.serial
    qtbot.keyClicks(editor.edit, "Wartawan ")
    assert story.paragraphs[0].text.startswith("Wartawan ")
    new_first = _runs(window, "f-body0")[0]
    assert new_first.words[0].text == "Wartawan" and new_first.text != first_line
    qtbot.keyClicks(editor.edit, "kami ")
    assert doc.history.serial == serial + 2  # one undo step per word
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (
        story.paragraphs[0].text.startswith("Wartawan ")
        and "kami" not in story.paragraphs[0].text[:20]
    )
    assert editor.edit.toPlainText().startswith("Wartawan Yang")
    window.acts["undo"].trigger()
    assert _runs(window, "f-body0")[0].text == first_line


def test_story_editor_enter_splits_and_style_picker(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    doc, editor = window.doc, window.story_editor
    _editor_ready(window, "f-body0")
    story = doc.edition.stories["s-body"]
    count = len(story.paragraphs)
    cursor = editor.edit.textCursor()
    cursor.setPosition(len(story.paragraphs[0].text) // 2)
    editor.edit.setTextCursor(cursor)
    editor.edit.setFocus()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert len(story.paragraphs) == count + 1
    assert story.paragraphs[1].style == "Body"
    editor.styles.setCurrentIndex(editor.styles.findData("Quote"))  # shown as "Kutipan"
    editor.styles.activated.emit(editor.styles.currentIndex())
    assert story.paragraphs[1].style == "Quote"
    quote = [r for r in _runs(window, "f-body0") if r.paragraph == 1]
    assert quote and quote[0].face.endswith("Italic")
    doc.undo()
    doc.undo()
    assert len(story.paragraphs) == count and editor.edit.document().blockCount() == count


def test_story_editor_without_a_story_shows_no_style(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    editor = window.story_editor
    assert editor.story_id is None  # nothing chosen yet
    assert not editor.styles.isEnabled() and editor.styles.currentText() == ""
    _editor_ready(window, "f-body0")
    assert editor.styles.isEnabled() and editor.styles.currentText()  # the paragraph's


def test_headline_edited_in_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    c, doc = window.canvas, window.doc
    head = doc.frame("f-head")
    assert head is not None
    story = doc.edition.stories["s-head"]
    old = story.paragraphs[0].text
    double_click(c, at(c, *head.rect.center))
    editors = c.findChildren(InplaceEditor)
    assert len(editors) == 1 and editors[0].text() == old
    ed = editors[0]
    ed.selectAll()
    qtbot.keyClicks(ed, "Banjir di Oesapa")
    assert story.paragraphs[0].text == "Banjir di Oesapa"
    words = [w.text for r in _runs(window, "f-head") for w in r.words]
    assert words == ["Banjir", "di", "Oesapa"]
    qtbot.keyClick(ed, Qt.Key.Key_Escape)  # cancel: back as it was
    assert story.paragraphs[0].text == old
    double_click(c, at(c, *head.rect.center))
    ed = c.findChildren(InplaceEditor)[-1]
    ed.selectAll()
    qtbot.keyClicks(ed, "Oesapa Terendam")
    serial = doc.history.serial
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    assert story.paragraphs[0].text == "Oesapa Terendam"
    assert doc.history.serial == serial + 1
    doc.undo()
    assert story.paragraphs[0].text == old


def test_double_click_on_body_opens_the_story_editor(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    c = window.canvas
    frame = window.doc.frame("f-body1")
    assert frame is not None
    double_click(c, at(c, *frame.rect.center) + QPointF(0, 0))
    assert window.story_editor.story_id == "s-body"
    assert c.findChildren(InplaceEditor) == []


@pytest.mark.parametrize("language, title", [("id", "&Sunting"), ("en", "&Edit")])
def test_undo_in_the_edit_menu(qtbot, language: str, title: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    window.set_language(language)
    menus = {m.objectName(): m for m, _ in window.acts.menus}
    assert menus["menu_edit"].title() == title
    assert window.acts["undo"] in menus["menu_edit"].actions()
    keys = [k.toString() for k in window.acts["redo"].shortcuts()]
    assert "Ctrl+Shift+Z" in keys and "Ctrl+Y" in keys


def test_ctrl_z_while_editing_a_headline_cancels_the_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    c, doc = window.canvas, window.doc
    head = doc.frame("f-head")
    assert head is not None
    old = doc.edition.stories["s-head"].paragraphs[0].text
    double_click(c, at(c, *head.rect.center))
    ed = c.findChildren(InplaceEditor)[-1]
    qtbot.keyClicks(ed, "Oesapa")
    assert doc.edition.stories["s-head"].paragraphs[0].text != old
    qtbot.keyClick(ed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.edition.stories["s-head"].paragraphs[0].text == old
    assert not doc.history.can_redo  # nothing of the edit is left in the history
