"""Tests for the Knuth-Plass line breaker (engine stage)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kupang_layout.engine.linebreak import (
    INF_BAD,
    BreakParams,
    BreakResult,
    break_lines,
)
from kupang_layout.engine.linebreak_items import (
    FIL,
    FILL_REF,
    INFINITY,
    Box,
    Glue,
    Item,
    Penalty,
    hyphen_break,
    interword,
    paragraph_end,
    paragraph_start,
)

# ---------------------------------------------------------------------------
# An independent statement of the rules (paper §"Badness", §"Demerits", plus the
# documented letter-spacing tier), used to check results by hand-derivation and
# by a plain dynamic program.


def line_measure(
    items: Sequence[Item], start: int, brk: int, width: float
) -> tuple[float, int, bool]:
    """(badness, fitness class, overfull) of items[start:brk] broken at brk."""
    natural = y = z = y2 = z2 = 0.0
    for item in items[start:brk]:
        if isinstance(item, Box):
            natural += item.width
            y2 += item.stretch
            z2 += item.shrink
        elif isinstance(item, Glue):
            natural += item.width
            y += item.stretch
            z += item.shrink
    if brk < len(items) and isinstance(items[brk], Penalty):
        brk_item = items[brk]
        assert isinstance(brk_item, Penalty)
        natural += brk_item.width
    short = width - natural
    if short > 0:
        if y > 0 and short <= y:
            bad = 100 * (short / y) ** 3
        else:
            total = max(y, 0) + y2
            bad = INF_BAD if total <= 0 else min(INF_BAD, max(100.0, 100 * (short / total) ** 3))
        fit = 3 if bad > 99 else 2 if bad > 12 else 1
        return bad, fit, False
    if short == 0:
        return 0.0, 1, False
    if z > 0 and -short <= z:
        bad = 100 * (-short / z) ** 3
        return bad, (0 if bad > 12 else 1), False
    if -short <= max(z, 0) + z2:
        return 100.0, 0, False
    return math.inf, 0, True


def demerits(
    params: BreakParams,
    bad: float,
    pen: float,
    flagged: bool,
    prev_flagged: bool,
    last: bool,
    fit: int,
    prev_fit: int,
) -> float:
    d = (params.line_penalty + bad) ** 2
    if pen >= 0:
        d += pen**2
    elif pen > -INFINITY:
        d -= pen**2
    if last and prev_flagged:
        d += params.final_hyphen_demerits
    elif not last and flagged and prev_flagged:
        d += params.double_hyphen_demerits
    if abs(fit - prev_fit) > 1:
        d += params.adj_demerits
    return d


def legal_breaks(items: Sequence[Item]) -> list[int]:
    out = []
    for i, item in enumerate(items):
        after_box = isinstance(item, Glue) and i > 0 and isinstance(items[i - 1], Box)
        # A NaN penalty counts as 0.
        if after_box or (isinstance(item, Penalty) and not item.penalty >= INFINITY):
            out.append(i)
    return out


def after_break(items: Sequence[Item], brk: int) -> int:
    i = brk + 1
    while i < len(items):
        item = items[i]
        if isinstance(item, Box) or (isinstance(item, Penalty) and item.penalty <= -INFINITY):
            return i
        i += 1
    return i


def width_of(widths: Sequence[float], j: int) -> float:
    return widths[min(j, len(widths) - 1)]


def score(
    items: Sequence[Item], breaks: Sequence[int], widths: Sequence[float], params: BreakParams
) -> tuple[float, bool]:
    """Total demerits of a break sequence and whether every line is feasible."""
    total = 0.0
    feasible = True
    start, prev_fit, prev_flag, run = 0, 1, False, 0
    for j, brk in enumerate(breaks):
        bad, fit, overfull = line_measure(items, start, brk, width_of(widths, j))
        item = items[brk]
        pen = item.penalty if isinstance(item, Penalty) else 0.0
        flagged = isinstance(item, Penalty) and item.flagged
        run = run + 1 if flagged else 0
        limit = params.max_consecutive_hyphens
        if overfull or bad > params.tolerance or (limit is not None and run > limit):
            feasible = False
        if not overfull:
            last = brk == breaks[-1]
            total += demerits(params, bad, pen, flagged, prev_flag, last, fit, prev_fit)
        start, prev_fit, prev_flag = after_break(items, brk), fit, flagged
    return total, feasible


def reference_optimum(
    items: Sequence[Item], widths: Sequence[float], params: BreakParams
) -> float | None:
    """Fewest total demerits over all feasible break sequences (None if none).

    A plain dynamic program over every pair of breaks, without the breaker's pruning
    or deactivation: a state is (break, lines so far, fitness, hyphen run, flagged).
    """
    final = len(items) - 1
    legal = [b for b in legal_breaks(items) if b != final] + [final]
    forced = [b for b in legal if isinstance(items[b], Penalty) and items[b].penalty <= -INFINITY]
    best: dict[tuple[int, int, int, int, bool], float] = {(-1, 0, 1, 0, False): 0.0}
    for b in legal:
        item = items[b]
        pen = item.penalty if isinstance(item, Penalty) else 0.0
        flagged = isinstance(item, Penalty) and item.flagged
        for (a, lines, prev_fit, run, prev_flag), total in list(best.items()):
            if a >= b or any(a < f < b for f in forced):
                continue
            start = 0 if a < 0 else after_break(items, a)
            if b < start:
                continue
            bad, fit, overfull = line_measure(items, start, b, width_of(widths, lines))
            new_run = run + 1 if flagged else 0
            limit = params.max_consecutive_hyphens
            if overfull or bad > params.tolerance or (limit is not None and new_run > limit):
                continue
            d = demerits(params, bad, pen, flagged, prev_flag, b == final, fit, prev_fit)
            key = (b, lines + 1, fit, new_run, flagged)
            if key not in best or total + d < best[key]:
                best[key] = total + d
    finals = [total for key, total in best.items() if key[0] == final]
    return min(finals) if finals else None


def breaks_of(result: BreakResult) -> list[int]:
    return [line.break_index for line in result.lines]


def check_cover(items: Sequence[Item], result: BreakResult) -> None:
    """Lines cover the items once, in order; skipped items are discardable only."""
    legal = set(legal_breaks(items))
    prev_break = -1
    for line in result.lines:
        assert line.end == line.break_index
        assert prev_break < line.start <= line.end or (line.start == line.end)
        for skipped in items[prev_break + 1 : line.start]:
            assert not isinstance(skipped, Box)
        if line.break_index < len(items) and line is not result.lines[-1]:
            assert line.break_index in legal
        prev_break = line.break_index
    for rest in items[prev_break + 1 :]:
        assert not isinstance(rest, Box)
    boxes_in_lines = sum(
        1 for line in result.lines for item in items[line.start : line.end] if isinstance(item, Box)
    )
    assert boxes_in_lines == sum(1 for item in items if isinstance(item, Box))


def words(widths: Sequence[float], space: Glue) -> list[Item]:
    out: list[Item] = []
    for k, w in enumerate(widths):
        if k:
            out.append(space)
        out.append(Box(w, ref=k))
    return out


NO_PRE = BreakParams(pretolerance=-1)


# ---------------------------------------------------------------------------
# Hand-derived cases


def test_total_fit_balances_tight_then_loose() -> None:
    # Width 100, spaces 10 (+10 / -4). First fit packs A B C (106, shrink 8: r=-0.75,
    # b=42.19, tight) and leaves D E F loose (75, stretch 20: r=1.25, b=195.3).
    # Total fit moves C down: A B (94: r=0.6, b=21.6) and C D E F (87: r=0.433, b=8.1).
    space = Glue(10, 10, 4)
    items = [*words([42, 42, 2, 25, 20, 10, 30], space), *paragraph_end()]
    params = NO_PRE
    greedy = break_lines(items, [100], BreakParams(pretolerance=-1, mode="first_fit"))
    best = break_lines(items, [100], params)
    # Break indices: glue after word k sits at 2k + 1.
    assert breaks_of(greedy) == [5, 11, len(items) - 1]
    assert breaks_of(best) == [3, 11, len(items) - 1]
    assert best.lines[0].ratio == pytest.approx(0.6)
    assert best.lines[1].ratio == pytest.approx(13 / 30)
    assert greedy.lines[0].ratio == pytest.approx(-0.75)
    assert greedy.lines[1].ratio == pytest.approx(1.25)
    assert [ln.fitness for ln in greedy.lines] == [0, 3, 1]
    assert [ln.fitness for ln in best.lines] == [2, 1, 1]
    # Demerits by hand: (10 + b)^2, adj_demerits 10000 for each jump of two classes.
    last = (10 + 100 * (70 / FIL) ** 3) ** 2
    expected_greedy = (10 + 42.1875) ** 2 + (10 + 195.3125) ** 2 + 10000 + last + 10000
    expected_best = (10 + 21.6) ** 2 + (10 + 100 * (13 / 30) ** 3) ** 2 + last
    assert greedy.total_demerits == pytest.approx(expected_greedy)
    assert best.total_demerits == pytest.approx(expected_best)
    assert best.total_demerits < greedy.total_demerits
    assert best.passes == 2


def test_pretolerance_pass_is_used_when_it_succeeds() -> None:
    space = Glue(10, 10, 4)
    items = [*words([42, 42, 2, 25, 20, 10, 30], space), *paragraph_end()]
    result = break_lines(items, [100], BreakParams())
    assert result.passes == 1
    assert breaks_of(result) == [3, 11, len(items) - 1]


def test_forced_break_is_taken_and_following_glue_discarded() -> None:
    space = Glue(5, 3, 2)
    items: list[Item] = [
        Box(20),
        space,
        Box(20),
        Glue(0, FIL, 0),
        Penalty(0, -INFINITY),  # index 4: a line break inside the paragraph
        space,  # discarded after the forced break
        Box(30),
        space,
        Box(30),
        *paragraph_end(),
    ]
    result = break_lines(items, [100], NO_PRE)
    assert breaks_of(result) == [4, len(items) - 1]
    assert result.lines[1].start == 6
    check_cover(items, result)


def test_infinite_penalty_forbids_a_break() -> None:
    # Three words of 45 in a line of 100: the only good break is after the first
    # space... which a no-break space (penalty +inf before the glue) forbids.
    space = Glue(10, 5, 3)
    free = [Box(45), space, Box(45), space, Box(45), *paragraph_end()]
    bound = [Box(45), space, Box(45), Penalty(0, INFINITY), space, Box(45), *paragraph_end()]
    assert breaks_of(break_lines(free, [100], NO_PRE))[0] == 3
    result = break_lines(bound, [100], NO_PRE)
    assert 4 not in breaks_of(result) and 3 not in breaks_of(result)
    assert breaks_of(result)[0] == 1
    check_cover(bound, result)


def two_hyphen_paragraph() -> list[Item]:
    # Each line must end at a hyphen: a line ending at a space would hold one word and
    # no stretch (badness 10000), and a line running past a hyphen is overfull.
    hyph = Penalty(5, 50, True)
    space = Glue(10, 2, 1)
    return [
        Box(60),
        space,
        Box(25),
        hyph,  # 60 + 10 + 25 + 5 = 100
        Box(40),
        space,
        Box(45),
        hyph,  # 40 + 10 + 45 + 5 = 100
        Box(40),
        space,
        Box(30),
        *paragraph_end(),
    ]


def test_double_hyphen_demerits_are_charged() -> None:
    items = two_hyphen_paragraph()
    params = BreakParams(pretolerance=-1, max_consecutive_hyphens=None)
    result = break_lines(items, [100], params)
    assert breaks_of(result) == [3, 7, len(items) - 1]
    assert [ln.hyphenated for ln in result.lines] == [True, True, False]
    # Both hyphenated lines are exact (badness 0); recompute with the stated rules.
    expected, feasible = score(items, breaks_of(result), [100], params)
    assert feasible
    assert result.total_demerits == pytest.approx(expected)
    # The second line ends flagged after a flagged line: alpha is part of the total.
    no_alpha = BreakParams(pretolerance=-1, max_consecutive_hyphens=None, double_hyphen_demerits=0)
    cheaper = break_lines(items, [100], no_alpha)
    assert breaks_of(cheaper) == breaks_of(result)
    assert result.total_demerits - cheaper.total_demerits == pytest.approx(10000)
    # And a hyphenated last-but-one line costs final_hyphen_demerits.
    assert result.lines[-1].demerits - cheaper.lines[-1].demerits == pytest.approx(0)
    assert result.lines[-1].demerits >= 5000


def test_max_consecutive_hyphens_is_a_hard_limit() -> None:
    items = two_hyphen_paragraph()
    unlimited = break_lines(
        items, [100], BreakParams(pretolerance=-1, max_consecutive_hyphens=None)
    )
    assert sum(ln.hyphenated for ln in unlimited.lines) == 2
    one = break_lines(items, [100], BreakParams(pretolerance=-1, max_consecutive_hyphens=1))
    flags = [ln.hyphenated for ln in one.lines]
    assert not any(a and b for a, b in itertools.pairwise(flags))
    check_cover(items, one)
    none = break_lines(items, [100], BreakParams(pretolerance=-1, max_consecutive_hyphens=0))
    assert not any(ln.hyphenated for ln in none.lines)


def test_looseness_adds_or_removes_a_line() -> None:
    # 15 words of 20, spaces 5 (+10 / -5), width 100. Four words a line (95: r = 1/6)
    # gives 4 lines; five a line (120: r = -1, badness 100) gives 3; three a line
    # (70: r = 1.5, badness 337.5) gives 5.
    items = [*words([20] * 15, Glue(5, 10, 5)), *paragraph_end()]
    base = break_lines(items, [100], BreakParams(pretolerance=-1, tolerance=1000))
    looser = break_lines(items, [100], BreakParams(pretolerance=-1, tolerance=1000, looseness=1))
    tighter = break_lines(items, [100], BreakParams(pretolerance=-1, tolerance=1000, looseness=-1))
    assert len(base.lines) == 4
    assert len(looser.lines) == 5
    assert len(tighter.lines) == 3
    assert [ln.ratio for ln in tighter.lines[:-1]] == pytest.approx([-1.0, -1.0])
    assert looser.total_demerits > base.total_demerits
    assert tighter.total_demerits > base.total_demerits
    for result in (base, looser, tighter):
        check_cover(items, result)
        assert result.overfull == 0
    # Asking for more than is possible gives the nearest achievable count.
    far = break_lines(items, [100], BreakParams(pretolerance=-1, tolerance=1000, looseness=-3))
    assert len(far.lines) == 3


def test_word_longer_than_the_line_gives_an_overfull_line() -> None:
    space = Glue(5, 3, 2)
    items = [Box(30), space, Box(150), space, Box(30), *paragraph_end()]
    result = break_lines(items, [100], BreakParams())
    assert result.passes == 4
    assert result.overfull == 1
    overfull = [ln for ln in result.lines if ln.overfull]
    assert len(overfull) == 1
    line = overfull[0]
    assert items[line.start : line.end] == [Box(150)]
    assert line.natural == 150 and line.ratio == 0.0  # no glue on the line to shrink
    check_cover(items, result)


def test_last_resort_prefers_a_loose_line_to_a_hopeless_one() -> None:
    # Width 100, spaces 5 (+2). No line is feasible at any usual tolerance:
    # "A B" (80: r = 10, badness 100000) or "A" alone (no stretch at all). With TeX's cap
    # both would be "infinitely bad" (10000) and tie (as they do at tolerance 10000);
    # the last resort tells them apart.
    space = Glue(5, 2, 0)
    items = [*words([60, 15, 25, 40], space), *paragraph_end()]
    result = break_lines(items, [100], BreakParams())
    assert result.passes == 4
    assert breaks_of(result) == [3, len(items) - 1]
    assert result.lines[0].ratio == pytest.approx(10.0)
    assert result.lines[0].badness == INF_BAD  # reported on TeX's scale


def test_emergency_stretch_pass() -> None:
    # Lines need r = 2 (b = 800 > 200): only the emergency stretch makes them feasible.
    space = Glue(10, 5, 2)
    items = [*words([40, 40, 40, 40, 40, 40], space), *paragraph_end()]
    plain = break_lines(items, [100], BreakParams(pretolerance=-1))
    assert plain.passes == 4
    helped = break_lines(items, [100], BreakParams(pretolerance=-1, emergency_stretch=20))
    assert helped.passes == 3
    assert helped.lines[0].ratio == pytest.approx(2.0)  # the real glue sets the line
    assert helped.overfull == 0


def test_letter_spacing_is_a_second_tier() -> None:
    # Word spaces stretch 4 in total; the line is 10 short: letters take the other 6.
    items: list[Item] = [
        Box(40, 5, 1),
        Glue(10, 2, 2),
        Box(20, 5, 1),
        Glue(10, 2, 2),
        Box(10, 2, 1),
        Glue(10, 2, 2),  # break here
        Box(50, 5, 1),
        *paragraph_end(),
    ]
    result = break_lines(items, [100], NO_PRE)
    first = result.lines[0]
    assert first.break_index == 5
    assert first.ratio == 1.0
    assert first.letter_ratio == pytest.approx(6 / 12)
    assert first.badness == pytest.approx(100.0)  # max(100, 100 * (10/16)^3)
    # Without letter spacing the same line is infeasible at tolerance 200 (b = 1562).
    bare = [Box(it.width) if isinstance(it, Box) else it for it in items]
    bad, _fit, _over = line_measure(bare, 0, 5, 100)
    assert bad > 200
    # A line the word spaces can fill alone leaves letters untouched.
    easy = break_lines(items, [93], NO_PRE)
    assert easy.lines[0].break_index == 5
    assert easy.lines[0].letter_ratio == 0.0
    assert easy.lines[0].ratio == pytest.approx(3 / 4)


def test_line_widths_sequence_and_callable() -> None:
    space = Glue(5, 5, 2)
    items = [*words([20] * 20, space), *paragraph_end()]
    narrow_first = break_lines(items, [45, 45, 95], NO_PRE)
    assert [ln.width for ln in narrow_first.lines[:4]] == [45, 45, 95, 95]
    by_call = break_lines(items, lambda j: 45.0 if j < 2 else 95.0, NO_PRE)
    assert breaks_of(by_call) == breaks_of(narrow_first)
    assert by_call.total_demerits == pytest.approx(narrow_first.total_demerits)


def test_ragged_right_items() -> None:
    rag = 30.0
    items: list[Item] = [*paragraph_start("left", rag)]
    sizes = [30, 25, 40, 20, 35, 30, 25, 45, 20]
    for k, w in enumerate(sizes):
        if k:
            items.extend(interword("left", 6, 0, 0, rag, ref=k))
        items.append(Box(w, ref=k))
    items.extend(paragraph_end())
    result = break_lines(items, [100], NO_PRE)
    check_cover(items, result)
    for line in result.lines[:-1]:
        # The line ends with the rag fill; unbroken spaces keep their width.
        assert isinstance(items[line.break_index], Penalty)
        assert line.natural <= 100
        assert line.ratio >= 0
    fills = [it for it in items if it.ref == FILL_REF]
    assert fills and all(not isinstance(it, Box) or it.width == 0 for it in fills)


def test_centered_and_hyphen_break_helpers_balance() -> None:
    for alignment in ("justify", "left", "right", "center"):
        seq = interword(alignment, 6, 1, 1, 20)  # type: ignore[arg-type]
        assert sum(it.width for it in seq if not isinstance(it, Penalty)) == 6
        assert sum(it.stretch for it in seq if isinstance(it, Glue)) == pytest.approx(1)
        hb = hyphen_break(alignment, 3, 50, 20)  # type: ignore[arg-type]
        assert sum(it.stretch for it in hb if isinstance(it, Glue)) == pytest.approx(0)
        assert next(it for it in hb if isinstance(it, Penalty) and it.flagged).width == 3
        # Only the flagged penalty is a legal break inside the word.
        assert len(legal_breaks([Box(10), *hb, Box(10)])) == 1


def test_odd_input_never_raises() -> None:
    assert break_lines([], [100]).lines == ()
    assert break_lines([Glue(5, 1, 1)], [100]).lines == ()
    weird: list[Item] = [
        Box(math.nan),
        Glue(math.inf, math.nan, -5),
        Box(-20, math.inf, 0),
        Penalty(math.nan, math.nan, True),
        Box(1e12),
    ]
    for widths in ([100.0], [], [math.nan], [-10.0], [0.0]):
        result = break_lines(weird, widths)
        check_cover(weird, result)
        result = break_lines(weird, widths, BreakParams(mode="first_fit"))
        check_cover(weird, result)
    # Material without a finishing penalty ends after its last box.
    tail = [Box(10), Glue(5, 1, 1), Box(10), Glue(5, 1, 1)]
    result = break_lines(tail, [100])
    assert result.lines[-1].break_index == 3


def test_a_line_overfull_only_by_its_hyphen_keeps_its_start_active() -> None:
    # "39|3" in 40 pt: breaking at the hyphenation point gives 39 + 3 (hyphen) with only
    # 1.25 of letter shrink, overfull; not breaking gives 42 with 2.5 of shrink, which
    # fits. The start must stay active past the hyphen break (TeX would drop it there).
    items: list[Item] = [
        Box(39.0, 2.5, 1.25),
        Penalty(3.0, 0.0, True),
        Box(3.0, 2.5, 1.25),
        *paragraph_end(),
    ]
    params = BreakParams(pretolerance=-1, tolerance=100.0, max_consecutive_hyphens=None)
    result = break_lines(items, [40.0], params)
    assert result.passes == 2
    assert result.overfull == 0
    assert len(result.lines) == 1 and not result.lines[0].hyphenated
    draft = break_lines(items, [40.0], BreakParams(pretolerance=-1, mode="first_fit"))
    assert draft.overfull == 0 and len(draft.lines) == 1


def test_first_pass_skips_hyphenation_but_keeps_hard_hyphens() -> None:
    # Text fits loosely without hyphens in pass 1 only via the hard-hyphen break.
    space = Glue(10, 10, 3)
    items: list[Item] = [
        Box(45),
        space,
        Box(40),
        Penalty(0, 50, True),  # after "kata-": a hard hyphen break
        Box(40),
        space,
        Box(45),
        *paragraph_end(),
    ]
    result = break_lines(items, [100], BreakParams())
    assert result.passes == 1
    assert breaks_of(result)[0] == 3
    assert result.lines[0].hyphenated
    # A hyphenation point (width > 0) is not tried in pass 1.
    soft = [*items[:3], Penalty(4, 50, True), *items[4:]]
    soft_result = break_lines(soft, [100], BreakParams(pretolerance=10000))
    assert soft_result.passes == 1
    assert 3 not in breaks_of(soft_result)


# ---------------------------------------------------------------------------
# Properties


@st.composite
def paragraphs(draw: st.DrawFn) -> tuple[list[Item], list[float]]:
    n_words = draw(st.integers(1, 9))
    items: list[Item] = []
    for ref in range(n_words):
        if ref:
            kind = draw(st.sampled_from(["space", "space", "space", "nbsp", "forced"]))
            stretch = draw(st.sampled_from([0.0, 1.5, 3.0, 6.0]))
            shrink = draw(st.sampled_from([0.0, 1.0, 2.0]))
            if kind == "nbsp":
                items.append(Penalty(0, INFINITY))
            elif kind == "forced":
                items.extend([Glue(0, FIL, 0), Penalty(0, -INFINITY)])
            items.append(Glue(draw(st.sampled_from([4.0, 5.0, 6.0])), stretch, shrink))
        pieces = draw(st.integers(1, 3))
        for p in range(pieces):
            if p:
                hard = draw(st.booleans())
                width = 0.0 if hard else 3.0
                items.append(Penalty(width, draw(st.sampled_from([0.0, 50.0, 100.0])), True))
            width = draw(st.integers(2, 30)) * 1.5
            letters = draw(st.sampled_from([0.0, 0.0, 1.0, 2.5]))
            items.append(Box(width, letters, letters / 2, ref=ref))
    items.extend(paragraph_end())
    widths = draw(st.lists(st.sampled_from([40.0, 55.0, 60.0, 75.0, 90.0]), min_size=1, max_size=3))
    return items, widths


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs(),
    st.sampled_from([None, 0, 1, 2, 5]),
    st.sampled_from([100.0, 200.0, 1000.0]),
)
def test_optimal_matches_reference(
    para: tuple[list[Item], list[float]], limit: int | None, tolerance: float
) -> None:
    items, widths = para
    params = BreakParams(pretolerance=-1, tolerance=tolerance, max_consecutive_hyphens=limit)
    result = break_lines(items, widths, params)
    check_cover(items, result)
    best = reference_optimum(items, widths, params)
    if best is None:
        assert result.passes == 4
    else:
        assert result.passes == 2
        assert result.total_demerits == pytest.approx(best, rel=1e-9, abs=1e-6)
        total, feasible = score(items, breaks_of(result), widths, params)
        assert feasible
        assert total == pytest.approx(result.total_demerits, rel=1e-9, abs=1e-6)


@settings(max_examples=200, deadline=None)
@given(paragraphs(), st.sampled_from([None, 2]))
def test_optimal_never_worse_than_first_fit(
    para: tuple[list[Item], list[float]], limit: int | None
) -> None:
    items, widths = para
    params = BreakParams(pretolerance=-1, max_consecutive_hyphens=limit)
    greedy = break_lines(items, widths, BreakParams(pretolerance=-1, mode="first_fit",
                                                    max_consecutive_hyphens=limit))  # fmt: skip
    check_cover(items, greedy)
    total, feasible = score(items, breaks_of(greedy), widths, params)
    assert total == pytest.approx(greedy.total_demerits, rel=1e-9, abs=1e-6) or not feasible
    if feasible:
        best = break_lines(items, widths, params)
        assert best.passes == 2
        assert best.total_demerits <= greedy.total_demerits + 1e-6


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(Box, st.floats(-50, 200), st.floats(0, 10), st.floats(0, 10)),
            st.builds(Glue, st.floats(-5, 20), st.floats(-5, 20), st.floats(-5, 20)),
            st.builds(
                Penalty,
                st.floats(0, 10),
                st.sampled_from([-INFINITY, -100.0, 0.0, 50.0, INFINITY, 20000.0]),
                st.booleans(),
            ),
        ),
        max_size=60,
    ),
    st.lists(st.floats(0, 300), max_size=3),
    st.sampled_from(["optimal", "first_fit"]),
    st.integers(-2, 2),
)
def test_any_item_list_is_broken_without_error(
    items: list[Item], widths: list[float], mode: str, looseness: int
) -> None:
    params = BreakParams(mode=mode, looseness=looseness)  # type: ignore[arg-type]
    result = break_lines(items, widths, params)
    check_cover(items, result)
    assert result.overfull == sum(1 for ln in result.lines if ln.overfull)


@settings(max_examples=150, deadline=None)
@given(
    paragraphs(),
    st.data(),
    st.sampled_from(["optimal", "first_fit"]),
    st.booleans(),
)
def test_breaking_the_rest_covers_what_follows_the_start(
    para: tuple[list[Item], list[float]], data: st.DataObject, mode: str, flagged: bool
) -> None:
    # The rest of a paragraph after one of its legal breaks (a paragraph going on in a
    # column of another width): lines cover exactly the items after that break.
    items, widths = para
    legal = legal_breaks(items)
    start = data.draw(st.sampled_from([-1, *legal]))
    params = BreakParams(mode=mode)  # type: ignore[arg-type]
    result = break_lines(items, widths, params, start=start, start_flagged=flagged)
    if start < 0 and not flagged:
        assert result == break_lines(items, widths, params)
    if not any(isinstance(it, Box) for it in items[start + 1 :]):
        assert result.lines == ()
        return
    previous = start
    for line in result.lines:
        assert previous < line.start <= line.break_index
        assert not any(isinstance(it, Box) for it in items[previous + 1 : line.start])
        previous = line.break_index
    assert not any(isinstance(it, Box) for it in items[previous + 1 :])
    boxes = sum(1 for ln in result.lines for it in items[ln.start : ln.end] if isinstance(it, Box))
    assert boxes == sum(1 for it in items[start + 1 :] if isinstance(it, Box))
