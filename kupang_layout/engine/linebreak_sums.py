"""Engine stage: preparing the line breaker's material (prefix sums, legal breakpoints).

Knuth & Plass, "Breaking Paragraphs into Lines", Software—Practice and Experience 11(11),
1981: §"The algorithm" (the totals Σw, Σy, Σz after each item, from which any line's
width, stretch and shrink are two subtractions), §"Legal breakpoints". Internal to the
line breaker (`linebreak_measure` measures lines from these tables).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Final, cast

from kupang_layout.engine.linebreak_items import INFINITY, Box, Glue, Item, Penalty

_MAX_ABS: Final = 1.0e9
# Bits of `Prepared.kind`: the break is flagged (a hyphen), forced, a hyphenation point.
FLAGGED: Final = 1
FORCED: Final = 2
HYPHEN: Final = 4


class Prepared:
    """Prefix sums Σw, Σy, Σz (glue and box glyph scaling), Σy2, Σz2 (box letter-spacing),
    the word spaces' own Σ (natural width `gw`, stretch `gy`, count `gn`: what a line's
    word gap is measured from) and breakpoints.

    The breakpoints are parallel lists, in item order (no tuple per break): `at` (the
    item index), `penalty`, `width` (less the hang there) and `kind` (FLAGGED, FORCED,
    HYPHEN bits: flagged, forced, a hyphenation point)."""

    __slots__ = (
        "after", "at", "final", "gn", "gw", "gy", "hang", "kind", "lead", "penalty", "w",
        "width", "y", "y2", "z", "z2",
    )  # fmt: skip

    def __init__(
        self,
        items: Sequence[Item],
        hangs: Mapping[int, float] | None = None,
        leads: Mapping[int, float] | None = None,
    ) -> None:
        """Optical margin alignment counted by the breaker (pdfTeX's \\protrudechars=2):
        `hangs`, by break index, how far a line ending there reaches into the right
        margin because its last character hangs (the break's width less that, kept in
        `hang` too); `leads`, by box index, how far a line starting with that box reaches
        into the left margin (`lead`; a line's width is more by that much, `make_node`).
        A line too loose to fill them hangs less (`set_line`)."""
        # A dict, read by the compiled dict lookup (a Mapping's `get` is a method call).
        by_break = hangs if isinstance(hangs, dict) else dict(hangs or {})
        if not self._sum(items, safe=False, hangs=by_break):
            self._sum(items, safe=True, hangs=by_break)  # NaN or infinities: redo
        lead = [0.0] * (len(items) + 1)
        for i, width in (leads or {}).items():
            if 0 <= i < len(items) and width > 0:
                lead[i] = clean(width)
        self.lead = lead

    def _sum(self, items: Sequence[Item], safe: bool, hangs: dict[int, float]) -> bool:
        """Fill the tables; without `safe`, return False if a sum is not finite."""
        n = len(items)
        # The tables hold each sum after each item. An item leaves most sums as they are
        # (a penalty all of them), so each list takes the sum's object of the item before
        # unless the item changed it: a float is boxed only when it is new.
        # The tables are made at their full length and filled by index (no appends).
        zero: object = 0.0
        w: list[object] = [zero] * (n + 1)
        y: list[object] = [zero] * (n + 1)
        z: list[object] = [zero] * (n + 1)
        y2: list[object] = [zero] * (n + 1)
        z2: list[object] = [zero] * (n + 1)
        gw: list[object] = [zero] * (n + 1)
        gy: list[object] = [zero] * (n + 1)
        gn: list[object] = [zero] * (n + 1)
        bw = by = bz = by2 = bz2 = bgw = bgy = bgn = zero
        content = [False] * (n + 1)  # a box or a forced break (never discarded)
        # Legal breakpoints (§"Legal breakpoints"): glue after a box, penalty < +inf.
        at: list[int] = []
        penalties: list[object] = []
        bwidths: list[float] = []
        kinds: list[int] = []
        sw = sy = sz = sy2 = sz2 = 0.0
        sgw = sgy = sgn = 0.0
        last_content = -1
        prev_box = False
        for i, item in enumerate(items):
            if type(item) is Box:
                if safe:
                    sw += clean(item.width)
                    sy2 += clean(item.stretch)
                    sz2 += clean(item.shrink)
                    sy += clean(item.xstretch)
                    sz += clean(item.xshrink)
                else:
                    sw += item.width
                    sy2 += item.stretch
                    sz2 += item.shrink
                    sy += item.xstretch
                    sz += item.xshrink
                bw, by, bz, by2, bz2 = sw, sy, sz, sy2, sz2
                content[i] = True
                last_content = i
                prev_box = True
            elif type(item) is Glue:
                if safe:
                    sw += clean(item.width)
                    sy += clean(item.stretch)
                    sz += clean(item.shrink)
                else:
                    sw += item.width
                    sy += item.stretch
                    sz += item.shrink
                sgw += clean(item.width)
                sgy += clean(item.stretch)
                sgn += 1.0
                bw, by, bz, bgw, bgy, bgn = sw, sy, sz, sgw, sgy, sgn
                if prev_box:
                    at.append(i)
                    penalties.append(zero)
                    bwidths.append(-clean(hangs.get(i, 0.0)))
                    kinds.append(0)
                prev_box = False
            elif type(item) is Penalty:
                p = clean(item.penalty)
                if p < INFINITY:
                    pw = clean(item.width)
                    forced = p <= -INFINITY
                    if forced:
                        content[i] = True
                        last_content = i
                    kind = FLAGGED if item.flagged else 0
                    if forced:
                        kind |= FORCED
                    if item.flagged and pw != 0.0:
                        kind |= HYPHEN
                    if hangs:
                        pw -= clean(hangs.get(i, 0.0))
                    at.append(i)
                    penalties.append(p)
                    bwidths.append(pw)
                    kinds.append(kind)
                prev_box = False
            k = i + 1
            w[k] = bw
            y[k] = by
            z[k] = bz
            y2[k] = by2
            z2[k] = bz2
            gw[k] = bgw
            gy[k] = bgy
            gn[k] = bgn
        if not safe and not math.isfinite(sw + sy + sz + sy2 + sz2):
            return False
        self.w, self.y, self.z = _floats(w), _floats(y), _floats(z)
        self.y2, self.z2 = _floats(y2), _floats(z2)
        self.gw, self.gy, self.gn = _floats(gw), _floats(gy), _floats(gn)
        hang = [0.0] * (n + 1)
        for i, width in hangs.items():
            if 0 <= i < n and width > 0:
                hang[i] = clean(width)
        self.hang = hang

        # Start of the line after a break at i: the next box or forced penalty (§"discard").
        nxt = [n] * (n + 2)
        for i in range(n - 1, -1, -1):
            nxt[i] = i if content[i] else nxt[i + 1]
        self.after = nxt

        # The material ends at its last forced break, or right after its last box.
        final = -1
        if last_content >= 0:
            final = last_content if not isinstance(items[last_content], Box) else last_content + 1
            keep = len(at)  # the breaks before `final` (they are in item order)
            while keep > 0 and at[keep - 1] >= final:
                keep -= 1
            del at[keep:], penalties[keep:], bwidths[keep:], kinds[keep:]
            last = items[last_content]
            at.append(final)
            penalties.append(-INFINITY)
            if isinstance(last, Penalty):
                bwidths.append(clean(last.width))
                kinds.append(FORCED | FLAGGED if last.flagged else FORCED)
            else:
                bwidths.append(0.0)
                kinds.append(FORCED)
        else:
            at, penalties, bwidths, kinds = [], [], [], []
        self.at, self.penalty, self.width, self.kind = at, _floats(penalties), bwidths, kinds
        self.final = final
        return True


def _floats(values: list[object]) -> list[float]:
    """A table of sums as what it is: every entry is a float (`Prepared._sum`)."""
    return cast("list[float]", values)


def clean(value: float) -> float:
    """Replace NaN by 0 and clamp huge values so that sums stay finite."""
    if value != value:  # NaN
        return 0.0
    if value > _MAX_ABS:
        return _MAX_ABS
    if value < -_MAX_ABS:
        return -_MAX_ABS
    return float(value)
