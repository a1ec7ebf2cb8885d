"""Preflight stage: a rule's message, hint, role, edge and severity as people read them.

The texts are in `preflight/messages.py`; this module prepares the params (numbers
whole without decimals, others with one decimal and a decimal comma in
Indonesian; a `role` or `edge` param translated; a picture's refusal reason in
words) and shows them with `i18n.tr`, the one function that renders a message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kupang_layout.i18n import current_language, tr
from kupang_layout.imaging.messages import reason_text
from kupang_layout.preflight.messages import (
    EDGES,
    HINTS,
    KINDS,
    MESSAGES,
    ROLES,
    SEVERITY_LABELS,
)


def _lang(lang: str | None) -> str:
    return lang or current_language()


def format_number(value: float, lang: str | None = None) -> str:
    """A number for people: whole numbers bare, others with one decimal (comma in 'id')."""
    if abs(value - round(value)) < 0.05:
        return str(round(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if _lang(lang) == "id" else text


def _formatted(params: Mapping[str, Any], lang: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in params.items():
        if key == "role":
            out[key] = role_name(str(value), lang)
        elif key == "edge":
            out[key] = edge_name(str(value), lang)
        elif key == "problem":  # a picture's refusal reason (kupang_layout.imaging)
            out[key] = reason_text(str(value), lang, **params)
        elif isinstance(value, bool) or not isinstance(value, int | float):
            out[key] = str(value)
        else:
            out[key] = format_number(float(value), lang)
    return out


def message_text(key: str, lang: str | None, params: Mapping[str, Any]) -> str:
    """The message of rule `key`, filled in (the key itself if unknown)."""
    if key not in MESSAGES:
        return key
    return tr("preflight." + key, _lang(lang), **_formatted(params, lang))


def hint_text(key: str, lang: str | None, params: Mapping[str, Any]) -> str | None:
    if key not in HINTS:
        return None
    return tr("preflight.hint." + key, _lang(lang), **_formatted(params, lang))


def role_name(role: str | None, lang: str | None = None) -> str:
    if not role:
        return ""
    return tr("preflight.role." + role, _lang(lang)) if role in ROLES else role


_SLOT = re.compile(r"(main|second|third|page|teaser)([1-9][0-9]?)?")


def frame_name(name: str, lang: str | None = None) -> str:
    """A frame's name in the language: the built-in templates name their frames by slot
    and role in English ('teaser2 headline', 'main photo credit'); those read as the
    role and the slot ('judul tiser 2', 'kredit foto utama'). Any other name is the
    desk's own and is shown as it is."""
    slot, _, rest = name.partition(" ")
    role = rest.replace(" ", "_")
    if role not in ROLES and role != "rule":
        return name
    match = _SLOT.fullmatch(slot)
    if match is None:
        return name
    key, number = match.group(1), match.group(2)
    if (key == "teaser") != bool(number):
        return name
    what = kind_name("rule", lang) if role == "rule" else role_name(role, lang)
    where = tr("preflight.slot." + key, _lang(lang), n=number or "")
    return tr("preflight.slot.frame", _lang(lang), what=what, where=where)


def kind_name(kind: str | None, lang: str | None = None) -> str:
    """What a frame is (text frame, picture frame, rule, box) in the language."""
    return tr("preflight.kind." + kind, _lang(lang)) if kind and kind in KINDS else ""


def edge_name(edge: str, lang: str | None = None) -> str:
    return tr("preflight.edge." + edge, _lang(lang)) if edge in EDGES else edge


def severity_label(severity: str, lang: str | None = None) -> str:
    if severity not in SEVERITY_LABELS:
        return severity
    return tr("preflight.severity." + severity, _lang(lang))


def ui_text(key: str, lang: str | None = None, **params: Any) -> str:
    return tr("preflight.ui." + key, _lang(lang), **_formatted(params, lang))
