"""Render stage tests: black text near a picture still overprints, line after line."""

from __future__ import annotations

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.render.pdf.exporter import render_pages_bytes
from kupang_layout.render.pdf.presets import DEFAULT_PRESET, get_preset


def test_no_black_text_knocks_out_on_the_sample_pages() -> None:
    """The sample pages put captions and body text a few points from their photos. The
    bound counts a picture within a pixel's reach of a line; the overprint decisions
    must not: a line's figure for later decisions is what lay under its own shape, so
    the next line over it (font boxes overlap from line to line) overprints as well."""
    edition = build_sample_edition().edition
    engine = LayoutEngine()
    preset = get_preset(DEFAULT_PRESET)
    lists = [engine.layout_page(edition, page) for page in edition.pages]
    _data, results = render_pages_bytes(lists, edition, preset)
    assert any(isinstance(i, ImageItem) for dl in lists for i in dl.items)  # pictures near
    for number, result in enumerate(results, start=1):
        knocked = [w for w in result.warnings if "knocks out" in w]
        assert knocked == [], (number, knocked)
