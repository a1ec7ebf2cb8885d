"""GUI stage: the rendered page kept as an image, re-painted only when what it shows changed.

The image holds the page with its bleed and, on pasteboard grey, whatever the
display list draws beside it (frames parked on the pasteboard); the canvas
paints the empty rest of the pasteboard itself. At zooms where all of that
fits in MAX_LAYER_PIXELS the image holds it whole, so panning is a plain blit;
deeper in, it holds the visible part plus half a screen around it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.gui.canvas.overlays import PASTEBOARD, paint_background
from kupang_layout.model.assets import AssetSource
from kupang_layout.render.qt import PagePainter, PaintOptions, changed_area, item_bounds

MAX_LAYER_PIXELS = 24_000_000
MAX_PARTIAL_SHARE = 0.5  # re-paint in place when the change covers at most this share
MARKER_MARGIN_PX = 80.0  # marks are drawn in pixels and reach this far past their rect


@dataclass(frozen=True)
class LayerKey:
    """What the cached image depends on besides its region."""

    list_id: int
    zoom: float
    dpr: float
    options: PaintOptions
    proxies_serial: int
    pasteboard: tuple[float, float, float, float]


class PageLayer:
    """A cached rendering of one display list at one zoom."""

    def __init__(self, painter: PagePainter) -> None:
        self.painter = painter
        self.image: QImage | None = None
        self.region = QRectF()
        self.key: LayerKey | None = None
        self._list: PageDisplayList | None = None  # keeps id(list) unique while cached
        self._extent: tuple[PageDisplayList, QRectF] | None = None
        # For the items of the list in _extent (kept alive there): by id, the part of
        # the item's bounds that lies beside the page, or None when it lies within.
        self._beside_items: dict[int, QRectF | None] = {}
        self.renders = 0
        self.partial_renders = 0

    def invalidate(self) -> None:
        self.key = None

    def ensure(
        self,
        dl: PageDisplayList,
        assets: AssetSource,
        zoom: float,
        dpr: float,
        visible: QRectF,
        options: PaintOptions,
        proxies_serial: int,
        pasteboard: QRectF | None = None,
    ) -> None:
        """Render if the cached image does not cover `visible` (page points) as asked.
        `pasteboard` (page points) bounds what is shown beside the page; None: the page
        with its bleed only."""
        shown = _bleed_rect(dl)
        beside = self._beside(dl)
        if pasteboard is not None and not beside.isEmpty():
            margin = MARKER_MARGIN_PX / zoom
            beside = beside.adjusted(-margin, -margin, margin, margin)
            shown = shown.united(beside.intersected(pasteboard))
        board = (shown.x(), shown.y(), shown.width(), shown.height())
        key = LayerKey(id(dl), zoom, dpr, options, proxies_serial, board)
        wanted = visible.intersected(shown)
        if (
            self.key == key
            and self._list is dl
            and self.image is not None
            and (wanted.isEmpty() or self.region.contains(wanted))
        ):
            return
        if self._update_in_place(dl, assets, zoom, dpr, wanted, options, key):
            return
        scale = zoom * dpr
        if shown.width() * shown.height() * scale * scale <= MAX_LAYER_PIXELS:
            region = shown
        else:
            grown = visible.adjusted(
                -visible.width() / 2,
                -visible.height() / 2,
                visible.width() / 2,
                visible.height() / 2,
            )
            region = grown.intersected(shown)
        if region.isEmpty():
            self.image, self.region, self.key, self._list = None, QRectF(), key, dl
            return
        # Align the region to whole device pixels so a pan never resamples the image.
        x0 = math.floor(region.x() * scale) / scale
        y0 = math.floor(region.y() * scale) / scale
        w_px = max(1, math.ceil((region.right() - x0) * scale))
        h_px = max(1, math.ceil((region.bottom() - y0) * scale))
        image = QImage(w_px, h_px, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(dpr)
        image.fill(PASTEBOARD)
        p = QPainter(image)
        try:
            p.scale(zoom, zoom)
            p.translate(-x0, -y0)
            paint_background(p, _bleed_rect(dl), shown, zoom)
            self.painter.paint(p, dl, assets, options)
        finally:
            p.end()
        self.image = image
        self.region = QRectF(x0, y0, w_px / scale, h_px / scale)
        self.key = key
        self._list = dl
        self.renders += 1

    def _beside(self, dl: PageDisplayList) -> QRectF:
        """What the list's items cover outside the page's bleed, as one rectangle (empty if
        nothing is drawn there); cached per list, and per item (by identity) for the items
        a new list shares with the one before."""
        if self._extent is not None and self._extent[0] is dl:
            return self._extent[1]
        bleed = _bleed_rect(dl)
        same_page = self._extent is not None and _bleed_rect(self._extent[0]) == bleed
        known = self._beside_items if same_page else {}
        found: dict[int, QRectF | None] = {}
        area = QRectF()
        for item in dl.items:
            key = id(item)
            if key in known:
                r = known[key]
            else:
                r = item_bounds(item).normalized()
                if (r.width() <= 0 and r.height() <= 0) or bleed.contains(r):
                    r = None
            found[key] = r
            if r is not None:
                area = area.united(r)
        self._extent = (dl, area)
        self._beside_items = found
        return area

    def _update_in_place(
        self,
        dl: PageDisplayList,
        assets: AssetSource,
        zoom: float,
        dpr: float,
        wanted: QRectF,
        options: PaintOptions,
        key: LayerKey,
    ) -> bool:
        """Re-paint only where the new list differs from the cached one (a keystroke
        re-flows a few lines; a move changes two rectangles). False if not possible."""
        old, cached = self._list, self.key
        if (
            old is None
            or cached is None
            or self.image is None
            or (cached.zoom, cached.dpr, cached.options, cached.proxies_serial, cached.pasteboard)
            != (zoom, dpr, options, key.proxies_serial, key.pasteboard)
            or (old.width, old.height, old.bleed) != (dl.width, dl.height, dl.bleed)
            or not (wanted.isEmpty() or self.region.contains(wanted))
        ):
            return False
        margin = MARKER_MARGIN_PX / zoom
        dirty = changed_area(old, dl, margin, self.painter.keys(old), self.painter.keys(dl))
        if dirty is not None:
            dirty = dirty.intersected(self.region)
            if dirty.width() * dirty.height() > MAX_PARTIAL_SHARE * (
                self.region.width() * self.region.height()
            ):
                return False
            if not dirty.isEmpty():
                scale = zoom * dpr
                # whole device pixels, so the repainted patch meets its surroundings
                x0 = math.floor((dirty.x() - self.region.x()) * scale) / scale + self.region.x()
                y0 = math.floor((dirty.y() - self.region.y()) * scale) / scale + self.region.y()
                x1 = math.ceil((dirty.right() - self.region.x()) * scale) / scale + self.region.x()
                y1 = math.ceil((dirty.bottom() - self.region.y()) * scale) / scale + self.region.y()
                patch = QRectF(x0, y0, x1 - x0, y1 - y0)
                p = QPainter(self.image)
                try:
                    p.scale(zoom, zoom)
                    p.translate(-self.region.x(), -self.region.y())
                    p.setClipRect(patch)
                    board = QRectF(*key.pasteboard)
                    paint_background(p, _bleed_rect(dl), board.intersected(patch), zoom)
                    self.painter.paint(p, dl, assets, options, area=patch)
                finally:
                    p.end()
                self.partial_renders += 1
        self.key = key
        self._list = dl
        return True

    def draw(self, p: QPainter, origin: QPointF, zoom: float) -> QRectF:
        """Blit the cached image (`origin`: widget position of page point (0, 0)); returns
        the widget rectangle it covered."""
        if self.image is None:
            return QRectF()
        x = origin.x() + self.region.x() * zoom
        y = origin.y() + self.region.y() * zoom
        p.drawImage(QPointF(x, y), self.image)
        return QRectF(x, y, self.region.width() * zoom, self.region.height() * zoom)


def _bleed_rect(dl: PageDisplayList) -> QRectF:
    b = dl.bleed
    return QRectF(-b, -b, dl.width + 2 * b, dl.height + 2 * b)
