"""Model stage: a page: geometry, grids, guides and frames in z-order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kupang_layout.model.frames import AnyFrame
from kupang_layout.model.geometry import BaselineGrid, ColumnGrid, Guide, Margins, Rect
from kupang_layout.model.units import mm


@dataclass
class Page:
    """One page of an edition. Frames are listed bottom first (z-order)."""

    id: str
    number: int
    width: float
    height: float
    template: str | None = None
    bleed: float = field(default_factory=lambda: mm(3))
    margins: Margins = field(default_factory=lambda: Margins(mm(12), mm(15), mm(12), mm(12)))
    columns: ColumnGrid = field(default_factory=lambda: ColumnGrid(5, mm(4.5)))
    baseline: BaselineGrid = field(default_factory=lambda: BaselineGrid(11.0, 0.0))
    guides: list[Guide] = field(default_factory=list)
    frames: list[AnyFrame] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def trim(self) -> Rect:
        return Rect(0.0, 0.0, self.width, self.height)

    @property
    def bleed_rect(self) -> Rect:
        b = self.bleed
        return Rect(-b, -b, self.width + 2 * b, self.height + 2 * b)

    @property
    def content_rect(self) -> Rect:
        m = self.margins
        return Rect(
            m.inside, m.top, self.width - m.inside - m.outside, self.height - m.top - m.bottom
        )

    def column_edges(self) -> list[tuple[float, float]]:
        """(left, right) x of each grid column inside the margins."""
        area = self.content_rect
        n = max(1, self.columns.count)
        width = (area.width - (n - 1) * self.columns.gutter) / n
        return [
            (
                area.x + i * (width + self.columns.gutter),
                area.x + i * (width + self.columns.gutter) + width,
            )
            for i in range(n)
        ]

    def frame(self, frame_id: str) -> AnyFrame:
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(frame_id)

    def find_frame(self, frame_id: str) -> AnyFrame | None:
        for f in self.frames:
            if f.id == frame_id:
                return f
        return None

    def frames_by_role(self, role: str, slot: str | None = None) -> list[AnyFrame]:
        return [f for f in self.frames if f.role == role and (slot is None or f.slot == slot)]
