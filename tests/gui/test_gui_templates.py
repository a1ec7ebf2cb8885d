"""The template gallery: previews, new page from a template, applying a template to a page
(content kept, the rest on the pasteboard), saving a page as a template, rename, delete,
import and export of .kplt files."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import make_window

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.gui.dialogs.template_gallery import TemplateGallery
from kupang_layout.gui.dialogs.template_previews import NAME
from kupang_layout.model import ImageFrame, TextFrame
from kupang_layout.preflight.doc_rules import pasteboard_frames
from kupang_layout.storage import TemplateLibrary, load_template
from kupang_layout.storage.library import default_user_dir


@pytest.fixture()
def window(qtbot):  # type: ignore[no-untyped-def]
    return make_window(qtbot, build_sample_edition().edition)


def _gallery(qtbot, window) -> TemplateGallery:  # type: ignore[no-untyped-def]
    gallery = window.editions.open_gallery(run=False)
    qtbot.addWidget(gallery)
    return gallery  # type: ignore[no-any-return]


def _names(gallery: TemplateGallery) -> list[str]:
    return [gallery.list.item(i).data(NAME) for i in range(gallery.list.count())]


def test_gallery_lists_every_template_with_a_painted_preview(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    gallery = _gallery(qtbot, window)
    builtin = [t.name for t in TemplateLibrary().list()]
    assert _names(gallery) == builtin
    qtbot.waitUntil(lambda: len(gallery.list._previews) == len(builtin), timeout=30_000)
    for name, image in gallery.list._previews.items():
        dark = sum(
            1
            for y in range(0, image.height(), 3)
            for x in range(0, image.width(), 3)
            if image.pixelColor(x, y).lightness() < 200
        )
        assert dark > 20, name  # rules, folio, masthead and the slot marks show
    window.doc.set_page(window.doc.edition.pages[2].id)
    gallery2 = _gallery(qtbot, window)
    assert gallery2.list.selected_name() == "berita-dua"  # the current page's template
    assert not gallery2.buttons["delete"].isEnabled()  # built-in: not deletable


def test_new_page_from_template(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    doc.set_page(doc.edition.pages[0].id)
    gallery = _gallery(qtbot, window)
    gallery.list.select("broadsheet-tujuh")
    page_id = gallery.new_page()
    assert page_id is not None
    assert [p.id for p in doc.edition.pages].index(page_id) == 1
    page = doc.edition.page_by_id(page_id)
    assert page.template == "broadsheet-tujuh" and doc.page_id == page_id
    assert [p.number for p in doc.edition.pages] == [1, 2, 3, 4]


def test_apply_template_keeps_the_content_and_is_one_undo_step(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    page = doc.edition.pages[2]
    doc.set_page(page.id)
    headlines = {
        doc.edition.stories[f.story_id or ""].text
        for f in page.frames
        if isinstance(f, TextFrame) and f.role == "headline"
    }
    gallery = _gallery(qtbot, window)
    gallery.list.select("berita-satu")
    serial = doc.history.serial
    command = gallery.apply_to_page()
    assert command is not None and command.parked
    assert doc.history.serial == serial + 1
    new = doc.edition.page_by_id(page.id)
    assert new.template == "berita-satu"
    shown = {
        doc.edition.stories[f.story_id or ""].text
        for f in new.frames
        if isinstance(f, TextFrame) and f.role == "headline"
    }
    assert headlines <= shown
    parked = len(pasteboard_frames(new))
    assert parked and f"{parked} di luar halaman" in window.editions.pages.list.item(2).text()
    doc.undo()
    assert doc.edition.page_by_id(page.id).template == "berita-dua"


def test_save_rename_export_import_delete_a_user_template(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    doc.set_page(doc.edition.pages[1].id)
    gallery = _gallery(qtbot, window)
    monkeypatch.setattr(
        gallery, "ask_save_template", lambda s: ("Hutan", "Satu berita dengan foto lebar")
    )
    info = gallery.save_page()
    assert info is not None and info.source == "user"
    assert info.path.parent == default_user_dir()
    saved = load_template(info.path)
    assert saved.description == "Satu berita dengan foto lebar"
    # slots emptied, geometry kept
    for f in saved.frames:
        if isinstance(f, ImageFrame) and f.role == "photo":
            assert f.asset is None
        if isinstance(f, TextFrame) and f.role == "body":
            assert not saved.stories[f.story_id or ""].text.strip()
    assert gallery.list.selected_name() == "Hutan" and gallery.buttons["delete"].isEnabled()

    monkeypatch.setattr(gallery, "ask_text", lambda title, label, text="": "Hutan Lebat")
    renamed = gallery.rename()
    assert (
        renamed is not None and "Hutan Lebat" in _names(gallery) and "Hutan" not in _names(gallery)
    )

    out = tmp_path / "ekspor"
    monkeypatch.setattr(gallery, "ask_save_path", lambda suggested: out)
    exported = gallery.export_file()
    assert exported == tmp_path / "ekspor.kplt" and load_template(exported).name == "Hutan Lebat"

    # importing the same file again: the name is taken, another one is asked for
    monkeypatch.setattr(gallery, "ask_open_path", lambda: exported)
    monkeypatch.setattr(gallery, "ask_text", lambda title, label, text="": "Hutan Kedua")
    imported = gallery.import_file()
    assert imported is not None and imported.name == "Hutan Kedua"
    assert {"Hutan Lebat", "Hutan Kedua"} <= set(_names(gallery))

    monkeypatch.setattr(gallery, "confirm", lambda text: True)
    gallery.list.select("Hutan Kedua")
    assert gallery.delete()
    assert "Hutan Kedua" not in _names(gallery)
    # the new template is offered in the new-edition dialog and the pages panel
    assert "Hutan Lebat" in [t.name for t in TemplateLibrary().list()]


def test_saving_a_page_leaves_out_the_pasteboard(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    page = doc.edition.pages[2]
    doc.set_page(page.id)
    gallery = _gallery(qtbot, window)
    gallery.list.select("berita-satu")
    assert gallery.apply_to_page() is not None
    gallery = _gallery(qtbot, window)
    monkeypatch.setattr(gallery, "ask_save_template", lambda s: ("Dengan Parkir", ""))
    info = gallery.save_page()
    assert info is not None
    t = load_template(info.path)
    assert all(f.rect.x >= -t.bleed for f in t.frames)
    assert len(t.frames) == len(TemplateLibrary().get("berita-satu").frames)
