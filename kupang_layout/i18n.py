"""Shared stage: the user's language (Indonesian by default, English selectable)."""

from __future__ import annotations

import os

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_current = ""


def resolve_language(explicit: str | None = None) -> str:
    """Pick the UI language: explicit choice, then KUPANG_LAYOUT_LANG, then Indonesian."""
    for candidate in (explicit, os.environ.get("KUPANG_LAYOUT_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    _current = resolve_language(lang)


def current_language() -> str:
    return _current or resolve_language()


# The program's one catalogue of non-Qt messages: key -> {"id": ..., "en": ...}. Each
# package keeps its own in `<package>/messages.py` (keys `<package>.<name>`) and adds
# them with `register_messages` when imported; `tr` shows them. Qt widgets' strings
# are in the .ts files (gui/base/i18n.py).
MESSAGES: dict[str, dict[str, str]] = {}


def register_messages(messages: dict[str, dict[str, str]]) -> None:
    """Add a package's catalogue (key -> {"id": ..., "en": ...}) to the program's one catalogue.

    Each package keeps its messages in its own module and registers them when that
    module is imported; keys are unique across the program (a clash is a bug).
    """
    for key, entry in messages.items():
        if key in MESSAGES and MESSAGES[key] != entry:
            raise ValueError(f"message key {key!r} is defined twice")
        if "en" not in entry or "id" not in entry:
            raise ValueError(f"message {key!r} needs an Indonesian and an English text")
        MESSAGES[key] = entry


class _Params(dict[str, object]):
    """The params of a message; one the text names but the caller lacks stays `{name}`."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def tr(key: str, lang: str | None = None, /, **params: object) -> str:
    """The message `key` in the current (or given) language, with params filled in.

    The one function that renders a non-Qt message. An unknown key is shown as
    itself; a param the text names but the caller lacks stays `{name}`, so a
    message never fails to show (the tests check that every text gets its params).
    """
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang or current_language()) or entry["en"]
    try:
        return text.format_map(_Params(params))
    except (IndexError, ValueError):  # a positional field or a bad format spec
        return text
