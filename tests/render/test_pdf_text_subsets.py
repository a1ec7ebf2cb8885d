"""PDF text beyond 256 characters of one face: the second subset, words across subsets."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from pdf_testkit import BLACK, display_list, edition_with, has_tools, text_draws

from kupang_layout.engine.displaylist import PlacedWord, TextRun
from kupang_layout.fonts import default_registry
from kupang_layout.fonts.metrics import metrics_for_key
from kupang_layout.model.units import mm
from kupang_layout.render.pdf.exporter import render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.presets import get_preset

FACE, SIZE = "PT Serif/Regular", 9.0


def _characters() -> list[str]:
    """About 300 different characters the face has (Latin, Latin-1, Latin Extended-A,
    Cyrillic): more than one subset of 256 codes holds."""
    path = default_registry().lookup_key(FACE).path
    cmap = TTFont(str(path), lazy=True).getBestCmap()
    ranges = [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x180), *range(0x410, 0x450)]
    return [chr(c) for c in ranges if c in cmap and chr(c).isalpha()]


@pytest.mark.skipif(not has_tools("pdftotext"), reason="poppler-utils not installed")
def test_words_across_subsets_extract_and_land_where_the_engine_put_them(tmp_path: Path) -> None:
    chars = _characters()
    assert len(chars) > 260
    metrics = metrics_for_key(FACE)
    texts = ["".join(chars[i : i + 8]) for i in range(0, len(chars), 8)]
    # a word of a first-subset and a second-subset character, 'kerned' by -0.4 pt
    texts.append(chars[0] + chars[-1] + chars[1])
    items = []
    for line, text in enumerate(texts):
        advances = list(metrics.char_advances(text, SIZE))
        if line == len(texts) - 1:
            advances[0] -= 0.4
        word = PlacedWord(text, mm(10), tuple(advances))
        items.append(TextRun(FACE, SIZE, BLACK, mm(10) + line * 11.0, (word,)))
    edition, _ = edition_with({})
    path = tmp_path / "many.pdf"
    dl = display_list(items, 1, mm(150), mm(600))
    render_page_pdf(dl, edition, get_preset(), path, image_cache=ImageCache(tmp_path / "c"))

    extracted = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert extracted == texts
    with pikepdf.open(path) as pdf:
        draws = text_draws(pdf)
        fonts = {str(f.BaseFont) for f in pdf.pages[0].Resources.Font.values()}
    assert len([f for f in fonts if "PTSerif-Regular" in f]) == 2  # two subsets
    # the last word: one chunk per subset, the kerning after its first character
    last = [d for d in draws if abs(d.y - draws[-1].y) < 1e-6]
    assert len(last) == 3 and all(d.x == pytest.approx(last[0].x) for d in last)
    numbers = [
        float(v) for d in last for v in (d.operands[0] if d.operator == "TJ" else [])
        if not isinstance(v, pikepdf.String)
    ]  # fmt: skip
    assert numbers == [pytest.approx(0.4 * 1000 / SIZE, abs=0.01)]
