"""Model stage: the edition: pages, stories, styles, swatches and assets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kupang_layout.model.assets import Asset, AssetSource, MemoryAssets
from kupang_layout.model.color import Swatch, default_swatches
from kupang_layout.model.frames import AnyFrame, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.plan import FlatPlan
from kupang_layout.model.story import Story
from kupang_layout.model.styles import (
    CharacterStyle,
    ParagraphStyle,
    default_character_styles,
    default_paragraph_styles,
)


@dataclass
class Edition:
    """One edition of the paper. `date` is ISO 'YYYY-MM-DD' (or '')."""

    paper: str = "Kupang Times"
    number: str = ""
    date: str = ""
    pages: list[Page] = field(default_factory=list)
    stories: dict[str, Story] = field(default_factory=dict)
    paragraph_styles: dict[str, ParagraphStyle] = field(default_factory=default_paragraph_styles)
    character_styles: dict[str, CharacterStyle] = field(default_factory=default_character_styles)
    swatches: dict[str, Swatch] = field(default_factory=default_swatches)
    assets: dict[str, Asset] = field(default_factory=dict)
    plan: FlatPlan = field(default_factory=FlatPlan)
    extra: dict[str, Any] = field(default_factory=dict)
    asset_source: AssetSource = field(default_factory=MemoryAssets, compare=False, repr=False)

    def page_by_id(self, page_id: str) -> Page:
        for p in self.pages:
            if p.id == page_id:
                return p
        raise KeyError(page_id)

    def page_by_number(self, number: int) -> Page | None:
        for p in self.pages:
            if p.number == number:
                return p
        return None

    def find_frame(self, frame_id: str) -> tuple[Page, AnyFrame] | None:
        for p in self.pages:
            f = p.find_frame(frame_id)
            if f is not None:
                return p, f
        return None

    def chain(self, story_id: str) -> list[TextFrame]:
        """The threaded text frames that show a story, in reading order."""
        frames: list[tuple[int, int, TextFrame]] = []
        for pi, p in enumerate(self.pages):
            for f in p.frames:
                if isinstance(f, TextFrame) and f.story_id == story_id:
                    frames.append((f.chain_index, pi, f))
        frames.sort(key=lambda t: (t[0], t[1]))
        return [t[2] for t in frames]

    def renumber_pages(self) -> None:
        """Page numbers follow the order of pages (first page is 1)."""
        for i, p in enumerate(self.pages):
            p.number = i + 1
