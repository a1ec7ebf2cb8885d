"""Jobs stage: one page's export work item and what a worker process does with it.

A `PageWork` is everything a worker process needs to draw one page and nothing
more: the page's display list (already laid out by the caller), the edition's
name fields, the assets the page places with their bytes, the preset and the
target path. It pickles (the compiled display-list classes are reduced to their
fields by `register_pickling`), so the app's cached display lists cross to the
pool as they are and no worker loads or lays out the edition again.

Worker functions (`render_work`, `check_work`, `warm_worker`) never raise for a
page's own problem: a failure comes back as data (`WorkFailure`: a message key
and its params), translated by the caller in the desk's language.

The plant's total ink check (`check_work`) takes the painter's proven bound of
the page (`PageExportResult.ink`): a page whose bound is within the limit plus
the check's tolerance cannot fail Ghostscript's measurement, so Ghostscript is
not run for it; a page with a PDF ad, an unmeasured picture, or a bound over the
limit is measured by Ghostscript as before, which decides. The verdict says
which way it went, with the figure (docs/DECISIONS.md, "Ink proven by construction").
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kupang_layout.common.atomic import FileWriteError
from kupang_layout.common.heap import settle_imports
from kupang_layout.engine import displaylist
from kupang_layout.engine.displaylist import ImageItem, PageDisplayList
from kupang_layout.errors import KupangError
from kupang_layout.fonts import FontError
from kupang_layout.jobs.export_types import InkVerdict
from kupang_layout.model.assets import Asset, MemoryAssets
from kupang_layout.model.edition import Edition
from kupang_layout.preflight.issues import Issue
from kupang_layout.render.pdf.errors import ImageError
from kupang_layout.render.pdf.exporter import PageExportResult, render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.images import set_strip_threads
from kupang_layout.render.pdf.ink_bound import InkBound
from kupang_layout.render.pdf.presets import ExportPreset

__all__ = [
    "CheckResult",
    "PageWork",
    "WorkFailure",
    "WorkResult",
    "check_work",
    "register_pickling",
    "render_work",
    "warm_worker",
]

# Problems that belong to one page; anything else is a bug and is raised.
PAGE_ERRORS = (KupangError, FontError, OSError, ValueError, KeyError)


def _reduce(obj: object) -> tuple[type, tuple[Any, ...]]:
    cls = type(obj)
    return cls, tuple(getattr(obj, f.name) for f in dataclasses.fields(cls))  # type: ignore[arg-type]


def register_pickling() -> None:
    """Pickle the display list's frozen (mypyc-compiled) dataclasses by their fields.

    Their default pickling sets attributes one by one on load, which a frozen compiled
    class refuses; rebuilding through the constructor is also what the engine does.
    """
    for value in vars(displaylist).values():
        if (
            isinstance(value, type)
            and value.__module__ == displaylist.__name__
            and dataclasses.is_dataclass(value)
        ):
            copyreg.pickle(value, _reduce)


register_pickling()


@dataclass(frozen=True, slots=True)
class PageWork:
    """One page to draw, in a form that crosses process boundaries."""

    display_list: PageDisplayList
    paper: str
    number: str
    date: str
    assets: tuple[Asset, ...]
    data: tuple[bytes, ...]  # the assets' bytes, in the same order
    preset: ExportPreset
    out_path: Path
    exported: datetime
    image_cache: Path | None  # None: the user's image cache folder
    threads: int = 1  # threads for one picture (the cores when this is the only page drawn)

    @property
    def page(self) -> int:
        return self.display_list.number

    def edition(self) -> Edition:
        """A stand-in edition holding what the PDF renderer reads: names and assets."""
        source = MemoryAssets()
        for asset, data in zip(self.assets, self.data, strict=True):
            source.add(asset.sha256, data)
        return Edition(
            paper=self.paper,
            number=self.number,
            date=self.date,
            assets={a.sha256: a for a in self.assets},
            asset_source=source,
        )


@dataclass(frozen=True, slots=True)
class WorkFailure:
    """Why a page was not drawn: a message key of `jobs.export.*` and its params."""

    key: str
    params: dict[str, str]
    write_error: FileWriteError | None = None


@dataclass(frozen=True, slots=True)
class WorkResult:
    page: int
    result: PageExportResult | None
    failure: WorkFailure | None
    seconds: float
    pdf_sha256: str = ""  # of the file as written (what the ink bound describes)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def placed_assets(display_list: PageDisplayList) -> list[str]:
    """The SHA-256 of every asset the page draws, in first-use order."""
    seen: dict[str, None] = {}
    for item in display_list.items:
        if isinstance(item, ImageItem):
            seen.setdefault(item.asset, None)
    return list(seen)


def warm_worker() -> int:
    """Import the renderer and the PDF checks, so the first page does not pay for it."""
    import kupang_layout.preflight.pdf_check
    import kupang_layout.render.pdf.painter
    import kupang_layout.render.pdf.pdfx  # noqa: F401

    register_pickling()
    settle_imports()
    return 0


def render_work(work: PageWork) -> WorkResult:
    """Draw the page and write its PDF atomically; a page's problem comes back as data."""
    started = time.perf_counter()
    failure: WorkFailure
    set_strip_threads(work.threads)
    try:
        cache = ImageCache(work.image_cache) if work.image_cache else ImageCache()
        result = render_page_pdf(
            work.display_list,
            work.edition(),
            work.preset,
            work.out_path,
            image_cache=cache,
            exported=work.exported,
        )
        try:
            written = file_sha256(work.out_path)
        except OSError:
            written = ""  # the file is looked at after the run (missing, cut short...)
        return WorkResult(work.page, result, None, time.perf_counter() - started, written)
    except FileWriteError as exc:
        failure = WorkFailure("", {"reason": str(exc)}, exc)
    except ImageError as exc:
        failure = WorkFailure(
            "jobs.export.image_error", {"name": exc.asset_name, "reason": exc.reason}
        )
    except PAGE_ERRORS as exc:
        failure = WorkFailure("", {"reason": str(exc) or type(exc).__name__})
    return WorkResult(work.page, None, failure, time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The plant's rules on one written page: the issues, and how its ink was verified
    (None when the ink check was off)."""

    issues: list[Issue]
    ink: InkVerdict | None


def _sha256_or_none(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:
        return None


def _why_measured(bound: InkBound | None, limit: float, ghostscript: bool, same: bool) -> str:
    if ghostscript:
        return "Ghostscript asked for"
    if bound is None:
        return "no bound from the painter"
    if not bound.proven:
        return "cannot be proven: " + "; ".join(bound.unproven)
    if not same:
        return "the file is not the one the bound was made for"
    return f"the bound {bound.total:g} % is over {limit:g} %"


def check_work(
    path: Path,
    page: int,
    size: tuple[float, float],
    ink: bool,
    bound: InkBound | None = None,
    ghostscript: bool = False,
    drawn_sha256: str = "",
) -> CheckResult:
    """The plant's rules on a written page PDF; the ink proven by the painter's `bound`
    when it is within the limit (+ the check's tolerance) and the file is still the one
    it was made for (`drawn_sha256`), else (or with `ghostscript`) measured by
    Ghostscript, bounded by pdf_ink."""
    from kupang_layout.preflight.issues import DEFAULT_SETTINGS
    from kupang_layout.preflight.pdf_check import check_pdf
    from kupang_layout.preflight.pdf_ink import TAC_TOLERANCE, PageInk

    if not ink:
        return CheckResult(check_pdf(path, page=page, expected_size=size, ink=False), None)
    limit = DEFAULT_SETTINGS.tac + TAC_TOLERANCE
    total = bound.total if bound is not None and bound.proven else None
    same = total is not None and bool(drawn_sha256) and _sha256_or_none(path) == drawn_sha256
    if not ghostscript and same and total is not None and total <= limit:
        issues = check_pdf(path, page=page, expected_size=size, ink=False)
        return CheckResult(issues, InkVerdict("proof", total))
    why = _why_measured(bound, limit, ghostscript, same)
    measured: list[PageInk] = []
    issues = check_pdf(path, page=page, expected_size=size, ink=True, measured=measured)
    if not measured:
        return CheckResult(issues, InkVerdict("unchecked", None, None, why))
    worst = max(measured, key=lambda m: m.percentile)
    verdict = InkVerdict("ghostscript", round(worst.percentile, 1), round(worst.maximum, 1), why)
    return CheckResult(issues, verdict)
