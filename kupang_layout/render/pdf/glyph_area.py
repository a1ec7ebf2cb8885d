"""PDF render stage: where a line's glyphs may paint, from each character's glyph box.

The ink ledger (`render.pdf.ink_bound`) counts a line of text where its glyphs'
outlines reach: vertically from the highest to the lowest glyph of the characters it
holds, horizontally from the first word's leftmost glyph to the last word's rightmost,
each glyph at its origin from the engine's advances and scaled by `h_scale`. The boxes
come from the font metrics cache (`fonts.glyph_extents`), so a warm export imports no
fontTools. tests/render/test_ink_bound.py checks every mapped glyph of every bundled
face and every glyph on the sample pages against these areas.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, repeat

from kupang_layout.engine.displaylist import TextRun
from kupang_layout.fonts import FontMetrics, metrics_for_key

__all__ = ["GLYPH_MARGIN", "FaceInk", "face_ink", "face_ink_of", "glyph_area"]

Rect = tuple[float, float, float, float]  # left, top, right, bottom in page points
#: Added around the glyphs' outline bounds (1000 units per em): the words' positions
#: and TJ numbers are written to 1/1000 (of a point, of an em).
GLYPH_MARGIN = 5.0


@dataclass(frozen=True, slots=True)
class FaceInk:
    """Where a face's glyphs reach from their origin, in em (y up): per character its
    glyph's leftmost, lowest, rightmost and highest point (`x_mins`, `y_mins`, `x_maxs`,
    `y_maxs`), and `unknown`, the same for a character without an entry (whatever glyph
    is drawn for it: the face's extremes, its widest advance plus the most any glyph
    reaches past its advance). `words` remembers each word's `_WordReach` once seen."""

    x_mins: Mapping[str, float]
    y_mins: Mapping[str, float]
    x_maxs: Mapping[str, float]
    y_maxs: Mapping[str, float]
    unknown: tuple[float, float, float, float]
    words: dict[str, _WordReach] = field(default_factory=dict, compare=False, repr=False)


#: A word's highest and lowest glyph point, its leftmost glyph point, the rightmost of
#: all its glyphs but the last (-inf for one character) and its last glyph's rightmost
#: (em, from the glyph boxes; for a word whose characters all have entries).
_WordReach = tuple[float, float, float, float, float]
#: Words a face remembers before it starts over (a long-running process sees many).
_WORDS_KEPT = 100_000


def face_ink_of(metrics: FontMetrics) -> FaceInk:
    """A face's `FaceInk` from its metrics (the glyph extents cached with them)."""
    upm = float(metrics.units_per_em)
    reach = metrics.glyph_reach
    if reach is None:
        raise ValueError(f"no glyph extents in {metrics!r}")
    extents = metrics.glyph_extents
    widest = max(max(metrics.em_advances().values(), default=0.0), metrics.notdef_em)
    return FaceInk(
        x_mins={ch: e[0] / upm for ch, e in extents.items()},
        y_mins={ch: e[1] / upm for ch, e in extents.items()},
        x_maxs={ch: e[2] / upm for ch, e in extents.items()},
        y_maxs={ch: e[3] / upm for ch, e in extents.items()},
        unknown=(
            -max(0, reach[0]) / upm,
            min(0, reach[2]) / upm,
            widest + max(0, reach[1]) / upm,
            max(0, reach[3]) / upm,
        ),
    )


@functools.cache
def face_ink(face: str) -> FaceInk:
    """The `FaceInk` of a registered face key ('PT Serif/Bold'), once per process (from
    the cached metrics: no fontTools when the font metrics cache holds the file)."""
    return face_ink_of(metrics_for_key(face))


_TEXT = operator.attrgetter("text")


def _reach(extents: Mapping[str, float], unknown: float, text: Iterable[str]) -> map[float]:
    """Each character's value in `extents`, `unknown` for one without."""
    return map(extents.get, text, repeat(unknown))


_MARGIN = GLYPH_MARGIN / 1000.0


def glyph_area(run: TextRun, ink: FaceInk, pixel: float = 0.0) -> Rect:
    """Where any glyph of the line may reach, grown by `pixel` (points) for Ghostscript's
    glyph placement and by `GLYPH_MARGIN` (1000 units per em) for rounding.

    Vertically from the highest to the lowest glyph of the run's characters.
    Horizontally from the leftmost glyph of the first word to the rightmost of the
    last: each glyph at its origin from the engine's advances (letter-spacing, tracking
    and kerning are in those), its box scaled by `h_scale`. The words are in order and
    apart (the engine sets them so): no word's glyphs reach past the first word's or
    the last word's.
    """
    size = run.size
    wide = size * max(run.h_scale, 0.0)
    try:
        top, bottom, start, end = _reaches(run, ink, wide)
    except (KeyError, ValueError):
        top, bottom, start, end = _careful_reaches(run, ink, wide)
    across = _MARGIN * wide + pixel
    up = _MARGIN * size + pixel
    return (
        start - across,
        run.y - max(0.0, top) * size - up,
        end + across,
        run.y - min(0.0, bottom) * size + up,
    )


def _word_reach(ink: FaceInk, text: str) -> _WordReach:
    """A word's `_WordReach`, remembered in `ink.words`; KeyError for a character
    without an entry."""
    found = ink.words.get(text)
    if found is None:
        x_maxs = ink.x_maxs
        found = (
            max(map(ink.y_maxs.__getitem__, text)),
            min(map(ink.y_mins.__getitem__, text)),
            min(map(ink.x_mins.__getitem__, text)),
            max(map(x_maxs.__getitem__, text[:-1]), default=-math.inf),
            x_maxs[text[-1]],
        )
        if len(ink.words) >= _WORDS_KEPT:
            ink.words.clear()
        ink.words[text] = found
    return found


def _reaches(run: TextRun, ink: FaceInk, wide: float) -> tuple[float, float, float, float]:
    """glyph_area's highest and lowest point (em) and leftmost and rightmost (points) of
    a run whose characters all have glyph entries and whose first and last words'
    advances are one per character, none negative (so their glyphs' origins do not go
    back): the first word's glyphs start at or right of its origin, the last word's
    before its last glyph's origin but that one. KeyError or ValueError otherwise.

    The highest and lowest point of the run's characters are those of its words'
    (each word's remembered: `_word_reach`)."""
    words = run.words
    top, bottom = -math.inf, math.inf
    for word in words:
        if word.text:
            reach = _word_reach(ink, word.text)
            if reach[0] > top:
                top = reach[0]
            if reach[1] < bottom:
                bottom = reach[1]
    first, last = words[0], words[-1]
    advances, text = first.advances, first.text
    if len(advances) != len(text) or min(advances) < 0.0:
        raise ValueError("the first word's advances")
    start = first.x + _word_reach(ink, text)[2] * wide
    advances, text = last.advances, last.text
    if len(advances) != len(text) or min(advances) < 0.0:
        raise ValueError("the last word's advances")
    reach = _word_reach(ink, text)
    at = last.x + sum(advances) - advances[-1]  # the last glyph's origin
    end = at + reach[4] * wide
    if len(text) > 1:  # the others' origins are at most the one before the last
        end = max(end, at - advances[-2] + reach[3] * wide)
    return top, bottom, start, end


def _careful_reaches(run: TextRun, ink: FaceInk, wide: float) -> tuple[float, float, float, float]:
    """glyph_area's reaches for any run: a character without an entry counts as the
    face's extremes, each glyph of the first and last words at its own origin; a word
    whose advances do not match its text is drawn with the font's widths and the run's
    letter-spacing, its glyphs bounded by the face's."""
    words = run.words
    first, last = words[0], words[-1]
    unknown = ink.unknown
    chars = set("".join(map(_TEXT, words)))
    top = max(_reach(ink.y_maxs, unknown[3], chars), default=0.0)
    bottom = min(_reach(ink.y_mins, unknown[1], chars), default=0.0)
    if len(first.advances) == len(first.text):
        starts = map(operator.add, accumulate(first.advances, initial=first.x),
                     map(operator.mul, _reach(ink.x_mins, unknown[0], first.text),
                         repeat(wide)))  # fmt: skip
        start = min(starts, default=first.x)
    else:
        spacing = min(0.0, run.letter_spacing) * len(first.text)
        start = first.x + spacing + min(0.0, unknown[0]) * wide
    if len(last.advances) == len(last.text):
        ends = map(operator.add, accumulate(last.advances, initial=last.x),
                   map(operator.mul, _reach(ink.x_maxs, unknown[2], last.text),
                       repeat(wide)))  # fmt: skip
        end = max(ends, default=last.x)
    else:
        spacing = max(0.0, run.letter_spacing) * len(last.text)
        end = last.x + spacing + unknown[2] * wide * max(1, len(last.text))
    return top, bottom, start, end
