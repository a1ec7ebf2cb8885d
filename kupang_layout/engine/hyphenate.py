"""Engine stage: Indonesian hyphenation (pyphen patterns, exception lists, house style).

`Hyphenator.points(word)` returns where a word may break at a line end:

* ``soft`` points come from the exception lists, the patterns or soft hyphens (U+00AD);
  the line ends with a drawn hyphen there.
* ``hard`` points follow a hyphen already in the word (``kata-|kata``); nothing is added.

Rules, in the order they are applied:

1. Leading and trailing punctuation is ignored (``"(Kupang),"`` is looked up as
   ``Kupang``); indices always refer to the string the caller passed.
2. URLs and e-mail addresses never break.
3. A word holding a soft hyphen breaks only at its soft hyphens (the desk put them
   there on purpose, so they are honoured even with ``hyphenate=False``).
4. No-break spaces (U+00A0, U+202F, U+2007) are never break points; the pieces on
   either side are hyphenated on their own.
5. Hard hyphens (``-``, U+2010, en dash) split the word into parts. A break right after a
   hard hyphen needs at least `hard_left_min` letters in the part before and
   `hard_right_min` letters in the part after, and the part after must not be a clitic
   (``nya``, ``ku``, ``mu``, ``lah``, ``kah``, ``tah``, ``pun``). With the default 3/3,
   ``di-|unggah`` (``di`` is too short) and ``nama-|nya`` (clitic) never break at the
   hyphen, while ``kata-|kata`` and ``pulau-|pulau`` may.
6. Each part is hyphenated on its own, with `left_min`/`right_min` counted inside the
   part, unless it holds a digit, is written in capitals (two or more letters, all
   upper case), or ``hyphenate=False`` was passed (headlines).
7. A part found in the exception lists breaks only where the list says (case-insensitive;
   a listed stem also covers the stem plus a clitic suffix: ``peringatannya``). Otherwise
   pyphen's ``id_ID`` patterns are used, then cleaned (PUEBI/KBBI syllables):

   * no break inside the digraphs ``ng``, ``ny``, ``sy``, ``kh`` when a vowel follows
     (they are one consonant: ``me-nya-nyi``, not ``men-yanyi``);
   * a break between a consonant and a vowel moves before that consonant or digraph,
     since a single consonant opens the next syllable, also after a prefix
     (``meng-alami`` -> ``me-nga-la-mi``, ``Lar-antuka`` -> ``La-ran-tu-ka``); the
     suffix ``-an`` keeps its own syllable (``makan-an``);
   * no fragment without a vowel (``dow-n-load`` becomes ``down-load``).

Exception lists are read by `hyphenate_lists` (re-exported here): the built-in
resources/hyphenation/id_exceptions.txt, then the desk's hyphenation.txt in the user
data folder, whose entries win. `left_min`/`right_min` apply to listed breaks too.
`default_hyphenator()` gives a shared instance with both lists. The patterns are
compiled once and kept in the user cache folder (`hyphenate_patterns`), so a new
process does not parse pyphen's pattern file again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from kupang_layout.engine.hyphenate_lists import (
    HyphenationFileError,
    HyphenationWarning,
    builtin_exceptions_path,
    default_exceptions,
    load_exceptions,
    parse_exception_entry,
    user_exceptions_path,
)
from kupang_layout.engine.hyphenate_patterns import PatternTable, pattern_table

__all__ = [
    "CLITICS",
    "HyphenKind",
    "HyphenPoint",
    "HyphenationFileError",
    "HyphenationWarning",
    "Hyphenator",
    "builtin_exceptions_path",
    "default_exceptions",
    "default_hyphenator",
    "load_exceptions",
    "parse_exception_entry",
    "split_word",
    "strip_soft_hyphens",
    "user_exceptions_path",
]

SOFT_HYPHEN: Final = "\u00ad"
NO_BREAK_SPACES: Final = frozenset("\u00a0\u202f\u2007")
HARD_HYPHENS: Final = frozenset("-\u2010\u2013")
CLITICS: Final = frozenset({"nya", "ku", "mu", "lah", "kah", "tah", "pun"})

# Clitic suffixes tried (longest first) when a word is not itself in the exception list.
_SUFFIX_CLITICS: Final = ("nya", "lah", "kah", "tah", "pun", "ku", "mu")
_AN_SUFFIXES: Final = frozenset({"an", *(f"an{c}" for c in _SUFFIX_CLITICS)})
_DIGRAPHS: Final = frozenset({"ng", "ny", "sy", "kh"})
_VOWELS: Final = frozenset("aeiouàáâãäåèéêëìíîïòóôõöùúûü")
# For "does this fragment hold a vowel", y counts (foreign words: "by-te").
_SYLLABIC: Final = _VOWELS | frozenset("yý")
_DOMAIN_RE: Final = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/?#].*)?$", re.IGNORECASE)
_CACHE_LIMIT: Final = 50_000

HyphenKind = Literal["soft", "hard"]


@dataclass(frozen=True, slots=True)
class HyphenPoint:
    """A place where a word may break: the line ends with ``word[:index]``.

    ``soft``: a hyphen is drawn at the line end. ``hard``: the text already ends with a
    hyphen; nothing is added (it still counts as a hyphenated line).
    """

    index: int
    kind: HyphenKind


@lru_cache(maxsize=16)
def default_hyphenator(
    left_min: int = 2,
    right_min: int = 3,
    user_path: str | os.PathLike[str] | None = None,
) -> Hyphenator:
    """A shared `Hyphenator` with the built-in and the desk's exception lists.

    Instances are cached per argument set (so their word caches are shared); call
    ``default_hyphenator.cache_clear()`` after the desk edits its list. Problems in the
    lists are issued as `HyphenationWarning`.
    """
    return Hyphenator(left_min, right_min, default_exceptions(user_path))


# ---------------------------------------------------------------------------
# Helpers for callers


def strip_soft_hyphens(text: str) -> str:
    """The text as drawn: soft hyphens are never drawn."""
    return text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in text else text


def split_word(word: str, point: HyphenPoint, hyphen: str = "-") -> tuple[str, str]:
    """The drawn text either side of a break: ``("pe-", "ringatan")``, ``("kata-", "kata")``."""
    head = strip_soft_hyphens(word[: point.index])
    tail = strip_soft_hyphens(word[point.index :])
    if point.kind == "soft":
        head += hyphen
    return head, tail


# ---------------------------------------------------------------------------
# The hyphenator


def _pattern_dict(language: str) -> PatternTable:
    # Every point the patterns allow (pyphen's left=right=1); minimum lengths are applied
    # per part. Compiled once and cached in the user cache folder (hyphenate_patterns).
    return pattern_table(language)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _looks_like_address(core: str) -> bool:
    if "@" in core or "://" in core or "/" in core:
        return True
    low = core.lower()
    if low.startswith("www."):
        return True
    return "." in core and _DOMAIN_RE.match(core) is not None


def _letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _runs(text: str, start: int, end: int, separators: frozenset[str]) -> list[tuple[int, int]]:
    """Maximal runs of text[start:end] between separator characters, as (start, end)."""
    runs: list[tuple[int, int]] = []
    run_start = start
    for i in range(start, end):
        if text[i] in separators:
            runs.append((run_start, i))
            run_start = i + 1
    runs.append((run_start, end))
    return runs


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it begins and ends with a letter or digit."""
    while start < end and not _is_word_char(text[start]):
        start += 1
    while end > start and not _is_word_char(text[end - 1]):
        end -= 1
    return start, end


def _merge_vowelless(lower: str, points: list[int]) -> list[int]:
    """Drop breaks until every fragment between breaks holds a vowel.

    A vowel-less fragment joins the following syllable when that starts with a vowel
    (``i-ng-atan`` -> ``i-ngatan``), except a final suffix -an, and the preceding one
    otherwise (``dow-n-load`` -> ``down-load``, ``ba-ngu-n-an`` -> ``ba-ngun-an``).
    """
    pts = sorted(set(points))
    n = len(lower)
    while pts:
        bounds = [0, *pts, n]
        for k in range(len(bounds) - 1):
            fragment = lower[bounds[k] : bounds[k + 1]]
            if any(ch in _SYLLABIC for ch in fragment):
                continue
            if k == 0:
                pts.remove(bounds[1])
            elif k == len(bounds) - 2 or lower[bounds[k + 1] :] in _AN_SUFFIXES:
                pts.remove(bounds[k])  # the suffix -an keeps its syllable: ba-ngun-an
            elif lower[bounds[k + 1]] in _SYLLABIC:
                pts.remove(bounds[k + 1])
            else:
                pts.remove(bounds[k])
            break
        else:
            return pts
    return pts


class Hyphenator:
    """Indonesian hyphenation with house-style rules; see the module docstring.

    One instance per (left_min, right_min) setting; results are cached per word.
    """

    __slots__ = (
        "_cache",
        "_exceptions",
        "_patterns",
        "hard_left_min",
        "hard_right_min",
        "left_min",
        "right_min",
    )

    def __init__(
        self,
        left_min: int = 2,
        right_min: int = 3,
        exceptions: Mapping[str, tuple[int, ...]] | None = None,
        *,
        hard_left_min: int = 3,
        hard_right_min: int = 3,
        language: str = "id_ID",
    ) -> None:
        patterns = _pattern_dict(language)  # ValueError when there are none
        self.left_min = max(1, left_min)
        self.right_min = max(1, right_min)
        self.hard_left_min = max(1, hard_left_min)
        self.hard_right_min = max(1, hard_right_min)
        self._exceptions: dict[str, tuple[int, ...]] = {
            key.lower(): tuple(value) for key, value in (exceptions or {}).items()
        }
        self._patterns = patterns
        self._cache: dict[tuple[str, bool], tuple[HyphenPoint, ...]] = {}

    def points(self, word: str, *, hyphenate: bool = True) -> tuple[HyphenPoint, ...]:
        """Break points of `word`, ascending by index.

        With ``hyphenate=False`` (headlines) only hard points and soft hyphens remain.
        """
        key = (word, hyphenate)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result = self._compute(word, hyphenate)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = result
        return result

    def mark(self, word: str, *, hyphenate: bool = True, soft: str = "-", hard: str = "|") -> str:
        """The word with `soft` / `hard` inserted at its break points (for review and tests)."""
        out: list[str] = []
        last = 0
        for point in self.points(word, hyphenate=hyphenate):
            out.append(word[last : point.index])
            out.append(soft if point.kind == "soft" else hard)
            last = point.index
        out.append(word[last:])
        return "".join(out)

    # -- internals ---------------------------------------------------------

    def _compute(self, word: str, hyphenate: bool) -> tuple[HyphenPoint, ...]:
        start, end = _trim(word, 0, len(word))
        if end - start < 2:
            return ()
        core = word[start:end]
        if _looks_like_address(core):
            return ()
        if SOFT_HYPHEN in core:
            return self._soft_hyphen_points(word, start, end)
        found: list[HyphenPoint] = []
        for seg_start, seg_end in _runs(word, start, end, NO_BREAK_SPACES):
            s, e = _trim(word, seg_start, seg_end)
            if e > s:
                self._segment_points(word, s, e, hyphenate, found)
        return tuple(found)

    @staticmethod
    def _soft_hyphen_points(word: str, start: int, end: int) -> tuple[HyphenPoint, ...]:
        found: list[HyphenPoint] = []
        for i in range(start, end):
            if word[i] != SOFT_HYPHEN:
                continue
            before = any(_is_word_char(ch) for ch in word[start:i])
            after = any(_is_word_char(ch) for ch in word[i + 1 : end])
            if before and after:
                found.append(HyphenPoint(i + 1, "soft"))
        return tuple(found)

    def _segment_points(
        self, word: str, start: int, end: int, hyphenate: bool, found: list[HyphenPoint]
    ) -> None:
        parts = _runs(word, start, end, HARD_HYPHENS)
        for k, (p_start, p_end) in enumerate(parts):
            if hyphenate:
                s, e = _trim(word, p_start, p_end)
                for offset in self._part_points(word[s:e]):
                    found.append(HyphenPoint(s + offset, "soft"))
            if k + 1 < len(parts) and self._hard_break_allowed(
                word[p_start:p_end], word[parts[k + 1][0] : parts[k + 1][1]]
            ):
                found.append(HyphenPoint(p_end + 1, "hard"))

    def _hard_break_allowed(self, before: str, after: str) -> bool:
        if _letter_count(before) < self.hard_left_min:
            return False
        if _letter_count(after) < self.hard_right_min:
            return False
        letters = "".join(ch for ch in after if ch.isalpha()).lower()
        return letters not in CLITICS

    def _part_points(self, part: str) -> list[int]:
        n = len(part)
        if n < self.left_min + self.right_min or n < 2:
            return []
        if any(ch.isdigit() for ch in part):
            return []
        if _letter_count(part) >= 2 and part.isupper():
            return []
        lower = part.lower()
        listed = self._lookup_exception(lower)
        raw = list(listed) if listed is not None else self._pattern_points(lower)
        lo, hi = self.left_min, n - self.right_min
        return [i for i in raw if lo <= i <= hi]

    def _lookup_exception(self, lower: str) -> tuple[int, ...] | None:
        listed = self._exceptions.get(lower)
        if listed is not None:
            return listed
        for clitic in _SUFFIX_CLITICS:
            if len(lower) > len(clitic) and lower.endswith(clitic):
                stem = lower[: -len(clitic)]
                stem_breaks = self._exceptions.get(stem)
                if stem_breaks is not None:
                    return (*stem_breaks, len(stem))
        return None

    def _pattern_points(self, lower: str) -> list[int]:
        n = len(lower)
        points: list[int] = []
        for raw in self._patterns.positions(lower):
            i = int(raw)
            if not (0 < i < n and lower[i - 1].isalpha() and lower[i].isalpha()):
                continue
            # KBBI: ng, ny, sy, kh before a vowel are one consonant (me-nya-nyi, pe-ngu-rus).
            if lower[i - 1 : i + 1] in _DIGRAPHS and i + 1 < n and lower[i + 1] in _VOWELS:
                continue
            # KBBI: a single consonant between vowels opens the next syllable, also after a
            # prefix (me-nga-la-mi, pe-ri-ngat-an, la-ran-tu-ka): move a consonant|vowel
            # break before that consonant (or digraph).
            # The suffix -an keeps its own syllable (PUEBI: makan-an).
            if (
                lower[i] in _VOWELS
                and lower[i - 1] not in _VOWELS
                and lower[i:] not in _AN_SUFFIXES
            ):
                i -= 2 if i >= 2 and lower[i - 2 : i] in _DIGRAPHS else 1
                if i <= 0:
                    continue
            points.append(i)
        return _merge_vowelless(lower, points)
