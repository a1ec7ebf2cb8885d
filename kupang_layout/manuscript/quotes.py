"""Manuscript stage: quote lines (`"..."|Speaker (Role), Place, Day, (date)`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Marks that open a quote line. Reporters mix straight and curly marks, and
# autocorrect sometimes turns the opening mark into a closing one, so `”` counts.
QUOTE_OPENERS = '"“”„‟'
# A `|` directly after a closing mark (spaces allowed) separates the attribution.
_SEPARATOR = re.compile(r"[\"“”„‟]\s*\|")
# A quote opening in mid-line after a finished sentence: `... itu. "Kami ...`.
_MID_LINE_QUOTE = re.compile(r"[.!?]\s+[\"“„]\S")

_DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu")


def is_quote_line(line: str) -> bool:
    return bool(line) and line[0] in QUOTE_OPENERS


def has_mid_line_quote(line: str) -> bool:
    return _MID_LINE_QUOTE.search(line) is not None


@dataclass(frozen=True, slots=True)
class QuoteSplit:
    """A quote line cut at its attribution separator.

    `separator` is True when a `|` was removed; `clear` is False when that `|`
    did not follow a closing quotation mark.
    """

    text: str
    attribution: str | None
    separator: bool
    clear: bool


def split_quote(line: str) -> QuoteSplit:
    """Split a trimmed quote line into the quote (with its marks) and the attribution."""
    pipe = line.find("|")
    if pipe < 0:
        return QuoteSplit(line, None, separator=False, clear=True)
    m = _SEPARATOR.search(line, 1)
    clear = m is not None
    if m is not None:
        pipe = m.end() - 1
    attribution = line[pipe + 1 :].strip()
    return QuoteSplit(line[:pipe].rstrip(), attribution or None, separator=True, clear=clear)


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution read into its parts (a helper for templates; the text stays whole)."""

    speaker: str
    role: str | None
    place: str | None
    date: str | None


def _is_date_part(part: str) -> bool:
    p = part.strip().strip("()").strip().casefold()
    return any(ch.isdigit() for ch in p) or p.startswith(_DAYS)


def parse_attribution(text: str) -> Attribution:
    """`Kepala Desa Oelnasi (Pemdes Oelnasi), Oelnasi, Senin, (14/10/24).` into parts.

    The speaker runs to the first `(` or `,`; the role is inside the parentheses
    that follow the speaker; after that come an optional place and a date that
    starts at the first part holding a day name or a digit.
    """
    s = text.strip().rstrip(".").strip()
    role: str | None = None
    paren = s.find("(")
    comma = s.find(",")
    if paren >= 0 and (comma < 0 or paren < comma):
        close = s.find(")", paren)
        if close < 0:
            close = len(s)
        speaker = s[:paren].strip()
        role = s[paren + 1 : close].strip() or None
        rest = s[close + 1 :]
    elif comma >= 0:
        speaker, rest = s[:comma].strip(), s[comma + 1 :]
    else:
        speaker, rest = s, ""
    parts = [p.strip() for p in rest.split(",")]
    parts = [p for p in parts if p]
    place_parts: list[str] = []
    date: str | None = None
    for i, part in enumerate(parts):
        if _is_date_part(part):
            date = ", ".join(parts[i:])
            break
        place_parts.append(part)
    place = ", ".join(place_parts) or None
    return Attribution(speaker, role, place, date)
