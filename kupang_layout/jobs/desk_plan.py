"""Jobs stage: the flat plan as the desk sees it: one row per planned page, spreads, holders.

Qt-free, shared by the app's flat plan panel (and usable by the command line's
status table): a row carries what the plan says of a page (section, template,
assignee, ads), whether the page exists, who holds its file's lock, and its
state (`model.plan.page_state`). A single `.kpl` edition and a shared edition
folder give the same rows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame
from kupang_layout.model.plan import AdBooking, FlatPlan, PageState, page_state
from kupang_layout.storage import checkout
from kupang_layout.storage.checkout import Holder
from kupang_layout.storage.edition_folder import SharedEdition, page_files

__all__ = [
    "LockInfo",
    "PlanRow",
    "holder_text",
    "rows_for_edition",
    "rows_for_shared",
    "since_text",
    "spreads",
]


@dataclass(frozen=True)
class LockInfo:
    """Who has a page file checked out, and whether that lock may be taken over."""

    key: str
    holder: Holder
    stale: bool


@dataclass(frozen=True)
class PlanRow:
    """One planned page as the flat plan shows it."""

    number: int
    section: str
    template: str
    assignee: str
    ads: tuple[AdBooking, ...]
    exists: bool
    state: PageState
    detail: str  # the name (in progress, ready) or the ISO time (sent, changed)
    file_key: str = ""  # the shared folder's page file holding it ('' for a .kpl)
    lock: LockInfo | None = None
    page_id: str = ""  # the page's id in a single .kpl


def spreads(numbers: list[int]) -> list[tuple[int | None, int | None]]:
    """Pages as a newspaper lays them out: page 1 alone on the right, then 2-3, 4-5, ...;
    the last page alone on the left when the count is even. (left, right) pairs."""
    out: list[tuple[int | None, int | None]] = []
    ordered = sorted(set(numbers))
    if not ordered:
        return out
    by_spread: dict[int, list[int]] = {}
    for n in ordered:
        by_spread.setdefault(n // 2, []).append(n)
    for s in sorted(by_spread):
        pair = by_spread[s]
        left = next((n for n in pair if n % 2 == 0), None)
        right = next((n for n in pair if n % 2 == 1), None)
        out.append((left, right))
    return out


def since_text(iso: str) -> str:
    """'14.02' (the desk's clock notation) for an ISO time; the text itself if unreadable."""
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if t.tzinfo is not None:
        t = t.astimezone()
    return t.strftime("%H.%M")


def holder_text(holder: Holder) -> tuple[str, str, str]:
    """(person, computer, since) for a message such as 'dikerjakan oleh Rina (PC-LAYOUT-2)
    sejak 14.02'."""
    return holder.user, holder.host, since_text(holder.since)


def _has_content(frames: list[object]) -> bool:
    """Anything on the page beyond an empty ad frame."""
    for f in frames:
        if isinstance(f, ImageFrame) and f.role == "ad" and f.asset is None:
            continue
        return True
    return False


def _row(
    plan: FlatPlan,
    number: int,
    *,
    exists: bool,
    has_content: bool,
    worked_by: str,
    content: str | None = None,
    file_key: str = "",
    lock: LockInfo | None = None,
    page_id: str = "",
) -> PlanRow:
    entry = plan.entry(number)
    state, detail = page_state(
        plan, number, has_content=has_content, content=content, worked_by=worked_by
    )
    return PlanRow(
        number=number,
        section=entry.section,
        template=entry.template or "",
        assignee=entry.assignee,
        ads=tuple(plan.ads_on(number)),
        exists=exists,
        state=state,
        detail=detail,
        file_key=file_key,
        lock=lock,
        page_id=page_id,
    )


def rows_for_edition(edition: Edition) -> list[PlanRow]:
    """The plan of a single-file edition: every planned number and every page made."""
    plan = edition.plan
    numbers = sorted(set(plan.numbers()) | {p.number for p in edition.pages if p.number > 0})
    rows: list[PlanRow] = []
    for n in numbers:
        page = edition.page_by_number(n)
        rows.append(
            _row(
                plan,
                n,
                exists=page is not None,
                has_content=page is not None and _has_content(list(page.frames)),
                worked_by="",
                page_id=page.id if page is not None else "",
            )
        )
    return rows


def rows_for_shared(shared: SharedEdition) -> list[PlanRow]:
    """The plan of a shared edition folder, with each page file's lock holder.

    Whether a page holds anything is judged by its file's existence (reading every
    page file for the plan would be slow on a share)."""
    plan = shared.plan
    files = page_files(shared)
    number_key = {n: key for key, numbers in files.items() for n in numbers}
    numbers = sorted(set(plan.numbers()) | set(number_key))
    locks: dict[str, LockInfo | None] = {}
    now = checkout.folder_now(shared.folder)
    rows: list[PlanRow] = []
    for n in numbers:
        key = number_key.get(n, "")
        lock_key = key or _single_key(n)
        if lock_key not in locks:
            locks[lock_key] = _lock_info(shared, lock_key, now)
        lock = locks[lock_key]
        worked_by = "" if lock is None or lock.stale else lock.holder.user
        rows.append(
            _row(
                plan,
                n,
                exists=bool(key),
                has_content=bool(key),
                worked_by=worked_by,
                content=_changed_since_sent(shared, key, n),
                file_key=key or _single_key(n),
                lock=lock,
            )
        )
    return rows


def _changed_since_sent(shared: SharedEdition, key: str, number: int) -> str | None:
    """A stand-in content fingerprint: '' (differs from any sent one) when the page file was
    written after the page's last delivery, None (unknown: counts as unchanged) otherwise.

    The delivery's own fingerprint of the page (jobs' delivery) is the exact test; this
    cheap one keeps the plan from reading every page file on a share."""
    sent = shared.plan.last_delivery(number)
    if sent is None or not key:
        return None
    try:
        sent_at = datetime.fromisoformat(sent.time).timestamp()
        written = os.stat(shared.page_file(key)).st_mtime
    except (ValueError, OSError):
        return None
    return "" if written > sent_at + 1.0 else None


def _single_key(number: int) -> str:
    return f"page-{number:02d}"


def _lock_info(shared: SharedEdition, key: str, now: float) -> LockInfo | None:
    path = checkout.lock_path(shared.folder, key)
    if not os.path.exists(path):
        return None
    holder = checkout.read_holder(path)
    if holder is None:
        return None
    return LockInfo(key, holder, checkout.is_stale(path, holder, now))
