"""The Qt painter's per-list memo: a new list takes over what it shares with the last one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kupang_layout.engine.fixture import reference_page
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript
from kupang_layout.model import History, SetParagraphText
from kupang_layout.render.qt import PagePainter, changed_area, ensure_gui_app, item_keys

STORY = Path(__file__).resolve().parents[1] / "manuscripts" / "long_story_900.txt"


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    ensure_gui_app()


def _render(painter: PagePainter, dl, area: QRectF | None = None, onto: QImage | None = None):  # type: ignore[no-untyped-def]
    image = onto if onto is not None else QImage(400, 600, QImage.Format.Format_RGB32)
    if onto is None:
        image.fill(0xFFFFFFFF)
    p = QPainter(image)
    p.scale(0.5, 0.5)
    if area is not None:
        p.setClipRect(area)
        p.fillRect(area, 0xFFFFFFFF)
    painter.paint(p, dl, None, area=area)
    p.end()
    return image


def test_an_edited_list_reuses_the_shared_items_and_paints_the_same() -> None:
    ed, page = reference_page(body_paragraphs(read_manuscript(STORY)))
    engine = LayoutEngine()
    before = engine.layout_page(ed, page)
    painter = PagePainter()
    assert painter.keys(before) == item_keys(before)
    first = painter._memo(before)
    story = ed.stories["story"]
    History(ed).execute(SetParagraphText("story", 3, story.paragraphs[3].text + " Tambahan."))
    after = engine.layout_page(ed, page)

    # the keys are the items' hashes, whether taken over or computed
    assert painter.keys(after) == item_keys(after)
    memo = painter._memo(after)
    shared = [
        (i, before.items.index(item))
        for i, item in enumerate(after.items)
        if any(item is old for old in before.items)
    ]
    assert 0 < len(shared) < len(after.items)
    for i, j in shared:
        assert memo.prepared[i] is first.prepared[j]
        assert memo.bounds[i] == first.bounds[j]

    # a partial repaint over the old picture equals a whole new one
    dirty = changed_area(before, after, 0.0, painter.keys(before), painter.keys(after))
    assert dirty is not None
    patched = _render(painter, after, dirty, onto=_render(painter, before))
    fresh = _render(PagePainter(), after)
    assert patched == fresh
