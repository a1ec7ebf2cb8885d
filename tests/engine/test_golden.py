"""Golden display-list traces of the sample edition's pages.

Set KUPANG_UPDATE_GOLDEN=1 to write the traces anew after a deliberate change,
then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.trace import trace

GOLDEN = Path(__file__).parents[1] / "golden"


@pytest.fixture(scope="module")
def traces() -> dict[int, str]:
    edition = build_sample_edition().edition
    engine = LayoutEngine()
    return {p.number: trace(engine.layout_page(edition, p)) for p in edition.pages}


@pytest.mark.parametrize("number", [1, 2, 3])
def test_page_trace_matches_golden(traces: dict[int, str], number: int) -> None:
    path = GOLDEN / f"sample_page_{number}.trace"
    if os.environ.get("KUPANG_UPDATE_GOLDEN") == "1":
        path.write_text(traces[number], encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert traces[number] == expected
