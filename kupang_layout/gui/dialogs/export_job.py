"""GUI stage: the PDF export of the open edition, run on a QThread through `jobs.export`.

The GUI thread makes the plan (`make_request`): the session's cached display
lists, the dialog's preflight, file names and fingerprints, all frozen, so the
desk may go on editing. The thread runs the plan (`jobs.export.run_plan`) in the
pool of worker processes the app started when it opened (`warm_pool`); each
written page is checked as the plant would, and `preflight.json` is written
beside the PDFs when the export was forced past errors or the PDFs have
problems, as `kupang-layout export --force` does. Pages unchanged since the
last export to that folder are not drawn again unless the desk ticks
"Ekspor ulang semua".

One folder, one export: `claim_folder` refuses a second export into a folder an
export of this program is writing into (any window of the process); the thread
gives the folder back when it ends. The thread tells each finished page
(`page_done`, the service's `PageEvent`) for the window's export panel.

Cancel: pages not yet handed to a worker process are dropped; pages being
written finish (a second or two) and are kept; no combined proof is made.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from kupang_layout.common.atomic import FileWriteError
from kupang_layout.common.errortext import report_text
from kupang_layout.common.messages import write_error_text
from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.jobs.export import (
    REPORT_NAME,
    ExportOptions,
    ExportPlan,
    ExportRun,
    PageEvent,
    event_text,
    plan_export,
    run_plan,
)
from kupang_layout.jobs.export_pool import shared_pool
from kupang_layout.model.edition import Edition
from kupang_layout.model.page import Page
from kupang_layout.preflight import Issue
from kupang_layout.render.pdf import PdfExportError
from kupang_layout.storage import StorageError

__all__ = [
    "REPORT_NAME",
    "ExportOutcome",
    "ExportRequest",
    "ExportThread",
    "claim_folder",
    "folder_busy",
    "make_request",
    "release_folder",
    "run_export",
    "warm_pool",
]

#: What the dialog shows afterwards: the service's answer.
ExportOutcome = ExportRun


@dataclass(frozen=True)
class ExportRequest:
    """Everything the thread needs; nothing in it is shared with the live edition."""

    plan: ExportPlan
    language: str

    @property
    def out_dir(self) -> Path:
        return self.plan.out_dir


def make_request(
    edition: Edition,
    out_dir: Path,
    pages: list[int],
    options: ExportOptions,
    *,
    issues: list[Issue],
    display_list: Callable[[Page], PageDisplayList] | None = None,
) -> ExportRequest:
    """The export's snapshot, made on the GUI thread. PresetError, DuplicateFileError."""
    plan = plan_export(edition, out_dir, pages, options, issues=issues, display_list=display_list)
    return ExportRequest(plan, options.language or "id")


def run_export(
    req: ExportRequest,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportRun:
    """The export itself (no Qt): `progress(done, total, translated line)`."""

    def relay(event: PageEvent) -> None:
        if progress is not None:
            progress(event.done, event.total, event_text(event, req.language))

    return run_plan(req.plan, progress=relay, cancelled=cancelled)


_busy: set[Path] = set()
_busy_lock = threading.Lock()


def _folder_key(folder: Path) -> Path:
    return Path(os.path.normcase(os.path.abspath(folder.expanduser())))


def folder_busy(folder: Path) -> bool:
    """Whether an export of this process is writing into `folder` now."""
    with _busy_lock:
        return _folder_key(folder) in _busy


def claim_folder(folder: Path) -> bool:
    """Mark `folder` as being exported into; False when it is already."""
    key = _folder_key(folder)
    with _busy_lock:
        if key in _busy:
            return False
        _busy.add(key)
        return True


def release_folder(folder: Path) -> None:
    with _busy_lock:
        _busy.discard(_folder_key(folder))


def warm_pool() -> None:
    """Start the export's worker processes now (the app, idle after opening)."""
    shared_pool().start()


class ExportThread(QThread):
    """Runs `run_export` off the GUI thread; `cancel()` asks it to stop after the current pages.

    The caller claims the output folder (`claim_folder`) before `start()`; the thread
    releases it when it ends, whatever happened."""

    progress = Signal(int, int, str)
    page_done = Signal(object)  # PageEvent: one finished page (exported, unchanged, failed)
    done = Signal(object)  # ExportRun
    failed = Signal(str)

    def __init__(self, request: ExportRequest) -> None:
        super().__init__()
        self.request = request
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self._run()
        finally:
            release_folder(self.request.out_dir)

    def _relay(self, event: PageEvent) -> None:
        self.progress.emit(event.done, event.total, event_text(event, self.request.language))
        self.page_done.emit(event)

    def _run(self) -> None:
        try:
            outcome = run_plan(
                self.request.plan, progress=self._relay, cancelled=self._cancel.is_set
            )
        except FileWriteError as exc:  # the output folder cannot be made or written to
            self.failed.emit(write_error_text(exc, self.request.language))
            return
        except (StorageError, PdfExportError, OSError) as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # the background job's boundary: logged, told, never lost
            self.failed.emit(
                report_text(exc, "export", str(self.request.out_dir), self.request.language)
            )
            return
        self.done.emit(outcome)
