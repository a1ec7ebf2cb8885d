"""Paskan in the real window: the story editor's button, Text › Fit Story to Page, the
Properties panel's empty-slot field; real clicks and keys, one undo step each."""

from __future__ import annotations

import copy
from pathlib import Path

from gui_helpers import at, click, make_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from test_copyfit_seed import PHOTO, seed_text

from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.jobs.manuscript_import import apply_manuscript
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.storage import TemplateLibrary

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def unfitted_seed() -> Edition:
    """The seed page imported without copyfit (as `import --no-fit` leaves it)."""
    ed = Edition(paper="Kupang Times", number="612", date="2024-10-14")
    apply_manuscript(
        ed,
        TemplateLibrary().get("berita-satu"),
        parse_manuscript(seed_text()),
        photo=Path(PHOTO).read_bytes(),
        photo_name="foto.jpg",
        number=1,
    ).do(ed)
    return ed


def _focus_canvas(qtbot: QtBot, window: MainWindow) -> None:
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()


def _select(window: MainWindow, role: str) -> TextFrame:
    page = window.doc.edition.pages[0]
    frame = next(f for f in page.frames if isinstance(f, TextFrame) and f.role == role)
    c = window.canvas
    click(c, at(c, frame.rect.x + 30, frame.rect.y + frame.rect.height / 2))
    QApplication.processEvents()
    return frame


def test_paskan_button_fits_the_story_in_one_undo_step(qtbot: QtBot) -> None:
    window = make_window(qtbot, unfitted_seed())
    editor = window.story_editor
    before = copy.deepcopy(window.doc.edition.pages)
    frame = _select(window, "body")
    assert editor.story_id == frame.story_id
    assert editor.copyfit.button.text() == "Paskan"
    qtbot.mouseClick(editor.copyfit.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.copyfit.label.isVisible(), timeout=5000)
    shown = editor.copyfit.label.text()
    assert "Isi diseimbangkan" in shown and "baris: tambah foto kedua" in shown
    assert window.doc.edition.pages != before
    _focus_canvas(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.doc.edition.pages == before


def test_text_menu_fit_story_with_its_shortcut(qtbot: QtBot) -> None:
    window = make_window(qtbot, unfitted_seed())
    before = copy.deepcopy(window.doc.edition.pages)
    action = window.acts["copyfit"]
    assert action.text().replace("&", "") == "Paskan Naskah ke Halaman"
    _focus_canvas(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F, CTRL_ALT)
    QApplication.processEvents()
    assert window.doc.edition.pages != before  # nothing selected: the page's main story
    assert "Isi diseimbangkan" in window.story_editor.copyfit.label.text()


def test_properties_sets_what_an_empty_slot_does(qtbot: QtBot) -> None:
    window = make_window(qtbot, unfitted_seed())
    frame = _select(window, "tagline")
    assert window.doc.selected_frames() == [frame]
    combo = window.findChild(QComboBox, "prop_empty_slot")
    assert combo is not None and combo.isVisible()
    assert combo.currentText() == "Ruang tetap"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # keep -> close up
    QApplication.processEvents()
    assert frame.empty_slot == "collapse" and combo.currentText() == "Rapatkan"
    window.doc.undo()
    assert frame.empty_slot == "keep"
