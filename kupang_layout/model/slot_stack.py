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
go with the frame when it collapses or hides, and while it is closed they move
only where it moves (the hairline of a collapsed quote lies inside the body's
depth, under a balanced story's foot). Who is whose is decided in the
template's layout (closed slots open, balanced chains at their template depth),
so the day's fit on a page filled again does not hand a rule to another frame.

An import into a fitted page first puts a chain copyfit balanced back at its
template depth, what stood under its foot with it (`take_balance_back`), so its
slots open and close as on the template. In a chain the desk changed by hand a
reopened slot may still push a body frame's top past its foot (it keeps no
height, its foot goes along); the stack remembers the foot, so a frame that
comes back up has it again, and a frame pushed so counts as under no band its
foot was above. Copyfit's re-fit sees to the rest (`editing.copyfit_reset`).

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

from kupang_layout.model.closed_slots import (
    CLOSED,
    COMPANION_REACH,
    EPS,
    as_float,
    closed_record,
    companion_owners,
    gap,
    is_closed,
    is_decoration,
    overlaps_x,
)
from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import SetFrameProperties, SetFrameRect
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.copyfit_records import take_balance_back, template_depth
from kupang_layout.model.frames import AnyFrame, TextFrame
from kupang_layout.model.geometry import Rect

__all__ = [
    "CLOSED",
    "COMPANION_REACH",
    "EPS",
    "Stack",
    "closed_record",
    "collapse_commands",
    "companion_owners",
    "is_closed",
    "property_commands",
    "rect_commands",
]


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
        self.feet: dict[str, float] = {}  # body frame id -> its foot, while pushed past it
        self.extras: dict[str, dict[str, Any]] = {}  # frame id -> records changed here
        self.balance: dict[str, bool] = {}  # frame id -> its `balance` flag, changed here
        # companion id -> its closed frame: it goes where that frame goes, not by its place
        # (a collapsed pull quote's hairline lies inside the body's depth)
        self.owners: dict[str, str] = companion_owners(self.frames)

    def take_balance_back(self) -> None:
        """Balanced chains back at their template depth, what stood under them with them
        (`copyfit_records.take_balance_back`): a page filled anew starts from the
        template's layout, not from the last story's fit."""
        back = take_balance_back(self.frames, self.rects)
        self.rects = back.rects
        for fid, changes in back.extras.items():
            self.extras.setdefault(fid, {}).update(changes)
        self.balance.update(back.balance)

    def companions(self, frame: AnyFrame) -> list[AnyFrame]:
        """Role-less rules and boxes nearest to `frame` (within COMPANION_REACH), found in
        the template's layout: the slots closed earlier open, balanced chains at their
        template depth (`copyfit_records.template_depth`). A deck collapsed by an earlier
        import brings the headline within reach of the pull quote's red rule, a tagline
        balanced up meets the hairline of a quote an import pushed down; both rules are
        still the quote's, as on a page fresh from the template."""
        if is_decoration(frame):
            return []
        closed = [
            f
            for f in self.frames
            if f.id not in self.gone
            and f.id not in self.opened
            and is_closed(f)
            and closed_record(f) is not None
        ]
        depth = template_depth(self.frames, self.rects)
        if not closed and depth == self.rects:
            return self._companions(frame)
        view = Stack(self.frames, self.bottom_margin)
        view.rects = depth
        for f in sorted(closed, key=lambda f: (depth[f.id].y, depth[f.id].x))[::-1]:
            view.reopen(f)
        return view._companions(frame)

    def _companions(self, frame: AnyFrame) -> list[AnyFrame]:
        mine = self.rects[frame.id]
        out: list[AnyFrame] = []
        for d in self.frames:
            if not is_decoration(d) or not d.printable or d.id in self.gone:
                continue
            r = self.rects[d.id]
            if r.x < mine.x - EPS or r.right > mine.right + EPS:
                continue  # a companion lies within the frame's width
            reach = gap(r, mine)
            if reach > COMPANION_REACH:
                continue
            nearest = min(
                (
                    gap(r, self.rects[o.id])
                    for o in self.frames
                    if o.id != d.id
                    and not self._closed(o)
                    and not is_decoration(o)
                    and overlaps_x(r, self.rects[o.id])
                ),
                default=reach,
            )
            if reach <= nearest + 1e-6:
                out.append(d)
        return out

    def _closed(self, frame: AnyFrame) -> bool:
        """Closed here, or closed before and not reopened here: no neighbour of a rule."""
        return frame.id in self.gone or (is_closed(frame) and frame.id not in self.opened)

    def band(self, frame: AnyFrame) -> Rect:
        """The frame with its companions: the space it takes in its stack."""
        rects = [self.rects[frame.id]] + [self.rects[c.id] for c in self.companions(frame)]
        top = min(r.y for r in rects)
        bottom = max(r.bottom for r in rects)
        r = self.rects[frame.id]
        return Rect(r.x, top, r.width, bottom - top)

    def below(self, band: Rect, exclude: set[str]) -> list[AnyFrame]:
        """Frames under `band` in its columns (their top at or below its foot). A body
        frame a reopened slot pushed past its own foot (a short, balanced story: it has
        no height left) is under the band only if its foot was."""
        return [
            f
            for f in self.frames
            if f.id not in exclude
            and overlaps_x(self.rects[f.id], band)
            and self.rects[f.id].y >= band.bottom - EPS
            and self.feet.get(f.id, band.bottom) >= band.bottom - EPS
        ]

    def shift_below(self, band: Rect, delta: float, slot: str, exclude: set[str]) -> None:
        """Move what is below `band` up by `delta` (down when negative); the slot's body
        frames absorb it (top moves, foot stays), what stands below the body stays."""
        under = [f for f in self.below(band, exclude) if f.id not in self.owners]
        before = dict(self.rects)
        self._shift(under, delta, slot)
        for cid, owner in self.owners.items():  # a companion goes where its frame went
            if cid in exclude or owner in exclude or cid not in self.rects:
                continue
            was, now = before[owner], self.rects[owner]
            if now != was:
                self.rects[cid] = self.rects[cid].moved(0.0, now.y - was.y)

    def _shift(self, under: list[AnyFrame], delta: float, slot: str) -> None:
        """Move `under` up by `delta`, the slot's body frames absorbing it (shift_below)."""
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
            if f.id in body_ids:  # its foot stays; pushed past it, the foot goes along
                foot, top = self.feet.pop(f.id, r.bottom), r.y - delta
                if top > foot:
                    self.feet[f.id] = foot  # its own, for when it comes back up
                self.rects[f.id] = Rect(r.x, top, r.width, max(0.0, foot - top))
            elif any(overlaps_x(r, b) and r.y >= b.bottom - EPS for b in body_rects):
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
        under = [
            f for f in self.below(band, skip) if f.id not in self.gone and f.id not in self.owners
        ]
        delta = 0.0
        if under:
            delta = min(self.rects[f.id].y for f in under) - band.y
            self.shift_below(band, delta, frame.slot, skip)
        r = self.rects[frame.id]
        self.rects[frame.id] = replace(r, height=0.0)
        self.gone.update(skip)
        self.owners.update(dict.fromkeys((c.id for c in companions), frame.id))
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
        self.owners.update(dict.fromkeys((c.id for c in companions), frame.id))
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
        height = max(0.0, as_float(rec.get("height"))) if rec["mode"] == "collapse" else 0.0
        if len(companions) < len(named):  # ids renamed (a duplicated page): by their place
            r = self.rects[frame.id]
            companions = self._hidden_near(Rect(r.x, r.y, r.width, height or r.height))
        if rec["mode"] == "collapse":
            r = self.rects[frame.id]
            top = min([r.y] + [self.rects[c].y for c in companions])
            shift = max(0.0, as_float(rec.get("shift")))
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
            if is_decoration(d)
            and not d.printable
            and self.rects[d.id].x >= rect.x - EPS
            and self.rects[d.id].right <= rect.right + EPS
            and gap(self.rects[d.id], rect) <= COMPANION_REACH
        ]

    def changed(self) -> list[tuple[str, Rect]]:
        return [(f.id, self.rects[f.id]) for f in self.frames if self.rects[f.id] != f.rect]


def rect_commands(stack: Stack) -> list[Command]:
    """`SetFrameRect` for every frame whose rectangle the stack changed."""
    return [SetFrameRect(fid, rect) for fid, rect in stack.changed()]


def property_commands(stack: Stack, label: str) -> list[Command]:
    """The printing of what the stack closed and reopened, with the frames' records: a
    closed frame stops printing and keeps its record, its companions stop printing; a
    reopened one prints again without its record, and so do its companions. Records and
    balancing flags the stack changed otherwise (`take_balance_back`) go with them, one
    command a frame."""
    changes: dict[str, dict[str, Any]] = {}
    extras = {fid: dict(stack.by_id[fid].extra) for fid in stack.by_id}
    touched: set[str] = set()

    def put(fid: str, **kw: Any) -> None:
        changes.setdefault(fid, {}).update(kw)

    for fid, rec in stack.closed.items():
        extras[fid][CLOSED] = rec
        touched.add(fid)
        put(fid, printable=False)
        for cid in rec["companions"]:
            if stack.by_id[cid].printable:
                put(cid, printable=False)
    for fid, companions in stack.opened.items():
        if fid in stack.closed:  # reopened to close in another mode: the new record
            continue
        extras[fid].pop(CLOSED, None)
        touched.add(fid)
        put(fid, printable=True)
        for cid in companions:
            if not stack.by_id[cid].printable:
                put(cid, printable=True)
    for fid, records in stack.extras.items():
        extras[fid].update(records)
        touched.add(fid)
    for fid, flag in stack.balance.items():
        put(fid, balance=flag)
    for fid in touched:
        put(fid, extra=extras[fid])
    return [SetFrameProperties(fid, label, **kw) for fid, kw in changes.items()]


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
    slots are given: their stories hold no text. A body chain copyfit balanced goes
    back to its template depth first, with what stood under it (`take_balance_back`):
    the page filled anew starts from the template's layout, not the last story's fit,
    and its fit step balances the new story.
    """
    stack = Stack(frames, bottom_margin)
    stack.take_balance_back()
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
