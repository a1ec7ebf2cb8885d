"""Render stage (Qt): what the painter keeps per display list, reused item by item.

For each display list it paints, the painter keeps every item's key (its hash, the
item's identity for caches and change detection), its prepared glyph run and its
bounds. A new list after an edit shares most of its items, as the same objects, with
the list before it (the engine hands out the same runs for lines that did not move), so
what was worked out for those items is taken over by identity instead of hashing and
measuring a thousand runs again on every keystroke.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QRectF

from kupang_layout.engine.displaylist import Marker, PageDisplayList, TextRun
from kupang_layout.render.qt.bounds import item_bounds

__all__ = ["ListMemo", "ListMemos"]

P = TypeVar("P")
KEPT_LISTS = 4


@dataclass
class ListMemo(Generic[P]):
    """One list's item keys, prepared runs (None for other items) and bounds (None for
    markers, whose bounds depend on the zoom)."""

    dl: PageDisplayList
    keys: list[int]
    prepared: list[P | None]
    bounds: list[QRectF | None]
    index: dict[int, int] = field(default_factory=dict)  # id(item) -> position

    def positions(self) -> dict[int, int]:
        """Where each item (this very object, by id) is in the list; the list keeps its
        items alive, so an equal id is the same object."""
        if not self.index:
            self.index = {id(i): n for n, i in enumerate(self.dl.items)}
        return self.index


class ListMemos(Generic[P]):
    """The memos of the last few lists painted, the newest last."""

    def __init__(self, prepare: Callable[[TextRun, int], P | None]) -> None:
        self._prepare = prepare
        self._memos: OrderedDict[int, ListMemo[P]] = OrderedDict()

    def memo(self, dl: PageDisplayList) -> ListMemo[P]:
        got = self._memos.get(id(dl))
        if got is not None and got.dl is dl:
            self._memos.move_to_end(id(dl))
            return got
        previous = next(reversed(self._memos.values()), None)
        keys: list[int] = []
        prepared: list[P | None] = []
        bounds: list[QRectF | None] = []
        if previous is not None:
            where = previous.positions()
            at_previous = [where.get(id(item)) for item in dl.items]
        else:
            at_previous = [None] * len(dl.items)
        for item, at in zip(dl.items, at_previous, strict=True):
            if previous is not None and at is not None:
                keys.append(previous.keys[at])
                prepared.append(previous.prepared[at])
                bounds.append(previous.bounds[at])
                continue
            key = hash(item)
            keys.append(key)
            prepared.append(self._prepare(item, key) if isinstance(item, TextRun) else None)
            bounds.append(None if isinstance(item, Marker) else item_bounds(item))
        memo = ListMemo(dl, keys, prepared, bounds)
        self._memos[id(dl)] = memo
        while len(self._memos) > KEPT_LISTS:
            self._memos.popitem(last=False)
        return memo

    def clear(self) -> None:
        self._memos.clear()
