"""Render stage (Qt): the non-printing marks (frame edges, overset sign, empty slots).

Marks keep a constant size on screen, so they are drawn in device pixels: the
marker's rect is mapped through the world transform and the transform reset.
Labels are interface text, not page text, so they use Qt's ordinary text drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTransform

from kupang_layout.engine.displaylist import Marker

OVERSET_PX = 11.0


@dataclass(frozen=True)
class MarkerStyle:
    """Colours of the non-printing marks."""

    frame_edge: QColor = field(default_factory=lambda: QColor(120, 160, 210))
    overset: QColor = field(default_factory=lambda: QColor(220, 30, 30))
    empty: QColor = field(default_factory=lambda: QColor(150, 150, 150))
    missing: QColor = field(default_factory=lambda: QColor(220, 30, 30))


def _label_font(px: float) -> QFont:
    font = QFont()
    font.setPixelSize(max(6, round(px)))
    return font


def _cross(p: QPainter, r: QRectF) -> None:
    p.drawLine(r.topLeft(), r.bottomRight())
    p.drawLine(r.topRight(), r.bottomLeft())


def paint_overset(p: QPainter, r: QRectF, label: str, colour: QColor) -> None:
    """The overset sign: a red square with a plus, and the number of lines left over, hung
    below the frame's bottom right corner so it never covers the frame's last line."""
    size = OVERSET_PX
    box = QRectF(r.right() - size, r.bottom() + 2, size, size)
    p.setPen(QPen(colour, 1.0))
    p.setBrush(QColor(255, 255, 255))
    p.drawRect(box)
    c = box.center()
    p.drawLine(QPointF(c.x() - 3, c.y()), QPointF(c.x() + 3, c.y()))
    p.drawLine(QPointF(c.x(), c.y() - 3), QPointF(c.x(), c.y() + 3))
    if label:
        p.setFont(_label_font(11))
        text_rect = QRectF(box.left() - 62, box.top() - 1, 60, 14)  # left of the sign
        p.setPen(colour)
        p.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), label
        )


def paint_markers(
    p: QPainter, markers: Sequence[Marker], style: MarkerStyle, frame_edges: bool = True
) -> None:
    """Draw markers; `p`'s world transform maps page points to the device."""
    base = p.worldTransform()
    p.save()
    p.setWorldTransform(QTransform())
    p.setBrush(Qt.BrushStyle.NoBrush)
    # Edges are axis-aligned one-pixel lines: antialiasing would only blur them and
    # costs a path rasterisation per rectangle.
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for m in markers:
        r = base.mapRect(QRectF(m.x, m.y, m.width, m.height))
        if m.kind == "frame":
            if frame_edges:
                p.setPen(QPen(style.frame_edge, 1.0))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(
                    QRectF(round(r.x()), round(r.y()), round(r.width()) - 1, round(r.height()) - 1)
                )
        elif m.kind == "overset":
            paint_overset(p, r, m.label, style.overset)
        elif m.kind in ("empty-slot", "image-empty"):
            pen = QPen(style.empty, 1.0, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r)
            _cross(p, r)
            if m.label and r.width() > 40 and r.height() > 16:
                p.setFont(_label_font(min(12.0, r.height() / 3)))
                p.setPen(style.empty.darker(130))
                label = QCoreApplication.translate("Placeholder", m.label)  # see gui/base/
                p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), label)
        elif m.kind == "image-missing":
            p.setPen(QPen(style.missing, 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r)
            _cross(p, r)
        else:
            p.setPen(QPen(style.empty, 1.0, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r)
    p.restore()
