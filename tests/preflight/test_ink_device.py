"""The ink check's faster Ghostscript device (tiff32nc) gives the plant's tiffsep figures on
process-colour pages (black text overprinting dark ink, rich black, a CMYK picture), and a
page with a spot colour is measured with tiffsep as the plant does."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pikepdf
import pytest
from conftest import intake_check_available, intake_result
from PIL import Image
from reportlab.lib.colors import CMYKColorSep
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.preflight.pdf_ink import has_spot_colours, measure_ink

needs_gs = pytest.mark.skipif(not shutil.which("gs"), reason="needs Ghostscript")


def _page(path: Path, spot: bool = False) -> Path:
    """A trimmed page: a dark CMYK box under overprinting black text, rich black text, a CMYK
    picture with a gradient of ink, and (when `spot`) a box in a spot colour."""
    canvas = Canvas(str(path), pagesize=(400, 500))
    canvas.setTrimBox((0, 0, 400, 500))
    canvas.setFillColorCMYK(0.6, 0.5, 0.5, 0.6)  # 220 %
    canvas.rect(20, 300, 360, 180, stroke=0, fill=1)
    canvas.setFillOverprint(True)
    canvas.setOverprintMask(True)
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont("Helvetica-Bold", 28)
    for line in range(5):
        canvas.drawString(30, 450 - line * 32, "OVERPRINT BLACK TEXT ON INK")
    canvas.setFillOverprint(False)
    canvas.setFillColorCMYK(0.5, 0.4, 0.4, 1)  # rich black, 230 %
    canvas.setFont("Helvetica-Bold", 40)
    canvas.drawString(20, 250, "Rich black headline")
    ramp = Image.new("CMYK", (300, 60))
    ramp.putdata([(x * 100 // 300, x * 80 // 300, x * 80 // 300, 100) for x in range(300)] * 60)
    buffer = io.BytesIO()
    ramp.save(buffer, "JPEG", quality=95)
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 20, 120, 360, 72)
    if spot:
        canvas.setFillColor(CMYKColorSep(0, 0.9, 0.8, 0, spotName="PANTONE 185 C"))
        canvas.rect(20, 20, 360, 80, stroke=0, fill=1)
        canvas.setFillColorCMYK(0.5, 0.5, 0.5, 0.5)
        canvas.setFillOverprint(True)
        canvas.setOverprintMask(True)
        canvas.rect(40, 30, 320, 60, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return path


def _plant_p999(path: Path) -> float:
    figures = intake_result(path)["figures"]
    assert isinstance(figures, dict)
    return float(figures["max_tac_p999"])


@needs_gs
def test_tiff32nc_gives_the_tiffsep_figures_on_process_colour(tmp_path: Path) -> None:
    pdf = _page(tmp_path / "process.pdf")
    with pikepdf.open(pdf) as doc:
        assert not has_spot_colours(doc)
    sep = measure_ink(pdf, 72, 240.0, 99.9, device="tiffsep")
    nc = measure_ink(pdf, 72, 240.0, 99.9, device="tiff32nc")
    chosen = measure_ink(pdf, 72, 240.0, 99.9)
    assert sep == nc == chosen
    # Black overprinting 220 % ink makes 260 %, over the rich black's 230 %: the check
    # must see it on either device.
    assert sep[0].maximum > 255


@needs_gs
@pytest.mark.skipif(not intake_check_available(), reason="needs the plant's intake check")
def test_figures_match_the_plant(tmp_path: Path) -> None:
    for spot in (False, True):
        pdf = _page(tmp_path / f"page{spot}.pdf", spot=spot)
        ours = measure_ink(pdf, 72, 240.0, 99.9)[0].percentile
        assert abs(ours - _plant_p999(pdf)) <= 0.01 * _plant_p999(pdf)


@needs_gs
def test_spot_colour_is_measured_as_its_own_plate(tmp_path: Path) -> None:
    pdf = _page(tmp_path / "spot.pdf", spot=True)
    with pikepdf.open(pdf) as doc:
        assert has_spot_colours(doc)
    chosen = measure_ink(pdf, 72, 240.0, 99.9)
    assert chosen == measure_ink(pdf, 72, 240.0, 99.9, device="tiffsep")
    # Converted to its CMYK alternate the spot would count differently: why tiffsep is kept.
    assert chosen != measure_ink(pdf, 72, 240.0, 99.9, device="tiff32nc")


def test_registration_colour_is_not_a_spot(tmp_path: Path) -> None:
    path = tmp_path / "marks.pdf"
    canvas = Canvas(str(path), pagesize=(100, 100))
    canvas.setFillColor(CMYKColorSep(1, 1, 1, 1, spotName="All"))
    canvas.rect(0, 0, 10, 10, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    with pikepdf.open(path) as doc:
        assert not has_spot_colours(doc)
