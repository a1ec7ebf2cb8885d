"""Command-line stage: `kupang-layout export EDITION.kpl [--out DIR] [--pages ...] ...`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kupang_layout.cli.cmd_preflight import format_table
from kupang_layout.cli.open_edition import open_edition
from kupang_layout.common.atomic import FileWriteError, write_text_atomically
from kupang_layout.common.messages import write_error_text
from kupang_layout.i18n import current_language, tr
from kupang_layout.jobs.pages import parse_pages
from kupang_layout.preflight import check_pdf, count_by_severity, has_errors, run_preflight
from kupang_layout.render.pdf import export_edition
from kupang_layout.render.pdf.edition_export import DuplicateFileError
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
    issues = run_preflight(edition, pages=pages)
    report_path = out / "preflight.json"
    if has_errors(issues):
        print(format_table(issues, lang))
        if not args.force:
            print(_t("refused", n=count_by_severity(issues).get("error", 0)), file=sys.stderr)
            return 1
    started = time.perf_counter()

    def progress(done: int, total: int, message: str) -> None:
        print(_t("progress", done=done, total=total, message=message), flush=True)

    try:
        results = export_edition(path, out, pages, args.preset, args.combined, progress)
    except FileWriteError as exc:
        return _output_problem(exc)
    except DuplicateFileError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except PdfExportError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    ok = [r for r in results if r.ok and r.path is not None]
    failed = [r for r in results if not r.ok]
    pdf_issues = [i for r in ok if r.page > 0 and r.path for i in check_pdf(r.path)]
    print(_t("done", ok=sum(1 for r in ok if r.page > 0), out=out,
             sec=time.perf_counter() - started))  # fmt: skip
    status = 0
    if args.force or pdf_issues:
        data = {
            "document": [i.to_dict(lang) for i in issues],
            "pdf": [i.to_dict(lang) for i in pdf_issues],
        }
        try:
            write_text_atomically(report_path, json.dumps(data, ensure_ascii=False, indent=2))
            print(_t("report", path=report_path))
        except FileWriteError as exc:
            status = _output_problem(exc)
    if failed:
        for r in failed:
            print(f"{r.page}: {r.error}", file=sys.stderr)
        print(_t("failed", n=len(failed)), file=sys.stderr)
        if any(r.write_error is not None for r in failed):
            return 2  # the pages were made; the folder refused them (said above, per page)
        return status or 1
    if status:
        return status
    if has_errors(pdf_issues):
        print(_t("pdf_errors", n=count_by_severity(pdf_issues).get("error", 0)), file=sys.stderr)
        return 1
    return 0
