"""Command-line stage: `kupang-layout import MANUSCRIPT --template NAME|FILE -o OUT.kpl`.

Creates an edition with the page from the template (or, with `--edition E.kpl`,
adds the page to an existing edition or replaces its page N), fills the
template's slot group with the manuscript, saves the edition and prints what
went where. With `--edition FOLDER` (a shared edition folder) the page's own
file in the folder is checked out, made or filled and given back, and the plan
gets the page; `-o` is not used then and `--template` may be left to the plan.

The page is `--page N` when given, else the manuscript's `Halaman` header, else
(single file only) one past the last page. The page keeps that number whatever
pages exist: ``Halaman 2`` into a new edition is page 2, never page 1. An
existing page N is replaced, unless `--slot` names a slot group that page has:
then only that group is filled (the second story of a two-story page, a
front-page teaser).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from kupang_layout.cli.edition_prefs import desk_name
from kupang_layout.cli.open_edition import open_edition
from kupang_layout.cli.template_source import (
    FoundTemplate,
    TemplateNotFound,
    find_template,
    role_label,
    source_label,
)
from kupang_layout.i18n import current_language, tr
from kupang_layout.jobs.desk_plan import holder_text
from kupang_layout.jobs.manuscript_import import (
    FitHook,
    PageConflictError,
    Target,
    apply_to_target,
    choose_target,
    import_to_shared,
)
from kupang_layout.manuscript import Manuscript, ManuscriptError, format_warning, read_manuscript
from kupang_layout.manuscript.apply import (
    PLACEHOLDER_HEADLINE,
    ManuscriptApplication,
    next_page_number,
)
from kupang_layout.manuscript.slot_plan import slot_roles
from kupang_layout.model import CommandError, Edition, SetEditionProperties
from kupang_layout.model.plan import MAX_PLANNED_PAGES
from kupang_layout.storage import (
    ConcurrentChangeError,
    EditionLockedError,
    ImageFileError,
    StorageError,
    TemplateLibrary,
    asset_from_bytes,
    conflict_path,
    edition_lock,
    save_edition,
)
from kupang_layout.storage.checkout import PageLockedError
from kupang_layout.storage.edition_folder import read_shared_edition
from kupang_layout.storage.revision import LOCK_TIMEOUT

EXIT_OK = 0
EXIT_USAGE = 2
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _UsageError(Exception):
    """A message for the user; the command exits 2."""


def _fail(message: str) -> int:
    print(tr("cli.error", message=message), file=sys.stderr)
    return EXIT_USAGE


def _warn(message: str) -> None:
    print(tr("cli.warning", message=message), file=sys.stderr)


def parse_date(value: str) -> str:
    """An ISO date YYYY-MM-DD that exists, else _UsageError."""
    try:
        if not _ISO_DATE.fullmatch(value.strip()):
            raise ValueError(value)
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise _UsageError(tr("cli.bad_date", value=value)) from None


def read_photo(path: str) -> bytes:
    """The photo's bytes, decoded whole first: a refused picture stops the import before
    anything is changed or saved (the message names the file and the reason)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise _UsageError(tr("cli.file_not_found", path=path)) from None
    except OSError as exc:
        raise _UsageError(
            tr("cli.photo_unreadable", path=path, reason=exc.strerror or exc)
        ) from exc
    try:
        asset_from_bytes(data, Path(path).name)
    except ImageFileError as exc:
        raise _UsageError(tr("imaging.refused", name=path, reason=exc.message)) from exc
    return data


def _wanted_page(edition: Edition | None, args: argparse.Namespace, m: Manuscript) -> int | None:
    """The page the manuscript goes to: --page, else its `Halaman` header, else (single file
    only: `edition` given) one past the last page made; None when nothing names one."""
    page_arg: int | None = args.page
    if page_arg is not None and page_arg < 1:
        raise _UsageError(tr("cli.bad_page", value=page_arg))
    if page_arg is not None and m.page is not None and page_arg != m.page:
        _warn(tr("cli.import_page_mismatch", manuscript=m.page, page=page_arg))
    wanted = page_arg if page_arg is not None else m.page
    if wanted is None and edition is not None:
        return next_page_number(edition)
    if wanted is not None and wanted > MAX_PLANNED_PAGES:
        raise _UsageError(tr("cli.bad_page", value=wanted))
    return wanted


def _warn_template(target: Target, found_name: str) -> None:
    page = target.fill_page
    if page is not None and page.template != found_name:
        _warn(
            tr(
                "cli.import_template_differs",
                page=target.number,
                page_template=page.template,
                template=found_name,
            )
        )


def _fit_hook(args: argparse.Namespace) -> FitHook | None:
    """Copyfit as the import's last step, unless --no-fit (then the engine is not loaded)."""
    if getattr(args, "no_fit", False):
        return None
    from kupang_layout.editing.copyfit import copyfit_command

    return copyfit_command


def _fit_lines(app: ManuscriptApplication) -> list[str]:
    """What copyfit did and left, when it ran (its module is loaded only then)."""
    copyfit = sys.modules.get("kupang_layout.editing.copyfit")
    if copyfit is None:
        return []
    for c in app.commands:
        if isinstance(c, copyfit.Copyfit) and c.measured:  # a teaser has no body to fit
            return c.summary() or [tr("editing.copyfit.fits")]
    return []


def _report(app: ManuscriptApplication, found: FoundTemplate, filled: bool) -> None:
    print(tr("cli.import_template", name=found.template.name, source=source_label(found.source)))
    key = (
        "cli.import_slot_filled"
        if filled
        else ("cli.import_page_replaced" if app.replaced else "cli.import_page_added")
    )
    print(tr(key, page=app.page_number, slot=app.slot))
    width = max((len(role_label(p.role)) for p in app.placements), default=0)
    for p in app.placements:
        if p.role in ("body", "credits", "teaser") or p.paragraphs > 2:
            what = tr("cli.import_paragraphs", paragraphs=p.paragraphs, words=p.words)
            what = f"{what}: {p.text}"
        else:
            what = p.text
        print(f"  {role_label(p.role):<{width}}  {what}")
    if app.unplaced:
        _warn(tr("cli.import_unplaced", pieces=", ".join(role_label(r) for r in app.unplaced)))
    if app.empty:
        print(tr("cli.import_empty", roles=", ".join(role_label(r) for r in app.empty)))
    if app.placeholder_headline:
        _warn(tr("cli.import_placeholder", text=PLACEHOLDER_HEADLINE))
    if app.edition_mismatch is not None:
        number, wanted = app.edition_mismatch
        _warn(tr("cli.import_edition_mismatch", manuscript=wanted, edition=number))
    for line in _fit_lines(app):
        print(tr("cli.import_copyfit", text=line))


def _print_warnings(m: Manuscript) -> None:
    if not m.warnings:
        return
    print(tr("cli.import_warnings", count=len(m.warnings)))
    for w in m.warnings:
        print(f"  {format_warning(w, current_language())}")


def _keep_aside(edition: Edition, exc: ConcurrentChangeError) -> int:
    """The edition changed under us: nothing overwritten; our work saved beside it."""
    kept = conflict_path(exc.file)
    try:
        save_edition(edition, kept)
    except StorageError as failure:
        return _fail(
            tr(
                "storage.concurrent_change_not_kept",
                path=exc.file,
                kept=kept,
                reason=failure.message,
            )
        )
    return _fail(tr("storage.concurrent_change", path=exc.file, kept=kept))


def _import(args: argparse.Namespace) -> int:
    if args.edition and os.path.isdir(args.edition):
        return _import_shared(args)
    if not args.output:
        raise _UsageError(tr("cli.import_output_needed"))
    # The whole read-modify-write holds the output file's lock, so two imports into one
    # edition take turns instead of one losing the other's page.
    with edition_lock(args.output):
        return _import_locked(args)


def _read(args: argparse.Namespace, paper: str) -> Manuscript:
    try:
        return read_manuscript(args.manuscript, paper)
    except ManuscriptError as exc:
        raise _UsageError(exc.message(current_language())) from exc


def _template(name: str | None, planned: str | None, page: int | None) -> FoundTemplate:
    """The template asked for, else the one the plan names for the page; the slot checked."""
    chosen = name or planned
    if not chosen:
        raise _UsageError(tr("cli.import_no_template", page=page if page is not None else "?"))
    try:
        return find_template(chosen, TemplateLibrary())
    except TemplateNotFound:
        raise _UsageError(tr("cli.template_not_found", name=chosen)) from None


def _check_slot(found: FoundTemplate, slot: str) -> None:
    slots = slot_roles(found.template.frames)
    if slot not in slots:
        names = ", ".join(s for s in slots if s != "page")
        raise _UsageError(
            tr(
                "cli.slot_not_in_template",
                template=found.template.name,
                slot=slot,
                slots=names,
            )
        )


def _import_locked(args: argparse.Namespace) -> int:
    date = parse_date(args.date) if args.date else None
    edition = open_edition(args.edition) if args.edition else Edition()
    m = _read(args, edition.paper)
    found = _template(args.template, None, None)
    _check_slot(found, args.slot)
    photo = read_photo(args.photo) if args.photo else None
    photo_name = Path(args.photo).name if args.photo else "foto"
    if not args.edition:
        edition.number = m.edition or ""
        edition.date = date or dt.date.today().isoformat()
    number = _wanted_page(edition, args, m)
    assert number is not None
    target = choose_target(edition, number, args.slot, args.slot_given)
    _warn_template(target, found.template.name)
    app = apply_to_target(
        edition,
        target,
        found.template,
        m,
        slot=args.slot,
        photo=photo,
        photo_name=photo_name,
        headline_override=args.headline,
        fit=_fit_hook(args),
    )
    if date is not None and args.edition:
        app.commands.append(SetEditionProperties(date=date))
    app.do(edition)
    try:
        save_edition(edition, args.output)
    except ConcurrentChangeError as exc:
        return _keep_aside(edition, exc)
    _report(app, found, target.fill_page is not None)
    _print_warnings(m)
    print(tr("cli.import_saved", path=args.output, pages=len(edition.pages)))
    return EXIT_OK


def _import_shared(args: argparse.Namespace) -> int:
    """Into a shared edition folder: the page file checked out, made or filled, given back."""
    if args.output:
        raise _UsageError(tr("cli.import_output_with_folder"))
    if args.date:
        raise _UsageError(tr("cli.import_date_with_folder"))
    shared = read_shared_edition(args.edition)
    m = _read(args, shared.paper)
    number = _wanted_page(None, args, m)
    if number is None:
        raise _UsageError(tr("cli.import_no_page"))
    found = _template(args.template, shared.plan.entry(number).template, number)
    _check_slot(found, args.slot)
    photo = read_photo(args.photo) if args.photo else None
    try:
        done = import_to_shared(
            shared.folder,
            m,
            found.template,
            number=number,
            slot=args.slot,
            slot_given=args.slot_given,
            photo=photo,
            photo_name=Path(args.photo).name if args.photo else "foto",
            headline_override=args.headline,
            user=desk_name(args.user),
            take_over=args.take_over,
            fit=_fit_hook(args),
        )
    except PageLockedError as exc:
        user, host, since = holder_text(exc.holder)
        key = "cli.import_page_locked_stale" if exc.stale else "cli.import_page_locked"
        return _fail(tr(key, page=number, user=user, host=host, since=since))
    except PageConflictError as exc:
        return _fail(tr("storage.concurrent_change", path=exc.file, kept=exc.kept))
    if done.took_over is not None:
        user, host, since = holder_text(done.took_over)
        _warn(tr("cli.import_took_over", user=user, host=host, since=since))
    _warn_template(done.target, found.template.name)
    _report(done.app, found, done.target.fill_page is not None)
    _print_warnings(m)
    print(tr("cli.import_saved_page", page=number, path=done.path))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    args.slot_given = getattr(args, "slot", None) is not None
    if not args.slot_given:
        args.slot = "main"
    try:
        return _import(args)
    except _UsageError as exc:
        return _fail(str(exc))
    except EditionLockedError as exc:
        return _fail(tr("storage.edition_locked", path=exc.file, seconds=f"{LOCK_TIMEOUT:.0f}"))
    except StorageError as exc:
        return _fail(str(exc))
    except CommandError as exc:
        return _fail(str(exc))
