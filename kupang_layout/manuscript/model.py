"""Manuscript stage: the parsed newsroom manuscript as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParagraphKind = Literal["lead", "body", "quote"]
CreditRole = Literal["topics", "writer", "sources", "editor", "photo"]
MarkupKind = Literal["keyword", "separator", "bom"]


@dataclass(frozen=True, slots=True)
class PhotoCredit:
    """The `Foto:` header: who took the photo and an optional note (`Arsip`, `Properti`)."""

    credit: str | None
    note: str | None
    line: int

    @property
    def is_file_photo(self) -> bool:
        """True when the note marks an archive or stock photo rather than a new one."""
        return self.note is not None


@dataclass(frozen=True, slots=True)
class Dateline:
    """`PLACE, PAPER -` at the start of the lead. The lead's text still holds it as typed."""

    place: str
    paper: str
    dash: str
    line: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph (one manuscript line).

    `text` is the line as typed, trimmed. For a quote it includes the quotation
    marks and `attribution` is the text after `|`. A quote without `|` that
    directly follows another quote has `continues=True`: it is read as more of
    the previous speaker's words, and its `attribution` stays None.
    """

    kind: ParagraphKind
    text: str
    line: int
    attribution: str | None = None
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Credit:
    """One `| Key: value` line of the credits block. `key` is as typed (`Text`, `Teks`)."""

    key: str
    values: tuple[str, ...]
    line: int
    role: CreditRole | None = None


@dataclass(frozen=True, slots=True)
class ManuscriptWarning:
    """A user-facing note about a line the parser was unsure of.

    `key` names a message in `messages.py`; `params` fill its placeholders.
    Shown with `format_warning(w, lang)`.
    """

    key: str
    line: int | None = None
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str | None:
        for k, v in self.params:
            if k == name:
                return v
        return None


# The name the specification uses; `ManuscriptWarning` avoids shadowing the builtin.
Warning = ManuscriptWarning


@dataclass(frozen=True, slots=True)
class Markup:
    """Characters the parser removed because they are syntax, not content.

    `keyword` is a header keyword as typed (`Edisi:`, `Hal.`), `separator` one
    `|`, `:` or `,`, `bom` a leading U+FEFF. Every other non-space character of
    the manuscript is in exactly one content field of `Manuscript`.
    """

    line: int
    text: str
    kind: MarkupKind


@dataclass(frozen=True, slots=True)
class Manuscript:
    """A parsed manuscript. Absent headers are None; `page_label` is the page as typed."""

    edition: str | None = None
    page: int | None = None
    page_label: str | None = None
    headline: str | None = None
    deck: str | None = None
    section: str | None = None
    photo: PhotoCredit | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    tagline: str | None = None
    tagline_line: int | None = None
    credits: tuple[Credit, ...] = ()
    warnings: tuple[ManuscriptWarning, ...] = ()
    markup: tuple[Markup, ...] = ()

    @property
    def lead(self) -> Paragraph | None:
        for p in self.paragraphs:
            if p.kind == "lead":
                return p
        return None

    def credit(self, role: CreditRole) -> Credit | None:
        """The first credit line with this role (e.g. `writer` for `Text:`/`Teks:`)."""
        for c in self.credits:
            if c.role == role:
                return c
        return None
