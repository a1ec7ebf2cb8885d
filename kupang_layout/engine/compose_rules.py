"""Engine stage: the compositor's house rules as costs for the line breaker.

Each rule is a cost added to the Knuth–Plass demerits (Knuth & Plass 1981,
§"Demerits": a penalty p adds p² to the line that breaks there), not a ban, so
that a paragraph always has a setting ("unless nothing else fits"):

* Short words: a line should not end with a word of two letters or fewer (``di``,
  ``ke``, ``ia``), least of all one that starts a sentence (``Di``, ``Ia``); a short
  word that ends a sentence (``ya.``) may end a line.
* Proper names: a capitalised word that does not start a sentence is taken for a
  proper name and its hyphenation points cost `PROPER_NAME_PENALTY`: a break there is
  chosen only when every other setting has a line beyond the tolerance. A name's own
  hard hyphen (``Mutis-Timau``) breaks as in any word. (Words in the desk's
  hyphenation list written without hyphens never break at all.)
* Rivers: word gaps that line up over three or more lines. The demerits of a line
  depend only on its own breaks, so a river (which depends on where earlier lines
  broke) cannot be charged inside the search; instead the composer finds rivers in
  the set lines and breaks the paragraph again with `RIVER_DEMERITS` added to every
  line of a river (`break_lines(..., extra_demerits=...)`), keeping the new setting
  when it has fewer rivers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from kupang_layout.engine.displaylist import PlacedWord
from kupang_layout.engine.lines import ComposedLine

__all__ = [
    "PROPER_NAME_PENALTY",
    "PROTRUDE_LEFT",
    "PROTRUDE_RIGHT",
    "RIVER_DEMERITS",
    "RIVER_LINES",
    "SHORT_INITIAL_PENALTY",
    "SHORT_WORD_PENALTY",
    "ends_sentence",
    "find_rivers",
    "is_capitalised",
    "letters",
    "word_flags",
]

SHORT_WORD_LETTERS: Final = 2
# The costs are set against the demerits of a line at the main pass's tolerance (badness
# 800: (10 + 800)² = 6.6·10⁵): a rule gives way only where keeping it would cost a line
# about that loose, i.e. where nothing else fits (a line looser than r = 2 has word gaps
# of about 0.7 em in our 48 mm column, the widest the desk accepts).
#: Penalty of a break after a word of two letters or fewer (p² = 4.9·10⁵ demerits).
SHORT_WORD_PENALTY: Final = 700.0
#: ... after such a word that starts a sentence (``Di``, ``Ia``): p² = 2.25·10⁶.
SHORT_INITIAL_PENALTY: Final = 1500.0
#: Penalty of a hyphenation point in a proper name (p² = 10⁶ demerits).
PROPER_NAME_PENALTY: Final = 1000.0
#: Demerits added to each line of a river when the paragraph is broken again: as much
#: as a line at badness 1000, so any other setting within the tolerance is preferred.
RIVER_DEMERITS: Final = 1.0e6
#: Gaps lined up over this many lines make a river.
RIVER_LINES: Final = 3
#: Two gaps on neighbouring lines line up when their centres are closer than this
#: fraction of the narrower gap's width.
RIVER_OVERLAP: Final = 0.5
#: Rounds of river repair per paragraph.
RIVER_ROUNDS: Final = 1

_SENTENCE_END: Final = ".!?"
_CLOSERS: Final = "\"'”’»)]"
_OPENERS: Final = "\"'“‘„«([—–-"


def letters(word: str) -> int:
    """The letters and digits of a word (punctuation around it not counted)."""
    return sum(1 for ch in word if ch.isalnum())


def ends_sentence(word: str) -> bool:
    """True if the word ends a sentence (a full stop, ! or ?, maybe before a closing quote)."""
    core = word.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_END


def is_capitalised(word: str) -> bool:
    """True if the word's first letter (after opening quotes or brackets) is upper case."""
    core = word.lstrip(_OPENERS)
    return bool(core) and core[0].isupper()


def is_short(word: str) -> bool:
    """A word of two letters or fewer (and at least one)."""
    if len(word) > 6:  # two letters and four marks at most
        return False
    return 0 < letters(word) <= SHORT_WORD_LETTERS


# Optical margin alignment (hanging punctuation): how far a character at a justified
# line's edge reaches into the margin, as a fraction of its advance. pdfTeX's character
# protrusion (Hàn Thế Thành 2000, ch. 2 "Margin kerning"), with the factors of
# microtype's default set for Latin text (R. Schlicht, the microtype package).
PROTRUDE_RIGHT: Final = {
    ".": 0.7, ",": 0.7, "-": 0.7, "\u2010": 0.7, ":": 0.5, ";": 0.5, "!": 0.2, "?": 0.2,
    "\u201d": 0.7, "\u2019": 0.7, '"': 0.7, "'": 0.7, "\u00bb": 0.5, ")": 0.2,
    "\u2013": 0.3, "\u2014": 0.2,
}  # fmt: skip
PROTRUDE_LEFT: Final = {
    "\u201c": 0.7, "\u2018": 0.7, "\u201e": 0.7, '"': 0.7, "'": 0.7, "\u00ab": 0.5,
    "(": 0.2,
}  # fmt: skip


_FLAGS: Final[dict[str, tuple[bool, bool, bool]]] = {}  # Final: a static when compiled
_FLAGS_LIMIT: Final = 50_000


def word_flags(word: str) -> tuple[bool, bool, bool]:
    """(capitalised, ends a sentence, short) of a word, remembered per word."""
    flags = _FLAGS.get(word)
    if flags is None:
        flags = (is_capitalised(word), ends_sentence(word), is_short(word))
        if len(_FLAGS) >= _FLAGS_LIMIT:
            _FLAGS.clear()
        _FLAGS[word] = flags
    return flags


def find_rivers(lines: Sequence[ComposedLine]) -> list[int]:
    """Indexes of the lines that carry a river: a word gap lined up with a gap on each of
    the neighbouring lines of a run of `RIVER_LINES` or more lines. The last line of a
    paragraph (not justified) is not counted."""
    if sum(1 for line in lines if line.justified) < RIVER_LINES:
        return []
    # For every gap (its centre and width), the length of the chain of lined-up gaps
    # ending on it; the line before's gaps are kept as parallel lists of numbers.
    flagged: set[int] = set()
    above_c: list[float] = []
    above_w: list[float] = []
    above_n: list[int] = []
    for li, line in enumerate(lines):
        centres: list[float] = []
        widths: list[float] = []
        if line.justified:
            left: PlacedWord | None = None
            for frag in line.fragments:
                for right in frag.words:  # in x order
                    if left is not None:
                        # The advances summed in order from 0.0, as builtin sum() adds
                        # floats (here without a call through the builtins per gap).
                        drawn = 0.0
                        for advance in left.advances:
                            drawn += advance
                        end = left.x + drawn
                        if right.x > end:
                            centres.append((end + right.x) / 2.0)
                            widths.append(right.x - end)
                    left = right
        here: list[int] = []
        for k, centre in enumerate(centres):
            width = widths[k]
            n = 1
            for j, c0 in enumerate(above_c):
                if abs(centre - c0) < RIVER_OVERLAP * min(width, above_w[j]):
                    n = max(n, above_n[j] + 1)
            here.append(n)
            if n >= RIVER_LINES:
                flagged.update(range(li - n + 1, li + 1))
        above_c, above_w, above_n = centres, widths, here
    return sorted(flagged)
