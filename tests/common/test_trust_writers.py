"""One atomic writer: every place in the program that writes a file goes through common.atomic.

The program's source is parsed and every call that writes, moves or makes a file is
listed: `open()` for writing, `os.open` with O_CREAT, `write_text`/`write_bytes`/
`touch`, `os.replace`/`os.rename`/`.rename()`, `shutil.move`/`copy*`, the
`tempfile` makers, `ZipFile(..., "w")`, a `.save(...)` to anything but an in-memory
buffer, QSettings, QSaveFile and log file handlers. Only `common/atomic.py` (the
writer) and `common/runtemp.py` (the per-run temporary folders) may do so; the few
other places are listed below with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kupang_layout"

# The writer itself and the run folders.
HOME = {"common/atomic.py", "common/runtemp.py"}

# Places that write a file on purpose without the atomic writer: (file, call) -> reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("render/pdf/edition_export.py", ".save"): (
        "pikepdf saves the proof into the run's temporary folder; copy_file_atomically "
        "then puts it in place"
    ),
    ("gui/base/settings.py", "QSettings"): (
        "settings.ini is written by Qt's QSettings (QSaveFile: temporary file and rename)"
    ),
    ("common/errorlog.py", "RotatingFileHandler"): "the log is appended to, line by line",
    ("storage/revision.py", "os.open"): "an empty lock file is made; nothing is written in it",
    (
        "gui/shell/recovery.py",
        ".rename",
    ): "a damaged recovery folder is set aside (a folder rename)",
    ("storage/checkout.py", "os.open"): (
        "a page lock is made by an exclusive create: it must fail, never replace, when the "
        "lock exists (the atomic writer replaces)"
    ),
    ("storage/checkout.py", "open"): "an empty probe file reads the shared folder's clock",
}

# Other engineers' files still being converted (issue 11): allowed until they are.
PENDING: dict[tuple[str, str], str] = {}

_TEMP_MAKERS = {
    "mkstemp",
    "mkdtemp",
    "NamedTemporaryFile",
    "TemporaryDirectory",
    "TemporaryFile",
    "SpooledTemporaryFile",
}
_MOVERS = {
    ("os", "replace"),
    ("os", "rename"),
    ("os", "renames"),
    ("shutil", "move"),
    ("shutil", "copy"),
    ("shutil", "copy2"),
    ("shutil", "copyfile"),
    ("shutil", "copytree"),
}
_QT_WRITERS = {"QSettings", "QSaveFile", "FileHandler", "RotatingFileHandler"}


def _text(node: ast.AST | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _mode(call: ast.Call, position: int) -> str:
    if len(call.args) > position:
        return _text(call.args[position])
    return next((_text(k.value) for k in call.keywords if k.arg == "mode"), "")


def _in_memory_names(tree: ast.AST) -> set[str]:
    """Names of in-memory buffers and of streams handed in (the atomic writer's callback):
    bound to io.BytesIO()/StringIO()/QBuffer(), or parameters typed BinaryIO/IO/TextIO."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in {"BytesIO", "StringIO", "QBuffer"}:
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif (
            isinstance(node, ast.arg)
            and node.annotation is not None
            and ast.unparse(node.annotation).split("[")[0] in {"BinaryIO", "IO", "TextIO"}
        ):
            names.add(node.arg)
    return names


def _first_is_memory(call: ast.Call, memory: set[str]) -> bool:
    return bool(call.args) and isinstance(call.args[0], ast.Name) and call.args[0].id in memory


def _writes(call: ast.Call, memory: set[str]) -> str | None:
    """The kind of file write `call` is, or None."""
    func = call.func
    if isinstance(func, ast.Name):
        if func.id == "open" and any(c in _mode(call, 1) for c in "wax+"):
            return "open"
        if func.id in _TEMP_MAKERS or func.id in _QT_WRITERS:
            return func.id
        if func.id == "ZipFile" and any(c in _mode(call, 1) for c in "wax"):
            return None if _first_is_memory(call, memory) else "ZipFile"
        return None
    if not isinstance(func, ast.Attribute):
        return None
    owner = func.value.id if isinstance(func.value, ast.Name) else ""
    if (owner, func.attr) in _MOVERS:
        return f"{owner}.{func.attr}"
    if owner == "os" and func.attr == "open":
        flags = ast.unparse(call.args[1]) if len(call.args) > 1 else ""
        return "os.open" if "O_CREAT" in flags or "O_WRONLY" in flags else None
    if owner == "tempfile" and func.attr in _TEMP_MAKERS:
        return func.attr
    if func.attr in {"write_text", "write_bytes", "touch"}:
        return "." + func.attr
    if func.attr == "rename" and len(call.args) == 1:  # Path.rename(target)
        return ".rename"
    if func.attr == "open" and any(c in _mode(call, 0) for c in "wax+"):
        return ".open"
    if func.attr in _QT_WRITERS:
        return func.attr
    if func.attr == "ZipFile" and any(c in _mode(call, 1) for c in "wax"):
        return None if _first_is_memory(call, memory) else "ZipFile"
    if func.attr == "save" and call.args:
        return None if _first_is_memory(call, memory) else ".save"
    return None


def file_writes() -> list[tuple[str, int, str]]:
    """(file relative to the package, line, kind) of every file write in the program."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        memory = _in_memory_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                kind = _writes(node, memory)
                if kind is not None:
                    found.append((rel, node.lineno, kind))
            elif isinstance(node, ast.ClassDef):  # a subclass of a file writer
                for base in node.bases:
                    name = ast.unparse(base).rsplit(".", 1)[-1]
                    if name in _QT_WRITERS:
                        found.append((rel, node.lineno, name))
    return found


def test_the_scanner_finds_the_writers_it_looks_for() -> None:
    code = (
        "import io, os, shutil, tempfile\n"
        "open(p, 'w'); open(p, mode='ab'); open(p)\n"
        "p.write_text('x'); p.write_bytes(b''); p.rename(q); p.open('wb')\n"
        "os.replace(a, b); shutil.move(a, b); tempfile.mkstemp(); os.open(p, os.O_CREAT)\n"
        "buf = io.BytesIO(); img.save(buf); img.save(str(out)); c.save()\n"
        "QSettings(p, fmt); zipfile.ZipFile(p, 'w'); zipfile.ZipFile(p)\n"
        "def writer(stream: BinaryIO) -> None:\n"
        "    zipfile.ZipFile(stream, 'w'); lib.rename(a, b)\n"
        "class Log(logging.handlers.RotatingFileHandler): pass\n"
    )
    tree = ast.parse(code)
    memory = _in_memory_names(tree)
    kinds = [k for n in ast.walk(tree) if isinstance(n, ast.Call) for k in [_writes(n, memory)]]
    kinds += [
        ast.unparse(b).rsplit(".", 1)[-1]
        for n in ast.walk(tree)
        if isinstance(n, ast.ClassDef)
        for b in n.bases
    ]
    assert sorted(k for k in kinds if k) == sorted(
        [
            "open",
            "open",
            ".write_text",
            ".write_bytes",
            ".rename",
            ".open",
            "os.replace",
            "shutil.move",
            "mkstemp",
            "os.open",
            ".save",
            "QSettings",
            "ZipFile",
            "RotatingFileHandler",
        ]
    )


def test_every_file_write_goes_through_the_atomic_writer() -> None:
    writes = file_writes()
    stray = [
        f"kupang_layout/{rel}:{line}: {kind}"
        for rel, line, kind in writes
        if rel not in HOME and (rel, kind) not in ALLOWED and (rel, kind) not in PENDING
    ]
    assert stray == [], (
        "these places write files without kupang_layout.common.atomic "
        "(write_atomically / write_text_atomically / copy_file_atomically, or "
        "common.runtemp.temp_dir for temporary work):\n" + "\n".join(stray)
    )


def test_the_allowed_places_are_still_there() -> None:
    """An allowance whose write has gone must be removed, so the list stays true."""
    present = {(rel, kind) for rel, _line, kind in file_writes()}
    gone = [key for key in ALLOWED if key not in present and (PACKAGE / key[0]).is_file()]
    assert gone == []
