"""Typesetting quality on the 900-word fixture story in 48 mm columns at 9.5/11 pt."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kupang_layout.engine.compose import Composer
from kupang_layout.engine.compose_items import ItemBuilder
from kupang_layout.engine.fixture import reference_page
from kupang_layout.engine.layout import LayoutEngine, StoryLayout
from kupang_layout.engine.linebreak import BreakParams, break_lines
from kupang_layout.engine.report import quality_report
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript
from kupang_layout.model import Edition

STORY = Path(__file__).parents[1] / "manuscripts" / "long_story_900.txt"


def laid_out(params: BreakParams | None = None) -> tuple[Edition, StoryLayout, Composer]:
    ed, _ = reference_page(body_paragraphs(read_manuscript(STORY)))
    composer = Composer(params=params)
    return ed, LayoutEngine(composer).layout_story(ed, "story"), composer


@pytest.fixture(scope="module")
def optimal() -> tuple[Edition, StoryLayout, Composer]:
    return laid_out()


def test_fixture_is_a_900_word_story(optimal: tuple[Edition, StoryLayout, Composer]) -> None:
    ed, _, _ = optimal
    words = sum(len(p.text.split()) for p in ed.stories["story"].paragraphs)
    assert 850 <= words <= 1000


def test_hyphen_runs_widows_orphans(optimal: tuple[Edition, StoryLayout, Composer]) -> None:
    _, layout, _ = optimal
    q = quality_report("story", layout.flow)
    assert q.overset_lines == 0
    assert q.longest_hyphen_run <= 2
    assert q.widows == 0 and q.orphans == 0


def test_loose_lines_only_where_no_breaking_avoids_them(
    optimal: tuple[Edition, StoryLayout, Composer],
) -> None:
    """A line with r > 2 is allowed only in a paragraph that has no breaking at all
    whose every line has r <= 2 (badness <= 800): the breaker, asked for exactly
    that, must fall through to its last-resort pass."""
    ed, layout, composer = optimal
    strict = BreakParams(tolerance=800.0, pretolerance=-1)
    loose_paragraphs = {pl.paragraph for pl in layout.flow.placed if pl.line.ratio > 2.0}
    for index in loose_paragraphs:
        para = ed.stories["story"].paragraphs[index]
        style = composer.style_of(ed, para)
        segs = composer.segments(ed, para, style, {})
        items, _ = ItemBuilder(composer, style, segs).build()
        measure = layout.paragraphs[index].measure - style.left_indent - style.right_indent
        result = break_lines(items, [measure], strict)
        assert result.passes == 4, f"paragraph {index} could be set with r <= 2"


def test_total_fit_beats_first_fit(optimal: tuple[Edition, StoryLayout, Composer]) -> None:
    _, best, _ = optimal
    _, greedy, _ = laid_out(BreakParams(mode="first_fit"))
    q_best = quality_report("story", best.flow)
    q_greedy = quality_report("story", greedy.flow)
    assert q_best.ratio_max < q_greedy.ratio_max
    assert q_best.lines_ratio_above_2 < q_greedy.lines_ratio_above_2


def test_no_hyphen_on_the_last_line_of_a_column(
    optimal: tuple[Edition, StoryLayout, Composer],
) -> None:
    _, layout, _ = optimal
    placed = layout.flow.placed
    ends = [
        pl
        for pl, nxt in itertools.pairwise(placed)
        if nxt.column is not pl.column and not pl.last_of_paragraph
    ]
    assert ends, "the fixture should break paragraphs across columns"
    assert not any(pl.line.hyphenated for pl in ends)
