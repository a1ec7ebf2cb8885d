"""Preflight stage: total ink coverage of a PDF's pages from Ghostscript's separations.

Ghostscript's tiffsep device renders each page's trim at `ink_dpi` into one
8-bit plate per ink (0 = full ink). The per-pixel sum of the plates' coverage is
the total area coverage; the page fails when its `ink_percentile` (99.9th by
default: a few stray pixels of anti-aliasing or a thin rule may pass) is more
than 2 % over the limit. This is how the printing plant measures it.

The sum and its histogram are computed with Pillow (ImageMath and exact
256-wide histogram windows), so no numpy is needed. The percentile is
interpolated linearly between the two nearest ranks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageMath, UnidentifiedImageError

from kupang_layout.preflight.pdf_report import PdfReport

#: Percent over the limit the percentile may reach before the page fails (the plant's).
TAC_TOLERANCE = 2.0
GS_TIMEOUT_S = 300
_PLATE = re.compile(r"^p(\d+)\((.+)\)\.tif$")


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
    """Ghostscript could not render the file."""


def _sum_plates(paths: list[Path]) -> Image.Image:
    """Per-pixel total coverage in plate units (0..255 per plate), as a 32-bit image."""
    total: Image.Image | None = None
    for path in paths:
        with Image.open(path) as plate:
            coverage = ImageChops.invert(plate.convert("L")).convert("I")
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


def measure_ink(path: Path, dpi: int, tac: float, percentile: float) -> list[PageInk]:
    """Render the file's pages with Ghostscript's tiffsep and measure each page's ink."""
    gs = shutil.which("gs")
    if gs is None:
        raise InkCheckUnavailable("gs (Ghostscript) not found")
    with tempfile.TemporaryDirectory(prefix="kupang-ink-") as tmp:
        cmd = [
            gs,
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=tiffsep",
            f"-r{dpi}",
            "-dUseTrimBox",
            f"-sOutputFile={tmp}/p%d.tif",
            str(path.resolve()),
        ]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=GS_TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise InkRenderError(f"timed out after {GS_TIMEOUT_S} s") from exc
        except OSError as exc:
            raise InkCheckUnavailable(str(exc)) from exc
        if run.returncode != 0:
            raise InkRenderError(run.stderr.strip()[:200] or f"exit {run.returncode}")
        plates: dict[int, list[Path]] = {}
        for f in Path(tmp).iterdir():
            m = _PLATE.match(f.name)
            if m is not None:
                plates.setdefault(int(m.group(1)), []).append(f)
        try:
            return [page_ink(p, sorted(plates[p]), tac, percentile) for p in sorted(plates)]
        except (UnidentifiedImageError, OSError) as exc:
            raise InkRenderError(f"unreadable separation: {exc}") from exc


def check_ink(path: Path, rep: PdfReport) -> None:
    """Report pages whose total ink is over the limit (or why it was not measured)."""
    s = rep.settings
    try:
        pages = measure_ink(path, s.ink_dpi, s.tac, s.ink_percentile)
    except InkCheckUnavailable as exc:
        rep.warn("pdf-ink-unchecked", reason=str(exc))
        return
    except InkRenderError as exc:
        rep.error("pdf-render-failed", reason=str(exc))
        return
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
