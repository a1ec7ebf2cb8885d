"""PDF renderer: a foreign PDF page (an ad) placed as a form XObject stays vector and CMYK."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.render.pdf.fonts import SLUG_FACE, pdf_font
from kupang_layout.render.pdf.forms import (
    AdPdfError,
    attach_forms,
    form_name,
    placement_operators,
    read_page_box,
)

AD_CMYK = (0.1, 0.85, 0.95, 0.05)


def make_ad(width: float = 300.0, height: float = 200.0, text: str = "TOKO SINAR JAYA") -> bytes:
    """A small CMYK vector ad with embedded-font text and a trim box inside a bleed."""
    buffer = io.BytesIO()
    font = pdf_font(SLUG_FACE).fontName
    canvas = Canvas(buffer, pagesize=(width + 18, height + 18), initialFontName=font)
    canvas.setTrimBox((9, 9, width + 9, height + 9))
    canvas.setFillColorCMYK(*AD_CMYK)
    canvas.rect(0, 0, width + 18, height + 18, stroke=0, fill=1)
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont(font, 24)
    canvas.drawString(30, height / 2, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page_with_ad(ad: bytes, name: str) -> bytes:
    box = read_page_box(ad)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(600, 800), initialFontName=pdf_font(SLUG_FACE).fontName)
    canvas.addLiteral(placement_operators(name, box, (100, 100, 300, 200), (100, 100, 300, 200)))
    canvas.showPage()
    canvas.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        attach_forms(pdf, {name: ad})
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def test_trim_box_is_read() -> None:
    box = read_page_box(make_ad())
    assert (box.x0, box.y0, box.width, box.height, box.pages) == (9, 9, 300, 200, 1)


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(AdPdfError):
        read_page_box(b"%PDF-1.4 nothing here")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_placed_ad_keeps_text_and_cmyk(tmp_path: Path) -> None:
    ad = make_ad()
    name = form_name("ab" * 32)
    data = _page_with_ad(ad, name)
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "TOKO SINAR JAYA" in text
    with pikepdf.open(path) as pdf:
        form = pdf.pages[0].Resources.XObject["/" + name]
        assert form.Subtype == "/Form"
        ops = pikepdf.parse_content_stream(form)
        fills = [
            tuple(round(float(v), 3) for v in operands) for operands, op in ops if str(op) == "k"
        ]
        assert AD_CMYK in fills
        assert not [op for _, op in ops if str(op) in ("rg", "RG", "sc", "scn")]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)
