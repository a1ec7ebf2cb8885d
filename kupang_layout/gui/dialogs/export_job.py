"""GUI stage: the PDF export of the open edition, run on a QThread.

The GUI thread takes a snapshot (`edition_to_json`, the asset source); the
thread builds an edition from it, saves it as a temporary .kpl (the user's
file is not touched and unsaved edits are exported) and runs
`render.pdf.export_edition`, whose worker processes are started with 'spawn'.
Then each written page is checked as the plant would (`preflight.check_pdf`),
and a report `preflight.json` is written beside the PDFs when the export was
forced past errors or the PDFs have problems — as `kupang-layout export --force`.

Cancel: pages not yet handed to a worker process are dropped; pages being
written finish (a second or two) and are kept; no combined proof is made.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from kupang_layout.common.atomic import FileWriteError, write_text_atomically
from kupang_layout.common.errortext import report_text
from kupang_layout.common.messages import write_error_text
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.model.assets import AssetSource
from kupang_layout.preflight import Issue, check_pdf
from kupang_layout.render.pdf import PageExportResult, PdfExportError, export_edition
from kupang_layout.storage import StorageError, edition_from_json, save_edition

REPORT_NAME = "preflight.json"


@dataclass(frozen=True)
class ExportRequest:
    """Everything the thread needs; nothing in it is shared with the live edition."""

    document: dict[str, Any]
    source: AssetSource
    out_dir: Path
    pages: list[int]
    preset_name: str
    presets_path: Path | None
    pattern: str
    combined: bool
    issues: list[Issue]  # the document preflight of these pages
    forced: bool  # exported in spite of errors (acknowledged)
    language: str
    max_workers: int | None = None


@dataclass
class ExportOutcome:
    results: list[PageExportResult] = field(default_factory=list)
    pdf_issues: list[Issue] = field(default_factory=list)
    report: Path | None = None
    report_problem: str | None = None  # why the report could not be written
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def written(self) -> list[PageExportResult]:
        return [r for r in self.results if r.ok and r.path is not None and r.page > 0]

    @property
    def failed(self) -> list[PageExportResult]:
        return [r for r in self.results if not r.ok]

    @property
    def proof(self) -> Path | None:
        return next((r.path for r in self.results if r.page == 0 and r.path), None)


def write_report(
    out_dir: Path, issues: list[Issue], pdf_issues: list[Issue], language: str
) -> Path:
    """preflight.json beside the PDFs, in the command line's form (atomically; a link
    planted there is replaced, never written through). Raises FileWriteError."""
    data = {
        "document": [i.to_dict(language) for i in issues],
        "pdf": [i.to_dict(language) for i in pdf_issues],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return write_text_atomically(out_dir / REPORT_NAME, text)


def run_export(
    req: ExportRequest,
    progress: Any = None,
    cancelled: Any = None,
) -> ExportOutcome:
    """The export itself (no Qt): snapshot -> temporary .kpl -> PDFs -> PDF check -> report."""
    started = time.perf_counter()
    stop = cancelled or (lambda: False)
    outcome = ExportOutcome()
    with temp_dir("kupang-export-") as tmp:
        edition = edition_from_json(req.document, "export")
        edition.asset_source = req.source
        kpl = tmp / "edition.kpl"
        save_edition(edition, kpl)
        outcome.results = export_edition(
            kpl,
            req.out_dir,
            req.pages,
            req.preset_name,
            req.combined,
            progress,
            max_workers=req.max_workers,
            presets_path=req.presets_path,
            filename_pattern=req.pattern,
            cancelled=stop,
        )
    outcome.cancelled = bool(stop())
    for r in outcome.written:
        if r.path is not None:
            outcome.pdf_issues.extend(check_pdf(r.path))
    if req.forced or outcome.pdf_issues:
        try:
            outcome.report = write_report(req.out_dir, req.issues, outcome.pdf_issues, req.language)
        except FileWriteError as exc:
            outcome.report_problem = write_error_text(exc, req.language)
    outcome.seconds = time.perf_counter() - started
    return outcome


class ExportThread(QThread):
    """Runs `run_export` off the GUI thread; `cancel()` asks it to stop after the current pages."""

    progress = Signal(int, int, str)
    done = Signal(object)  # ExportOutcome
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
            outcome = run_export(
                self.request,
                lambda done, total, message: self.progress.emit(done, total, message),
                self._cancel.is_set,
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
