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


# Messages of the command line and other non-Qt user-facing text. The GUI uses
# Qt's translation system (.ts/.qm) for its own strings.
MESSAGES: dict[str, dict[str, str]] = {
    "not_available": {
        "id": "Perintah '{command}' belum tersedia pada versi ini.",
        "en": "The command '{command}' is not available yet in this version.",
    },
    "error": {"id": "Galat: {message}", "en": "Error: {message}"},
    "warning": {"id": "Peringatan: {message}", "en": "Warning: {message}"},
    "file_not_found": {
        "id": "Berkas tidak ditemukan: {path}",
        "en": "File not found: {path}",
    },
    "gui_unavailable": {
        "id": "Aplikasi desktop tidak dapat dibuka: {reason}",
        "en": "The desktop app cannot start: {reason}",
    },
    "demo_saved": {
        "id": "Edisi contoh disimpan: {path}",
        "en": "Sample edition saved: {path}",
    },
    "templates_header": {
        "id": "Templat yang tersedia:",
        "en": "Available templates:",
    },
    "template_builtin": {"id": "bawaan", "en": "built-in"},
    "template_user": {"id": "pengguna", "en": "user"},
    "template_not_found": {
        "id": "Templat tidak ditemukan: {name}",
        "en": "Template not found: {name}",
    },
    "template_imported": {
        "id": "Templat diimpor: {name}",
        "en": "Template imported: {name}",
    },
    "template_exported": {
        "id": "Templat diekspor ke {path}",
        "en": "Template exported to {path}",
    },
}


def tr(key: str, lang: str | None = None, **params: object) -> str:
    """The message `key` in the current (or given) language, with params filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang or current_language()) or entry["en"]
    return text.format(**params)
