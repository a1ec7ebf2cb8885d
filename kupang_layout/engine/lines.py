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
