"""Command-line stage: `kupang-layout edition new|plan|status|send|pack|unpack` on a shared folder.

Exit codes as the other commands: 0 done; 1 a document problem (a page held back
by preflight at `send`, a page of the pack refused); 2 usage, input or output
(a bad option, a folder that is no edition, a page another desk has checked out,
a plant folder that cannot be written).
"""

from __future__ import annotations

import argparse
import json
import sys

from kupang_layout.cli.cmd_import import _UsageError as ImportUsageError
from kupang_layout.cli.cmd_import import parse_date
from kupang_layout.cli.edition_plan import PlanUsageError, change_plan
from kupang_layout.cli.edition_prefs import desk_name, plant_dir
from kupang_layout.cli.open_edition import open_edition
from kupang_layout.common.atomic import FileWriteError
from kupang_layout.common.messages import write_error_text
from kupang_layout.i18n import current_language, tr
from kupang_layout.jobs.desk_plan import PlanRow, holder_text, since_text
from kupang_layout.model.plan import MAX_PLANNED_PAGES, FlatPlan, PageState
from kupang_layout.model.units import to_mm
from kupang_layout.storage import save_edition
from kupang_layout.storage.checkout import PageLockedError
from kupang_layout.storage.edition_folder import create_shared_edition, read_shared_edition

EXIT_OK = 0
EXIT_DOCUMENT = 1
EXIT_USAGE = 2


def _fail(message: str) -> int:
    print(tr("cli.error", message=message), file=sys.stderr)
    return EXIT_USAGE


def state_text(state: PageState) -> str:
    """kosong, dikerjakan, siap, terkirim, diubah setelah dikirim (or English)."""
    return tr("cli.edition.state." + state.value)


def _new(args: argparse.Namespace) -> int:
    date = parse_date(args.date)
    if not 1 <= args.pages <= MAX_PLANNED_PAGES:
        return _fail(tr("cli.edition.bad_pages", value=args.pages))
    if not args.number.strip():
        return _fail(tr("cli.edition.bad_number"))
    shared = create_shared_edition(
        args.edition,
        paper=args.paper,
        number=args.number.strip(),
        date=date,
        plan=FlatPlan(page_count=args.pages),
    )
    print(tr("cli.edition.made", number=shared.number, path=shared.folder, pages=args.pages))
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    try:
        for line in change_plan(args):
            print(line)
    except PlanUsageError as exc:
        return _fail(str(exc))
    except PageLockedError as exc:
        return _locked(exc)
    return EXIT_OK


def _locked(exc: PageLockedError) -> int:
    user, host, since = holder_text(exc.holder)
    key = "cli.edition.locked_stale" if exc.stale else "cli.edition.locked"
    return _fail(tr(key, file=exc.key, user=user, host=host, since=since))


def _who(row: PlanRow) -> str:
    if row.state in (PageState.SENT, PageState.CHANGED):
        return since_text(row.detail) if row.detail else ""
    return row.detail


def _lock_text(row: PlanRow) -> str:
    if row.lock is None:
        return ""
    user, host, since = holder_text(row.lock.holder)
    text = tr("cli.edition.lock", user=user, host=host, since=since)
    return text + (" " + tr("cli.edition.lock_stale") if row.lock.stale else "")


def _ads_text(row: PlanRow) -> str:
    parts = []
    for a in row.ads:
        size = (
            f"{a.columns}k x {to_mm(a.depth):.0f} mm"
            if a.size == "custom"
            else tr("cli.edition.ad_size." + a.size)
        )
        mark = "" if a.asset else " " + tr("cli.edition.ad_no_file")
        parts.append(f"{a.advertiser} ({a.id}, {size}){mark}")
    return "; ".join(parts)


def format_status(rows: list[PlanRow]) -> str:
    """The plan as a table: page, section, template, state, who/when, lock, ads."""
    head = tr("cli.edition.status_head").split("|")
    table = [
        [
            str(r.number),
            r.section,
            r.template,
            state_text(r.state),
            _who(r),
            _lock_text(r),
            _ads_text(r),
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip()]
    for row in table:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _status(args: argparse.Namespace) -> int:
    from kupang_layout.jobs.edition_status import row_to_dict, status_rows

    shared = read_shared_edition(args.edition)
    rows = status_rows(shared)
    if args.json:
        data = {
            "paper": shared.paper,
            "number": shared.number,
            "date": shared.date,
            "page_count": shared.plan.page_count,
            "pages": [row_to_dict(r, shared) for r in rows],
            "deliveries": [
                {"page": d.page, "file": d.file, "sha256": d.sha256, "time": d.time, "by": d.by}
                for d in shared.plan.deliveries
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        tr(
            "cli.edition.status_title",
            paper=shared.paper,
            number=shared.number,
            date=shared.date,
            pages=shared.plan.page_count,
        )
    )
    print(format_status(rows))
    return EXIT_OK


def _send(args: argparse.Namespace) -> int:
    from kupang_layout.jobs.deliver import deliver

    target = plant_dir(args.to)
    if target is None:
        return _fail(tr("cli.edition.no_plant"))
    user = desk_name(args.user)
    try:
        report = deliver(args.edition, target, user=user, preset_name=args.preset)
    except FileWriteError as exc:
        print(write_error_text(exc), file=sys.stderr)
        return EXIT_USAGE
    lang = current_language()
    if not report.outcomes:
        print(tr("cli.edition.nothing_ready"))
        return EXIT_OK
    for o in report.outcomes:
        if o.status == "sent":
            print(tr("cli.edition.sent", page=o.number, file=o.file))
        elif o.status == "unchanged":
            print(tr("cli.edition.unchanged", page=o.number, file=o.file))
        elif o.status == "missing":
            print(tr("cli.edition.missing", page=o.number), file=sys.stderr)
        else:
            print(tr("cli.edition.held", page=o.number), file=sys.stderr)
            for issue in o.issues:
                print(f"  {issue.message(lang)}", file=sys.stderr)
            if o.error:
                print(f"  {o.error}", file=sys.stderr)
    print(tr("cli.edition.send_done", sent=len(report.sent), path=report.plant_dir))
    return EXIT_DOCUMENT if report.refused else EXIT_OK


def _pack(args: argparse.Namespace) -> int:
    from kupang_layout.storage.edition_pack import pack_edition

    result = pack_edition(args.edition)
    for warning in result.warnings:
        print(tr("cli.warning", message=warning), file=sys.stderr)
    save_edition(result.edition, args.output)
    print(tr("cli.edition.packed", path=args.output, pages=len(result.edition.pages)))
    return EXIT_OK


def _unpack(args: argparse.Namespace) -> int:
    from kupang_layout.storage.edition_pack import unpack_edition

    edition = open_edition(args.edition)
    shared = unpack_edition(edition, args.folder)
    print(tr("cli.edition.unpacked", path=shared.folder, pages=len(edition.pages)))
    return EXIT_OK


_COMMANDS = {
    "new": _new,
    "plan": _plan,
    "status": _status,
    "send": _send,
    "pack": _pack,
    "unpack": _unpack,
}


def run(args: argparse.Namespace) -> int:
    try:
        return _COMMANDS[args.edition_command](args)
    except ImportUsageError as exc:
        return _fail(str(exc))
    except PageLockedError as exc:
        return _locked(exc)
