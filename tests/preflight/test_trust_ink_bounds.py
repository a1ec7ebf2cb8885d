"""The Ghostscript ink check is bounded in time, memory and disk (H4, H13).

A page so large that its raster would pass the pixel budget is measured at a lower
resolution; a page Ghostscript cannot finish in time is a preflight error naming
the page (a stand-in `gs` that never finishes shows it without waiting minutes);
Ghostscript runs under resource limits; nothing is left in the temporary folders.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pikepdf
import pytest

from kupang_layout.common.runtemp import run_dir
from kupang_layout.preflight import pdf_ink
from kupang_layout.preflight.issues import DEFAULT_SETTINGS
from kupang_layout.preflight.pdf_ink import MAX_PIXELS, check_ink, measure_ink, page_dpi
from kupang_layout.preflight.pdf_report import PdfReport
from kupang_layout.preflight.texts import message_text

needs_gs = pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not here")


def blank_pdf(path: Path, pages: list[tuple[float, float]]) -> Path:
    """Pages of the given sizes (points), each with a 50 % black square."""
    pdf = pikepdf.new()
    for width, height in pages:
        page = pdf.add_blank_page(page_size=(min(width, 14400), min(height, 14400)))
        page.obj.MediaBox = pikepdf.Array([0, 0, width, height])
        page.obj.Contents = pdf.make_stream(
            f"0 0 0 0.5 k 0 0 {width / 2:.1f} {height / 2:.1f} re f".encode()
        )
    pdf.save(path)
    return path


def ink_folders() -> list[str]:
    return [p.name for p in run_dir().iterdir() if p.name.startswith("kupang-ink-")]


def test_the_resolution_of_a_huge_page_keeps_the_pixel_budget() -> None:
    metre = 1200 / 25.4 * 72  # a 1.2 m page edge in points
    assert page_dpi(metre, metre, 72) == 72.0
    assert page_dpi(800, 1200, 72) == 72.0
    for side in (5000.0, 99999.0):
        dpi = page_dpi(side, side, 72)
        assert 0 < dpi < 72
        assert (side / 72 * dpi) ** 2 <= MAX_PIXELS


@needs_gs
def test_a_99999_point_page_is_measured_within_the_budget(tmp_path: Path) -> None:
    path = blank_pdf(tmp_path / "raksasa.pdf", [(99999.0, 99999.0), (800.0, 1200.0)])
    found = measure_ink(path, 72, 240.0, 99.9)
    assert [p.page for p in found] == [1, 2]
    assert all(45 < p.maximum < 55 for p in found)  # the 50 % black square
    assert ink_folders() == []


@pytest.mark.skipif(os.name != "posix", reason="the stand-in gs is a shell script")
def test_a_page_that_takes_too_long_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "limits.txt"
    fake = bin_dir / "gs"
    fake.write_text(f'#!/bin/sh\nulimit -v >> "{log}"\nulimit -f >> "{log}"\nexec sleep 600\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(pdf_ink, "GS_TIMEOUT_S", 1)
    path = blank_pdf(tmp_path / "dua.pdf", [(800.0, 1200.0), (800.0, 1200.0)])
    rep = PdfReport(str(path), DEFAULT_SETTINGS, 6)  # the file holds edition pages 6 and 7
    check_ink(path, rep)
    timeouts = [i for i in rep.issues if i.rule == "pdf-ink-timeout"]
    assert [(i.severity, i.page, i.pdf_page) for i in timeouts] == [
        ("error", 6, 1),
        ("error", 7, 2),
    ]
    text = message_text("pdf-ink-timeout", "id", timeouts[0].params)
    assert text == "Tinta total halaman 6 tidak dapat diperiksa dalam 1 detik."
    # Ghostscript ran under the memory and file-size caps.
    limits = log.read_text().split()
    assert limits[:2] == [
        str(pdf_ink.GS_MEMORY_BYTES // 1024),
        str(pdf_ink.GS_FILE_BYTES // 512),
    ]
    assert ink_folders() == []
