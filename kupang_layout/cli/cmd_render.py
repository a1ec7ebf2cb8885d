"""Command-line stage: `kupang-layout render EDITION.kpl --page N --png OUT.png [options]`.

The qt backend paints the display list with the Qt renderer (trim plus bleed).
The pdf backend exports the page with the PDF renderer and rasterises the PDF
with pdftoppm (its whole MediaBox: trim plus bleed, plus the slug if the preset
has marks), so the two can be compared. Both keep to one pixel budget
(render/budget.py) and write the PNG atomically: exit 2 for a request beyond the
budget or an output problem, 1 when rendering failed.
"""

from __future__ import annotations

import argparse
import importlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

from kupang_layout.cli.open_edition import open_edition
from kupang_layout.common.atomic import FileWriteError, make_folder, write_atomically
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.i18n import tr
from kupang_layout.model.edition import Edition
from kupang_layout.render.budget import (
    MAX_DPI,
    MAX_RASTER_PIXELS,
    MIN_DPI,
    RasterBudgetError,
    check_raster_budget,
    raster_size,
)

__all__ = ["MAX_RASTER_PIXELS", "run"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_PDFTOPPM_TIMEOUT = 120.0  # seconds; a page within the budget takes a few


def _fail(text: str, code: int = EXIT_USAGE) -> int:
    print(tr("cli.error", message=text), file=sys.stderr)
    return code


def _too_large(exc: RasterBudgetError, page: int, dpi: float) -> int:
    return _fail(
        tr(
            "cli.render.too_large",
            page=page,
            width=exc.width_px,
            height=exc.height_px,
            dpi=f"{dpi:g}",
            limit=exc.limit // 1_000_000,
        )
    )


def _write_png(out: Path, data: bytes) -> int:
    try:
        write_atomically(out, data)
    except FileWriteError as exc:
        return _fail(tr("cli.render.write_failed", path=exc.file, reason=exc.reason))
    return EXIT_OK


def _pdf_size(pdf: Path) -> tuple[float, float]:
    """Width and height in points of the first page's MediaBox (what pdftoppm draws)."""
    import pikepdf

    with pikepdf.open(pdf) as doc:
        box = [float(v) for v in doc.pages[0].mediabox]
    return abs(box[2] - box[0]), abs(box[3] - box[1])


def _pdf_backend(
    display_list: PageDisplayList, edition: Edition, out: Path, dpi: float, page: int
) -> int:
    try:
        exporter = importlib.import_module("kupang_layout.render.pdf.exporter")
        presets = importlib.import_module("kupang_layout.render.pdf.presets")
    except ModuleNotFoundError:
        return _fail(tr("cli.render.pdf_missing"))
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return _fail(tr("cli.render.no_pdftoppm"))
    with temp_dir("render-") as tmp:
        pdf = tmp / "page.pdf"
        exporter.render_page_pdf(display_list, edition, presets.get_preset(None), pdf)
        width, height = raster_size(*_pdf_size(pdf), dpi)
        try:
            check_raster_budget(width, height)
        except RasterBudgetError as exc:
            return _too_large(exc, page, dpi)
        try:  # the PNG comes through a pipe: no second temporary file
            proc = subprocess.run(
                [pdftoppm, "-r", f"{dpi:g}", "-png", "-singlefile", str(pdf)],
                capture_output=True,
                check=False,
                timeout=_PDFTOPPM_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return _fail(tr("cli.render.pdftoppm_failed", reason="timeout"), EXIT_FAILED)
    reason = proc.stderr.decode("utf-8", "replace").strip() or f"exit {proc.returncode}"
    if proc.returncode != 0 or not proc.stdout:
        return _fail(tr("cli.render.pdftoppm_failed", reason=reason), EXIT_FAILED)
    # pdftoppm answers an allocation it cannot make with a 1 x 1 image and exit 0
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(proc.stdout)) as img:
            got = img.size
    except (UnidentifiedImageError, OSError):
        return _fail(tr("cli.render.pdftoppm_failed", reason=reason), EXIT_FAILED)
    if abs(got[0] - width) > 2 or abs(got[1] - height) > 2:
        detail = f"{got[0]} x {got[1]} pixels instead of {width} x {height}; {reason}"
        return _fail(tr("cli.render.pdftoppm_failed", reason=detail), EXIT_FAILED)
    return _write_png(out, proc.stdout)


def _qt_backend(
    display_list: PageDisplayList, edition: Edition, out: Path, dpi: float, page: int
) -> int:
    from kupang_layout.render.qt.raster import RasterError, render_page_png

    try:
        render_page_png(display_list, edition, out, dpi)
    except RasterBudgetError as exc:
        return _too_large(exc, page, dpi)
    except RasterError as exc:
        if exc.file:  # the output: an existing PNG is left as it was
            return _fail(tr("cli.render.write_failed", path=exc.file, reason=exc.reason))
        return _fail(str(exc), EXIT_FAILED)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from kupang_layout.engine.layout import LayoutEngine
    from kupang_layout.storage import StorageError

    dpi = float(args.dpi)
    if not MIN_DPI <= dpi <= MAX_DPI:
        return _fail(tr("cli.render.bad_dpi", lo=f"{MIN_DPI:g}", hi=f"{MAX_DPI:g}", dpi=args.dpi))
    try:
        edition = open_edition(args.edition)
    except StorageError as exc:
        return _fail(str(exc))
    page = edition.page_by_number(args.page)
    if page is None:
        return _fail(
            tr("cli.render.no_page", page=args.page, file=args.edition, count=len(edition.pages))
        )
    m = page.bleed
    try:  # refused before the page is laid out: the budget depends on its size only
        check_raster_budget(*raster_size(page.width + 2 * m, page.height + 2 * m, dpi))
    except RasterBudgetError as exc:
        return _too_large(exc, args.page, dpi)
    out = Path(args.png)
    try:
        make_folder(out.parent)
    except FileWriteError as exc:
        return _fail(tr("cli.render.write_failed", path=exc.file, reason=exc.reason))
    display_list = LayoutEngine().layout_page(edition, page)
    backend = _pdf_backend if args.backend == "pdf" else _qt_backend
    code = backend(display_list, edition, out, dpi, args.page)
    if code == EXIT_OK:
        print(tr("cli.render.written", path=out))
    return code
