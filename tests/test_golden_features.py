"""Golden traces, one small edition and one trace file per engine feature.

Set KUPANG_UPDATE_GOLDEN=1 to write the traces anew after a deliberate change,
then read the diff: it names the feature that changed. Each test also asserts
the feature's rule itself, so a trace written anew cannot hide a broken rule.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from feature_editions import FEATURES, hyphen_limit, jump, keep_options, widow_orphan

from kupang_layout.engine.flow import FlowResult
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.trace import trace
from kupang_layout.model.edition import Edition

GOLDEN = Path(__file__).parent / "golden" / "features"


def _trace(edition: Edition) -> str:
    engine = LayoutEngine()
    return "".join(trace(engine.layout_page(edition, p)) for p in edition.pages)


def _flow(edition: Edition) -> FlowResult:
    return LayoutEngine().layout_story(edition, "story").flow


def _columns(flow: FlowResult) -> list[list[tuple[int, int]]]:
    """(paragraph, line) of every placed line, column by column in chain order."""
    out: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for pl in flow.placed:
        out.setdefault((pl.column.frame.id, pl.column.index), []).append(
            (pl.paragraph, pl.line_index)
        )
    return list(out.values())


@pytest.mark.parametrize("name", sorted(FEATURES))
def test_feature_trace_matches_golden(name: str) -> None:
    got = _trace(FEATURES[name]())
    path = GOLDEN / f"{name}.trace"
    if os.environ.get("KUPANG_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_widow_and_orphan_are_avoided() -> None:
    flow = _flow(widow_orphan())
    assert flow.overset_lines == 0
    assert (flow.widows, flow.orphans) == (0, 0)
    columns = _columns(flow)
    for before, after in itertools.pairwise(columns):
        (p_end, _), (p_next, l_next) = before[-1], after[0]
        if p_end == p_next:  # a paragraph goes on: two lines at least on each side
            assert sum(1 for p, _ in before if p == p_end) >= 2
            assert sum(1 for p, _ in after if p == p_next) >= 2
        else:  # a paragraph that starts at a column's foot has two lines there
            assert l_next == 0


def test_hyphen_limit_is_kept() -> None:
    edition = hyphen_limit()
    for limit in (1, 2):
        style = edition.paragraph_styles["Body One Hyphen"]
        edition.paragraph_styles["Body One Hyphen"] = type(style)(
            **{**style.__dict__, "max_consecutive_hyphens": limit}
        )
        lines = [ln for ln in _trace(edition).splitlines() if ln.startswith("text ")]
        run = longest = 0
        for line in lines:
            run = run + 1 if line.endswith("-") else 0
            longest = max(longest, run)
        assert 1 <= longest <= limit


def test_balanced_columns_end_within_one_line() -> None:
    columns = _columns(_flow(FEATURES["balance"]()))
    depths = [len(c) for c in columns]
    assert len(depths) == 3
    assert max(depths) - min(depths) <= 1


def test_keep_with_next_and_keep_together() -> None:
    edition = keep_options()
    columns = _columns(_flow(edition))
    subhead, kept = 1, 3
    # the subhead opens column 2 with its next paragraph rather than end column 1
    assert all(p != subhead for p, _ in columns[0])
    assert columns[1][0] == (subhead, 0)
    # the kept-together paragraph is whole in one column
    holding = [i for i, col in enumerate(columns) if any(p == kept for p, _ in col)]
    assert len(holding) == 1


def test_quotes_are_typographers() -> None:
    text = _trace(FEATURES["quotes"]())
    for mark in ("\u201cKalau", "mati,\u201d", "\u2018hutan", "bonsai\u2019", "\u201990-an"):
        assert mark in text
    # feet and inches after digits stay primes (straight marks), as typed
    assert "5'" in text and '6".' in text


def test_jump_goes_on_on_the_next_page() -> None:
    edition = jump()
    flow = _flow(edition)
    assert flow.overset_lines == 0
    pages = {pl.column.page.number for pl in flow.placed}
    assert pages == {1, 2}
    last_on_one = max(
        (pl.paragraph, pl.line_index) for pl in flow.placed if pl.column.page.number == 1
    )
    first_on_two = min(
        (pl.paragraph, pl.line_index) for pl in flow.placed if pl.column.page.number == 2
    )
    assert first_on_two == (last_on_one[0], last_on_one[1] + 1)
