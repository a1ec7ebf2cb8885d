"""PDF text numbers: the exporter's rounding to thousandths is Python's round(x, 3)."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.render.pdf.text import _thousandths


def _same(value: float) -> bool:
    got, want = _thousandths(value), round(value, 3)
    return got == want and math.copysign(1.0, got) == math.copysign(1.0, want)


def test_halves_and_edges_round_as_round_does() -> None:
    values = [0.0, -0.0, 0.0004, -0.0004, 0.0005, 0.001, 1.0005, 2.0005, 100.0625, 0.0625]
    values += [k * 0.0625 for k in range(0, 64_000, 7)]  # exact binary ties at 1/2000
    values += [k / 1000.0 + 0.0005 for k in range(0, 2_000_000, 997)]
    values += [1e6 - 0.0005, 1e6 + 0.0005, 999_999.9995, 1e9, -12.3456]
    assert all(_same(v) for v in values)


@given(st.floats(min_value=-1e4, max_value=1e7, allow_nan=False))
def test_any_position_rounds_as_round_does(value: float) -> None:
    assert _same(value)
