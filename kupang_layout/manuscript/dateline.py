"""Manuscript stage: the dateline `PLACE, PAPER -` and a dateline glued to the Foto line."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, bar, minus.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Non-letter characters a place name may hold: `LABUAN BAJO`, `ST. MICHAEL`, `SO'E`.
_PLACE_PUNCT = ".'’-/"
# Longest place taken from the start of a lead (characters).
MAX_PLACE_CHARS = 40


def paper_pattern(paper_name: str) -> re.Pattern[str] | None:
    """`, PAPER NAME -` matched case-insensitively; None when the name is empty."""
    words = paper_name.split()
    if not words:
        return None
    name = r"\s+".join(re.escape(w) for w in words)
    return re.compile(
        r",\s*(?P<paper>" + name + r")\s*(?P<dash>[" + re.escape(DASHES) + r"]{1,2})",
        re.IGNORECASE,
    )


def _is_place_char(c: str) -> bool:
    if c.isalpha():
        return not c.islower()
    return c.isspace() or c in _PLACE_PUNCT


def is_capitals_place(place: str) -> bool:
    """A place in capitals: at least one letter, no lower-case letter, few other signs."""
    return (
        bool(place)
        and place[0].isalpha()
        and any(c.isalpha() for c in place)
        and all(_is_place_char(c) for c in place)
    )


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A dateline at the start of a paragraph. `capitals` is False for `Kupang, ...`."""

    place: str
    paper: str
    dash: str
    capitals: bool


def match_dateline(text: str, pattern: re.Pattern[str] | None) -> DatelineMatch | None:
    """The dateline at the start of `text`, or None if it does not start with one."""
    if pattern is None:
        return None
    m = pattern.search(text)
    if m is None:
        return None
    place = text[: m.start()].strip()
    if not place or len(place) > MAX_PLACE_CHARS or len(place.split()) > 4:
        return None
    if not place[0].isalpha():
        return None
    return DatelineMatch(place, m.group("paper"), m.group("dash"), is_capitals_place(place))


@dataclass(frozen=True, slots=True)
class GluedSplit:
    """Where a glued dateline starts in the Foto value, and whether the cut is certain.

    `index` is None when the value holds `, PAPER -` but no place in capitals
    before it, so it cannot be split.
    """

    index: int | None
    place: str
    certain: bool


def find_glued_dateline(value: str, pattern: re.Pattern[str] | None) -> GluedSplit | None:
    """Find a dateline glued to the end of a Foto value.

    Returns None when the value holds no `, PAPER -`.

    The place is the longest run of capitals (with spaces, dots, hyphens) just
    before `, PAPER -`; the cut is made where the capitals start after the last
    lower-case letter of the note or credit (`ArsipOELAMASI` -> `Arsip|OELAMASI`).
    The cut is certain only when a lower-case letter directly precedes the run
    (spaces allowed between).
    """
    if pattern is None:
        return None
    m = pattern.search(value)
    if m is None:
        return None
    prefix = value[: m.start()]
    start = len(prefix)
    while start > 0 and _is_place_char(prefix[start - 1]):
        start -= 1
    cut = start
    while cut < len(prefix) and not prefix[cut].isalpha():
        cut += 1
    if cut >= len(prefix):
        return GluedSplit(None, "", False)
    certain = (
        start > 0
        and prefix[start - 1].isalpha()
        and prefix[start - 1].islower()
        and all(c.isspace() for c in prefix[start:cut])
    )
    return GluedSplit(cut, prefix[cut:].strip(), certain)
