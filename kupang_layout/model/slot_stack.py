"""Model stage: a slot's frames in their column stack: closing up, growing and shrinking.

A news page is built in stacks: in the columns a frame covers, the frames below
it (headline, deck, body, tagline, credits) follow each other down to the foot.
When a frame is taken out (an empty slot that collapses) or changes height (a
photo grown by copyfit), the frames below it in its columns move by the same
amount. The story's body absorbs the change: a body frame of the same slot
group moves its top only (it grows or shrinks), and what stands below the body
(tagline, credits) stays where it is. Without a body below, everything below
moves and frames that end at the bottom margin grow (or shrink) by the amount.

Rules and boxes without a role that sit closest to a frame are its
*companions* (the red rule over a pull quote and the hairline under it): they
go with the frame when it collapses or hides.

A frame that closes (collapses or hides) keeps a record in its `extra`
(`CLOSED`): how it closed, its height, how far the frames below it moved and
its companions. A frame that has content again (a manuscript imported anew, a
pull quote copyfit gives back) *reopens* from that record: its height back, the
frames below moved down again by as much, its companions printing again.

Everything here computes new rectangles; `rect_commands` turns them into
`SetFrameRect` commands and `property_commands` the printing and records, so
the caller's command is one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import SetFrameProperties, SetFrameRect
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.frames import AnyFrame, Box, Rule, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.units import mm

EPS = 0.5  # points: edges closer than this count as touching
COMPANION_REACH = mm(5.0)  # a rule further than this from a frame is not its companion
CLOSED = "slot_closed"  # frame.extra: how the frame closed (see the module text)

__all__ = [
    "CLOSED",
    "Stack",
    "closed_record",
    "collapse_commands",
    "is_closed",
    "property_commands",
    "rect_commands",
]


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


def _float(value: Any, default: float = 0.0) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok else default


def _overlaps_x(a: Rect, b: Rect) -> bool:
    return min(a.right, b.right) - max(a.x, b.x) > EPS


def _gap(a: Rect, b: Rect) -> float:
    """Vertical distance between two rects (0 when they overlap vertically)."""
    if a.bottom <= b.y:
        return b.y - a.bottom
    if b.bottom <= a.y:
        return a.y - b.bottom
    return 0.0


def _is_decoration(f: AnyFrame) -> bool:
    return isinstance(f, Rule | Box) and f.role is None


class Stack:
    """The frames of one page with working rectangles, changed step by step.

    `rects` starts as the frames' own; `changed()` lists what differs at the end.
    """

    def __init__(self, frames: list[AnyFrame], bottom_margin: float) -> None:
        self.frames = list(frames)
        self.by_id = {f.id: f for f in self.frames}
        self.rects: dict[str, Rect] = {f.id: f.rect for f in self.frames}
        self.bottom_margin = bottom_margin  # y of the type area's foot
        self.gone: set[str] = set()  # collapsed frames and their companions
        self.closed: dict[str, dict[str, Any]] = {}  # frame id -> its record, closed here
        self.opened: dict[str, list[str]] = {}  # frame id -> its companions, reopened here

    def companions(self, frame: AnyFrame) -> list[AnyFrame]:
        """Role-less rules and boxes nearest to `frame` (within COMPANION_REACH)."""
        if _is_decoration(frame):
            return []
        mine = self.rects[frame.id]
        out: list[AnyFrame] = []
        for d in self.frames:
            if not _is_decoration(d) or not d.printable or d.id in self.gone:
                continue
            r = self.rects[d.id]
            if r.x < mine.x - EPS or r.right > mine.right + EPS:
                continue  # a companion lies within the frame's width
            gap = _gap(r, mine)
            if gap > COMPANION_REACH:
                continue
            nearest = min(
                (
                    _gap(r, self.rects[o.id])
                    for o in self.frames
                    if o.id != d.id
                    and o.id not in self.gone
                    and not _is_decoration(o)
                    and _overlaps_x(r, self.rects[o.id])
                ),
                default=gap,
            )
            if gap <= nearest + 1e-6:
                out.append(d)
        return out

    def band(self, frame: AnyFrame) -> Rect:
        """The frame with its companions: the space it takes in its stack."""
        rects = [self.rects[frame.id]] + [self.rects[c.id] for c in self.companions(frame)]
        top = min(r.y for r in rects)
        bottom = max(r.bottom for r in rects)
        r = self.rects[frame.id]
        return Rect(r.x, top, r.width, bottom - top)

    def below(self, band: Rect, exclude: set[str]) -> list[AnyFrame]:
        """Frames under `band` in its columns (their top at or below its foot)."""
        return [
            f
            for f in self.frames
            if f.id not in exclude
            and _overlaps_x(self.rects[f.id], band)
            and self.rects[f.id].y >= band.bottom - EPS
        ]

    def shift_below(self, band: Rect, delta: float, slot: str, exclude: set[str]) -> None:
        """Move what is below `band` up by `delta` (down when negative); the slot's body
        frames absorb it (top moves, foot stays), what stands below the body stays."""
        under = self.below(band, exclude)
        bodies = [
            f for f in under if isinstance(f, TextFrame) and f.role == "body" and f.slot == slot
        ]
        if not bodies:
            for f in under:
                r = self.rects[f.id]
                if abs(r.bottom - self.bottom_margin) <= EPS:
                    self.rects[f.id] = Rect(r.x, r.y - delta, r.width, r.height + delta)
                else:
                    self.rects[f.id] = r.moved(0.0, -delta)
            return
        body_rects = [self.rects[b.id] for b in bodies]
        body_ids = {b.id for b in bodies}
        for f in under:
            r = self.rects[f.id]
            if f.id in body_ids:
                self.rects[f.id] = Rect(r.x, r.y - delta, r.width, max(0.0, r.height + delta))
            elif any(_overlaps_x(r, b) and r.y >= b.bottom - EPS for b in body_rects):
                continue  # tagline, credits: below the body, they stay
            else:
                self.rects[f.id] = r.moved(0.0, -delta)

    def resize(self, frame: AnyFrame, height: float) -> None:
        """Give `frame` a new height; the frames below follow (see shift_below)."""
        r = self.rects[frame.id]
        band = Rect(r.x, r.y, r.width, r.height)
        self.rects[frame.id] = Rect(r.x, r.y, r.width, height)
        self.shift_below(band, r.height - height, frame.slot, {frame.id})

    def collapse(self, frame: AnyFrame, companions: list[AnyFrame] | None = None) -> list[AnyFrame]:
        """Close up the frame's band: what is below moves up by the band's height plus the
        gap under it. The frame keeps its place with no height. Returns the companions
        (`companions` when given: found before earlier moves changed the distances)."""
        if companions is None:
            companions = self.companions(frame)
        rects = [self.rects[frame.id]] + [self.rects[c.id] for c in companions]
        top = min(r.y for r in rects)
        mine = self.rects[frame.id]
        band = Rect(mine.x, top, mine.width, max(r.bottom for r in rects) - top)
        skip = {frame.id} | {c.id for c in companions}
        under = [f for f in self.below(band, skip) if f.id not in self.gone]
        delta = 0.0
        if under:
            delta = min(self.rects[f.id].y for f in under) - band.y
            self.shift_below(band, delta, frame.slot, skip)
        r = self.rects[frame.id]
        self.rects[frame.id] = replace(r, height=0.0)
        self.gone.update(skip)
        self.closed[frame.id] = {
            "mode": "collapse",
            "height": r.height,
            "shift": delta,
            "companions": [c.id for c in companions],
        }
        return companions

    def hide(self, frame: AnyFrame, companions: list[AnyFrame]) -> None:
        """Stop printing the frame and its companions; its space stays."""
        self.gone.update({frame.id} | {c.id for c in companions})
        self.closed[frame.id] = {
            "mode": "hide",
            "height": self.rects[frame.id].height,
            "shift": 0.0,
            "companions": [c.id for c in companions],
        }

    def reopen(self, frame: AnyFrame) -> bool:
        """Open a closed frame from its record: a collapsed one gets its height back and the
        frames below it in its columns move down again by as far as they moved up (the
        body gives the space back, see shift_below). False when it has no record."""
        rec = closed_record(frame)
        if rec is None:
            return False
        raw = rec.get("companions")
        named = raw if isinstance(raw, list) else []
        companions = [c for c in named if c in self.by_id]
        height = max(0.0, _float(rec.get("height"))) if rec["mode"] == "collapse" else 0.0
        if len(companions) < len(named):  # ids renamed (a duplicated page): by their place
            r = self.rects[frame.id]
            companions = self._hidden_near(Rect(r.x, r.y, r.width, height or r.height))
        if rec["mode"] == "collapse":
            r = self.rects[frame.id]
            top = min([r.y] + [self.rects[c].y for c in companions])
            shift = max(0.0, _float(rec.get("shift")))
            self.rects[frame.id] = Rect(r.x, r.y, r.width, height)
            if shift > 0.0:
                band = Rect(r.x, top, r.width, 0.0)
                self.shift_below(band, -shift, frame.slot, {frame.id, *companions})
        self.gone.difference_update({frame.id, *companions})
        self.opened[frame.id] = companions
        return True

    def _hidden_near(self, rect: Rect) -> list[str]:
        """Non-printing role-less rules and boxes within `rect`'s width and within reach
        of it: a closed frame's companions when their recorded ids are gone."""
        return [
            d.id
            for d in self.frames
            if _is_decoration(d)
            and not d.printable
            and self.rects[d.id].x >= rect.x - EPS
            and self.rects[d.id].right <= rect.right + EPS
            and _gap(self.rects[d.id], rect) <= COMPANION_REACH
        ]

    def changed(self) -> list[tuple[str, Rect]]:
        return [(f.id, self.rects[f.id]) for f in self.frames if self.rects[f.id] != f.rect]


def rect_commands(stack: Stack) -> list[Command]:
    """`SetFrameRect` for every frame whose rectangle the stack changed."""
    return [SetFrameRect(fid, rect) for fid, rect in stack.changed()]


def property_commands(stack: Stack, label: str) -> list[Command]:
    """The printing of what the stack closed and reopened, with the frames' records: a
    closed frame stops printing and keeps its record, its companions stop printing; a
    reopened one prints again without its record, and so do its companions."""
    commands: list[Command] = []
    for fid, rec in stack.closed.items():
        frame = stack.by_id[fid]
        extra = {**frame.extra, CLOSED: rec}
        commands.append(SetFrameProperties(fid, label, printable=False, extra=extra))
        for cid in rec["companions"]:
            if stack.by_id[cid].printable:
                commands.append(SetFrameProperties(cid, label, printable=False))
    for fid, companions in stack.opened.items():
        frame = stack.by_id[fid]
        extra = {k: v for k, v in frame.extra.items() if k != CLOSED}
        commands.append(SetFrameProperties(fid, label, printable=True, extra=extra))
        for cid in companions:
            if not stack.by_id[cid].printable:
                commands.append(SetFrameProperties(cid, label, printable=True))
    return commands


def collapse_commands(
    frames: list[AnyFrame],
    bottom_margin: float,
    empty: list[AnyFrame],
    filled: Sequence[AnyFrame] = (),
) -> list[Command]:
    """The commands that apply each empty frame's `empty_slot` mode, top to bottom, after
    reopening the closed frames among `filled` (slots that have content again), bottom
    to top as they closed.

    'collapse' closes the frame's band up (see `Stack.collapse`) and takes the empty
    paragraph out of its story (a frame with no height would show it as overset),
    'hide' leaves the space and stops printing the frame; both stop printing its
    companions too and record how the frame closed. A frame closed already stays as
    it is (closing it again would move the frames below a second time). Only empty
    slots are given: their stories hold no text.
    """
    stack = Stack(frames, bottom_margin)
    closing = [f for f in empty if not is_closed(f)]
    companions = {f.id: stack.companions(f) for f in closing}  # before anything moves
    for frame in sorted(filled, key=lambda f: (f.rect.y, f.rect.x), reverse=True):
        if is_closed(frame):
            stack.reopen(frame)
    for frame in sorted(closing, key=lambda f: (f.rect.y, f.rect.x)):
        if frame.empty_slot == "collapse":
            stack.collapse(frame, companions[frame.id])
        elif frame.empty_slot == "hide":
            stack.hide(frame, companions[frame.id])
    commands = rect_commands(stack) + property_commands(stack, "empty slot")
    for frame in empty:  # no text left to stand over in a frame with no height
        if frame.empty_slot == "collapse" and isinstance(frame, TextFrame) and frame.story_id:
            commands.append(SetStoryParagraphs(frame.story_id, []))
    return commands
