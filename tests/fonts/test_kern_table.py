"""Kerning pairs grouped by left character (fonts.kern_table) and the packed integers of
the cache files (common.datacache.pack_ints)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.common.datacache import pack_ints, unpack_ints
from kupang_layout.fonts import default_registry
from kupang_layout.fonts.kern_table import KernTable
from kupang_layout.fonts.metrics import FontMetrics, metrics_for_key

_CHARS = st.characters(min_codepoint=32, max_codepoint=0x2FF)
_PAIRS = st.dictionaries(
    st.tuples(_CHARS, _CHARS).map("".join), st.integers(-400, 400), max_size=60
)


@given(_PAIRS)
def test_a_table_holds_exactly_its_pairs(pairs: dict[str, int]) -> None:
    table = KernTable.from_pairs(pairs)
    assert table.pairs() == pairs
    assert len(table) == len(pairs)
    for left in {pair[0] for pair in pairs} | {"\x00"}:
        rights, values = table.row(left)
        expected = {p[1]: v for p, v in pairs.items() if p[0] == left}
        assert dict(zip(map(chr, rights), values, strict=True)) == expected
    again = KernTable(table.lefts, table.counts, table.rights, table.values)
    assert again == table


@pytest.mark.parametrize(
    "lists",
    [
        ([65], [2], [66], [1]),  # counts do not add up
        ([65, 66], [1], [66], [1]),  # a left without its count
        ([66, 65], [1, 1], [66, 67], [1, 2]),  # out of order
        ([65, 66], [2, 0], [66, 67], [1, 2]),  # an empty group
    ],
)
def test_groups_that_do_not_add_up_are_refused(
    lists: tuple[list[int], list[int], list[int], list[int]],
) -> None:
    with pytest.raises(ValueError):
        KernTable(*lists)


def test_a_pair_is_two_characters() -> None:
    with pytest.raises(ValueError):
        KernTable.from_pairs({"AVA": -10})


@given(_PAIRS, st.text(_CHARS, max_size=30), st.floats(4.0, 120.0))
def test_metrics_measure_as_with_every_pair_made_at_once(
    pairs: dict[str, int], text: str, size: float
) -> None:
    """The entries made per left character on demand give the same figures, to the bit,
    as every pair turned into em first (the engine's layout must not move)."""
    face = metrics_for_key("PT Serif/Regular")
    widths = {ch: round(em * face.units_per_em) for ch, em in face.em_advances().items()}
    metrics = FontMetrics(
        path=face.path, key="test", family_name="t", style_name="r", units_per_em=1000,
        ascender=800, descender=-200, line_gap=0, cap_height=700, x_height=500,
        notdef_width=500, widths=widths, kerning=pairs,
    )  # fmt: skip
    em = {ch: w / 1000.0 for ch, w in widths.items()}
    kern = {p: v / 1000.0 for p, v in pairs.items()}
    advance = sum(em.get(ch, 0.5) for ch in text)
    if len(text) > 1:
        advance += sum(kern.get(a + b, 0.0) for a, b in pairwise(text))
    assert metrics.advance(text, size) == advance * size
    each = [em.get(ch, 0.5) * size for ch in text]
    for i in range(len(text) - 1):
        if text[i : i + 2] in kern:
            each[i] += kern[text[i : i + 2]] * size
    assert metrics.char_advances(text, size) == each


def test_the_bundled_faces_kern_as_their_files_say() -> None:
    for entry in default_registry().entries():
        face = metrics_for_key(entry.key)
        pairs = face.kerning.pairs()
        for pair, value in list(pairs.items())[:: max(1, len(pairs) // 200)]:
            assert face.kern(pair[0], pair[1], 1000.0) == value / face.units_per_em * 1000.0


@given(st.lists(st.integers(-(2**31), 2**31 - 1), max_size=200))
def test_packed_integers_come_back_as_they_went(values: list[int]) -> None:
    assert unpack_ints(pack_ints(values)) == values


@pytest.mark.parametrize("bad", [None, 5, [1, 2], "***", "QUJD"])
def test_what_is_not_packed_integers_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        unpack_ints(bad)


def test_integers_beyond_32_bits_are_not_packed() -> None:
    with pytest.raises(ValueError):
        pack_ints([2**31])
