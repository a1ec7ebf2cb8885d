"""Importing a manuscript in the app: menu and drop on the page fill the slots as
`kupang-layout import` does; the report shows what went where and every warned line, and
the desk can make a warned line another kind and apply again as one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import at, make_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QInputDialog

from kupang_layout.editing.page_ops import build_edition
from kupang_layout.gui.dialogs import import_dialog
from kupang_layout.gui.dialogs.import_dialog import ImportReport
from kupang_layout.manuscript import read_manuscript
from kupang_layout.manuscript.apply import PLACEHOLDER_HEADLINE, apply_to_page
from kupang_layout.model import Edition, History, TextFrame
from kupang_layout.storage import TemplateLibrary, edition_to_json

TESTS = Path(__file__).resolve().parents[1] / "manuscripts"


@pytest.fixture()
def window(qtbot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportReport, "exec", lambda self: 0)
    lib = TemplateLibrary()
    edition = build_edition(
        "Kupang Times", "612", "2024-10-14", [lib.get("berita-satu"), lib.get("berita-dua")]
    )
    return make_window(qtbot, edition)


def _text(edition: Edition, page_index: int, role: str, slot: str = "main") -> str:
    page = edition.pages[page_index]
    f = next(f for f in page.frames if f.role == role and f.slot == slot)
    assert isinstance(f, TextFrame)
    return edition.stories[f.story_id or ""].text


def test_menu_import_fills_the_slots_like_the_command_line(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = TESTS / "07_quotes.txt"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    doc = window.doc
    expected = build_edition(
        "Kupang Times", "612", "2024-10-14", [TemplateLibrary().get("berita-satu")]
    )
    History(expected).execute(
        apply_to_page(expected, expected.pages[0].id, read_manuscript(path, "Kupang Times"))
    )
    serial = doc.history.serial
    window.acts["import_manuscript"].trigger()
    assert doc.history.serial == serial + 1
    for role in ("headline", "body", "credits", "pull_quote"):
        assert _text(doc.edition, 0, role) == _text(expected, 0, role), role
    report = window.editions.last_report
    assert report is not None and report.placements.rowCount() == len(report.application.placements)
    roles = [report.placements.item(r, 0).text() for r in range(report.placements.rowCount())]
    assert "Judul" in roles and "Isi" in roles  # Indonesian role names
    doc.undo()
    assert not _text(doc.edition, 0, "body").strip()


def test_report_lists_every_warning_and_a_line_can_be_made_the_tagline(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    path = TESTS / "08_tagline_uncertain.txt"
    m = read_manuscript(path)
    (w,) = m.warnings
    report = import_dialog.import_manuscript(window, doc, path, doc.page_id, show=False)
    assert report is not None
    qtbot.addWidget(report)
    assert report.warnings.rowCount() == 1
    assert report.warnings.item(0, 0).text() == str(w.line)
    assert "tagline" in report.warnings.item(0, 1).text()
    combo = report.warnings.cellWidget(0, 2)
    assert isinstance(combo, QComboBox) and combo.currentData() == "body"
    tagline_text = next(p.text for p in m.paragraphs if p.line == w.line)
    assert tagline_text in _text(doc.edition, 0, "body")
    assert not _text(doc.edition, 0, "tagline").strip()
    before_import = doc.history.serial - 1
    combo.setCurrentIndex(combo.findData("tagline"))
    report.apply_again.click()
    assert _text(doc.edition, 0, "tagline") == tagline_text
    assert tagline_text not in _text(doc.edition, 0, "body")
    combo = report.warnings.cellWidget(0, 2)
    assert isinstance(combo, QComboBox) and combo.currentData() == "tagline"
    # still one undo step for the whole import
    doc.undo()
    assert not _text(doc.edition, 0, "tagline").strip()
    assert not _text(doc.edition, 0, "body").strip()
    assert not doc.history.can_undo  # the first import and its re-application: one step
    assert before_import == 0


def test_missing_headline_is_reported_and_unplaced_pieces_named(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    path = TESTS / "13_header_problems.txt"
    report = import_dialog.import_manuscript(window, doc, path, doc.page_id, show=False)
    assert report is not None
    qtbot.addWidget(report)
    assert _text(doc.edition, 0, "headline") == PLACEHOLDER_HEADLINE
    assert PLACEHOLDER_HEADLINE in report.notes.text()
    assert report.warnings.rowCount() == len(read_manuscript(path).warnings)
    # the empty-header warning is about no movable line
    labels = [
        report.warnings.cellWidget(r, 2)
        for r in range(report.warnings.rowCount())
        if not isinstance(report.warnings.cellWidget(r, 2), QComboBox)
    ]
    assert labels


def test_two_story_page_asks_which_slot_group(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    page2 = doc.edition.pages[1]
    asked: list[list[str]] = []

    def get_item(parent, title, label, items, current, editable):  # type: ignore[no-untyped-def]
        asked.append(list(items))
        return "second", True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    path = TESTS / "07_quotes.txt"
    import_dialog.import_manuscript(window, doc, path, page2.id, show=False)
    assert asked == [["main", "second"]]
    assert _text(doc.edition, 1, "body", "second").strip()
    assert not _text(doc.edition, 1, "body", "main").strip()


def test_manuscript_dropped_on_the_canvas_goes_to_the_slot_under_the_pointer(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    doc.set_page(doc.edition.pages[1].id)
    window.canvas.fit_page()
    page = doc.page
    assert page is not None
    second = next(f for f in page.frames if f.slot == "second" and f.role == "body")
    cx, cy = second.rect.center
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(TESTS / "07_quotes.txt"))])
    pos = at(window.canvas, cx, cy)
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.canvas, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.canvas, event)
    assert _text(doc.edition, 1, "body", "second").strip()
    assert not _text(doc.edition, 1, "body", "main").strip()


def test_blank_page_says_to_apply_a_template_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, build_edition("Kupang Times", "1", "", [None]))
    messages: list[str] = []
    window.doc.error.connect(messages.append)
    before = edition_to_json(window.doc.edition)
    report = import_dialog.import_manuscript(
        window, window.doc, TESTS / "07_quotes.txt", window.doc.page_id, show=False
    )
    assert report is None and messages and "templat" in messages[0].lower()
    assert edition_to_json(window.doc.edition) == before


def test_unreadable_manuscript_is_reported(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "naskah.txt"
    bad.write_bytes(b"%PDF-1.4 binary \x00\x01\x02")
    messages: list[str] = []
    window.doc.error.connect(messages.append)
    assert import_dialog.import_manuscript(window, window.doc, bad, window.doc.page_id) is None
    assert messages and "naskah.txt" in messages[0]
