"""Editing stage: copyfit's trials, its balancing, and the way back to the template's sizes.

`FitterBase` is one copyfit run's hold on the live edition (commands tried and
undone, the slot group's frames) with the steps that move the body chain's
feet: ``balance`` (the shallowest common foot that holds the story, the last
frame balanced, what stands under the body following it up) and ``reset``,
which a run takes first: what earlier runs changed goes back to the template's
sizes (kept in the frames when first changed), so a re-fit after an edit fits
from the template as the first fit did. `editing.copyfit` runs the steps in the
template's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TypeGuard

from kupang_layout.editing.copyfit_measure import EPS, Fit, body_story, chain_on_page, measure
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.i18n import tr
from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import SetFrameProperties, SetFrameRect
from kupang_layout.model.copyfit_rules import CopyfitRules, rules_from
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, ImageFrame, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.slot_stack import Stack, is_closed, property_commands, rect_commands

# frame.extra: a photo's, pull quote's or headline's height before copyfit first changed it
BASE_HEIGHT = "copyfit_base_height"
BASE_BOTTOM = "copyfit_base_bottom"  # frame.extra: a body frame's foot before balancing
# frame.extra: the height (foot) copyfit last left the frame at; another one is the desk's
LEFT_HEIGHT = "copyfit_left_height"
LEFT_BOTTOM = "copyfit_left_bottom"

__all__ = [
    "BASE_BOTTOM",
    "BASE_HEIGHT",
    "LEFT_BOTTOM",
    "LEFT_HEIGHT",
    "FitStep",
    "FitterBase",
    "Recorder",
]


@dataclass(frozen=True)
class FitStep:
    """One named sub-step: `name` is the step ('photo', ...), `key` its message."""

    name: str
    key: str
    params: dict[str, str | int | float] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **self.params)


def _number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _changed_since(frame: AnyFrame) -> bool:
    """Whether the desk changed a size copyfit keeps since copyfit last left it."""
    height, bottom = frame.extra.get(LEFT_HEIGHT), frame.extra.get(LEFT_BOTTOM)
    moved = _number(height) and abs(height - frame.rect.height) > 1e-6
    return moved or (_number(bottom) and abs(bottom - frame.rect.bottom) > 1e-6)


class Recorder(Protocol):
    """The copyfit command a run records its steps on."""

    page_id: str
    slot: str

    def _keep(self, edition: Edition, step: FitStep, commands: list[Command]) -> None: ...


class FitterBase:
    """One copyfit run on the live edition: trials are done and undone."""

    def __init__(self, cmd: Recorder, edition: Edition, engine: LayoutEngine) -> None:
        self.cmd = cmd
        self.edition = edition
        self.engine = engine
        self.page: Page = edition.page_by_id(cmd.page_id)
        self.rules: CopyfitRules = rules_from(self.page.extra.get("copyfit"))
        self.story = body_story(self.page, cmd.slot)
        self.lead = self.page.baseline.leading or 11.0

    # -- helpers -------------------------------------------------------------------
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

    # -- balancing ------------------------------------------------------------------
    def _slack(self, fit: Fit) -> int:
        """Lines the chain could still hold below its columns' ends."""
        assert self.story is not None
        chain = chain_on_page(self.edition, self.page, self.story)
        free = 0
        ends = list(fit.ends)
        cols = sum(f.columns for f in chain)
        bottom = max(f.rect.bottom - f.inset for f in chain)
        free += fit.empty_columns * int(bottom // self.lead)
        for end in ends:
            free += int((bottom - end) // self.lead)
        return free if cols else 0

    def balance(self, now: Fit) -> None:
        """The shallowest common foot for the chain's frames, the last frame balanced;
        tagline and credits follow the body up."""
        assert self.story is not None
        chain = chain_on_page(self.edition, self.page, self.story)
        foot = max(f.rect.bottom for f in chain)
        plan = self._balance_plan(now)
        if plan is None:
            return
        cmds = plan[1]
        drawn = self.drawn()
        quote = next(iter(self._frames("pull_quote")), None)
        quote_height = quote.rect.height if quote is not None else 0.0
        # the template's depths, so a later run starts from them (`reset`)
        records: list[Command] = [
            SetFrameProperties(f.id, "copyfit", extra={**f.extra, BASE_BOTTOM: f.rect.bottom})
            for f in chain
            if BASE_BOTTOM not in f.extra
        ]
        for c in cmds:
            c.do(self.edition)
        if (
            quote is not None
            and BASE_HEIGHT not in quote.extra
            and abs(quote.rect.height - quote_height) > 1e-6
        ):
            extra = {**quote.extra, BASE_HEIGHT: quote_height}
            records.append(SetFrameProperties(quote.id, "copyfit", extra=extra))
        rise = foot - max(f.rect.bottom for f in chain)
        moves: list[Command] = []
        if rise > EPS:
            moves = self._follow_up(chain, foot, rise)
        for c in moves + records:
            c.do(self.edition)
        if self.drawn() == drawn:  # balanced already: no step
            self._undo(cmds + moves + records)
            return
        columns = sum(f.columns for f in chain)
        step = FitStep("balance", "editing.copyfit.balance", {"columns": columns})
        self.cmd._keep(self.edition, step, cmds + moves + records)

    def reset(self) -> None:
        """Back to the template's sizes, before the steps: the body chain's depth (what
        stands under it follows it down), a dropped pull quote reopened (its quote still
        in its story), the pull quote's air, the photo's and the headline's heights. A
        size the desk changed since copyfit left it is the desk's and stays."""
        assert self.story is not None
        desk = {f.id for f in self.page.frames if _changed_since(f)}  # before anything moves
        chain = chain_on_page(self.edition, self.page, self.story)
        foot = max(f.rect.bottom for f in chain)
        done: list[Command] = []
        for f in chain:
            bottom = f.extra.get(BASE_BOTTOM)
            if f.id in desk or not _number(bottom) or abs(bottom - f.rect.bottom) <= 1e-6:
                continue
            rect = Rect(f.rect.x, f.rect.y, f.rect.width, max(0.0, bottom - f.rect.y))
            done += self._run([SetFrameRect(f.id, rect)])
        drop = max(f.rect.bottom for f in chain) - foot
        if abs(drop) > EPS:
            done += self._run(self._follow_up(chain, foot, -drop))
        for quote in self.dropped_quotes():
            stack = self._stack()
            if stack.reopen(quote):
                done += self._run(rect_commands(stack) + property_commands(stack, "copyfit"))
        for role in ("pull_quote", "photo", "headline"):
            for frame in self._frames(role):
                base = frame.extra.get(BASE_HEIGHT)
                if frame.id in desk or not _number(base):
                    continue
                if abs(base - frame.rect.height) > 1e-6:
                    stack = self._stack()
                    stack.resize(frame, float(base))
                    done += self._run(rect_commands(stack))
        if done:
            self.cmd._keep(self.edition, FitStep("reset", "editing.copyfit.reset"), done)

    def left_marks(self) -> list[Command]:
        """Record, in each frame copyfit keeps a template size for, the size the run
        leaves it at, so the next run can tell the desk's own changes (not done)."""
        out: list[Command] = []
        for f in self.page.frames:
            extra = dict(f.extra)
            if BASE_HEIGHT in extra:
                extra[LEFT_HEIGHT] = f.rect.height
            if BASE_BOTTOM in extra:
                extra[LEFT_BOTTOM] = f.rect.bottom
            if extra != f.extra:
                out.append(SetFrameProperties(f.id, "copyfit", extra=extra))
        return out

    def dropped_quotes(self) -> list[TextFrame]:
        """Closed pull quote frames of the slot group whose story still holds a quote."""
        out: list[TextFrame] = []
        for f in self.page.frames:
            if not (isinstance(f, TextFrame) and f.slot == self.cmd.slot):
                continue
            if f.role != "pull_quote" or not is_closed(f) or f.story_id is None:
                continue
            story = self.edition.stories.get(f.story_id)
            if story is not None and story.text.strip():
                out.append(f)
        return out

    def drawn(self) -> list[tuple[object, ...]]:
        """What copyfit may change on the page as drawn: places, printing, balance flags."""
        return [(f.id, f.rect, f.printable, getattr(f, "balance", None)) for f in self.page.frames]

    def _run(self, commands: list[Command]) -> list[Command]:
        for c in commands:
            c.do(self.edition)
        return commands

    def _balance_plan(self, now: Fit) -> tuple[int, list[Command]] | None:
        """(spread, commands) of the evenest chain that holds the story, not done.

        The chain's foot first; when keeps leave the columns more than a line apart, the
        pull quote block is given a few grid lines more or less air (the body's second
        frame starts lower or higher), the least change that evens the columns."""
        plan = self._foot_plan(now)
        if plan is None or plan[0] <= 1:
            return None if plan is None else (plan[0], plan[2])
        best = ((plan[0], 0, plan[1]), plan[2])
        quotes = [f for f in self._frames("pull_quote") if isinstance(f, TextFrame)]
        for quote in quotes[:1]:
            for dt in (1, -1, 2, -2, 3):
                height = quote.rect.height + dt * self.lead
                if height <= 0:
                    continue
                stack = self._stack()
                stack.resize(quote, height)
                air = rect_commands(stack)
                fit = self._try(air)
                sid = quote.story_id
                fits = sid is None or not self.engine.layout_story(self.edition, sid).overset
                trial = self._foot_plan(fit) if fits else None
                self._undo(air)
                if trial is None:
                    continue
                score = (trial[0], abs(dt), trial[1])
                if score < best[0]:
                    best = (score, air + trial[2])
        return best[0][0], best[1]

    def _foot_plan(self, now: Fit) -> tuple[int, float, list[Command]] | None:
        """(spread, foot, commands) of the evenest chain foot that holds the story, not
        done; None when the chain is even already or nothing holds it."""
        assert self.story is not None
        chain = chain_on_page(self.edition, self.page, self.story)
        foot = max(f.rect.bottom for f in chain)
        even = now.spread <= 1 and now.empty_columns == 0
        level = all(abs(f.rect.bottom - foot) < EPS for f in chain)
        if even and level and self._slack(now) < sum(f.columns for f in chain):
            return None
        last = chain[-1]
        deepest_top = max(f.rect.y for f in chain)
        kmax = max(0, int((foot - deepest_top) // self.lead) - 2)

        def commands_for(k: int, first_up: int = 0, last_up: int = 0) -> list[Command]:
            out: list[Command] = []
            for f in chain:
                up = k + (last_up if f is last else first_up)
                bottom = foot - up * self.lead
                out.append(SetFrameRect(f.id, Rect(f.rect.x, f.rect.y, f.rect.width,
                                                   max(0.0, bottom - f.rect.y))))  # fmt: skip
            if not last.balance:
                out.append(SetFrameProperties(last.id, "copyfit", balance=True))
            return out

        def trial(cmds: list[Command]) -> tuple[Fit, float]:
            fit = self._try(cmds)
            lowest = max(f.rect.bottom for f in chain)
            self._undo(cmds)
            return fit, lowest

        lo, hi = 0, kmax  # the largest k that holds the story
        if trial(commands_for(0))[0].overset:
            return None
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if trial(commands_for(mid))[0].overset == 0:
                lo = mid
            else:
                hi = mid - 1
        best: tuple[tuple[int, float], list[Command]] | None = None
        for first_up in range(-2, 3):
            for last_up in range(-2, 3):
                if lo + min(first_up, last_up) < 0:
                    continue
                cmds = commands_for(lo, first_up, last_up)
                fit, lowest = trial(cmds)
                if fit.overset or fit.empty_columns:
                    continue
                score = (fit.spread, lowest)  # the evenest, then the shallowest
                if best is None or score < best[0]:
                    best = (score, cmds)
        return None if best is None else (best[0][0], best[0][1], best[1])

    def _follow_up(self, chain: list[TextFrame], foot: float, rise: float) -> list[Command]:
        """Frames of the slot standing under the body (tagline, credits and their rules)
        move up by `rise`."""
        xs = [(f.rect.x, f.rect.right) for f in chain]
        ids = {f.id for f in chain}
        out: list[Command] = []
        for f in self.page.frames:
            if f.id in ids or f.rect.y < foot - EPS:
                continue
            if f.slot not in (self.cmd.slot, "page") or f.role in ("folio", "masthead", "ad"):
                continue
            if not any(min(f.rect.right, b) - max(f.rect.x, a) > EPS for a, b in xs):
                continue
            out.append(SetFrameRect(f.id, f.rect.moved(0.0, -rise)))
        return out
