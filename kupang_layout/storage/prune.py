"""Storage stage: what a save leaves out: stories no frame shows and images nothing places.

Only the written file is pruned. The edition in memory keeps every story and
asset, so undoing a frame's deletion after a save still finds its story and
its picture.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame, TextFrame

__all__ = ["Pruned", "pruned_for_save", "referenced_assets", "shown_stories"]


@dataclass(frozen=True)
class Pruned:
    """The edition as it is written, and the ids left out of it."""

    edition: Edition
    stories: tuple[str, ...]
    assets: tuple[str, ...]


def shown_stories(edition: Edition) -> set[str]:
    """Ids of the stories a text frame shows (on any page, the pasteboard included)."""
    return {
        f.story_id
        for p in edition.pages
        for f in p.frames
        if isinstance(f, TextFrame) and f.story_id is not None
    }


def referenced_assets(edition: Edition) -> set[str]:
    """SHA-256s of the images an image frame places."""
    return {
        f.asset
        for p in edition.pages
        for f in p.frames
        if isinstance(f, ImageFrame) and f.asset is not None
    }


def pruned_for_save(edition: Edition) -> Pruned:
    """A shallow copy of `edition` without the stories no frame shows (unless the desk
    kept them, `Story.kept`) and the assets no image frame places. `edition` is not
    changed."""
    shown = shown_stories(edition)
    placed = referenced_assets(edition)
    stories = {k: s for k, s in edition.stories.items() if k in shown or s.kept}
    assets = {k: a for k, a in edition.assets.items() if k in placed}
    if len(stories) == len(edition.stories) and len(assets) == len(edition.assets):
        return Pruned(edition, (), ())
    copy = dataclasses.replace(edition, stories=stories, assets=assets)
    return Pruned(
        copy,
        tuple(k for k in edition.stories if k not in stories),
        tuple(k for k in edition.assets if k not in assets),
    )
