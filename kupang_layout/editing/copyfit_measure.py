"""Editing stage: what copyfit measures: a slot's frames, the body's fit, column ends, ppi.

Measuring goes through the engine as everything else does
(`LayoutEngine.layout_story`, the items of `engine.graphics`); nothing here
changes the edition.
"""

from __future__ import annotations

from dataclasses import dataclass

from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.engine.graphics import image_items
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.styles import resolve_paragraph_style

EPS = 0.5


@dataclass(frozen=True)
class Fit:
    """How a story sits in its chain: lines over (overset), column ends, empty columns."""

    overset: int
    lines: int
    ends: tuple[float, ...]  # the last baseline of each column of the chain on the page
    empty_columns: int
    leading: float

    @property
    def spread(self) -> int:
        """Lines between the shortest and the deepest column (empty columns aside)."""
        if len(self.ends) < 2:
            return 0
        return round((max(self.ends) - min(self.ends)) / self.leading)


def slot_frames(page: Page, slot: str) -> list[TextFrame | ImageFrame]:
    return [f for f in page.frames if f.slot == slot and isinstance(f, TextFrame | ImageFrame)]


def body_story(page: Page, slot: str) -> str | None:
    """The story of the slot group's body chain on the page."""
    for f in page.frames:
        if isinstance(f, TextFrame) and f.slot == slot and f.role == "body" and f.story_id:
            return f.story_id
    return None


def chain_on_page(edition: Edition, page: Page, story_id: str) -> list[TextFrame]:
    ids = {f.id for f in page.frames}
    return [f for f in edition.chain(story_id) if f.id in ids]


def measure(engine: LayoutEngine, edition: Edition, page: Page, story_id: str) -> Fit:
    layout = engine.layout_story(edition, story_id)
    flow = layout.flow
    ids = {f.id for f in chain_on_page(edition, page, story_id)}
    ends: dict[tuple[str, int], float] = {}
    for pl in flow.placed:
        key = (pl.column.frame.id, pl.column.index)
        ends[key] = max(ends.get(key, pl.y), pl.y)
    columns = [(c.frame.id, c.index) for c in flow.columns if c.frame.id in ids]
    empty = sum(1 for c in columns if c not in ends)
    lead = page.baseline.leading or 11.0
    return Fit(
        overset=flow.overset_lines,
        lines=len(flow.placed),
        ends=tuple(ends[c] for c in columns if c in ends),
        empty_columns=empty,
        leading=lead,
    )


def photo_ppi(edition: Edition, page: Page, frame: ImageFrame) -> float | None:
    """The photo's effective ppi as the engine places it (None without a picture)."""
    for item in image_items(frame, page, edition):
        if isinstance(item, ImageItem):
            return item.effective_ppi
    return None


def headline_lines(engine: LayoutEngine, edition: Edition, frame: TextFrame) -> tuple[int, float]:
    """(lines the headline sets, its leading as set) in its frame."""
    if frame.story_id is None:
        return 0, 0.0
    layout = engine.layout_story(edition, frame.story_id)
    placed = [pl for pl in layout.flow.placed if pl.column.frame is frame]
    if layout.flow.overset_lines or not placed:
        return 0, 0.0
    if len(placed) > 1:
        lead = (placed[-1].y - placed[0].y) / (len(placed) - 1)
    else:
        story = edition.stories.get(frame.story_id)
        lead = _style_leading(edition, story.paragraphs[0].style if story else "")
        lead *= layout.size_scale
    return len(placed), lead


def _style_leading(edition: Edition, style: str) -> float:
    try:
        return resolve_paragraph_style(edition.paragraph_styles, style).leading
    except ValueError:
        return 0.0
