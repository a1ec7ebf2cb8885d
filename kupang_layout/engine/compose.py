"""Engine stage: compose one paragraph (styles, items, Knuth–Plass breaking, line setting).

The steps: resolve the paragraph's styles into `Segment`s, build the item list
(`compose_items`), break it with the total-fit line breaker (`linebreak`), set
each line (`compose_set`). Results are cached per segments, style and measure,
so an edit re-breaks only the paragraph it touched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import final

from kupang_layout.engine.compose_items import Item, ItemBuilder, Recipe, Segment
from kupang_layout.engine.compose_rules import (
    RIVER_DEMERITS,
    RIVER_LINES,
    RIVER_ROUNDS,
    find_rivers,
)
from kupang_layout.engine.compose_set import LineSetter
from kupang_layout.engine.displaylist import PlacedWord
from kupang_layout.engine.graphics import ink_for
from kupang_layout.engine.hyphenate import Hyphenator, default_exceptions
from kupang_layout.engine.linebreak import (
    INFINITY,
    BreakParams,
    BreakResult,
    Penalty,
    break_lines,
)
from kupang_layout.engine.lines import ComposedLine, ComposedParagraph, Fragment
from kupang_layout.engine.style_cache import ResolvedStyles
from kupang_layout.engine.typography import curly_quotes_runs
from kupang_layout.engine.variables import substitute
from kupang_layout.fonts.metrics import FontMetrics, metrics_for
from kupang_layout.fonts.registry import FontRegistry, default_registry
from kupang_layout.model.edition import Edition
from kupang_layout.model.story import Paragraph
from kupang_layout.model.styles import (
    ResolvedParagraphStyle,
    apply_character_style,
)

CACHE_LIMIT = 20000
PARAMS_LIMIT = 64  # break parameters kept per composer (a few per style sheet)


@final
class _Key:
    """A composition's cache key, hashed once: its style and segments hash in interpreted
    code, and the cache asks for the hash twice when it misses (a look-up, a store)."""

    __slots__ = ("hash", "parts")

    def __init__(self, parts: tuple[object, ...]) -> None:
        self.parts = parts
        self.hash = hash(parts)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self.hash == other.hash and self.parts == other.parts


class _WordCaches:
    """Hyphenators per (left, right) minimum and word items per face and setting."""

    def __init__(self) -> None:
        self.hyphenators: dict[tuple[int, int], Hyphenator] = {}
        self.word_recipes: dict[tuple[object, ...], dict[str, Recipe]] = {}


_SHARED = _WordCaches()


class Composer:
    """Composes paragraphs; caches the result per text, style and measure."""

    def __init__(
        self,
        hyphenator: Hyphenator | None = None,
        registry: FontRegistry | None = None,
        params: BreakParams | None = None,
    ) -> None:
        self.hyphenator = hyphenator
        self.registry = registry or default_registry()
        self.params = params or DEFAULT_PARAMS
        # The widest word gap of a justified line in the breaker's normal passes and in
        # its emergency pass, in ems of the paragraph's size (`linebreak`, "Word-gap
        # limit"); set before composing (they are not part of the cache key).
        self.gap_limit_em = WORD_GAP_LIMIT_EM
        self.emergency_gap_limit_em = EMERGENCY_GAP_LIMIT_EM
        self._cache: dict[_Key, ComposedParagraph] = {}
        self._metrics: dict[str, FontMetrics] = {}
        # What depends only on the bundled fonts and the hyphenation lists is shared
        # by every composer of the process (a custom registry gets its own).
        shared = _SHARED if registry is None else _WordCaches()
        self._hyphenators = shared.hyphenators
        self.word_recipes = shared.word_recipes
        self.compositions = 0  # paragraphs actually broken (not served from the cache)
        self._styles = ResolvedStyles()
        # The break parameters of each setting, made from `params` (`_break_params`).
        self._params_made: dict[tuple[int, float, float], tuple[BreakParams, BreakParams]] = {}

    def clear_cache(self) -> None:
        """Forget composed paragraphs, word items and hyphenation (after the desk
        edits its hyphenation list)."""
        self._cache.clear()
        self._hyphenators.clear()
        self.word_recipes.clear()

    def clear_paragraphs(self) -> None:
        """Forget composed paragraphs only (word items and hyphenation stay)."""
        self._cache.clear()

    def hyphenator_for(self, style: ResolvedParagraphStyle) -> Hyphenator:
        """The hyphenator for a style's minimums (house style: a break after a hard
        hyphen needs the style's left minimum before it, so ``di-|jadwalkan`` may break)."""
        if self.hyphenator is not None:
            return self.hyphenator
        key = (style.hyphen_left_min, style.hyphen_right_min)
        h = self._hyphenators.get(key)
        if h is None:
            h = Hyphenator(
                key[0], key[1], default_exceptions(), hard_left_min=key[0], hard_right_min=3
            )
            self._hyphenators[key] = h
        return h

    def metrics(self, face: str) -> FontMetrics:
        m = self._metrics.get(face)
        if m is None:
            family, _, fc = face.partition("/")
            entry = self.registry.resolve(family, fc)
            m = metrics_for(entry.family, entry.face, self.registry)
            self._metrics[face] = m
        return m

    # -- styled text --------------------------------------------------------
    def style_of(self, edition: Edition, paragraph: Paragraph) -> ResolvedParagraphStyle:
        name = paragraph.style if paragraph.style in edition.paragraph_styles else "Body"
        return self._styles.resolve(edition.paragraph_styles, name)

    def segments(
        self,
        edition: Edition,
        paragraph: Paragraph,
        style: ResolvedParagraphStyle,
        values: dict[str, str],
    ) -> tuple[Segment, ...]:
        runs = [run for run in paragraph.runs if run.text]
        # Typographer's quotes over the paragraph as a whole (a mark's side depends on
        # the character before it, which may end the previous run).
        texts = curly_quotes_runs([substitute(run.text, values) for run in runs])
        segs: list[Segment] = []
        for run, text in zip(runs, texts, strict=True):
            cstyle = edition.character_styles.get(run.char_style) if run.char_style else None
            st = apply_character_style(style, cstyle)
            entry = self.registry.resolve(st.font_family, st.font_face)
            if st.all_caps:
                text = text.upper()
            ink = ink_for(edition, st.swatch, overprint_black=True)
            assert ink is not None
            segs.append(Segment(text, entry.key, st.size, ink, st.tracking / 1000.0 * st.size))
        return tuple(segs)

    # -- composing ------------------------------------------------------------
    def _styled(
        self, edition: Edition, paragraph: Paragraph, values: dict[str, str], scale: float
    ) -> tuple[ResolvedParagraphStyle, tuple[Segment, ...]]:
        """The paragraph's resolved style (scaled for shrink-to-fit) and its segments."""
        style = self.style_of(edition, paragraph)
        if scale != 1.0:
            style = replace(style, size=style.size * scale, leading=style.leading * scale)
        return style, self.segments(edition, paragraph, style, values)

    def _cached(
        self, key: tuple[object, ...], make: Callable[[], ComposedParagraph]
    ) -> ComposedParagraph:
        """The composition under `key`, made (and counted) when it is not cached."""
        hashed = _Key(key)
        hit = self._cache.get(hashed)
        if hit is not None:
            return hit
        result = make()
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[hashed] = result
        self.compositions += 1
        return result

    def compose(
        self,
        edition: Edition,
        paragraph: Paragraph,
        measure: float,
        values: dict[str, str],
        scale: float = 1.0,
        forbid: frozenset[int] = frozenset(),
    ) -> ComposedParagraph:
        """Compose a paragraph at a measure. `forbid` lists item indices where a
        line must not break (flow uses it to keep hyphens off column ends)."""
        style, segs = self._styled(edition, paragraph, values, scale)
        key = (style, segs, round(measure, 4), forbid)
        return self._cached(key, lambda: self._compose(style, segs, measure, forbid))

    def compose_rest(
        self,
        edition: Edition,
        paragraph: Paragraph,
        measure: float,
        values: dict[str, str],
        head: ComposedParagraph,
        kept: int,
        scale: float = 1.0,
        forbid: frozenset[int] = frozenset(),
    ) -> ComposedParagraph:
        """The paragraph with its first `kept` lines as in `head` and the rest broken
        anew at `measure` (a paragraph that goes on in a column of another width)."""
        if kept <= 0 or kept >= len(head.lines):
            return head
        style, segs = self._styled(edition, paragraph, values, scale)
        last = head.lines[kept - 1]
        brk, flagged = last.break_item, last.hyphenated
        key = (style, segs, round(measure, 4), forbid, "rest", brk, flagged)
        rest = self._cached(key, lambda: self._compose(style, segs, measure, forbid, brk, flagged))
        return replace(head, lines=head.lines[:kept] + rest.lines, measure=measure)

    def _compose(
        self,
        style: ResolvedParagraphStyle,
        segs: Sequence[Segment],
        measure: float,
        forbid: frozenset[int],
        start: int = -1,
        start_flagged: bool = False,
    ) -> ComposedParagraph:
        text_width = measure - style.left_indent - style.right_indent
        drop: tuple[Fragment, ...] = ()
        widths = [text_width]
        indents: list[float] = []
        if style.drop_cap_lines >= 2 and segs and start < 0:
            made = self._drop_cap(style, segs)
            if made is not None:
                drop, segs, dc_width = made
                style = replace(style, first_indent=0.0)
                widths = [text_width - dc_width] * style.drop_cap_lines + [text_width]
                indents = [dc_width] * style.drop_cap_lines
        builder = ItemBuilder(self, style, segs)
        items, pieces = builder.build()
        for i in forbid:
            it = items[i] if 0 <= i < len(items) else None
            if isinstance(it, Penalty):
                items[i] = Penalty(it.width, INFINITY, it.flagged, it.ref)
        params = self._break_params(style)
        # Optical margin alignment: what lines hang into the margins, by break and by box.
        hangs = (builder.hangs, builder.leads)
        result = break_lines(items, widths, params, start, start_flagged, None, hangs[0], hangs[1])
        setter = LineSetter(self, style, segs, items, pieces, builder.spans)
        lines = setter.set_lines(result, widths, indents, continued=start_flagged)
        if style.alignment == "justify" and len(lines) >= RIVER_LINES:
            result, lines = self._without_rivers(
                items, widths, indents, params, setter, result, lines, start, start_flagged,
                hangs,
            )  # fmt: skip
        return ComposedParagraph(
            lines=tuple(lines),
            leading=style.leading,
            space_before=style.space_before,
            space_after=style.space_after,
            keep_with_next=style.keep_with_next,
            keep_together=style.keep_together,
            align_to_grid=style.align_to_grid,
            measure=measure,
            style=style.name,
            size=style.size,
            passes=result.passes,
            demerits=result.total_demerits,
            drop_cap=drop,
            drop_cap_lines=style.drop_cap_lines if drop else 0,
        )

    def _break_params(self, style: ResolvedParagraphStyle) -> BreakParams:
        """`params` with the style's hyphen limit and word-gap limits, made once per
        setting (`dataclasses.replace` runs interpreted) while `params` stays the same."""
        gap, emergency_gap = self._gap_limits(style)
        key = (style.max_consecutive_hyphens, gap, emergency_gap)
        got = self._params_made.get(key)
        if got is not None and got[0] is self.params:
            return got[1]
        params = replace(
            self.params,
            max_consecutive_hyphens=style.max_consecutive_hyphens,
            gap_limit=gap,
            emergency_gap_limit=emergency_gap,
        )
        if len(self._params_made) >= PARAMS_LIMIT:
            self._params_made.clear()
        self._params_made[key] = (self.params, params)
        return params

    def _gap_limits(self, style: ResolvedParagraphStyle) -> tuple[float, float]:
        """The breaker's word-gap limits in points (normal, emergency) for a justified
        style; none for ragged text. A gap as the reader sees it is the word space and
        the letter-spacing after the word's last letter, which is at the style's maximum
        whenever a limit binds (the word spaces take what is left only once glyph
        scaling and letter-spacing are at their limits)."""
        if style.alignment != "justify":
            return 0.0, 0.0
        trailing = max(0.0, style.letter_space_max) / 100.0
        return (
            max(0.0, self.gap_limit_em - trailing) * style.size,
            max(0.0, self.emergency_gap_limit_em - trailing) * style.size,
        )

    def _without_rivers(
        self,
        items: list[Item],
        widths: list[float],
        indents: list[float],
        params: BreakParams,
        setter: LineSetter,
        result: BreakResult,
        lines: list[ComposedLine],
        start: int,
        start_flagged: bool,
        hangs: tuple[dict[int, float], dict[int, float]],
    ) -> tuple[BreakResult, list[ComposedLine]]:
        """Break again with `RIVER_DEMERITS` on the lines of each river (`compose_rules`),
        a few rounds; keep a setting only when it has fewer river lines and no more
        loose lines (r > 1)."""
        rivers = find_rivers(lines)
        extra: dict[int, float] = {}
        for _ in range(RIVER_ROUNDS):
            if not rivers:
                break
            for li in rivers:
                b = result.lines[li].break_index
                extra[b] = extra.get(b, 0.0) + RIVER_DEMERITS
            again = break_lines(
                items, widths, params, start, start_flagged, extra, hangs[0], hangs[1]
            )
            set_again = setter.set_lines(again, widths, indents, continued=start_flagged)
            fewer = find_rivers(set_again)
            if len(fewer) >= len(rivers) or _loose(set_again) > _loose(lines):
                break
            result, lines, rivers = again, set_again, fewer
        return result, lines

    def _drop_cap(
        self, style: ResolvedParagraphStyle, segs: Sequence[Segment]
    ) -> tuple[tuple[Fragment, ...], tuple[Segment, ...], float] | None:
        """The initial (opening quotes and the first letter) set over `drop_cap_lines`
        lines: its cap height spans from the first line's cap height to the last
        line's baseline. Returns the fragment, the text left, and the width taken."""
        first = segs[0]
        k = 0
        while k < len(first.text) and first.text[k] in DROP_CAP_LEADERS:
            k += 1
        if k >= len(first.text) or not first.text[k].isalnum():
            return None
        initial = first.text[: k + 1]
        m = self.metrics(first.face)
        cap = m.cap_height / m.units_per_em
        if cap <= 0:
            return None
        lines = style.drop_cap_lines
        size = (cap * style.size + (lines - 1) * style.leading) / cap
        advances = tuple(m.char_advances(initial, size))
        word = PlacedWord(initial, style.left_indent, advances)
        fragment = Fragment(first.face, size, first.ink, (word,))
        rest = (replace(first, text=first.text[k + 1 :]), *segs[1:])
        return (fragment,), rest, sum(advances) + DROP_CAP_GAP_EM * style.size


def _loose(lines: Sequence[ComposedLine]) -> int:
    """Lines set looser than the word spaces' maximum (r > 1)."""
    return sum(1 for line in lines if line.justified and line.ratio > 1.0)


# Narrow newspaper columns: accept lines up to r = 2 (badness 800) in the main pass,
# as compositors set TeX's \tolerance for narrow measures; below that the breaker
# falls back to its emergency pass (the word-gap limit), then to its last resort (TeX's
# passes on Knuth & Plass 1981, §"The algorithm"; `linebreak`). See docs/DECISIONS.md.
DEFAULT_PARAMS = BreakParams(tolerance=800.0)
# The widest word gap of a justified line, in ems: the normal passes keep every line
# within WORD_GAP_LIMIT_EM (under the 0.66 em of a very loose line, as
# benchmarks/bench_justification.py counts them); a paragraph that cannot be set so gets
# lines up to EMERGENCY_GAP_LIMIT_EM; wider gaps only when no breaking at all avoids
# them (the last resort). See docs/DECISIONS.md.
WORD_GAP_LIMIT_EM = 0.65
EMERGENCY_GAP_LIMIT_EM = 0.72
DROP_CAP_LEADERS = "\"'“‘„«"
DROP_CAP_GAP_EM = 0.3  # space between the initial and the text, in ems of the body

__all__ = ["Composer", "Segment"]
