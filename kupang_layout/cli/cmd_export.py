"""Command-line stage: `kupang-layout export EDITION.kpl [--out DIR] [--pages ...] [--all] ...`.

The work is `jobs.export` (the same service the app calls); this prints it: a line per
finished page, and under it how the page's total ink was verified (proven from the
page, or measured by Ghostscript: always with `--ink-check=ghostscript`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kupang_layout.cli.cmd_preflight import format_table
from kupang_layout.cli.open_edition import open_edition
from kupang_layout.common.atomic import FileWriteError
from kupang_layout.common.messages import write_error_text
from kupang_layout.i18n import current_language, tr
from kupang_layout.jobs.export import (
    DuplicateFileError,
    ExportOptions,
    PageEvent,
    event_text,
    export_pages,
)
from kupang_layout.jobs.export_types import ink_text
from kupang_layout.jobs.pages import parse_pages
from kupang_layout.preflight import count_by_severity, has_errors
from kupang_layout.render.pdf.errors import PdfExportError


def _t(key: str, **params: object) -> str:
    return tr("cli.export." + key, None, **params)


def _output_problem(exc: FileWriteError) -> int:
    """An output folder or file that cannot be written: say which and why; exit 2."""
    print(write_error_text(exc), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    lang = current_language()
    path = Path(args.edition)
    edition = open_edition(path)
    numbers = [p.number for p in edition.pages]
    pages = numbers
    if args.pages:
        try:
            pages = parse_pages(args.pages)
        except ValueError:
            print(_t("bad_pages", spec=args.pages), file=sys.stderr)
            return 2
        for n in pages:
            if n not in numbers:
                print(_t("no_page", n=n), file=sys.stderr)
                return 2
    out = Path(args.out)
    options = ExportOptions(
        preset_name=args.preset,
        combined=args.combined,
        force=args.force,
        reexport_all=getattr(args, "all", False),
        ink_ghostscript=getattr(args, "ink_check", "auto") == "ghostscript",
        language=lang,
    )

    def progress(event: PageEvent) -> None:
        print(event_text(event, lang), flush=True)
        o = event.outcome
        if o.ink is not None:
            print("  " + ink_text(o.page, o.ink, lang), flush=True)

    try:
        run = export_pages(edition, out, pages, options, progress=progress)
    except FileWriteError as exc:
        return _output_problem(exc)
    except DuplicateFileError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except PdfExportError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if has_errors(run.issues):
        print(format_table(run.issues, lang))
    if run.refused:
        print(_t("refused", n=count_by_severity(run.issues).get("error", 0)), file=sys.stderr)
        return 1
    print(_t("done", ok=len(run.exported), out=out, sec=run.seconds))
    status = 0
    if run.report is not None:
        print(_t("report", path=run.report))
    if run.report_problem is not None:
        print(run.report_problem, file=sys.stderr)
        status = 2
    if run.manifest_problem is not None:
        print(tr("cli.warning", message=run.manifest_problem), file=sys.stderr)
    if run.failed:
        for r in run.failed:
            print(f"{r.page}: {r.error}", file=sys.stderr)
        print(_t("failed", n=len(run.failed)), file=sys.stderr)
        if any(r.write_error is not None for r in run.failed):
            return 2  # the pages were made; the folder refused them (said above, per page)
        return status or 1
    if status:
        return status
    if has_errors(run.pdf_issues):
        errors = count_by_severity(run.pdf_issues).get("error", 0)
        print(_t("pdf_errors", n=errors), file=sys.stderr)
        return 1
    return 0
