"""Any valid edition, however odd its styles and frames, lays out, draws, preflights and
exports without an exception, and its display lists hold only finite numbers."""

from __future__ import annotations

import math
from dataclasses import fields, is_dataclass

from hypothesis import HealthCheck, given, settings
from strategies import editions

from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model import Edition
from kupang_layout.preflight import run_preflight
from kupang_layout.render.pdf import (
    PROOF_PRESET,
    ImageCache,
    ImageError,
    get_preset,
    render_pages_bytes,
)
from kupang_layout.render.qt.raster import render_page_image


def _numbers(value: object) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, (tuple, list)):
        return [n for v in value for n in _numbers(v)]
    if is_dataclass(value) and not isinstance(value, type):
        return [n for f in fields(value) for n in _numbers(getattr(value, f.name))]
    return []


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(editions(max_pages=2))
def test_any_edition_lays_out_preflights_and_exports(edition: Edition) -> None:
    engine = LayoutEngine()
    lists = []
    for page in edition.pages:
        dl = engine.layout_page(edition, page)
        numbers = _numbers(list(dl.items))
        assert all(math.isfinite(n) for n in numbers), page.id
        lists.append(dl)
    for dl in lists:  # the screen draws it too (small: only robustness is asked here)
        image = render_page_image(dl, edition, dpi=4.0, markers=True)
        assert not image.isNull()
    for issue in run_preflight(edition, engine):
        assert issue.message("id") and issue.message("en")
    if lists:
        cache = ImageCache(None, use_default_folder=False)  # in memory only
        try:
            data, results = render_pages_bytes(
                lists, edition, get_preset(PROOF_PRESET), image_cache=cache
            )
        except ImageError:
            return  # a picture the exporter refuses, with a message naming it
        assert data.startswith(b"%PDF") and len(results) == len(lists)
