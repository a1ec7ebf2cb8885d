"""The ink ledger's geometry: a line's glyph area holds every glyph of the face (from the
fonts' own outlines), and the overprint arithmetic per plate."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from kupang_layout.engine.displaylist import Ink, PlacedWord, TextRun
from kupang_layout.fonts import default_registry
from kupang_layout.render.pdf.fonts import pdf_font
from kupang_layout.render.pdf.ink_bound import glyph_area, ink_figures, over

FACES = sorted(
    f"{family}/{face}"
    for family in default_registry().families()
    for face in default_registry().faces(family)
)


@pytest.mark.parametrize("face", FACES)
def test_the_glyph_area_holds_every_glyph_of_the_face(face: str) -> None:
    """Each glyph's outline, drawn at a word's origin 100 pt from the line's start and
    scaled as glyph scaling does, lies inside the area the ledger gives the line."""
    path = default_registry().lookup_key(face).path
    font = TTFont(str(path))
    glyf = font["glyf"]
    units = font["head"].unitsPerEm
    bbox = pdf_font(face).face.bbox
    size, origin = 20.0, 100.0
    for h_scale in (0.97, 1.0, 1.03):
        run = TextRun(face, size, Ink("Black", 0, 0, 0, 100), 300.0,
                      (PlacedWord("x", origin, (0.0,)),), h_scale=h_scale)  # fmt: skip
        left, top, right, bottom = glyph_area(run, (bbox[0], bbox[1], bbox[2], bbox[3]))
        for name in font.getGlyphOrder():
            glyph = glyf[name]
            glyph.recalcBounds(glyf)
            if not hasattr(glyph, "xMin") or glyph.numberOfContours == 0:
                continue
            scale = size / units
            assert left - 1e-6 <= origin + glyph.xMin * scale * h_scale, (face, name)
            assert origin + glyph.xMax * scale * h_scale <= right + 1e-6, (face, name)
            assert top - 1e-6 <= 300.0 - glyph.yMax * scale, (face, name)
            assert 300.0 - glyph.yMin * scale <= bottom + 1e-6, (face, name)


def test_an_overprint_replaces_the_plates_it_inks_and_keeps_the_others() -> None:
    black = ink_figures(Ink("Black", 0, 0, 0, 100))
    rich = ink_figures(Ink("Rich", 50, 40, 40, 100))
    assert over(black, rich)[4] == pytest.approx(ink_figures(Ink("R", 50, 40, 40, 0))[4] + 100)
    assert over(black, black)[4] == 100.0  # black text over black text stays 100 %
    cyan = ink_figures(Ink("C", 100, 0, 0, 0))
    magenta = ink_figures(Ink("M", 0, 100, 0, 0))
    assert over(magenta, cyan)[4] == 200.0
    assert over(ink_figures(Ink("Y", 0, 0, 100, 0)), over(magenta, cyan))[4] == 300.0
    # Vector inks round up to Ghostscript's 8-bit steps; as given they stay.
    assert ink_figures(Ink("H", 50, 0, 0, 0))[0] == pytest.approx(128 / 2.55)
    assert ink_figures(Ink("H", 50, 0, 0, 0), exact=True)[0] == 50.0
