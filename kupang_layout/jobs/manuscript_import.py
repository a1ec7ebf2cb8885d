"""Jobs stage: importing a manuscript with its photo, as the CLI and the app both do it.

The manuscript stage fills a template's slots (`manuscript.apply`); taking the
photo file in is storage's work (`storage.ingest.add_asset`: checked whole, its
bytes made available to the edition). This job does both in that order, so the
manuscript stage needs no storage and the layers stay one-way.

A manuscript lands where its header says: ``Halaman 2`` is page 2 of the edition,
whatever pages exist (placed at its number, nothing renumbered, the plan extended
to hold it). `import_to_shared` does the same in a shared edition folder: the page
file ``pages/page-02.kpl`` is checked out (refused naming the holder when another
desk has it), made or filled, saved with the revision check, and the plan updated.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kupang_layout.errors import KupangError
from kupang_layout.manuscript import apply as _apply
from kupang_layout.manuscript.apply import ManuscriptApplication
from kupang_layout.manuscript.model import Manuscript
from kupang_layout.model.ads import ad_frame, booking_of
from kupang_layout.model.assets import Asset
from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import AddFrame
from kupang_layout.model.edition import Edition
from kupang_layout.model.ids import new_id
from kupang_layout.model.page import Page
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage import checkout
from kupang_layout.storage.checkout import PageLockedError
from kupang_layout.storage.edition_folder import (
    SharedEdition,
    file_of_page,
    keep_aside,
    load_page_file,
    page_key,
    read_shared_edition,
    save_page_file,
    update_plan,
)
from kupang_layout.storage.errors import ConcurrentChangeError
from kupang_layout.storage.ingest import add_asset

FitHook = Callable[[str, str], Command]
"""Makes the copyfit command for (page id, slot group): `editing.copyfit.copyfit_command`,
passed in by the CLI and the app (jobs may not import editing). Its command runs last in
the import's one command, so the page comes out fitted in one undo step."""

__all__ = [
    "FitHook",
    "PageConflictError",
    "SharedImport",
    "Target",
    "apply_manuscript",
    "apply_to_page",
    "apply_to_target",
    "choose_target",
    "import_to_shared",
]


@dataclass(frozen=True)
class Target:
    """Where a manuscript goes: page `number`, new or `replace`d, or its slot group filled
    on `fill_page` (the second story of a two-story page, a teaser)."""

    number: int
    replace: bool
    fill_page: Page | None


def choose_target(edition: Edition, number: int, slot: str, slot_given: bool) -> Target:
    """Page `number` of the edition: filled in its `slot` group when the slot was asked for
    and the page has it, else replaced when it exists, else made at that number."""
    page = edition.page_by_number(number)
    if page is None:
        return Target(number, False, None)
    if slot_given and any(f.slot == slot for f in page.frames):
        return Target(number, False, page)
    return Target(number, True, None)


def _photo_asset(edition: Edition, photo: bytes | None, photo_name: str) -> Asset | None:
    """The photo's Asset, its bytes made available (raises ImageFileError when bad)."""
    if photo is None:
        return None
    return add_asset(edition, photo, photo_name)


def apply_manuscript(
    edition: Edition,
    template: PageTemplate,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: bytes | None = None,
    photo_name: str = "foto",
    headline_override: str | None = None,
    page_index: int | None = None,
    replace: bool = False,
    number: int | None = None,
    fit: FitHook | None = None,
) -> ManuscriptApplication:
    """A new page from `template` with `manuscript` in its `slot` group, as one command.

    `photo` is the photo file's bytes; `fit`, when given, makes the copyfit step the
    command ends with. With `number` the page is placed at that number
    (or replaces the page with it). Raises IndexError when `replace` names no page or a
    new page's number is taken (before the photo is read) and ImageFileError (from
    storage) when `photo` is not a usable image. See `manuscript.apply.apply_manuscript`.
    """
    _apply.check_replace(edition, page_index, replace, number)
    asset = _photo_asset(edition, photo, photo_name)
    app = _apply.apply_manuscript(
        edition,
        template,
        manuscript,
        slot=slot,
        photo=asset,
        headline_override=headline_override,
        page_index=page_index,
        replace=replace,
        number=number,
    )
    return _fitted(app, fit)


def _fitted(app: ManuscriptApplication, fit: FitHook | None) -> ManuscriptApplication:
    if fit is not None:
        app.commands.append(fit(app.page_id, app.slot))
    return app


def apply_to_page(
    edition: Edition,
    page_id: str,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: bytes | None = None,
    photo_name: str = "foto",
    headline_override: str | None = None,
    fit: FitHook | None = None,
) -> ManuscriptApplication:
    """Fill the `slot` group of a page already in the edition (a second story, a teaser).

    Raises KeyError when the page does not exist (before the photo is read) and
    ImageFileError for a bad photo.
    """
    edition.page_by_id(page_id)
    asset = _photo_asset(edition, photo, photo_name)
    app = _apply.apply_to_page(
        edition,
        page_id,
        manuscript,
        slot=slot,
        photo=asset,
        headline_override=headline_override,
    )
    return _fitted(app, fit)


def apply_to_target(
    edition: Edition,
    target: Target,
    template: PageTemplate,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: bytes | None = None,
    photo_name: str = "foto",
    headline_override: str | None = None,
    fit: FitHook | None = None,
) -> ManuscriptApplication:
    """The import as one command for a chosen target (see `choose_target`)."""
    if target.fill_page is not None:
        return apply_to_page(
            edition,
            target.fill_page.id,
            manuscript,
            slot=slot,
            photo=photo,
            photo_name=photo_name,
            headline_override=headline_override,
            fit=fit,
        )
    return apply_manuscript(
        edition,
        template,
        manuscript,
        slot=slot,
        photo=photo,
        photo_name=photo_name,
        headline_override=headline_override,
        replace=target.replace,
        number=target.number,
        fit=fit,
    )


class PageConflictError(KupangError):
    """The page file changed after it was read (another desk saved it): nothing was written
    over it; this import's page is kept in `kept`."""

    def __init__(self, file: str, kept: Path) -> None:
        self.file = file
        self.kept = kept
        super().__init__(f"{file} was changed by someone else; the import is kept in {kept}")


@dataclass
class SharedImport:
    """What an import into a shared edition folder did."""

    shared: SharedEdition
    key: str
    path: Path
    edition: Edition
    app: ManuscriptApplication
    target: Target
    took_over: checkout.Holder | None = None


def _page_edition(shared: SharedEdition, key: str) -> Edition:
    """The page file's edition, or a new one named like the shared edition."""
    if shared.page_file(key).exists():
        return load_page_file(shared, key)
    edition = Edition(paper=shared.paper, number=shared.number, date=shared.date)
    edition.plan = copy.deepcopy(shared.plan)
    return edition


def _frame_booked_ads(edition: Edition, number: int) -> None:
    """Give page `number` the locked frame of every ad the plan books on it and it lacks
    (bottom right of the type area, the booked size), so the story is laid around them."""
    page = edition.page_by_number(number)
    if page is None:
        return
    framed = {booking_of(f) for f in page.frames}
    for booking in edition.plan.ads_on(number):
        if booking.id in framed:
            continue
        asset = booking.asset if booking.asset in edition.assets else None
        frame = ad_frame(page, dataclasses.replace(booking, asset=asset), new_id("ad"))
        AddFrame(page.id, frame).do(edition)


def import_to_shared(
    folder: str | os.PathLike[str],
    manuscript: Manuscript,
    template: PageTemplate,
    *,
    number: int,
    slot: str = "main",
    slot_given: bool = False,
    photo: bytes | None = None,
    photo_name: str = "foto",
    headline_override: str | None = None,
    user: str | None = None,
    take_over: bool = False,
    fit: FitHook | None = None,
) -> SharedImport:
    """Put `manuscript` on page `number` of a shared edition folder.

    The page's file is checked out for the import and given back after it: a page
    another desk has raises `PageLockedError` naming them (a stale lock is taken over
    only with `take_over`). The file is made or filled, saved with the revision check
    (`PageConflictError` when another desk saved it meanwhile; the work is kept in
    conflicts/), then the plan gets the page (count, template, section when empty).
    """
    shared = read_shared_edition(folder)
    key = file_of_page(shared, number) or page_key([number])
    holder = checkout.me(user)
    took_over: checkout.Holder | None = None
    try:
        checkout.acquire(shared.folder, key, holder)
    except PageLockedError as exc:
        if not (take_over and exc.stale):
            raise
        checkout.take_over(shared.folder, key, holder, exc.holder)
        took_over = exc.holder
    try:
        edition = _page_edition(shared, key)
        target = choose_target(edition, number, slot, slot_given)
        app = apply_to_target(
            edition,
            target,
            template,
            manuscript,
            slot=slot,
            photo=photo,
            photo_name=photo_name,
            headline_override=headline_override,
        )
        app.do(edition)
        _frame_booked_ads(edition, number)
        if fit is not None:  # fitted around the booked ads, as one more step of the import
            fitting = fit(app.page_id, slot)
            fitting.do(edition)
            app.commands.append(fitting)
        try:
            path = save_page_file(shared, key, edition)
        except ConcurrentChangeError as exc:
            kept = keep_aside(shared, key, edition, holder.user)
            raise PageConflictError(exc.file, kept) from exc

        def plan_page(s: SharedEdition) -> None:
            plan = s.plan
            plan.page_count = max(plan.page_count, number)
            entry = plan.entry(number)
            changes: dict[str, object] = {}
            if not entry.template and target.fill_page is None:
                changes["template"] = template.name
            if not entry.section and manuscript.section:
                changes["section"] = manuscript.section
            if changes or number not in plan.entries:
                plan.entries[number] = dataclasses.replace(entry, **changes)  # type: ignore[arg-type]

        shared = update_plan(shared.folder, plan_page, user=user)
        return SharedImport(shared, key, path, edition, app, target, took_over)
    finally:
        checkout.release(shared.folder, key, holder)
