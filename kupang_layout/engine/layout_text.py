"""Engine stage: a story's text on the page (compiled): its compose callback, the hyphens at
column ends, and a frame's display runs, kept per placed line.

engine/layout.py keeps `LayoutEngine` an ordinary Python class (a caller may replace its
methods on an instance); the work of a page's text is done here, where mypyc compiles it.
"""

from __future__ import annotations

from kupang_layout.engine.compose import Composer
from kupang_layout.engine.displaylist import Item, PlacedWord, TextRun
from kupang_layout.engine.flow import FlowResult, PlacedLine
from kupang_layout.engine.lines import ComposedLine, ComposedParagraph, placed_runs
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.story import Story

__all__ = [
    "COLUMN_HYPHEN_MAX_RATIO",
    "RUN_CACHE_LIMIT",
    "RunCache",
    "StoryComposer",
    "frame_text_items",
    "hyphenated_column_ends",
]

# A hyphen stays at a column's end when keeping it off would set a line looser than this
# adjustment ratio (the line breaker's tolerance, badness 800): nothing else fits.
COLUMN_HYPHEN_MAX_RATIO = 2.0
# Placed lines whose display runs an engine keeps, per generation: the lines used since
# the generation began, and those of the generation before (dropped at the next turn).
RUN_CACHE_LIMIT = 1500

# (id of the composed line, x, baseline, frame, story, paragraph, line index)
_RunKey = tuple[int, float, float, str, str, int, int]


class RunCache:
    """The display runs of each placed line, by the composed line's identity and its place:
    a line the paragraph cache kept, at the same place, gets the same runs (the same
    objects) again, so an edit rebuilds only the lines it moved and a renderer tells
    unchanged runs by identity."""

    def __init__(self) -> None:
        self.runs: dict[_RunKey, tuple[ComposedLine, tuple[TextRun, ...]]] = {}
        self.older: dict[_RunKey, tuple[ComposedLine, tuple[TextRun, ...]]] = {}

    def line_runs(
        self, pl: PlacedLine, x0: float, y: float, frame_id: str, sid: str
    ) -> tuple[TextRun, ...]:
        """The placed line's runs, the same objects as before when it has not moved."""
        line = pl.line
        key = (id(line), x0, y, frame_id, sid, pl.paragraph, pl.line_index)
        got = self.runs.get(key)
        if got is not None and got[0] is line:
            return got[1]
        got = self.older.get(key)
        if got is None or got[0] is not line:
            got = (line, placed_runs(line, x0, y, frame_id, sid, pl.paragraph, pl.line_index))
        if len(self.runs) >= RUN_CACHE_LIMIT:
            self.older = self.runs
            self.runs = {}
        self.runs[key] = got
        return got[1]


def frame_text_items(
    cache: RunCache,
    frame: TextFrame,
    placed: list[PlacedLine],
    paragraphs: dict[int, ComposedParagraph],
    sid: str,
) -> list[Item]:
    """The display runs of the story's lines placed in `frame`, drop caps included."""
    items: list[Item] = []
    mine = [pl for pl in placed if pl.column.frame is frame]
    dy = vertical_shift(frame, mine)
    frame_id = frame.id
    for pl in mine:
        if pl.first_of_paragraph:
            items.extend(_drop_cap_runs(paragraphs, pl, frame_id, sid))
        x0 = pl.column.x + pl.line.x_offset
        items.extend(cache.line_runs(pl, x0, pl.y + dy, frame_id, sid))
    return items


def vertical_shift(frame: TextFrame, lines: list[PlacedLine]) -> float:
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


def _drop_cap_runs(
    paragraphs: dict[int, ComposedParagraph], pl: PlacedLine, frame_id: str, sid: str
) -> list[TextRun]:
    """The paragraph's initial, its baseline on the last line it spans."""
    para = paragraphs.get(pl.paragraph)
    if para is None or not para.drop_cap:
        return []
    y = pl.y + (para.drop_cap_lines - 1) * para.leading
    return [
        TextRun(
            f.face,
            f.size,
            f.ink,
            y,
            tuple([PlacedWord(w.text, pl.column.x + w.x, w.advances) for w in f.words]),
            0.0,
            frame_id,
            sid,
            pl.paragraph,
            -1,
        )
        for f in para.drop_cap
    ]


class StoryComposer:
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


def hyphenated_column_ends(flow: FlowResult) -> list[tuple[int, int]]:
    """(paragraph, break item) of lines that end a column with a hyphen mid-paragraph."""
    out: list[tuple[int, int]] = []
    placed = flow.placed
    n = len(placed)
    for k in range(n):
        pl = placed[k]
        if k + 1 >= n or placed[k + 1].column is pl.column:
            continue
        if pl.line.hyphenated and not pl.last_of_paragraph:
            out.append((pl.paragraph, pl.line.break_item))
    return out
