"""The pages panel: thumbnails from display lists painted off the GUI thread, going to a
page, adding, inserting, duplicating, deleting and reordering pages, photos dropped into
photo slots, manuscripts dropped on a page."""

from __future__ import annotations

import threading

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from kupang_layout.editing.page_ops import build_edition, duplicate_page
from kupang_layout.engine.displaylist import TextRun
from kupang_layout.gui.panels import thumbnails
from kupang_layout.gui.panels.page_list import PAGE_ID, PAGE_MIME
from kupang_layout.gui.panels.pages_panel import PagesPanel
from kupang_layout.model import ImageFrame, SetParagraphText, TextFrame
from kupang_layout.resources import resource_path
from kupang_layout.storage import TemplateLibrary

PHOTOS = resource_path("samples") / "photos"
MANUSCRIPTS = resource_path("samples") / "manuscripts"


@pytest.fixture()
def window(qtbot):  # type: ignore[no-untyped-def]
    lib = TemplateLibrary()
    edition = build_edition(
        "Kupang Times",
        "612",
        "2024-10-14",
        [lib.get("halaman-depan"), lib.get("berita-satu"), lib.get("berita-dua")],
    )
    return make_window(qtbot, edition)


def _panel(window) -> PagesPanel:  # type: ignore[no-untyped-def]
    return window.editions.pages  # type: ignore[no-any-return]


def _settle(qtbot, panel: PagesPanel) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not panel.thumbnails.refreshing(), timeout=30_000)


def _ink(image: QImage) -> int:
    """How many sampled pixels are not white."""
    n = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() < 200:
                n += 1
    return n


def _folio(window, page_index: int) -> str:  # type: ignore[no-untyped-def]
    page = window.doc.edition.pages[page_index]
    folio = next(f for f in page.frames if f.role == "folio")
    dl = window.doc.display_list(page)
    return " ".join(
        w.text
        for i in dl.items
        if isinstance(i, TextRun) and i.frame_id == folio.id
        for w in i.words
    )


def _drop(panel: PagesPanel, mime: QMimeData, row: int, below: bool = False) -> None:
    rect = panel.list.visualItemRect(panel.list.item(row))
    y = rect.bottom() - 2 if below else rect.top() + 2
    pos = QPointF(rect.center().x(), y)
    event = QDropEvent(
        pos,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.list.dropEvent(event)


def test_every_page_gets_a_thumbnail_painted_on_a_worker_thread(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    threads: list[int] = []
    real = thumbnails.paint_thumbnail

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(thumbnails, "paint_thumbnail", spy)
    panel = _panel(window)
    panel.thumbnails._keys.clear()
    panel.thumbnails.refresh()
    _settle(qtbot, panel)
    pages = window.doc.edition.pages
    assert panel.list.count() == len(pages)
    for i, page in enumerate(pages):
        image = panel.thumbnails.thumbnail(page.id)
        assert image is not None and image.width() == 128
        assert image.height() == round(128 * page.height / page.width)
        assert panel.list.item(i).data(PAGE_ID) == page.id
        assert str(page.number) in panel.list.item(i).text()
    assert threads and threading.get_ident() not in threads


def test_thumbnail_follows_an_edit_and_unchanged_pages_are_not_repainted(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    _settle(qtbot, panel)
    doc = window.doc
    page2, page3 = doc.edition.pages[1], doc.edition.pages[2]
    before2, before3 = panel.thumbnails.thumbnail(page2.id), panel.thumbnails.thumbnail(page3.id)
    assert before2 is not None and before3 is not None
    headline = next(f for f in page2.frames if f.role == "headline")
    assert isinstance(headline, TextFrame) and headline.story_id
    doc.execute(SetParagraphText(headline.story_id, 0, "JUDUL BESAR SEKALI UNTUK HALAMAN DUA INI"))
    _settle(qtbot, panel)
    after2 = panel.thumbnails.thumbnail(page2.id)
    assert after2 is not None and after2 is not before2
    assert _ink(after2) > _ink(before2)
    assert panel.thumbnails.thumbnail(page3.id) is before3  # not painted again


def test_click_goes_to_the_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    item = panel.list.item(2)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.page_id == window.doc.edition.pages[2].id
    window.acts["prev_page"].trigger()
    assert panel.list.currentRow() == 1


def test_add_insert_duplicate_delete(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    doc = window.doc
    ids = [p.id for p in doc.edition.pages]
    doc.set_page(ids[1])
    new = panel.add_page("berita-dua")
    assert new is not None
    assert [p.id for p in doc.edition.pages] == [ids[0], ids[1], new, ids[2]]
    assert doc.edition.pages[2].template == "berita-dua" and doc.page_id == new
    inserted = panel.add_page(None, before=True)
    assert [p.id for p in doc.edition.pages].index(inserted) == 2
    assert [p.number for p in doc.edition.pages] == [1, 2, 3, 4, 5]
    assert panel.list.count() == 5
    assert [panel.list.item(i).data(PAGE_ID) for i in range(5)] == [p.id for p in doc.edition.pages]
    doc.set_page(ids[1])
    copy_id = panel.duplicate_page()
    assert copy_id is not None and [p.id for p in doc.edition.pages].index(copy_id) == 2
    doc.undo()
    doc.undo()
    doc.undo()
    assert [p.id for p in doc.edition.pages] == ids
    doc.set_page(ids[2])
    panel.buttons["delete"].click()
    assert [p.id for p in doc.edition.pages] == ids[:2]
    doc.undo()
    assert [p.id for p in doc.edition.pages] == ids


def test_duplicate_has_fresh_ids_and_its_own_stories(window) -> None:  # type: ignore[no-untyped-def]
    edition = window.doc.edition
    src = edition.pages[1]
    headline = next(f for f in src.frames if f.role == "headline")
    assert isinstance(headline, TextFrame) and headline.story_id
    edition.stories[headline.story_id].paragraphs[0].runs[0].text = "Asli"
    page, stories = duplicate_page(edition, src.id)
    assert page.id != src.id
    old_frames = {f.id for p in edition.pages for f in p.frames}
    assert not old_frames & {f.id for f in page.frames}
    assert not set(edition.stories) & {s.id for s in stories}
    copy = next(f for f in page.frames if f.role == "headline")
    assert isinstance(copy, TextFrame)
    story = next(s for s in stories if s.id == copy.story_id)
    assert story.text == "Asli" and story is not edition.stories[headline.story_id]
    assert [f.rect for f in page.frames] == [f.rect for f in src.frames]


def test_drag_reorders_and_folios_follow(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    doc = window.doc
    ids = [p.id for p in doc.edition.pages]
    assert "Halaman 2 " in _folio(window, 1)
    mime = QMimeData()
    mime.setData(PAGE_MIME, ids[2].encode())
    _drop(panel, mime, 1)  # page 3 dropped on the top half of page 2: before it
    assert [p.id for p in doc.edition.pages] == [ids[0], ids[2], ids[1]]
    assert [p.number for p in doc.edition.pages] == [1, 2, 3]
    assert [panel.list.item(i).data(PAGE_ID) for i in range(3)] == [ids[0], ids[2], ids[1]]
    assert "Halaman 2 " in _folio(window, 1) and doc.edition.pages[2].template == "berita-satu"
    assert "Halaman 3 " in _folio(window, 2)
    mime2 = QMimeData()
    mime2.setData(PAGE_MIME, ids[0].encode())
    _drop(panel, mime2, 2, below=True)  # the first page to the end
    assert [p.id for p in doc.edition.pages] == [ids[2], ids[1], ids[0]]
    doc.undo()
    doc.undo()
    assert [p.id for p in doc.edition.pages] == ids


def test_photos_dropped_on_a_page_fill_its_photo_slots_in_order(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    doc = window.doc
    names = ["sea-boats-evening.jpg", "landscape-mountain-forest.jpg", "dogs-window-portrait.jpg"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(PHOTOS / n)) for n in names])
    serial = doc.history.serial
    _drop(panel, mime, 2)  # page 3 (berita-dua): two photo slots, then no more pages
    page3 = doc.edition.pages[2]
    slots = [f for f in page3.frames if isinstance(f, ImageFrame) and f.role == "photo"]
    assert len(slots) == 2
    got = [doc.edition.assets[f.asset].name for f in slots if f.asset]
    assert got == names[:2]
    assert doc.history.serial == serial + 1  # one undo step
    doc.undo()
    assert all(f.asset is None for f in slots)
    # dropped on page 1: its three slots, in frame order
    _drop(panel, mime, 0)
    page1 = doc.edition.pages[0]
    filled = [
        doc.edition.assets[f.asset].name
        for f in page1.frames
        if isinstance(f, ImageFrame) and f.role == "photo" and f.asset
    ]
    assert filled == names


def test_manuscript_dropped_on_a_page_is_imported_there(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.gui.dialogs import import_dialog

    monkeypatch.setattr(import_dialog.ImportReport, "exec", lambda self: 0)
    panel = _panel(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(MANUSCRIPTS / "02-halaman-2-hutan-mutis.txt"))])
    _drop(panel, mime, 1)
    doc = window.doc
    page2 = doc.edition.pages[1]
    assert doc.page_id == page2.id
    body = next(f for f in page2.frames if f.role == "body")
    assert isinstance(body, TextFrame)
    assert doc.edition.stories[body.story_id or ""].word_count() > 200


def test_thumbnail_worker_uses_its_own_faces() -> None:
    faces = thumbnails.ThreadFaces()
    face = faces.face("PT Serif/Regular")
    assert face.outlines_only and face.raw.isValid()
    assert face.glyph_indexes("Ab") != [0, 0]


def test_panel_context_menu_positions(window) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    rect = panel.list.visualItemRect(panel.list.item(1))
    assert panel.list.page_at(rect.center()) == window.doc.edition.pages[1].id
    assert panel.list.drop_row(QPoint(rect.center().x(), rect.top() + 1)) == 1
    assert panel.list.drop_row(QPoint(rect.center().x(), rect.bottom() - 1)) == 2
    assert panel.list.drop_row(QPoint(5, 5000)) == 3
