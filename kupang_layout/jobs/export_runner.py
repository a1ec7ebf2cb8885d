"""Jobs stage: one run of an export plan: the queue, the pool, the outcomes, the manifest.

`jobs.export.run_plan` makes a `Runner` and reads its outcomes; see that module for
the service's contract.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import Path
from typing import Any

from kupang_layout.common.atomic import FileWriteError
from kupang_layout.common.messages import write_error_text
from kupang_layout.errors import KupangError
from kupang_layout.i18n import tr
from kupang_layout.jobs.export_manifest import ManifestEntry, load_manifest
from kupang_layout.jobs.export_plan import ExportPlan, PlannedPage
from kupang_layout.jobs.export_pool import ExportPool, default_workers
from kupang_layout.jobs.export_types import PageEvent, PageOutcome, Progress
from kupang_layout.jobs.export_work import (
    CheckResult,
    PageWork,
    WorkResult,
    check_work,
    render_work,
)
from kupang_layout.preflight.pdf_check import pdf_problem
from kupang_layout.render.pdf import messages as _render_messages  # noqa: F401  (render.pdf.*)

__all__ = ["Runner"]


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


class Runner:
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
        # Ghostscript on every page: asked for by the caller or by the preset.
        self.ghostscript = self.opts.ink_ghostscript or plan.preset.ink_check == "ghostscript"

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
        measured = entry.ink is not None and entry.ink.way == "ghostscript"
        if self.ghostscript and self.opts.check_pdfs and self.opts.ink and not measured:
            return None  # Ghostscript was asked for on every page: this one was not measured
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
                self.ghostscript, wr.pdf_sha256)  # fmt: skip

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
        """`feed` the pool; an interrupted export (Ctrl+C) ends the workers at once rather
        than waiting for their pages."""
        try:
            self.feed(queue, pool)
        except KeyboardInterrupt:
            pool.terminate()
            raise

    def feed(self, queue: list[PlannedPage], pool: ExportPool) -> None:
        """Feed pages to the pool, at most workers + 1 drawn at a time (the asset bytes of
        the others stay here); each written page's check goes in as it comes back, so it
        overlaps with the next pages."""
        # Here, not at the top: a page drawn in this process (a one-page export) never
        # loads the process pool's module.
        from concurrent.futures.process import BrokenProcessPool

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
