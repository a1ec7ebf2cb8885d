"""layout_page holds the cyclic garbage collector for the page and gives it back as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model import Edition, Page, Paragraph, Rect, Story, TextFrame, mm


def _page() -> tuple[Edition, Page]:
    ed = Edition(number="1", date="2024-10-14")
    page = Page(id="p", number=1, width=mm(280), height=mm(430))
    page.frames.append(TextFrame(id="t", rect=Rect(mm(12), mm(50), mm(48), mm(100)), story_id="s"))
    ed.pages.append(page)
    ed.stories["s"] = Story(id="s", paragraphs=[Paragraph.plain("Body", "Kota Kupang hari ini.")])
    return ed, page


@pytest.fixture
def gc_state() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("gc_state")
def test_the_collector_waits_during_the_page_and_runs_after() -> None:
    gc.enable()
    seen: list[bool] = []
    engine = LayoutEngine()
    real = engine._layout_page

    def spy(edition: Edition, page: Page) -> object:
        seen.append(gc.isenabled())
        return real(edition, page)

    engine._layout_page = spy  # type: ignore[assignment,method-assign]
    ed, page = _page()
    assert engine.layout_page(ed, page).text_runs()
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("gc_state")
def test_a_collector_turned_off_stays_off() -> None:
    gc.disable()
    ed, page = _page()
    LayoutEngine().layout_page(ed, page)
    assert not gc.isenabled()


@pytest.mark.usefixtures("gc_state")
def test_the_collector_comes_back_when_the_layout_fails() -> None:
    gc.enable()
    engine = LayoutEngine()

    def fail(edition: Edition, page: Page) -> object:
        raise RuntimeError("boom")

    engine._layout_page = fail  # type: ignore[assignment,method-assign]
    ed, page = _page()
    with pytest.raises(RuntimeError):
        engine.layout_page(ed, page)
    assert gc.isenabled()
