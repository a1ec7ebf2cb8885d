"""Common stage: the program's one atomic file writer (temp file, fsync, rename, fsync folder).

Every file Kupang Layout writes (editions, templates, page PDFs, reports,
preferences, recovery files, cached images, PNG renders) goes through
`write_atomically`. Killed at any instant, the target holds either its old or
its new content, whole. The guarantees:

* the temporary file ``.NAME.<pid>.<token>.saving`` lies in the target's own
  folder (so the rename is atomic), is written, flushed and fsynced, then
  renamed over the target, and the folder is fsynced so the rename is durable;
* a new file gets the mode any new file gets under the user's umask (0644
  under umask 022); an existing file keeps its mode;
* a symbolic link at the target is replaced by the new file, never written
  through (a link planted in an output folder cannot redirect a write), unless
  the caller asks to follow it (an edition the user opened through a link);
* anything that is not a regular file (a folder, a device, a pipe, a socket)
  is refused and left alone;
* temporary files of processes that no longer run are removed by the next
  write to the same target;
* every OSError becomes `FileWriteError` naming the file and the reason, and
  the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kupang_layout.common.processes import process_alive
from kupang_layout.errors import KupangError

__all__ = [
    "FileWriteError",
    "backup_path",
    "check_folder_writable",
    "copy_file_atomically",
    "make_folder",
    "stale_temp_files",
    "write_atomically",
    "write_text_atomically",
]

_STALE_AGE = 24 * 3600.0  # where it cannot be asked whether a process lives
_CHUNK = 1024 * 1024

Writer = Callable[[BinaryIO], None]


class FileWriteError(KupangError):
    """A file could not be written. `file` names it, `reason` says why (English).

    `errno` is the operating system's error number where there was one, so an
    entry point can say what to do (a full disk, a read-only folder, no permission).
    """

    def __init__(self, file: str, reason: str, err: int | None = None) -> None:
        self.file = file
        self.reason = reason
        self.errno = err
        super().__init__(f"{file}: {reason}")

    def __reduce__(self) -> tuple[type[FileWriteError], tuple[str, str, int | None]]:
        # Crosses process boundaries (export workers) with its fields intact.
        return (FileWriteError, (self.file, self.reason, self.errno))


def backup_path(target: Path) -> Path:
    """Where the previous version is kept when asked for: ``NAME.bak``."""
    return target.with_name(target.name + ".bak")


def _temp_re(target: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[0-9a-f]+\.(?:saving|bak-saving)")


def _temp_name(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}.{kind}")


def stale_temp_files(target: Path) -> list[Path]:
    """Temporary files of earlier writes of `target` whose process has gone."""
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
        if process_alive(pid):
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
    with contextlib.suppress(OSError):
        path.unlink()


def _make_backup(target: Path) -> None:
    """Hard-link (or copy) the current file to NAME.bak, replacing the old .bak atomically."""
    tmp = _temp_name(target, "bak-saving")
    try:
        try:
            os.link(target, tmp)
        except OSError:
            with open(target, "rb") as src, open(tmp, "xb") as dst:
                shutil.copyfileobj(src, dst, _CHUNK)
                dst.flush()
                os.fsync(dst.fileno())
        os.replace(tmp, backup_path(target))
    finally:
        _unlink_quietly(tmp)


def _existing_mode(target: Path, file: str) -> int | None:
    """The mode to keep: that of an existing regular file; None for a new file or a link.

    Refuses a folder and anything else that is not a regular file or a link.
    """
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileWriteError(file, exc.strerror or str(exc), exc.errno) from exc
    if stat.S_ISLNK(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        raise FileWriteError(file, "is a folder", errno.EISDIR)
    if not stat.S_ISREG(st.st_mode):
        raise FileWriteError(
            file, "is not a regular file (a device, pipe or socket); it was left alone"
        )
    return stat.S_IMODE(st.st_mode)


def write_atomically(
    target: Path | str,
    content: bytes | Writer,
    *,
    keep_backup: bool = False,
    follow_symlink: bool = False,
) -> Path:
    """Write `content` (bytes, or a function that writes to a binary stream) to `target`.

    Returns the absolute path written (the link's target with `follow_symlink`).
    With `keep_backup`, the previous version is kept as ``NAME.bak``. Exceptions
    other than OSError raised by a writer function pass through after the
    temporary file is removed.
    """
    target = Path(os.path.realpath(target) if follow_symlink else os.path.abspath(target))
    file = str(target)
    folder = target.parent
    if not folder.is_dir():
        raise FileWriteError(file, "the folder does not exist", errno.ENOENT)
    mode = _existing_mode(target, file)
    for stale in stale_temp_files(target):
        _unlink_quietly(stale)
    tmp = _temp_name(target, "saving")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
        with os.fdopen(fd, "wb") as stream:
            if isinstance(content, bytes | bytearray | memoryview):
                stream.write(content)
            else:
                content(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
            if keep_backup:
                _make_backup(target)
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        raise FileWriteError(file, exc.strerror or str(exc), exc.errno) from exc
    finally:
        _unlink_quietly(tmp)
    return target


def write_text_atomically(
    target: Path | str, text: str, *, encoding: str = "utf-8", keep_backup: bool = False
) -> Path:
    """`write_atomically` for text (UTF-8 by default).

    A text that cannot be encoded raises FileWriteError before anything is written.
    """
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise FileWriteError(
            str(target), f"the text cannot be written as {encoding} ({exc.reason})"
        ) from exc
    return write_atomically(target, data, keep_backup=keep_backup)


def copy_file_atomically(source: Path | str, target: Path | str) -> Path:
    """Copy the file `source` (e.g. a file made in the run's temporary folder) to `target`.

    The same guarantees as `write_atomically`; the copy is streamed, never held in memory.
    A source that cannot be read raises FileWriteError naming the target.
    """

    def copy(stream: BinaryIO) -> None:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, stream, _CHUNK)

    return write_atomically(target, copy)


def make_folder(folder: Path | str) -> Path:
    """Create an output folder (and its parents) if needed; return it as an absolute path.

    Raises FileWriteError naming the folder when it is a file, or cannot be made.
    """
    path = Path(os.path.abspath(folder))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise FileWriteError(str(path), "is a file, not a folder", errno.ENOTDIR) from exc
    except OSError as exc:
        raise FileWriteError(str(path), exc.strerror or str(exc), exc.errno) from exc
    if not path.is_dir():
        raise FileWriteError(str(path), "is a file, not a folder", errno.ENOTDIR)
    return path


def check_folder_writable(folder: Path | str) -> Path:
    """Make `folder` if needed and prove a file can be created in it (and removed).

    Raises FileWriteError naming the folder (read-only, no permission, not a folder...).
    Nothing is left behind: the probe has the temporary-file name of a write, so even a
    process killed here leaves a file the next write removes.
    """
    path = make_folder(folder)
    for stale in stale_temp_files(path / ".kupang-probe"):
        _unlink_quietly(stale)
    probe = _temp_name(path / ".kupang-probe", "saving")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.close(os.open(probe, flags, 0o666))
    except OSError as exc:
        raise FileWriteError(str(path), exc.strerror or str(exc), exc.errno) from exc
    finally:
        _unlink_quietly(probe)
    return path
