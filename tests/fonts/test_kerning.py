"""Kerning: the pair table against HarfBuzz, and "AV" / "To" at 40 pt in the display list,
the PDF (read back from the content stream) and the Qt render (pixel columns of ink)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont
from PIL import Image
from PySide6.QtGui import QImage

from kupang_layout.engine.displaylist import PageDisplayList, TextRun
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.fonts import default_registry, metrics_for_key
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.geometry import Margins, Rect
from kupang_layout.model.page import Page
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.styles import ParagraphStyle
from kupang_layout.model.units import mm
from kupang_layout.render.pdf import get_preset, render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache

FACE = "Roboto Condensed/Bold"
SIZE = 40.0
FACES = [e.key for e in default_registry().entries()]
# The characters whose every pair is compared with HarfBuzz.
REPERTOIRE = [chr(c) for c in range(0x21, 0x7F)] + list("ÀÉÖàéöü“”‘’–—«»…€")


def _hb_first_advance(path: Path, pair: str) -> tuple[int, int] | None:
    """(x-advance of the first glyph shaped by HarfBuzz with kerning only, its hmtx
    advance) in font units; None if the pair does not shape to two glyphs."""
    font = _hb_font(path)
    buf = hb.Buffer()
    buf.add_str(pair)
    buf.direction, buf.script, buf.language = "ltr", "Latn", "id"
    hb.shape(font, buf, {"kern": True, "liga": False, "clig": False, "calt": False})
    if len(buf.glyph_infos) != 2:
        return None
    return buf.glyph_positions[0].x_advance, font.get_glyph_h_advance(buf.glyph_infos[0].codepoint)


_HB: dict[Path, hb.Font] = {}


def _hb_font(path: Path) -> hb.Font:
    if path not in _HB:
        _HB[path] = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    return _HB[path]


@pytest.mark.parametrize("key", FACES)
def test_pair_table_is_what_harfbuzz_applies(key: str) -> None:
    path = default_registry().lookup_key(key).path
    m = metrics_for_key(key)
    upm = m.units_per_em
    kerned = 0
    for a in REPERTOIRE:
        if not m.has_glyph(a):
            continue
        for b in REPERTOIRE:
            if not m.has_glyph(b):
                continue
            shaped = _hb_first_advance(path, a + b)
            if shaped is None:
                continue
            expected = (shaped[0] - shaped[1]) / upm * 10.0
            assert m.kern(a, b, 10.0) == pytest.approx(expected, abs=1e-9), (key, a + b)
            kerned += expected != 0
    assert kerned > 500  # the faces are kerned: the comparison is not empty


def _expected_advance(pair: str) -> float:
    """The first glyph's kerned advance of `pair` at SIZE, points, straight from HarfBuzz."""
    path = default_registry().lookup_key(FACE).path
    shaped = _hb_first_advance(path, pair)
    assert shaped is not None
    upm = TTFont(str(path), lazy=True)["head"].unitsPerEm
    return shaped[0] / upm * SIZE


def _headline_page() -> tuple[Edition, Page]:
    ed = Edition(number="1", date="2024-10-14")
    family, face = FACE.split("/")
    ed.paragraph_styles["Judul"] = ParagraphStyle(
        name="Judul", based_on="Body", font_family=family, font_face=face, size=SIZE,
        leading=44.0, alignment="left", hyphenate=False,
    )  # fmt: skip
    page = Page(id="p", number=1, width=mm(200), height=mm(60), margins=Margins(0, 0, 0, 0))
    frame = TextFrame(id="h", rect=Rect(mm(10), mm(10), mm(180), mm(40)), story_id="s")
    page.frames.append(frame)
    ed.pages.append(page)
    ed.stories["s"] = Story(id="s", paragraphs=[Paragraph.plain("Judul", "AV To")])
    return ed, page


@pytest.fixture(scope="module")
def headline() -> tuple[Edition, PageDisplayList]:
    ed, page = _headline_page()
    return ed, LayoutEngine().layout_page(ed, page)


def _words(dl: PageDisplayList) -> dict[str, tuple[float, tuple[float, ...]]]:
    runs = [i for i in dl.items if isinstance(i, TextRun)]
    return {w.text: (w.x, w.advances) for r in runs for w in r.words}


def test_display_list_carries_the_kerned_advances(headline) -> None:  # type: ignore[no-untyped-def]
    _, dl = headline
    words = _words(dl)
    m = metrics_for_key(FACE)
    for pair in ("AV", "To"):
        advance = words[pair][1][0]
        assert advance == pytest.approx(_expected_advance(pair), abs=1e-6)
        unkerned = m.advance(pair[0], SIZE)
        assert advance < unkerned - 1.0  # a visible kern at 40 pt (AV -1.5 pt, To -4.1 pt)


def _pdf_glyph_advances(path: Path) -> dict[str, float]:
    """For each TJ/Tj word: the first glyph's advance as a viewer sets it, from the
    content stream (Tf, Tc, Tz, TJ numbers) and the font's /Widths."""
    out: dict[str, float] = {}
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        fonts = page.obj.Resources.Font
        size = tc = 0.0
        tz = 100.0
        widths: dict[int, float] = {}
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o == "Tf":
                font = fonts[str(operands[0])]
                first = int(font.FirstChar)
                widths = {first + i: float(w) for i, w in enumerate(font.Widths)}
                size = float(operands[1])
            elif o == "Tc":
                tc = float(operands[0])
            elif o == "Tz":
                tz = float(operands[0])
            elif o in ("TJ", "Tj"):
                parts = list(operands[0]) if o == "TJ" else [operands[0]]
                codes = bytes(parts[0])
                number = float(parts[1]) if len(parts) > 1 and len(codes) == 1 else 0.0
                h = tz / 100.0
                advance = (widths[codes[0]] * size / 1000.0 + tc - number * size / 1000.0) * h
                glyph_text = "".join(map(chr, codes))  # subset codes: not the text itself
                out[f"{len(out)}:{glyph_text}"] = advance
    return out


def test_pdf_sets_the_kerned_advances(headline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ed, dl = headline
    path = tmp_path / "kern.pdf"
    render_page_pdf(dl, ed, get_preset(), path, image_cache=ImageCache(tmp_path / "c"))
    advances = list(_pdf_glyph_advances(path).values())
    assert advances == [
        pytest.approx(_expected_advance("AV"), abs=0.002),
        pytest.approx(_expected_advance("To"), abs=0.002),
    ]


def _pil(img: QImage) -> Image.Image:
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(img.constBits())[: img.bytesPerLine() * img.height()]
    return Image.frombuffer(
        "RGB", (img.width(), img.height()), data, "raw", "RGB", img.bytesPerLine(), 1
    )


def _x_max(ch: str) -> float:
    font = TTFont(str(default_registry().lookup_key(FACE).path))
    glyph = font["glyf"][font.getBestCmap()[ord(ch)]]
    return glyph.xMax / font["head"].unitsPerEm * SIZE


def test_qt_draws_the_kerned_advances(headline, qapp) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.render.qt import ensure_gui_app, render_page_image

    ensure_gui_app()
    ed, dl = headline
    dpi = 288.0  # 4 px per point
    words = _words(dl)
    for pair in ("AV", "To"):
        x, _advances = words[pair]
        runs = [
            TextRun(FACE, SIZE, r.ink, r.y, tuple(w for w in r.words if w.text == pair))
            for r in dl.items
            if isinstance(r, TextRun)
        ]
        alone = PageDisplayList("p", 1, dl.width, dl.height, 0.0, tuple(runs))
        img = _pil(render_page_image(alone, ed, dpi)).convert("L")
        box = img.point(lambda v: 255 if v < 128 else 0).getbbox()
        assert box is not None
        # The second glyph's right edge: where the kerned advance put it.
        right = (x + _expected_advance(pair) + _x_max(pair[1])) * dpi / 72.0
        unkerned = (x + metrics_for_key(FACE).advance(pair[0], SIZE) + _x_max(pair[1])) * dpi / 72
        assert box[2] == pytest.approx(right, abs=1.5), pair
        assert abs(box[2] - unkerned) > 4.0, pair  # and not where the unkerned one would
