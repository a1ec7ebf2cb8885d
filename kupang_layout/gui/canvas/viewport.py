"""GUI stage: the canvas's view transform (zoom and pan) between page points and widget pixels."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

MIN_ZOOM_PERCENT = 5.0
MAX_ZOOM_PERCENT = 6400.0
ZOOM_STEPS = (
    5,
    8,
    12.5,
    16.7,
    25,
    33.3,
    50,
    66.7,
    75,
    100,
    125,
    150,
    200,
    300,
    400,
    600,
    800,
    1200,
    1600,
    2400,
    3200,
    4800,
    6400,
)


@dataclass
class ViewTransform:
    """widget = origin + page_point * zoom. `zoom` is logical pixels per point;
    `unit` is the zoom of actual size (the screen's logical dpi / 72)."""

    zoom: float = 1.0
    ox: float = 0.0
    oy: float = 0.0
    unit: float = 96.0 / 72.0

    @property
    def percent(self) -> float:
        return self.zoom / self.unit * 100.0

    def transform(self) -> QTransform:
        return QTransform(self.zoom, 0.0, 0.0, self.zoom, self.ox, self.oy)

    def to_widget(self, x: float, y: float) -> QPointF:
        return QPointF(self.ox + x * self.zoom, self.oy + y * self.zoom)

    def to_page(self, p: QPointF) -> tuple[float, float]:
        return ((p.x() - self.ox) / self.zoom, (p.y() - self.oy) / self.zoom)

    def rect_to_widget(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(
            self.ox + x * self.zoom, self.oy + y * self.zoom, w * self.zoom, h * self.zoom
        )

    def visible_page_rect(self, width: float, height: float) -> QRectF:
        """The part of page space the widget (width x height pixels) shows."""
        x0, y0 = self.to_page(QPointF(0, 0))
        return QRectF(x0, y0, width / self.zoom, height / self.zoom)

    def clamp(self, zoom: float) -> float:
        lo = MIN_ZOOM_PERCENT / 100.0 * self.unit
        hi = MAX_ZOOM_PERCENT / 100.0 * self.unit
        return max(lo, min(hi, zoom))

    def zoom_at(self, zoom: float, anchor: QPointF) -> None:
        """Change the zoom keeping the page point under `anchor` (widget pixels) still."""
        zoom = self.clamp(zoom)
        px, py = self.to_page(anchor)
        self.zoom = zoom
        self.ox = anchor.x() - px * zoom
        self.oy = anchor.y() - py * zoom

    def fit(self, area: QRectF, width: float, height: float, margin_px: float = 24.0) -> None:
        """Zoom and pan so `area` (page points) fits the widget, centred."""
        if area.width() <= 0 or area.height() <= 0 or width <= 0 or height <= 0:
            return
        zx = max(1.0, width - 2 * margin_px) / area.width()
        zy = max(1.0, height - 2 * margin_px) / area.height()
        self.zoom = self.clamp(min(zx, zy))
        self.ox = width / 2 - (area.x() + area.width() / 2) * self.zoom
        self.oy = height / 2 - (area.y() + area.height() / 2) * self.zoom

    def centre_on(self, x: float, y: float, width: float, height: float) -> None:
        self.ox = width / 2 - x * self.zoom
        self.oy = height / 2 - y * self.zoom

    def step(self, direction: int) -> float:
        """The next zoom step in percent above (direction > 0) or below the current one."""
        current = self.percent
        if direction > 0:
            for s in ZOOM_STEPS:
                if s > current * 1.001:
                    return float(s)
            return float(ZOOM_STEPS[-1])
        for s in reversed(ZOOM_STEPS):
            if s < current * 0.999:
                return float(s)
        return float(ZOOM_STEPS[0])

    def zoom_for_percent(self, percent: float) -> float:
        return percent / 100.0 * self.unit
