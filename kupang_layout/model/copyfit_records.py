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

`take_balance_back` puts balanced chains back at their template depth, with
what stood under them: an import into a fitted page starts from there
(`model.slot_stack.collapse_commands`), and finds a closing frame's companions
in that layout, as on a page fresh from the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeGuard

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
    "Unbalanced",
    "follow_mark",
    "number",
    "take_balance_back",
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


@dataclass
class Unbalanced:
    """Balanced chains taken back to their template depth: the frames' new rectangles,
    the records that change with them (frame id -> key -> value) and the last frames'
    `balance` flags as they were before balancing."""

    rects: dict[str, Rect]
    extras: dict[str, dict[str, Any]] = field(default_factory=dict)
    balance: dict[str, bool] = field(default_factory=dict)


def take_balance_back(frames: list[AnyFrame], rects: dict[str, Rect]) -> Unbalanced:
    """Each body chain copyfit balanced and left as it was (every frame at the foot copyfit
    left it, `LEFT_BOTTOM`) at its template feet (`BASE_BOTTOM`), what copyfit left under
    its foot (`FOLLOWS`) moved down by as far as the foot went, its last frame's
    `balance` as before (`BASE_BALANCE`). The records follow: the foot left is the
    template's, the marks give the new tops, so a re-fit or a saved template starts
    from here. A chain the desk changed since is left alone (copyfit's re-fit sees to
    it). Nothing is changed in `frames`."""
    out = Unbalanced(dict(rects))
    chains: dict[str, list[TextFrame]] = {}
    for f in frames:
        if isinstance(f, TextFrame) and f.story_id and number(f.extra.get(BASE_BOTTOM)):
            chains.setdefault(f.story_id, []).append(f)
    for chain in chains.values():
        left = [f.extra.get(LEFT_BOTTOM) for f in chain]
        if not all(
            number(v) and abs(v - rects[f.id].bottom) <= 1e-6
            for f, v in zip(chain, left, strict=True)
        ):
            continue
        foot = max(rects[f.id].bottom for f in chain)
        for f in chain:
            r, base = rects[f.id], float(f.extra[BASE_BOTTOM])
            out.rects[f.id] = Rect(r.x, r.y, r.width, max(0.0, base - r.y))
            out.extras.setdefault(f.id, {})[LEFT_BOTTOM] = out.rects[f.id].bottom
            flag = f.extra.get(BASE_BALANCE)
            if isinstance(flag, bool) and getattr(f, "balance", flag) != flag:
                out.balance[f.id] = flag
        drop = max(out.rects[f.id].bottom for f in chain) - foot
        if abs(drop) <= 1e-6:
            continue
        slot = chain[0].slot
        for o in frames:
            y = follow_mark(o, slot)
            if y is not None:
                r = out.rects[o.id]
                out.rects[o.id] = Rect(r.x, y + drop, r.width, r.height)
                out.extras.setdefault(o.id, {})[FOLLOWS] = {"slot": slot, "y": y + drop}
    return out


def template_depth(frames: list[AnyFrame], rects: dict[str, Rect]) -> dict[str, Rect]:
    """`rects` with the balanced chains at their template depth (`take_balance_back`)."""
    return take_balance_back(frames, rects).rects
