"""Glyph scaling: the engine's horizontal scale per justified line, drawn with the PDF's
`Tz` (glyphs where the engine put them, read back from the content stream) and with a
horizontal transform in Qt (the ink as wide as the scale says)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from conftest import INTAKE_CHECK, intake_check_available
from feature_editions import glyph_scaling
from PIL import Image
from PySide6.QtGui import QImage

from kupang_layout.engine.displaylist import PageDisplayList, PlacedWord, TextRun
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.fonts import metrics_for_key
from kupang_layout.model.edition import Edition
from kupang_layout.render.pdf import get_preset, render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache


def _runs(dl: PageDisplayList) -> list[TextRun]:
    return [i for i in dl.items if isinstance(i, TextRun)]


@pytest.fixture(scope="module")
def scaled() -> tuple[Edition, PageDisplayList]:
    edition = glyph_scaling()
    return edition, LayoutEngine().layout_page(edition, edition.pages[0])


def _replay(path: Path) -> list[tuple[float, list[float]]]:
    """Per shown word: (Tz, x of each glyph's origin in text space), from the content
    stream: Tm/Td place the word, each glyph advances (w·size/1000 + Tc − TJ·size/1000)·Tz."""
    out: list[tuple[float, list[float]]] = []
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        fonts = page.obj.Resources.Font
        size = tc = 0.0
        tz = 100.0
        x = 0.0
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
            elif o == "Tm":
                x = float(operands[4])
            elif o == "Td":
                x += float(operands[0])
            elif o in ("TJ", "Tj"):
                parts = list(operands[0]) if o == "TJ" else [operands[0]]
                h = tz / 100.0
                pos, xs = x, []
                for part in parts:
                    if isinstance(part, pikepdf.String):
                        for code in bytes(part):
                            xs.append(pos)
                            pos += (widths[code] * size / 1000.0 + tc) * h
                    else:
                        pos -= float(part) * size / 1000.0 * h
                out.append((tz, xs))
    return out


def test_pdf_draws_each_line_at_its_scale_where_the_engine_put_the_glyphs(
    scaled: tuple[Edition, PageDisplayList], tmp_path: Path
) -> None:
    edition, dl = scaled
    path = tmp_path / "scaled.pdf"
    render_page_pdf(dl, edition, get_preset(), path, image_cache=ImageCache(tmp_path / "c"))
    shown = _replay(path)
    words = [(run, w) for run in _runs(dl) for w in run.words]
    assert len(shown) == len(words)
    trim_x = None
    for (tz, xs), (run, word) in zip(shown, words, strict=True):
        assert tz == pytest.approx(run.h_scale * 100.0, abs=0.001)
        assert 98.0 - 1e-6 <= tz <= 102.0 + 1e-6
        engine_xs = [word.x + sum(word.advances[:k]) for k in range(len(word.text))]
        if trim_x is None:
            trim_x = xs[0] - engine_xs[0]  # page origin: the trim box's left in PDF space
        # within the writer's TJ tolerance (0.0005 pt a glyph) over a word
        assert [v - trim_x for v in xs] == pytest.approx(engine_xs, abs=0.005)
    assert {round(r.h_scale, 6) for r in _runs(dl) if r.story_id == "story"} - {1.0}
    if intake_check_available():  # the plant's check, where it lies beside the project
        checked = subprocess.run(
            [sys.executable, str(INTAKE_CHECK), str(path)], capture_output=True, text=True
        )
        assert checked.returncode == 0 and "ACCEPTED" in checked.stdout, checked.stdout


def _pil(img: QImage) -> Image.Image:
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(img.constBits())[: img.bytesPerLine() * img.height()]
    return Image.frombuffer(
        "RGB", (img.width(), img.height()), data, "raw", "RGB", img.bytesPerLine(), 1
    )


def test_qt_widens_the_glyphs_by_the_scale(qapp) -> None:  # type: ignore[no-untyped-def]
    from qt_samples import BLACK

    from kupang_layout.render.qt import ensure_gui_app, render_page_image

    ensure_gui_app()
    face, size, dpi = "PT Serif/Regular", 40.0, 288.0
    m = metrics_for_key(face)

    def ink_width(scale: float) -> int:
        advances = tuple(a * scale for a in m.char_advances("mmm", size))
        run = TextRun(face, size, BLACK, 60.0, (PlacedWord("mmm", 10.0, advances),), h_scale=scale)
        img = render_page_image(PageDisplayList("p", 1, 200.0, 80.0, 0.0, (run,)), Edition(), dpi)
        box = _pil(img).convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
        assert box is not None
        return box[2] - box[0]

    plain, wide, narrow = ink_width(1.0), ink_width(1.02), ink_width(0.98)
    assert wide == pytest.approx(plain * 1.02, abs=2.0)
    assert narrow == pytest.approx(plain * 0.98, abs=2.0)
    assert wide - narrow > 0.03 * plain  # ~ 4 % of ~ 400 px: the transform is applied
