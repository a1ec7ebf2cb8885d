"""Editing stage: copyfit's hold on the page, and the way back to the template's sizes.

`FitterCore` is one copyfit run's hold on the live edition (commands tried and
undone, the slot group's frames) with ``reset``, the step every run takes
first: what earlier runs changed goes back to the template's sizes (kept in the
frames when first changed, `model.copyfit_records`), so a re-fit after an edit
or an import fits from the template as the first fit did. The foot a re-fit
starts from is the one copyfit left (its record), and what stood under it then
(marked at the end of each run) goes down with it: slots an import reopened in
between may have pushed a body frame past its foot or moved the pull quote's
rules under it. `editing.copyfit_balance` adds the balancing steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from kupang_layout.editing.copyfit_measure import EPS, Fit, body_story, chain_on_page, measure
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.i18n import tr
from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import SetFrameProperties, SetFrameRect
from kupang_layout.model.copyfit_records import (
    BASE_BALANCE,
    BASE_BOTTOM,
    BASE_HEIGHT,
    FOLLOWS,
    LEFT_BOTTOM,
    LEFT_HEIGHT,
    follow_mark,
    number,
)
from kupang_layout.model.copyfit_rules import CopyfitRules, rules_from
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, ImageFrame, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.slot_stack import (
    CLOSED,
    Stack,
    closed_record,
    companion_owners,
    is_closed,
    property_commands,
    rect_commands,
)

__all__ = ["FitStep", "FitterCore", "Recorder"]


@dataclass(frozen=True)
class FitStep:
    """One named sub-step: `name` is the step ('photo', ...), `key` its message."""

    name: str
    key: str
    params: dict[str, str | int | float] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **self.params)


def _pushed(frame: AnyFrame) -> bool:
    """Whether a slot reopened above the body frame pushed its top past the foot copyfit
    left it at (it has no height, its foot moved with its top): not the desk's change."""
    bottom = frame.extra.get(LEFT_BOTTOM)
    return number(bottom) and frame.rect.height <= 1e-6 and frame.rect.y >= bottom - 1e-6


def _changed_since(frame: AnyFrame) -> bool:
    """Whether the desk changed a size copyfit keeps since copyfit last left it. A frame
    copyfit left closed (no height) that has its height again was reopened by an import,
    one an import closed since counts at the height it closed at, and a body frame pushed
    past its foot by a reopened slot was not changed either."""
    height, bottom = frame.extra.get(LEFT_HEIGHT), frame.extra.get(LEFT_BOTTOM)
    now = frame.rect.height
    rec = closed_record(frame)
    if rec is not None and is_closed(frame) and number(rec.get("height")):
        now = rec["height"]  # closed by an import since: the height it closed at
    moved = number(height) and height > 1e-6 and abs(height - now) > 1e-6
    if _pushed(frame):
        return moved
    return moved or (number(bottom) and abs(bottom - frame.rect.bottom) > 1e-6)


def _foot_left(frame: AnyFrame, desk: set[str]) -> float:
    """The foot copyfit left a body frame at (its record), or its foot when it has no
    record or the desk changed it (a foot the desk set moved nothing under it)."""
    bottom = frame.extra.get(LEFT_BOTTOM)
    return float(bottom) if number(bottom) and frame.id not in desk else frame.rect.bottom


class Recorder(Protocol):
    """The copyfit command a run records its steps on."""

    page_id: str
    slot: str

    def _keep(self, edition: Edition, step: FitStep, commands: list[Command]) -> None: ...


class FitterCore:
    """One copyfit run on the live edition: trials are done and undone."""

    def __init__(self, cmd: Recorder, edition: Edition, engine: LayoutEngine) -> None:
        self.cmd = cmd
        self.edition = edition
        self.engine = engine
        self.page: Page = edition.page_by_id(cmd.page_id)
        self.rules: CopyfitRules = rules_from(self.page.extra.get("copyfit"))
        self.story = body_story(self.page, cmd.slot)
        self.lead = self.page.baseline.leading or 11.0

    def fit(self) -> Fit:
        assert self.story is not None
        return measure(self.engine, self.edition, self.page, self.story)

    def _try(self, commands: list[Command]) -> Fit:
        for c in commands:
            c.do(self.edition)
        return self.fit()

    def _undo(self, commands: list[Command]) -> None:
        for c in reversed(commands):
            c.undo(self.edition)

    def _run(self, commands: list[Command]) -> list[Command]:
        for c in commands:
            c.do(self.edition)
        return commands

    def _stack(self) -> Stack:
        return Stack(self.page.frames, self.page.height - self.page.margins.bottom)

    def _frames(self, role: str) -> list[TextFrame | ImageFrame]:
        return [
            f
            for f in self.page.frames
            if f.slot == self.cmd.slot
            and f.role == role
            and f.printable
            and f.rect.height > EPS
            and isinstance(f, TextFrame | ImageFrame)
        ]

    def drawn(self) -> list[tuple[object, ...]]:
        """What copyfit may change on the page as drawn: places, printing, balance flags."""
        return [(f.id, f.rect, f.printable, getattr(f, "balance", None)) for f in self.page.frames]

    def dropped_quotes(self) -> list[tuple[TextFrame, str]]:
        """Closed pull quote frames of the slot group that copyfit's fit from the template
        opens or closes otherwise, each with how: 'open' when its story still holds a
        quote (copyfit dropped it) or its template keeps an empty slot, 'hide' when the
        story is empty and the template hides the empty slot (copyfit had closed it up)."""
        out: list[tuple[TextFrame, str]] = []
        for f in self.page.frames:
            if not (isinstance(f, TextFrame) and f.slot == self.cmd.slot):
                continue
            rec = closed_record(f)
            if f.role != "pull_quote" or not is_closed(f) or f.story_id is None or not rec:
                continue
            story = self.edition.stories.get(f.story_id)
            if story is None:
                continue
            empty = not story.text.strip()
            want = f.empty_slot if empty and f.empty_slot in ("collapse", "hide") else "open"
            if want != rec["mode"]:
                out.append((f, want))
        return out

    def _followers(self, chain: list[TextFrame], foot: float) -> list[AnyFrame]:
        """Frames of the slot standing under the body's `foot` in its columns (tagline,
        credits and their rules). A closed frame's companions go where it goes: the
        hairline of a collapsed pull quote lies inside the body's depth, under a short
        story's foot, and stays with its quote."""
        xs = [(f.rect.x, f.rect.right) for f in chain]
        ids = {f.id for f in chain}
        owners = companion_owners(self.page.frames)
        out: set[str] = set()
        for f in self.page.frames:
            if f.id in ids or f.id in owners or f.rect.y < foot - EPS:
                continue
            if f.slot not in (self.cmd.slot, "page") or f.role in ("folio", "masthead", "ad"):
                continue
            if not any(min(f.rect.right, b) - max(f.rect.x, a) > EPS for a, b in xs):
                continue
            out.add(f.id)
        out.update(c for c, owner in owners.items() if owner in out)
        return [f for f in self.page.frames if f.id in out]

    def reset(self) -> None:
        """Back to the template's sizes, before the steps: the body chain's depth and its
        last frame's balancing (what stood under the foot copyfit left follows it down), a
        dropped pull quote reopened (its quote still in its story), the pull quote's air,
        the photo's and the headline's heights. A size the desk changed since copyfit
        left it is the desk's and stays."""
        assert self.story is not None
        desk = {f.id for f in self.page.frames if _changed_since(f)}  # before anything moves
        chain = chain_on_page(self.edition, self.page, self.story)
        # the foot copyfit left (a slot an import reopened since may have pushed a frame
        # past it) and what stood under it then, both before anything moves
        foot = max(_foot_left(f, desk) for f in chain)
        marked = self._marked()
        done: list[Command] = []
        for f in chain:
            bottom = f.extra.get(BASE_BOTTOM)
            if f.id in desk or not number(bottom) or abs(bottom - f.rect.bottom) <= 1e-6:
                continue
            rect = Rect(f.rect.x, f.rect.y, f.rect.width, max(0.0, bottom - f.rect.y))
            done += self._run([SetFrameRect(f.id, rect)])
        drop = max(f.rect.bottom for f in chain) - foot
        if marked:  # where copyfit left them under its foot, as far under the new one
            left = max(_foot_left(f, set()) for f in chain)
            lowest = max(f.rect.bottom for f in chain)
            moves = [(f, y + lowest - left - f.rect.y) for f, y in marked]
        else:  # a page fitted before the marks: what stands under the foot now
            moves = [(f, drop) for f in self._followers(chain, foot)] if abs(drop) > EPS else []
        done += self._run(
            [SetFrameRect(f.id, f.rect.moved(0.0, dy)) for f, dy in moves if abs(dy) > 1e-6]
        )
        for f in chain:
            base = f.extra.get(BASE_BALANCE)
            if isinstance(base, bool) and f.balance != base:
                done += self._run([SetFrameProperties(f.id, "copyfit", balance=base)])
        done += self._closed_heights(desk)
        for quote, want in self.dropped_quotes():
            stack = self._stack()
            if stack.reopen(quote):
                if want == "hide":
                    stack.hide(quote, [stack.by_id[c] for c in stack.opened[quote.id]])
                done += self._run(rect_commands(stack) + property_commands(stack, "copyfit"))
        for role in ("pull_quote", "photo", "headline"):
            for frame in self._frames(role):
                base = frame.extra.get(BASE_HEIGHT)
                if frame.id in desk or not number(base):
                    continue
                if abs(base - frame.rect.height) > 1e-6:
                    stack = self._stack()
                    stack.resize(frame, float(base))
                    done += self._run(rect_commands(stack))
        if done:
            self.cmd._keep(self.edition, FitStep("reset", "editing.copyfit.reset"), done)

    def _closed_heights(self, desk: set[str]) -> list[Command]:
        """A frame an import closed after copyfit changed its height (a pull quote given
        air) closes at its template height, as on a page fresh from the template: its
        record's height (and shift: collapsed, the frames below stay where they are;
        hidden, its space changes and the body absorbs it) and its companions under it
        (the hairline) go with it. Done; returns the commands."""
        done: list[Command] = []
        for f in self.page.frames:
            rec, base = closed_record(f), f.extra.get(BASE_HEIGHT)
            if f.slot != self.cmd.slot or f.id in desk or not number(base):
                continue
            if rec is None or not is_closed(f):
                continue
            height, shift = rec.get("height"), rec.get("shift")
            if not (number(height) and number(shift)) or abs(base - height) <= 1e-6:
                continue
            grow = base - height
            named = rec.get("companions")
            under = [
                c
                for c in self.page.frames
                if isinstance(named, list) and c.id in named and c.rect.y > f.rect.y + EPS
            ]
            stack = self._stack()
            if rec["mode"] == "hide":
                stack.resize(f, float(base))
            else:
                shift += grow
            for c in under:
                stack.rects[c.id] = stack.rects[c.id].moved(0.0, grow)
            new = {**rec, "height": float(base), "shift": shift}
            record = SetFrameProperties(f.id, "copyfit", extra={**f.extra, CLOSED: new})
            done += self._run([*rect_commands(stack), record])
        return done

    def left_marks(self) -> list[Command]:
        """Record, in each frame copyfit keeps a template size for, the size the run
        leaves it at, so the next run can tell the desk's own changes (not done); and
        mark what stands under a balanced body's foot (`FOLLOWS`), which the next run
        moves with the foot, whatever an import reopened or moved in between."""
        assert self.story is not None
        chain = chain_on_page(self.edition, self.page, self.story)
        follow: set[str] = set()
        if any(BASE_BOTTOM in f.extra for f in chain):
            follow = {f.id for f in self._followers(chain, max(f.rect.bottom for f in chain))}
        out: list[Command] = []
        for f in self.page.frames:
            extra = dict(f.extra)
            if BASE_HEIGHT in extra:
                extra[LEFT_HEIGHT] = f.rect.height
            if BASE_BOTTOM in extra:
                extra[LEFT_BOTTOM] = f.rect.bottom
            if f.id in follow:
                extra[FOLLOWS] = {"slot": self.cmd.slot, "y": f.rect.y}
            elif follow_mark(f, self.cmd.slot) is not None:
                del extra[FOLLOWS]
            if extra != f.extra:
                out.append(SetFrameProperties(f.id, "copyfit", extra=extra))
        return out

    def _marked(self) -> list[tuple[AnyFrame, float]]:
        """What copyfit left standing under the foot, each with the top it stood at."""
        out: list[tuple[AnyFrame, float]] = []
        for f in self.page.frames:
            y = follow_mark(f, self.cmd.slot)
            if y is not None:
                out.append((f, y))
        return out
