"""The painter's proven ink bound is never below what Ghostscript measures (issue 13).

Random pages (boxes and rules in random CMYK inks with and without overprint, the
registration colour, black and coloured text over them, photos, stacks of overprinting
boxes) are exported and rendered by Ghostscript the way the plant's check does: the
highest total ink of any pixel is never above the painter's bound (but for rounding to
Ghostscript's 8-bit steps, 1/255 per plate), and a page whose bound is within the limit
plus the check's tolerance never fails the check. Without this the ink check could not
be skipped for such pages.
"""

from __future__ import annotations

import dataclasses
import functools
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_testkit import (
    BLACK,
    display_list,
    edition_with,
    image_item,
    jpeg_bytes,
    placed_words,
    synthetic_photo,
    two_tone,
)
from PIL import Image

from kupang_layout.engine.displaylist import BoxItem, Ink, Item, RuleItem, TextRun
from kupang_layout.model.color import REGISTRATION
from kupang_layout.model.edition import Edition
from kupang_layout.preflight.pdf_ink import TAC_TOLERANCE, measure_ink
from kupang_layout.render.pdf.exporter import render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.presets import get_preset

pytestmark = pytest.mark.skipif(shutil.which("gs") is None, reason="needs Ghostscript")

WIDTH = 360.0
HEIGHT = 480.0
TAC = 240.0
#: Ghostscript's raster holds 8-bit steps: one step per plate of rounding is allowed.
ROUNDING = 4 * 100.0 / 255.0
LEVELS = (0.0, 5.0, 20.0, 33.3, 50.0, 66.7, 80.0, 95.0, 100.0)
FACES = ("PT Serif/Regular", "Roboto Condensed/Bold", "PT Serif/Italic")
WORDS = ("Kupang", "ÅÉÇ", "gjpqy", "Oebobo", "fjord", "ŞĢ", "WAVE", "ini")
PHOTOS = ("colour", "dark", "grey", "cmyk-full")


@functools.cache
def photo_edition() -> tuple[Edition, dict[str, str]]:
    """Pictures: colourful, very dark (its shadows at the limit), grey, and a CMYK file at
    400 % (limited on the way in)."""
    dark = Image.new("RGB", (240, 160), (8, 6, 10))
    dark.paste((40, 10, 90), (0, 0, 120, 80))
    full = two_tone((200, 140), (255, 255, 255, 255), (0, 0, 0, 0), mode="CMYK")
    return edition_with(
        {
            "colour": jpeg_bytes(synthetic_photo(300, 200)),
            "dark": jpeg_bytes(dark, quality=75),
            "grey": jpeg_bytes(synthetic_photo(200, 200).convert("L")),
            "cmyk-full": jpeg_bytes(full, quality=80),
        }
    )


@functools.cache
def image_cache() -> ImageCache:
    return ImageCache(None, use_default_folder=False)


levels = st.sampled_from(LEVELS)
coords_x = st.floats(-12.0, WIDTH + 12.0)
coords_y = st.floats(-12.0, HEIGHT + 12.0)
extents = st.floats(0.5, 220.0)


@st.composite
def inks(draw: st.DrawFn) -> Ink:
    if draw(st.integers(0, 19)) == 0:
        return Ink(REGISTRATION, 100, 100, 100, 100, draw(st.booleans()))
    c, m, y, k = (draw(levels) for _ in range(4))
    return Ink("swatch", c, m, y, k, draw(st.booleans()))


@st.composite
def boxes(draw: st.DrawFn) -> list[Item]:
    stroke = draw(st.none() | inks())
    weight = draw(st.floats(0.2, 8.0)) if stroke is not None else 0.0
    x, y, w, h = draw(coords_x), draw(coords_y), draw(extents), draw(extents)
    return [BoxItem(x, y, w, h, draw(st.none() | inks()), stroke, weight)]


@st.composite
def stacks(draw: st.DrawFn) -> list[Item]:
    """Overprinting boxes on (nearly) one area: the stack the painter must add up."""
    x, y, w, h = draw(coords_x), draw(coords_y), draw(extents), draw(extents)
    out: list[Item] = []
    for _ in range(draw(st.integers(2, 5))):
        c, m, yy, k = (draw(levels) for _ in range(4))
        dx, dy = draw(st.floats(-4.0, 4.0)), draw(st.floats(-4.0, 4.0))
        out.append(BoxItem(x + dx, y + dy, w, h, Ink("stack", c, m, yy, k, True)))
    return out


@st.composite
def rules(draw: st.DrawFn) -> list[Item]:
    x1, y1, x2, y2 = draw(coords_x), draw(coords_y), draw(coords_x), draw(coords_y)
    return [RuleItem(x1, y1, x2, y2, draw(st.floats(0.1, 6.0)), draw(inks()))]


@st.composite
def texts(draw: st.DrawFn) -> list[Item]:
    face = draw(st.sampled_from(FACES))
    size = draw(st.floats(4.0, 60.0))
    ink = draw(st.sampled_from([BLACK, BLACK, Ink("Paper", 0, 0, 0, 0)]) | inks())
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))
    x, y = draw(coords_x), draw(coords_y)
    scale = draw(st.sampled_from([1.0, 1.0, 0.97, 1.03]))
    placed = placed_words(face, size, words, x)
    return [TextRun(face, size, ink, y, placed, h_scale=scale)]


@st.composite
def photos(draw: st.DrawFn) -> list[Item]:
    edition, shas = photo_edition()
    name = draw(st.sampled_from(PHOTOS))
    sha = shas[name]
    asset = edition.assets[sha]
    x, y, w = draw(coords_x), draw(coords_y), draw(st.floats(20.0, 260.0))
    h = w * asset.height_px / asset.width_px
    cx, cy = x + draw(st.floats(0.0, w / 3)), y + draw(st.floats(0.0, h / 3))
    cw, ch = draw(st.floats(5.0, w)), draw(st.floats(5.0, h))
    return [image_item(sha, x, y, w, h, (asset.width_px, asset.height_px), (cx, cy, cw, ch))]


pages = st.lists(
    st.one_of(boxes(), stacks(), rules(), texts(), texts(), photos()), min_size=1, max_size=12
).map(lambda groups: [item for group in groups for item in group])


@settings(max_examples=45, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=pages, marks=st.booleans(), dpi=st.sampled_from([72, 72, 150]))
def test_ghostscript_never_measures_more_than_the_bound(
    items: list[Item], marks: bool, dpi: int
) -> None:
    edition, _ = photo_edition()
    preset = dataclasses.replace(get_preset(None), marks=marks, tac=TAC)
    dl = display_list(items, 1, WIDTH, HEIGHT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.pdf"
        result = render_page_pdf(dl, edition, preset, path, image_cache=image_cache())
        bound = result.ink
        assert bound is not None and bound.proven, bound
        assert bound.total is not None
        (measured,) = measure_ink(path, dpi, TAC, 99.9)
    assert measured.maximum <= bound.total + ROUNDING + 1e-9, (measured, bound)
    if bound.total <= TAC + TAC_TOLERANCE:
        assert measured.percentile <= TAC + TAC_TOLERANCE, (measured, bound)
