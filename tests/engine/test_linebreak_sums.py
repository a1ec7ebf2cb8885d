"""The line breaker's prefix sums: each table is the running sum of its items' values."""

from __future__ import annotations

from kupang_layout.engine.linebreak_items import INFINITY, Box, Glue, Item, Penalty
from kupang_layout.engine.linebreak_sums import FLAGGED, FORCED, HYPHEN, Prepared


def _material() -> list[Item]:
    return [
        Box(12.5, 0.3, 0.2, -1, 0.4, 0.1),
        Glue(2.25, 1.1, 0.7),
        Box(7.0, 0.1, 0.05, -1, 0.2, 0.3),
        Penalty(3.5, 50.0, True, -1),
        Box(4.75, 0.2, 0.1, -1, 0.1, 0.05),
        Penalty(0.0, 100.0, False, -1),
        Glue(2.25, 1.1, 0.7),
        Box(9.0, 0.25, 0.15, -1, 0.3, 0.2),
        Penalty(0.0, INFINITY, False, -1),
        Glue(0.0, 1.0e4, 0.0),
        Penalty(0.0, -INFINITY, True, -1),
    ]


def test_tables_are_the_running_sums() -> None:
    items = _material()
    prep = Prepared(items)
    sums = dict.fromkeys(("w", "y", "z", "y2", "z2", "gw", "gy", "gn"), 0.0)
    expected: dict[str, list[float]] = {k: [0.0] for k in sums}
    for item in items:
        if isinstance(item, Box):
            sums["w"] += item.width
            sums["y2"] += item.stretch
            sums["z2"] += item.shrink
            sums["y"] += item.xstretch
            sums["z"] += item.xshrink
        elif isinstance(item, Glue):
            sums["w"] += item.width
            sums["y"] += item.stretch
            sums["z"] += item.shrink
            sums["gw"] += item.width
            sums["gy"] += item.stretch
            sums["gn"] += 1.0
        for k, v in sums.items():
            expected[k].append(v)
    for k, want in expected.items():
        got = getattr(prep, k)
        assert len(got) == len(items) + 1
        assert all(type(v) is float for v in got)
        assert got == want, k  # the same additions in the same order: equal bits


def test_breakpoints() -> None:
    prep = Prepared(_material())
    # Glue after a box, penalties below +inf, the forced end (the material's end).
    assert prep.at == [1, 3, 5, 10]
    assert len(prep.penalty) == len(prep.width) == len(prep.kind) == 4
    assert prep.kind[1] & HYPHEN and prep.kind[1] & FLAGGED  # flagged with a width
    assert prep.kind[3] == FORCED | FLAGGED and prep.penalty[3] == -INFINITY  # the end
    assert prep.final == 10
