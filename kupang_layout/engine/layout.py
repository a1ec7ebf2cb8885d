"""Engine stage: a page of the model to its display list (the one entry point renderers use)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kupang_layout.engine.compose import Composer
from kupang_layout.engine.displaylist import (
    BoxItem,
    Item,
    Marker,
    PageDisplayList,
    PlacedWord,
    TextRun,
)
from kupang_layout.engine.flow import FlowResult, PlacedLine, flow_story_balanced
from kupang_layout.engine.graphics import (
    bleed_extended,
    box_items,
    image_items,
    ink_for,
    rule_items,
)
from kupang_layout.engine.lines import ComposedLine, ComposedParagraph, placed_runs
from kupang_layout.engine.variables import page_values
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import Box, ImageFrame, Rule, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.story import Story
from kupang_layout.model.styles import resolve_paragraph_style

SHRINK_STEP = 0.5  # points a headline steps down while it does not fit
COLUMN_HYPHEN_ROUNDS = 3  # recompositions tried to keep a hyphen off a column's last line
# A hyphen stays at a column's end when keeping it off would set a line looser than this
# adjustment ratio (the line breaker's tolerance, badness 800): nothing else fits.
COLUMN_HYPHEN_MAX_RATIO = 2.0
# Placed lines whose display runs an engine keeps, per generation: the lines used since
# the generation began, and those of the generation before (dropped at the next turn).
RUN_CACHE_LIMIT = 1500

# (id of the composed line, x, baseline, frame, story, paragraph, line index)
_RunKey = tuple[int, float, float, str, str, int, int]


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
        # The display runs of each placed line, by the composed line's identity and its
        # place: a line the paragraph cache kept, at the same place, gets the same runs
        # (the same objects) again, so an edit rebuilds only the lines it moved and a
        # renderer tells unchanged runs by identity.
        self._runs: dict[_RunKey, tuple[ComposedLine, tuple[TextRun, ...]]] = {}
        self._older_runs: dict[_RunKey, tuple[ComposedLine, tuple[TextRun, ...]]] = {}

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
        compose = _StoryComposer(self.composer, edition, story, values, scale, forbid)
        for _ in range(COLUMN_HYPHEN_ROUNDS + 1):
            flow = flow_story_balanced(frames, len(story.paragraphs), compose, compose.rest)
            ends = [end for end in _hyphenated_column_ends(flow) if end not in kept]
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
        """The page's display list: every frame in z-order, text where the engine set it."""
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
        mine = [pl for pl in layout.flow.placed if pl.column.frame is frame]
        dy = _vertical_shift(frame, mine)
        for pl in mine:
            if pl.first_of_paragraph:
                items.extend(_drop_cap_runs(layout, pl, frame.id, sid))
            items.extend(self._line_runs(pl, pl.column.x + pl.line.x_offset, pl.y + dy,
                                         frame.id, sid))  # fmt: skip
        story = edition.stories.get(sid)
        if story is not None and not any(p.text.strip() for p in story.paragraphs):
            items.append(Marker("empty-slot", r.x, r.y, r.width, r.height, frame.id,
                                frame.role or ""))  # fmt: skip
        chain = edition.chain(sid)
        if layout.overset and chain and chain[-1] is frame:
            items.append(Marker("overset", r.right - 8, r.bottom - 8, 8, 8, frame.id,
                                f"+{layout.flow.overset_lines}"))  # fmt: skip
        return items

    def _line_runs(
        self, pl: PlacedLine, x0: float, y: float, frame_id: str, sid: str
    ) -> tuple[TextRun, ...]:
        """The placed line's runs, the same objects as before when it has not moved."""
        line = pl.line
        key = (id(line), x0, y, frame_id, sid, pl.paragraph, pl.line_index)
        got = self._runs.get(key)
        if got is not None and got[0] is line:
            return got[1]
        got = self._older_runs.get(key)
        if got is None or got[0] is not line:
            got = (line, placed_runs(line, x0, y, frame_id, sid, pl.paragraph, pl.line_index))
        if len(self._runs) >= RUN_CACHE_LIMIT:
            self._older_runs = self._runs
            self._runs = {}
        self._runs[key] = got
        return got[1]


def _vertical_shift(frame: TextFrame, lines: list[PlacedLine]) -> float:
    """How far down a frame's text moves for vertical alignment 'center' or 'bottom'.

    Used for single-column frames such as the tagline banner; the text block
    runs from the first line's ascent to the last line's descent.
    """
    if frame.vertical_align not in ("center", "bottom") or not lines or frame.columns != 1:
        return 0.0
    top = lines[0].y - lines[0].line.ascent
    bottom = lines[-1].y + lines[-1].line.descent
    free = (frame.rect.bottom - frame.inset) - bottom
    if free <= 0:
        return 0.0
    if frame.vertical_align == "bottom":
        return free
    used_top = top - (frame.rect.y + frame.inset)
    return (free - used_top) / 2.0 if free > used_top else 0.0


def _drop_cap_runs(layout: StoryLayout, pl: PlacedLine, frame_id: str, sid: str) -> list[Item]:
    """The paragraph's initial, its baseline on the last line it spans."""
    para = layout.paragraphs.get(pl.paragraph)
    if para is None or not para.drop_cap:
        return []
    y = pl.y + (para.drop_cap_lines - 1) * para.leading
    return [
        TextRun(
            f.face,
            f.size,
            f.ink,
            y,
            tuple(PlacedWord(w.text, pl.column.x + w.x, w.advances) for w in f.words),
            0.0,
            frame_id,
            sid,
            pl.paragraph,
            -1,
        )
        for f in para.drop_cap
    ]


class _StoryComposer:
    """The compose callback flow uses: one story's paragraphs at a measure, memoised."""

    def __init__(
        self,
        composer: Composer,
        edition: Edition,
        story: Story,
        values: dict[str, str],
        scale: float,
        forbid: dict[int, frozenset[int]],
    ) -> None:
        self.composer = composer
        self.edition = edition
        self.story = story
        self.values = values
        self.scale = scale
        self.forbid = forbid
        self.composed: dict[int, ComposedParagraph] = {}

    def rest(
        self, index: int, measure: float, head: ComposedParagraph, kept: int
    ) -> ComposedParagraph:
        """The paragraph with `kept` lines of `head` and the rest set at `measure`."""
        return self.composer.compose_rest(
            self.edition,
            self.story.paragraphs[index],
            measure,
            self.values,
            head,
            kept,
            self.scale,
            self.forbid.get(index, frozenset()),
        )

    def too_loose_without(self, index: int, item: int) -> bool:
        """True if forbidding the break at `item` would leave paragraph `index` with a
        line looser than the tolerance (r > COLUMN_HYPHEN_MAX_RATIO) that it does not
        have now: the hyphen at the column's end is then the lesser evil."""
        now = self.composed.get(index)
        if now is None:
            return False
        para = self.composer.compose(
            self.edition,
            self.story.paragraphs[index],
            now.measure,
            self.values,
            self.scale,
            self.forbid.get(index, frozenset()) | {item},
        )
        worst = max((ln.ratio for ln in para.lines if ln.justified), default=0.0)
        before = max((ln.ratio for ln in now.lines if ln.justified), default=0.0)
        return worst > COLUMN_HYPHEN_MAX_RATIO and worst > before

    def forget(self, index: int) -> None:
        """Compose paragraph `index` again next time (its forbidden breaks changed)."""
        self.composed.pop(index, None)

    def __call__(self, index: int, measure: float) -> ComposedParagraph:
        got = self.composed.get(index)
        if got is not None and abs(got.measure - measure) < 1e-3:
            return got
        para = self.composer.compose(
            self.edition,
            self.story.paragraphs[index],
            measure,
            self.values,
            self.scale,
            self.forbid.get(index, frozenset()),
        )
        self.composed[index] = para
        return para


def _hyphenated_column_ends(flow: FlowResult) -> list[tuple[int, int]]:
    """(paragraph, break item) of lines that end a column with a hyphen mid-paragraph."""
    out: list[tuple[int, int]] = []
    placed = flow.placed
    for k, pl in enumerate(placed):
        nxt = placed[k + 1] if k + 1 < len(placed) else None
        if nxt is None or nxt.column is pl.column:
            continue
        if pl.line.hyphenated and not pl.last_of_paragraph:
            out.append((pl.paragraph, pl.line.break_item))
    return out


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
