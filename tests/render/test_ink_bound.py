"""The ink ledger's geometry: a line's glyph area holds every glyph it may draw (from the
fonts' own outlines), the pixel reach follows the checks' resolution, and the overprint
arithmetic per plate."""

from __future__ import annotations

import functools
import io
import math
from itertools import accumulate
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from pdf_testkit import BLACK, display_list, placed_words
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.engine.displaylist import (
    BoxItem,
    Ink,
    Item,
    PageDisplayList,
    PlacedWord,
    RuleItem,
    TextRun,
)
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.fonts import default_registry
from kupang_layout.model.color import REGISTRATION
from kupang_layout.preflight import pdf_ink
from kupang_layout.preflight.issues import DEFAULT_SETTINGS
from kupang_layout.render.pdf.ink_bound import (
    CHECK_DPI,
    MAX_CHECK_PIXELS,
    PIXEL_REACH,
    Figures,
    InkLedger,
    check_dpi,
    face_ink,
    glyph_area,
    ink_figures,
    over,
)
from kupang_layout.render.pdf.painter import PageGeometry, PagePainter
from kupang_layout.render.pdf.text import TextWriter

FACES = sorted(
    f"{family}/{face}"
    for family in default_registry().families()
    for face in default_registry().faces(family)
)


@functools.cache
def outlines(face: str) -> tuple[dict[str, tuple[float, float, float, float]], int]:
    """Each mapped character's glyph box as the outline gives it (fontTools, fresh), with
    the box of the glyph placed at its `hmtx` bearing as well, and the units per em."""
    font = TTFont(str(default_registry().lookup_key(face).path))
    glyf, hmtx = font["glyf"], font["hmtx"].metrics
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for code, name in font.getBestCmap().items():
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        if glyph.numberOfContours == 0 or not hasattr(glyph, "xMin"):
            continue
        bearing = hmtx[name][1]
        x_min = min(glyph.xMin, bearing)
        x_max = max(glyph.xMax, bearing + glyph.xMax - glyph.xMin)
        boxes[chr(code)] = (x_min, glyph.yMin, x_max, glyph.yMax)
    return boxes, font["head"].unitsPerEm


def inside(area: tuple[float, float, float, float], box: tuple[float, ...]) -> bool:
    return (area[0] - 1e-6 <= box[0] and area[1] - 1e-6 <= box[1]
            and box[2] <= area[2] + 1e-6 and box[3] <= area[3] + 1e-6)  # fmt: skip


def drawn(run: TextRun) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every glyph of a run where the PDF draws it (at the engine's advances), its box in
    page points (y down)."""
    boxes, units = outlines(run.face)
    wide = run.size / units * run.h_scale
    tall = run.size / units
    out = []
    for word in run.words:
        for ch, x in zip(word.text, accumulate(word.advances, initial=word.x), strict=False):
            box = boxes.get(ch)
            if box is not None:
                page = (x + box[0] * wide, run.y - box[3] * tall,
                        x + box[2] * wide, run.y - box[1] * tall)  # fmt: skip
                out.append((ch, page))
    return out


@pytest.mark.parametrize("face", FACES)
def test_the_glyph_area_holds_every_glyph_of_the_face(face: str) -> None:
    """Each mapped character's glyph, alone and between two others, drawn with glyph
    scaling and with negative letter-spacing, lies inside the area the ledger gives
    its line; the area is that of the characters it holds, not the face's box."""
    boxes, _units = outlines(face)
    size = 20.0
    ink = face_ink(face)
    for h_scale, spacing in ((0.97, 0.0), (1.0, 0.0), (1.03, 0.5), (1.0, -1.0)):
        for ch in boxes:
            for text in (ch, f"H{ch}", f"{ch}o"):
                advances = tuple(
                    ink_advance * size * h_scale + spacing
                    for ink_advance in (face_advance(face, c) for c in text)
                )
                run = TextRun(face, size, BLACK, 300.0, (PlacedWord(text, 100.0, advances),),
                              letter_spacing=spacing, h_scale=h_scale)  # fmt: skip
                area = glyph_area(run, ink)
                for c, box in drawn(run):
                    assert inside(area, box), (face, text, c, area, box)
    # Tight: a line of lower-case letters without descenders stays near its x-height.
    run = TextRun(face, size, BLACK, 300.0, (PlacedWord("xoxo", 100.0, (10.0,) * 4),))
    area = glyph_area(run, ink)
    assert 300.0 - area[1] < 0.75 * size and area[3] - 300.0 < 0.05 * size


@functools.cache
def face_advance(face: str, ch: str) -> float:
    from kupang_layout.fonts import metrics_for_key

    return metrics_for_key(face).advance(ch, 1.0)


def test_every_glyph_on_the_sample_pages_lies_inside_its_lines_area() -> None:
    """The engine's real lines (kerning, tracking, glyph scaling, hyphens, quotes): every
    glyph where the PDF draws it lies inside the area of its run (the words are in order
    and apart, as glyph_area takes them)."""
    edition = build_sample_edition().edition
    engine = LayoutEngine()
    runs = 0
    for page in edition.pages:
        for item in engine.layout_page(edition, page).items:
            if isinstance(item, TextRun) and item.words:
                area = glyph_area(item, face_ink(item.face))
                for ch, box in drawn(item):
                    assert inside(area, box), (item.text, ch, area, box)
                runs += 1
    assert runs > 300


def test_the_pixel_reach_is_a_pixel_diagonal_at_the_lowest_check_resolution() -> None:
    """The export's check renders at the settings' ink dpi, lowered for a page over its
    pixel limit; the plant's intake check at 72 dpi: the ledger takes the lower."""
    assert min(DEFAULT_SETTINGS.ink_dpi, 72) == CHECK_DPI
    assert MAX_CHECK_PIXELS == pdf_ink.MAX_PIXELS
    assert pytest.approx(math.sqrt(2.0)) == PIXEL_REACH
    for width, height in ((794.0, 1219.0), (3401.6, 3401.6), (5000.0, 2000.0), (300.0, 400.0)):
        ours = pdf_ink.page_dpi(width, height, DEFAULT_SETTINGS.ink_dpi)
        assert check_dpi(width, height) == pytest.approx(min(ours, 72.0))
        ledger = InkLedger((0.0, 0.0, width, height))
        assert ledger.reach == pytest.approx(math.sqrt(2.0) * 72.0 / min(ours, 72.0))


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


def painted(lists: list[PageDisplayList], slow: bool) -> list[tuple[object, ...]]:
    """Every page's overprint plans, ledger layers, notes and bound as the painter made
    them; `slow` without the shortcut for an overprint with nothing near on a plate it
    keeps."""
    out: list[tuple[object, ...]] = []
    for dl in lists:
        geometry = PageGeometry(dl.width, dl.height, 8.5, 0.0)
        canvas = Canvas(io.BytesIO(), pagesize=geometry.media_size)
        painter = PlanRecorder(canvas, geometry, TextWriter(canvas))
        painter.slow = slow
        painter.begin()
        painter.paint(dl, {})
        out.append((tuple(painter.plans), tuple(painter.ledger._layers), tuple(painter.notes),
                    painter.ink_bound()))  # fmt: skip
    return out


class PlanRecorder(PagePainter):
    """A painter that keeps what each of its overprint plans answered; `slow`: it never
    takes the shortcut."""

    plans: list[object]
    slow = False

    def _figures(self, ink: Ink) -> tuple[Figures, Figures]:
        found = super()._figures(ink)
        if self.slow:
            self._kept[ink] = -1
        return found

    def _plan(self, *args: Any) -> tuple[bool, Figures, Figures]:
        if not hasattr(self, "plans"):
            self.plans = []
        answer = super()._plan(*args)
        self.plans.append(answer)
        return answer


def test_the_shortcut_for_an_overprint_over_its_own_plates_changes_nothing() -> None:
    """Black text over black text or paper carries its own ink whatever the stack below:
    the painter skips adding the stack up there. With and without the shortcut, the
    sample pages and a page of stacked and faint inks give the same layers, overprints,
    notes and bound."""
    edition = build_sample_edition().edition
    engine = LayoutEngine()
    lists = [engine.layout_page(edition, page) for page in edition.pages]
    faint = Ink("Faint", 0.0001, 0, 0, 100, True)  # written as 0 or not
    rich = Ink("Rich", 60, 50, 50, 100, True)
    words = placed_words("PT Serif/Regular", 12, "Kupang ÅÉÇ gjpqy", 30)
    items: list[Item] = [
        BoxItem(20, 20, 200, 100, Ink("C", 100, 0, 0, 0)),
        BoxItem(40, 40, 200, 100, Ink("M", 0, 100, 0, 0, True)),
        TextRun("PT Serif/Regular", 12, BLACK, 60, words),
        TextRun("PT Serif/Regular", 12, faint, 75, words),
        TextRun("PT Serif/Regular", 12, rich, 90, words),
        TextRun("PT Serif/Regular", 12, Ink(REGISTRATION, 100, 100, 100, 100), 200, words),
        TextRun("PT Serif/Regular", 12, BLACK, 205, words),
        RuleItem(10, 210, 250, 210, 2.0, BLACK),
        BoxItem(20, 330, 200, 50, Ink("C", 100, 0, 0, 0)),  # cyan alone near it
        TextRun("PT Serif/Regular", 12, faint, 350, words),
    ]
    lists.append(display_list(items, 1, 300, 400))
    assert painted(lists, slow=False) == painted(lists, slow=True)
