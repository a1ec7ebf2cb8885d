"""Common stage: this run's own temporary folder, and the removal of those of dead runs.

Temporary work (the ink check's rasters, export staging, renders) goes into
``<cache>/run/<pid>-<token>/``. The folder is removed when the process ends
normally; a process killed outright leaves it, and `clean_stale_runs` (called
when a command or the app starts) removes every run folder whose process no
longer runs.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kupang_layout.common.processes import process_alive
from kupang_layout.common.userdirs import cache_dir

__all__ = ["clean_stale_runs", "run_dir", "run_root", "temp_dir"]

_STALE_AGE = 24 * 3600.0  # where it cannot be asked whether a process lives
_current: tuple[int, Path] | None = None


def run_root() -> Path:
    return cache_dir() / "run"


def run_dir() -> Path:
    """This process's temporary folder (made on first use, removed at exit)."""
    global _current
    pid = os.getpid()
    if _current is not None and _current[0] == pid and _current[1].is_dir():
        return _current[1]
    folder = run_root() / f"{pid}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True, exist_ok=True)
    _current = (pid, folder)
    atexit.register(_remove_own, pid, folder)
    return folder


def _remove_own(pid: int, folder: Path) -> None:
    if os.getpid() == pid:  # a forked child must not remove its parent's folder
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def temp_dir(prefix: str) -> Iterator[Path]:
    """A temporary folder inside this run's folder, removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=run_dir()))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clean_stale_runs() -> list[Path]:
    """Remove the run folders of processes that no longer run; return what was removed."""
    root = run_root()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        pid_text, _, _ = entry.name.partition("-")
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        if process_alive(int(pid_text)):
            try:
                if os.name == "posix" or now - entry.stat().st_mtime < _STALE_AGE:
                    continue
            except OSError:
                continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(Path(entry.path))
    return removed
