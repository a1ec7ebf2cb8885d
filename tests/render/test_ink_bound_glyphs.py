"""The ink ledger's text areas against Ghostscript: black text overprinting just beside a
200 % box (above, below, left, right of it, a fraction of a pixel to a few pixels
away, at the checks' 72 dpi and finer) never puts more ink on a pixel than the page's
bound. A line whose glyph area (one pixel wider, grown by a pixel's diagonal) misses
the box is taken to leave it at 200 %: a glyph pixel Ghostscript paints on the box
beyond that area would show 300 %."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_testkit import BLACK, display_list, placed_words

from kupang_layout.engine.displaylist import BoxItem, Ink, TextRun
from kupang_layout.model.edition import Edition
from kupang_layout.preflight.pdf_ink import measure_ink
from kupang_layout.render.pdf.exporter import render_page_pdf
from kupang_layout.render.pdf.ink_bound import face_ink, glyph_area
from kupang_layout.render.pdf.presets import get_preset

pytestmark = pytest.mark.skipif(shutil.which("gs") is None, reason="needs Ghostscript")

WIDTH, HEIGHT = 300.0, 300.0
BOX = (100.0, 100.0, 100.0, 100.0)  # x, y, width, height
RED = Ink("Merah", 0, 100, 100, 0)
ROUNDING = 4 * 100.0 / 255.0
FACES = ("PT Serif/Regular", "PT Serif/Bold Italic", "Roboto Condensed/Bold",
         "Roboto Condensed/Regular")  # fmt: skip
WORDS = ("ÅÉÇ", "gjpqy", "(Foto)", "W/V", "fjord", "Ŧ,", "ini", "«Ǻ»", "KT/Marselino")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    face=st.sampled_from(FACES),
    size=st.floats(4.0, 24.0),
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
    side=st.sampled_from(["above", "below", "left", "right"]),
    gap=st.floats(-0.5, 4.0),
    shift=st.floats(0.0, 1.0),
    scale=st.sampled_from([1.0, 0.97, 1.03]),
    dpi=st.sampled_from([72, 72, 100]),
)
def test_text_beside_a_box_never_shows_more_than_the_bound(
    face: str, size: float, words: list[str], side: str, gap: float, shift: float,
    scale: float, dpi: int,
) -> None:  # fmt: skip
    """The line is placed so that its glyph area (without the pixel) ends `gap` points
    from the box's edge, `shift` of a pixel off the grid along it."""
    text = " ".join(words)
    probe = TextRun(face, size, BLACK, 0.0, placed_words(face, size, text, 0.0), h_scale=scale)
    left, top, right, bottom = glyph_area(probe, face_ink(face))
    bx, by, bw, bh = BOX
    if side == "above":
        x, y = bx + shift, by - gap - bottom
    elif side == "below":
        x, y = bx + shift, by + bh + gap - top
    elif side == "left":
        x, y = bx - gap - right, by + bh / 2 + shift
    else:
        x, y = bx + bw + gap - left, by + bh / 2 + shift
    run = TextRun(face, size, BLACK, y, placed_words(face, size, text, x), h_scale=scale)
    items = [BoxItem(bx, by, bw, bh, RED), run]
    preset = get_preset(None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.pdf"
        result = render_page_pdf(display_list(items, 1, WIDTH, HEIGHT), Edition(), preset, path)
        bound = result.ink
        assert bound is not None and bound.total is not None
        (measured,) = measure_ink(path, dpi, 240.0, 99.9)
    assert measured.maximum <= bound.total + ROUNDING + 1e-9, (measured, bound, run.text)
