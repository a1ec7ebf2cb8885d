"""Model stage: a fitted page's template layout: closed slots reopened, copyfit's sizes put back.

A page the desk saves as a template (`template.page_to_template`) carries the
day's fit: slots its manuscript left empty collapsed (no height, the frames
below moved up) or hidden, and copyfit's changes (headline cut to its lines,
pull quote dropped or given air, photo grown or shrunk, the body chain's feet
balanced with tagline and credits following it up). Every one of these keeps
a record in its frame's `extra` (`slot_stack.CLOSED`; copyfit's records, named
in `model.copyfit_records`),
and `template_frames` undoes them from those records, in the reverse of the
order they were made: copyfit's changes first, the way a re-fit puts them back
(`editing.copyfit_reset.FitterCore.reset`), then the closed slots, bottom to
top (a slot closed after copyfit changed its height, by a later import, gets its
template height after it reopens). What comes out is the template's layout,
without any of the records.

A size copyfit changed that the desk changed again by hand goes back to its
base too (a hand fit on a fitted page is the day's fit: the advice asks for
it); the frames below move back by as much as copyfit moved them
(`copyfit_left_*`: the size it left); what stood under a balanced foot is
what copyfit marked there (`copyfit_follows`; by place on a page fitted before
the marks). The last frame of a chain copyfit balanced gets the `balance` flag
it had before (`copyfit_base_balance`; off on a page balanced before that
record, as the house templates have it). A frame collapsed by the first version
(no record) stays as it is: its height is not known.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from kupang_layout.model.copyfit_records import (
    BASE_BALANCE,
    BASE_BOTTOM,
    BASE_HEIGHT,
    COPYFIT_PREFIX,
    FOLLOWS,
    LEFT_BOTTOM,
    LEFT_HEIGHT,
    follow_mark,
    number,
)
from kupang_layout.model.frames import AnyFrame, ImageFrame, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.slot_stack import (
    CLOSED,
    EPS,
    Stack,
    closed_record,
    companion_owners,
    is_closed,
)
from kupang_layout.model.story import Story

_RESIZED_ROLES = ("pull_quote", "photo", "headline")  # in the order a re-fit puts them back
_NOT_FOLLOWING = ("folio", "masthead", "ad")  # never moved with a body's foot

__all__ = [
    "BASE_BALANCE",
    "BASE_BOTTOM",
    "BASE_HEIGHT",
    "FOLLOWS",
    "LEFT_BOTTOM",
    "LEFT_HEIGHT",
    "template_frames",
]


def _left(frame: AnyFrame, key: str, now: float) -> float:
    """The size copyfit last left the frame at (`LEFT_HEIGHT`, `LEFT_BOTTOM`), else `now`.
    A size the desk changed by hand since then moved no other frame."""
    value = frame.extra.get(key)
    return float(value) if number(value) and value > EPS else now


def _record_free(extra: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in extra.items() if k != CLOSED and not k.startswith(COPYFIT_PREFIX)}


def _chains(frames: list[AnyFrame]) -> list[list[TextFrame]]:
    """Body chains copyfit balanced (their frames keep their template feet), each in
    chain order: every frame of the story on the page."""
    balanced: list[str] = []
    for f in frames:
        sid = f.story_id if isinstance(f, TextFrame) else None
        if sid and BASE_BOTTOM in f.extra and sid not in balanced:
            balanced.append(sid)
    return [
        sorted(
            (f for f in frames if isinstance(f, TextFrame) and f.story_id == sid),
            key=lambda f: f.chain_index,
        )
        for sid in balanced
    ]


class _Unfit:
    """The page's frames in a `Stack`, their fit taken back step by step."""

    def __init__(self, frames: list[AnyFrame], bottom: float, stories: dict[str, Story]):
        self.stack = Stack(frames, bottom)
        self.stories = stories
        self.owners = companion_owners(frames)

    def _rect(self, frame: AnyFrame) -> Rect:
        return self.stack.rects[frame.id]

    def chain_depth(self, chain: list[TextFrame]) -> None:
        """The chain's template feet; what stood under the foot copyfit left follows it
        down. A closed frame's companions go where it goes: one under the balanced foot
        may have been inside the body's template depth, where balancing did not move it."""
        foot = max(_left(f, LEFT_BOTTOM, self._rect(f).bottom) for f in chain)
        for f in chain:
            bottom, r = f.extra.get(BASE_BOTTOM), self._rect(f)
            if number(bottom) and abs(bottom - r.bottom) > 1e-6:
                self.stack.rects[f.id] = Rect(r.x, r.y, r.width, max(0.0, bottom - r.y))
        drop = max(self._rect(f).bottom for f in chain) - foot
        if abs(drop) <= EPS:
            return
        xs = [(self._rect(f).x, self._rect(f).right) for f in chain]
        ids = {f.id for f in chain}
        moved = {o.id for o in self.stack.frames if follow_mark(o, chain[0].slot) is not None}
        for o in [] if moved else self.stack.frames:  # marked by copyfit, else by place
            r = self._rect(o)
            if o.id in ids or o.id in self.owners or r.y < foot - EPS:
                continue
            if o.role in _NOT_FOLLOWING or o.slot not in (chain[0].slot, "page"):
                continue
            if any(min(r.right, b) - max(r.x, a) > EPS for a, b in xs):
                moved.add(o.id)
        moved.update(c for c, owner in self.owners.items() if owner in moved)
        for fid in moved:
            self.stack.rects[fid] = self.stack.rects[fid].moved(0.0, drop)

    def dropped_quotes(self) -> None:
        """Pull quotes copyfit dropped (closed, their quote still in their story) reopen."""
        for f in self.stack.frames:
            if not isinstance(f, TextFrame) or f.role != "pull_quote" or not is_closed(f):
                continue
            story = self.stories.get(f.story_id or "")
            if story is not None and story.text.strip():
                self.stack.reopen(f)

    def heights(self) -> None:
        """Pull quotes', photos' and headlines' template heights; the frames below move
        back by as much as copyfit moved them."""
        for role in _RESIZED_ROLES:
            for f in self.stack.frames:
                if f.role != role or not isinstance(f, TextFrame | ImageFrame):
                    continue
                base, r = f.extra.get(BASE_HEIGHT), self._rect(f)
                if not (f.printable or f.id in self.stack.opened) or r.height <= EPS:
                    continue
                if not number(base) or abs(base - r.height) <= 1e-6:
                    continue
                if f.id not in self.stack.opened:  # reopened: at the height it closed at
                    self.stack.rects[f.id] = replace(r, height=_left(f, LEFT_HEIGHT, r.height))
                self.stack.resize(f, float(base))

    def closed_slots(self) -> None:
        """Slots an import closed reopen from their records, bottom to top."""
        closed = [
            f
            for f in self.stack.frames
            if f.id not in self.stack.opened and is_closed(f) and closed_record(f) is not None
        ]
        for f in sorted(closed, key=lambda f: (f.rect.y, f.rect.x), reverse=True):
            self.stack.reopen(f)


def template_frames(
    frames: list[AnyFrame], bottom: float, stories: dict[str, Story]
) -> list[AnyFrame]:
    """Copies of a page's `frames` in the template's layout (see the module text).

    `bottom` is the y of the type area's foot; `stories` tells a pull quote copyfit
    dropped (its quote kept) from one an import closed (its story emptied).
    """
    out = [copy.deepcopy(f) for f in frames]
    unfit = _Unfit(out, bottom, stories)
    for chain in _chains(out):
        unfit.chain_depth(chain)
        base = chain[-1].extra.get(BASE_BALANCE)  # balancing's flag, as the template had it
        chain[-1].balance = base if isinstance(base, bool) else False  # older pages: off
    unfit.dropped_quotes()
    unfit.heights()
    unfit.closed_slots()
    unfit.heights()  # a slot closed after copyfit changed it reopens at the changed height
    stack = unfit.stack
    printing = set(stack.opened) | {c for cs in stack.opened.values() for c in cs}
    for f in out:
        f.rect = stack.rects[f.id]
        if f.id in printing:
            f.printable = True
        f.extra = _record_free(f.extra)
    return out
