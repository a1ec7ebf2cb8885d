"""Test helpers for processes a test starts: what they started in turn (from /proc, Linux)."""

from __future__ import annotations

from pathlib import Path

PROC = Path("/proc")


def proc_available() -> bool:
    return (PROC / "self" / "stat").is_file()


def _parents() -> dict[int, int]:
    """Every process's parent, from /proc."""
    out: dict[int, int] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_bytes()
        except OSError:
            continue  # ended meanwhile
        # "pid (name) state ppid ...": the name may hold spaces and parentheses.
        fields = stat[stat.rfind(b")") + 2 :].split()
        out[int(entry.name)] = int(fields[1])
    return out


def descendants(pid: int) -> set[int]:
    """The processes `pid` started, and theirs, now."""
    parents = _parents()
    found: set[int] = set()
    wanted = [pid]
    while wanted:
        parent = wanted.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found.add(child)
                wanted.append(child)
    return found


def command_line(pid: int) -> str:
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return ""
    return raw.replace(b"\0", b" ").decode(errors="replace")
