"""The styles panel and style editor in the real window: edit, inherit, delete, Ctrl+B."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import intake_check_available, intake_result
from gui_helpers import make_window
from pdf_testkit import text_draws
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from qt_samples import body_text, sample_edition

from kupang_layout.gui.dialogs.style_actions import DeleteStyleDialog, StylesDock
from kupang_layout.gui.dialogs.style_editor import GREY, StyleEditor
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import (
    Edition,
    Page,
    Paragraph,
    ParagraphStyle,
    Rect,
    Story,
    TextFrame,
    mm,
)
from kupang_layout.model.styles import resolve_paragraph_style
from kupang_layout.model.template import page_to_template
from kupang_layout.render.pdf import get_preset, render_page_pdf
from kupang_layout.storage import load_edition, load_template, save_edition, save_template

CTRL = Qt.KeyboardModifier.ControlModifier


def _dock(window: MainWindow) -> StylesDock:
    dock = window.styles_dock
    dock.show()
    dock.raise_()
    QApplication.processEvents()
    return dock


def _item_pos(dock: StylesDock, kind: str, name: str) -> tuple[QTreeWidgetItem, QPoint]:
    tree = dock.panel.tree
    item = dock.panel.item_of(kind, name)
    assert item is not None, name
    tree.scrollToItem(item)
    return item, tree.visualItemRect(item).center()


def _click_style(
    qtbot: QtBot, dock: StylesDock, kind: str, name: str, double: bool = False
) -> None:
    _, pos = _item_pos(dock, kind, name)
    viewport = dock.panel.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    if double:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)


def _editor(dock: StylesDock) -> StyleEditor:
    editor = dock.panel.editor
    assert isinstance(editor, StyleEditor) and editor.isVisible()
    return editor


def _type_value(qtbot: QtBot, editor: StyleEditor, key: str, text: str) -> None:
    widget = editor.rows[key].widget
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text.replace(".", widget.locale().decimalPoint()))  # 10,5 in id
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _body_sizes(window: MainWindow) -> set[float]:
    dl = window.doc.display_list()
    assert dl is not None
    return {r.size for r in dl.text_runs() if r.frame_id == "f-body0"}


def test_edit_body_size_in_the_panel_reflows_and_one_undo_restores(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    dock = _dock(window)
    before = window.doc.display_list()
    assert _body_sizes(window) == {9.5}
    _click_style(qtbot, dock, "paragraph", "Body", double=True)
    editor = _editor(dock)
    assert editor.rows["size"].widget.styleSheet() == ""  # Body sets its size itself
    serial = window.doc.history.serial
    _type_value(qtbot, editor, "size", "11")
    assert _body_sizes(window) == {11.0}  # live, before OK
    _ok(qtbot, editor.buttons)
    assert not editor.isVisible()
    after = window.doc.display_list()
    assert after is not before and _body_sizes(window) == {11.0}
    assert window.doc.edition.paragraph_styles["Body"].size == 11.0
    assert window.doc.history.serial == serial + 1  # one undo step
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert window.doc.edition.paragraph_styles["Body"].size == 9.5
    assert _body_sizes(window) == {9.5}


def test_styles_kept_in_the_edition_and_templates(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    dock = _dock(window)
    _click_style(qtbot, dock, "paragraph", "Body", double=True)
    _type_value(qtbot, _editor(dock), "size", "10.5")
    _ok(qtbot, _editor(dock).buttons)
    qtbot.mouseClick(dock.panel.new_button, Qt.MouseButton.LeftButton)
    editor = _editor(dock)
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor.name_edit, "Berita Daerah")
    _type_value(qtbot, editor, "space_before", "4")
    editor.rows["keep_with_next"].widget.setFocus()
    qtbot.keyClick(editor.rows["keep_with_next"].widget, Qt.Key.Key_Space)
    _ok(qtbot, editor.buttons)
    ed = window.doc.edition
    path = tmp_path / "edisi.kpl"
    save_edition(ed, path)
    again = load_edition(path)
    assert again.paragraph_styles["Body"].size == 10.5
    assert again.paragraph_styles["Berita Daerah"] == ParagraphStyle(
        "Berita Daerah", based_on="Body", space_before=4.0, keep_with_next=True
    )
    page = ed.pages[0]
    template = page_to_template(page, ed.stories, ed.paragraph_styles, ed.character_styles, "Uji")
    save_template(template, tmp_path / "uji.kplt")
    back = load_template(tmp_path / "uji.kplt")
    assert back.paragraph_styles["Body"].size == 10.5 and "Berita Daerah" in back.paragraph_styles


def test_cancel_takes_the_preview_back(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    dock = _dock(window)
    _click_style(qtbot, dock, "paragraph", "Body", double=True)
    editor = _editor(dock)
    _type_value(qtbot, editor, "size", "14")
    assert _body_sizes(window) == {14.0}
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert _body_sizes(window) == {9.5} and not window.doc.history.can_undo


def test_child_of_body_follows_its_leading_unless_it_overrides(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    dock = _dock(window)
    styles = window.doc.edition.paragraph_styles
    for name, leading in (("Berita Daerah", None), ("Berita Padat", "10")):
        _click_style(qtbot, dock, "paragraph", "Body")
        qtbot.mouseClick(dock.panel.new_button, Qt.MouseButton.LeftButton)
        editor = _editor(dock)
        assert editor.based_on == "Body"
        assert editor.rows["leading"].widget.styleSheet() == GREY  # inherited, greyed
        editor.name_edit.setFocus()
        qtbot.keyClick(editor.name_edit, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(editor.name_edit, name)
        if leading:
            _type_value(qtbot, editor, "leading", leading)
            assert editor.rows["leading"].widget.styleSheet() == ""
        _ok(qtbot, editor.buttons)
        assert styles[name].based_on == "Body"
    body_item = dock.panel.item_of("paragraph", "Body")
    assert body_item is not None
    children = {
        body_item.child(i).data(0, Qt.ItemDataRole.UserRole + 2)
        for i in range(body_item.childCount())
    }
    assert {"Berita Daerah", "Berita Padat", "Lead"} <= children  # the based-on tree
    _click_style(qtbot, dock, "paragraph", "Body", double=True)
    _type_value(qtbot, _editor(dock), "leading", "12")
    _ok(qtbot, _editor(dock).buttons)
    assert resolve_paragraph_style(styles, "Berita Daerah").leading == 12.0
    assert resolve_paragraph_style(styles, "Berita Padat").leading == 10.0
    # the panel lists the child's inherited values greyed, naming Body (in Indonesian)
    _click_style(qtbot, dock, "paragraph", "Berita Daerah")
    rows = {label: origin for label, _v, origin in dock.panel.summary_rows()}
    assert rows["Spasi baris"] == "Isi" and "color:#8a8a8a" in dock.panel.summary.text()


def test_delete_a_style_with_the_replacement_the_desk_picks(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    dock = _dock(window)
    doc = window.doc
    _click_style(qtbot, dock, "paragraph", "Lead")
    qtbot.mouseClick(dock.panel.duplicate_button, Qt.MouseButton.LeftButton)
    copy_name = "Lead salinan"
    assert copy_name in doc.edition.paragraph_styles
    # apply the copy to the first two paragraphs from the story editor's selection
    doc.set_selection(["f-body0"])
    edit = window.story_editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    second = edit.textCursor().blockNumber()
    _click_style(qtbot, dock, "paragraph", copy_name)
    story = doc.edition.stories["s-body"]
    assert [p.style for p in story.paragraphs[: second + 1]] == [copy_name] * (second + 1)
    assert story.paragraphs[second + 1].style == "Body"
    serial = doc.history.serial
    _click_style(qtbot, dock, "paragraph", copy_name)
    qtbot.mouseClick(dock.panel.delete_button, Qt.MouseButton.LeftButton)
    dialog = dock.panel.delete_dialog
    assert isinstance(dialog, DeleteStyleDialog) and dialog.isVisible()
    combo = dialog.replacement
    combo.setFocus()
    target = combo.findData("Quote")
    while combo.currentIndex() != target:  # walk the list with the keyboard
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    _ok(qtbot, dialog.buttons)
    assert copy_name not in doc.edition.paragraph_styles
    assert [p.style for p in story.paragraphs[: second + 1]] == ["Quote"] * (second + 1)
    assert doc.history.serial == serial + 1
    doc.undo()
    assert copy_name in doc.edition.paragraph_styles
    assert story.paragraphs[0].style == copy_name
    # a house style is not deleted
    _click_style(qtbot, dock, "paragraph", "Body")
    qtbot.mouseClick(dock.panel.delete_button, Qt.MouseButton.LeftButton)
    assert "Body" in doc.edition.paragraph_styles


def _one_story() -> Edition:
    ed = Edition()
    page = Page("p1", 1, mm(280), mm(430))
    ed.pages.append(page)
    ed.stories["s-body"] = Story(
        "s-body",
        [Paragraph.plain("Body", "Warga Fatumnasi tanam pohon " + " ".join(body_text(60)))],
    )
    cols = page.column_edges()
    page.frames.append(
        TextFrame(
            "f-body0",
            Rect(cols[0][0], mm(60), cols[1][1] - cols[0][0], mm(120)),
            story_id="s-body",
            role="body",
        )
    )
    return ed


def _fonts(pdf_path: Path) -> dict[str, str]:
    with pikepdf.open(pdf_path) as pdf:
        fonts = pdf.pages[0].obj.Resources.Font
        return {str(k): str(v.BaseFont) for k, v in fonts.items()}


def test_ctrl_b_makes_a_word_strong_in_pt_serif_bold_in_the_pdf(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, _one_story())
    doc = window.doc
    doc.set_selection(["f-body0"])
    edit = window.story_editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(edit, Qt.Key.Key_Right, CTRL)  # after "Warga "
    for _ in "Fatumnasi":
        qtbot.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    serial = doc.history.serial
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    runs = doc.edition.stories["s-body"].paragraphs[0].runs
    assert [(r.text, r.char_style) for r in runs][:2] == [("Warga ", None), ("Fatumnasi", "Strong")]
    assert doc.history.serial == serial + 1
    assert edit.textCursor().charFormat().fontWeight() >= 700  # shown bold in the editor
    dl = doc.display_list()
    assert dl is not None
    faces = {w.text: r.face for r in dl.text_runs() for w in r.words}
    assert faces["Fatumnasi"] == "PT Serif/Bold" and faces["Warga"] == "PT Serif/Regular"
    pdf_path = tmp_path / "page.pdf"
    render_page_pdf(dl, doc.edition, get_preset(), pdf_path)
    fonts = _fonts(pdf_path)
    bold = [k for k, v in fonts.items() if v.endswith("PTSerif-Bold")]
    assert len(bold) == 1, fonts
    with pikepdf.open(pdf_path) as pdf:
        draws = [d for d in text_draws(pdf) if d.font == bold[0]]
    assert len(draws) == 1  # the one word, and nothing else, in PT Serif Bold
    if shutil.which("pdffonts"):
        listed = subprocess.run(
            ["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True
        )
        assert "PTSerif-Bold" in listed.stdout
    if intake_check_available():
        assert intake_result(pdf_path)["accepted"] is True
    # Ctrl+B again takes it off; Ctrl+I gives Emphasis (not the window's Import Manuscript)
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert doc.edition.stories["s-body"].paragraphs[0].runs[0].char_style is None
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL)
    assert [r.char_style for r in doc.edition.stories["s-body"].paragraphs[0].runs][:2] == [
        None,
        "Emphasis",
    ]
    window.acts["undo"].trigger()
    window.acts["undo"].trigger()
    assert doc.edition.stories["s-body"].paragraphs[0].runs[1].char_style == "Strong"


def test_character_style_applied_from_the_panel_and_ctrl_i_in_place(qtbot: QtBot) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    dock = _dock(window)
    doc = window.doc
    doc.set_selection(["f-body0"])
    edit = window.story_editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(edit, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)
    _click_style(qtbot, dock, "character", "Dateline")
    runs = doc.edition.stories["s-body"].paragraphs[0].runs
    assert runs[0].char_style == "Dateline" and runs[1].char_style is None
    # the in-place headline editor: select all, Ctrl+I, Enter
    head = doc.frame("f-head")
    assert isinstance(head, TextFrame)
    window.start_inplace(head)
    inplace = window.inplace
    assert inplace is not None
    qtbot.keyClick(inplace, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(inplace, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(inplace, Qt.Key.Key_Return)
    head_runs = doc.edition.stories["s-head"].paragraphs[0].runs
    assert [r.char_style for r in head_runs] == ["Emphasis"]


@pytest.mark.parametrize(
    ("language", "body", "strong"), [("id", "Isi", "Tebal"), ("en", "Body", "Strong")]
)
def test_style_names_in_the_language_of_the_ui(
    qtbot: QtBot, language: str, body: str, strong: str
) -> None:
    window = make_window(qtbot, sample_edition(photo=False))
    window.set_language(language)
    dock = _dock(window)
    shown = {dock.panel.tree.topLevelItem(0).text(0)} | {i.text(0) for i in dock.panel.items()}
    assert body in shown and strong in shown
    if language == "id":
        assert not {"Body", "Strong", "Lead", "Headline", "Emphasis"} & shown
        assert "Gaya paragraf" in shown
    window.doc.set_selection(["f-body0"])
    combo = window.story_editor.styles
    assert combo.currentText() == body and combo.currentData() == "Body"
    assert window.doc.edition.paragraph_styles["Body"].name == "Body"  # the stored key
