"""Editing stage: copyfit: a story fitted to its page within the template's limits.

`Copyfit(page_id, slot)` is one undoable command with named sub-steps. On its
first `do` it measures the slot group's body with the engine and takes the
template's steps (`model.copyfit_rules`) in the template's order, each only
while the story is still too long or too short:

* ``headline``: the headline frame is cut to the lines the headline sets (one
  of two), so no empty line stands under it; the body gets the space;
* ``pull_quote``: a story too long drops the pull quote block (it closes up as
  an empty slot does; the body's second frame grows into its place);
* ``photo``: the photo's height changes in whole baseline-grid steps, within
  the template's share of its template height, never below the plant's ppi
  (the frames below follow; the body absorbs the change);
* ``balance``: a story too short gets its body chain's frames the shallowest
  common foot that holds it, the last frame balanced, so every column ends
  within one line of the others and none is empty; tagline and credits follow
  the body up, and the space left is at the foot of the page
  (`editing.copyfit_balance`).

Every run first puts back what earlier runs changed (`reset`: the template's
sizes, kept in the frames when first changed; a dropped pull quote reopened), so
a re-fit after an edit or on *Paskan* fits from the template as the first fit
did: a pull quote comes back when the story, fitted in the template's order,
has room for it. A run that ends where the page was takes no step.

Body size, leading and tracking are never changed. What is left is a choice for
the desk, in the user's language (`Copyfit.advice`): "+7 baris: potong 7 baris,
atau perbesar bingkai isi 9 mm", "-12 baris: tambah foto kedua atau iklan kecil
5 kolom x 12 mm". Redo replays the recorded steps; undo restores the page exactly.
"""

from __future__ import annotations

import math

from kupang_layout.editing import messages as _messages  # noqa: F401  (registers the texts)
from kupang_layout.editing.copyfit_balance import BASE_HEIGHT, FitStep, FitterBase
from kupang_layout.editing.copyfit_measure import (
    EPS,
    Fit,
    chain_on_page,
    headline_lines,
    photo_ppi,
)
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.i18n import tr
from kupang_layout.model.command import Command, CompositeCommand
from kupang_layout.model.commands_frames import SetFrameProperties
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame, TextFrame
from kupang_layout.model.slot_stack import property_commands, rect_commands

MM = 25.4 / 72.0

__all__ = ["Copyfit", "FitStep", "copyfit_command", "fit_target", "planned_copyfit"]


class Copyfit(Command):
    """Fit the story of one slot group of one page (see the module text)."""

    def __init__(
        self, page_id: str, slot: str = "main", engine: LayoutEngine | None = None
    ) -> None:
        self.label = "copyfit"
        self.page_id = page_id
        self.slot = slot
        self._engine = engine
        self.steps: list[FitStep] = []
        self._done: list[Command] | None = None
        self.remainder = 0  # lines: + too long, - too short, 0 fits
        self.measured = False  # the slot group has a body on the page (set by `do`)
        self.advice_key = ""
        self.advice_params: dict[str, str | int | float] = {}

    # -- the command ------------------------------------------------------------
    def do(self, edition: Edition) -> None:
        if self._done is not None:  # redo: the same steps again
            for c in self._done:
                c.do(edition)
            return
        self._done = []
        _Fitter(self, edition, self._engine or LayoutEngine()).run()

    def undo(self, edition: Edition) -> None:
        for c in reversed(self._done or []):
            c.undo(edition)

    @property
    def changes(self) -> bool:
        """Whether copyfit changed the page (after its first `do`)."""
        return bool(self.steps)

    def advice(self, lang: str | None = None) -> str:
        """What is left for the desk to decide, or '' when the story fits."""
        return tr(self.advice_key, lang, **self.advice_params) if self.advice_key else ""

    def summary(self, lang: str | None = None) -> list[str]:
        """The steps taken and the advice, one line each."""
        lines = [s.text(lang) for s in self.steps]
        advice = self.advice(lang)
        return lines + ([advice] if advice else [])

    def _keep(self, edition: Edition, step: FitStep, commands: list[Command]) -> None:
        """Record a step (its commands are already done on the edition)."""
        assert self._done is not None
        self._done.append(CompositeCommand(step.name, commands))
        self.steps.append(step)

    def _keep_quiet(self, commands: list[Command]) -> None:
        """Record done commands that are no step of their own (the sizes left)."""
        assert self._done is not None
        if commands:
            self._done.append(CompositeCommand("copyfit", commands))

    def _discard(self, edition: Edition) -> None:
        """Undo and forget the steps taken (they came back to where the page was)."""
        self.undo(edition)
        self._done = []
        self.steps = []


def copyfit_command(page_id: str, slot: str = "main") -> Copyfit:
    """The copyfit command for a slot group (the hook the import jobs take)."""
    return Copyfit(page_id, slot)


class _Fitter(FitterBase):
    """One copyfit run on the live edition: trials are done and undone."""

    def __init__(self, cmd: Copyfit, edition: Edition, engine: LayoutEngine) -> None:
        super().__init__(cmd, edition, engine)
        self.copyfit = cmd  # what is left is reported on it

    # -- the run -------------------------------------------------------------------
    def run(self) -> None:
        if self.story is None or not chain_on_page(self.edition, self.page, self.story):
            return
        self.copyfit.measured = True
        start = self.drawn()
        self.reset()  # a re-fit fits from the template's sizes, as the first fit did
        for name in self.rules.order:
            now = self.fit()
            if name == "balance":
                if now.overset == 0:
                    self.balance(now)
                continue
            getattr(self, name)(now)
        self.report(self.fit())
        if self.drawn() == start:  # fitted already: the page as it was, and no step
            self.copyfit._discard(self.edition)
            return
        marks = self.left_marks()
        for c in marks:
            c.do(self.edition)
        self.copyfit._keep_quiet(marks)

    def headline(self, now: Fit) -> None:
        """The headline frame keeps only the lines the headline sets (one of two): the
        line it does not use would be a hole under it, too long or too short."""
        for frame in self._frames("headline"):
            assert isinstance(frame, TextFrame)
            n, lead = headline_lines(self.engine, self.edition, frame)
            fewest, most = self.rules.headline_lines
            if n == 0 or n >= most or lead <= 0:
                continue
            height = frame.rect.height - (most - max(n, fewest)) * lead
            stack = self._stack()
            stack.resize(frame, height)
            commands = rect_commands(stack)
            if BASE_HEIGHT not in frame.extra:  # the template's height, for `reset`
                extra = {**frame.extra, BASE_HEIGHT: frame.rect.height}
                commands.append(SetFrameProperties(frame.id, "copyfit", extra=extra))
            self._try(commands)
            if headline_lines(self.engine, self.edition, frame)[0] != n:
                self._undo(commands)  # the headline no longer sets as it did
                continue
            step = FitStep("headline", "editing.copyfit.headline", {"lines": n})
            self.cmd._keep(self.edition, step, commands)

    def pull_quote(self, now: Fit) -> None:
        """Too long: the pull quote block closes up like an empty slot; its quote stays in
        its story, so a later fit (`reset`) gives the block back when there is room."""
        if not now.overset or not self.rules.drop_pull_quote:
            return
        for frame in self._frames("pull_quote"):
            stack = self._stack()
            stack.collapse(frame)
            commands = rect_commands(stack) + property_commands(stack, "copyfit")
            self._try(commands)
            self.cmd._keep(
                self.edition, FitStep("pull_quote", "editing.copyfit.pull_quote"), commands
            )
            return

    def photo(self, now: Fit) -> None:
        """The photo's height in grid steps: shorter for a story too long, taller for one
        too short, within the template's limits and the plant's ppi."""
        photos = [f for f in self._frames("photo") if isinstance(f, ImageFrame) and f.asset]
        if not photos:
            return
        frame = photos[0]
        assert isinstance(frame, ImageFrame)
        base = float(frame.extra.get(BASE_HEIGHT, frame.rect.height))
        h0 = frame.rect.height
        lo = math.ceil((base * self.rules.photo_min - h0) / self.lead - 1e-6)
        hi = math.floor((base * self.rules.photo_max - h0) / self.lead + 1e-6)
        if now.overset:
            steps = range(-1, lo - 1, -1)  # shrink until it fits
        elif self._slack(now) > 0:
            steps = range(hi, 0, -1)  # the tallest that still holds the story
        else:
            return
        chosen: list[Command] | None = None
        chosen_k = 0
        for k in steps:
            commands = self._photo_commands(frame, base, h0 + k * self.lead)
            fit = self._try(commands)
            ppi = photo_ppi(self.edition, self.page, frame)
            ok_ppi = ppi is None or ppi >= self.rules.min_ppi - 1e-6
            fits = fit.overset == 0
            self._undo(commands)
            if not ok_ppi:
                continue
            if now.overset:
                chosen, chosen_k = commands, k
                if fits:
                    break
            elif fits:
                chosen, chosen_k = commands, k  # the tallest that holds the story
                break
        if chosen is None or chosen_k == 0:
            return
        for c in chosen:
            c.do(self.edition)
        share = round(100 * (h0 + chosen_k * self.lead) / base)
        ppi = photo_ppi(self.edition, self.page, frame) or 0.0
        step = FitStep(
            "photo",
            "editing.copyfit.photo",
            {"mm": round((h0 + chosen_k * self.lead) * MM), "share": share, "ppi": round(ppi)},
        )
        self.cmd._keep(self.edition, step, chosen)

    def _photo_commands(self, frame: ImageFrame, base: float, height: float) -> list[Command]:
        stack = self._stack()
        stack.resize(frame, height)
        commands = rect_commands(stack)
        if BASE_HEIGHT not in frame.extra:
            extra = {**frame.extra, BASE_HEIGHT: base}
            commands.append(SetFrameProperties(frame.id, "copyfit", extra=extra))
        return commands

    # -- what is left ------------------------------------------------------------------
    def report(self, fit: Fit) -> None:
        assert self.story is not None
        chain = chain_on_page(self.edition, self.page, self.story)
        cols = max(1, sum(f.columns for f in chain))
        if fit.overset:
            deeper = math.ceil(fit.overset / cols) * self.lead
            self.copyfit.remainder = fit.overset
            self.copyfit.advice_key = "editing.copyfit.over"
            self.copyfit.advice_params = {"lines": fit.overset, "mm": math.ceil(deeper * MM)}
            return
        hole = self._hole(chain)
        lines = int(hole // self.lead) * cols
        if lines <= 0:
            return
        self.copyfit.remainder = -lines
        self.copyfit.advice_key = "editing.copyfit.short"
        self.copyfit.advice_params = {"lines": lines, "columns": cols, "mm": round(hole * MM)}

    def _hole(self, chain: list[TextFrame]) -> float:
        """Depth of the free space at the foot of the story's columns."""
        xs = [(f.rect.x, f.rect.right) for f in chain]
        lowest = max(f.rect.bottom for f in chain)
        for f in self.page.frames:
            if not f.printable or f.rect.y < lowest - EPS:
                continue
            if any(min(f.rect.right, b) - max(f.rect.x, a) > EPS for a, b in xs):
                lowest = max(lowest, f.rect.bottom)
        return max(0.0, self.page.height - self.page.margins.bottom - lowest)


def fit_target(edition: Edition, story_id: str | None, page_id: str) -> tuple[str, str] | None:
    """(page id, slot group) that Paskan fits: the story's own page and slot when a story
    is chosen, else the current page's `main` group (the first group with a body)."""
    if story_id is not None:
        chain = edition.chain(story_id)
        for frame in chain:
            for page in edition.pages:
                if any(f is frame for f in page.frames):
                    return page.id, frame.slot
    current = next((p for p in edition.pages if p.id == page_id), None)
    if current is None:
        return None
    slots = [f.slot for f in current.frames if isinstance(f, TextFrame) and f.role == "body"]
    if not slots:
        return None
    return current.id, "main" if "main" in slots else slots[0]


def planned_copyfit(edition: Edition, page_id: str, slot: str) -> Copyfit:
    """Copyfit worked out and put back: its steps and advice are known, the edition is as
    it was, and executing it (History) replays exactly those steps."""
    cmd = Copyfit(page_id, slot)
    cmd.do(edition)
    cmd.undo(edition)
    return cmd
