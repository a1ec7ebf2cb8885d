"""Fonts stage: where a face's glyphs reach (outline bounds), for the PDF ink ledger.

Read with fontTools on a metrics cache miss and kept with the metrics
(`fonts.metrics_cache`): per character its glyph's box (xMin, yMin, xMax, yMax, from
its origin), and per face the most any glyph reaches left of its origin, right of its
advance, below and above the baseline (for a character without an entry). Bounds are
those of the outline's points, on-curve and off-curve (a quadratic curve lies in the
hull of its points), composites resolved. A glyph whose
`hmtx` left side bearing differs from its `xMin` may be drawn shifted to the bearing
(FreeType does so): both placements count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

__all__ = ["read_extents"]

#: (xMin, yMin, xMax, yMax) of a character's glyph, font units; zeros for an empty glyph.
Extent = tuple[int, int, int, int]
#: (left of the origin, right of the advance, lowest, highest) over all glyphs, font units.
Reach = tuple[int, int, int, int]


def read_extents(font: TTFont, cmap: dict[int, str]) -> tuple[dict[str, Extent], Reach]:
    """Each mapped character's glyph box and the face's reach (see the module)."""
    glyf = font["glyf"]
    hmtx = font["hmtx"].metrics
    per_glyph: dict[str, Extent] = {}
    left = right = low = high = 0
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if glyph.numberOfContours == 0:
            per_glyph[name] = (0, 0, 0, 0)
            continue
        glyph.recalcBounds(glyf)
        if not hasattr(glyph, "xMin"):
            per_glyph[name] = (0, 0, 0, 0)
            continue
        x_min, y_min, x_max, y_max = (int(glyph.xMin), int(glyph.yMin),
                                      int(glyph.xMax), int(glyph.yMax))  # fmt: skip
        advance, bearing = (int(v) for v in hmtx[name])
        shifted_max = bearing + x_max - x_min  # drawn from the bearing instead of xMin
        x_min, x_max = min(x_min, bearing), max(x_max, shifted_max)
        left = max(left, -x_min)
        right = max(right, x_max - advance)
        low = min(low, y_min)
        high = max(high, y_max)
        per_glyph[name] = (x_min, y_min, x_max, y_max)
    unknown = (-left, low, right + max(v[0] for v in hmtx.values()), high)
    extents = {chr(code): per_glyph.get(name, unknown) for code, name in cmap.items()}
    return extents, (left, right, low, high)
