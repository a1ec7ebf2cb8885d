"""GUI stage: what the canvas draws over the page: grids, guides, selection, ports, snap lines.

Everything here is drawn in widget pixels (crisp one-pixel lines at any zoom).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QRegion

from kupang_layout.editing.handles import frame_handles
from kupang_layout.editing.snapping import Target
from kupang_layout.gui.canvas.viewport import ViewTransform
from kupang_layout.model import AnyFrame, Edition, Page, Rule, TextFrame
from kupang_layout.model.units import mm

PASTEBOARD = QColor(218, 218, 222)
DESK = QColor(188, 188, 193)  # the canvas beyond the pasteboard
PAPER = QColor(255, 255, 255)
SHADOW_PX = 4.0
PASTEBOARD_ABOVE = mm(30)  # the pasteboard above and below the bleed; left and right: a page
PASTEBOARD_AROUND_FRAMES = mm(20)  # how far it reaches past the outermost frame
SHADOW = QColor(168, 168, 172)  # opaque: translucent fills take a slow blending path
BLEED = QColor(230, 60, 60)
MARGIN = QColor(214, 70, 214)
COLUMN = QColor(140, 90, 230)
BASELINE = QColor(90, 170, 230, 90)
GUIDE = QColor(0, 170, 210)
SELECTION = QColor(30, 120, 240)
LOCKED = QColor(140, 140, 140)
SNAP = QColor(255, 0, 160)
THREAD = QColor(110, 165, 240)
TRIM = QColor(150, 150, 150)
HANDLE_PX = 7.0
PORT_PX = 9.0
PORT_INSET_PX = 14.0


@dataclass
class ViewOptions:
    """What the Tampilan (View) menu shows or hides."""

    bleed: bool = True
    margins: bool = True
    columns: bool = True
    baseline: bool = False
    guides: bool = True
    guides_locked: bool = False
    frame_edges: bool = True
    snap: bool = True
    proof_colours: bool = False


def page_area(view: ViewTransform, page: Page) -> QRectF:
    """The page with its bleed, in widget pixels."""
    b = page.bleed
    return view.rect_to_widget(-b, -b, page.width + 2 * b, page.height + 2 * b)


def pasteboard_rect(page: Page) -> QRectF:
    """The pasteboard in page points: one page width left and right of the bleed,
    PASTEBOARD_ABOVE above and below it, grown to hold every frame with a margin."""
    b = page.bleed
    area = QRectF(
        -b - page.width,
        -b - PASTEBOARD_ABOVE,
        3 * page.width + 2 * b,
        page.height + 2 * (b + PASTEBOARD_ABOVE),
    )
    m = PASTEBOARD_AROUND_FRAMES
    for f in page.frames:
        r = f.rect
        area = area.united(QRectF(r.x - m, r.y - m, max(r.width, 0.0) + 2 * m, r.height + 2 * m))
    return area


def paint_background(p: QPainter, page: QRectF, pasteboard: QRectF, zoom: float = 0.0) -> None:
    """Pasteboard grey, the page's shadow and paper white (`page`: the page with its bleed);
    with `zoom` (pixels per unit of `p`'s coordinates) the shadow is SHADOW_PX pixels wide,
    else it is in `p`'s units."""
    s = SHADOW_PX / zoom if zoom > 0 else SHADOW_PX
    p.fillRect(pasteboard, PASTEBOARD)
    for r in _around(page.translated(s, s), page):
        p.fillRect(r, SHADOW)
    p.fillRect(page, PAPER)


def _around(outer: QRectF, hole: QRectF) -> list[QRectF]:
    """`outer` minus `hole` as up to four rectangles."""
    if hole.isEmpty() or not outer.intersects(hole):
        return [outer]
    h = hole.intersected(outer)
    return [
        r
        for r in (
            QRectF(outer.left(), outer.top(), outer.width(), h.top() - outer.top()),
            QRectF(outer.left(), h.bottom(), outer.width(), outer.bottom() - h.bottom()),
            QRectF(outer.left(), h.top(), h.left() - outer.left(), h.height()),
            QRectF(h.right(), h.top(), outer.right() - h.right(), h.height()),
        )
        if r.width() > 0 and r.height() > 0
    ]


def draw_pasteboard(
    p: QPainter, page: QRectF, pasteboard: QRectF, covered: QRectF, widget: QRectF
) -> None:
    """The desk beyond the pasteboard, the pasteboard, the page's shadow and paper white
    (all in widget pixels) where the page image does not reach; what the page image
    `covered` is not painted twice."""
    hole = covered.toAlignedRect() if not covered.isEmpty() else None
    p.save()
    if hole is not None:
        p.setClipRegion(QRegion(widget.toAlignedRect()).subtracted(QRegion(hole)))
    for r in _around(widget, pasteboard):
        p.fillRect(r, DESK)
    paint_background(p, page, pasteboard.intersected(widget))
    p.restore()


def _hline(p: QPainter, view: ViewTransform, y: float, x0: float, x1: float) -> None:
    a, b = view.to_widget(x0, y), view.to_widget(x1, y)
    yy = round(a.y()) + 0.5
    p.drawLine(QPointF(a.x(), yy), QPointF(b.x(), yy))


def _vline(p: QPainter, view: ViewTransform, x: float, y0: float, y1: float) -> None:
    a, b = view.to_widget(x, y0), view.to_widget(x, y1)
    xx = round(a.x()) + 0.5
    p.drawLine(QPointF(xx, a.y()), QPointF(xx, b.y()))


def draw_page_guides(p: QPainter, view: ViewTransform, page: Page, show: ViewOptions) -> None:
    """Bleed, margins, columns, baseline grid and ruler guides."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    w, h = page.width, page.height
    if show.baseline and page.baseline.leading > 0 and page.baseline.leading * view.zoom >= 3:
        p.setPen(QPen(BASELINE, 1))
        area = page.content_rect
        y = area.y + page.baseline.offset
        while y <= area.bottom + 1e-6:
            _hline(p, view, y, 0, w)
            y += page.baseline.leading
    if show.columns:
        p.setPen(QPen(COLUMN, 1))
        area = page.content_rect
        for left, right in page.column_edges():
            _vline(p, view, left, area.y, area.bottom)
            _vline(p, view, right, area.y, area.bottom)
    if show.margins:
        p.setPen(QPen(MARGIN, 1))
        r = view.rect_to_widget(*_xywh(page.content_rect))
        p.drawRect(
            QRectF(round(r.x()) + 0.5, round(r.y()) + 0.5, round(r.width()), round(r.height()))
        )
    if show.bleed and page.bleed > 0:
        p.setPen(QPen(BLEED, 1))
        b = page.bleed
        r = view.rect_to_widget(-b, -b, w + 2 * b, h + 2 * b)
        p.drawRect(
            QRectF(round(r.x()) + 0.5, round(r.y()) + 0.5, round(r.width()), round(r.height()))
        )
    p.setPen(QPen(TRIM, 1))
    r = view.rect_to_widget(0, 0, w, h)
    p.drawRect(QRectF(round(r.x()) + 0.5, round(r.y()) + 0.5, round(r.width()), round(r.height())))
    if show.guides:
        p.setPen(QPen(GUIDE, 1))
        for g in page.guides:
            if g.orientation == "v":
                _vline(p, view, g.position, -page.bleed, h + page.bleed)
            else:
                _hline(p, view, g.position, -page.bleed, w + page.bleed)
    p.restore()


def _xywh(r: object) -> tuple[float, float, float, float]:
    return (r.x, r.y, r.width, r.height)  # type: ignore[attr-defined]


def port_rects(view: ViewTransform, frame: TextFrame) -> tuple[QRectF, QRectF]:
    """(in-port, out-port) of a text frame in widget pixels."""
    r = view.rect_to_widget(*_xywh(frame.rect))
    s = PORT_PX
    inset = min(PORT_INSET_PX, r.height() / 3)
    in_port = QRectF(r.left() - s / 2, r.top() + inset - s / 2, s, s)
    out_port = QRectF(r.right() - s / 2, r.bottom() - inset - s / 2, s, s)
    return in_port, out_port


def _draw_port(p: QPainter, rect: QRectF, linked: bool, overset: bool) -> None:
    p.setPen(QPen(QColor(220, 30, 30) if overset else SELECTION, 1))
    p.setBrush(QColor(255, 255, 255))
    p.drawRect(rect)
    c = rect.center()
    if overset:
        p.drawLine(QPointF(c.x() - 2.5, c.y()), QPointF(c.x() + 2.5, c.y()))
        p.drawLine(QPointF(c.x(), c.y() - 2.5), QPointF(c.x(), c.y() + 2.5))
    elif linked:
        p.drawLine(QPointF(c.x() - 2.5, c.y()), QPointF(c.x() + 2.5, c.y()))


def draw_selection(
    p: QPainter,
    view: ViewTransform,
    edition: Edition,
    frames: Sequence[AnyFrame],
    overset_frames: set[str],
) -> None:
    """Outline, handles and (text frames) ports of every selected frame."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    single = len(frames) == 1
    for f in frames:
        colour = LOCKED if f.locked else SELECTION
        p.setPen(QPen(colour, 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if isinstance(f, Rule):
            (x1, y1), (x2, y2) = f.ends
            p.drawLine(view.to_widget(x1, y1), view.to_widget(x2, y2))
        else:
            r = view.rect_to_widget(*_xywh(f.rect))
            p.drawRect(r)
        if single and not f.locked:
            p.setBrush(QColor(255, 255, 255))
            for hx, hy in frame_handles(f).values():
                c = view.to_widget(hx, hy)
                s = HANDLE_PX
                p.drawRect(QRectF(c.x() - s / 2, c.y() - s / 2, s, s))
        if isinstance(f, TextFrame) and f.story_id:
            chain = edition.chain(f.story_id)
            idx = chain.index(f) if f in chain else 0
            in_port, out_port = port_rects(view, f)
            _draw_port(p, in_port, idx > 0, False)
            _draw_port(p, out_port, idx < len(chain) - 1, f.id in overset_frames)
    p.restore()


def draw_threads(
    p: QPainter, view: ViewTransform, edition: Edition, page: Page, frames: Sequence[AnyFrame]
) -> None:
    """Lines from each selected text frame's out-port to the next frame of its chain."""
    on_page = {f.id for f in page.frames}
    p.save()
    p.setPen(QPen(THREAD, 1.5))
    for f in frames:
        if not isinstance(f, TextFrame) or not f.story_id:
            continue
        chain = [c for c in edition.chain(f.story_id) if c.id in on_page]
        for a, b in itertools.pairwise(chain):
            _, out_port = port_rects(view, a)
            in_port, _ = port_rects(view, b)
            p.drawLine(out_port.center(), in_port.center())
    p.restore()


def draw_snap_lines(p: QPainter, view: ViewTransform, page: Page, lines: Sequence[Target]) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(QPen(SNAP, 1))
    ext = page.bleed + 40
    for t in lines:
        if t.orientation == "v":
            _vline(p, view, t.position, -ext, page.height + ext)
        else:
            _hline(p, view, t.position, -ext, page.width + ext)
    p.restore()


def draw_rubber_band(p: QPainter, view: ViewTransform, rect: QRectF, dashed: bool) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(SELECTION, 1, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    p.setPen(pen)
    p.setBrush(QColor(30, 120, 240, 25) if dashed else Qt.BrushStyle.NoBrush)
    r = view.rect_to_widget(rect.x(), rect.y(), rect.width(), rect.height())
    if r.width() < 1 or r.height() < 1:
        p.drawLine(r.topLeft(), r.bottomRight())
    else:
        p.drawRect(r)
    p.restore()


def draw_guide_preview(
    p: QPainter, view: ViewTransform, page: Page, orientation: str, position: float
) -> None:
    p.save()
    p.setPen(QPen(GUIDE, 1, Qt.PenStyle.DashLine))
    ext = page.bleed + 400
    if orientation == "v":
        _vline(p, view, position, -ext, page.height + ext)
    else:
        _hline(p, view, position, -ext, page.width + ext)
    p.restore()
