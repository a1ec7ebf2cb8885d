"""GUI stage: the recently opened editions (a short list in the user's config folder).

Kept as JSON in the user's config folder (`recent.json`, `common.userdirs`), newest
first, at most MAX_RECENT entries; files that no longer exist are left out of
the menu. A damaged list is ignored (and replaced on the next save), never an
error.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from kupang_layout.common.atomic import FileWriteError, make_folder, write_text_atomically
from kupang_layout.common.userdirs import config_dir

MAX_RECENT = 8
FILE_NAME = "recent.json"


def recent_path() -> Path:
    return config_dir() / FILE_NAME


def load_recent(path: Path | None = None) -> list[Path]:
    """The list as saved (newest first); [] when missing or unreadable."""
    path = path or recent_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [Path(p) for p in data if isinstance(p, str) and p][:MAX_RECENT]


def save_recent(files: list[Path], path: Path | None = None) -> None:
    """Write the list atomically (a crash leaves the old one); a list that cannot be
    written is not an error (it is a convenience)."""
    path = path or recent_path()
    with contextlib.suppress(FileWriteError):
        make_folder(path.parent)
        write_text_atomically(path, json.dumps([str(p) for p in files[:MAX_RECENT]], indent=1))


def add_recent(file: Path, path: Path | None = None) -> list[Path]:
    """Put `file` first (once) and save; returns the new list."""
    file = file.resolve()
    files = [file] + [p for p in load_recent(path) if p != file]
    save_recent(files[:MAX_RECENT], path)
    return files[:MAX_RECENT]


def existing_recent(path: Path | None = None) -> list[Path]:
    """The saved list without the files that are gone."""
    return [p for p in load_recent(path) if p.is_file()]


def clear_recent(path: Path | None = None) -> None:
    save_recent([], path)
