"""Storage stage: one writer per edition file: a lock per file and the revision a save expects.

Two guards keep a change from being lost when two programs (the app and the
command line, or two imports) write one `.kpl`:

* `edition_lock(path)`: an inter-process lock (the `filelock` library; the lock
  file lies in the user's cache folder, named by a short hash of the edition's
  real path, so nothing is left beside the edition) held by every save for its check
  and write, and by the command line's import for its whole read-modify-write.
  It covers the programs of one user on one computer; the revision check
  covers the rest (another computer on a shared folder, a file copied over).
* the revision check: loading and saving remember which revision of the file an
  edition has seen (`FileRevision`: the file's size, the random token each save
  writes as the zip comment, and the CRC of `document.json`). A save onto a
  file whose revision is not the one the edition saw raises
  `ConcurrentChangeError` and writes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import secrets
import threading
import weakref
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kupang_layout.common.userdirs import cache_dir, ensure
from kupang_layout.model.edition import Edition
from kupang_layout.storage.archive import DOCUMENT_ENTRY, open_zip
from kupang_layout.storage.errors import (
    ConcurrentChangeError,
    DocumentFileError,
    EditionLockedError,
)

if TYPE_CHECKING:
    from filelock import FileLock

__all__ = [
    "LOCK_TIMEOUT",
    "FileRevision",
    "check_unchanged",
    "conflict_path",
    "edition_lock",
    "forget",
    "lock_file",
    "new_token",
    "read_revision",
    "remember",
    "revision_of_zip",
    "seen_revision",
]

#: Seconds a save or an import waits for another process's save before giving up.
LOCK_TIMEOUT = 30.0
#: The zip comment of a saved edition: this prefix and a random token per save.
TOKEN_PREFIX = b"kupang-layout revision "


@dataclass(frozen=True)
class FileRevision:
    """What identifies one saved version of an edition file.

    The modification time is left out on purpose: copying, syncing and backup
    tools change it without changing the file, and a save refused for that would
    be a false alarm.
    """

    size: int
    token: str  # the save's random token ('' for files written before tokens)
    document_crc: int  # CRC-32 of document.json (-1 when the file is not a readable zip)


def new_token() -> bytes:
    """The zip comment for a new save."""
    return TOKEN_PREFIX + secrets.token_hex(16).encode("ascii")


def revision_of_zip(zf: zipfile.ZipFile) -> FileRevision:
    """The revision of an open edition zip (the very bytes being read)."""
    size = -1
    if zf.fp is not None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            size = os.fstat(zf.fp.fileno()).st_size
    comment = zf.comment
    token = comment[len(TOKEN_PREFIX) :].decode("ascii", "replace")
    if not comment.startswith(TOKEN_PREFIX):
        token = ""
    try:
        crc = zf.getinfo(DOCUMENT_ENTRY).CRC
    except KeyError:
        crc = -1
    return FileRevision(size, token, crc)


def read_revision(path: str | os.PathLike[str]) -> FileRevision | None:
    """The revision of the file at `path` now; None when there is no file."""
    p = Path(os.path.realpath(path))
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        return None
    except OSError:
        return FileRevision(-1, "", -1)
    try:
        with open_zip(p) as zf:
            return revision_of_zip(zf)
    except DocumentFileError:
        return FileRevision(size, "", -1)


# -- what each edition has seen -------------------------------------------------------

_seen: dict[int, dict[str, FileRevision]] = {}
_seen_guard = threading.Lock()


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(path))


def remember(edition: Edition, path: str | os.PathLike[str], revision: FileRevision) -> None:
    """Record that `edition` holds the file's content at `revision` (after a load or save)."""
    with _seen_guard:
        if id(edition) not in _seen:
            _seen[id(edition)] = {}
            weakref.finalize(edition, _seen.pop, id(edition), None)
        _seen[id(edition)][_key(path)] = revision


def forget(edition: Edition, path: str | os.PathLike[str]) -> None:
    """Drop what `edition` saw of the file (the next save overwrites it unchecked)."""
    with _seen_guard:
        _seen.get(id(edition), {}).pop(_key(path), None)


def seen_revision(edition: Edition, path: str | os.PathLike[str]) -> FileRevision | None:
    """The revision of the file `edition` last loaded or saved; None if it never did."""
    with _seen_guard:
        return _seen.get(id(edition), {}).get(_key(path))


def check_unchanged(edition: Edition, path: str | os.PathLike[str]) -> None:
    """Raise ConcurrentChangeError when the file is not the revision `edition` saw.

    An edition that never loaded or saved this file (Save As onto another file,
    which the app confirms first) and a file that is gone are not checked.
    """
    seen = seen_revision(edition, path)
    if seen is None:
        return
    found = read_revision(path)
    if found is not None and found != seen:
        raise ConcurrentChangeError(os.path.realpath(path), seen, found)


# -- the lock -----------------------------------------------------------------------------

_locks: dict[tuple[int, str], FileLock] = {}
_locks_guard = threading.Lock()


def lock_file(path: str | os.PathLike[str]) -> Path:
    """The lock file of the edition at `path`: `<cache>/locks/<hash of its real path>.lock`.

    The hash is cut to 12 bits, so the folder never holds more than 4096 empty
    files however many editions (and temporary export copies) are saved; two
    editions sharing a lock only take turns.
    """
    digest = hashlib.sha256(_key(path).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / "locks" / f"{digest[:3]}.lock"


@contextlib.contextmanager
def edition_lock(path: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the edition file's lock (re-entrant within a process; other processes wait).

    Waits up to `timeout` seconds, then raises EditionLockedError. Where no lock
    file can be made (no writable cache folder) the caller goes on unlocked: the
    revision check still refuses a save that would overwrite an unseen change.
    """
    lock_path = lock_file(path)
    try:
        ensure(lock_path.parent)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield
        return
    os.close(fd)
    # Imported here, not at the top: loading an edition (every command) reads its
    # revision but takes no lock, and filelock costs a cold start some 10 ms.
    from filelock import FileLock, Timeout

    key = (os.getpid(), _key(lock_path))  # a forked child makes its own lock objects
    with _locks_guard:
        lock = _locks.get(key)
        if lock is None:
            lock = _locks[key] = FileLock(lock_path)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise EditionLockedError(
            os.path.realpath(path),
            f"another program has been saving this edition for more than {timeout:.0f} s "
            f"(lock {lock_path}); try again",
        ) from None
    try:
        yield
    finally:
        lock.release()


def conflict_path(path: str | os.PathLike[str], now: dt.datetime | None = None) -> Path:
    """Where work refused by the revision check is kept: `NAME.conflict-YYYYMMDD-HHMMSS.kpl`
    beside the edition (a number is added if that name is taken)."""
    real = Path(os.path.realpath(path))
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = real.with_name(f"{real.stem}.conflict-{stamp}{real.suffix}")
    n = 2
    while candidate.exists():
        candidate = real.with_name(f"{real.stem}.conflict-{stamp}-{n}{real.suffix}")
        n += 1
    return candidate
