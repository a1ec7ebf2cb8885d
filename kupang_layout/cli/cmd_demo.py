"""Command-line stage: `kupang-layout demo [--out DIR]`: build, save and export the sample edition.

Writes DIR/sample.kpl and prints its pages, templates, stories and word counts.
Then, when the export service (`jobs.export`) is part of the program, every page
of the edition in memory is exported to DIR, and when the preflight stage is,
its summary is printed. Both later stages are looked up with importlib so the
demo works without them.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from kupang_layout.cli.sample_edition import SampleEdition, build_sample_edition
from kupang_layout.engine.variables import format_date_id
from kupang_layout.i18n import current_language, tr
from kupang_layout.manuscript import ManuscriptError
from kupang_layout.manuscript.apply import PLACEHOLDER_HEADLINE
from kupang_layout.model.edition import Edition
from kupang_layout.storage import StorageError, load_edition, save_edition

EXIT_OK = 0
EXIT_DOCUMENT_ERRORS = 1
EXIT_USAGE = 2
SAMPLE_FILE = "sample.kpl"


def _optional_module(name: str) -> ModuleType | None:
    """The module if this build of the program has it (and it imports), else None."""
    try:
        if importlib.util.find_spec(name) is None:
            return None
        return importlib.import_module(name)
    except ImportError as exc:
        print(tr("cli.warning", message=f"{name}: {exc}"), file=sys.stderr)
        return None


def _summary(sample: SampleEdition) -> None:
    ed = sample.edition
    print(tr("cli.demo_building", paper=ed.paper, edition=ed.number, date=format_date_id(ed.date)))
    page = 0
    for story in sample.stories:
        if story.page != page:
            page = story.page
            print(tr("cli.demo_page", page=page, template=story.template))
        headline = story.parsed.headline or PLACEHOLDER_HEADLINE
        photo = tr("cli.demo_photo", name=story.photo.name) if story.photo else ""
        print(
            tr("cli.demo_story", slot=story.slot, headline=headline, words=story.words, photo=photo)
        )
    words = sum(s.words for s in sample.stories)
    print(
        tr(
            "cli.demo_totals",
            pages=len(ed.pages),
            stories=len({s.manuscript for s in sample.stories}),
            words=words,
            photos=len(ed.assets),
        )
    )


def _export(edition: Edition, out_dir: Path) -> tuple[int, bool]:
    """Export every page to out_dir with the export service: (exit code, whether it ran)."""
    jobs = _optional_module("kupang_layout.jobs.export")
    if jobs is None:
        print(tr("cli.demo_export_unavailable"))
        return EXIT_OK, False
    # The sample edition in memory, no gate: the preflight summary below is the demo's own.
    options = jobs.ExportOptions(check_pdfs=False)  # the summary below checks the folder
    code = EXIT_OK
    run = jobs.export_pages(edition, out_dir, None, options, issues=[])
    for result in run.pages:
        if result.error:
            print(tr("cli.error", message=result.error), file=sys.stderr)
            code = EXIT_DOCUMENT_ERRORS
        else:
            print(tr("cli.demo_exported", page=result.page, path=result.path))
    return code, True


def _preflight(kpl: Path, out_dir: Path, exported: bool) -> int:
    """Print the preflight summary of the saved edition (and of its PDFs); 1 on errors."""
    module = _optional_module("kupang_layout.preflight")
    run_preflight = getattr(module, "run_preflight", None) if module is not None else None
    if module is None or run_preflight is None:
        print(tr("cli.demo_preflight_unavailable"))
        return EXIT_OK
    edition = load_edition(kpl)
    issues: list[Any] = list(run_preflight(edition))
    check_pdf_folder = getattr(module, "check_pdf_folder", None)
    if exported and check_pdf_folder is not None:
        issues += list(check_pdf_folder(edition, out_dir))
    lang = current_language()
    counts = {"error": 0, "warning": 0, "info": 0}
    for issue in issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
    print(
        tr(
            "cli.demo_preflight",
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
    )
    for issue in issues:
        if issue.severity == "info":
            continue
        where = tr("cli.demo_preflight_page", page=issue.page) if issue.page else issue.file
        label = issue.frame_label(lang)
        what = f"{label}: " if label else ""
        print(f"  {where} [{issue.severity_label(lang)}] {what}{issue.message(lang)}")
    return EXIT_DOCUMENT_ERRORS if counts["error"] else EXIT_OK


def run(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)
    try:
        sample = build_sample_edition()
    except FileNotFoundError as exc:
        print(tr("cli.error", message=tr("cli.demo_missing_resource", path=exc)), file=sys.stderr)
        return EXIT_USAGE
    except ManuscriptError as exc:
        print(tr("cli.error", message=exc.message(current_language())), file=sys.stderr)
        return EXIT_USAGE
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        kpl = out_dir / SAMPLE_FILE
        save_edition(sample.edition, kpl)
    except OSError as exc:
        print(tr("cli.error", message=f"{out_dir}: {exc.strerror or exc}"), file=sys.stderr)
        return EXIT_USAGE
    except StorageError as exc:
        print(tr("cli.error", message=str(exc)), file=sys.stderr)
        return EXIT_USAGE
    _summary(sample)
    print(tr("cli.demo_saved", path=kpl))
    code, exported = _export(sample.edition, out_dir)
    return max(code, _preflight(kpl, out_dir, exported))
