"""Model stage: undoable commands on the flat plan, and pages placed at their planned number.

Page numbers belong to the plan: a page made for number 7 is page 7 whatever
was made before it, and nothing renumbers pages except `RenumberPages`, which
the desk asks for explicitly.
"""

from __future__ import annotations

import dataclasses

from kupang_layout.model.command import Command, CommandError
from kupang_layout.model.commands_pages import check_new_frames
from kupang_layout.model.edition import Edition
from kupang_layout.model.page import Page
from kupang_layout.model.plan import AD_SIZES, MAX_PLANNED_PAGES, AdBooking, PlanEntry
from kupang_layout.model.story import Story

__all__ = [
    "BookAd",
    "CancelAd",
    "PlacePage",
    "RenumberPages",
    "SetPageCount",
    "SetPlanEntry",
]


class SetPageCount(Command):
    """Plan `count` pages. Existing pages and entries keep their numbers."""

    def __init__(self, count: int) -> None:
        self.label = "plan pages"
        if not 0 <= count <= MAX_PLANNED_PAGES:
            raise CommandError(f"an edition plans 0 to {MAX_PLANNED_PAGES} pages, not {count}")
        self.count = count
        self._old = 0

    def do(self, edition: Edition) -> None:
        self._old = edition.plan.page_count
        edition.plan.page_count = self.count

    def undo(self, edition: Edition) -> None:
        edition.plan.page_count = self._old


_ENTRY_FIELDS = frozenset(
    f.name for f in dataclasses.fields(PlanEntry) if f.name not in ("number", "extra")
)


class SetPlanEntry(Command):
    """Change what the plan says of one page (section, template, assignee, ready)."""

    def __init__(self, number: int, label: str = "plan page", **changes: object) -> None:
        self.label = label
        unknown = set(changes) - _ENTRY_FIELDS
        if unknown:
            raise CommandError(f"a plan entry has no field {sorted(unknown)[0]!r}")
        if not 1 <= number <= MAX_PLANNED_PAGES:
            raise CommandError(f"page {number} is outside the plan (1 to {MAX_PLANNED_PAGES})")
        self.number = number
        self.changes = changes
        self._old: PlanEntry | None = None

    def do(self, edition: Edition) -> None:
        plan = edition.plan
        self._old = plan.entries.get(self.number)
        plan.entries[self.number] = dataclasses.replace(plan.entry(self.number), **self.changes)  # type: ignore[arg-type]

    def undo(self, edition: Edition) -> None:
        if self._old is None:
            edition.plan.entries.pop(self.number, None)
        else:
            edition.plan.entries[self.number] = self._old


class BookAd(Command):
    """Book an advertisement (or change a booking with the same id)."""

    def __init__(self, booking: AdBooking) -> None:
        self.label = "book ad"
        if booking.size not in AD_SIZES:
            raise CommandError(f"unknown ad size {booking.size!r}")
        if booking.size == "custom" and (booking.columns < 1 or booking.depth <= 0):
            raise CommandError("a custom ad needs at least one column and a depth")
        if not 1 <= booking.page <= MAX_PLANNED_PAGES:
            raise CommandError(f"page {booking.page} is outside the plan")
        self.booking = booking
        self._old: AdBooking | None = None

    def do(self, edition: Edition) -> None:
        self._old = edition.plan.ads.get(self.booking.id)
        edition.plan.ads[self.booking.id] = self.booking

    def undo(self, edition: Edition) -> None:
        if self._old is None:
            del edition.plan.ads[self.booking.id]
        else:
            edition.plan.ads[self.booking.id] = self._old


class CancelAd(Command):
    """Remove an ad booking (its frame on the page, if any, is removed separately)."""

    def __init__(self, ad_id: str) -> None:
        self.label = "cancel ad"
        self.ad_id = ad_id
        self._old: AdBooking | None = None

    def do(self, edition: Edition) -> None:
        if self.ad_id not in edition.plan.ads:
            raise CommandError(f"no ad booking {self.ad_id!r}")
        self._old = edition.plan.ads.pop(self.ad_id)

    def undo(self, edition: Edition) -> None:
        assert self._old is not None
        edition.plan.ads[self.ad_id] = self._old


class PlacePage(Command):
    """Add a page at its own number, in number order, renumbering nothing.

    Refused when a page with that number exists already (two pages with one
    number would send one of them nowhere).
    """

    def __init__(self, page: Page, stories: list[Story] | None = None) -> None:
        self.label = "add page"
        self.page = page
        self.stories = list(stories or [])

    def do(self, edition: Edition) -> None:
        if not 1 <= self.page.number <= MAX_PLANNED_PAGES:
            raise CommandError(
                f"page number {self.page.number} is outside 1 to {MAX_PLANNED_PAGES}"
            )
        if edition.page_by_number(self.page.number) is not None:
            raise CommandError(f"page {self.page.number} exists already")
        if any(p.id == self.page.id for p in edition.pages):
            raise CommandError(f"page {self.page.id!r} exists already")
        check_new_frames(edition, self.page, None)
        for s in self.stories:
            if s.id in edition.stories:
                raise CommandError(f"story {s.id!r} exists already")
        index = sum(1 for p in edition.pages if p.number < self.page.number)
        edition.pages.insert(index, self.page)
        for s in self.stories:
            edition.stories[s.id] = s

    def undo(self, edition: Edition) -> None:
        edition.pages.remove(self.page)
        for s in self.stories:
            del edition.stories[s.id]


class RenumberPages(Command):
    """Number the pages 1, 2, 3 ... in their order, and move the plan's entries, ad
    bookings along with their pages (asked for by the desk, never implicit)."""

    def __init__(self) -> None:
        self.label = "renumber pages"
        self._old_numbers: list[int] = []
        self._old_entries: dict[int, PlanEntry] = {}
        self._old_ads: dict[str, AdBooking] = {}

    def do(self, edition: Edition) -> None:
        plan = edition.plan
        self._old_numbers = [p.number for p in edition.pages]
        self._old_entries = dict(plan.entries)
        self._old_ads = dict(plan.ads)
        moves = {p.number: i + 1 for i, p in enumerate(edition.pages)}
        edition.renumber_pages()
        plan.entries = {
            moves.get(n, n): dataclasses.replace(e, number=moves.get(n, n))
            for n, e in self._old_entries.items()
            if n in moves or n not in moves.values()
        }
        plan.ads = {
            k: dataclasses.replace(a, page=moves.get(a.page, a.page))
            for k, a in self._old_ads.items()
        }

    def undo(self, edition: Edition) -> None:
        for p, n in zip(edition.pages, self._old_numbers, strict=True):
            p.number = n
        edition.plan.entries = self._old_entries
        edition.plan.ads = self._old_ads
