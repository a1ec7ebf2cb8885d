"""Command-line stage: `kupang-layout preflight EDITION.kpl [--pdf DIR] [--json]`.

Prints the edition's print problems as a table (severity, page, frame, message,
with a fix hint under it) or as a JSON list, in the UI language. With --pdf DIR
every PDF in DIR is checked as the printing plant checks it, each tied to its
page by its file name. Exit status: 0 no errors (warnings allowed), 1 errors
found, 2 the edition or the folder could not be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from kupang_layout.cli.open_edition import open_edition
from kupang_layout.i18n import current_language, tr
from kupang_layout.preflight.issues import Issue, count_by_severity, has_errors, sort_issues
from kupang_layout.preflight.texts import ui_text

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2


def _fail(text: str) -> int:
    print(tr("cli.error", message=text), file=sys.stderr)
    return EXIT_UNREADABLE


def _where(issue: Issue, lang: str) -> str:
    if issue.file:
        name = os.path.basename(issue.file)
        if issue.page is None and issue.pdf_page is not None:
            name = f"{name} p{issue.pdf_page}"
        return name
    return issue.frame_label(lang)


def format_table(issues: list[Issue], lang: str) -> str:
    """The issues as aligned columns, each hint on its own line below its message."""
    if not issues:
        return ui_text("clean", lang)
    head = (
        ui_text("col_severity", lang),
        ui_text("col_page", lang),
        ui_text("col_frame", lang),
        ui_text("col_message", lang),
    )
    rows = [
        (
            i.severity_label(lang),
            "" if i.page is None else str(i.page),
            _where(i, lang),
            i.message(lang),
            i.hint(lang),
        )
        for i in issues
    ]
    w0 = max(len(head[0]), *(len(r[0]) for r in rows))
    w1 = max(len(head[1]), *(len(r[1]) for r in rows))
    w2 = min(32, max(len(head[2]), *(len(r[2]) for r in rows)))
    lines = [f"{head[0]:<{w0}}  {head[1]:>{w1}}  {head[2]:<{w2}}  {head[3]}"]
    lines.append("-" * len(lines[0]))
    indent = " " * (w0 + w1 + w2 + 6)
    for sev, page, where, message, hint in rows:
        lines.append(f"{sev:<{w0}}  {page:>{w1}}  {where:<{w2}}  {message}")
        if hint:
            lines.append(f"{indent}{ui_text('hint_prefix', lang)}: {hint}")
    counts = count_by_severity(issues)
    lines.append("")
    lines.append(
        ui_text(
            "summary",
            lang,
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from kupang_layout.engine.layout import LayoutEngine
    from kupang_layout.preflight import run_preflight
    from kupang_layout.storage import StorageError

    lang = current_language()
    try:
        edition = open_edition(args.edition)
    except StorageError as exc:
        return _fail(str(exc))
    folder: Path | None = None
    if args.pdf:
        folder = Path(args.pdf)
        if not folder.is_dir():
            return _fail(ui_text("pdf_dir_missing", lang, path=args.pdf))
    issues = run_preflight(edition, LayoutEngine())
    if folder is not None:
        from kupang_layout.preflight import check_pdf_folder  # pikepdf: only with --pdf

        try:
            pdf_issues = check_pdf_folder(edition, folder)
        except OSError as exc:
            return _fail(ui_text("pdf_dir_missing", lang, path=f"{args.pdf} ({exc})"))
        if not any(f.suffix.lower() == ".pdf" for f in folder.iterdir()):
            print(
                tr("cli.warning", message=ui_text("pdf_dir_empty", lang, path=args.pdf)),
                file=sys.stderr,
            )
        issues = sort_issues(issues + pdf_issues)
    if args.json:
        print(json.dumps([i.to_dict(lang) for i in issues], ensure_ascii=False, indent=2))
    else:
        print(format_table(issues, lang))
    return EXIT_ERRORS if has_errors(issues) else EXIT_OK
