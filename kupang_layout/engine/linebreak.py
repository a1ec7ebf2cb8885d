"""Engine stage: line breaking by total fit (Knuth & Plass 1981) or first fit.

Reference: D. E. Knuth and M. F. Plass, "Breaking Paragraphs into Lines",
Software—Practice and Experience 11(11), 1981. Section names below are the paper's;
TeX's refinements (passes, artificial demerits) follow "TeX: The Program" §813-§890.

Model (§"The box/glue/penalty model", items in `linebreak_items`): a line from break
``a`` to break ``b`` holds the items after ``a`` (less the glue and penalties that follow
a break, up to the next box or forced break) up to ``b``; a penalty break adds its width.

Measuring a line (§"The adjustment ratio", §"Badness"): with natural width L, target
width l, word-space stretch Y and shrink Z, the adjustment ratio is r = (l - L) / Y when
stretching and (l - L) / Z when shrinking; badness b = 100|r|^3 (capped at 10000, TeX's
"infinitely bad"); r < -1 is an overfull line.

Letter spacing, a second tier: boxes may carry letter-space stretch Y2 / shrink Z2.
When the word spaces suffice (|r| <= 1 with Y or Z alone) letters are untouched and b is
as above. Otherwise the word spaces are set to their limit and letters take the rest;
the line is judged by the total, b = max(100, 100|r'|^3) with r' = (l - L) / (Y + Y2)
(or Z + Z2). So a letter-spaced line is never better than one at the word-space limit
(b = 100) and letter spacing is used only where word spaces alone would be too loose
(or too tight), yet it can make such a line feasible. A line is overfull only when
r' < -1. `Line.ratio` applies to glue stretch/shrink and `Line.letter_ratio` to box
stretch/shrink.

Demerits (§"Demerits"): d = (line_penalty + b)^2 + p^2 for p >= 0, (line_penalty + b)^2
- p^2 for -inf < p < 0, (line_penalty + b)^2 for a forced break; plus
double_hyphen_demerits (the paper's alpha) for two flagged breaks in a row,
final_hyphen_demerits when the last-but-one line ends flagged, and adj_demerits (the
paper's gamma) when fitness classes of adjacent lines differ by more than one. Fitness
classes (§"Fitness classes", TeX §817): 0 tight, 1 decent, 2 loose, 3 very loose.

The search (§"The algorithm"): active nodes are breaks that may still start a line;
each remembers Σw, Σy, Σz after it. For each legal breakpoint every active node is
tried; a node is deactivated (becomes passive) when the line from it is overfull (by more
than the hyphen the break itself adds: TeX deactivates there too, which can miss a fit) or the
breakpoint is forced. Nodes are kept apart by line number (only while line widths still
differ, or always with looseness), by fitness class, and by the count of consecutive
flagged breaks (a hard limit, `max_consecutive_hyphens`).

Passes (TeX §863, "TeX: The Program"; the paper's §"The algorithm" is one pass):
1. `pretolerance` without hyphenation points (skipped if negative); 2. `tolerance`;
3. the emergency pass (run when `emergency_stretch` or `gap_limit` is positive):
`emergency_stretch` is added to every line's stretch when judging, as TeX's
\\emergencystretch; with a gap limit, the tolerance gives way to the limit (below), and
when nothing is found within it, pass 3 is tried again within `emergency_gap_limit`;
4. last resort: any underfull line is allowed (badness capped at 10^6 instead of 10^4,
so that a loose line still beats a hopeless one), and when the only active node would
die at an overfull line, that line is taken (TeX's artificial demerits). The breaker
never fails; overfull lines are reported.

Word-gap limit (`gap_limit`, ours): badness is relative, b = 100 r^3 with r measured
against the line's own stretch, so a line of four long words and three spaces can look
much worse than its badness says. Passes 1-3 therefore also refuse a line whose word
spaces would be set wider than `gap_limit` points: the width a word space gets once
glyph scaling and letter-spacing are at their limits and the spaces take the rest
(as `compose_set` sets it). Such a line is infeasible wherever any alternative exists:
more hyphenation, a tighter or looser neighbour line, letter-spacing, glyph scaling.
In pass 3 a line within the gap limit is feasible whatever its badness (the badness,
capped as in the last resort, still ranks the settings: §"Demerits" spreads the
looseness over the paragraph); only pass 4 lets a wider line through. The limit never
binds a line whose spaces are within their own maximum (the first tier).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kupang_layout.engine.linebreak_draft import first_fit
from kupang_layout.engine.linebreak_items import (
    FIL,
    INFINITY,
    Box,
    BreakParams,
    BreakResult,
    Glue,
    Item,
    Line,
    Penalty,
)
from kupang_layout.engine.linebreak_measure import (
    INF_BAD,
    R_INF,
    Candidate,
    LineWidths,
    Node,
    Widths,
    first_node,
    judge,
    make_node,
    set_line,
)
from kupang_layout.engine.linebreak_sums import FLAGGED, FORCED, HYPHEN, Prepared

_HUGE = float("inf")
LAST_RESORT_BAD = 1.0e6
"""Badness cap of the last-resort pass (any line that is not overfull is allowed)."""

__all__ = [
    "FIL",
    "INFINITY",
    "INF_BAD",
    "Box",
    "BreakParams",
    "BreakResult",
    "Glue",
    "Item",
    "Line",
    "LineWidths",
    "Penalty",
    "break_lines",
]


def _total_fit_pass(
    prep: Prepared,
    widths: Widths,
    params: BreakParams,
    threshold: float,
    use_hyphens: bool,
    extra: float,
    last_resort: bool,
    start: int = -1,
    start_flagged: bool = False,
    extra_at: Mapping[int, float] | None = None,
    gap_limit: float = 0.0,
) -> tuple[Node, int] | None:
    """One pass of §"The algorithm": the chosen final node and its looseness, or None.

    `gap_limit` (points, 0 for none): lines whose word spaces would be set wider are
    infeasible (the module docstring's "Word-gap limit")."""
    limit = params.max_consecutive_hyphens
    max_h = limit if limit is not None else 1 << 30
    track = 1 if limit is not None else 0
    hmul = max_h + 1 if limit is not None else 1  # keys: (line class, fitness, hyphen run)
    adj = params.adj_demerits
    line_penalty = params.line_penalty
    double_hyph = params.double_hyphen_demerits
    final_hyph = params.final_hyphen_demerits
    easy_line = widths.easy_line
    pw_, py_, pz_, py2_, pz2_ = prep.w, prep.y, prep.z, prep.y2, prep.z2
    gw_, gy_, gn_, hang_ = prep.gw, prep.gy, prep.gn, prep.hang
    final = prep.final
    # Badness is capped at TeX's 10000, except in the last resort and the gap-limited
    # emergency pass (threshold above the cap), where a higher cap lets the search tell
    # a loose line from a hopeless one.
    cap = LAST_RESORT_BAD if last_resort or threshold > INF_BAD else INF_BAD
    # Typed float: `**` of floats is Any to mypy, which would make every use of r_inf
    # (and of r, set from it) a generic object operation in the compiled pass.
    r_inf: float = R_INF if cap == INF_BAD else (cap / 100.0) ** (1.0 / 3.0)
    huge = _HUGE  # a local: a module global is a dict lookup in the compiled loop

    active: list[Node] = [first_node(prep, widths, start, start_flagged)]
    # The candidates at the current break, in the order found (one list for the pass,
    # emptied after each break: no container per break). A few at most: found by key.
    cands: list[Candidate] = []
    at_, penalty_, width_, kind_ = prep.at, prep.penalty, prep.width, prep.kind
    for j in range(len(at_)):
        kind = kind_[j]
        if kind & HYPHEN and not use_hyphens:
            continue
        b = at_[j]
        pi = penalty_[j]
        pw = width_[j]
        flagged = kind & FLAGGED != 0
        forced = kind & FORCED != 0
        is_final = b == final
        wb = pw_[b] + pw
        yb = py_[b] + extra
        zb = pz_[b]
        y2b = py2_[b]
        z2b = pz2_[b]
        penalty_part = pi * pi if pi > 0 else (-pi * pi if pi > -INFINITY else 0.0)
        if extra_at is not None:
            penalty_part += extra_at.get(b, 0.0)
        flag_extra = final_hyph if is_final else (double_hyph if flagged else 0.0)
        floor = huge  # fewest total demerits so far at b, line class easy_line, no hyphen run
        survivors: list[Node] | None = None
        last_index = len(active) - 1
        b_sums = False
        hang_b = gn_b = gw_b = gy_b = 0.0
        for idx, a in enumerate(active):
            a_start = a.start
            if b < a_start:
                # b lies in the glue discarded after a: no line a -> b.
                if survivors is not None:
                    survivors.append(a)
                continue
            # §"The adjustment ratio", §"Badness", with the letter-spacing tier.
            short = a.width - (wb - a.w)
            overfull = False
            wide = False
            if short > 0:
                y1 = yb - a.y
                if y1 > 0 and short <= y1:
                    r = short / y1
                    bad = 100.0 * r * r * r
                else:
                    yt = (y1 if y1 > 0 else 0.0) + y2b - a.y2
                    r = short / yt if yt > 0 else r_inf
                    if r >= r_inf:
                        bad = cap
                    else:
                        bad = 100.0 * r * r * r
                        if bad < 100.0:
                            bad = 100.0
                    if gap_limit > 0.0:
                        # Past the first tier: the word spaces get their maximum and
                        # whatever glyph scaling, letter-spacing and a smaller hang
                        # leave (`set_line`; the real stretch, without the emergency
                        # stretch).
                        real = y1 - extra
                        rest = short - (real if real > 0 else 0.0) - (y2b - a.y2)
                        if not b_sums:  # the break's side, read once per break
                            hang_b, gn_b, gw_b, gy_b = hang_[b], gn_[b], gw_[b], gy_[b]
                            b_sums = True
                        rest -= hang_b + a.lead
                        gaps = gn_b - a.gn
                        if gaps > 0:
                            spaces = gw_b - a.gw + gy_b - a.gy
                            wide = spaces + (rest if rest > 0 else 0.0) > gap_limit * gaps
                        else:
                            wide = rest > 0
                fit = 3 if bad > 99 else (2 if bad > 12 else 1)
            elif short == 0:
                bad = 0.0
                fit = 1
            else:
                z1 = zb - a.z
                if z1 > 0 and -short <= z1:
                    r = short / z1
                    bad = -100.0 * r * r * r
                    fit = 0 if bad > 12 else 1
                else:
                    zt = (z1 if z1 > 0 else 0.0) + z2b - a.z2
                    if -short <= zt:
                        bad = 100.0
                        fit = 0
                    elif not forced and pw > 0 and -(short + pw) <= zt:
                        # Overfull only by the hyphen this break adds: a later break
                        # (more material, more shrink, no hyphen) may still fit, so a
                        # stays active (TeX would deactivate it here).
                        if survivors is not None:
                            survivors.append(a)
                        continue
                    else:
                        bad = cap + 1
                        fit = 0
                        overfull = True

            hyph = (a.hyphens + 1 if flagged else 0) * track
            if overfull or forced:
                # §"deactivate": the line from a can only get longer (or b is forced).
                if survivors is None:
                    survivors = active[:idx]
                if overfull or bad > threshold or hyph > max_h or wide:
                    if last_resort and not cands and idx == last_index and not survivors:
                        # TeX §854: the only node left; take the break anyway.
                        line = a.line + 1
                        key = line if line < easy_line else easy_line
                        cands.append(Candidate(a.total, 0.0, fit, hyph, key, a, 0))
                    continue
            else:
                if survivors is not None:
                    survivors.append(a)
                if bad > threshold or hyph > max_h or wide:
                    continue

            # §"Demerits".
            lb = line_penalty + bad
            d = lb * lb + penalty_part
            if a.flagged:
                d += flag_extra
            a_fit = a.fitness
            if fit - a_fit > 1 or a_fit - fit > 1:
                d += adj
            total = a.total + d
            line = a.line + 1
            if line >= easy_line:
                # Early form of the `_prune` test for the usual line class.
                if total > floor + adj:
                    continue
                if hyph == 0 and total < floor:
                    floor = total
                line_key = easy_line
            else:
                line_key = line
            key = (line_key * 4 + fit) * hmul + hyph
            old: Candidate | None = None
            for c in cands:
                if c.key == key:
                    old = c
                    break
            if old is None:
                cands.append(Candidate(total, d, fit, hyph, line_key, a, key))
            elif total < old.total:  # the same key: the same fitness, hyphens, line
                old.total, old.demerits, old.prev = total, d, a

        if survivors is not None:
            active = survivors
        if cands:
            kept = cands if len(cands) == 1 else _prune(cands, adj)
            for c in kept:
                a, line = c.prev, c.prev.line + 1
                fit, hyph, total, d = c.fitness, c.hyphens, c.total, c.demerits
                active.append(make_node(prep, widths, b, line, fit, hyph, flagged, total, d, a, pw))
            cands.clear()
        if not active:
            return None
    return _choose(active, params.looseness)


def _prune(values: list[Candidate], adj: float) -> list[Candidate]:
    """Keep the candidates that can still win (TeX §835-§836, extended to hyphen counts).

    Within one line class, a candidate is dropped when another with no more consecutive
    hyphens is better by more than adj_demerits (the most a fitness change can cost), or
    is no worse in the same fitness class.
    """
    kept: list[Candidate] = []
    for cand in values:
        total, fit, hyph, line_key = cand.total, cand.fitness, cand.hyphens, cand.line_key
        for other in values:
            if other is cand or other.line_key != line_key or other.hyphens > hyph:
                continue
            o_total = other.total
            if o_total + adj < total or (
                other.fitness == fit
                and (o_total < total or (o_total == total and other.hyphens < hyph))
            ):
                break
        else:
            kept.append(cand)
    return kept


def _choose(finals: list[Node], looseness: int) -> tuple[Node, int]:
    """TeX §874-§875: fewest demerits, or the line count nearest best + looseness.

    Returns the node and the looseness achieved (lines more than the optimum).
    """
    best = finals[0]
    for node in finals:  # the first of the fewest (as min() finds it)
        if node.total < best.total:
            best = node
    if looseness == 0:
        return best, 0
    best_line = best.line
    chosen = best
    actual = 0
    for node in finals:
        diff = node.line - best_line
        if (looseness <= diff < actual) or (actual < diff <= looseness):
            chosen, actual = node, diff
        elif diff == actual and node.total < chosen.total:
            chosen = node
    return chosen, actual


# ---------------------------------------------------------------------------
# Entry point


def break_lines(
    items: Sequence[Item],
    line_widths: LineWidths,
    params: BreakParams | None = None,
    start: int = -1,
    start_flagged: bool = False,
    extra_demerits: Mapping[int, float] | None = None,
    hangs: Mapping[int, float] | None = None,
    leads: Mapping[int, float] | None = None,
) -> BreakResult:
    """Break `items` into lines of the given widths; never raises on odd input.

    The material should end with ``paragraph_end()`` (finishing glue and a forced break);
    without it the material ends after its last box. Glue and penalties at the very end
    are dropped.

    With `start` >= 0 only the rest of the material is broken: the first line starts
    after the break at item `start` (as a line ending there would leave it; the line
    numbers of `line_widths` count from that line). `start_flagged` says that the line
    before ended with a hyphen. Flow uses this when a paragraph goes on in a column of
    another width.

    `extra_demerits` adds demerits to every line that ends at the given break indexes
    (the composer's river repair uses it; see `compose_rules`).

    `hangs` gives, by break index, the width a line ending there gives back to the
    margin: its last character (a hyphen, a comma, a full stop) hangs out by that much
    (optical margin alignment; the breaker counts it as pdfTeX's \\protrudechars=2
    does, Hàn Thế Thành 2000, ch. 2), so the line holds that much more; `leads` gives,
    by box index, how far a line starting with that box reaches into the left margin
    (an opening quote or bracket).
    """
    params = params or BreakParams()
    prep = Prepared(items, hangs, leads)
    if start >= 0 and not any(isinstance(item, Box) for item in items[start + 1 :]):
        return BreakResult((), 0.0, 0, 0)  # nothing left to set
    if not prep.at:
        return BreakResult((), 0.0, 0, 0)
    widths = Widths(line_widths, params.looseness)
    begin = max(-1, start)

    if params.mode == "first_fit":
        node = first_fit(prep, widths, params, begin, start_flagged)
        return _result(prep, widths, node, 1)

    # (number, threshold, hyphenation, emergency stretch, last resort, gap limit)
    passes: list[tuple[int, float, bool, float, bool, float]] = []
    gap = max(0.0, params.gap_limit)
    stretch = max(0.0, params.emergency_stretch)
    if params.pretolerance >= 0:
        passes.append((1, params.pretolerance, False, 0.0, False, gap))
    passes.append((2, params.tolerance, True, 0.0, False, gap))
    if stretch > 0 or gap > 0:
        # The emergency pass: with a gap limit, any badness within it (see above); then,
        # if that fails, within the wider emergency limit.
        emergency = LAST_RESORT_BAD if gap > 0 else params.tolerance
        passes.append((3, emergency, True, stretch, False, gap))
        if gap > 0 and params.emergency_gap_limit > gap:
            passes.append((3, emergency, True, stretch, False, params.emergency_gap_limit))
    passes.append((4, LAST_RESORT_BAD, True, stretch, True, 0.0))

    fallback: tuple[Node, int] | None = None
    for number, threshold, use_hyphens, extra, last_resort, limit in passes:
        if last_resort and fallback is not None:
            break
        found = _total_fit_pass(
            prep, widths, params, threshold, use_hyphens, extra, last_resort, begin,
            start_flagged, extra_demerits or None, limit,
        )  # fmt: skip
        if found is None:
            continue
        fallback = (found[0], number)
        if found[1] == params.looseness:
            break
    if fallback is None:  # pragma: no cover - the last-resort pass always ends
        return _result(prep, widths, first_fit(prep, widths, params, begin, start_flagged), 4)
    return _result(prep, widths, fallback[0], fallback[1])


def _result(prep: Prepared, widths: Widths, last: Node, passes: int) -> BreakResult:
    chain: list[Node] = []
    node: Node | None = last
    while node is not None and node.prev is not None:  # the first node has no line
        chain.append(node)
        node = node.prev
    chain.reverse()
    lines: list[Line] = []
    prev_start = node.start if node is not None else 0
    for node in chain:
        b, pw = node.position, node.pw
        width = widths.at(node.line - 1)
        ratio, letter_ratio, overfull, natural, hang, lead = set_line(
            prep, prev_start, b, pw, width
        )
        real_bad, _fit, _over = judge(prep, prev_start, b, pw, width + prep.lead[prev_start], 0.0)
        lines.append(
            Line(
                start=prev_start,
                end=b,
                break_index=b,
                ratio=ratio,
                letter_ratio=letter_ratio,
                hyphenated=node.flagged,
                demerits=node.demerits,
                fitness=node.fitness,
                badness=min(real_bad, INF_BAD),
                overfull=overfull,
                width=width,
                natural=natural,
                hang=hang,
                lead=lead,
            )
        )
        prev_start = node.start
    total = last.total if chain else 0.0
    return BreakResult(tuple(lines), total, passes, sum(1 for ln in lines if ln.overfull))
