"""Jobs stage: what the export service is asked (options) and what it answers (outcomes, events)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kupang_layout.common.atomic import FileWriteError
from kupang_layout.i18n import current_language, tr
from kupang_layout.jobs import messages as _messages  # noqa: F401  (registers jobs.export.*)
from kupang_layout.preflight.issues import Issue

if TYPE_CHECKING:
    from kupang_layout.jobs.export_pool import ExportPool
    from kupang_layout.render.pdf.exporter import ImageFigure

__all__ = [
    "ExportOptions",
    "ExportRun",
    "InkVerdict",
    "PageEvent",
    "PageOutcome",
    "Progress",
    "event_text",
    "ink_figure",
    "ink_text",
]

PageStatus = Literal["exported", "unchanged", "failed"]


@dataclass(frozen=True)
class ExportOptions:
    """How to export. `workers=1` draws in this process; None uses the pool for 2+ pages
    (or whenever the shared pool is already running, as in the app)."""

    preset_name: str | None = None
    presets_path: Path | None = None
    filename_pattern: str | None = None  # replaces the preset's pattern
    combined: bool = False  # also join the pages into one proof PDF (never for the plant)
    force: bool = False  # export in spite of preflight errors (then preflight.json is written)
    reexport_all: bool = False  # export pages the manifest says are unchanged, too
    check_pdfs: bool = True  # the plant's PDF rules on each written file
    ink: bool = True  # ... including the plant's total ink check:
    # proven from the painted page, Ghostscript only where it cannot be proven (or always,
    # with `ink_ghostscript` or a preset whose `ink_check` is 'ghostscript'; unchanged pages
    # not measured by Ghostscript are then exported and measured again)
    ink_ghostscript: bool = False
    language: str | None = None  # of the texts in outcomes, events and the report
    image_cache: Path | None = None  # None: the user's image cache folder
    workers: int | None = None
    pool: ExportPool | None = None  # None: the shared pool


@dataclass(frozen=True, slots=True)
class InkVerdict:
    """How a page's total ink was verified.

    `way` is 'proof' (the painter's bound, `total` the most ink anywhere in the trim:
    no Ghostscript needed), 'ghostscript' (measured: `total` the 99.9th percentile,
    `maximum` the most of any pixel) or 'unchecked' (Ghostscript could not run; the
    check's issues say why). `why` says why Ghostscript ran (English, for the record).
    """

    way: Literal["proof", "ghostscript", "unchecked"]
    total: float | None
    maximum: float | None = None
    why: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"way": self.way, "total": self.total, "maximum": self.maximum, "why": self.why}


def ink_figure(value: float | None, lang: str | None = None) -> str:
    """An ink percentage for people: one decimal, a decimal comma in Indonesian."""
    text = f"{value or 0.0:.1f}"
    return text.replace(".", ",") if (lang or current_language()) == "id" else text


def ink_text(page: int, verdict: InkVerdict, lang: str | None = None) -> str:
    """'page 3: total ink at most 236 %, proven ...' in the language."""
    total = ink_figure(verdict.total, lang)
    if verdict.way == "proof":
        return tr("jobs.export.ink_proven", lang, page=page, total=total)
    if verdict.way == "ghostscript":
        maximum = ink_figure(verdict.maximum, lang)
        return tr("jobs.export.ink_measured", lang, page=page, total=total, maximum=maximum)
    return tr("jobs.export.ink_unchecked", lang, page=page)


@dataclass(frozen=True)
class PageOutcome:
    """One page's result. `path` is this export's file (or the unchanged earlier one);
    None when the page failed (an earlier file may still be there: `errors` says so)."""

    page: int
    page_id: str
    file_name: str
    path: Path | None
    status: PageStatus
    fingerprint: str = ""
    sha256: str = ""  # of the file at `path`
    warnings: tuple[str, ...] = ()  # translated
    errors: tuple[str, ...] = ()  # translated
    pdf_issues: tuple[Issue, ...] = ()
    images: tuple[ImageFigure, ...] = ()
    seconds: float = 0.0
    write_error: FileWriteError | None = None  # made, but the folder refused the file
    ink: InkVerdict | None = None  # how the total ink was verified (None: not checked)

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @property
    def error(self) -> str | None:
        return "; ".join(self.errors) if self.errors else None


@dataclass(frozen=True)
class PageEvent:
    """A page is finished (exported, unchanged or failed): `done` of `total`."""

    done: int
    total: int
    outcome: PageOutcome


Progress = Callable[[PageEvent], None]


def event_text(event: PageEvent, lang: str | None = None) -> str:
    """'[3/24] halaman 2: KupangTimes_612_02.pdf' (or the page's error) in the language."""
    o = event.outcome
    if o.status == "failed":  # the error names the page already
        return tr("jobs.export.progress_failed", lang, done=event.done, total=event.total,
                  text=o.error or "")  # fmt: skip
    if o.status == "unchanged":
        text = tr("jobs.export.unchanged", lang, name=o.file_name)
    else:
        text = o.file_name
    return tr("jobs.export.progress", lang, done=event.done, total=event.total, page=o.page,
              text=text)  # fmt: skip


@dataclass
class ExportRun:
    """The whole job's answer."""

    pages: list[PageOutcome] = field(default_factory=list)  # in page order
    issues: list[Issue] = field(default_factory=list)  # the document preflight
    refused: bool = False  # preflight errors and not forced: nothing was written
    cancelled: bool = False  # pages not yet handed to a worker were dropped
    proof: Path | None = None
    report: Path | None = None  # preflight.json, when written
    report_problem: str | None = None  # why it could not be written (translated)
    manifest_problem: str | None = None  # why the manifest could not be written
    seconds: float = 0.0

    @property
    def written(self) -> list[PageOutcome]:
        """Pages whose file is there: exported now or unchanged since the last export."""
        return [p for p in self.pages if p.ok and p.path is not None]

    @property
    def exported(self) -> list[PageOutcome]:
        return [p for p in self.pages if p.status == "exported"]

    @property
    def failed(self) -> list[PageOutcome]:
        return [p for p in self.pages if p.status == "failed"]

    @property
    def pdf_issues(self) -> list[Issue]:
        return [i for p in self.pages for i in p.pdf_issues]
