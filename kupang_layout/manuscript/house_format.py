"""Manuscript stage: the house format, the text each manuscript piece gets on the page.

House format (docs/TEMPLATES.md, "Applying a manuscript"):

* headline: as typed; a missing one is `PLACEHOLDER_HEADLINE` (put in by
  `manuscript.apply`), which preflight reports as an error;
* photo credit: ``Foto: CREDIT`` plus `` (NOTE)`` when the Foto line has a note,
  e.g. ``Foto: Dok. KT (Arsip)``;
* lead: style "Lead"; its dateline ``PLACE, PAPER -`` is a run in the
  character style "Dateline" (bold), the rest of the lead a plain run;
* body paragraphs "Body"; quotes "Quote" with their attribution on its own
  line in "Attribution";
* pull quote: the first quote that has an attribution, its text with a trailing
  comma before the closing mark dropped, and the speaker with the role in
  parentheses (place and date left out) in "Pull Quote Attribution";
* credits: one line per credit, ``Narasi:``, ``Teks:``, ``Editor:``, ``Foto:``,
  ``Sumber:`` (other keys as typed) in the character style "Credit Label", then
  the values joined by commas;
* teaser: the lead (dateline bold) and, when the manuscript names the page the
  full story runs on, ``Selengkapnya di halaman N``;
* folio: ``{{folio}}``, filled in by the engine.
"""

from __future__ import annotations

import re

from kupang_layout.manuscript.dateline import paper_pattern
from kupang_layout.manuscript.model import Credit, CreditRole, Dateline, Manuscript, PhotoCredit
from kupang_layout.manuscript.model import Paragraph as MsParagraph
from kupang_layout.manuscript.quotes import parse_attribution
from kupang_layout.model.story import Paragraph, Run

__all__ = [
    "CREDIT_LABELS",
    "FOLIO_TEXT",
    "JUMP_TEXT",
    "body_paragraphs",
    "credit_paragraphs",
    "lead_runs",
    "photo_credit_text",
    "pull_quote_paragraphs",
    "teaser_paragraphs",
]

FOLIO_TEXT = "{{folio}}"
JUMP_TEXT = "Selengkapnya di halaman {page}"
CREDIT_LABELS: dict[CreditRole, str] = {
    "topics": "Narasi",
    "writer": "Teks",
    "editor": "Editor",
    "photo": "Foto",
    "sources": "Sumber",
}
_TRAILING_COMMA = re.compile(r",(\s*[\"“”'’]*)\s*$")


def photo_credit_text(photo: PhotoCredit | None) -> str | None:
    """``Foto: Dok. KT (Arsip)`` from the Foto header; None without one."""
    if photo is None or (photo.credit is None and photo.note is None):
        return None
    if photo.credit is None:
        return f"Foto: {photo.note}"
    note = f" ({photo.note})" if photo.note else ""
    return f"Foto: {photo.credit}{note}"


def lead_runs(text: str, dateline: Dateline | None) -> list[Run]:
    """The lead as runs: the dateline (through its dash) in "Dateline", the rest plain."""
    if dateline is not None:
        pattern = paper_pattern(dateline.paper)
        found = pattern.search(text) if pattern is not None else None
        if found is not None and text[: found.start()].strip() == dateline.place:
            cut = found.end()
            runs = [Run(text[:cut], "Dateline")]
            if text[cut:]:
                runs.append(Run(text[cut:]))
            return runs
    return [Run(text)]


def _paragraph(kind_style: str, p: MsParagraph, dateline: Dateline | None) -> Paragraph:
    if p.kind == "lead":
        return Paragraph(kind_style, lead_runs(p.text, dateline))
    return Paragraph.plain(kind_style, p.text)


def body_paragraphs(m: Manuscript) -> list[Paragraph]:
    """Lead, body and quotes in the house styles, attributions on their own lines."""
    out: list[Paragraph] = []
    for p in m.paragraphs:
        if p.kind == "lead":
            out.append(_paragraph("Lead", p, m.dateline))
        elif p.kind == "quote":
            out.append(Paragraph.plain("Quote", p.text))
            if p.attribution:
                out.append(Paragraph.plain("Attribution", p.attribution))
        else:
            out.append(Paragraph.plain("Body", p.text))
    return out


def _pull_quote_source(m: Manuscript) -> MsParagraph | None:
    for p in m.paragraphs:
        if p.kind == "quote" and p.attribution and not p.continues:
            return p
    return None


def pull_quote_paragraphs(m: Manuscript, style: str = "Pull Quote") -> list[Paragraph] | None:
    """The first attributed quote and its speaker (with role), or None."""
    p = _pull_quote_source(m)
    if p is None or p.attribution is None:
        return None
    text = _TRAILING_COMMA.sub(r"\1", p.text)
    a = parse_attribution(p.attribution)
    who = f"{a.speaker} ({a.role})" if a.speaker and a.role else (a.speaker or p.attribution)
    return [Paragraph.plain(style, text), Paragraph.plain("Pull Quote Attribution", who)]


def _credit_label(c: Credit) -> str:
    if c.role is not None:
        return CREDIT_LABELS[c.role]
    return " ".join(c.key.split())


def credit_paragraphs(m: Manuscript, style: str = "Credits") -> list[Paragraph]:
    """One paragraph per credit with a value: ``Label:`` in "Credit Label", then the values."""
    out: list[Paragraph] = []
    for c in m.credits:
        values = ", ".join(v for v in c.values if v)
        if not values:
            continue
        label = _credit_label(c)
        if label:
            out.append(Paragraph(style, [Run(f"{label}:", "Credit Label"), Run(f" {values}")]))
        else:
            out.append(Paragraph.plain(style, values))
    return out


def teaser_paragraphs(
    m: Manuscript, style: str = "Teaser", on_page: int | None = None
) -> list[Paragraph]:
    """The lead (or the first paragraph) and the jump line to the story's own page."""
    first = m.lead or (m.paragraphs[0] if m.paragraphs else None)
    out: list[Paragraph] = []
    if first is not None:
        out.append(_paragraph(style, first, m.dateline if first.kind == "lead" else None))
    if m.page is not None and m.page != on_page:
        out.append(Paragraph(style, [Run(JUMP_TEXT.format(page=m.page), "Strong")]))
    return out
