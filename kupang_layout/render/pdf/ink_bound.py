"""PDF render stage: the most ink a page carries anywhere in its trim, proven from its painting.

The painter tells the ledger every area it paints, in order, with the inks it
paints there (`Figures`: the most of each process plate and the most total, in
percent) and whether the area knocks out what lies below. The ledger answers
what may lie below an area (`beneath`) and, at the end, an upper bound of the
total ink of every pixel inside the trim (`InkBound`), or why there is none (a
PDF ad, a picture whose pixels were not measured, an item it does not know).

Why the bound holds for Ghostscript's raster (the plant's ink check):

* A pixel shows the last area painted over it, combined with what lay below
  only where that area overprints. A knock-out fill or a picture replaces every
  plate: the pixel carries the fill's own ink. An overprinting fill in DeviceCMYK
  with overprint mode 1 (the painter's) replaces the plates it has ink on and
  keeps the others, so the pixel carries at most its own ink on those plates plus
  what lay below on the rest: per plate the most any area below carries, in total
  at most the most total below (`over`). What lies below is every earlier area
  that meets this one, down to a knock-out area that contains it (nothing older
  shows through that).
* Vector inks are rounded up to Ghostscript's 8-bit steps per plate; a picture's
  figures are those of its decoded JPEG (the very samples Ghostscript decodes).
* Ghostscript fills every pixel a shape touches (no anti-aliasing) and samples
  pictures at pixel centres: an area may reach one pixel diagonal beyond its
  geometry. Areas are therefore compared grown by that diagonal at the lowest
  resolution the page is checked at (`check_dpi`: 72 dpi, the export's check and the
  plant's alike, lower only for a page over the check's pixel limit: 1.41 pt at
  72 dpi, `PIXEL_REACH`); a finer raster only paints closer.
* A line of text counts where its glyphs' outlines reach (`glyph_area`: each
  character's glyph box from the font metrics cache, `fonts.glyph_extents`; the
  first and last word's glyphs at the engine's advances), one pixel wider on every
  side: Ghostscript places a glyph's bitmap at a whole pixel (no anti-aliasing:
  `AlignToPixels` has no sub-pixels) and grid-fits TrueType outlines. The property
  test (tests/render/test_ink_bound_property.py) and one of black text overprinting
  a fraction of a pixel to a few pixels from a box (test_ink_bound_glyphs.py) check
  it against Ghostscript.
* Only areas that come within that reach of the trim count (the check renders
  the trim); printer's marks lie beyond the bleed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from kupang_layout.engine.displaylist import Ink
from kupang_layout.model.color import REGISTRATION
from kupang_layout.render.pdf.glyph_area import (
    GLYPH_MARGIN,
    FaceInk,
    face_ink,
    face_ink_of,
    glyph_area,
)

__all__ = [
    "CHECK_DPI",
    "GLYPH_MARGIN",
    "MAX_CHECK_PIXELS",
    "PIXEL_REACH",
    "ZERO",
    "FaceInk",
    "Figures",
    "InkBound",
    "InkLedger",
    "check_dpi",
    "face_ink",
    "face_ink_of",
    "glyph_area",
    "grown",
    "ink_figures",
    "over",
    "plate_mask",
    "replaced_plates",
    "union",
    "unknown_figures",
]

Rect = tuple[float, float, float, float]  # left, top, right, bottom in page points
#: The most of each plate (C, M, Y, K) and the most total, percent.
Figures = tuple[float, float, float, float, float]

ZERO: Figures = (0.0, 0.0, 0.0, 0.0, 0.0)
#: The lowest resolution (dpi) a page's ink is checked at: the lower of the export's
#: check (`PreflightSettings.ink_dpi`, 72) and the plant's intake check (72). Both
#: render the trim; the export's lowers it for a page whose raster would pass
#: `MAX_CHECK_PIXELS` (preflight's `MAX_PIXELS`; a test keeps them equal).
CHECK_DPI = 72.0
MAX_CHECK_PIXELS = 12_000_000
#: How far (points) Ghostscript may paint beyond an area's geometry at `CHECK_DPI`: a
#: pixel's diagonal (a page over the pixel limit gets more, `InkLedger.reach`).
PIXEL_REACH = math.sqrt(2.0) * 72.0 / CHECK_DPI
#: A plate value below this (0..1) might be written as 0 and so keep what lies below.
_TINY = 1e-5
#: Grid cell of the ledger's index, points.
_CELL = 64.0
_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class InkBound:
    """A page's proven ink: at most `total` percent anywhere in its trim, or `unproven` (why
    not: the check must measure it)."""

    total: float | None
    unproven: tuple[str, ...] = ()

    @property
    def proven(self) -> bool:
        return self.total is not None and not self.unproven


def _step_up(percent: float) -> float:
    """A plate value (percent, clamped to 0..100) rounded up to an 8-bit step."""
    unit = min(1.0, max(0.0, percent / 100.0))
    return math.ceil(unit * 255.0 - 1e-6) / 2.55


def _is_registration(ink: Ink) -> bool:
    return ink.name == REGISTRATION and min(ink.c, ink.m, ink.y, ink.k) >= 100 - _TOLERANCE


def ink_figures(ink: Ink, *, exact: bool = False) -> Figures:
    """An ink's plates and total as Ghostscript's raster may hold them (rounded up to 8-bit
    steps), or as given (`exact`, clamped to 0..100 per plate). The registration swatch
    prints 100 % on every plate."""
    if _is_registration(ink):
        return (100.0, 100.0, 100.0, 100.0, 400.0)
    values = (ink.c, ink.m, ink.y, ink.k)
    plates = [min(100.0, max(0.0, v)) if exact else _step_up(v) for v in values]
    return (plates[0], plates[1], plates[2], plates[3], sum(plates))


def over(own: Figures, below: Figures) -> Figures:
    """What an overprinting fill of `own` over `below` may carry (overprint mode 1).

    A plate the fill has ink on takes the fill's value; a plate at 0 keeps what lies
    below; a plate so faint it may be written as 0 may be either (both are counted).
    """
    plates: list[float] = []
    own_part = 0.0
    kept_plates = 0.0
    for index in range(4):
        value = own[index]
        if value <= 0.0:
            plates.append(below[index])
            kept_plates += below[index]
        elif value / 100.0 < _TINY:
            plates.append(value + below[index])
            own_part += value
            kept_plates += below[index]
        else:
            plates.append(value)
            own_part += value
    total = own_part + min(below[4], kept_plates)
    return (plates[0], plates[1], plates[2], plates[3], total)


def plate_mask(figures: Figures) -> int:
    """The plates an area inks (bit 0 cyan, 1 magenta, 2 yellow, 3 black), each plate
    over 0."""
    return (
        (figures[0] > 0.0) | (figures[1] > 0.0) << 1 | (figures[2] > 0.0) << 2
        | (figures[3] > 0.0) << 3
    )  # fmt: skip


def replaced_plates(figures: Figures) -> int:
    """The plates an overprinting fill replaces (`over`): those it inks, not so faintly
    that it may be written as 0."""
    return (
        (figures[0] / 100.0 >= _TINY) | (figures[1] / 100.0 >= _TINY) << 1
        | (figures[2] / 100.0 >= _TINY) << 2 | (figures[3] / 100.0 >= _TINY) << 3
    )  # fmt: skip


def unknown_figures(tac: float) -> Figures:
    """What an area whose ink is not known (a PDF ad, an unmeasured picture) is taken to
    carry for the overprint: every plate full, the limit in total (nothing overprints it)."""
    return (100.0, 100.0, 100.0, 100.0, tac)


def union(a: Rect, b: Rect) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def check_dpi(width: float, height: float) -> float:
    """The lowest resolution a page of `width` x `height` points is checked at: `CHECK_DPI`,
    or what the export's check lowers it to for a page over its pixel limit (as
    `preflight.pdf_ink.page_dpi` does)."""
    pixels = max(width, 1.0) / 72.0 * CHECK_DPI * max(height, 1.0) / 72.0 * CHECK_DPI
    if pixels <= MAX_CHECK_PIXELS:
        return CHECK_DPI
    return math.floor(CHECK_DPI * math.sqrt(MAX_CHECK_PIXELS / pixels) * 100.0) / 100.0


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _contains(outer: Rect, inner: Rect) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and outer[2] >= inner[2]
        and outer[3] >= inner[3]
    )


def grown(rect: Rect, by: float = PIXEL_REACH) -> Rect:
    return (rect[0] - by, rect[1] - by, rect[2] + by, rect[3] + by)


class _Layer(NamedTuple):
    """One painted area (a named tuple: a page has thousands, made in a third of the
    time of a frozen dataclass)."""

    rect: Rect
    figures: Figures
    name: str
    hides: bool  # a solid knock-out area: nothing painted before shows inside it
    exact: Figures  # the figures without the rounding to 8-bit steps (for decisions)


class InkLedger:
    """The areas painted on one page, in order, with the ink each may carry.

    `trim` is the page's trim in page points (0, 0, width, height); `pixel` is the
    side of a pixel (points) at the lowest resolution it is checked at, `reach` its
    diagonal: how far Ghostscript may paint beyond an area's geometry.
    """

    def __init__(self, trim: Rect) -> None:
        self.trim = trim
        self.pixel = 72.0 / check_dpi(trim[2] - trim[0], trim[3] - trim[1])
        self.reach = math.sqrt(2.0) * self.pixel
        self._layers: list[_Layer] = []
        self._cells: dict[tuple[int, int], list[int]] = {}
        # Per cell the plates any area in it has ink on (bit 0 cyan .. bit 3 black).
        self._plates: dict[tuple[int, int], int] = {}
        self._masks: dict[Figures, int] = {}
        self._most = 0.0
        self._unproven: list[str] = []

    def _cell_range(self, rect: Rect) -> list[tuple[int, int]]:
        x0 = math.floor(rect[0] / _CELL)
        x1 = math.floor(rect[2] / _CELL)
        y0 = math.floor(rect[1] / _CELL)
        y1 = math.floor(rect[3] / _CELL)
        return [(cx, cy) for cx in range(x0, x1 + 1) for cy in range(y0, y1 + 1)]

    def beneath(
        self, rect: Rect, *, reach: float | None = None, exact: bool = False
    ) -> tuple[Figures, str]:
        """The most ink that may lie under `rect` (grown by `reach`, by default the
        ledger's) now, and the name of the area carrying the most total ('' for paper);
        `exact`: the inks as given, without rounding up to Ghostscript's steps (what the
        painter's decisions use)."""
        by = self.reach if reach is None else reach
        area = grown(rect, by) if by else rect
        left, top, right, bottom = area
        c = m = y = k = total = 0.0
        name = ""
        layers = self._layers
        # Each cell's layers from the newest down to one that hides the whole area: a
        # layer that contains the area lies in every cell of it, so what is older than
        # it is hidden in all of them (a layer in several cells is looked at in each).
        for cell in self._cell_range(area):
            for index in reversed(self._cells.get(cell, ())):
                layer = layers[index]
                lr = layer.rect
                if not (lr[0] < right and left < lr[2] and lr[1] < bottom and top < lr[3]):
                    continue
                f = layer.exact if exact else layer.figures
                if f[0] > c:
                    c = f[0]
                if f[1] > m:
                    m = f[1]
                if f[2] > y:
                    y = f[2]
                if f[3] > k:
                    k = f[3]
                if f[4] > total:
                    total, name = f[4], layer.name
                if layer.hides and _contains(lr, area):
                    break  # nothing painted earlier shows through here
        return (c, m, y, k, total), name

    def plates_near(self, rect: Rect) -> int:
        """The plates (`plate_mask` bits) that any area painted so far may carry within
        the ledger's reach of `rect`: where none of them is a plate an overprint leaves,
        what lies below cannot show through it (the overprint carries its own ink)."""
        plates = self._plates
        by = self.reach
        x0 = math.floor((rect[0] - by) / _CELL)
        x1 = math.floor((rect[2] + by) / _CELL)
        y0 = math.floor((rect[1] - by) / _CELL)
        y1 = math.floor((rect[3] + by) / _CELL) + 1
        found = 0
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1):
                found |= plates.get((cx, cy), 0)
        return found

    def add(
        self,
        rect: Rect,
        figures: Figures,
        name: str,
        hides: bool = False,
        exact: Figures | None = None,
    ) -> None:
        """Record an area as painted, carrying at most `figures` (already combined with
        what lies below when it overprints); `exact` without the rounding up."""
        left, top, right, bottom = rect
        if right < left or bottom < top:
            return
        index = len(self._layers)
        self._layers.append(_Layer(rect, figures, name, hides, exact or figures))
        cells = self._cells
        plates = self._plates
        inked = self._masks.get(figures)
        if inked is None:
            inked = self._masks[figures] = plate_mask(figures)
        rows = range(math.floor(top / _CELL), math.floor(bottom / _CELL) + 1)
        for cx in range(math.floor(left / _CELL), math.floor(right / _CELL) + 1):
            for cy in rows:  # the cells of `_cell_range`, in its order
                cell = (cx, cy)
                found = cells.get(cell)
                if found is None:
                    cells[cell] = [index]
                    plates[cell] = inked
                else:
                    found.append(index)
                    plates[cell] |= inked
        if figures[4] > self._most and _overlaps(grown(rect, self.reach), self.trim):
            self._most = figures[4]

    def unprovable(self, reason: str) -> None:
        """Something was painted whose ink cannot be known here (the check must measure)."""
        if reason not in self._unproven:
            self._unproven.append(reason)

    def bound(self) -> InkBound:
        if self._unproven:
            return InkBound(None, tuple(self._unproven))
        return InkBound(math.ceil(self._most * 1000.0 - 1e-6) / 1000.0)
