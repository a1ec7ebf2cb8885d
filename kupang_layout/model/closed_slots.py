"""Model stage: a closed slot's record, and the rules and boxes that closed with it.

A frame that closes (an empty slot that collapses or hides, a pull quote copyfit
drops) keeps a record in its `extra` (`CLOSED`): how it closed, its height, how
far the frames below it moved and its *companions*, the role-less rules and
boxes that stopped printing with it (`model.slot_stack` finds and moves them).
While the frame is closed they go where it goes (`companion_owners`).
"""

from __future__ import annotations

from typing import Any

from kupang_layout.model.frames import AnyFrame, Box, Rule
from kupang_layout.model.geometry import Rect
from kupang_layout.model.units import mm

__all__ = [
    "CLOSED",
    "COMPANION_REACH",
    "EPS",
    "as_float",
    "closed_record",
    "companion_owners",
    "gap",
    "is_closed",
    "is_decoration",
    "overlaps_x",
]

EPS = 0.5  # points: edges closer than this count as touching
COMPANION_REACH = mm(5.0)  # a rule further than this from a frame is not its companion
CLOSED = "slot_closed"  # frame.extra: how the frame closed (see the module text)


def closed_record(frame: AnyFrame) -> dict[str, Any] | None:
    """The record of a closed frame (None when it has none or the record is unusable)."""
    rec = frame.extra.get(CLOSED)
    if not isinstance(rec, dict) or rec.get("mode") not in ("collapse", "hide"):
        return None
    return rec


def is_closed(frame: AnyFrame) -> bool:
    """Whether the frame is closed: not printing, and collapsed (no height) or recorded.
    A collapsed frame of an older file (no record) counts too, so it never closes twice."""
    if frame.printable:
        return False
    return closed_record(frame) is not None or (
        frame.empty_slot == "collapse" and frame.rect.height <= EPS
    )


def companion_owners(frames: list[AnyFrame]) -> dict[str, str]:
    """Companion id -> the id of the closed frame it closed with (a companion goes where
    its frame goes). By the record's ids; when some are gone (a duplicated page's new
    ids), by place: non-printing rules and boxes without a role within the frame's width
    and within reach of its band."""
    out: dict[str, str] = {}
    ids = {f.id for f in frames}
    for f in frames:
        rec = closed_record(f)
        if rec is None or not is_closed(f):
            continue
        named = rec.get("companions")
        named = named if isinstance(named, list) else []
        found = [c for c in named if c in ids]
        if len(found) < len(named):
            band = Rect(f.rect.x, f.rect.y, f.rect.width, as_float(rec.get("height")))
            found = [
                d.id
                for d in frames
                if is_decoration(d)
                and not d.printable
                and d.rect.x >= band.x - EPS
                and d.rect.right <= band.right + EPS
                and gap(d.rect, band) <= COMPANION_REACH
            ]
        out.update(dict.fromkeys(found, f.id))
    return out


def as_float(value: Any, default: float = 0.0) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok else default


def overlaps_x(a: Rect, b: Rect) -> bool:
    return min(a.right, b.right) - max(a.x, b.x) > EPS


def gap(a: Rect, b: Rect) -> float:
    """Vertical distance between two rects (0 when they overlap vertically)."""
    if a.bottom <= b.y:
        return b.y - a.bottom
    if b.bottom <= a.y:
        return a.y - b.bottom
    return 0.0


def is_decoration(f: AnyFrame) -> bool:
    return isinstance(f, Rule | Box) and f.role is None
