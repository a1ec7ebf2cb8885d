"""Storage stage: checking out a page of a shared edition: who works on it, since when.

A lock is a small JSON file ``locks/<key>.lock`` in the edition folder, made
with an exclusive create, so of two desks opening the same page at the same
instant exactly one gets it; the other reads who has it ("dikerjakan oleh Rina
(PC-LAYOUT-2) sejak 14.02") and opens the page read-only. Like an InCopy
assignment it is a record of who works on what, not an operating-system lock:
it outlives the program that made it until that program releases it.

Staleness. The holder refreshes the file's modification time while it works
(`refresh`, the app every 30 s). A lock is stale when its process is known to
be gone (same computer, no such process) or when it has not been refreshed for
`STALE_AFTER` seconds, measured against the shared folder's own clock (a probe
file's modification time), so computers whose clocks differ agree. A stale
lock is shown as such and can be taken over after the desk confirms
(`take_over`): one take-over at a time, under a guard folder made with an
exclusive `mkdir`, the lock is checked to be the one seen and made anew.

What this guarantees on a Samba/Windows share (SMB 2/3) and on NFS v3/v4: the
exclusive create and `mkdir` are atomic on the server, so two desks never
both hold a page. What it does not: a desk whose network drops keeps working on
a page it thinks it holds; after `STALE_AFTER` another desk may take it over,
and the revision check of the page file then refuses the first desk's save
(its work is kept aside), so nothing is overwritten unseen.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import secrets
import socket
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from kupang_layout.common.processes import process_alive
from kupang_layout.errors import KupangError

__all__ = [
    "STALE_AFTER",
    "Holder",
    "LockTakenError",
    "PageLockedError",
    "acquire",
    "current_holder",
    "folder_now",
    "is_stale",
    "lock_path",
    "me",
    "read_holder",
    "refresh",
    "release",
    "take_over",
]

#: Seconds without a refresh after which a lock counts as stale.
STALE_AFTER = 120.0
LOCKS = "locks"
_MAX_LOCK_BYTES = 4096
_READ_TRIES = 25


@dataclass(frozen=True)
class Holder:
    """Who holds a lock: the person, the computer, the process and since when."""

    user: str
    host: str
    pid: int
    since: str  # ISO 8601, local time with offset
    token: str

    @property
    def since_time(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.since)
        except ValueError:
            return None


class PageLockedError(KupangError):
    """The page is checked out by someone else. `stale` says whether it may be taken over."""

    def __init__(self, key: str, holder: Holder, stale: bool) -> None:
        self.key = key
        self.holder = holder
        self.stale = stale
        super().__init__(f"{key} is being worked on by {holder.user} ({holder.host})")


class LockTakenError(KupangError):
    """A take-over lost the race: someone else took the stale lock first."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"{key} was taken over by someone else first")


def me(user: str | None = None) -> Holder:
    """A holder record for this process (`user` from the preferences, else the login)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "?"
    return Holder(
        user=user or login,
        host=socket.gethostname() or "?",
        pid=os.getpid(),
        since=datetime.now().astimezone().isoformat(timespec="seconds"),
        token=secrets.token_hex(8),
    )


def lock_path(folder: Path, key: str) -> Path:
    return folder / LOCKS / f"{key}.lock"


def read_holder(path: Path) -> Holder | None:
    """The holder written in a lock file; None when there is no lock.

    A lock is made by an exclusive create and then written, so a reader may find
    it empty for an instant: it reads again for up to half a second. A lock that
    stays unreadable still counts as held, by an unknown holder.
    """
    for _ in range(_READ_TRIES):
        try:
            with open(path, "rb") as f:
                raw = f.read(_MAX_LOCK_BYTES)
            data = json.loads(raw.decode("utf-8"))
            return Holder(
                user=str(data["user"]),
                host=str(data["host"]),
                pid=int(data["pid"]),
                since=str(data["since"]),
                token=str(data["token"]),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            time.sleep(0.02)
    return Holder(user="?", host="?", pid=0, since="", token="")


def folder_now(folder: Path) -> float:
    """The shared folder's own clock: the modification time of a probe file touched now."""
    probe = folder / LOCKS / f".clock-{socket.gethostname()}-{os.getpid()}"
    try:
        probe.parent.mkdir(parents=True, exist_ok=True)
        with open(probe, "wb"):
            pass
        now = probe.stat().st_mtime
        with contextlib.suppress(OSError):
            probe.unlink()
        return now
    except OSError:
        return time.time()


def is_stale(path: Path, holder: Holder, now: float | None = None) -> bool:
    """Whether the lock at `path` held by `holder` may be taken over."""
    if holder.host == socket.gethostname() and holder.pid > 0 and not process_alive(holder.pid):
        return True
    try:
        age = (now if now is not None else folder_now(path.parent.parent)) - path.stat().st_mtime
    except OSError:
        return False
    return age > STALE_AFTER


def current_holder(folder: Path, key: str) -> tuple[Holder, bool] | None:
    """Who holds `key` and whether the lock is stale; None when nobody does."""
    path = lock_path(folder, key)
    holder = read_holder(path)
    if holder is None:
        return None
    return holder, is_stale(path, holder)


def _create(path: Path, holder: Holder) -> bool:
    """Make the lock file exclusively; False when it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as f:
        f.write(json.dumps(asdict(holder)).encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())
    return True


def acquire(folder: Path, key: str, holder: Holder) -> Holder:
    """Check `key` out for `holder`, or raise PageLockedError naming who has it.

    Taking a lock one already holds (same token) succeeds.
    """
    path = lock_path(folder, key)
    if _create(path, holder):
        return holder
    found = read_holder(path)
    if found is None:  # released between our try and our look: try once more
        if _create(path, holder):
            return holder
        found = read_holder(path) or Holder("?", "?", 0, "", "")
    if found.token and found.token == holder.token:
        return holder
    raise PageLockedError(key, found, is_stale(path, found))


def refresh(folder: Path, key: str, holder: Holder) -> bool:
    """Show that the holder still works (touch the lock). False if the lock is no longer
    ours (taken over or removed): the holder must stop saving and tell the person."""
    path = lock_path(folder, key)
    found = read_holder(path)
    if found is None or found.token != holder.token:
        return False
    try:
        os.utime(path)
    except OSError:
        return False
    return True


def release(folder: Path, key: str, holder: Holder) -> None:
    """Give the lock back if it is still ours (a lock taken over stays with its new holder)."""
    path = lock_path(folder, key)
    found = read_holder(path)
    if found is not None and found.token == holder.token:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def take_over(folder: Path, key: str, holder: Holder, seen: Holder) -> Holder:
    """Take a stale lock that the desk saw held by `seen` (after asking the person).

    One take-over at a time: the taker first makes the folder ``.<key>.takeover``
    (an exclusive, atomic create on local disks, SMB and NFS alike); a desk that
    finds it there lost the race. Under it the lock is checked to be still the one
    seen, removed and made anew. A normal `acquire` racing with it can only win the
    empty moment, and then this take-over fails: never two holders. A guard left by
    a taker that crashed is cleared after `STALE_AFTER`.
    """
    path = lock_path(folder, key)
    guard = path.with_name(f".{key}.takeover")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(guard)
    except FileExistsError:
        try:
            age = folder_now(folder) - guard.stat().st_mtime
        except OSError:
            age = 0.0
        if age <= STALE_AFTER:
            raise LockTakenError(key) from None
        with contextlib.suppress(OSError):
            os.rmdir(guard)
        try:
            os.mkdir(guard)
        except FileExistsError:
            raise LockTakenError(key) from None
    try:
        current = read_holder(path)
        if current is not None and current.token != seen.token:
            raise LockTakenError(key)
        if current is not None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        if not _create(path, holder):
            raise LockTakenError(key)
        return holder
    finally:
        with contextlib.suppress(OSError):
            os.rmdir(guard)
