"""Engine stage: resolved paragraph styles, kept while the styles they come from stay.

Resolving a style walks its based_on chain and settles some forty values; a layout does
it for every paragraph, and a keystroke lays the page out again. A style sheet's styles
are frozen objects that a change replaces in the edition's table, so a resolution stays
right for as long as the same objects make up the chain: that is the cache's key.
"""

from __future__ import annotations

from kupang_layout.model.styles import (
    ParagraphStyle,
    ResolvedParagraphStyle,
    resolve_paragraph_style,
)

__all__ = ["ResolvedStyles"]

CACHE_LIMIT = 1000


class ResolvedStyles:
    """`resolve_paragraph_style` with its results kept per chain of style objects."""

    def __init__(self) -> None:
        self._cache: dict[
            tuple[str, tuple[int, ...]],
            tuple[tuple[ParagraphStyle, ...], ResolvedParagraphStyle],
        ] = {}

    def resolve(self, styles: dict[str, ParagraphStyle], name: str) -> ResolvedParagraphStyle:
        """The resolved style `name`; a missing style or a cycle raises as
        `resolve_paragraph_style` does (such a result is never kept)."""
        chain: list[ParagraphStyle] = []
        current: str | None = name
        while current is not None and len(chain) <= len(styles):
            style = styles.get(current)
            if style is None:
                break
            chain.append(style)
            current = style.based_on
        key = (name, tuple(id(s) for s in chain))
        got = self._cache.get(key)
        # The kept chain holds its styles alive, so equal ids are the same objects.
        if got is not None:
            return got[1]
        resolved = resolve_paragraph_style(styles, name)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = (tuple(chain), resolved)
        return resolved
