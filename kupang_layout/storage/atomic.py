"""Storage stage: atomic file replacement (temp file, fsync, os.replace) with a .bak copy.

Killed at any instant, the target holds either its old or its new content.
Temporary files are named ``.NAME.<pid>.<token>.saving`` next to the target;
those left by a process that no longer runs are removed by the next save.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kupang_layout.storage.errors import DocumentFileError

__all__ = ["backup_path", "replace_atomically", "stale_temp_files"]

_STALE_AGE = 24 * 3600.0  # where it cannot be asked whether a process lives


def backup_path(target: Path) -> Path:
    """Where the previous version is kept: ``NAME.kpl.bak``."""
    return target.with_name(target.name + ".bak")


def _temp_re(target: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[0-9a-f]+\.(?:saving|bak-saving)")


def _temp_name(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}.{kind}")


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # decided by age instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stale_temp_files(target: Path) -> list[Path]:
    """Temporary files of earlier saves of `target` whose process has gone."""
    pattern = _temp_re(target)
    found: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return found
    now = time.time()
    for name in names:
        m = pattern.fullmatch(name)
        if m is None:
            continue
        pid = int(m.group(1))
        path = target.parent / name
        if pid == os.getpid():
            continue
        if _process_alive(pid):
            try:
                if os.name == "posix" or now - path.stat().st_mtime < _STALE_AGE:
                    continue
            except OSError:
                continue
        found.append(path)
    return found


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; best effort where a file system refuses)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _make_backup(target: Path) -> None:
    """Hard-link (or copy) the current file to NAME.bak, replacing the old .bak atomically."""
    tmp = _temp_name(target, "bak-saving")
    try:
        try:
            os.link(target, tmp)
        except OSError:
            with open(target, "rb") as src, open(tmp, "xb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
                dst.flush()
                os.fsync(dst.fileno())
        os.replace(tmp, backup_path(target))
    finally:
        _unlink_quietly(tmp)


def replace_atomically(
    target: Path, write: Callable[[BinaryIO], None], *, keep_backup: bool
) -> Path:
    """Write a new version of `target` through `write(stream)` and swap it in atomically.

    Returns the real path written (a symlink is followed). OSError becomes
    DocumentFileError naming the file; other exceptions from `write` pass through
    after the temporary file is removed.
    """
    target = Path(os.path.realpath(target))
    file = str(target)
    folder = target.parent
    if not folder.is_dir():
        raise DocumentFileError(file, "the folder does not exist")
    if target.is_dir():
        raise DocumentFileError(file, "is a folder")
    for stale in stale_temp_files(target):
        with contextlib.suppress(OSError):
            stale.unlink()
    tmp = _temp_name(target, "saving")
    try:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = None
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if keep_backup and target.exists():
            _make_backup(target)
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        raise DocumentFileError(file, f"could not save: {exc.strerror or exc}") from exc
    finally:
        _unlink_quietly(tmp)
    return target
