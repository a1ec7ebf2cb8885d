"""Editing stage: copyfit's balancing of a short story's body chain.

`FitterBase` adds to copyfit's hold on the page (`editing.copyfit_reset`:
trials, the way back to the template's sizes) the step that moves the body
chain's feet: ``balance``, the shallowest common foot that holds the story, the
last frame balanced, what stands under the body following it up; when keeps
leave the columns apart, the pull quote block gets a little more or less air.
`editing.copyfit` runs the steps in the template's order.
"""

from __future__ import annotations

from kupang_layout.editing.copyfit_measure import EPS, Fit, chain_on_page
from kupang_layout.editing.copyfit_reset import FitStep, FitterCore, Recorder
from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import SetFrameProperties, SetFrameRect
from kupang_layout.model.copyfit_records import (
    BASE_BALANCE,
    BASE_BOTTOM,
    BASE_HEIGHT,
    FOLLOWS,
    LEFT_BOTTOM,
    LEFT_HEIGHT,
)
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.slot_stack import rect_commands

__all__ = [
    "BASE_BALANCE",
    "BASE_BOTTOM",
    "BASE_HEIGHT",
    "FOLLOWS",
    "LEFT_BOTTOM",
    "LEFT_HEIGHT",
    "FitStep",
    "FitterBase",
    "Recorder",
]


class FitterBase(FitterCore):
    """One copyfit run on the live edition, with the balancing step."""

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
        records: list[Command] = []
        for f in chain:  # the last frame's balancing too, before the plan turns it on
            if BASE_BOTTOM not in f.extra:
                extra = {**f.extra, BASE_BOTTOM: f.rect.bottom}
                if f is chain[-1] and BASE_BALANCE not in extra:
                    extra[BASE_BALANCE] = f.balance
                records.append(SetFrameProperties(f.id, "copyfit", extra=extra))
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
        """What stands under the body's `foot` moves up by `rise` (see `_followers`)."""
        under = self._followers(chain, foot)
        return [SetFrameRect(f.id, f.rect.moved(0.0, -rise)) for f in under]
