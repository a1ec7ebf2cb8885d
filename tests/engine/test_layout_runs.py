"""The engine keeps the display runs of lines that did not move: same objects, same list."""

from __future__ import annotations

from pathlib import Path

import pytest

import kupang_layout.engine.layout_text as layout_text
from kupang_layout.engine.fixture import reference_page
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript
from kupang_layout.model import History, SetParagraphText

STORY = Path(__file__).resolve().parents[1] / "manuscripts" / "long_story_900.txt"


def test_a_relayout_gives_the_same_run_objects() -> None:
    ed, page = reference_page(body_paragraphs(read_manuscript(STORY)))
    engine = LayoutEngine()
    first = engine.layout_page(ed, page)
    again = engine.layout_page(ed, page)
    assert first == again
    assert first.text_runs()
    assert all(a is b for a, b in zip(first.text_runs(), again.text_runs(), strict=True))


def test_an_edit_rebuilds_only_the_lines_it_moved() -> None:
    ed, page = reference_page(body_paragraphs(read_manuscript(STORY)))
    engine = LayoutEngine()
    before = engine.layout_page(ed, page)
    story = ed.stories["story"]
    index = len(story.paragraphs) - 3
    History(ed).execute(
        SetParagraphText("story", index, story.paragraphs[index].text + " Warga ikut membantu.")
    )
    after = engine.layout_page(ed, page)
    # exactly what a fresh engine makes of the edited story
    assert after == LayoutEngine().layout_page(ed, page)
    old = {id(r) for r in before.text_runs()}
    kept = [r for r in after.text_runs() if id(r) in old]
    made = [r for r in after.text_runs() if id(r) not in old]
    # the paragraphs before the edit keep their runs; the edited one is set anew
    assert {r.paragraph for r in kept} >= set(range(index))
    assert index in {r.paragraph for r in made}
    assert all(r.paragraph >= index for r in made)


def test_the_kept_runs_stay_bounded_and_right(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout_text, "RUN_CACHE_LIMIT", 25)
    ed, page = reference_page(body_paragraphs(read_manuscript(STORY)))
    engine = LayoutEngine()
    story = ed.stories["story"]
    history = History(ed)
    for n in range(6):
        index = (n * 5) % len(story.paragraphs)
        history.execute(SetParagraphText("story", index, story.paragraphs[index].text + " Lagi."))
        assert engine.layout_page(ed, page) == LayoutEngine().layout_page(ed, page)
        cache = engine._run_cache
        assert len(cache.runs) <= 25 and len(cache.older) <= 25
