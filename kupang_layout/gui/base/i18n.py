"""GUI stage: Qt translations of the interface (Indonesian by default, English selectable).

Every user-visible string of the GUI is written in English in the source and
passed through `tr(context, text)` (QCoreApplication.translate). The message
catalogues are resources/i18n/kupang_layout_<lang>.ts (Qt Linguist XML),
compiled to .qm by pyside6-lrelease (`python -m kupang_layout.gui.base.i18n_tool
build`). At run time the .qm is loaded; if it is missing (a source checkout
where it was never built) the .ts is read directly by TsTranslator, so the
interface is never left untranslated.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kupang_layout.i18n import LANGUAGES, resolve_language
from kupang_layout.resources import resource_path

CATALOGUE = "kupang_layout"


def tr(context: str, text: str) -> str:
    """The translation of `text` (English source) in `context`."""
    return QCoreApplication.translate(context, text)


def noop(context: str, text: str) -> str:
    """Marks `text` for translation in `context` where it is defined (a table); the
    code that shows it passes it through tr() with the same context."""
    return text


def catalogue_path(lang: str, suffix: str) -> Path:
    return resource_path("i18n", f"{CATALOGUE}_{lang}.{suffix}")


class TsTranslatorError(ValueError):
    """A .ts file that cannot be read; names the file and the reason."""


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of every finished message of a .ts file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise TsTranslatorError(f"{path}: {exc}") from exc
    out: dict[tuple[str, str], str] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr_el = msg.find("translation")
            if source is None or tr_el is None:
                continue
            if tr_el.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            text = tr_el.text or ""
            if text:
                out[(name, source)] = text
    return out


class TsTranslator(QTranslator):
    """A translator that reads a .ts file directly (when no .qm was built)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._messages = read_ts(path)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._messages.get((context, source), "")

    def isEmpty(self) -> bool:
        return not self._messages


_installed: QTranslator | None = None


def load_translator(lang: str) -> QTranslator | None:
    """A translator for `lang` from its .qm, else from its .ts; None if neither exists."""
    qm = catalogue_path(lang, "qm")
    translator = QTranslator()
    if qm.is_file() and translator.load(str(qm)):
        return translator
    ts = catalogue_path(lang, "ts")
    if ts.is_file():
        return TsTranslator(ts)
    return None


def install_language(lang: str | None = None) -> str:
    """Install the translator of `lang` (default: the configured language); returns it."""
    global _installed
    app = QCoreApplication.instance()
    code = resolve_language(lang)
    if code not in LANGUAGES:
        code = LANGUAGES[0]
    if app is None:
        return code
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = load_translator(code)
    if translator is not None:
        app.installTranslator(translator)
        _installed = translator
    return code
