"""Model stage: plain geometry in points (origin top-left of the trim, y down)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in points."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2.0, self.y + self.height / 2.0)

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.width, self.height)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def intersects(self, other: Rect) -> bool:
        return not (
            other.x >= self.right
            or other.right <= self.x
            or other.y >= self.bottom
            or other.bottom <= self.y
        )

    def inset(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.width - 2 * d, self.height - 2 * d)


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in points. 'inside'/'outside' are left/right on a single page."""

    top: float
    bottom: float
    inside: float
    outside: float


@dataclass(frozen=True, slots=True)
class ColumnGrid:
    """The page's column grid inside the margins."""

    count: int
    gutter: float


@dataclass(frozen=True, slots=True)
class BaselineGrid:
    """Baseline grid: leading between baselines, offset of the first from the top margin."""

    leading: float
    offset: float


@dataclass(frozen=True, slots=True)
class Guide:
    """A ruler guide. orientation 'h' (at a y) or 'v' (at an x)."""

    orientation: str
    position: float
