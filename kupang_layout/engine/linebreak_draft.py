"""Engine stage: first-fit line breaking, the line breaker's greedy draft mode.

Each line takes as much material as fits; lines are judged and charged demerits as in
the total-fit search (`linebreak`, Knuth & Plass 1981), so the two can be compared.
Internal to the line breaker: `break_lines(..., BreakParams(mode="first_fit"))`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kupang_layout.engine.linebreak_measure import (
    Node,
    Widths,
    demerits,
    first_node,
    judge,
    make_node,
)
from kupang_layout.engine.linebreak_sums import FLAGGED, FORCED, Prepared

if TYPE_CHECKING:
    from kupang_layout.engine.linebreak_items import BreakParams


def first_fit(
    prep: Prepared, widths: Widths, params: BreakParams, begin: int, begin_flagged: bool
) -> Node:
    """Greedy draft mode: each line takes as much as fits; the same demerits are summed.

    A hyphenation point is preferred only when the last plain break would make the line
    worse than `tolerance`; consecutive hyphens are limited as in the total-fit search.
    The first line starts after the break at item `begin` (-1: the paragraph's start).
    """
    limit = params.max_consecutive_hyphens
    at, pens, bws, kinds = prep.at, prep.penalty, prep.width, prep.kind
    nb = len(at)
    node = first_node(prep, widths, begin, begin_flagged)
    k = 0
    while k < nb:
        start, width, hyphens = node.start, node.width, node.hyphens
        best_any = best_ok = best_plain = stop = -1
        j = k
        while j < nb:
            b, pw, kind = at[j], bws[j], kinds[j]
            flagged, forced = kind & FLAGGED != 0, kind & FORCED != 0
            if b < start:
                j += 1
                continue
            bad, _fit, overfull = judge(prep, start, b, pw, width, 0.0)
            if overfull:
                if pw > 0 and not forced and not judge(prep, start, b, 0.0, width, 0.0)[2]:
                    j += 1  # overfull only by its hyphen: a later break may fit
                    continue
                stop = j
                break
            best_any = j
            if not flagged or limit is None or hyphens + 1 <= limit:
                best_ok = j
                if not flagged and bad <= params.tolerance:
                    best_plain = j
            if forced:
                break
            j += 1
        if best_ok >= 0:
            use_plain = best_plain >= 0 and kinds[best_ok] & (FLAGGED | FORCED) == FLAGGED
            chosen = best_plain if use_plain else best_ok
        elif best_any >= 0:
            chosen = best_any
        else:
            chosen = stop if stop >= 0 else nb - 1
        b, pi, pw, flagged = at[chosen], pens[chosen], bws[chosen], kinds[chosen] & FLAGGED != 0
        bad, fit, _overfull = judge(prep, start, b, pw, width, 0.0)
        is_final = b == prep.final
        d = demerits(params, bad, pi, flagged, node.flagged, is_final, fit, node.fitness)
        hyph = hyphens + 1 if flagged else 0
        node = make_node(
            prep, widths, b, node.line + 1, fit, hyph, flagged, node.total + d, d, node, pw
        )
        k = chosen + 1
        if is_final:
            break
    return node
