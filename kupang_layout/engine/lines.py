"""Engine stage: composed lines and paragraphs (positions relative to the line start)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kupang_layout.engine.displaylist import Ink, PlacedWord, TextRun


@dataclass(frozen=True, slots=True)
class Fragment:
    """Words of one face, size and ink on a line; word x is relative to the line start."""

    face: str
    size: float
    ink: Ink
    words: tuple[PlacedWord, ...]
    letter_spacing: float = 0.0
    h_scale: float = 1.0  # horizontal glyph scale (1.0 = 100 %)

    def __init__(
        self,
        face: str,
        size: float,
        ink: Ink,
        words: tuple[PlacedWord, ...],
        letter_spacing: float = 0.0,
        h_scale: float = 1.0,
    ) -> None:
        # Written out: see `ComposedLine.__init__`.
        object.__setattr__(self, "face", face)
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "ink", ink)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "letter_spacing", letter_spacing)
        object.__setattr__(self, "h_scale", h_scale)


@dataclass(frozen=True, slots=True)
class ComposedLine:
    """One line of a paragraph, ready to be placed on a baseline.

    `x_offset` already holds indents and the alignment shift inside the measure.
    `ratio` is the Knuth–Plass adjustment ratio r of the line over all its
    flexibility (word spaces, then letter-spacing); `word_ratio` is the ratio the
    word spaces alone were set to. Both are 0 for ragged lines and the last line
    of a justified paragraph; `justified` tells which. `word_count` counts the
    words that start on this line. `break_item` is the index of the item the
    line breaks at (so a caller can forbid that break and compose again).
    """

    fragments: tuple[Fragment, ...]
    x_offset: float
    width: float
    ascent: float
    descent: float
    ratio: float
    word_ratio: float
    justified: bool
    hyphenated: bool
    word_count: int
    overfull: bool = False
    break_item: int = -1

    def __init__(
        self,
        fragments: tuple[Fragment, ...],
        x_offset: float,
        width: float,
        ascent: float,
        descent: float,
        ratio: float,
        word_ratio: float,
        justified: bool,
        hyphenated: bool,
        word_count: int,
        overfull: bool = False,
        break_item: int = -1,
    ) -> None:
        # Written out rather than generated: mypyc compiles this one (a field each, set
        # in place), while the frozen dataclass's generated __init__ runs as interpreted
        # code calling object.__setattr__ per field, some 20 times slower; the engine
        # makes hundreds per page. tests/engine/test_records.py checks that the
        # parameters are the fields, in order, with their defaults.
        object.__setattr__(self, "fragments", fragments)
        object.__setattr__(self, "x_offset", x_offset)
        object.__setattr__(self, "width", width)
        object.__setattr__(self, "ascent", ascent)
        object.__setattr__(self, "descent", descent)
        object.__setattr__(self, "ratio", ratio)
        object.__setattr__(self, "word_ratio", word_ratio)
        object.__setattr__(self, "justified", justified)
        object.__setattr__(self, "hyphenated", hyphenated)
        object.__setattr__(self, "word_count", word_count)
        object.__setattr__(self, "overfull", overfull)
        object.__setattr__(self, "break_item", break_item)


@dataclass(frozen=True, slots=True)
class ComposedParagraph:
    """A paragraph broken into lines at one measure, with what flow needs to place it."""

    lines: tuple[ComposedLine, ...]
    leading: float
    space_before: float
    space_after: float
    keep_with_next: bool
    keep_together: bool
    align_to_grid: bool
    measure: float
    style: str
    drop_cap: tuple[Fragment, ...] = field(default=())
    drop_cap_lines: int = 0
    size: float = 0.0
    passes: int = 1
    demerits: float = 0.0

    def __init__(
        self,
        lines: tuple[ComposedLine, ...],
        leading: float,
        space_before: float,
        space_after: float,
        keep_with_next: bool,
        keep_together: bool,
        align_to_grid: bool,
        measure: float,
        style: str,
        drop_cap: tuple[Fragment, ...] = (),
        drop_cap_lines: int = 0,
        size: float = 0.0,
        passes: int = 1,
        demerits: float = 0.0,
    ) -> None:
        # Written out: see `ComposedLine.__init__`.
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "leading", leading)
        object.__setattr__(self, "space_before", space_before)
        object.__setattr__(self, "space_after", space_after)
        object.__setattr__(self, "keep_with_next", keep_with_next)
        object.__setattr__(self, "keep_together", keep_together)
        object.__setattr__(self, "align_to_grid", align_to_grid)
        object.__setattr__(self, "measure", measure)
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "drop_cap", drop_cap)
        object.__setattr__(self, "drop_cap_lines", drop_cap_lines)
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "passes", passes)
        object.__setattr__(self, "demerits", demerits)


def placed_runs(
    line: ComposedLine,
    x0: float,
    y: float,
    frame_id: str,
    story_id: str,
    paragraph: int,
    line_index: int,
) -> tuple[TextRun, ...]:
    """The line's fragments as display-list runs on baseline `y`, each word at x0 + its x."""
    out: list[TextRun] = []
    for frag in line.fragments:
        words = tuple([PlacedWord(w.text, x0 + w.x, w.advances) for w in frag.words])
        out.append(
            TextRun(
                frag.face,
                frag.size,
                frag.ink,
                y,
                words,
                frag.letter_spacing,
                frame_id,
                story_id,
                paragraph,
                line_index,
                frag.h_scale,
            )
        )
    return tuple(out)
