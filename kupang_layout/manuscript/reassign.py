"""Manuscript stage: the desk's corrections to a parse: a line read as one kind made another.

The parser keeps a line it is unsure of as a body paragraph (or a quote, or
the tagline) and warns. The desk answers each warning by naming what the line
really is; `reassign` returns a new Manuscript with that line moved, and the
import is applied again from it. Nothing is dropped: a line only moves, and a
header field (headline, deck, section) is offered only while it is empty.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from kupang_layout.manuscript.model import Manuscript, ManuscriptWarning, Paragraph

__all__ = ["KINDS", "Kind", "choices_for", "kind_at", "reassign", "reassign_all", "text_at"]

Kind = Literal["lead", "body", "quote", "tagline", "headline", "deck", "section"]
KINDS: tuple[Kind, ...] = ("lead", "body", "quote", "tagline", "headline", "deck", "section")
_HEADERS: tuple[Kind, ...] = ("headline", "deck", "section")
_LINES: tuple[Kind, ...] = ("lead", "body", "quote", "tagline")


def _paragraph_at(m: Manuscript, line: int) -> Paragraph | None:
    for p in m.paragraphs:
        if p.line == line:
            return p
    return None


def kind_at(m: Manuscript, line: int | None) -> Kind | None:
    """What the line is now: a paragraph kind or 'tagline'; None when it is neither
    (a header, a credit, a line the parser dropped): such a line cannot be moved."""
    if line is None:
        return None
    p = _paragraph_at(m, line)
    if p is not None:
        return p.kind
    if m.tagline is not None and m.tagline_line == line:
        return "tagline"
    return None


def text_at(m: Manuscript, line: int | None) -> str | None:
    """The text of the movable line (a quote with its attribution after ' | ')."""
    if line is None:
        return None
    p = _paragraph_at(m, line)
    if p is not None:
        return f"{p.text} | {p.attribution}" if p.attribution else p.text
    if m.tagline is not None and m.tagline_line == line:
        return m.tagline
    return None


def choices_for(m: Manuscript, warning: ManuscriptWarning) -> tuple[Kind, ...]:
    """The kinds the warned line may be given (its current kind first); () when the
    warning is not about a movable line."""
    now = kind_at(m, warning.line)
    if now is None:
        return ()
    free_headers = tuple(k for k in _HEADERS if getattr(m, k) is None)
    others: tuple[Kind, ...] = tuple(k for k in _LINES if k != now)
    return (now, *others, *free_headers)


def _split_quote(text: str) -> tuple[str, str | None]:
    body, sep, attribution = text.partition("|")
    if not sep:
        return text.strip(), None
    return body.strip(), attribution.strip() or None


def reassign(m: Manuscript, line: int, kind: Kind) -> Manuscript:
    """The manuscript with the piece on `line` made a `kind`.

    Raises ValueError when the line holds no movable piece, or when a header field
    asked for already has a value (it would be lost).
    """
    now = kind_at(m, line)
    text = text_at(m, line)
    if now is None or text is None:
        raise ValueError(f"line {line} is not a paragraph or the tagline")
    if now == kind:
        return m
    if kind in _HEADERS and getattr(m, kind) is not None:
        raise ValueError(f"the manuscript has a {kind} already")
    paragraphs = [p for p in m.paragraphs if p.line != line]
    tagline, tagline_line = m.tagline, m.tagline_line
    if now == "tagline":
        tagline, tagline_line = None, None
    headers = {k: getattr(m, k) for k in _HEADERS}
    if kind in ("lead", "body", "quote"):
        if kind == "quote":
            quote, attribution = _split_quote(text)
            new = Paragraph("quote", quote, line, attribution)
        else:
            new = Paragraph(kind, " ".join(text.split(" | ")) if now == "quote" else text, line)
        if kind == "lead":  # one lead: the old one becomes a body paragraph
            paragraphs = [replace(p, kind="body") if p.kind == "lead" else p for p in paragraphs]
        paragraphs.append(new)
        paragraphs.sort(key=lambda p: p.line)
    elif kind == "tagline":
        if tagline is not None and tagline_line is not None:  # the old tagline goes to the body
            paragraphs.append(Paragraph("body", tagline, tagline_line))
            paragraphs.sort(key=lambda p: p.line)
        tagline, tagline_line = text, line
    else:
        headers[kind] = text
    return replace(
        m,
        paragraphs=tuple(paragraphs),
        tagline=tagline,
        tagline_line=tagline_line,
        headline=headers["headline"],
        deck=headers["deck"],
        section=headers["section"],
    )


def reassign_all(m: Manuscript, choices: dict[int, Kind]) -> Manuscript:
    """Every choice (line -> kind) applied in line order; unchanged lines are skipped."""
    out = m
    for line in sorted(choices):
        if kind_at(out, line) != choices[line]:
            out = reassign(out, line, choices[line])
    return out
