"""Engine stage: a page of the model to its display list (the one entry point renderers use)."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from kupang_layout.engine.compose import Composer
from kupang_layout.engine.displaylist import BoxItem, Item, Marker, PageDisplayList
from kupang_layout.engine.flow import FlowResult, flow_story_balanced
from kupang_layout.engine.graphics import (
    bleed_extended,
    box_items,
    image_items,
    ink_for,
    rule_items,
)
from kupang_layout.engine.layout_text import (
    RunCache,
    StoryComposer,
    frame_text_items,
    hyphenated_column_ends,
)
from kupang_layout.engine.lines import ComposedParagraph
from kupang_layout.engine.variables import page_values
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import Box, ImageFrame, Rule, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.story import Story
from kupang_layout.model.styles import resolve_paragraph_style

SHRINK_STEP = 0.5  # points a headline steps down while it does not fit
COLUMN_HYPHEN_ROUNDS = 3  # recompositions tried to keep a hyphen off a column's last line


@dataclass
class StoryLayout:
    """A story flowed through its chain: placements, overset and the composed paragraphs."""

    story_id: str
    flow: FlowResult
    paragraphs: dict[int, ComposedParagraph] = field(default_factory=dict)
    size_scale: float = 1.0

    @property
    def overset(self) -> bool:
        return self.flow.overset_lines > 0


class LayoutEngine:
    """Lays out pages. Keeps a paragraph cache so an edit re-breaks only what changed."""

    def __init__(self, composer: Composer | None = None) -> None:
        self.composer = composer or Composer()
        # The display runs of each placed line, kept while it does not move.
        self._run_cache = RunCache()

    # -- stories ----------------------------------------------------------
    def layout_story(self, edition: Edition, story_id: str) -> StoryLayout:
        """Flow one story through its whole chain (which may span pages)."""
        story = edition.stories.get(story_id, Story(id=story_id))
        chain = edition.chain(story_id)
        pages = {f.id: p for p in edition.pages for f in p.frames}
        frames = [(f, pages[f.id]) for f in chain if f.id in pages]
        first_page = frames[0][1] if frames else None
        values = (
            page_values(edition.paper, edition.number, first_page.number, edition.date)
            if first_page is not None
            else {}
        )
        shrink = self._shrink_limits(edition, story)
        scale = 1.0
        while True:
            result = self._flow(edition, story, frames, values, scale)
            if shrink is None or not self._too_big(result, shrink[1]):
                return result
            base_size, _, min_size = shrink
            next_size = base_size * scale - SHRINK_STEP
            if next_size < min_size - 1e-6:
                return result
            scale = next_size / base_size

    def _flow(
        self,
        edition: Edition,
        story: Story,
        frames: list[tuple[TextFrame, Page]],
        values: dict[str, str],
        scale: float,
    ) -> StoryLayout:
        """Flow the story; then keep hyphens off column ends (InDesign's "hyphenate
        across column" off): a paragraph whose line ends a column with a hyphen is
        composed again with that break forbidden, a few rounds at most."""
        forbid: dict[int, frozenset[int]] = {}
        kept: set[tuple[int, int]] = set()  # column-end hyphens that nothing else can replace
        compose = StoryComposer(self.composer, edition, story, values, scale, forbid)
        for _ in range(COLUMN_HYPHEN_ROUNDS + 1):
            flow = flow_story_balanced(frames, len(story.paragraphs), compose, compose.rest)
            ends = [end for end in hyphenated_column_ends(flow) if end not in kept]
            changed = False
            for p, item in ends:
                if compose.too_loose_without(p, item):
                    kept.add((p, item))  # the rule gives way: nothing else fits
                    continue
                forbid[p] = forbid.get(p, frozenset()) | {item}
                compose.forget(p)  # only this paragraph is composed again
                changed = True
            if not changed:
                break
        return StoryLayout(story.id, flow, compose.composed, scale)

    @staticmethod
    def _shrink_limits(edition: Edition, story: Story) -> tuple[float, int, float] | None:
        """(size, max_lines, min_size) when the story's first style shrinks to fit."""
        if len(story.paragraphs) != 1:
            return None
        try:
            st = resolve_paragraph_style(edition.paragraph_styles, story.paragraphs[0].style)
        except ValueError:
            return None
        if st.shrink_to_fit_min_size <= 0:
            return None
        return st.size, st.max_lines, st.shrink_to_fit_min_size

    @staticmethod
    def _too_big(result: StoryLayout, max_lines: int) -> bool:
        if result.flow.overset_lines:
            return True
        return max_lines > 0 and len(result.flow.placed) > max_lines

    # -- pages ------------------------------------------------------------
    def layout_page(self, edition: Edition, page: Page) -> PageDisplayList:
        """The page's display list: every frame in z-order, text where the engine set it.

        The cyclic garbage collector waits while the page is laid out: the engine makes
        thousands of objects per page (breaker nodes, placed words, runs), none in a
        reference cycle, so each collection the allocations set off would only walk
        them; one collection after the page does it once. (Only a caller that had it
        enabled gets it back; nested and concurrent layouts leave it to the first.)"""
        if not gc.isenabled():
            return self._layout_page(edition, page)
        gc.disable()
        try:
            return self._layout_page(edition, page)
        finally:
            gc.enable()

    def _layout_page(self, edition: Edition, page: Page) -> PageDisplayList:
        stories: dict[str, StoryLayout] = {}
        items: list[Item] = []
        for frame in page.frames:
            if isinstance(frame, TextFrame):
                items.extend(self._text_frame_items(edition, page, frame, stories))
            elif isinstance(frame, ImageFrame):
                items.extend(image_items(frame, page, edition))
            elif isinstance(frame, Rule):
                items.extend(rule_items(frame, page, edition))
            elif isinstance(frame, Box):
                items.extend(box_items(frame, page, edition))
            if not frame.printable:
                items = [i for i in items if getattr(i, "frame_id", "") != frame.id or
                         isinstance(i, Marker)]  # fmt: skip
        return PageDisplayList(
            page.id, page.number, page.width, page.height, page.bleed, tuple(items)
        )

    def _text_frame_items(
        self, edition: Edition, page: Page, frame: TextFrame, stories: dict[str, StoryLayout]
    ) -> list[Item]:
        items: list[Item] = []
        r = frame.rect
        fill = ink_for(edition, frame.fill, overprint_black=False)
        if fill is not None:
            fr = bleed_extended(r, page)
            items.append(BoxItem(fr.x, fr.y, fr.width, fr.height, fill, None, 0.0, frame.id))
        items.append(Marker("frame", r.x, r.y, r.width, r.height, frame.id, frame.role or ""))
        sid = frame.story_id
        if sid is None:
            return items
        layout = stories.get(sid)
        if layout is None:
            layout = self.layout_story(edition, sid)
            stories[sid] = layout
        items.extend(
            frame_text_items(self._run_cache, frame, layout.flow.placed, layout.paragraphs, sid)
        )
        story = edition.stories.get(sid)
        if story is not None and not any(p.text.strip() for p in story.paragraphs):
            items.append(Marker("empty-slot", r.x, r.y, r.width, r.height, frame.id,
                                frame.role or ""))  # fmt: skip
        chain = edition.chain(sid)
        if layout.overset and chain and chain[-1] is frame:
            items.append(Marker("overset", r.right - 8, r.bottom - 8, 8, 8, frame.id,
                                f"+{layout.flow.overset_lines}"))  # fmt: skip
        return items


_DEFAULT_ENGINE: LayoutEngine | None = None


def default_engine() -> LayoutEngine:
    """A process-wide engine (its caches are shared by every caller)."""
    global _DEFAULT_ENGINE
    if _DEFAULT_ENGINE is None:
        _DEFAULT_ENGINE = LayoutEngine()
    return _DEFAULT_ENGINE


def layout_page(edition: Edition, page: Page) -> PageDisplayList:
    """The display list of one page with the process-wide engine."""
    return default_engine().layout_page(edition, page)


__all__ = ["LayoutEngine", "StoryLayout", "default_engine", "layout_page"]
