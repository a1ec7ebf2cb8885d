"""GUI stage: the toolbar's icons, drawn with QPainter (no image files to ship)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SIZE = 32
INK = QColor(45, 45, 52)


def _canvas() -> tuple[QPixmap, QPainter]:
    pm = QPixmap(SIZE, SIZE)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(
        QPen(INK, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    return pm, p


def _select(p: QPainter) -> None:
    arrow = QPolygonF(
        [
            QPointF(9, 4),
            QPointF(9, 25),
            QPointF(14, 20),
            QPointF(18, 28),
            QPointF(21, 27),
            QPointF(17, 19),
            QPointF(24, 19),
        ]
    )
    p.setBrush(INK)
    p.drawPolygon(arrow)


def _text(p: QPainter) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(4, 4, 24, 24))
    font = QFont("Roboto Condensed")
    font.setBold(True)
    font.setPixelSize(20)
    p.setFont(font)
    p.drawText(QRectF(4, 4, 24, 24), int(Qt.AlignmentFlag.AlignCenter), "T")


def _image(p: QPainter) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(4, 6, 24, 20))
    p.drawLine(QPointF(4, 6), QPointF(28, 26))
    p.drawLine(QPointF(28, 6), QPointF(4, 26))


def _rule(p: QPainter) -> None:
    p.setPen(QPen(INK, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(5, 26), QPointF(27, 6))


def _box(p: QPainter) -> None:
    p.setBrush(QColor(190, 190, 196))
    p.drawRect(QRectF(5, 7, 22, 18))


def _hand(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(10, 28)
    path.lineTo(6, 17)
    path.quadTo(6, 14, 9, 15)
    path.lineTo(11, 19)
    path.lineTo(11, 7)
    path.quadTo(13, 4, 15, 7)
    path.lineTo(15, 16)
    path.lineTo(15, 5)
    path.quadTo(17, 2, 19, 5)
    path.lineTo(19, 16)
    path.lineTo(19, 7)
    path.quadTo(21, 4, 23, 7)
    path.lineTo(23, 17)
    path.lineTo(23, 11)
    path.quadTo(25, 9, 27, 11)
    path.lineTo(27, 20)
    path.quadTo(26, 28, 20, 28)
    path.closeSubpath()
    p.setBrush(QColor(255, 255, 255))
    p.drawPath(path)


def _zoom(p: QPainter) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(5, 5, 16, 16))
    p.setPen(QPen(INK, 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(19, 19), QPointF(27, 27))


_DRAW = {
    "select": _select,
    "text": _text,
    "image": _image,
    "rule": _rule,
    "box": _box,
    "hand": _hand,
    "zoom": _zoom,
}


def tool_icon(name: str) -> QIcon:
    pm, p = _canvas()
    try:
        _DRAW[name](p)
    finally:
        p.end()
    return QIcon(pm)
