"""Fonts stage: a face's kerning pairs grouped by their left character, read on demand.

A face holds thousands of kerning pairs (Roboto Condensed 15 000); a page's text meets
a few hundred. Turning every pair into a dictionary entry cost a cold process 8 ms per
page (four faces), most of it for pairs it never looked at. `KernTable` keeps the pairs
as four lists of integers, sorted by left then right character (as the metrics cache
stores them: `datacache.pack_ints` reads them back in C), and `FontMetrics` makes the
entries of one left character when a text first asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import accumulate, pairwise

__all__ = ["KernTable"]


class KernTable:
    """Kerning pairs in font units: `lefts` the distinct left characters (code points,
    ascending), `counts` how many pairs each has; `rights` and `values` the pairs' right
    characters and adjustments, grouped in the order of `lefts`, each group ascending."""

    __slots__ = ("_spans", "counts", "lefts", "rights", "values")

    def __init__(
        self, lefts: list[int], counts: list[int], rights: list[int], values: list[int]
    ) -> None:
        """ValueError when the lists do not describe such groups."""
        if len(lefts) != len(counts) or len(rights) != len(values) or sum(counts) != len(values):
            raise ValueError("kerning groups do not add up")
        if counts and min(counts) <= 0:
            raise ValueError("a kerning group without pairs")
        if any(a >= b for a, b in pairwise(lefts)):
            raise ValueError("kerning groups out of order")
        self.lefts = lefts
        self.counts = counts
        self.rights = rights
        self.values = values
        ends = list(accumulate(counts))
        starts = [0, *ends[:-1]] if ends else []
        self._spans: dict[str, tuple[int, int]] = dict(
            zip(map(chr, lefts), zip(starts, ends, strict=True), strict=True)
        )

    @classmethod
    def from_pairs(cls, pairs: Mapping[str, int]) -> KernTable:
        """The table of pairs keyed by their two characters (ValueError for another key)."""
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError("a kerning pair is two characters")
        ordered = sorted((ord(pair[0]), ord(pair[1]), value) for pair, value in pairs.items())
        lefts: list[int] = []
        counts: list[int] = []
        for left, _, _ in ordered:
            if lefts and lefts[-1] == left:
                counts[-1] += 1
            else:
                lefts.append(left)
                counts.append(1)
        return cls(lefts, counts, [r for _, r, _ in ordered], [v for _, _, v in ordered])

    def pairs(self) -> dict[str, int]:
        """Every pair, keyed by its two characters."""
        out: dict[str, int] = {}
        for left, (start, end) in self._spans.items():
            for right, value in zip(self.rights[start:end], self.values[start:end], strict=True):
                out[left + chr(right)] = value
        return out

    def row(self, left: str) -> tuple[list[int], list[int]]:
        """The right characters (code points) and values of the pairs starting with `left`."""
        span = self._spans.get(left)
        if span is None:
            return [], []
        start, end = span
        return self.rights[start:end], self.values[start:end]

    def __len__(self) -> int:
        return len(self.values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KernTable):
            return NotImplemented
        return (self.lefts, self.counts, self.rights, self.values) == (
            other.lefts,
            other.counts,
            other.rights,
            other.values,
        )

    def __repr__(self) -> str:
        return f"KernTable({len(self)} pairs)"
