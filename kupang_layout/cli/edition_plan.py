"""Command-line stage: `kupang-layout edition plan`: the flat plan's pages and ad bookings changed.

Plan changes go through `storage.edition_folder.update_plan` (the short plan lock,
read, change, atomic write), so two desks changing the plan at once both land.
An ad file (`--file`) is placed on its page's file under that page's checkout
lock, the way a desk opening the page would (refused naming the holder when
another desk has it); the page must be made already.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kupang_layout.cli.edition_prefs import desk_name
from kupang_layout.cli.template_source import TemplateNotFound, find_template
from kupang_layout.editing.ads import cancel_ad, place_ad, take_ad_file
from kupang_layout.i18n import tr
from kupang_layout.model.command import CommandError
from kupang_layout.model.commands_plan import BookAd
from kupang_layout.model.edition import Edition
from kupang_layout.model.plan import MAX_PLANNED_PAGES, AdBooking
from kupang_layout.model.units import mm
from kupang_layout.storage import TemplateLibrary, checkout
from kupang_layout.storage.checkout import PageLockedError
from kupang_layout.storage.edition_folder import (
    SharedEdition,
    file_of_page,
    load_page_file,
    read_shared_edition,
    save_page_file,
    update_plan,
)

__all__ = ["PlanUsageError", "change_plan"]


class PlanUsageError(Exception):
    """A message for the user; the command exits 2."""


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _booking(args: argparse.Namespace, shared: SharedEdition) -> AdBooking:
    if args.page is None or not args.advertiser:
        raise PlanUsageError(tr("cli.edition.ad_needs"))
    custom = args.columns is not None or args.depth_mm is not None
    if custom == bool(args.size) or (custom and (args.columns is None or args.depth_mm is None)):
        raise PlanUsageError(tr("cli.edition.ad_size_needs"))
    old = shared.plan.ads.get(args.book_ad)
    booking = AdBooking(
        id=args.book_ad,
        advertiser=args.advertiser,
        page=args.page,
        size=args.size or "custom",
        columns=args.columns or 1,
        depth=mm(args.depth_mm) if args.depth_mm is not None else 0.0,
        asset=old.asset if old is not None and old.page == args.page else None,
    )
    try:
        BookAd(booking)  # its checks: size, columns and depth, page
    except CommandError as exc:
        raise PlanUsageError(str(exc)) from exc
    return booking


def _entry_changes(args: argparse.Namespace, user: str) -> dict[str, object]:
    changes: dict[str, object] = {}
    if args.section is not None:
        changes["section"] = args.section
    if args.template is not None:
        try:
            found = find_template(args.template, TemplateLibrary())
        except TemplateNotFound:
            raise PlanUsageError(tr("cli.template_not_found", name=args.template)) from None
        changes["template"] = found.template.name
    if args.assign is not None:
        changes["assignee"] = args.assign
    if args.ready is True:
        changes.update(ready=True, ready_by=user, ready_at=_now())
    elif args.ready is False:
        changes.update(ready=False, ready_by="", ready_at="")
    return changes


def _on_page_file(
    shared: SharedEdition,
    number: int,
    user: str,
    take_over: bool,
    work: Callable[[Edition], None],
) -> None:
    """Run `work(edition)` on page `number`'s file under its checkout lock and save it."""
    key = file_of_page(shared, number)
    if key is None:
        raise PlanUsageError(tr("cli.edition.page_not_made", page=number))
    holder = checkout.me(user)
    try:
        checkout.acquire(shared.folder, key, holder)
    except PageLockedError as exc:
        if not (take_over and exc.stale):
            raise
        checkout.take_over(shared.folder, key, holder, exc.holder)
    try:
        edition = load_page_file(shared, key)
        work(edition)
        save_page_file(shared, key, edition)
    finally:
        checkout.release(shared.folder, key, holder)


def change_plan(args: argparse.Namespace) -> list[str]:
    """Apply `edition plan`'s options; returns the lines to print. Raises PlanUsageError,
    PageLockedError (the page file is checked out by another desk), storage errors."""
    user = desk_name(args.user)
    shared = read_shared_edition(args.edition)
    said: list[str] = []
    if args.page is not None and not 1 <= args.page <= MAX_PLANNED_PAGES:
        raise PlanUsageError(tr("cli.bad_page", value=args.page))
    if args.pages is not None and not 0 <= args.pages <= MAX_PLANNED_PAGES:
        raise PlanUsageError(tr("cli.edition.bad_pages", value=args.pages))
    changes = _entry_changes(args, user)
    if changes and args.page is None:
        raise PlanUsageError(tr("cli.edition.page_needed"))
    booking = _booking(args, shared) if args.book_ad else None
    if args.ad_file and booking is None:
        raise PlanUsageError(tr("cli.edition.file_needs_ad"))
    if not (changes or booking or args.pages is not None or args.cancel_ad):
        raise PlanUsageError(tr("cli.edition.nothing_to_do"))
    if args.cancel_ad and args.cancel_ad not in shared.plan.ads:
        raise PlanUsageError(tr("cli.edition.no_such_ad", ad=args.cancel_ad))
    data = b""
    if args.ad_file:
        try:
            data = Path(args.ad_file).read_bytes()
        except OSError as exc:
            raise PlanUsageError(
                tr("cli.file_not_found", path=args.ad_file)
                if isinstance(exc, FileNotFoundError)
                else str(exc)
            ) from exc
        if booking is not None and file_of_page(shared, booking.page) is None:
            raise PlanUsageError(tr("cli.edition.page_not_made", page=booking.page))
    if args.cancel_ad:
        cancelled = shared.plan.ads[args.cancel_ad]
        key = file_of_page(shared, cancelled.page)
        if key is not None and _has_frame(shared, key, args.cancel_ad):

            def remove(edition: Edition) -> None:
                cancel_ad(edition, args.cancel_ad).do(edition)

            _on_page_file(shared, cancelled.page, user, args.take_over, remove)

    def change(s: SharedEdition) -> None:
        plan = s.plan
        if args.pages is not None:
            plan.page_count = args.pages
        if changes:
            assert args.page is not None
            plan.entries[args.page] = dataclasses.replace(plan.entry(args.page), **changes)  # type: ignore[arg-type]
            if args.page > plan.page_count:
                plan.page_count = args.page
        if booking is not None:
            plan.ads[booking.id] = booking
        if args.cancel_ad:
            plan.ads.pop(args.cancel_ad, None)

    shared = update_plan(shared.folder, change, user=user)
    if args.pages is not None:
        said.append(tr("cli.edition.pages_set", pages=args.pages))
    if changes:
        said.append(tr("cli.edition.page_planned", page=args.page))
    if booking is not None:
        said.append(tr("cli.edition.ad_booked", ad=booking.id, advertiser=booking.advertiser,
                       page=booking.page))  # fmt: skip
    if args.cancel_ad:
        said.append(tr("cli.edition.ad_cancelled", ad=args.cancel_ad))
    if booking is not None and args.ad_file:
        said.append(_place_file(shared, booking.id, data, args.ad_file, user, args.take_over))
    return said


def _has_frame(shared: SharedEdition, key: str, ad_id: str) -> bool:
    from kupang_layout.editing.ads import ad_frame_of

    return ad_frame_of(load_page_file(shared, key), ad_id) is not None


def _place_file(
    shared: SharedEdition, ad_id: str, data: bytes, name: str, user: str, take_over: bool
) -> str:
    """Place the ad file into its booked frame on the page file; the booking records it."""
    booking = shared.plan.ads[ad_id]
    placed: list[str] = []

    def place(edition: Edition) -> None:
        asset = take_ad_file(edition, data, Path(name).name)
        place_ad(edition, ad_id, asset).do(edition)
        placed.append(asset.sha256)

    _on_page_file(shared, booking.page, user, take_over, place)

    def record(s: SharedEdition) -> None:
        if ad_id in s.plan.ads:
            s.plan.ads[ad_id] = dataclasses.replace(s.plan.ads[ad_id], asset=placed[0])

    update_plan(shared.folder, record, user=user)
    return tr("cli.edition.ad_placed", ad=ad_id, file=name, page=booking.page)
