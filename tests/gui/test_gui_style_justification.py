"""The styles panel's justification values: shown (own or inherited), edited with real
input events, one undo step per change, in Indonesian by default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from kupang_layout.editing.styles import PARAGRAPH
from kupang_layout.gui.base.i18n import install_language
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.style_justification import GREY, JustificationEditor
from kupang_layout.gui.panels.styles_panel import StylesPanel
from kupang_layout.model import Edition
from kupang_layout.model.styles import resolve_paragraph_style

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _panel(qtbot: QtBot) -> tuple[EditionSession, StylesPanel]:
    install_language("id")
    doc = EditionSession(Edition(number="612", date="2024-10-14"))
    panel = StylesPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(460, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    return doc, panel


def _pick(qtbot: QtBot, panel: StylesPanel, name: str) -> JustificationEditor:
    item = panel.item_of(PARAGRAPH, name)
    assert item is not None
    panel.tree.scrollToItem(item)
    qtbot.mouseClick(panel.tree.viewport(), LEFT, pos=panel.tree.visualItemRect(item).center())
    assert panel.current() == (PARAGRAPH, name)
    return panel.justification


def _tick(qtbot: QtBot, check: QCheckBox) -> None:
    """Click the box of a check box (it has no text of its own: the row's label)."""
    option = QStyleOptionButton()
    check.initStyleOption(option)
    box = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, check)
    qtbot.mouseClick(check, LEFT, pos=box.center())


def _type(qtbot: QtBot, spin: QDoubleSpinBox, text: str) -> None:
    edit = spin.lineEdit()
    assert edit is not None
    qtbot.mouseClick(edit, LEFT)
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_justification_values_are_shown_in_indonesian_own_or_inherited(qtbot: QtBot) -> None:
    doc, panel = _panel(qtbot)
    editor = _pick(qtbot, panel, "Lead")
    assert editor.isVisible()
    assert editor.title() == "Justifikasi"
    assert editor.labels["glyph_scale_max"].text() == "Skala glif, maksimum"
    assert editor.labels["optical_margin"].text().startswith("Tanda baca menggantung")
    glyphs = editor.widgets["glyph_scale_max"]
    assert isinstance(glyphs, QDoubleSpinBox)
    assert glyphs.value() == 102.0 and GREY in glyphs.styleSheet()  # the house default
    hanging = editor.widgets["optical_margin"]
    assert isinstance(hanging, QCheckBox)
    assert hanging.isChecked()  # Lead hangs punctuation as the house body does ...
    assert hanging.toolTip() == "Diwarisi dari Isi"  # ... inherited from it ("Isi")
    # Body's own value is shown black; a character style has no justification.
    editor = _pick(qtbot, panel, "Body")
    assert editor.widgets["optical_margin"].styleSheet() == ""
    strong = panel.item_of("character", "Strong")
    assert strong is not None
    panel.tree.setCurrentItem(strong)
    assert not editor.isVisible()
    assert doc.history.can_undo is False  # looking changes nothing


def test_each_change_is_one_undo_step(qtbot: QtBot) -> None:
    doc, panel = _panel(qtbot)
    editor = _pick(qtbot, panel, "Lead")
    ed = doc.edition
    glyphs = editor.widgets["glyph_scale_max"]
    assert isinstance(glyphs, QDoubleSpinBox)
    _type(qtbot, glyphs, "101")
    assert ed.paragraph_styles["Lead"].glyph_scale_max == 101.0
    assert resolve_paragraph_style(ed.paragraph_styles, "Lead").glyph_scale_max == 101.0
    assert glyphs.styleSheet() == ""  # now the style's own value
    words = editor.widgets["word_space_max"]
    assert isinstance(words, QDoubleSpinBox)
    _type(qtbot, words, "125")
    assert ed.paragraph_styles["Lead"].word_space_max == 125.0
    hanging = editor.widgets["optical_margin"]
    assert isinstance(hanging, QCheckBox)
    _tick(qtbot, hanging)
    assert ed.paragraph_styles["Lead"].optical_margin is False
    assert ed.paragraph_styles["Body"].optical_margin is True  # the parent is untouched
    # The ↺ button gives a value back to the parent.
    qtbot.mouseClick(editor.resets["word_space_max"], LEFT)
    assert ed.paragraph_styles["Lead"].word_space_max is None
    # Four changes, four undo steps, in reverse.
    doc.undo()
    assert ed.paragraph_styles["Lead"].word_space_max == 125.0
    doc.undo()
    assert ed.paragraph_styles["Lead"].optical_margin is None
    assert editor.widgets["optical_margin"].isChecked()  # shown inherited again
    doc.undo()
    assert ed.paragraph_styles["Lead"].word_space_max is None
    doc.undo()
    assert ed.paragraph_styles["Lead"].glyph_scale_max is None
    assert glyphs.value() == 102.0 and GREY in glyphs.styleSheet()
    assert doc.history.can_undo is False
