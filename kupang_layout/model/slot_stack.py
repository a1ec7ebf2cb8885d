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

Everything here computes new rectangles; `rect_commands` turns them into
`SetFrameRect` commands, so the caller's command is one undo step.
"""

from __future__ import annotations

from dataclasses import replace

from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import SetFrameProperties, SetFrameRect
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.frames import AnyFrame, Box, Rule, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.units import mm

EPS = 0.5  # points: edges closer than this count as touching
COMPANION_REACH = mm(5.0)  # a rule further than this from a frame is not its companion

__all__ = [
    "Stack",
    "collapse_commands",
    "rect_commands",
]


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
        if under:
            delta = min(self.rects[f.id].y for f in under) - band.y
            self.shift_below(band, delta, frame.slot, skip)
        r = self.rects[frame.id]
        self.rects[frame.id] = replace(r, height=0.0)
        self.gone.update(skip)
        return companions

    def changed(self) -> list[tuple[str, Rect]]:
        return [(f.id, self.rects[f.id]) for f in self.frames if self.rects[f.id] != f.rect]


def rect_commands(stack: Stack) -> list[Command]:
    """`SetFrameRect` for every frame whose rectangle the stack changed."""
    return [SetFrameRect(fid, rect) for fid, rect in stack.changed()]


def collapse_commands(
    frames: list[AnyFrame], bottom_margin: float, empty: list[AnyFrame]
) -> list[Command]:
    """The commands that apply each empty frame's `empty_slot` mode, top to bottom.

    'collapse' closes the frame's band up (see `Stack.collapse`) and takes the empty
    paragraph out of its story (a frame with no height would show it as overset),
    'hide' leaves the space and stops printing the frame; both stop printing its
    companions too. Only empty slots are given: their stories hold no text.
    """
    stack = Stack(frames, bottom_margin)
    companions = {f.id: stack.companions(f) for f in empty}  # before anything moves
    hidden: list[str] = []
    for frame in sorted(empty, key=lambda f: (f.rect.y, f.rect.x)):
        if frame.empty_slot == "collapse":
            hidden.extend(c.id for c in stack.collapse(frame, companions[frame.id]))
            hidden.append(frame.id)
        elif frame.empty_slot == "hide":
            hidden.extend(c.id for c in companions[frame.id])
            hidden.append(frame.id)
    commands = rect_commands(stack)
    for fid in dict.fromkeys(hidden):
        if stack.by_id[fid].printable:
            commands.append(SetFrameProperties(fid, "empty slot", printable=False))
    for frame in empty:  # no empty line left to stand over in a frame with no height
        if frame.empty_slot == "collapse" and isinstance(frame, TextFrame) and frame.story_id:
            commands.append(SetStoryParagraphs(frame.story_id, []))
    return commands
