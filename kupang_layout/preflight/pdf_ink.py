"""Preflight stage: total ink coverage of a PDF's pages from Ghostscript's separations.

Ghostscript renders each page's trim at `ink_dpi`; the per-pixel sum of the
inks' coverage is the total area coverage; the page fails when its
`ink_percentile` (99.9th by default: a few stray pixels of anti-aliasing or a
thin rule may pass) is more than 2 % over the limit. This is how the printing
plant measures it (`tiffsep`, one 8-bit plate per ink, 0 = full ink).

A file whose colours are all process CMYK (and the registration colour `All`,
which Ghostscript paints on every process plate alike) is rendered with the
`tiff32nc` device instead: one CMYK raster (255 = full ink) with the same
overprint and the same pixels, but without writing and reading five files;
measured on the exporter's pages it gives the plant's figures to the tenth of a
percent in two thirds of the time. A file with a spot colour (a Separation or
DeviceN space other than `All` and `None`, as a PDF ad may bring) is rendered
with `tiffsep`, as the plant does, because a spot plate counts as an ink of its own.

The check is bounded, whatever the file: Ghostscript renders one page at a time
into this run's temporary folder (`common.runtemp`), each within
`GS_TIMEOUT_S` seconds (a page that takes longer is a preflight error naming
it), at a resolution lowered for a page so large that its raster would pass
`MAX_PIXELS` (a 1.2 x 1.2 m page at 72 dpi), and on POSIX under resource
limits (address space, file size, CPU time). Each page's plates are removed
before the next page is rendered.

The sum and its histogram are computed with Pillow (ImageMath and exact
256-wide histogram windows), so no numpy is needed. The percentile is
interpolated linearly between the two nearest ranks.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image, ImageChops, ImageMath, UnidentifiedImageError

from kupang_layout.common.runtemp import temp_dir
from kupang_layout.preflight.pdf_report import PdfReport

#: Percent over the limit the percentile may reach before the page fails (the plant's).
TAC_TOLERANCE = 2.0
#: Seconds Ghostscript may take for one page.
GS_TIMEOUT_S = 60
#: The largest raster of one page (pixels): a 1.2 x 1.2 m page at 72 dpi. Larger pages
#: are measured at a lower resolution.
MAX_PIXELS = 12_000_000
#: Ghostscript's limits on POSIX: address space and the largest file it may write.
GS_MEMORY_BYTES = 2 * 1024**3
GS_FILE_BYTES = 512 * 1024**2
_PLATE = re.compile(r"^p(\d+)\((.+)\)\.tif$")
_RASTER = re.compile(r"^p\d+\.tif$")
#: Separation names that are no ink of their own: 'All' paints every process plate.
_NOT_SPOTS = ("/All", "/None")


@dataclass(frozen=True, slots=True)
class PageInk:
    """The total ink figures of one page."""

    page: int
    percentile: float  # total ink at the percentile, percent
    share_over: float  # percent of the page's pixels over the limit + tolerance
    maximum: float


class InkCheckUnavailable(Exception):
    """Ghostscript is missing (the check is skipped with a warning)."""


class InkRenderError(Exception):
    """Ghostscript could not render the file (or a page of it: `page`, 1-based)."""

    def __init__(self, reason: str, page: int | None = None) -> None:
        self.reason = reason
        self.page = page
        super().__init__(reason if page is None else f"page {page}: {reason}")


class InkTimeout(InkRenderError):
    """Ghostscript took longer than GS_TIMEOUT_S for page `page`."""


def _coverages(paths: list[Path]) -> list[Image.Image]:
    """Each ink's coverage (0..255 = 0..100 %) from tiffsep plates or one tiff32nc file."""
    if len(paths) == 1 and not _PLATE.match(paths[0].name):
        with Image.open(paths[0]) as raster:
            if raster.mode != "CMYK":
                raise OSError(f"expected a CMYK raster, got {raster.mode}")
            return list(raster.split())
    out: list[Image.Image] = []
    for path in paths:
        with Image.open(path) as plate:
            out.append(ImageChops.invert(plate.convert("L")))
    return out


def _sum_plates(paths: list[Path]) -> Image.Image:
    """Per-pixel total coverage in plate units (0..255 per plate), as a 32-bit image."""
    total: Image.Image | None = None
    for ink in _coverages(paths):
        coverage = ink.convert("I")
        total = (
            coverage
            if total is None
            else ImageMath.lambda_eval(lambda a: a["t"] + a["c"], t=total, c=coverage)
        )
    assert total is not None
    return total


def _histogram(total: Image.Image) -> list[int]:
    """Exact counts of every value 0..max (Pillow bins 256 values per window of width 255)."""
    extrema = total.getextrema()
    top = int(extrema[1]) if isinstance(extrema[1], int | float) else 0
    counts: list[int] = []
    for lo in range(0, top + 1, 256):
        counts.extend(total.histogram(extrema=(lo, lo + 255)))
    return counts


def _value_at_rank(counts: list[int], rank: int) -> int:
    seen = 0
    for value, n in enumerate(counts):
        seen += n
        if seen > rank:
            return value
    return len(counts) - 1


def page_ink(page: int, plates: list[Path], tac: float, percentile: float) -> PageInk:
    """The figures of one page from its plate files."""
    counts = _histogram(_sum_plates(plates))
    n = sum(counts)
    scale = 100.0 / 255.0
    rank = percentile / 100.0 * (n - 1)
    lo = int(rank)
    v_lo = _value_at_rank(counts, lo)
    v_hi = _value_at_rank(counts, min(lo + 1, n - 1))
    value = (v_lo + (v_hi - v_lo) * (rank - lo)) * scale
    over = sum(c for v, c in enumerate(counts) if v * scale > tac + TAC_TOLERANCE)
    top = max((v for v, c in enumerate(counts) if c), default=0) * scale
    return PageInk(page, value, over / n * 100.0 if n else 0.0, top)


def page_dpi(width_pt: float, height_pt: float, dpi: int) -> float:
    """`dpi`, or less for a page whose raster at `dpi` would pass MAX_PIXELS."""
    pixels = max(width_pt, 1.0) / 72.0 * dpi * max(height_pt, 1.0) / 72.0 * dpi
    if pixels <= MAX_PIXELS:
        return float(dpi)
    return math.floor(dpi * math.sqrt(MAX_PIXELS / pixels) * 100.0) / 100.0


def _is_spot(obj: object) -> bool:
    """A Separation (other than All / None) or DeviceN colour space array."""
    if not isinstance(obj, pikepdf.Array) or len(obj) < 2:
        return False
    kind = obj[0]
    if kind == pikepdf.Name.DeviceN:
        return True
    return kind == pikepdf.Name.Separation and str(obj[1]) not in _NOT_SPOTS


def _holds_spot(obj: object, depth: int = 0) -> bool:
    """A spot colour space in `obj` or its direct parts (indirect ones are walked apart)."""
    if _is_spot(obj):
        return True
    if depth > 8:
        return False
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        parts: list[object] = [value for _key, value in obj.items()]
    elif isinstance(obj, pikepdf.Array):
        parts = list(obj)
    else:
        return False
    return any(
        _holds_spot(part, depth + 1)
        for part in parts
        if isinstance(part, pikepdf.Object) and not part.is_indirect
    )


def has_spot_colours(pdf: pikepdf.Pdf) -> bool:
    """Whether any colour space in the file is a spot colour (an ink beyond CMYK)."""
    return any(_holds_spot(obj) for obj in pdf.objects)


def _page_sizes(path: Path) -> tuple[list[tuple[float, float]], bool]:
    """(width, height) in points of each page's trim (media box where there is none), and
    whether the file has spot colours."""
    sizes: list[tuple[float, float]] = []
    try:
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                box = page.obj.get("/TrimBox", page.mediabox)
                x0, y0, x1, y1 = (float(v) for v in box)
                sizes.append((abs(x1 - x0), abs(y1 - y0)))
            spots = has_spot_colours(pdf)
    except (pikepdf.PdfError, OSError, ValueError, TypeError) as exc:
        raise InkRenderError(f"unreadable PDF: {exc}") from exc
    return sizes, spots


def _limits() -> Callable[[], None] | None:
    """A preexec function capping Ghostscript's memory, file size and CPU time (POSIX)."""
    if os.name != "posix":
        return None

    def cap() -> None:
        import resource

        for limit, value in (
            (resource.RLIMIT_AS, GS_MEMORY_BYTES),
            (resource.RLIMIT_FSIZE, GS_FILE_BYTES),
            (resource.RLIMIT_CPU, GS_TIMEOUT_S + 5),
        ):
            _soft, hard = resource.getrlimit(limit)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(limit, (value, value))

    return cap


def _render_page(
    gs: str, path: Path, page: int, dpi: float, folder: Path, device: str = "tiffsep"
) -> list[Path]:
    """Ghostscript's plates (tiffsep) or CMYK raster (tiff32nc) of one page, in `folder`."""
    cmd = [
        gs,
        "-q",
        "-dNOPAUSE",
        "-dBATCH",
        "-dSAFER",
        f"-sDEVICE={device}",
        f"-r{dpi:g}",
        "-dUseTrimBox",
        f"-dFirstPage={page}",
        f"-dLastPage={page}",
        "-dMaxBitmap=50000000",
        "-dBufferSpace=16000000",
        f"-sOutputFile={folder}/p%d.tif",
        str(path.resolve()),
    ]
    try:
        run = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            timeout=GS_TIMEOUT_S,
            preexec_fn=_limits(),  # setrlimit only: no lock is taken in the child
        )
    except subprocess.TimeoutExpired as exc:
        raise InkTimeout(f"timed out after {GS_TIMEOUT_S} s", page) from exc
    except OSError as exc:
        raise InkCheckUnavailable(str(exc)) from exc
    if run.returncode != 0:
        raise InkRenderError(run.stderr.strip()[:200] or f"exit {run.returncode}", page)
    if device == "tiff32nc":
        return sorted(f for f in folder.iterdir() if _RASTER.match(f.name))
    return sorted(f for f in folder.iterdir() if _PLATE.match(f.name))


def measure_ink(
    path: Path,
    dpi: int,
    tac: float,
    percentile: float,
    failed: list[InkRenderError] | None = None,
    *,
    device: str | None = None,
) -> list[PageInk]:
    """Render the file's pages one by one with Ghostscript; measure each page.

    `device` is 'tiffsep' (the plant's) or 'tiff32nc'; None picks tiff32nc for a
    file without spot colours, else tiffsep.

    A page that cannot be rendered (or not in time) is added to `failed` when given,
    else raised as InkRenderError / InkTimeout; the other pages are still measured.
    """
    gs = shutil.which("gs")
    if gs is None:
        raise InkCheckUnavailable("gs (Ghostscript) not found")
    found: list[PageInk] = []
    with temp_dir("kupang-ink-") as tmp:
        sizes, spots = _page_sizes(path)
        if device is None:
            device = "tiffsep" if spots else "tiff32nc"
        for number, (width, height) in enumerate(sizes, 1):
            folder = tmp / f"page{number}"
            folder.mkdir()
            try:
                plates = _render_page(
                    gs, path, number, page_dpi(width, height, dpi), folder, device
                )
                if not plates:
                    raise InkRenderError("no separations written", number)
                try:
                    found.append(page_ink(number, plates, tac, percentile))
                except (UnidentifiedImageError, OSError) as exc:
                    raise InkRenderError(f"unreadable separation: {exc}", number) from exc
            except InkRenderError as exc:
                if failed is None:
                    raise
                failed.append(exc)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    return found


def check_ink(path: Path, rep: PdfReport, measured: list[PageInk] | None = None) -> None:
    """Report pages whose total ink is over the limit (or why it was not measured); the
    figures of the pages measured are added to `measured` when given."""
    s = rep.settings
    failed: list[InkRenderError] = []
    try:
        pages = measure_ink(path, s.ink_dpi, s.tac, s.ink_percentile, failed)
    except InkCheckUnavailable as exc:
        rep.warn("pdf-ink-unchecked", reason=str(exc))
        return
    except InkRenderError as exc:
        rep.error("pdf-render-failed", reason=str(exc))
        return
    for problem in failed:
        shown = rep.page_number(problem.page) or problem.page
        if isinstance(problem, InkTimeout):
            rep.error("pdf-ink-timeout", problem.page, page=shown, seconds=GS_TIMEOUT_S)
        else:
            rep.error("pdf-ink-page-failed", problem.page, page=shown, reason=problem.reason)
    if measured is not None:
        measured.extend(pages)
    for ink in pages:
        if ink.percentile > s.tac + TAC_TOLERANCE:
            rep.error(
                "pdf-ink",
                ink.page,
                total=round(ink.percentile),
                limit=s.tac,
                percentile=s.ink_percentile,
                share=round(ink.share_over, 2),
            )
