"""Manuscript stage: recognising the header lines (Edisi, Halaman, Judul, Foto, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

HeaderField = Literal["edition", "page", "headline", "deck", "section", "photo"]

# The label the desk knows each header by (used in warnings).
HEADER_LABELS: dict[HeaderField, str] = {
    "edition": "Edisi",
    "page": "Halaman",
    "headline": "Judul",
    "deck": "Subjudul",
    "section": "Rubrik",
    "photo": "Foto",
}

_FLAGS = re.IGNORECASE | re.DOTALL

# Each pattern is matched against the whole trimmed line. `kw` is the keyword as
# typed (removed as markup), `value` the rest. A keyword with a colon is always a
# header; without a colon only `Edisi N`, `Halaman N`, `Hal. N` with digits alone.
_PATTERNS: tuple[tuple[HeaderField, re.Pattern[str]], ...] = (
    ("edition", re.compile(r"(?P<kw>edisi\s*:)(?P<value>.*)", _FLAGS)),
    ("edition", re.compile(r"(?P<kw>edisi)\s+(?P<value>[0-9]+)", _FLAGS)),
    ("page", re.compile(r"(?P<kw>(?:halaman|hal\.?)\s*:)(?P<value>.*)", _FLAGS)),
    ("page", re.compile(r"(?P<kw>halaman|hal\.?)\s*(?P<value>[0-9]+)", _FLAGS)),
    ("deck", re.compile(r"(?P<kw>sub[\s\-]*judul\s*:)(?P<value>.*)", _FLAGS)),
    ("headline", re.compile(r"(?P<kw>judul\s*:)(?P<value>.*)", _FLAGS)),
    ("section", re.compile(r"(?P<kw>rubrik\s*:)(?P<value>.*)", _FLAGS)),
    ("photo", re.compile(r"(?P<kw>foto\s*:)(?P<value>.*)", _FLAGS)),
)

_PAGE_NUMBER = re.compile(r"[0-9]{1,4}")


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """A line that has the shape of a header. `value` is trimmed and may be empty."""

    field: HeaderField
    keyword: str
    value: str

    @property
    def label(self) -> str:
        return HEADER_LABELS[self.field]

    @property
    def valid(self) -> bool:
        """False for a page that is not a number (`Halaman: tiga`)."""
        return self.field != "page" or self.value == "" or bool(_PAGE_NUMBER.fullmatch(self.value))


def match_header(line: str) -> HeaderLine | None:
    """The header this trimmed line has the shape of, or None."""
    for field, pattern in _PATTERNS:
        m = pattern.fullmatch(line)
        if m is not None:
            return HeaderLine(field, m.group("kw"), m.group("value").strip())
    return None
