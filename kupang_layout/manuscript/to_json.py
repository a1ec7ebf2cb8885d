"""Manuscript stage: a parsed manuscript as the JSON shape of `kupang-layout parse --json`."""

from __future__ import annotations

import json

from kupang_layout.manuscript.messages import DEFAULT_LANG, format_warning
from kupang_layout.manuscript.model import Manuscript

# The top-level keys, in order. Absent values are null (objects, strings) or [] (lists).
JSON_KEYS = (
    "edition",
    "page",
    "headline",
    "deck",
    "section",
    "photo",
    "dateline",
    "paragraphs",
    "tagline",
    "credits",
    "warnings",
)


def manuscript_to_dict(m: Manuscript, lang: str = DEFAULT_LANG) -> dict[str, object]:
    """The parse as plain JSON data; warnings are formatted in `lang` (`id` or `en`)."""
    photo = None if m.photo is None else {"credit": m.photo.credit, "note": m.photo.note}
    dateline = (
        None if m.dateline is None else {"place": m.dateline.place, "paper": m.dateline.paper}
    )
    return {
        "edition": m.edition,
        "page": m.page,
        "headline": m.headline,
        "deck": m.deck,
        "section": m.section,
        "photo": photo,
        "dateline": dateline,
        "paragraphs": [
            {"kind": p.kind, "text": p.text, "attribution": p.attribution} for p in m.paragraphs
        ],
        "tagline": m.tagline,
        "credits": [{"key": c.key, "values": list(c.values)} for c in m.credits],
        "warnings": [format_warning(w, lang) for w in m.warnings],
    }


def manuscript_to_json(m: Manuscript, lang: str = DEFAULT_LANG, *, ascii_only: bool = False) -> str:
    """`manuscript_to_dict` as indented JSON text (UTF-8 characters kept unless `ascii_only`)."""
    return json.dumps(manuscript_to_dict(m, lang), ensure_ascii=ascii_only, indent=2)
