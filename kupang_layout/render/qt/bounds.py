"""Render stage (Qt): the rectangle each display-list item paints into (page points)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from kupang_layout.engine.displaylist import BoxItem, ImageItem, Item, RuleItem, TextRun

__all__ = ["item_bounds"]


def item_bounds(item: Item, marker_margin: float = 0.0) -> QRectF:
    """A rectangle (page points) holding everything the item paints."""
    if isinstance(item, TextRun):
        if not item.words:
            return QRectF()
        last = item.words[-1]
        s = item.size
        x0, x1 = item.words[0].x - s * 0.6, last.x + last.width + s * 0.6
        return QRectF(x0, item.y - s * 1.2, x1 - x0, s * 1.7)
    if isinstance(item, RuleItem):
        w = item.weight
        x0, x1 = sorted((item.x1, item.x2))
        y0, y1 = sorted((item.y1, item.y2))
        return QRectF(x0 - w, y0 - w, x1 - x0 + 2 * w, y1 - y0 + 2 * w)
    if isinstance(item, BoxItem):
        w = item.stroke_weight
        return QRectF(item.x - w, item.y - w, item.width + 2 * w, item.height + 2 * w)
    if isinstance(item, ImageItem):
        return QRectF(item.clip_x, item.clip_y, item.clip_width, item.clip_height)
    m = marker_margin
    return QRectF(item.x - m, item.y - m, item.width + 2 * m, item.height + 2 * m)
