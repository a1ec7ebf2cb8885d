"""Engine stage: measuring lines for the line breaker (badness, demerits, line widths).

Knuth & Plass, "Breaking Paragraphs into Lines", Software—Practice and Experience 11(11),
1981: §"The adjustment ratio", §"Badness", §"Demerits"; the letter-spacing tier is
described in `kupang_layout.engine.linebreak`; the prefix sums are `linebreak_sums`'.
Internal to the line breaker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, final

from kupang_layout.engine.linebreak_items import INFINITY
from kupang_layout.engine.linebreak_sums import Prepared, clean

if TYPE_CHECKING:
    from kupang_layout.engine.linebreak_items import BreakParams

INF_BAD: Final = 10000.0
"""TeX's "infinitely bad": badness is capped here."""

R_INF: Final[float] = (INF_BAD / 100.0) ** (1.0 / 3.0)
"""|r| from which badness is "infinitely bad"."""

LineWidths = Sequence[float] | Callable[[int], float]
"""Width of line j (0-based): ``widths[min(j, len - 1)]`` or ``widths(j)``."""


class Widths:
    """Line widths by line number, with the first line number from which all are equal."""

    __slots__ = ("_cache", "_fn", "easy_line")

    def __init__(self, widths: LineWidths, looseness: int) -> None:
        self._cache: list[float] = []
        self._fn: Callable[[int], float] | None = None
        if callable(widths):
            self._fn = widths
            self.easy_line = 1 << 60
        else:
            self._cache = [max(0.0, clean(v)) for v in widths] or [0.0]
            self.easy_line = len(self._cache) - 1
        if looseness != 0:
            self.easy_line = 1 << 60

    def __call__(self, j: int) -> float:
        return self.at(j)

    def at(self, j: int) -> float:
        """The width of line j (a method call: compiled, calling the object itself
        goes through the generic protocol)."""
        fn = self._fn
        if fn is None:
            cache = self._cache
            return cache[j] if j < len(cache) else cache[-1]
        while len(self._cache) <= j:
            self._cache.append(max(0.0, clean(float(fn(len(self._cache))))))
        return self._cache[j]


# ---------------------------------------------------------------------------
# Measuring one line


def judge(
    prep: Prepared, s: int, b: int, pw: float, width: float, extra: float
) -> tuple[float, int, bool]:
    """(badness, fitness class, overfull) of the line items[s:b] (+ penalty width pw)."""
    short = width - (prep.w[b] - prep.w[s] + pw)
    if short > 0:
        y1 = prep.y[b] - prep.y[s] + extra
        if y1 > 0 and short <= y1:
            bad = 100.0 * (short / y1) ** 3
        else:
            yt = max(y1, 0.0) + prep.y2[b] - prep.y2[s]
            r = short / yt if yt > 0 else R_INF
            bad = INF_BAD if r >= R_INF else max(100.0, 100.0 * r * r * r)
        return bad, (3 if bad > 99 else 2 if bad > 12 else 1), False
    if short == 0:
        return 0.0, 1, False
    z1 = prep.z[b] - prep.z[s]
    if z1 > 0 and -short <= z1:
        bad = 100.0 * (-short / z1) ** 3
        return bad, (0 if bad > 12 else 1), False
    if -short <= max(z1, 0.0) + prep.z2[b] - prep.z2[s]:
        return 100.0, 0, False
    return INF_BAD + 1, 0, True


def set_line(
    prep: Prepared, s: int, b: int, pw: float, width: float
) -> tuple[float, float, bool, float, float, float]:
    """(glue ratio, letter ratio, overfull, natural width, hang, lead) to set items[s:b]
    at `width` (the measure's, without hanging). `hang` and `lead`: how far the line
    reaches into the right and the left margin (its last and first characters'
    protrusion, `Prepared.hang` and `Prepared.lead`), less what a line too loose to
    fill them gives back: one that word spaces, glyph scaling and letter-spacing cannot
    fill hangs less (the right side first) before its word spaces go past their
    maximum (a third tier)."""
    hang = prep.hang[b] if b < len(prep.hang) else 0.0
    lead = prep.lead[s] if s < len(prep.lead) else 0.0
    natural = prep.w[b] - prep.w[s] + pw
    short = width + lead - natural
    if short > 0 and hang + lead > 0:
        beyond = short - max(prep.y[b] - prep.y[s], 0.0) - max(prep.y2[b] - prep.y2[s], 0.0)
        if beyond > 0:
            give = min(hang, beyond)
            hang -= give
            natural += give
            short -= give
            beyond -= give
            give = min(lead, beyond) if beyond > 0 else 0.0
            lead -= give
            short -= give
    ratio, letter_ratio, overfull = _ratios(prep, s, b, short)
    return ratio, letter_ratio, overfull, natural, hang, lead


def _ratios(prep: Prepared, s: int, b: int, short: float) -> tuple[float, float, bool]:
    """(glue ratio, letter ratio, overfull) of items[s:b] that are `short` of their width."""
    if short > 0:
        t1, t2 = prep.y[b] - prep.y[s], prep.y2[b] - prep.y2[s]
    elif short < 0:
        t1, t2 = prep.z[b] - prep.z[s], prep.z2[b] - prep.z2[s]
    else:
        return 0.0, 0.0, False
    need = abs(short)
    sign = 1.0 if short > 0 else -1.0
    if t1 > 0 and need <= t1:
        return sign * need / t1, 0.0, False
    base = max(t1, 0.0)
    if t2 > 0 and need <= base + t2:
        return (sign if t1 > 0 else 0.0), sign * (need - base) / t2, False
    total = base + max(t2, 0.0)
    overfull = short < 0
    if total <= 0:
        return 0.0, 0.0, overfull
    r = need / total if short > 0 else 1.0  # an overfull line is set at its limits
    return (sign * r if t1 > 0 else 0.0), (sign * r if t2 > 0 else 0.0), overfull


def demerits(
    params: BreakParams,
    bad: float,
    pi: float,
    flagged: bool,
    prev_flagged: bool,
    is_final: bool,
    fit: int,
    prev_fit: int,
) -> float:
    """§"Demerits" with TeX's additions (double / final hyphen, adjacent fitness)."""
    lb = params.line_penalty + bad
    d = lb * lb
    if pi > 0:
        d += pi * pi
    elif pi > -INFINITY:
        d -= pi * pi
    if is_final:
        if prev_flagged:
            d += params.final_hyphen_demerits
    elif flagged and prev_flagged:
        d += params.double_hyphen_demerits
    if abs(fit - prev_fit) > 1:
        d += params.adj_demerits
    return d


@final
class Node:
    """A breakpoint the search has reached (the paper's active or passive node).

    A native class (the module is compiled): its numbers are stored unboxed and read
    directly, where a tuple held each as an object."""

    __slots__ = (
        "demerits", "fitness", "flagged", "gn", "gw", "gy", "hyphens", "lead", "line",
        "position", "prev", "pw", "start", "total", "w", "width", "y", "y2", "z", "z2",
    )  # fmt: skip

    def __init__(
        self,
        start: int,
        w: float,
        y: float,
        z: float,
        y2: float,
        z2: float,
        width: float,
        fitness: int,
        hyphens: int,
        flagged: bool,
        total: float,
        line: int,
        position: int,
        prev: Node | None,
        demerits: float,
        pw: float,
        lead: float = 0.0,
        gw: float = 0.0,
        gy: float = 0.0,
        gn: float = 0.0,
    ) -> None:
        self.start = start  # first item of the line that starts here (after discarded items)
        # Σw, Σy, Σz, Σy2, Σz2 up to `start` (the paper's "totals after the break")
        self.w, self.y, self.z, self.y2, self.z2 = w, y, z, y2, z2
        self.width = width  # of the line that starts here (with what its first char hangs)
        self.fitness = fitness  # fitness class of the line that ends here
        self.hyphens = hyphens  # consecutive flagged breaks ending here
        self.flagged = flagged  # whether this break is flagged
        self.total = total  # total demerits of the best way to reach this break
        self.line = line  # number of lines ending here
        self.position = position  # index of the break item (-1 for the paragraph start)
        self.prev = prev  # the node the line ending here starts from
        self.demerits = demerits  # demerits of the line ending here
        self.pw = pw  # width the break adds (a hyphen)
        # At `start`: what the line's first character hangs left, and the word spaces'
        # own Σ (width, stretch, count): read by the word-gap limit for every line tried.
        self.lead, self.gw, self.gy, self.gn = lead, gw, gy, gn


@final
class Candidate:
    """A candidate for a new node at a breakpoint: total demerits, the line's demerits,
    fitness, consecutive hyphens, line class, the node the line starts from, and the key
    the search tells candidates apart by (line class, fitness and hyphens in one number)."""

    __slots__ = ("demerits", "fitness", "hyphens", "key", "line_key", "prev", "total")

    def __init__(
        self,
        total: float,
        demerits: float,
        fitness: int,
        hyphens: int,
        line_key: int,
        prev: Node,
        key: int,
    ) -> None:
        self.total = total
        self.demerits = demerits
        self.fitness = fitness
        self.hyphens = hyphens
        self.line_key = line_key
        self.prev = prev
        self.key = key


def make_node(
    prep: Prepared,
    widths: Widths,
    position: int,
    line: int,
    fitness: int,
    hyphens: int,
    flagged: bool,
    total: float,
    demerits: float,
    prev: Node | None,
    pw: float,
) -> Node:
    start = prep.after[position + 1] if position >= 0 else 0
    lead = prep.lead[start]
    return Node(
        start,
        prep.w[start],
        prep.y[start],
        prep.z[start],
        prep.y2[start],
        prep.z2[start],
        widths.at(line) + lead,
        fitness,
        hyphens,
        flagged,
        total,
        line,
        position,
        prev,
        demerits,
        pw,
        lead,
        prep.gw[start],
        prep.gy[start],
        prep.gn[start],
    )


def first_node(prep: Prepared, widths: Widths, start: int, flagged: bool) -> Node:
    """The node the first line starts from: the paragraph's start (`start` -1) or the
    break at item `start`, where an earlier setting of the paragraph left off (its
    line ended flagged when `flagged`: that counts towards consecutive hyphens)."""
    return make_node(prep, widths, start, 0, 1, 1 if flagged else 0, flagged, 0.0, 0.0, None, 0.0)
