"""Render stage: the pixel budget of every raster made of a page (PNG renders, thumbnails).

One page raster may hold at most MAX_RASTER_PIXELS pixels, whatever the
backend, so that no render of a document within the storage limits can take
more than a few hundred megabytes. The command line also keeps its resolution
within MIN_DPI..MAX_DPI.
"""

from __future__ import annotations

import math

from kupang_layout.errors import KupangError

__all__ = [
    "MAX_DPI",
    "MAX_RASTER_PIXELS",
    "MIN_DPI",
    "RasterBudgetError",
    "check_raster_budget",
    "raster_size",
]

MAX_RASTER_PIXELS = 100_000_000
MIN_DPI = 10.0
MAX_DPI = 1200.0


class RasterBudgetError(KupangError):
    """A raster larger than the pixel budget was asked for; `width_px`/`height_px` say how
    large, `limit` what is allowed."""

    def __init__(self, width_px: int, height_px: int, limit: int = MAX_RASTER_PIXELS) -> None:
        self.width_px = width_px
        self.height_px = height_px
        self.limit = limit
        super().__init__(
            f"a {width_px} x {height_px} pixel image is larger than the limit of "
            f"{limit // 1_000_000} megapixels: choose a lower resolution"
        )


def raster_size(width_pt: float, height_pt: float, dpi: float) -> tuple[int, int]:
    """Pixels of a raster of `width_pt` x `height_pt` points at `dpi` (at least 1 x 1)."""
    if not (math.isfinite(dpi) and dpi > 0):
        raise ValueError("dpi must be a positive number")
    scale = dpi / 72.0
    width = max(1.0, math.ceil(width_pt * scale - 1e-6))
    height = max(1.0, math.ceil(height_pt * scale - 1e-6))
    return int(min(width, 1e15)), int(min(height, 1e15))


def check_raster_budget(width_px: int, height_px: int, limit: int = MAX_RASTER_PIXELS) -> None:
    """Raise RasterBudgetError when the raster would hold more than `limit` pixels."""
    if width_px * height_px > limit:
        raise RasterBudgetError(width_px, height_px, limit)
