"""Engine stage: the line breaker's terms: box/glue/penalty items, parameters, lines.

Knuth & Plass, "Breaking Paragraphs into Lines", Software—Practice and Experience
11(11), 1981, §"The box/glue/penalty model":

* `Box`: material of fixed width (a word or part of a word). Our boxes may also carry
  letter-spacing `stretch`/`shrink`, used by the breaker only when the word spaces of a
  line cannot absorb the slack on their own (see `linebreak`), and glyph-scaling
  `xstretch`/`xshrink` (pdfTeX's font expansion, Hàn Thế Thành, "Micro-typographic
  extensions to the TeX typesetting system", PhD thesis, Masaryk University, 2000,
  ch. 3: a box's expansion is added to the line's stretch and shrink and set by the
  same adjustment ratio as the glue), which count with the word spaces (first tier).
* `Glue`: a space of natural `width` that can grow by `stretch` or narrow by `shrink`.
  A glue is a legal break when the item before it is a box; a line never shows the glue
  it breaks at, nor the glue and penalties that follow a break up to the next box.
* `Penalty`: a possible break costing `penalty`; ``>= INFINITY`` forbids the break,
  ``<= -INFINITY`` forces it. `width` is added to the line only when it breaks there (a
  hyphen). `flagged` marks hyphenated line ends: give hyphenation points
  ``Penalty(hyphen_width, hyphen_penalty, True)`` and the break after a hard hyphen
  ``Penalty(0, exhyphen_penalty, True)``. A flagged penalty with non-zero width is a
  hyphenation point: the first (pretolerance) pass does not use it.

Every item has a `ref` payload (an int of the caller's choosing) to map lines back to words.

Alignment (paper §"Ragged right" / §"Centered text"): justified text uses one glue per
word space. For ragged or centred text the helpers below build the paper's sequences,
in which a break leaves a finite "rag" stretch at the line's end and/or start while an
unbroken space keeps its plain width. Items they add on their own have ``ref=FILL_REF``.
The last line of right-aligned or centred text ends with an infinite fill, so the caller
places that line itself (slack to the left, or split), using `Line.natural`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "FIL",
    "FILL_REF",
    "INFINITY",
    "Alignment",
    "Box",
    "BreakParams",
    "BreakResult",
    "Glue",
    "Item",
    "Line",
    "Penalty",
    "hyphen_break",
    "interword",
    "paragraph_end",
    "paragraph_start",
]

INFINITY: Final = 10000.0
"""A penalty at or above this forbids a break; at or below its negative forces one."""

FIL: Final = 1.0e6
"""Stretch that stands for "infinitely stretchable" (the paragraph's finishing glue)."""

FILL_REF: Final = -2
"""The `ref` of items the alignment helpers add (fills and their anchors)."""

Alignment = Literal["justify", "left", "right", "center"]


@dataclass(frozen=True, slots=True)
class Box:
    """Fixed material; `stretch`/`shrink` are its letter-spacing range (second tier),
    `xstretch`/`xshrink` its glyph-scaling range (first tier, with the glue)."""

    width: float
    stretch: float = 0.0
    shrink: float = 0.0
    ref: int = -1
    xstretch: float = 0.0
    xshrink: float = 0.0

    def __init__(
        self,
        width: float,
        stretch: float = 0.0,
        shrink: float = 0.0,
        ref: int = -1,
        xstretch: float = 0.0,
        xshrink: float = 0.0,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__` (the composer makes items for
        # every paragraph: its first indent, word spaces, the paragraph's end).
        object.__setattr__(self, "width", width)
        object.__setattr__(self, "stretch", stretch)
        object.__setattr__(self, "shrink", shrink)
        object.__setattr__(self, "ref", ref)
        object.__setattr__(self, "xstretch", xstretch)
        object.__setattr__(self, "xshrink", xshrink)


@dataclass(frozen=True, slots=True)
class Glue:
    """A space: natural `width`, growing by up to `stretch`, narrowing by up to `shrink`."""

    width: float
    stretch: float = 0.0
    shrink: float = 0.0
    ref: int = -1

    def __init__(
        self,
        width: float,
        stretch: float = 0.0,
        shrink: float = 0.0,
        ref: int = -1,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "width", width)
        object.__setattr__(self, "stretch", stretch)
        object.__setattr__(self, "shrink", shrink)
        object.__setattr__(self, "ref", ref)


@dataclass(frozen=True, slots=True)
class Penalty:
    """A possible break of cost `penalty`; `width` is set only at a break there."""

    width: float
    penalty: float
    flagged: bool = False
    ref: int = -1

    def __init__(
        self,
        width: float,
        penalty: float,
        flagged: bool = False,
        ref: int = -1,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "width", width)
        object.__setattr__(self, "penalty", penalty)
        object.__setattr__(self, "flagged", flagged)
        object.__setattr__(self, "ref", ref)


Item = Box | Glue | Penalty


def _fills(alignment: Alignment, rag: float) -> tuple[float, float]:
    """(left fill, right fill) stretch that a break leaves at a line's start and end."""
    if alignment == "left":
        return 0.0, rag
    if alignment == "right":
        return rag, 0.0
    if alignment == "center":
        return rag, rag
    return 0.0, 0.0


def paragraph_start(alignment: Alignment, rag: float) -> tuple[Item, ...]:
    """Items that open a paragraph (the first line's left fill, if any)."""
    left, _ = _fills(alignment, rag)
    return (Glue(0.0, left, 0.0, FILL_REF),) if left > 0 else ()


def interword(
    alignment: Alignment,
    width: float,
    stretch: float,
    shrink: float,
    rag: float,
    ref: int = -1,
) -> tuple[Item, ...]:
    """A breakable word space of natural `width`.

    Unbroken it is worth ``Glue(width, stretch, shrink)``; broken, the line ends with the
    right fill and the next line starts with the left fill (paper §"Ragged right").
    For ragged text pass ``stretch=shrink=0`` for fixed word spaces.
    """
    left, right = _fills(alignment, rag)
    if left == 0 and right == 0:
        return (Glue(width, stretch, shrink, ref),)
    items: list[Item] = []
    if right > 0:
        items.append(Glue(0.0, right, 0.0, FILL_REF))
    items.append(Penalty(0.0, 0.0, False, FILL_REF))
    items.append(Glue(width, stretch - left - right, shrink, ref))
    if left > 0:
        items.extend((Box(0.0, 0.0, 0.0, FILL_REF), Penalty(0.0, INFINITY, False, FILL_REF)))
        items.append(Glue(0.0, left, 0.0, FILL_REF))
    return tuple(items)


def hyphen_break(
    alignment: Alignment,
    width: float,
    penalty: float,
    rag: float,
    ref: int = -1,
) -> tuple[Item, ...]:
    """A break inside a word: a hyphenation point (`width` = hyphen) or, with width 0,
    the break after a hard hyphen. Always flagged."""
    left, right = _fills(alignment, rag)
    if left == 0 and right == 0:
        return (Penalty(width, penalty, True, ref),)
    items: list[Item] = [Penalty(0.0, INFINITY, False, FILL_REF)]
    if right > 0:
        items.append(Glue(0.0, right, 0.0, FILL_REF))
    items.append(Penalty(width, penalty, True, ref))
    items.append(Glue(0.0, -left - right, 0.0, FILL_REF))
    if left > 0:
        items.extend((Box(0.0, 0.0, 0.0, FILL_REF), Penalty(0.0, INFINITY, False, FILL_REF)))
        items.append(Glue(0.0, left, 0.0, FILL_REF))
    return tuple(items)


def paragraph_end(ref: int = -1) -> tuple[Item, ...]:
    """The finishing glue and the forced break that end a paragraph (any alignment)."""
    return (Glue(0.0, FIL, 0.0, FILL_REF), Penalty(0.0, -INFINITY, False, ref))


# ---------------------------------------------------------------------------
# The breaker's parameters and result (`linebreak.break_lines`)


@dataclass(frozen=True, slots=True)
class BreakParams:
    """Parameters, named as in TeX (values in points where they are lengths).

    * `hyphen_penalty` / `exhyphen_penalty`: for the caller's item builder, the penalty
      of a hyphenation point and of the break after a hard hyphen (items carry their own
      penalty values; the breaker reads only the items).
    * `max_consecutive_hyphens`: most flagged line ends in a row; None for no limit, 0
      for no flagged break at all.
    * `emergency_stretch`: stretch added to every line in pass 3 (and 4) when judging.
    * `gap_limit`: the widest word space (points) a line may be set with in passes 1-3;
      0 for no limit (see `linebreak`, "Word-gap limit").
    * `emergency_gap_limit`: a wider limit pass 3 tries when nothing is found within
      `gap_limit` (ignored unless it is wider).
    * `mode`: "optimal" (total fit) or "first_fit" (greedy draft; one pass).
    """

    tolerance: float = 200.0
    pretolerance: float = 100.0
    hyphen_penalty: float = 50.0
    exhyphen_penalty: float = 50.0
    line_penalty: float = 10.0
    adj_demerits: float = 10000.0
    double_hyphen_demerits: float = 10000.0
    final_hyphen_demerits: float = 5000.0
    looseness: int = 0
    emergency_stretch: float = 0.0
    gap_limit: float = 0.0
    emergency_gap_limit: float = 0.0
    max_consecutive_hyphens: int | None = 2
    mode: Literal["optimal", "first_fit"] = "optimal"


@dataclass(frozen=True, slots=True)
class Line:
    """One line: items ``[start, end)`` set with glue ratio `ratio`, letters `letter_ratio`.

    `end` equals `break_index`, the item the line breaks at (a glue, not shown; a penalty,
    whose width is added, e.g. a hyphen), or the end of the material. Items between the
    previous break and `start` are discarded glue and penalties.

    Setting: a glue gets ``width + ratio * stretch`` (ratio >= 0) or ``width + ratio *
    shrink`` (ratio < 0); a box gets ``letter_ratio`` times its stretch or shrink spread
    over its letters. An overfull line is set at its limits (-1) and sticks out by
    ``natural - width`` minus the shrink. `badness` is measured with the real stretch;
    `demerits` is what the winning pass charged. `width` is the target, `natural` the
    width at natural spacing (hyphen included, less `hang`). `hang` and `lead`: how far
    the line's material reaches into the right and the left margin (optical margin
    alignment, the `hangs` and `leads` of `break_lines`): set, it is `width + lead + hang`
    wide.
    """

    start: int
    end: int
    break_index: int
    ratio: float
    letter_ratio: float
    hyphenated: bool
    demerits: float
    fitness: int
    badness: float
    overfull: bool
    width: float
    natural: float
    hang: float = 0.0
    lead: float = 0.0

    def __init__(
        self,
        start: int,
        end: int,
        break_index: int,
        ratio: float,
        letter_ratio: float,
        hyphenated: bool,
        demerits: float,
        fitness: int,
        badness: float,
        overfull: bool,
        width: float,
        natural: float,
        hang: float = 0.0,
        lead: float = 0.0,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "break_index", break_index)
        object.__setattr__(self, "ratio", ratio)
        object.__setattr__(self, "letter_ratio", letter_ratio)
        object.__setattr__(self, "hyphenated", hyphenated)
        object.__setattr__(self, "demerits", demerits)
        object.__setattr__(self, "fitness", fitness)
        object.__setattr__(self, "badness", badness)
        object.__setattr__(self, "overfull", overfull)
        object.__setattr__(self, "width", width)
        object.__setattr__(self, "natural", natural)
        object.__setattr__(self, "hang", hang)
        object.__setattr__(self, "lead", lead)


@dataclass(frozen=True, slots=True)
class BreakResult:
    """Lines in order; `passes` is the pass that succeeded (see `linebreak`; 1
    for first fit, 0 when there is no material); `overfull` counts overfull lines."""

    lines: tuple[Line, ...]
    total_demerits: float
    passes: int
    overfull: int

    def __init__(
        self,
        lines: tuple[Line, ...],
        total_demerits: float,
        passes: int,
        overfull: int,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "total_demerits", total_demerits)
        object.__setattr__(self, "passes", passes)
        object.__setattr__(self, "overfull", overfull)

    @property
    def hyphenated_lines(self) -> int:
        return sum(1 for line in self.lines if line.hyphenated)
