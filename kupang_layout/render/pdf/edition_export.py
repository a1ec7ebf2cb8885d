"""PDF render stage: export an edition's pages in parallel worker processes.

Each worker loads the .kpl itself and lays its page out again (display lists are not
sent between processes), so the work spreads over every core. Workers are started
with the 'spawn' method, which is safe next to a running Qt application and works the
same on Linux, macOS and Windows. A page that fails (a damaged picture, say) is
reported in its result; the other pages are still exported.

One file per page, never a page lost: the output folder is made and proved
writable, and two pages that would write the same file are refused, before any
work starts. Every page file is written atomically (a failed page keeps the
file of an earlier export, and its result says so). After the run each
expected file is checked to exist and to be a complete PDF.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pikepdf
from pikepdf import Name, String

from kupang_layout.common.atomic import (
    FileWriteError,
    check_folder_writable,
    copy_file_atomically,
)
from kupang_layout.common.messages import write_error_text
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.errors import KupangError
from kupang_layout.fonts import FontError
from kupang_layout.i18n import tr
from kupang_layout.model.edition import Edition
from kupang_layout.render.pdf.errors import PdfExportError
from kupang_layout.render.pdf.exporter import PageExportResult, page_filename, render_page_pdf
from kupang_layout.render.pdf.image_cache import default_image_cache
from kupang_layout.render.pdf.messages import register as _register_messages
from kupang_layout.render.pdf.pdfx import CREATOR, PRODUCER, pdf_date
from kupang_layout.render.pdf.presets import ExportPreset, get_preset, with_filename_pattern
from kupang_layout.storage.errors import StorageError

__all__ = [
    "DuplicateFileError",
    "ExportJob",
    "Progress",
    "export_edition",
    "merge_proof",
    "pdf_problem",
    "proof_filename",
]
_register_messages()

Progress = Callable[[int, int, str], None]

# Problems that belong to one page; anything else is a bug and is raised.
_PAGE_ERRORS = (KupangError, StorageError, FontError, OSError, ValueError, KeyError)


class DuplicateFileError(PdfExportError):
    """Two pages would be written to one file (one page would be lost): nothing is written."""


@dataclass(frozen=True, slots=True)
class ExportJob:
    """One page to export, in a form that crosses process boundaries."""

    edition_path: str
    page: int
    out_path: str
    preset_name: str | None
    presets_path: str | None
    exported: datetime


# Per worker process: the edition loaded last (path, mtime, size) -> Edition.
_loaded: dict[tuple[str, int, int], Edition] = {}


def _load_edition(path: str) -> Edition:
    from kupang_layout.storage import load_edition  # the storage stage, imported when used

    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)
    edition = _loaded.get(key)
    if edition is None:
        _loaded.clear()
        edition = load_edition(Path(path))
        _loaded[key] = edition
    return edition


def _export_job(job: ExportJob) -> PageExportResult:
    """Worker: load the edition, lay the page out, write its PDF (errors become results)."""
    started = time.perf_counter()
    page_id = ""
    try:
        edition = _load_edition(job.edition_path)
        page = edition.page_by_number(job.page)
        if page is None:
            raise PdfExportError(f"{job.edition_path}: the edition has no page {job.page}")
        page_id = page.id
        preset = get_preset(job.preset_name, Path(job.presets_path) if job.presets_path else None)
        from kupang_layout.engine.layout import layout_page  # the engine, imported when used

        display_list = layout_page(edition, page)
        return render_page_pdf(
            display_list, edition, preset, Path(job.out_path), exported=job.exported
        )
    except FileWriteError as exc:
        return PageExportResult(
            page=job.page,
            page_id=page_id,
            path=None,
            error=f"page {job.page}: {exc}",
            seconds=time.perf_counter() - started,
            write_error=exc,
        )
    except _PAGE_ERRORS as exc:
        return PageExportResult(
            page=job.page,
            page_id=page_id,
            path=None,
            error=f"page {job.page}: {exc}",
            seconds=time.perf_counter() - started,
        )


def proof_filename(edition: Edition) -> str:
    paper = "".join(edition.paper.split()) or "Paper"
    number = "".join(ch for ch in edition.number if ch.isalnum() or ch in "-_") or "0"
    return f"{paper}_{number}_proof.pdf"


def merge_proof(pdfs: Sequence[Path], out: Path, title: str) -> Path:
    """Join page PDFs into one proof file (not PDF/X: no output intent, never for the plant).

    pikepdf saves into this run's temporary folder (its own temporary file stays there);
    the atomic writer then puts the proof in place. FileWriteError when it cannot.
    """
    sources: list[pikepdf.Pdf] = []
    try:
        with temp_dir("kupang-proof-") as folder, pikepdf.new() as merged:
            for path in pdfs:
                source = pikepdf.open(path)
                sources.append(source)
                merged.pages.extend(source.pages)
            stamp = pdf_date(datetime.now())
            merged.docinfo[Name.Title] = String(title)
            merged.docinfo[Name.Creator] = String(CREATOR)
            merged.docinfo[Name.Producer] = String(PRODUCER)
            merged.docinfo[Name.CreationDate] = String(stamp)
            merged.docinfo[Name.ModDate] = String(stamp)
            staged = folder / "proof.pdf"
            merged.save(staged, object_stream_mode=pikepdf.ObjectStreamMode.disable)
            copy_file_atomically(staged, out)
    except (pikepdf.PdfError, OSError) as exc:
        raise PdfExportError(f"cannot write the proof {out}: {exc}") from exc
    finally:
        for source in sources:
            source.close()
    return out


def _jobs(
    edition: Edition,
    edition_path: Path,
    out_dir: Path,
    pages: list[int],
    preset: ExportPreset,
    preset_name: str | None,
    presets_path: Path | None,
) -> list[ExportJob]:
    """One job per page; two pages that would write the same file are refused."""
    exported = datetime.now().astimezone()
    by_name: dict[str, list[int]] = {}
    for number in pages:
        by_name.setdefault(page_filename(edition, preset, number), []).append(number)
    # A page number given twice, two pages with one number, or a pattern without {page}.
    counts = {n: sum(1 for p in edition.pages if p.number == n) for n in set(pages)}
    for name, numbers in by_name.items():
        if len(numbers) > 1 or counts[numbers[0]] > 1:
            shown = numbers if len(numbers) > 1 else numbers * counts[numbers[0]]
            raise DuplicateFileError(
                tr("render.pdf.same_file", pages=", ".join(str(n) for n in shown), name=name)
            )
    return [
        ExportJob(
            edition_path=str(edition_path),
            page=number,
            out_path=str(out_dir / page_filename(edition, preset, number)),
            preset_name=preset_name,
            presets_path=str(presets_path) if presets_path else None,
            exported=exported,
        )
        for number in pages
    ]


def pdf_problem(path: Path) -> str | None:
    """Why `path` is not a complete PDF (None when it is one): missing, empty, cut short."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            head = stream.read(8)
            stream.seek(max(0, size - 1024))
            tail = stream.read()
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return exc.strerror or str(exc)
    if not head.startswith(b"%PDF-"):
        return "no PDF header"
    if b"%%EOF" not in tail:
        return "no end of file marker (cut short)"
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) < 1:
                return "no pages"
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        return str(exc) or type(exc).__name__
    return None


def _regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _verified(result: PageExportResult, target: Path) -> PageExportResult:
    """The result of a page after looking at its file: missing or incomplete is an error."""
    if result.write_error is not None:  # said in the user's language, with what to do
        result = replace(result, error=write_error_text(result.write_error))
    if not result.ok:
        if _regular_file(target):
            # The earlier export's file is kept (nothing is deleted before a new file is
            # complete); the message says it is not this export's.
            error = tr("render.pdf.old_kept", error=result.error, name=target.name)
            return replace(result, error=error)
        return result
    problem = pdf_problem(target)
    if problem == "missing":
        return replace(
            result, path=None, error=tr("render.pdf.missing", page=result.page, name=target.name)
        )
    if problem is not None:
        error = tr("render.pdf.incomplete", page=result.page, name=target.name, reason=problem)
        return replace(result, path=None, error=error)
    return result


def export_edition(
    edition_path: Path,
    out_dir: Path,
    pages: list[int] | None = None,
    preset_name: str | None = None,
    combined: bool = False,
    progress: Progress | None = None,
    *,
    max_workers: int | None = None,
    presets_path: Path | None = None,
    filename_pattern: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[PageExportResult]:
    """Export pages of the edition at `edition_path` to `out_dir`, one PDF per page.

    `pages` are page numbers (default: all); `progress(done, total, message)` is called
    in this process after each page. With `combined`, the pages that exported are also
    joined into one proof PDF, reported as a result with page 0. Results come back in
    page order, one per page handed to a worker; failed pages carry `error` and no path
    (a file from an earlier export is kept, and the error says so), pages whose file
    could not be written also `write_error`.

    Before anything is written: PdfExportError for an unreadable edition, or two pages
    that would write the same file (DuplicateFileError); FileWriteError when
    the output folder cannot be made or written to.

    `filename_pattern` replaces the preset's pattern (checked the same way). When
    `cancelled()` turns true, checked after each page, pages not yet handed to a worker
    are dropped (no result, no file, no proof); pages already handed over finish and
    are reported.
    """
    preset = get_preset(preset_name, presets_path)
    if filename_pattern is not None:
        preset = with_filename_pattern(preset, filename_pattern)
    stop = cancelled or (lambda: False)
    try:
        edition = _load_edition(str(edition_path))
    except FileNotFoundError as exc:
        raise PdfExportError(f"{edition_path}: file not found") from exc
    except StorageError as exc:
        raise PdfExportError(str(exc)) from exc
    numbers = pages if pages is not None else [p.number for p in edition.pages]
    jobs = _jobs(edition, edition_path, out_dir, numbers, preset, preset_name, presets_path)
    total = len(jobs)
    check_folder_writable(out_dir)
    results: list[PageExportResult] = []
    targets = {job.page: Path(job.out_path) for job in jobs}

    def report(result: PageExportResult) -> None:
        target = targets.get(result.page)
        if target is not None:
            result = _verified(result, target)
        results.append(result)
        if progress is not None:
            if result.error:
                message = result.error
            else:
                name = result.path.name if result.path else ""
                message = f"page {result.page}: {name}"
            progress(len(results), total, message)

    workers = max(1, min(max_workers or os.cpu_count() or 1, total))
    if workers == 1:
        for job in jobs:
            if stop():
                break
            report(_export_job(job))
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures: dict[Future[PageExportResult], ExportJob] = {
                pool.submit(_export_job, job): job for job in jobs
            }
            for future in as_completed(futures):
                job = futures[future]
                if future.cancelled():
                    continue
                try:
                    report(future.result())
                except BrokenProcessPool as exc:
                    report(
                        PageExportResult(
                            job.page, "", None, error=f"page {job.page}: worker died ({exc})"
                        )
                    )
                if stop():
                    for pending in futures:
                        pending.cancel()  # not handed to a worker yet: dropped
    if not stop():
        # Every page handed over has exactly one result.
        reported = {r.page for r in results}
        for job in jobs:
            if job.page not in reported:
                error = tr("render.pdf.no_result", page=job.page)
                results.append(PageExportResult(job.page, "", None, error=error))
    results.sort(key=lambda r: r.page)
    # Keep the prepared-image cache from growing without bound.
    default_image_cache().prune()
    if combined and not stop():
        done = [r.path for r in results if r.path is not None]
        if done:
            number = f" {edition.number}" if edition.number else ""
            proof = merge_proof(
                done, out_dir / proof_filename(edition), f"{edition.paper}{number}, proof"
            )
            results.append(PageExportResult(page=0, page_id="", path=proof))
    return results
