"""GUI stage: Qt translations of the interface (Indonesian by default, English selectable).

Every user-visible string of the GUI is written in English in the source and
passed through `tr(context, text)` (QCoreApplication.translate). The message
catalogues are resources/i18n/kupang_layout_<lang>.ts (Qt Linguist XML),
compiled to .qm by pyside6-lrelease (`python -m kupang_layout.gui.base.i18n_tool
build`). At run time the .qm is loaded; if it is missing (a source checkout
where it was never built) the .ts is read directly by TsTranslator, so the
interface is never left untranslated.

Qt's own widgets (standard buttons, file dialogs, context menus of text fields)
are translated too: Qt's `qtbase_<lang>.qm` from PySide6's translations folder
when the wheel ships one (it ships none for Indonesian), and on top of it the
program's own `resources/i18n/qtbase_<lang>.ts` (the Qt contexts QPlatformTheme,
QFileDialog, QLineEdit ... in Indonesian). Qt's own file and message dialogs are
used everywhere (AA_DontUseNativeDialogs), so their labels follow the chosen
language rather than the operating system's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator

from kupang_layout.i18n import LANGUAGES, resolve_language
from kupang_layout.resources import resource_path

CATALOGUE = "kupang_layout"
QT_CATALOGUE = "qtbase"  # Qt's own strings: Qt's file, then the program's on top


def tr(context: str, text: str) -> str:
    """The translation of `text` (English source) in `context`."""
    return QCoreApplication.translate(context, text)


def noop(context: str, text: str) -> str:
    """Marks `text` for translation in `context` where it is defined (a table); the
    code that shows it passes it through tr() with the same context."""
    return text


def catalogue_path(lang: str, suffix: str, catalogue: str = CATALOGUE) -> Path:
    return resource_path("i18n", f"{catalogue}_{lang}.{suffix}")


def qt_translations_folder() -> Path:
    """PySide6's folder of Qt's own .qm files (qtbase_de.qm ...)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


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


_installed: list[QTranslator] = []


def load_translator(lang: str, catalogue: str = CATALOGUE) -> QTranslator | None:
    """A translator for `lang` from its .qm, else from its .ts; None if neither exists."""
    qm = catalogue_path(lang, "qm", catalogue)
    translator = QTranslator()
    if qm.is_file() and translator.load(str(qm)):
        return translator
    ts = catalogue_path(lang, "ts", catalogue)
    if ts.is_file():
        return TsTranslator(ts)
    return None


def qt_translators(lang: str) -> list[QTranslator]:
    """Translators of Qt's own strings for `lang`, lowest priority first: Qt's shipped
    qtbase_<lang>.qm (if any), then the program's qtbase_<lang> catalogue."""
    out: list[QTranslator] = []
    shipped = QTranslator()
    if shipped.load(f"{QT_CATALOGUE}_{lang}", str(qt_translations_folder())):
        out.append(shipped)
    own = load_translator(lang, QT_CATALOGUE)
    if own is not None:
        out.append(own)
    return out


def install_language(lang: str | None = None) -> str:
    """Install the translators of `lang` (default: the configured language): Qt's own
    strings, then the program's (a translator installed later is asked first); returns it."""
    app = QCoreApplication.instance()
    code = resolve_language(lang)
    if code not in LANGUAGES:
        code = LANGUAGES[0]
    if app is None:
        return code
    # Qt's own file dialogs, whose labels are translated with the program (a native one
    # speaks the system's language).
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    while _installed:
        app.removeTranslator(_installed.pop())
    program = load_translator(code)
    for translator in [*qt_translators(code), *([program] if program is not None else [])]:
        app.installTranslator(translator)
        _installed.append(translator)
    return code
