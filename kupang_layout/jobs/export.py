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
`options.reexport_all`. `preflight.json` is written (once, here, atomically)
when the export was forced or a PDF has problems.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from kupang_layout.common.atomic import FileWriteError, check_folder_writable, write_text_atomically
from kupang_layout.common.messages import write_error_text
from kupang_layout.errors import KupangError
from kupang_layout.i18n import tr
from kupang_layout.jobs.export_manifest import (
    MANIFEST_NAME,
    ManifestEntry,
    load_manifest,
    save_manifest,
)
from kupang_layout.jobs.export_plan import DuplicateFileError, ExportPlan, PlannedPage, plan_export
from kupang_layout.jobs.export_pool import ExportPool, default_workers, shared_pool
from kupang_layout.jobs.export_types import (
    ExportOptions,
    ExportRun,
    PageEvent,
    PageOutcome,
    Progress,
    event_text,
    ink_text,
)
from kupang_layout.jobs.export_work import (
    CheckResult,
    PageWork,
    WorkResult,
    check_work,
    render_work,
)
from kupang_layout.model.edition import Edition
from kupang_layout.preflight.issues import Issue
from kupang_layout.preflight.pdf_check import pdf_problem
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

REPORT_NAME = "preflight.json"


def write_report(
    out_dir: Path,
    issues: list[Issue],
    pdf_issues: list[Issue],
    lang: str | None,
    pages: list[PageOutcome] | None = None,
) -> Path:
    """preflight.json beside the PDFs (atomically; a link planted there is replaced, never
    written through): the issues, and how each page's total ink was verified. Raises
    FileWriteError."""
    data: dict[str, object] = {
        "document": [i.to_dict(lang) for i in issues],
        "pdf": [i.to_dict(lang) for i in pdf_issues],
    }
    if pages:
        data["ink"] = [
            {
                "page": o.page,
                "file": o.file_name,
                **o.ink.to_dict(),
                "message": ink_text(o.page, o.ink, lang),
            }
            for o in pages
            if o.ink is not None
        ]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return write_text_atomically(out_dir / REPORT_NAME, text)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _regular_file(path: Path) -> bool:
    try:
        return os.path.isfile(path) and not os.path.islink(path)
    except OSError:
        return False


class _Runner:
    """One run of a plan: the queue, the pool, the outcomes, the manifest."""

    def __init__(self, plan: ExportPlan, progress: Progress | None, stop: Callable[[], bool]):
        self.plan = plan
        self.opts = plan.options
        self.lang = plan.options.language
        self.progress = progress
        self.stop = stop
        self.outcomes: list[PageOutcome] = []
        self.manifest = load_manifest(plan.out_dir)
        self.manifest_changed = False

    # -- outcomes -----------------------------------------------------------------
    def finish(self, outcome: PageOutcome) -> None:
        self.outcomes.append(outcome)
        if self.progress is not None:
            self.progress(PageEvent(len(self.outcomes), len(self.plan.pages), outcome))

    def failed(
        self,
        p: PlannedPage,
        error: str,
        seconds: float = 0.0,
        write_error: FileWriteError | None = None,
    ) -> PageOutcome:
        target = self.plan.out_dir / p.file_name
        if _regular_file(target):
            # The earlier export's file is kept (nothing is deleted before a new file is
            # complete); the message says it is not this export's.
            error = tr("render.pdf.old_kept", self.lang, error=error, name=p.file_name)
        return PageOutcome(
            p.number, p.page_id, p.file_name, None, "failed", p.fingerprint,
            errors=(error,), seconds=seconds, write_error=write_error,
        )  # fmt: skip

    def page_error(self, p: PlannedPage, reason: str) -> str:
        return tr("jobs.export.page_error", self.lang, page=p.number, reason=reason)

    def done(self, p: PlannedPage, wr: WorkResult, checked: CheckResult | None) -> PageOutcome:
        """The outcome of a drawn page, after looking at its file."""
        issues = checked.issues if checked is not None else []
        verdict = checked.ink if checked is not None else None
        target = self.plan.out_dir / p.file_name
        f = wr.failure
        if f is not None or wr.result is None:
            if f is not None and f.write_error is not None:  # said with what to do
                return self.failed(p, write_error_text(f.write_error, self.lang), wr.seconds,
                                   f.write_error)  # fmt: skip
            reason = ""
            if f is not None:
                reason = tr(f.key, self.lang, **f.params) if f.key else f.params["reason"]
            return self.failed(p, self.page_error(p, reason), wr.seconds)
        problem = pdf_problem(target)
        if problem == "missing":
            error = tr("render.pdf.missing", self.lang, page=p.number, name=p.file_name)
            return self.failed(p, error, wr.seconds)
        if problem is not None:
            error = tr("render.pdf.incomplete", self.lang, page=p.number, name=p.file_name,
                       reason=problem)  # fmt: skip
            return self.failed(p, error, wr.seconds)
        st = target.stat()
        sha = _sha256(target)
        warnings = wr.result.warnings
        self.manifest[p.file_name] = ManifestEntry(
            p.number, p.fingerprint, sha, st.st_size, st.st_mtime_ns, tuple(issues), warnings,
            verdict,
        )  # fmt: skip
        self.manifest_changed = True
        return PageOutcome(
            p.number, p.page_id, p.file_name, target, "exported", p.fingerprint, sha,
            warnings=warnings, pdf_issues=tuple(issues), images=wr.result.images,
            seconds=wr.seconds, ink=verdict,
        )  # fmt: skip

    def unchanged(self, p: PlannedPage) -> PageOutcome | None:
        if self.opts.reexport_all:
            return None
        entry = self.manifest.get(p.file_name)
        target = self.plan.out_dir / p.file_name
        if entry is None or entry.fingerprint != p.fingerprint or entry.page != p.number:
            return None
        if not entry.matches(target):
            return None
        return PageOutcome(
            p.number, p.page_id, p.file_name, target, "unchanged", p.fingerprint, entry.sha256,
            warnings=entry.warnings, pdf_issues=entry.pdf_issues, ink=entry.ink,
        )  # fmt: skip

    # -- work ---------------------------------------------------------------------
    def work(self, p: PlannedPage, threads: int = 1) -> PageWork | str:
        """The page's work item, or why it cannot be made (an asset that cannot be read)."""
        assert p.display_list is not None
        data: list[bytes] = []
        for asset in p.assets:
            try:
                data.append(self.plan.asset_source.read(asset.sha256))
            except (KupangError, OSError, KeyError, ValueError) as exc:
                name = asset.name or asset.sha256[:12]
                why = str(exc) or type(exc).__name__
                reason = tr("jobs.export.image_error", self.lang, name=name, reason=why)
                return self.page_error(p, reason)
        plan = self.plan
        return PageWork(
            p.display_list, plan.paper, plan.number, plan.date, p.assets, tuple(data),
            plan.preset, plan.out_dir / p.file_name, plan.exported, self.opts.image_cache,
            threads,
        )  # fmt: skip

    def check_args(self, p: PlannedPage, wr: WorkResult) -> tuple[Any, ...]:
        """check_work's arguments: the file, the page, its trim, the ink check, the bound."""
        bound = wr.result.ink if wr.result is not None else None
        return (self.plan.out_dir / p.file_name, p.number, p.size, self.opts.ink, bound,
                self.opts.ink_ghostscript, wr.pdf_sha256)  # fmt: skip

    def in_process(self, queue: list[PlannedPage]) -> None:
        for p in queue:
            if self.stop():
                return
            work = self.work(p, default_workers())
            if isinstance(work, str):
                self.finish(self.failed(p, work))
                continue
            wr = render_work(work)
            checked = wr.result is not None and self.opts.check_pdfs
            self.finish(self.done(p, wr, check_work(*self.check_args(p, wr)) if checked else None))

    def pooled(self, queue: list[PlannedPage], pool: ExportPool) -> None:
        """Feed pages to the pool, at most workers + 1 drawn at a time (the asset bytes of
        the others stay here); each written page's check goes in as it comes back, so it
        overlaps with the next pages."""
        pending = deque(queue)
        renders: dict[Future[WorkResult], PlannedPage] = {}
        checks: dict[Future[CheckResult], tuple[PlannedPage, WorkResult]] = {}
        limit = pool.workers + 1
        # A page alone (the app's case) prepares its pictures on all the worker's cores;
        # with pages in parallel the cores are busy with pages already.
        threads = pool.workers if len(queue) == 1 else 1
        first = True  # the first pages are handed over at once, as the run starts
        while pending or renders or checks:
            while pending and len(renders) < limit and (first or not self.stop()):
                p = pending.popleft()
                work = self.work(p, threads)
                if isinstance(work, str):
                    self.finish(self.failed(p, work))
                    continue
                renders[pool.submit(render_work, work)] = p
            first = False
            if self.stop():
                pending.clear()
            if not renders and not checks:
                continue
            running: list[Future[Any]] = [*renders, *checks]
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                if future in renders:
                    p = renders.pop(future)
                    try:
                        wr: WorkResult = future.result()
                    except BrokenProcessPool as exc:
                        pool.discard_broken()
                        reason = tr("jobs.export.worker_died", self.lang, reason=str(exc))
                        self.finish(self.failed(p, self.page_error(p, reason)))
                        continue
                    if wr.result is not None and self.opts.check_pdfs:
                        try:
                            checks[pool.submit(check_work, *self.check_args(p, wr))] = (p, wr)
                        except BrokenProcessPool:
                            pool.discard_broken()
                            self.finish(self.done(p, wr, check_work(*self.check_args(p, wr))))
                    else:
                        self.finish(self.done(p, wr, None))
                else:
                    p, wr = checks.pop(future)
                    try:
                        checked: CheckResult = future.result()
                    except BrokenProcessPool:
                        pool.discard_broken()
                        checked = check_work(*self.check_args(p, wr))  # once more, here
                    self.finish(self.done(p, wr, checked))


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
    runner = _Runner(plan, progress, cancelled or (lambda: False))
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
