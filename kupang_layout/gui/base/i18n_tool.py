"""GUI stage: maintenance of the message catalogues (extract strings, update .ts, build .qm).

    python -m kupang_layout.gui.base.i18n_tool check    # every string translated?
    python -m kupang_layout.gui.base.i18n_tool update   # add new strings to the .ts files
    python -m kupang_layout.gui.base.i18n_tool build    # .ts -> .qm with pyside6-lrelease

The catalogue of Qt's own strings, resources/i18n/qtbase_id.ts (standard buttons,
file dialogs, text fields' context menus; Qt ships no Indonesian), is kept by hand:
`build` compiles it too and `check` fails on an unfinished message in it.

Strings are found by reading the GUI's source with `ast`: calls tr(CTX, "text"),
noop(CTX, "text"), QCoreApplication.translate(CTX, "text") and the actions
table's _n("text"), where CTX is a string literal or a module constant.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kupang_layout.common.atomic import make_folder, write_text_atomically
from kupang_layout.gui.base.i18n import QT_CATALOGUE, catalogue_path, read_ts

GUI_DIR = Path(__file__).resolve().parent.parent  # kupang_layout/gui, all its packages
SOURCES = (GUI_DIR,)
TRANSLATING_CALLS = ("tr", "noop", "translate")

QT_LANGS = ("id",)  # languages with a catalogue of Qt's own strings (English is Qt's source)

Message = tuple[str, str]  # (context, source text)


def _constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    out[target.id] = node.value.value
    return out


def _string(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def messages_in(path: Path) -> list[Message]:
    """(context, text) of every translatable string in one Python file, in order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = _constants(tree)
    found: list[Message] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.id
            if isinstance(func, ast.Name)
            else (func.attr if isinstance(func, ast.Attribute) else "")
        )
        if name in TRANSLATING_CALLS and len(node.args) >= 2:
            ctx = _string(node.args[0], constants)
            text = _string(node.args[1], constants)
            if ctx is not None and text is not None and text:
                found.append((ctx, text))
        elif name == "_n" and len(node.args) == 1 and "CTX" in constants:
            text = _string(node.args[0], constants)
            if text:
                found.append((constants["CTX"], text))
    return found


def all_messages() -> list[Message]:
    seen: dict[Message, None] = {}
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.py"), key=lambda p: (p.name, str(p))):
            if path.name == Path(__file__).name:
                continue
            for m in messages_in(path):
                seen.setdefault(m, None)
    return list(seen)


def write_ts(
    path: Path, lang: str, messages: list[Message], translations: dict[Message, str]
) -> None:
    """Write a Qt Linguist .ts file; messages without a translation are 'unfinished'."""
    root = ET.Element("TS", version="2.1", language={"id": "id_ID", "en": "en_US"}[lang])
    root.set("sourcelanguage", "en_US")
    by_context: dict[str, list[str]] = {}
    for ctx, text in messages:
        by_context.setdefault(ctx, []).append(text)
    for ctx in sorted(by_context):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for text in by_context[ctx]:
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = text
            t = ET.SubElement(m, "translation")
            value = translations.get((ctx, text), "")
            if value:
                t.text = value
            else:
                t.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    make_folder(path.parent)
    write_text_atomically(
        path, '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"
    )


def update(langs: tuple[str, ...] = ("id", "en")) -> dict[str, int]:
    """Bring both catalogues in line with the source; returns untranslated counts."""
    messages = all_messages()
    missing: dict[str, int] = {}
    for lang in langs:
        ts = catalogue_path(lang, "ts")
        known = read_ts(ts) if ts.is_file() else {}
        if lang == "en":  # the source strings are English
            known = {m: known.get(m) or m[1] for m in messages}
        write_ts(ts, lang, messages, known)
        missing[lang] = sum(1 for m in messages if not known.get(m))
    return missing


def lrelease() -> str | None:
    """pyside6-lrelease next to the running Python, or on PATH."""
    local = Path(sys.executable).with_name("pyside6-lrelease")
    if local.is_file():
        return str(local)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def qt_messages(lang: str) -> tuple[list[Message], dict[Message, str]]:
    """Every message of the Qt-strings catalogue of `lang` and its finished translations."""
    path = catalogue_path(lang, "ts", QT_CATALOGUE)
    root = ET.parse(path).getroot()
    messages = [
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]
    return messages, read_ts(path)


def build(langs: tuple[str, ...] = ("id", "en")) -> list[Path]:
    """Compile the .ts files to .qm (raises RuntimeError if lrelease is missing or fails)."""
    tool = lrelease()
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found (it comes with PySide6-Essentials)")
    out = []
    pairs = [(catalogue_path(lang, "ts"), catalogue_path(lang, "qm")) for lang in langs]
    pairs += [
        (catalogue_path(lang, "ts", QT_CATALOGUE), catalogue_path(lang, "qm", QT_CATALOGUE))
        for lang in QT_LANGS
        if lang in langs
    ]
    for ts, qm in pairs:
        proc = subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            raise RuntimeError(f"lrelease failed on {ts}: {proc.stderr.strip()}")
        out.append(qm)
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        print(update())
        return 0
    if command == "build":
        for qm in build():
            print(qm)
        return 0
    if command == "check":
        messages = all_messages()
        bad = 0
        for lang in ("id", "en"):
            known = read_ts(catalogue_path(lang, "ts"))
            for m in messages:
                if m not in known:
                    print(f"{lang}: untranslated {m[0]}: {m[1]!r}")
                    bad += 1
        for lang in QT_LANGS:
            qt, done = qt_messages(lang)
            for m in qt:
                if m not in done:
                    print(f"{lang}: untranslated Qt string {m[0]}: {m[1]!r}")
                    bad += 1
        return 1 if bad else 0
    print("usage: python -m kupang_layout.gui.base.i18n_tool check|update|build", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
