"""Engine stage: flow composed paragraphs through a story's threaded frames and columns.

Placement is greedy, column by column, with the newspaper's rules applied per
paragraph: no orphan (a paragraph's first line alone at a column's foot) and
no widow (its last line alone at a column's head), at least `MIN_LINES` lines
either side of a column break; keep-together; keep-with-next; lines on the
page's baseline grid when the style asks; column balancing on request; and
whatever does not fit reported as overset, never dropped silently.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from kupang_layout.engine.lines import ComposedLine, ComposedParagraph
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.page import Page

MIN_LINES: Final = 2  # widow and orphan control: lines kept together at a column break
EPS: Final = 0.01  # Final: the compiled flow reads the value, not a module global

ComposeFn = Callable[[int, float], ComposedParagraph]
# (paragraph, measure, the paragraph as set so far, lines kept) -> the paragraph with
# those lines kept and the rest set at the measure.
RestFn = Callable[[int, float, ComposedParagraph, int], ComposedParagraph]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a text frame on a page."""

    frame: TextFrame
    page: Page
    index: int
    x: float
    top: float
    bottom: float
    width: float

    def __init__(
        self,
        frame: TextFrame,
        page: Page,
        index: int,
        x: float,
        top: float,
        bottom: float,
        width: float,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "frame", frame)
        object.__setattr__(self, "page", page)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "top", top)
        object.__setattr__(self, "bottom", bottom)
        object.__setattr__(self, "width", width)


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A composed line on its baseline in a column."""

    column: Column
    y: float
    paragraph: int
    line_index: int
    line: ComposedLine
    first_of_paragraph: bool
    last_of_paragraph: bool

    def __init__(
        self,
        column: Column,
        y: float,
        paragraph: int,
        line_index: int,
        line: ComposedLine,
        first_of_paragraph: bool,
        last_of_paragraph: bool,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "column", column)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "line_index", line_index)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "first_of_paragraph", first_of_paragraph)
        object.__setattr__(self, "last_of_paragraph", last_of_paragraph)


@dataclass
class FlowResult:
    """Where every line went, and what is left over."""

    placed: list[PlacedLine] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    overset_lines: int = 0
    overset_words: int = 0
    overset_paragraphs: int = 0
    lines_available: int = 0
    widows: int = 0
    orphans: int = 0


def columns_of(frame: TextFrame, page: Page) -> list[Column]:
    """The frame's columns (inset applied)."""
    r = frame.rect
    inner_x, inner_y = r.x + frame.inset, r.y + frame.inset
    inner_w, inner_h = r.width - 2 * frame.inset, r.height - 2 * frame.inset
    n = max(1, frame.columns)
    w = (inner_w - (n - 1) * frame.gutter) / n
    return [
        Column(frame, page, i, inner_x + i * (w + frame.gutter), inner_y, inner_y + inner_h, w)
        for i in range(n)
    ]


def _snap(y: float, origin: float, lead: float) -> float:
    """The first baseline-grid line (`origin` + k * `lead`) at or below y."""
    if lead <= 0:
        return y
    k = math.ceil((y - origin) / lead - 1e-6)
    return origin + k * lead


class _Cursor:
    """The fill state of the current column."""

    def __init__(self, column: Column, bottom: float) -> None:
        self.column = column
        self.bottom = bottom
        self.last_y: float | None = None
        self.pending_space = 0.0
        # The page's baseline grid, read once (the model's records are interpreted
        # objects: an attribute is a dictionary lookup from compiled code).
        page = column.page
        self.grid_lead = page.baseline.leading
        self.grid_origin = page.margins.top + page.baseline.offset

    def next_baseline(self, line: ComposedLine, para: ComposedParagraph, first: bool) -> float:
        if self.last_y is None:
            y = self.column.top + line.ascent
        else:
            y = self.last_y + para.leading
            if first:
                y += self.pending_space + para.space_before
        if para.align_to_grid:
            y = _snap(y, self.grid_origin, self.grid_lead)
        return y

    def fits(self, y: float, line: ComposedLine) -> bool:
        return y + line.descent <= self.bottom + EPS

    def count_fitting(self, para: ComposedParagraph, start: int, limit: int) -> int:
        """How many lines of para (from `start`) fit below the cursor, without placing."""
        saved = self.last_y
        n = 0
        try:
            for j in range(start, min(limit, len(para.lines))):
                line = para.lines[j]
                y = self.next_baseline(line, para, first=(j == 0))
                if not self.fits(y, line):
                    break
                self.last_y = y
                n += 1
        finally:
            self.last_y = saved
        return n


def flow_story(
    frames: Sequence[tuple[TextFrame, Page]],
    paragraph_count: int,
    compose: ComposeFn,
    column_bottoms: dict[tuple[str, int], float] | None = None,
    compose_rest: RestFn | None = None,
) -> FlowResult:
    """Place the story's paragraphs through the frames' columns in chain order.

    A paragraph that goes on into a column of another width has its remaining lines
    set again at that width by `compose_rest` (when given; else they keep theirs)."""
    result = FlowResult()
    columns: list[Column] = []
    for frame, page in frames:
        columns.extend(columns_of(frame, page))
    result.columns = columns
    if not columns:
        _count_overset(result, compose, 0, 0, paragraph_count, 100.0)
        return result
    bottoms = column_bottoms or {}

    def cursor_for(ci: int) -> _Cursor:
        col = columns[ci]
        return _Cursor(col, bottoms.get((col.frame.id, col.index), col.bottom))

    ci = 0
    cur = cursor_for(0)
    p = 0
    start_line = 0
    para = compose(0, columns[0].width) if paragraph_count else None
    while para is not None:
        n = len(para.lines)
        remaining = n - start_line
        k = cur.count_fitting(para, start_line, n)
        column_empty = cur.last_y is None
        if k < remaining:
            k = _apply_break_rules(para, start_line, k, column_empty)
        elif para.keep_with_next and p + 1 < paragraph_count and not column_empty:
            nxt = compose(p + 1, cur.column.width)
            if not _next_fits_after(cur, para, start_line, nxt):
                # carry the last lines over with the next paragraph; a short one goes whole
                k = remaining - MIN_LINES
                if k < (MIN_LINES if start_line == 0 else 1):
                    k = 0
        if k == 0 and column_empty and remaining > 0:
            k = max(1, cur.count_fitting(para, start_line, n))  # never loop on a tall line
            if not cur.fits(cur.next_baseline(para.lines[start_line], para, start_line == 0),
                            para.lines[start_line]):  # fmt: skip
                k = 0
        for j in range(start_line, start_line + k):
            line = para.lines[j]
            y = cur.next_baseline(line, para, first=(j == 0))
            result.placed.append(PlacedLine(cur.column, y, p, j, line, j == 0, j == n - 1))
            cur.last_y = y
            if j == 0:
                cur.pending_space = 0.0
        start_line += k
        if start_line >= n:
            cur.pending_space = para.space_after
            p += 1
            start_line = 0
            para = compose(p, cur.column.width) if p < paragraph_count else None
            continue
        ci += 1
        if ci >= len(columns):
            _count_overset(result, compose, p, start_line, paragraph_count, cur.column.width, para)
            break
        cur = cursor_for(ci)
        if abs(columns[ci].width - para.measure) > EPS:
            if start_line == 0:
                para = compose(p, columns[ci].width)
            elif compose_rest is not None:
                para = compose_rest(p, columns[ci].width, para, start_line)
    _count_column_breaks(result)
    result.lines_available = sum(_capacity(c, bottoms) for c in columns)
    return result


def _apply_break_rules(para: ComposedParagraph, start: int, k: int, column_empty: bool) -> int:
    """Lines of para to place in this column when not all of the rest fit."""
    n = len(para.lines)
    if column_empty:
        return k  # an empty column takes what fits: nothing better exists
    if para.keep_together and start == 0:
        return 0
    if start == 0 and 0 < k < MIN_LINES:
        return 0  # orphan: do not leave the first line alone at the foot
    left_after = n - start - k
    if 0 < left_after < MIN_LINES:
        k = n - start - MIN_LINES  # widow: carry enough lines along
        if start == 0 and k < MIN_LINES:
            return 0
        k = max(k, 0)
    return k


def _next_fits_after(
    cur: _Cursor, para: ComposedParagraph, start: int, nxt: ComposedParagraph
) -> bool:
    """Keep-with-next: do the next paragraph's first lines fit after this one here?"""
    saved_y, saved_space = cur.last_y, cur.pending_space
    try:
        for j in range(start, len(para.lines)):
            cur.last_y = cur.next_baseline(para.lines[j], para, first=(j == 0))
        cur.pending_space = para.space_after
        need = min(MIN_LINES, len(nxt.lines))
        return cur.count_fitting(nxt, 0, need) >= need
    finally:
        cur.last_y, cur.pending_space = saved_y, saved_space


def _count_overset(
    result: FlowResult,
    compose: ComposeFn,
    p: int,
    start_line: int,
    paragraph_count: int,
    width: float,
    current: ComposedParagraph | None = None,
) -> None:
    """Count what does not fit: from line `start_line` of paragraph p (`current`, as
    it was being placed, when given) to the story's end, set at `width`."""
    for q in range(p, paragraph_count):
        para = current if q == p and current is not None else compose(q, width)
        lines = para.lines[start_line:] if q == p else para.lines
        result.overset_lines += len(lines)
        result.overset_words += sum(line.word_count for line in lines)
        result.overset_paragraphs += 1


def _count_column_breaks(result: FlowResult) -> None:
    """Widows and orphans that the rules could not avoid (an empty column's choice)."""
    prev: PlacedLine | None = None
    for pl in result.placed:
        if prev is not None and pl.column is not prev.column and pl.paragraph == prev.paragraph:
            if prev.line_index == 0:
                result.orphans += 1
            if pl.last_of_paragraph and pl.line_index >= 1:
                result.widows += 1
        prev = pl


def _capacity(column: Column, bottoms: dict[tuple[str, int], float]) -> int:
    """Body lines the column holds at the page's grid leading."""
    lead = column.page.baseline.leading or 11.0
    bottom = bottoms.get((column.frame.id, column.index), column.bottom)
    return max(0, int((bottom - column.top) // lead))


def flow_story_balanced(
    frames: Sequence[tuple[TextFrame, Page]],
    paragraph_count: int,
    compose: ComposeFn,
    compose_rest: RestFn | None = None,
) -> FlowResult:
    """flow_story, then balance the last frame's columns when it asks and the story ends there.

    The columns' shared depth is searched (bisection on grid steps) for the
    shallowest that still holds the rest of the story; then as many columns as
    possible are made one grid step shorter, so column depths differ by at most
    one line where keeps and paragraph spaces allow.
    """
    result = flow_story(frames, paragraph_count, compose, None, compose_rest)
    if not frames or result.overset_lines:
        return result
    frame, page = frames[-1]
    cols = columns_of(frame, page)
    if not frame.balance or len(cols) < 2:
        return result
    step = page.baseline.leading or 11.0
    top, full = cols[0].top, cols[0].bottom

    def attempt(depths: list[float]) -> FlowResult:
        bottoms = {
            (frame.id, c.index): min(full, top + d) for c, d in zip(cols, depths, strict=True)
        }
        return flow_story(frames, paragraph_count, compose, bottoms, compose_rest)

    lo, hi = 0, max(1, math.ceil((full - top) / step))
    while lo < hi:
        mid = (lo + hi) // 2
        if attempt([mid * step + step * 0.5] * len(cols)).overset_lines:
            lo = mid + 1
        else:
            hi = mid
    depth = lo * step + step * 0.5
    best = attempt([depth] * len(cols))
    for tall in range(1, len(cols)):
        trial = attempt([depth] * tall + [depth - step] * (len(cols) - tall))
        if not trial.overset_lines:
            best = trial
            break
    return best if not best.overset_lines else result
