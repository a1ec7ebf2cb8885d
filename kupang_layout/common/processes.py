"""Common stage: whether a process named in a temporary file or folder still runs."""

from __future__ import annotations

import os

__all__ = ["process_alive"]


def _zombie(pid: int) -> bool:
    """A process that has ended but was not reaped yet (Linux: state Z or X in /proc).

    A killed program's worker processes can stay zombies for a long time where the
    system's first process does not reap orphans (containers): they no longer run."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return False
    # "pid (name) state ...": the name may hold spaces and parentheses; the state follows
    # the last closing parenthesis.
    state = stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3]
    return state in (b"Z", b"X")


def process_alive(pid: int) -> bool:
    """True while process `pid` runs (POSIX). Elsewhere it cannot be asked: True."""
    if os.name != "posix":
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)
