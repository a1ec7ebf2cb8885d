"""Model stage: the records copyfit keeps in a frame's `extra`, and the template depth they give.

Copyfit (`editing.copyfit`) keeps in each frame it changes what the template had
and what it left, so a re-fit, a template saved from the page and an import into
it can each take the day's fit back:

* `BASE_HEIGHT`: a headline's, photo's or pull quote's height before copyfit first
  changed it; `LEFT_HEIGHT` the height it last left it at;
* `BASE_BOTTOM`: a body frame's foot before balancing; `LEFT_BOTTOM` the foot it
  last left it at; `BASE_BALANCE` the last body frame's `balance` before;
* `FOLLOWS`: ``{"slot": group, "y": top}`` on what copyfit left standing under a
  balanced body's foot (tagline, credits and their rules), with the top it left
  it at.

`template_depth` puts balanced chains back at their template depth, with what
stood under them: `model.slot_stack` finds a closing frame's companions in that
layout, as on a page fresh from the template.
"""

from __future__ import annotations

from typing import TypeGuard

from kupang_layout.model.frames import AnyFrame, TextFrame
from kupang_layout.model.geometry import Rect

BASE_HEIGHT = "copyfit_base_height"
BASE_BOTTOM = "copyfit_base_bottom"
LEFT_HEIGHT = "copyfit_left_height"
LEFT_BOTTOM = "copyfit_left_bottom"
BASE_BALANCE = "copyfit_base_balance"
FOLLOWS = "copyfit_follows"
COPYFIT_PREFIX = "copyfit_"  # every copyfit record in a frame starts so

__all__ = [
    "BASE_BALANCE",
    "BASE_BOTTOM",
    "BASE_HEIGHT",
    "COPYFIT_PREFIX",
    "FOLLOWS",
    "LEFT_BOTTOM",
    "LEFT_HEIGHT",
    "follow_mark",
    "number",
    "template_depth",
]


def number(value: object) -> TypeGuard[float]:
    """A record's number (not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def follow_mark(frame: AnyFrame, slot: str) -> float | None:
    """The top copyfit left the frame at under the `slot` group's body foot, or None."""
    mark = frame.extra.get(FOLLOWS)
    if not isinstance(mark, dict) or mark.get("slot") != slot:
        return None
    y = mark.get("y")
    return float(y) if number(y) else None


def _left_bottom(frame: AnyFrame, now: Rect) -> float:
    value = frame.extra.get(LEFT_BOTTOM)
    return float(value) if number(value) else now.bottom


def template_depth(frames: list[AnyFrame], rects: dict[str, Rect]) -> dict[str, Rect]:
    """`rects` with each balanced body chain at its template feet (`BASE_BOTTOM`) and what
    copyfit left under its foot (`FOLLOWS`) moved down with it, by as far as the foot
    went from where copyfit left it (`LEFT_BOTTOM`)."""
    out = dict(rects)
    chains: dict[str, list[TextFrame]] = {}
    for f in frames:
        if isinstance(f, TextFrame) and f.story_id and number(f.extra.get(BASE_BOTTOM)):
            chains.setdefault(f.story_id, []).append(f)
    for chain in chains.values():
        foot = max(_left_bottom(f, out[f.id]) for f in chain)
        for f in chain:
            r, base = out[f.id], float(f.extra[BASE_BOTTOM])
            out[f.id] = Rect(r.x, r.y, r.width, max(0.0, base - r.y))
        drop = max(out[f.id].bottom for f in chain) - foot
        for o in frames:
            y = follow_mark(o, chain[0].slot)
            if y is not None:
                out[o.id] = Rect(out[o.id].x, y + drop, out[o.id].width, out[o.id].height)
    return out
