"""The line breaker's word-gap limit and its count of hanging punctuation.

Synthetic items (points): width 100, word spaces of 5 pt that stretch 1 and shrink 3,
boxes that may letter-space. The line "A B" (55 + 5 + 30) is 10 short: the space
stretches 1, the letters 7 (second tier), so its badness is only 195 (r' = 1.25,
within the tolerance) while its one word space is set 5 + 1 + 2 = 8 pt wide.
"""

from __future__ import annotations

import pytest

from kupang_layout.engine.linebreak import BreakParams, Item, break_lines
from kupang_layout.engine.linebreak_items import Box, Glue, Penalty, paragraph_end

SPACE = Glue(5.0, 1.0, 3.0)
A = Box(55.0, 4.0)
B = Box(30.0, 3.0)


def _with_name(penalty: float = 1000.0) -> list[Item]:
    """A B, then a name whose hyphenation point costs `penalty` (as a proper name's),
    then D: "A B C1-" fits the line with its spaces shrunk."""
    return [A, SPACE, B, SPACE, Box(6.0), Penalty(4.0, penalty, True), Box(20.0), SPACE,
            Box(30.0), *paragraph_end()]  # fmt: skip


def _breaks(items: list[Item], params: BreakParams) -> tuple[list[int], int]:
    result = break_lines(items, [100.0], params)
    return [ln.break_index for ln in result.lines], result.passes


def _widest_gap(items: list[Item], params: BreakParams) -> float:
    """The widest word space the setting gives (as `compose_set` sets it: letters at
    their limit, the spaces take the rest)."""
    result = break_lines(items, [100.0], params)
    widest = 0.0
    for ln in result.lines[:-1]:
        glues = [it for it in items[ln.start : ln.end] if isinstance(it, Glue)]
        letters = sum(it.stretch for it in items[ln.start : ln.end] if isinstance(it, Box))
        spaces = sum(g.width + g.stretch for g in glues)
        rest = max(0.0, ln.width - (ln.natural + sum(g.stretch for g in glues) + letters))
        widest = max(widest, (spaces + rest) / len(glues))
    return widest


def test_without_a_limit_the_loose_line_is_within_the_tolerance() -> None:
    items = _with_name()
    breaks, passes = _breaks(items, BreakParams(pretolerance=-1, tolerance=800.0))
    assert breaks[0] == 3 and passes == 2  # "A B": badness 195 beats the name's p = 1000
    assert _widest_gap(items, BreakParams(pretolerance=-1)) == pytest.approx(8.0)


def test_a_line_wider_than_the_gap_limit_is_infeasible_where_an_alternative_exists() -> None:
    items = _with_name()
    params = BreakParams(pretolerance=-1, tolerance=800.0, gap_limit=7.5)
    breaks, passes = _breaks(items, params)
    assert breaks[0] == 5 and passes == 2  # "A B C1-", in the normal pass
    assert _widest_gap(items, params) <= 7.5


def test_the_last_resort_still_sets_a_paragraph_with_no_alternative() -> None:
    items: list[Item] = [A, SPACE, B, SPACE, Box(60.0), *paragraph_end()]
    breaks, passes = _breaks(items, BreakParams(pretolerance=-1, gap_limit=7.5))
    assert breaks[0] == 3 and passes == 4  # nothing is left unset


def test_the_emergency_pass_tries_the_wider_limit() -> None:
    items: list[Item] = [A, SPACE, B, SPACE, Box(60.0), *paragraph_end()]
    params = BreakParams(pretolerance=-1, gap_limit=7.5, emergency_gap_limit=8.5)
    assert _breaks(items, params) == ([3, len(items) - 1], 3)


def test_the_emergency_pass_takes_any_badness_within_the_gap_limit() -> None:
    items: list[Item] = [A, SPACE, B, SPACE, Box(60.0), *paragraph_end()]
    # Badness 195 is beyond a tolerance of 100, so pass 2 fails; the gap (8) is within 9.
    params = BreakParams(pretolerance=-1, tolerance=100.0, gap_limit=9.0)
    assert _breaks(items, params) == ([3, len(items) - 1], 3)
    no_limit = BreakParams(pretolerance=-1, tolerance=100.0)
    assert _breaks(items, no_limit)[1] == 4  # TeX's passes alone: the last resort


def test_a_hanging_hyphen_gives_the_line_room() -> None:
    # "50 44-" is 102 wide with its hyphen and can shrink 3: overfull by a hair at
    # width 98.5. Hanging the hyphen by 2.1 (optical margin alignment) makes it fit.
    items: list[Item] = [Box(50.0), SPACE, Box(44.0), Penalty(3.0, 50.0, True), Box(10.0),
                         *paragraph_end()]  # fmt: skip
    plain = break_lines(items, [98.5], BreakParams(pretolerance=-1))
    assert plain.lines[0].break_index != 3
    hung = break_lines(items, [98.5], BreakParams(pretolerance=-1), hangs={3: 2.1})
    line = hung.lines[0]
    assert line.break_index == 3 and not line.overfull
    assert line.hang == pytest.approx(2.1)
    assert line.natural == pytest.approx(102.0 - 2.1)


@pytest.mark.parametrize(
    ("second", "hang", "ratio"),
    # tight: the full hang; looser: part of it; very loose: none
    [(37.5, 3.0, 0.5), (35.5, 1.5, 1.0), (20.0, 0.0, 15.0)],
)
def test_a_loose_line_hangs_less_before_its_spaces_pass_their_maximum(
    second: float, hang: float, ratio: float
) -> None:
    # "60 B" ends at a space after a full stop that may hang 3; its space stretches 1.
    items: list[Item] = [Box(60.0), SPACE, Box(second), SPACE, Box(60.0), *paragraph_end()]
    line = break_lines(items, [100.0], BreakParams(pretolerance=-1), hangs={3: 3.0}).lines[0]
    assert line.break_index == 3
    assert line.hang == pytest.approx(hang)
    assert line.ratio == pytest.approx(ratio)
    # Set, the line's material (natural width `natural + hang`) reaches the measure plus
    # what it hangs.
    material = line.natural + line.hang + line.ratio * SPACE.stretch
    assert material == pytest.approx(line.width + line.hang)


def test_a_line_starting_with_a_hanging_quote_holds_more() -> None:
    # The second line starts with an opening quote that may hang 2.5 to the left:
    # "50 49" (104, shrinking 3) then fits 100 + 2.5.
    items: list[Item] = [Box(100.0), SPACE, Box(50.0), SPACE, Box(49.0), SPACE, Box(40.0),
                         *paragraph_end()]  # fmt: skip
    plain = break_lines(items, [100.0], BreakParams(pretolerance=-1))
    hung = break_lines(items, [100.0], BreakParams(pretolerance=-1), leads={2: 2.5})
    assert plain.lines[1].break_index != 5
    assert hung.lines[1].break_index == 5 and not hung.lines[1].overfull
    assert hung.lines[1].lead == pytest.approx(2.5)
