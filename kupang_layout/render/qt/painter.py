"""Render stage (Qt): paint a PageDisplayList with QPainter, every glyph where the engine put it.

The painter's world transform must map page points (origin top-left of the
trim, y down) to the device; nothing here knows about zoom or screen DPI, so
text is never scaled twice. Text is drawn as glyph runs of a raw font opened
at REFERENCE_PX and scaled by size / REFERENCE_PX, with each glyph's position
set explicitly from PlacedWord.x and the per-character advances (kerning and glyph
scaling are in them; a run's `h_scale` widens or narrows the glyphs with the
transform): the renderer never measures, shapes, kerns or breaks lines.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGlyphRun,
    QImage,
    QPainter,
    QPainterPath,
    QPolygonF,
    QTransform,
)

from kupang_layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    Marker,
    PageDisplayList,
    RuleItem,
    TextRun,
)
from kupang_layout.model.assets import AssetSource
from kupang_layout.render.qt.bounds import item_bounds
from kupang_layout.render.qt.faces import REFERENCE_PX, QtFaces, QtFontError, default_faces
from kupang_layout.render.qt.inks import InkColours
from kupang_layout.render.qt.list_memo import ListMemo, ListMemos
from kupang_layout.render.qt.markers import MarkerStyle, paint_markers
from kupang_layout.render.qt.proxies import ImageProxies

_MAX_PREPARED_RUNS = 40_000
MAX_PRESCALED_PIXELS = 8_000_000
PLACEHOLDER = QColor(222, 222, 222)
BROKEN = QColor(200, 40, 40)


@dataclass(frozen=True)
class PaintOptions:
    """What to draw. Markers are non-printing and off unless asked for."""

    markers: bool = False
    frame_edges: bool = True
    hidden_frames: frozenset[str] = frozenset()
    only_frames: frozenset[str] | None = None
    marker_style: MarkerStyle = field(default_factory=MarkerStyle, compare=False)


@dataclass
class _PreparedRun:
    """A text run turned into one glyph run (or one outline path) and its transform."""

    x0: float
    y: float
    scale: float
    glyphs: QGlyphRun | None
    outline: QPainterPath | None
    h_scale: float = 1.0  # glyph scaling: the glyphs' horizontal scale


def glyph_positions(run: TextRun) -> list[tuple[float, str]]:
    """(x, character) for every character of a run: word x plus cumulative advances."""
    out: list[tuple[float, str]] = []
    for word in run.words:
        x = word.x
        for ch, adv in zip(word.text, word.advances, strict=False):
            out.append((x, ch))
            x += adv
    return out


def changed_area(
    old: PageDisplayList,
    new: PageDisplayList,
    marker_margin: float,
    old_keys: list[int] | None = None,
    new_keys: list[int] | None = None,
) -> QRectF | None:
    """The union of the bounds of every item in one list and not the other (None: same).

    Items are told apart by their hash (`item_keys`): comparing frozen items field by
    field costs more than the repaint it saves. A wrong answer would need two different
    items with the same 64-bit hash.
    """
    if old is new:
        return None
    a = old_keys if old_keys is not None else item_keys(old)
    b = new_keys if new_keys is not None else item_keys(new)
    if a == b:
        return None
    gone, came = set(a) - set(b), set(b) - set(a)
    area = QRectF()
    for keys, items in ((a, old.items), (b, new.items)):
        differ = gone if keys is a else came
        for key, item in zip(keys, items, strict=True):
            if key in differ:
                area = area.united(item_bounds(item, marker_margin).adjusted(-1, -1, 1, 1))
    if area.isEmpty():
        # the same items in another order (z-order changed): where the order differs
        for i, (ka, kb) in enumerate(zip(a, b, strict=False)):
            if ka != kb:
                area = area.united(item_bounds(old.items[i], marker_margin))
                area = area.united(item_bounds(new.items[i], marker_margin))
    return area if not area.isEmpty() else None


def item_keys(dl: PageDisplayList) -> list[int]:
    """The hash of every item: its identity for caches and change detection."""
    return [hash(i) for i in dl.items]


class PagePainter:
    """Paints display lists. One instance is shared; it caches prepared text runs."""

    def __init__(
        self,
        faces: QtFaces | None = None,
        inks: InkColours | None = None,
        proxies: ImageProxies | None = None,
    ) -> None:
        self.faces = faces or default_faces()
        self.inks = inks or InkColours()
        self.proxies = proxies or ImageProxies(background=False)
        self._runs: dict[int, _PreparedRun | None] = {}  # by the run's hash
        # Per display list (by identity, the list kept alive): each item's key, prepared
        # run and bounds, so repainting a list never hashes its runs again, and a new
        # list takes them over for the items it shares with the one before.
        self._lists: ListMemos[_PreparedRun] = ListMemos(self._prepare)
        self._scaled: OrderedDict[tuple[int, int, int], QImage] = OrderedDict()

    # -- text ------------------------------------------------------------------
    def _prepare(self, run: TextRun, key: int) -> _PreparedRun | None:
        got = self._runs.get(key, False)
        if got is not False:
            return got  # type: ignore[return-value]
        prepared = self._prepare_new(run)
        if len(self._runs) > _MAX_PREPARED_RUNS:
            self._runs.clear()
        self._runs[key] = prepared
        return prepared

    def _prepare_new(self, run: TextRun) -> _PreparedRun | None:
        if not run.words or run.size <= 0:
            return None
        try:
            face = self.faces.face(run.face)
        except QtFontError:
            return None
        placed = glyph_positions(run)
        if not placed:
            return None
        x0 = placed[0][0]
        s = run.size / REFERENCE_PX
        h = run.h_scale if run.h_scale > 0 else 1.0
        sx = s * h  # positions are page points: divided by the horizontal scale
        text = "".join(ch for _, ch in placed)
        indexes = face.glyph_indexes(text)
        keep = [(x, g) for (x, ch), g in zip(placed, indexes, strict=True) if not ch.isspace()]
        if face.outlines_only:
            path = QPainterPath()
            for x, g in keep:
                path.addPath(face.outline(g).translated((x - x0) / sx, 0.0))
            return _PreparedRun(x0, run.y, s, None, path, h)
        glyph_run = QGlyphRun()
        glyph_run.setRawFont(face.raw)
        glyph_run.setGlyphIndexes([g for _, g in keep])
        glyph_run.setPositions([QPointF((x - x0) / sx, 0.0) for x, _ in keep])
        return _PreparedRun(x0, run.y, s, glyph_run, None, h)

    def _memo(self, dl: PageDisplayList) -> ListMemo[_PreparedRun]:
        return self._lists.memo(dl)

    def keys(self, dl: PageDisplayList) -> list[int]:
        """The item keys of a list (computed once per list)."""
        return self._memo(dl).keys

    def _text(
        self, p: QPainter, run: TextRun, prepared: _PreparedRun | None, base: QTransform
    ) -> None:
        if prepared is None:
            return
        colour = self.inks.colour(run.ink)
        sx = prepared.scale * prepared.h_scale
        local = QTransform(sx, 0.0, 0.0, prepared.scale, prepared.x0, prepared.y)
        p.setWorldTransform(local * base)
        if prepared.glyphs is not None:
            p.setPen(colour)
            p.drawGlyphRun(QPointF(0.0, 0.0), prepared.glyphs)
        elif prepared.outline is not None:
            p.fillPath(prepared.outline, colour)
        p.setWorldTransform(base)

    # -- graphics ----------------------------------------------------------------
    def _rule(self, p: QPainter, rule: RuleItem) -> None:
        dx, dy = rule.x2 - rule.x1, rule.y2 - rule.y1
        length = math.hypot(dx, dy)
        if rule.weight <= 0 or length <= 0:
            return
        # The stroke as a filled quadrilateral with butt ends, as the PDF draws it.
        nx = -dy / length * rule.weight / 2
        ny = dx / length * rule.weight / 2
        quad = QPolygonF(
            [
                QPointF(rule.x1 + nx, rule.y1 + ny),
                QPointF(rule.x2 + nx, rule.y2 + ny),
                QPointF(rule.x2 - nx, rule.y2 - ny),
                QPointF(rule.x1 - nx, rule.y1 - ny),
            ]
        )
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.inks.colour(rule.ink))
        p.drawPolygon(quad)

    def _box(self, p: QPainter, box: BoxItem) -> None:
        if box.width <= 0 or box.height <= 0:
            return
        p.setPen(Qt.PenStyle.NoPen)
        if box.fill is not None:
            p.fillRect(QRectF(box.x, box.y, box.width, box.height), self.inks.colour(box.fill))
        if box.stroke is not None and box.stroke_weight > 0:
            half = box.stroke_weight / 2
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            path.addRect(
                QRectF(box.x - half, box.y - half, box.width + 2 * half, box.height + 2 * half)
            )
            if box.width > 2 * half and box.height > 2 * half:
                path.addRect(
                    QRectF(box.x + half, box.y + half, box.width - 2 * half, box.height - 2 * half)
                )
            p.fillPath(path, self.inks.colour(box.stroke))

    def _image(
        self, p: QPainter, item: ImageItem, assets: AssetSource | None, device_scale: float
    ) -> None:
        shown = item.visible_rect()
        if shown is None:
            return
        target = QRectF(item.img_x, item.img_y, item.img_width, item.img_height)
        visible = QRectF(shown[0], shown[1], shown[2] - shown[0], shown[3] - shown[1])
        image = None
        if assets is not None:
            needed = max(item.img_width, item.img_height) * device_scale
            image = self.proxies.proxy(
                item.asset, assets, needed, max(item.width_px, item.height_px)
            )
        if image is None or image.isNull():
            broken = assets is None or self.proxies.failure(item.asset) is not None
            p.fillRect(visible, PLACEHOLDER)
            if broken:
                p.setPen(BROKEN)
                p.drawLine(visible.topLeft(), visible.bottomRight())
                p.drawLine(visible.topRight(), visible.bottomLeft())
            return
        p.save()
        p.setClipRect(visible, Qt.ClipOperation.IntersectClip)
        base = p.worldTransform()
        device = base.mapRect(target)  # logical pixels of the paint device
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        w_px, h_px = round(device.width() * dpr), round(device.height() * dpr)
        if (
            base.m12() == 0
            and base.m21() == 0
            and not base.isRotating()
            and (0 < w_px * h_px <= MAX_PRESCALED_PIXELS)
        ):
            # Scale the proxy once to its size on the device and blit it: a smooth
            # scaled draw on every repaint costs more than the rest of the page.
            scaled = self._prescaled(image, w_px, h_px)
            scaled.setDevicePixelRatio(dpr)
            p.setWorldTransform(QTransform())  # the clip set above stays
            p.drawImage(
                QPointF(round(device.x() * dpr) / dpr, round(device.y() * dpr) / dpr), scaled
            )
        else:
            p.drawImage(target, image, QRectF(0, 0, image.width(), image.height()))
        p.restore()

    def _prescaled(self, image: QImage, w: int, h: int) -> QImage:
        key = (image.cacheKey(), max(1, w), max(1, h))
        got = self._scaled.get(key)
        if got is None:
            got = image.scaled(
                key[1],
                key[2],
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self._scaled[key] = got
            while len(self._scaled) > 24:
                self._scaled.popitem(last=False)
        else:
            self._scaled.move_to_end(key)
        return got

    # -- the page ------------------------------------------------------------------
    def paint(
        self,
        p: QPainter,
        dl: PageDisplayList,
        assets: AssetSource | None,
        options: PaintOptions | None = None,
        area: QRectF | None = None,
    ) -> None:
        """Paint the display list's items in order onto `p` (world transform: page points);
        with `area`, only the items that reach into it (a partial repaint)."""
        opts = options or PaintOptions()
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.setBrush(QBrush())
        base = p.worldTransform()
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        device_scale = math.sqrt(abs(base.determinant())) * dpr
        wanted: Callable[[str], bool]
        if opts.only_frames is not None:
            only = opts.only_frames
            wanted = only.__contains__
        elif opts.hidden_frames:
            hidden = opts.hidden_frames
            wanted = lambda fid: fid not in hidden  # noqa: E731
        else:
            wanted = lambda fid: True  # noqa: E731
        markers: list[Marker] = []
        memo = self._memo(dl)
        prepared, bounds = memo.prepared, memo.bounds
        margin = 80.0 / max(1e-6, device_scale / dpr)
        for index, item in enumerate(dl.items):
            if not wanted(item.frame_id):
                continue
            if area is not None:
                box = bounds[index]
                if box is None:  # a marker: its marks reach past its rect
                    box = item_bounds(item, margin)
                if not box.intersects(area):
                    continue
            if isinstance(item, TextRun):
                self._text(p, item, prepared[index], base)
            elif isinstance(item, RuleItem):
                self._rule(p, item)
            elif isinstance(item, BoxItem):
                self._box(p, item)
            elif isinstance(item, ImageItem):
                self._image(p, item, assets, device_scale)
            elif isinstance(item, Marker):
                markers.append(item)
        if opts.markers and markers:
            paint_markers(p, markers, opts.marker_style, opts.frame_edges)
        p.restore()

    def forget(self) -> None:
        """Drop prepared runs and scaled pictures (benchmarks; a font change)."""
        self._runs.clear()
        self._lists.clear()
        self._scaled.clear()
