"""GUI stage: selection handles, resizing and hit-testing in page points (no Qt)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from kupang_layout.model.frames import AnyFrame, Rule
from kupang_layout.model.geometry import Rect

HANDLES = ("tl", "t", "tr", "r", "br", "b", "bl", "l")
RULE_HANDLES = ("start", "end")
MIN_SIZE = 2.0  # points: a frame never resizes below this


def handle_points(rect: Rect) -> dict[str, tuple[float, float]]:
    """The eight handles of a rectangle."""
    cx, cy = rect.center
    return {
        "tl": (rect.x, rect.y),
        "t": (cx, rect.y),
        "tr": (rect.right, rect.y),
        "r": (rect.right, cy),
        "br": (rect.right, rect.bottom),
        "b": (cx, rect.bottom),
        "bl": (rect.x, rect.bottom),
        "l": (rect.x, cy),
    }


def frame_handles(frame: AnyFrame) -> dict[str, tuple[float, float]]:
    if isinstance(frame, Rule):
        (x1, y1), (x2, y2) = frame.ends
        return {"start": (x1, y1), "end": (x2, y2)}
    return handle_points(frame.rect)


def handle_at(frame: AnyFrame, x: float, y: float, tolerance: float) -> str | None:
    """The handle of `frame` under (x, y), if any."""
    for name, (hx, hy) in frame_handles(frame).items():
        if abs(hx - x) <= tolerance and abs(hy - y) <= tolerance:
            return name
    return None


def moving_edges(handle: str) -> tuple[str | None, str | None]:
    """Which x edge ('l'/'r') and y edge ('t'/'b') a handle moves."""
    ex = "l" if "l" in handle else "r" if "r" in handle else None
    ey = "t" if "t" in handle else "b" if "b" in handle else None
    return ex, ey


def resize_rect(rect: Rect, handle: str, px: float, py: float, keep_ratio: bool = False) -> Rect:
    """The rectangle with the handle's edges moved to the pointer (px, py).

    Dragging past the opposite edge flips the rectangle. With `keep_ratio` the
    proportions of `rect` are kept: a corner follows the larger change, a side
    handle grows the other dimension about the centre.
    """
    x0, y0, x1, y1 = rect.x, rect.y, rect.right, rect.bottom
    ex, ey = moving_edges(handle)
    if ex == "l":
        x0 = px
    elif ex == "r":
        x1 = px
    if ey == "t":
        y0 = py
    elif ey == "b":
        y1 = py
    if keep_ratio and rect.width > 0 and rect.height > 0:
        ratio = rect.width / rect.height
        w, h = abs(x1 - x0), abs(y1 - y0)
        if ex and ey:
            if w / rect.width >= h / rect.height:
                h = w / ratio
            else:
                w = h * ratio
            if ex == "l":
                x0 = x1 - w if px <= x1 else x1 + w
            else:
                x1 = x0 + w if px >= x0 else x0 - w
            if ey == "t":
                y0 = y1 - h if py <= y1 else y1 + h
            else:
                y1 = y0 + h if py >= y0 else y0 - h
        elif ex:
            h = w / ratio
            cy = (y0 + y1) / 2
            y0, y1 = cy - h / 2, cy + h / 2
        elif ey:
            w = h * ratio
            cx = (x0 + x1) / 2
            x0, x1 = cx - w / 2, cx + w / 2
    left, right = sorted((x0, x1))
    top, bottom = sorted((y0, y1))
    return Rect(left, top, max(MIN_SIZE, right - left), max(MIN_SIZE, bottom - top))


def rule_rect(x1: float, y1: float, x2: float, y2: float) -> Rect:
    """A rule's rect from two points, straightened to horizontal or vertical.

    The model keeps a rule as (x, y) -> (right, bottom) with a non-negative
    size, and newspaper rules run along an axis, so the longer axis wins.
    """
    if abs(x2 - x1) >= abs(y2 - y1):
        left, right = sorted((x1, x2))
        return Rect(left, y1, right - left, 0.0)
    top, bottom = sorted((y1, y2))
    return Rect(x1, top, 0.0, bottom - top)


def distance_to_segment(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 <= 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def hits(frame: AnyFrame, x: float, y: float, tolerance: float) -> bool:
    """Whether (x, y) is on the frame (a rule within `tolerance` of its line)."""
    if isinstance(frame, Rule):
        (ax, ay), (bx, by) = frame.ends
        return distance_to_segment(x, y, ax, ay, bx, by) <= max(tolerance, frame.weight / 2)
    r = frame.rect
    return r.x - 1e-9 <= x <= r.right + 1e-9 and r.y - 1e-9 <= y <= r.bottom + 1e-9


def frame_at(frames: Sequence[AnyFrame], x: float, y: float, tolerance: float) -> AnyFrame | None:
    """The topmost frame under (x, y)."""
    for f in reversed(frames):
        if hits(f, x, y, tolerance):
            return f
    return None


def frames_in(frames: Sequence[AnyFrame], area: Rect) -> list[AnyFrame]:
    """Frames touched by a marquee rectangle."""
    out = []
    for f in frames:
        r = f.rect
        if not (r.x > area.right or r.right < area.x or r.y > area.bottom or r.bottom < area.y):
            out.append(f)
    return out


def union(rects: Sequence[Rect]) -> Rect | None:
    if not rects:
        return None
    x0 = min(r.x for r in rects)
    y0 = min(r.y for r in rects)
    x1 = max(r.right for r in rects)
    y1 = max(r.bottom for r in rects)
    return Rect(x0, y0, x1 - x0, y1 - y0)
