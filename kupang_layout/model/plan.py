"""Model stage: the flat plan (rencana halaman): planned pages, sections, ads, page states.

A newspaper plans its edition before the pages exist: how many pages, which
section (rubrik) on which page, which template, which advertisements are booked
where, who makes the page. Pages are then made in any order. The plan holds
what people decide (section, template, assignee, ready, ad bookings) and the
delivery log; a page's state is derived from those facts and the page itself
(`page_state`), never stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

__all__ = [
    "AD_SIZES",
    "MAX_PLANNED_PAGES",
    "AdBooking",
    "Delivery",
    "FlatPlan",
    "PageState",
    "PlanEntry",
    "page_state",
]

#: The largest edition a plan may hold (a daily's special editions stay far below).
MAX_PLANNED_PAGES = 200

#: Booked ad sizes: a custom size in columns x depth, or a share of the type area.
AD_SIZES = ("custom", "full", "half", "quarter")


class PageState(Enum):
    """Where a planned page stands. The values are the stored and traced keys."""

    EMPTY = "empty"  # kosong: nothing on the page yet
    IN_PROGRESS = "in_progress"  # dikerjakan: someone works on it (assignee or lock)
    READY = "ready"  # siap: marked ready for the plant
    SENT = "sent"  # terkirim: delivered, unchanged since
    CHANGED = "changed"  # diubah setelah dikirim: delivered, changed since


@dataclass(frozen=True)
class AdBooking:
    """An advertisement booked on a page.

    `size` is one of AD_SIZES; a custom booking is `columns` grid columns wide and
    `depth` points deep. `asset` is the ad file (a PDF or a picture) by SHA-256
    once the advertising department has delivered it. An ad sits in the bottom
    right of the type area unless the page's ad frame is moved.
    """

    id: str
    advertiser: str
    page: int
    size: str = "custom"
    columns: int = 1
    depth: float = 0.0
    asset: str | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)


@dataclass(frozen=True)
class PlanEntry:
    """What the plan says of one page number."""

    number: int
    section: str = ""
    template: str | None = None
    assignee: str = ""
    ready: bool = False
    ready_by: str = ""
    ready_at: str = ""  # ISO 8601 time, local with offset
    extra: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)


@dataclass(frozen=True)
class Delivery:
    """One page delivered to the printing plant.

    `content` fingerprints what was sent (the page's display list, its assets and
    the export preset), so a later change to the page is seen; `sha256` is the
    PDF file's own checksum as the plant received it.
    """

    page: int
    file: str
    sha256: str
    content: str
    time: str
    by: str


@dataclass
class FlatPlan:
    """The edition's plan. `page_count` 0 means the edition has no plan yet."""

    page_count: int = 0
    entries: dict[int, PlanEntry] = field(default_factory=dict)
    ads: dict[str, AdBooking] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def entry(self, number: int) -> PlanEntry:
        """The plan's entry for a page number (an empty one if nothing was decided)."""
        return self.entries.get(number) or PlanEntry(number)

    def numbers(self) -> list[int]:
        """Every planned page number, plus any entry beyond the count, in order."""
        return sorted(set(range(1, self.page_count + 1)) | set(self.entries))

    def ads_on(self, number: int) -> list[AdBooking]:
        return sorted(
            (a for a in self.ads.values() if a.page == number), key=lambda a: (a.advertiser, a.id)
        )

    def last_delivery(self, number: int) -> Delivery | None:
        for d in reversed(self.deliveries):
            if d.page == number:
                return d
        return None


def page_state(
    plan: FlatPlan, number: int, *, has_content: bool, content: str | None, worked_by: str = ""
) -> tuple[PageState, str]:
    """The page's state and the person or time that goes with it.

    `has_content`: the page exists and holds anything beyond its template's empty
    slots; `content`: its current delivery fingerprint (None when not computed);
    `worked_by`: who has it open now (the lock's holder), if anyone.
    """
    sent = plan.last_delivery(number)
    if sent is not None:
        if content is not None and content != sent.content:
            return PageState.CHANGED, sent.time
        return PageState.SENT, sent.time
    entry = plan.entry(number)
    if entry.ready:
        return PageState.READY, entry.ready_by
    if worked_by:
        return PageState.IN_PROGRESS, worked_by
    if has_content or entry.assignee:
        return PageState.IN_PROGRESS, entry.assignee
    return PageState.EMPTY, ""
