"""Jobs stage: the one export service: preflight gate, page PDFs in the pool, PDF checks, report.

Both front ends and `edition send` call this module (Qt-free; the app runs it on
a thread, the command line in its own). The API, small on purpose::

    run = export_pages(edition, out_dir, pages, ExportOptions(...),
                       progress=on_event, cancelled=should_stop)

or in two steps, the snapshot on the caller's thread (the app: while the desk
may go on editing) and the work on any thread::

    plan = plan_export(edition, out_dir, pages, options, issues=..., display_list=...)
    run = run_plan(plan, progress=on_event, cancelled=should_stop)

`edition` is the edition in memory (unsaved edits are exported; nothing is
serialised). `pages` are page numbers (default: all). File names come from the
preset's pattern or `options.filename_pattern`.

`run.refused` is true when the document preflight has errors and
`options.force` is false: nothing was written. Otherwise `run.pages` holds one
`PageOutcome` per page, in page order: `path`, `sha256` of the file,
`fingerprint` (the page's content fingerprint), `status` ('exported',
'unchanged' or 'failed'), `warnings` and `errors` (translated), `pdf_issues`
(the plant's rules on the file). `progress` gets a `PageEvent` as each page is
finished (`event_text` makes the translated line); it is the hook for a
delivery log. A page that fails does not stop the others and keeps the file of
an earlier export (its error says so). When `cancelled()` turns true, pages not
yet handed to a worker are dropped (no outcome, no file, no proof); pages being
drawn finish.

Before any work: PresetError (bad preset or pattern), DuplicateFileError (two
pages, one file), FileWriteError (the folder cannot be made or written to).

Unchanged pages (same fingerprint as recorded in `export-manifest.json` beside
the PDFs, and the file still the one written) are not drawn again unless
`options.reexport_all`. `preflight.json` is written (once, by `export_report`, atomically)
when the export was forced or a PDF has problems.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from kupang_layout.common.atomic import FileWriteError, check_folder_writable
from kupang_layout.common.messages import write_error_text
from kupang_layout.i18n import tr
from kupang_layout.jobs.export_manifest import MANIFEST_NAME, save_manifest
from kupang_layout.jobs.export_plan import DuplicateFileError, ExportPlan, PlannedPage, plan_export
from kupang_layout.jobs.export_pool import shared_pool
from kupang_layout.jobs.export_report import REPORT_NAME, write_report
from kupang_layout.jobs.export_runner import Runner
from kupang_layout.jobs.export_types import (
    ExportOptions,
    ExportRun,
    PageEvent,
    PageOutcome,
    Progress,
    event_text,
)
from kupang_layout.model.edition import Edition
from kupang_layout.preflight.issues import Issue
from kupang_layout.render.pdf import messages as _render_messages  # noqa: F401  (render.pdf.*)
from kupang_layout.render.pdf.edition_export import merge_proof, proof_filename

__all__ = [
    "REPORT_NAME",
    "DuplicateFileError",
    "ExportOptions",
    "ExportPlan",
    "ExportRun",
    "PageEvent",
    "PageOutcome",
    "event_text",
    "export_edition_file",
    "export_pages",
    "plan_export",
    "run_plan",
    "write_report",
]


def run_plan(
    plan: ExportPlan,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportRun:
    """Do the export a plan describes (see the module's docstring)."""
    started = time.perf_counter()
    opts, lang = plan.options, plan.options.language
    run = ExportRun(issues=list(plan.issues))
    if plan.refused:
        run.refused = True
        return run
    check_folder_writable(plan.out_dir)
    runner = Runner(plan, progress, cancelled or (lambda: False))
    queue: list[PlannedPage] = []
    for p in plan.pages:
        if p.display_list is None:
            runner.finish(runner.failed(p, runner.page_error(p, p.problem or "")))
            continue
        same = runner.unchanged(p)
        if same is not None:
            runner.finish(same)
        else:
            queue.append(p)
    pool = opts.pool or shared_pool()
    with pool.exporting():  # background work (the photo warm-up) waits
        if opts.workers != 1 and (opts.pool is not None or pool.started or len(queue) >= 2):
            runner.pooled(queue, pool)
        else:
            runner.in_process(queue)
    run.cancelled = bool(runner.stop())
    order = {p.number: i for i, p in enumerate(sorted(plan.pages, key=lambda p: p.number))}
    run.pages = sorted(runner.outcomes, key=lambda o: order.get(o.page, 0))
    if runner.manifest_changed:
        try:
            save_manifest(plan.out_dir, runner.manifest)
        except FileWriteError as exc:
            run.manifest_problem = tr("jobs.export.manifest_unwritten", lang, name=MANIFEST_NAME,
                                      reason=write_error_text(exc, lang))  # fmt: skip
    if opts.image_cache is None:
        from kupang_layout.render.pdf.image_cache import default_image_cache

        default_image_cache().prune()  # keep the prepared-image cache from growing unbounded
    if opts.combined and not run.cancelled:
        files = [o.path for o in run.pages if o.ok and o.path is not None]
        if files:
            number = f" {plan.number}" if plan.number else ""
            name = proof_filename(plan.paper, plan.number)
            run.proof = merge_proof(files, plan.out_dir / name, f"{plan.paper}{number}, proof")
    if opts.force or run.pdf_issues:
        try:
            run.report = write_report(plan.out_dir, run.issues, run.pdf_issues, lang, run.pages)
        except FileWriteError as exc:
            run.report_problem = write_error_text(exc, lang)
    run.seconds = time.perf_counter() - started
    return run


def export_pages(
    edition: Edition,
    out_dir: Path,
    pages: list[int] | None = None,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    issues: list[Issue] | None = None,
) -> ExportRun:
    """Plan and run an export of the in-memory `edition` (see the module's docstring)."""
    plan = plan_export(edition, out_dir, pages, options, issues=issues)
    return run_plan(plan, progress=progress, cancelled=cancelled)


def export_edition_file(
    edition_path: Path,
    out_dir: Path,
    pages: list[int] | None = None,
    preset_name: str | None = None,
    combined: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    *,
    max_workers: int | None = None,
    presets_path: Path | None = None,
    filename_pattern: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[PageOutcome]:
    """Draw pages of a saved edition, every one (no gate, no PDF check, no skipping).

    For scripts and tests: `progress(done, total, line)`; the proof, when made, is the
    last item with page 0. PdfExportError when the file cannot be read.
    """
    from kupang_layout.render.pdf.errors import PdfExportError
    from kupang_layout.storage import StorageError, load_edition

    try:
        edition = load_edition(Path(edition_path))
    except FileNotFoundError as exc:
        raise PdfExportError(f"{edition_path}: file not found") from exc
    except StorageError as exc:
        raise PdfExportError(str(exc)) from exc
    options = ExportOptions(
        preset_name=preset_name,
        presets_path=presets_path,
        filename_pattern=filename_pattern,
        combined=combined,
        reexport_all=True,
        check_pdfs=False,
        workers=max_workers,
    )

    def relay(event: PageEvent) -> None:
        if progress is not None:
            progress(event.done, event.total, event_text(event))

    plan = plan_export(edition, out_dir, pages, options, issues=[])
    run = run_plan(plan, progress=relay, cancelled=cancelled)
    out = list(run.pages)
    if run.proof is not None:
        out.append(PageOutcome(0, "", run.proof.name, run.proof, "exported"))
    return out
