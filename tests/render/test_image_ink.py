"""A prepared picture's ink is that of its JPEG as decoded, exactly: the most of each plate and
the most total of any pixel, compression ringing included (what Ghostscript renders)."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pytest
from pdf_testkit import jpeg_bytes, two_tone
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.preflight.pdf_ink import measure_ink
from kupang_layout.render.pdf.image_ink import jpeg_ink, most_total
from kupang_layout.render.pdf.images import ImageRequest, prepare_image


def summed(image: Image.Image) -> int:
    """The greatest C+M+Y+K, pixel by pixel (slow and plain)."""
    data = image.tobytes()
    return max(sum(data[i : i + 4]) for i in range(0, len(data), 4))


@pytest.mark.parametrize("seed", range(12))
def test_the_most_total_is_exact(seed: int) -> None:
    rng = random.Random(seed)
    width, height = rng.randint(1, 90), rng.randint(1, 150)
    levels = [0, 1, 2, 3, 127, 128, 253, 254, 255]
    pixels = bytes(
        rng.choice(levels) if rng.random() < 0.5 else rng.randint(0, 255)
        for _ in range(width * height * 4)
    )
    image = Image.frombytes("CMYK", (width, height), pixels)
    assert most_total(image) == summed(image)


def test_a_sharp_edge_rings_above_the_limit_and_the_figure_says_so(tmp_path: Path) -> None:
    """400 % against paper, limited to 240 %: the JPEG's ringing at the edge lifts pixels
    over 240 %; the figure is the decoded JPEG's, and Ghostscript renders exactly it."""
    full = two_tone((160, 160), (255, 255, 255, 255), (0, 0, 0, 0), mode="CMYK")
    request = ImageRequest((0.0, 0.0, 1.0, 1.0), 160.0, 160.0, 72.0, 60, 240.0)
    jpeg, prepared = prepare_image(jpeg_bytes(full, quality=95), "tepi.jpg", request)
    ink = prepared.ink
    assert ink is not None and ink == jpeg_ink(jpeg)
    with Image.open(io.BytesIO(jpeg)) as decoded:
        decoded.load()
        assert round(ink[4] * 2.55) == summed(decoded)
        assert [round(v * 2.55) for v in ink[:4]] == [b.getextrema()[1] for b in decoded.split()]
    assert ink[4] > 240.0  # the ringing (what the old "at most the limit" assumed away)
    if shutil.which("gs") is None:
        pytest.skip("needs Ghostscript")
    (tmp_path / "p.jpg").write_bytes(jpeg)
    canvas = Canvas(str(tmp_path / "p.pdf"), pagesize=(160, 160))
    canvas.drawImage(str(tmp_path / "p.jpg"), 0, 0, 160, 160)  # one sample per pixel at 72 dpi
    canvas.showPage()
    canvas.save()
    (measured,) = measure_ink(tmp_path / "p.pdf", 72, 240.0, 99.9)
    assert measured.maximum == pytest.approx(ink[4], abs=1e-6)


def test_grey_pictures_are_black_only_and_others_are_not_measured() -> None:
    grey = Image.new("L", (20, 20), 200)
    grey.paste(30, (0, 0, 5, 5))
    assert jpeg_ink(jpeg_bytes(grey, quality=100)) == pytest.approx(
        (0.0, 0.0, 0.0, 225 / 2.55, 225 / 2.55), abs=0.8
    )
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(buffer, "PNG")
    assert jpeg_ink(buffer.getvalue()) is None
