"""GUI stage: snapping of frame edges and points to the page's grids and other frames (no Qt).

Targets are vertical lines (x positions) and horizontal lines (y positions)
with a kind. A moving rectangle offers its left/centre/right x and
top/centre/bottom y; on each axis the candidate nearest to a target within
the tolerance wins, and the snapped line is reported so the canvas can show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kupang_layout.model.frames import AnyFrame, Rule
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page

MARGIN = "margin"
COLUMN = "column"
BASELINE = "baseline"
GUIDE = "guide"
CENTRE = "page-centre"
FRAME_EDGE = "frame-edge"
FRAME_CENTRE = "frame-centre"
TRIM = "trim"

ALL_KINDS = frozenset({MARGIN, COLUMN, BASELINE, GUIDE, CENTRE, FRAME_EDGE, FRAME_CENTRE, TRIM})


@dataclass(frozen=True, slots=True)
class Target:
    """One snap line: 'v' (at x = position) or 'h' (at y = position)."""

    orientation: str
    position: float
    kind: str


@dataclass(frozen=True, slots=True)
class SnapTargets:
    xs: tuple[Target, ...] = ()
    ys: tuple[Target, ...] = ()


@dataclass(frozen=True, slots=True)
class SnapResult:
    dx: float = 0.0
    dy: float = 0.0
    lines: tuple[Target, ...] = field(default_factory=tuple)


def _frame_lines(frame: AnyFrame) -> tuple[list[float], list[float]]:
    r = frame.rect
    if isinstance(frame, Rule):
        xs = sorted({r.x, r.right})
        ys = sorted({r.y, r.bottom})
        return xs, ys
    cx, cy = r.center
    return [r.x, cx, r.right], [r.y, cy, r.bottom]


def page_targets(
    page: Page,
    exclude: Iterable[str] = (),
    kinds: frozenset[str] = ALL_KINDS,
) -> SnapTargets:
    """Every snap line of a page, leaving out the frames in `exclude`."""
    skip = set(exclude)
    xs: list[Target] = []
    ys: list[Target] = []
    area = page.content_rect
    if TRIM in kinds:
        xs += [Target("v", 0.0, TRIM), Target("v", page.width, TRIM)]
        ys += [Target("h", 0.0, TRIM), Target("h", page.height, TRIM)]
    if MARGIN in kinds:
        xs += [Target("v", area.x, MARGIN), Target("v", area.right, MARGIN)]
        ys += [Target("h", area.y, MARGIN), Target("h", area.bottom, MARGIN)]
    if COLUMN in kinds:
        for left, right in page.column_edges():
            xs += [Target("v", left, COLUMN), Target("v", right, COLUMN)]
    if BASELINE in kinds and page.baseline.leading > 0:
        y = area.y + page.baseline.offset
        while y <= area.bottom + 1e-6:
            ys.append(Target("h", y, BASELINE))
            y += page.baseline.leading
    if GUIDE in kinds:
        for g in page.guides:
            if g.orientation == "v":
                xs.append(Target("v", g.position, GUIDE))
            else:
                ys.append(Target("h", g.position, GUIDE))
    if CENTRE in kinds:
        xs.append(Target("v", page.width / 2, CENTRE))
        ys.append(Target("h", page.height / 2, CENTRE))
    for f in page.frames:
        if f.id in skip:
            continue
        fx, fy = _frame_lines(f)
        for i, x in enumerate(fx):
            kind = FRAME_CENTRE if len(fx) == 3 and i == 1 else FRAME_EDGE
            if kind in kinds:
                xs.append(Target("v", x, kind))
        for i, y in enumerate(fy):
            kind = FRAME_CENTRE if len(fy) == 3 and i == 1 else FRAME_EDGE
            if kind in kinds:
                ys.append(Target("h", y, kind))
    return SnapTargets(tuple(xs), tuple(ys))


# Grid lines win over frame lines at the same distance (they are what the desk aims for).
_PRIORITY = {GUIDE: 0, COLUMN: 0, MARGIN: 0, TRIM: 1, CENTRE: 1, BASELINE: 2}


def snap_axis(
    candidates: Sequence[float], targets: Sequence[Target], tolerance: float
) -> tuple[float, Target] | None:
    """The offset that brings the nearest candidate onto a target within `tolerance`."""
    best: tuple[float, int, float, Target] | None = None
    for c in candidates:
        for t in targets:
            d = t.position - c
            if abs(d) > tolerance:
                continue
            key = (abs(d), _PRIORITY.get(t.kind, 3))
            if best is None or key < (best[0], best[1]):
                best = (abs(d), key[1], d, t)
    if best is None:
        return None
    return best[2], best[3]


def _lines_at(
    offset_target: tuple[float, Target] | None, targets: Sequence[Target]
) -> list[Target]:
    if offset_target is None:
        return []
    pos = offset_target[1].position
    seen: set[float] = set()
    out: list[Target] = []
    for t in targets:
        if abs(t.position - pos) < 1e-6 and t.position not in seen:
            seen.add(t.position)
            out.append(t)
    return out


def snap_rect(rect: Rect, targets: SnapTargets, tolerance: float) -> SnapResult:
    """Snap a moving rectangle by its edges and centre on both axes."""
    cx, cy = rect.center
    sx = snap_axis((rect.x, cx, rect.right), targets.xs, tolerance)
    sy = snap_axis((rect.y, cy, rect.bottom), targets.ys, tolerance)
    lines = _lines_at(sx, targets.xs) + _lines_at(sy, targets.ys)
    return SnapResult(sx[0] if sx else 0.0, sy[0] if sy else 0.0, tuple(lines))


def snap_values(
    xs: Sequence[float], ys: Sequence[float], targets: SnapTargets, tolerance: float
) -> SnapResult:
    """Snap chosen x and y values (the edges a resize moves, a dragged corner)."""
    sx = snap_axis(xs, targets.xs, tolerance) if xs else None
    sy = snap_axis(ys, targets.ys, tolerance) if ys else None
    lines = _lines_at(sx, targets.xs) + _lines_at(sy, targets.ys)
    return SnapResult(sx[0] if sx else 0.0, sy[0] if sy else 0.0, tuple(lines))


def snap_point(x: float, y: float, targets: SnapTargets, tolerance: float) -> SnapResult:
    """Snap one point (a corner being dragged out)."""
    return snap_values((x,), (y,), targets, tolerance)


COLUMN_GUIDE_TOLERANCE = 0.5  # points


def is_column_guide(page: Page, orientation: str, position: float) -> bool:
    """Whether a ruler guide lies on an edge of the page's column grid (a template's
    column guide): drawn and snapped to, never picked by the pointer."""
    if orientation != "v":
        return False
    return any(
        abs(position - edge) <= COLUMN_GUIDE_TOLERANCE
        for pair in page.column_edges()
        for edge in pair
    )
