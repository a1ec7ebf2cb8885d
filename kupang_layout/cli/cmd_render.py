"""Command-line stage: `kupang-layout render EDITION.kpl --page N --png OUT.png [options]`.

The qt backend paints the display list with the Qt renderer (trim plus bleed).
The pdf backend exports the page with the PDF renderer and rasterises the PDF
with pdftoppm (its whole MediaBox: trim plus bleed, plus the slug if the preset
has marks), so the two can be compared.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kupang_layout.i18n import current_language, tr

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_MESSAGES = {
    "no_page": {
        "id": "Halaman {page} tidak ada di {file} (halaman 1 sampai {count}).",
        "en": "Page {page} does not exist in {file} (pages 1 to {count}).",
    },
    "bad_dpi": {
        "id": "Resolusi harus antara 1 dan 2400 dpi, bukan {dpi}.",
        "en": "The resolution must be between 1 and 2400 dpi, not {dpi}.",
    },
    "pdf_missing": {
        "id": "Backend pdf belum tersedia (renderer PDF tidak ada).",
        "en": "The pdf backend is not available yet (no PDF renderer).",
    },
    "no_pdftoppm": {
        "id": "Backend pdf memerlukan pdftoppm (paket poppler-utils).",
        "en": "The pdf backend needs pdftoppm (package poppler-utils).",
    },
    "pdftoppm_failed": {
        "id": "pdftoppm gagal: {reason}",
        "en": "pdftoppm failed: {reason}",
    },
    "written": {"id": "PNG ditulis: {path}", "en": "PNG written: {path}"},
}


def _msg(key: str, **params: object) -> str:
    entry = _MESSAGES[key]
    return (entry.get(current_language()) or entry["en"]).format(**params)


def _fail(text: str, code: int = EXIT_USAGE) -> int:
    print(tr("error", message=text), file=sys.stderr)
    return code


def _pdf_backend(display_list: object, edition: object, out: Path, dpi: float) -> int:
    try:
        exporter = importlib.import_module("kupang_layout.render.pdf.exporter")
        presets = importlib.import_module("kupang_layout.render.pdf.presets")
    except ModuleNotFoundError:
        return _fail(_msg("pdf_missing"))
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return _fail(_msg("no_pdftoppm"))
    with tempfile.TemporaryDirectory(prefix="kupang-render-") as tmp:
        pdf = Path(tmp) / "page.pdf"
        exporter.render_page_pdf(display_list, edition, presets.get_preset(None), pdf)
        stem = Path(tmp) / "page"
        proc = subprocess.run(
            [pdftoppm, "-r", f"{dpi:g}", "-png", "-singlefile", str(pdf), str(stem)],
            capture_output=True,
            text=True,
            check=False,
        )
        produced = stem.with_suffix(".png")
        if proc.returncode != 0 or not produced.is_file():
            reason = proc.stderr.strip() or f"exit {proc.returncode}"
            return _fail(_msg("pdftoppm_failed", reason=reason), EXIT_FAILED)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(produced), out)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from kupang_layout.engine.layout import LayoutEngine
    from kupang_layout.storage import StorageError, load_edition

    if not 1 <= args.dpi <= 2400:
        return _fail(_msg("bad_dpi", dpi=args.dpi))
    try:
        edition = load_edition(args.edition)
    except StorageError as exc:
        return _fail(str(exc))
    page = edition.page_by_number(args.page)
    if page is None:
        return _fail(_msg("no_page", page=args.page, file=args.edition, count=len(edition.pages)))
    display_list = LayoutEngine().layout_page(edition, page)
    out = Path(args.png)
    if args.backend == "pdf":
        code = _pdf_backend(display_list, edition, out, args.dpi)
    else:
        from kupang_layout.render.qt import RasterError, render_page_png

        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            render_page_png(display_list, edition, out, args.dpi)
        except RasterError as exc:
            return _fail(str(exc), EXIT_FAILED)
        code = EXIT_OK
    if code == EXIT_OK:
        print(_msg("written", path=out))
    return code
