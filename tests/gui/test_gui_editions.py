"""Editions in the desktop app: new edition dialog, open/save/save as, recent files, the
window title, unsaved changes on close, damaged and newer files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox

from kupang_layout.common.recent import MAX_RECENT, add_recent, existing_recent, load_recent
from kupang_layout.editing.page_ops import build_edition
from kupang_layout.gui.dialogs.new_edition import NewEditionDialog
from kupang_layout.gui.shell import operations
from kupang_layout.model import SetEditionProperties
from kupang_layout.storage import (
    EDITION_SCHEMA,
    TemplateLibrary,
    edition_to_json,
    load_edition,
    save_edition,
)


@pytest.fixture()
def library() -> TemplateLibrary:
    return TemplateLibrary()


def test_new_edition_dialog_builds_the_pages_from_templates(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    dialog = NewEditionDialog(library)
    qtbot.addWidget(dialog)
    dialog.paper.setText("Kupang Times")
    dialog.number.setText("701")
    dialog.date.setDate(QDate(2024, 11, 2))
    dialog.count.setValue(3)
    assert dialog.chosen() == ["halaman-depan", "berita-satu", "berita-satu"]
    dialog.set_template(3, "berita-dua")
    dialog.count.setValue(4)
    dialog.set_template(4, "")  # a blank page
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    edition = dialog.edition
    assert edition is not None
    assert (edition.paper, edition.number, edition.date) == ("Kupang Times", "701", "2024-11-02")
    assert [p.template for p in edition.pages] == [
        "halaman-depan",
        "berita-satu",
        "berita-dua",
        None,
    ]
    assert [p.number for p in edition.pages] == [1, 2, 3, 4]
    assert edition.pages[3].width == edition.pages[2].width  # blank page: same geometry
    for page in edition.pages:  # every text frame shows a story of the edition
        for f in page.frames:
            if f.kind == "text":
                assert f.story_id in edition.stories  # type: ignore[union-attr]
    # the template styles came along
    for name in ("Headline", "Body", "Folio"):
        assert name in edition.paragraph_styles


def test_new_edition_menu_replaces_the_document_with_nothing_to_undo(
    qtbot, library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, build_edition("Kupang Times", "1", "", [None]))

    def accept(self: NewEditionDialog) -> int:
        self.number.setText("702")
        self.count.setValue(2)
        self._accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(NewEditionDialog, "exec", accept)
    window.acts["new"].trigger()
    doc = window.doc
    assert doc.edition.number == "702" and len(doc.edition.pages) == 2
    assert not doc.history.can_undo and not doc.history.is_modified
    assert doc.path is None
    assert window.windowTitle().startswith("Tanpa Judul") or "*" not in window.windowTitle()
    assert window.editions.pages.list.count() == 2

    monkeypatch.setattr(NewEditionDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    before = doc.edition
    window.acts["new"].trigger()
    assert doc.edition is before  # cancelled: nothing changed


def test_save_save_as_open_and_recent_files(
    qtbot, tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    edition = build_edition("Kupang Times", "703", "2024-11-03", [library.get("berita-satu")])
    window = make_window(qtbot, edition)
    target = tmp_path / "edisi-703"
    monkeypatch.setattr(window, "file_dialog", lambda save, title, filters: target)
    window.doc.execute(SetEditionProperties(number="704"))
    assert "*" in window.windowTitle()
    assert window.ops.save()  # no path yet: save as
    saved = tmp_path / "edisi-703.kpl"
    assert window.doc.path == saved and saved.is_file()
    assert window.windowTitle().startswith("edisi-703.kpl ")
    assert "*" not in window.windowTitle()
    assert load_recent()[0] == saved.resolve()
    assert edition_to_json(load_edition(saved)) == edition_to_json(window.doc.edition)

    window.doc.execute(SetEditionProperties(number="705"))
    assert window.windowTitle().startswith("edisi-703.kpl*")
    assert window.acts["save"].isEnabled()
    window.acts["save"].trigger()
    assert load_edition(saved).number == "705"

    other = tmp_path / "lain.kpl"
    monkeypatch.setattr(window, "file_dialog", lambda save, title, filters: other)
    window.acts["save_as"].trigger()
    assert window.doc.path == other and other.is_file()
    assert [p.name for p in existing_recent()[:2]] == ["lain.kpl", "edisi-703.kpl"]

    # open from the recent-files menu
    menu = window.editions.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.text().endswith("edisi-703.kpl")]
    assert entries
    entries[0].trigger()
    assert window.doc.path == saved and window.doc.edition.number == "705"
    assert not window.doc.history.can_undo


def test_recent_list_is_short_and_survives_a_damaged_file(tmp_path: Path) -> None:
    files = []
    for i in range(MAX_RECENT + 3):
        f = tmp_path / f"e{i}.kpl"
        f.write_bytes(b"x")
        files.append(f)
        add_recent(f)
    recent = load_recent()
    assert len(recent) == MAX_RECENT and recent[0] == files[-1].resolve()
    add_recent(files[-3])
    assert load_recent()[0] == files[-3].resolve()
    assert len(set(load_recent())) == MAX_RECENT
    files[-1].unlink()
    assert files[-1].resolve() not in existing_recent()
    from kupang_layout.common.recent import recent_path

    recent_path().write_text("{not json", encoding="utf-8")
    assert load_recent() == []
    add_recent(files[0])
    assert load_recent() == [files[0].resolve()]


def _newer_file(path: Path, library: TemplateLibrary) -> None:
    edition = build_edition("Kupang Times", "9", "", [library.get("berita-satu")])
    save_edition(edition, path)
    with zipfile.ZipFile(path) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    doc = json.loads(entries["document.json"])
    doc["schema"] = EDITION_SCHEMA + 1
    doc["app_version"] = "9.0.0"
    entries["document.json"] = json.dumps(doc).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)


@pytest.mark.parametrize("kind", ["damaged", "newer"])
def test_a_bad_file_shows_the_loader_message_and_nothing_is_overwritten(
    qtbot, tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.kpl"
    if kind == "damaged":
        path.write_bytes(b"PK\x03\x04 this is not a whole zip file")
    else:
        _newer_file(path, library)
    before = path.read_bytes()
    window = make_window(qtbot, build_edition("Kupang Times", "1", "", [None]))
    edition = window.doc.edition
    shown: list[str] = []
    monkeypatch.setattr(operations.Operations, "error_box", lambda self, text: shown.append(text))
    assert not window.ops.open(path)
    assert len(shown) == 1 and path.name in shown[0]
    if kind == "newer":
        assert "newer version" in shown[0] and "9.0.0" in shown[0]
    assert window.doc.edition is edition and window.doc.path is None
    monkeypatch.setattr(window, "file_dialog", lambda save, title, filters: None)
    assert not window.ops.save()  # the edition has no path: saving asks for one, not the bad file
    assert path.read_bytes() == before
    assert path.name not in [p.name for p in load_recent()]


def test_closing_asks_about_unsaved_changes(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, build_edition("Kupang Times", "1", "", [None]))
    window.confirm_close = True
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    assert window.close()  # nothing changed: no question
    assert not asked
    window.show()
    window.doc.execute(SetEditionProperties(number="2"))
    assert not window.close() and window.isVisible() and len(asked) == 1
    answer[0] = QMessageBox.StandardButton.Discard
    assert window.close() and len(asked) == 2
