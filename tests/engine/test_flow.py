"""Column flow on hand-built paragraphs: widows, orphans, keeps, balancing, overset."""

from __future__ import annotations

from kupang_layout.engine.displaylist import Ink
from kupang_layout.engine.flow import ComposeFn, FlowResult, flow_story, flow_story_balanced
from kupang_layout.engine.lines import ComposedLine, ComposedParagraph
from kupang_layout.model import Page, Rect, TextFrame
from kupang_layout.model.geometry import BaselineGrid, Margins

LEAD = 11.0
INK = Ink("Black", 0, 0, 0, 100)


def line() -> ComposedLine:
    return ComposedLine((), 0.0, 100.0, 8.0, 2.0, 0.0, 0.0, True, False, 5)


def para(n: int, **kw: object) -> ComposedParagraph:
    opts = dict(space_before=0.0, space_after=0.0, keep_with_next=False, keep_together=False)
    opts.update(kw)
    return ComposedParagraph(
        lines=tuple(line() for _ in range(n)),
        leading=LEAD,
        align_to_grid=True,
        measure=100.0,
        style="Body",
        **opts,  # type: ignore[arg-type]
    )


def page() -> Page:
    return Page(
        id="p", number=1, width=600, height=800,
        margins=Margins(0, 0, 0, 0), baseline=BaselineGrid(LEAD, 0.0),
    )  # fmt: skip


def frame(lines_per_column: int, columns: int = 2, balance: bool = False) -> TextFrame:
    # first baseline at 11 (grid), then every 11 pt; descent 2 pt must fit.
    height = lines_per_column * LEAD + 2.0
    return TextFrame(id="f", rect=Rect(0, 0, 300, height), columns=columns, gutter=10,
                     balance=balance)  # fmt: skip


def run(paras: list[ComposedParagraph], fr: TextFrame, balanced: bool = False) -> FlowResult:
    compose: ComposeFn = lambda i, w: paras[i]  # noqa: E731
    pg = page()
    if balanced:
        return flow_story_balanced([(fr, pg)], len(paras), compose)
    return flow_story([(fr, pg)], len(paras), compose)


def column_counts(result: FlowResult) -> list[int]:
    counts = [0] * len(result.columns)
    for pl in result.placed:
        counts[pl.column.index] += 1
    return counts


def test_lines_sit_on_the_baseline_grid() -> None:
    r = run([para(3)], frame(10))
    assert [pl.y for pl in r.placed] == [11.0, 22.0, 33.0]


def test_everything_fits_and_nothing_is_lost() -> None:
    r = run([para(4), para(5), para(4)], frame(10))
    assert len(r.placed) == 13 and r.overset_lines == 0
    # the third paragraph's first line alone at the foot would be an orphan
    assert column_counts(r) == [9, 4]
    r = run([para(4), para(4), para(4)], frame(10))
    assert column_counts(r) == [10, 2]


def test_orphan_first_line_alone_at_the_foot_moves_on() -> None:
    # 9 lines fill column 1 but one; a 4-line paragraph would leave 1 line there.
    r = run([para(9), para(4)], frame(10))
    assert column_counts(r) == [9, 4]
    assert r.orphans == 0


def test_widow_last_line_alone_at_the_head_is_avoided() -> None:
    # 6 + 5 lines in 10-line columns: 4 of the 5 would fit, leaving 1 widow.
    r = run([para(6), para(5)], frame(10))
    assert column_counts(r) == [9, 2]
    second = [pl for pl in r.placed if pl.paragraph == 1]
    assert sum(1 for pl in second if pl.column.index == 1) == 2
    assert r.widows == 0


def test_keep_together_moves_the_paragraph_whole() -> None:
    r = run([para(8), para(4, keep_together=True)], frame(10))
    assert column_counts(r) == [8, 4]


def test_keep_with_next_takes_the_heading_along() -> None:
    head = para(1, keep_with_next=True)
    r = run([para(8), head, para(5)], frame(10))
    # heading + 2 lines of the next paragraph do not fit after line 8: move the heading.
    heading = next(pl for pl in r.placed if pl.paragraph == 1)
    assert heading.column.index == 1


def test_space_before_is_dropped_at_the_column_head() -> None:
    r = run([para(10), para(2, space_before=11.0)], frame(10))
    second = [pl for pl in r.placed if pl.paragraph == 1]
    assert second[0].y == 11.0


def test_overset_is_reported_not_dropped() -> None:
    r = run([para(15), para(10)], frame(10))
    assert len(r.placed) == 20
    assert r.overset_lines == 5
    assert r.overset_words == 25
    assert r.overset_paragraphs == 1


def test_balancing_leaves_columns_within_one_line() -> None:
    r = run([para(3), para(4), para(4)], frame(20, columns=3, balance=True), balanced=True)
    counts = column_counts(r)
    assert sum(counts) == 11 and r.overset_lines == 0
    assert max(counts) - min(counts) <= 1


def test_balancing_respects_widows_and_keeps() -> None:
    paras = [para(5), para(5, keep_together=True), para(4)]
    r = run(paras, frame(20, columns=2, balance=True), balanced=True)
    assert r.overset_lines == 0 and len(r.placed) == 14
    for p in (1,):
        cols = {pl.column.index for pl in r.placed if pl.paragraph == p}
        assert len(cols) == 1
    assert r.widows == 0 and r.orphans == 0


def test_unbalanced_frame_fills_columns_in_order() -> None:
    r = run([para(11)], frame(20, columns=3))
    assert column_counts(r) == [11, 0, 0]


def test_threaded_frames_continue_in_chain_order() -> None:
    pg = page()
    a = TextFrame(id="a", rect=Rect(0, 0, 100, 3 * LEAD + 2), story_id="s")
    b = TextFrame(id="b", rect=Rect(0, 396, 100, 10 * LEAD + 2), story_id="s", chain_index=1)
    paras = [para(6)]
    r = flow_story([(a, pg), (b, pg)], 1, lambda i, w: paras[i])
    frames = [pl.column.frame.id for pl in r.placed]
    assert frames == ["a", "a", "a", "b", "b", "b"]
    assert r.placed[3].y == 407.0  # the first grid line below 396 + ascent


def test_keep_with_next_carries_the_last_lines_of_a_long_paragraph() -> None:
    quote = para(5, keep_with_next=True)
    r = run([para(4), quote, para(1)], frame(10))
    lines_of_quote = [pl.column.index for pl in r.placed if pl.paragraph == 1]
    # 4 + 5 + 1 would fit exactly, so first check a case where the next does not fit:
    assert lines_of_quote == [0] * 5
    r = run([para(5), quote, para(3)], frame(10))
    lines_of_quote = [pl.column.index for pl in r.placed if pl.paragraph == 1]
    assert lines_of_quote == [0, 0, 0, 1, 1]
    assert next(pl for pl in r.placed if pl.paragraph == 2).column.index == 1
