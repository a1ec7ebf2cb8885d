"""GUI stage: rulers (mm, cm or pt, as in Preferences) along the canvas; drag out a guide."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kupang_layout.editing.snapping import Target, snap_values
from kupang_layout.gui.base.settings import POINTS_PER_UNIT, app_settings, current_unit
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.model import Guide, SetPageProperties

THICKNESS = 20
STEPS = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)  # any unit
BACKGROUND = QColor(244, 244, 246)
TICK = QColor(90, 90, 96)
POINTER = QColor(220, 40, 120)


def major_step(px_per_unit: float, min_px: float = 48.0) -> float:
    """The smallest labelled step (in the ruler's unit) whose marks are `min_px` apart."""
    for s in STEPS:
        if s * px_per_unit >= min_px:
            return s
    return STEPS[-1]


class Ruler(QWidget):
    """A horizontal ('h', along the top) or vertical ('v', along the left) ruler."""

    def __init__(self, canvas: PageCanvas, orientation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.orientation = orientation
        self._pointer: float | None = None
        self._dragging = False
        self._cache: tuple[tuple[float, float, int, int, str], QImage] | None = None
        if orientation == "h":
            self.setFixedHeight(THICKNESS)
        else:
            self.setFixedWidth(THICKNESS)
        self.setCursor(
            Qt.CursorShape.SplitVCursor if orientation == "h" else Qt.CursorShape.SplitHCursor
        )
        canvas.view_changed.connect(self.update)
        canvas.pointer_moved.connect(self._pointer_moved)
        app_settings().changed.connect(self._setting_changed)

    def _setting_changed(self, key: str) -> None:
        if key == "ui/units":
            self._cache = None
            self.update()

    def _pointer_moved(self, x: float, y: float) -> None:
        self._pointer = x if self.orientation == "h" else y
        self.update()

    def _origin(self) -> float:
        """This ruler's pixel of page coordinate 0 (the canvas's origin, shifted)."""
        v = self.canvas.view
        offset = self.canvas.mapTo(self.window(), QPointF(0, 0)) - self.mapTo(
            self.window(), QPointF(0, 0)
        )
        return v.ox + offset.x() if self.orientation == "h" else v.oy + offset.y()

    def _to_widget(self, points: float) -> float:
        """This ruler's pixel of a page coordinate."""
        return self._origin() + points * self.canvas.view.zoom

    def _ticks(self, origin: float) -> QImage:
        """The ruler without the pointer mark; cached while zoom, pan and size stay."""
        unit = current_unit()
        key = (self.canvas.view.zoom, origin, self.width(), self.height(), unit)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        dpr = self.devicePixelRatioF()
        img = QImage(
            round(self.width() * dpr), round(self.height() * dpr), QImage.Format.Format_RGB32
        )
        img.setDevicePixelRatio(dpr)
        img.fill(BACKGROUND)
        p = QPainter(img)
        zoom = self.canvas.view.zoom
        length = self.width() if self.orientation == "h" else self.height()
        per_unit = POINTS_PER_UNIT[unit]
        px_per_unit = zoom * per_unit
        step = major_step(px_per_unit)
        tenths = step >= 10 or unit != "mm"  # no ticks between millimetres
        minor = step / 10 if tenths and step / 10 * px_per_unit >= 4 else step / 5
        if minor * px_per_unit < 3:
            minor = step / 2
        start = (-origin / zoom / per_unit) // step * step - step
        end = ((length - origin) / zoom) / per_unit + step
        font = QFont()
        font.setPixelSize(9)
        p.setFont(font)
        p.setPen(QPen(TICK, 1))
        count = min(5000, int((end - start) / minor) + 1)
        for n in range(count):
            value = start + n * minor
            pos = round(origin + value * per_unit * zoom) + 0.5
            is_major = abs(value / step - round(value / step)) < 1e-6
            is_half = abs(value / (step / 2) - round(value / (step / 2))) < 1e-6
            tick = THICKNESS - 2 if is_major else THICKNESS * (0.45 if is_half else 0.25)
            label = f"{round(value, 6):g}"
            if self.orientation == "h":
                p.drawLine(QPointF(pos, THICKNESS), QPointF(pos, THICKNESS - tick))
                if is_major:
                    p.drawText(QPointF(pos + 2, 9), label)
            else:
                p.drawLine(QPointF(THICKNESS, pos), QPointF(THICKNESS - tick, pos))
                if is_major:
                    p.save()
                    p.translate(9, pos + 2)
                    p.rotate(-90)
                    p.drawText(QPointF(-len(label) * 6 - 2, 0), label)
                    p.restore()
        p.setPen(QPen(QColor(190, 190, 196), 1))
        if self.orientation == "h":
            p.drawLine(0, THICKNESS - 1, self.width(), THICKNESS - 1)
        else:
            p.drawLine(THICKNESS - 1, 0, THICKNESS - 1, self.height())
        p.end()
        self._cache = (key, img)
        return img

    def paintEvent(self, event: QPaintEvent) -> None:
        origin = self._origin()
        p = QPainter(self)
        p.drawImage(QPointF(0, 0), self._ticks(origin))
        if self._pointer is not None:
            pos = origin + self._pointer * self.canvas.view.zoom
            p.setPen(QPen(POINTER, 1))
            if self.orientation == "h":
                p.drawLine(QPointF(pos, 0), QPointF(pos, THICKNESS))
            else:
                p.drawLine(QPointF(0, pos), QPointF(THICKNESS, pos))
        p.end()

    # -- making guides --------------------------------------------------------
    def _guide_position(self, ev: QMouseEvent) -> tuple[float, bool]:
        """(page coordinate across the guide, pointer over the canvas) for a ruler drag.

        The guide snaps to margins, columns, the baseline grid, the page centre, other
        guides and frame edges as frames do (Ctrl held: no snapping); the snap line
        shows while dragging."""
        local = self.canvas.mapFromGlobal(ev.globalPosition())
        x, y = self.canvas.view.to_page(local)
        inside = QRectF(self.canvas.rect()).contains(local)
        pos = y if self.orientation == "h" else x
        ctrl = bool(ev.modifiers() & Qt.KeyboardModifier.ControlModifier)
        targets = self.canvas.snap_targets((), ctrl)
        lines: tuple[Target, ...] = ()
        if targets is not None and inside:
            tolerance = self.canvas.snap_tolerance()
            if self.orientation == "h":
                snapped = snap_values((), (pos,), targets, tolerance)
                pos += snapped.dy
            else:
                snapped = snap_values((pos,), (), targets, tolerance)
                pos += snapped.dx
            lines = snapped.lines
        self.canvas.set_snap_lines(lines)
        return pos, inside

    def _guide_orientation(self) -> str:
        # The top ruler makes horizontal guides, the left one vertical guides.
        return "h" if self.orientation == "h" else "v"

    def mousePressEvent(self, ev: QMouseEvent) -> None:
        if ev.button() == Qt.MouseButton.LeftButton and self.canvas.doc.page is not None:
            self._dragging = True

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:
        if not self._dragging:
            return
        pos, inside = self._guide_position(ev)
        self.canvas.set_guide_preview(self._guide_orientation() if inside else None, pos)

    def mouseReleaseEvent(self, ev: QMouseEvent) -> None:
        if not self._dragging:
            return
        self._dragging = False
        self.canvas.set_guide_preview(None, 0.0)
        pos, inside = self._guide_position(ev)
        self.canvas.set_snap_lines(())
        page = self.canvas.doc.page
        if inside and page is not None:
            guides = [*page.guides, Guide(self._guide_orientation(), pos)]
            self.canvas.doc.execute(SetPageProperties(page.id, guides=guides))
