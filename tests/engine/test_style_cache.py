"""Resolved paragraph styles kept per chain of style objects: never stale, errors as before."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kupang_layout.engine.style_cache import ResolvedStyles
from kupang_layout.model.styles import (
    ParagraphStyle,
    StyleError,
    default_paragraph_styles,
    resolve_paragraph_style,
)


def test_every_house_style_resolves_as_without_the_cache() -> None:
    styles = default_paragraph_styles()
    cache = ResolvedStyles()
    for name in styles:
        assert cache.resolve(styles, name) == resolve_paragraph_style(styles, name)
        assert cache.resolve(styles, name) is cache.resolve(styles, name)


def test_a_changed_parent_changes_the_child() -> None:
    styles = default_paragraph_styles()
    child = next(s for s in styles.values() if s.based_on is not None)
    parent = styles[child.based_on or ""]
    cache = ResolvedStyles()
    before = cache.resolve(styles, child.name)
    styles[parent.name] = replace(parent, size=(parent.size or 10.0) + 3.0, leading=30.0)
    after = cache.resolve(styles, child.name)
    assert after == resolve_paragraph_style(styles, child.name)
    assert after != before


def test_missing_and_cyclic_styles_still_raise() -> None:
    cache = ResolvedStyles()
    with pytest.raises(StyleError):
        cache.resolve({"A": ParagraphStyle("A", based_on="B")}, "A")
    loop = {"A": ParagraphStyle("A", based_on="B"), "B": ParagraphStyle("B", based_on="A")}
    with pytest.raises(StyleError):
        cache.resolve(loop, "A")
    with pytest.raises(StyleError):
        cache.resolve(loop, "A")  # not kept after failing
