"""Fonts stage tests: the glyph boxes kept with the cached metrics (for the PDF ink
ledger) are fontTools' own, and a warm cache gives them without importing fontTools."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kupang_layout.fonts import FaceEntry, default_registry
from kupang_layout.fonts import metrics as metrics_module

ENTRIES = [default_registry().lookup_key(key) for key in ("PT Serif/Regular",
           "Roboto Condensed/Bold Italic")]  # fmt: skip


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.key for e in ENTRIES])
def test_each_characters_glyph_box_and_the_faces_reach(entry: FaceEntry) -> None:
    metrics = metrics_module._read_metrics(entry.path, entry.key)  # read, then cached
    cached = metrics_module._read_metrics(entry.path, entry.key)  # from the cache
    assert cached.glyph_extents == metrics.glyph_extents
    assert cached.glyph_reach == metrics.glyph_reach
    font = TTFont(str(entry.path))
    glyf, hmtx = font["glyf"], font["hmtx"].metrics
    reach = cached.glyph_reach
    assert reach is not None
    for code, name in font.getBestCmap().items():
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        box = cached.glyph_extents[chr(code)]
        if glyph.numberOfContours == 0:
            assert box == (0, 0, 0, 0)
            continue
        assert box[0] <= glyph.xMin and box[1] == glyph.yMin
        assert box[2] >= glyph.xMax and box[3] == glyph.yMax
        advance = hmtx[name][0]
        assert -box[0] <= reach[0] and box[2] - advance <= reach[1]
        assert reach[2] <= box[1] and box[3] <= reach[3]


_FACE_INK = """
import sys
from kupang_layout.fonts import default_registry
from kupang_layout.render.pdf.ink_bound import face_ink
registry = default_registry()
for family in registry.families():
    for face in registry.faces(family):
        ink = face_ink(f"{family}/{face}")
        print(f"{family}/{face}", round(ink.y_maxs["A"], 4), round(ink.unknown[3], 4))
print("fontTools" in " ".join(sys.modules))
"""


def test_a_warm_cache_gives_the_glyph_boxes_without_fonttools(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    cold, warm = (
        subprocess.run(
            [sys.executable, "-c", _FACE_INK], env=env, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        for _ in range(2)
    )
    assert cold[-1] == "True"  # read with fontTools and cached
    assert warm[-1] == "False"
    assert cold[:-1] == warm[:-1] and len(warm) > 4
