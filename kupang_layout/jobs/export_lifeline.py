"""Jobs stage: an export worker's tie to the program that started it (it ends with it).

The pool hands every worker the reading end of a pipe whose only writing end the
program keeps (`Lifeline`). However the program ends, by a normal exit, SIGINT,
SIGTERM or SIGKILL, the system closes that end, and a thread in each worker
(`watch_parent`) sees the end of the file at once and ends the worker together
with anything it started (Ghostscript): each worker leads a process group of its
own (POSIX), so the end is `killpg` on it. The worker also ends when it finds
itself handed to another parent (the pipe could be held open by a process the
program forked); it looks twice a second.

The program installs no signal handler for this: a handler in the app would only
run when Qt lets Python run, so SIGTERM would no longer end it at once.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

__all__ = ["Lifeline", "end_process_group", "watch_parent"]

POLL_S = 0.5  # how often a worker also checks who its parent is


class Lifeline:
    """The pipe between the program and one executor's workers. The program keeps
    `writer` open (it never writes); the workers watch `reader`."""

    def __init__(self, context: BaseContext | None = None) -> None:
        ctx = context or multiprocessing.get_context("spawn")
        self.reader, self.writer = ctx.Pipe(duplex=False)
        self.parent = os.getpid()

    def initargs(self) -> tuple[int, Connection]:
        """The arguments of `watch_parent`, the workers' initializer."""
        return (self.parent, self.reader)

    def cut(self) -> None:
        """Close the program's ends: the workers end themselves."""
        for end in (self.writer, self.reader):
            with contextlib.suppress(OSError):
                end.close()


def end_process_group(pid: int) -> None:
    """Kill process `pid` and, when it leads a process group (a worker does), the group
    (its Ghostscript with it). A process already gone is no error."""
    with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
        if hasattr(os, "killpg") and os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)


def _parent_gone(parent: int, reader: Connection) -> bool:
    """Wait up to POLL_S; true once the pipe has ended or the parent is another one."""
    try:
        if reader.poll(POLL_S):
            reader.recv_bytes()  # the program never writes: only the end comes
    except (EOFError, OSError):
        return True
    return os.getppid() != parent


def _watch(parent: int, reader: Connection) -> None:
    while not _parent_gone(parent, reader):
        pass
    # No cleanup in this process: the pages it was drawing are not wanted, and the
    # next export removes temporary files of processes that no longer run.
    if hasattr(os, "killpg") and os.getpgid(0) == os.getpid():
        end_process_group(os.getpid())
    os._exit(1)


def watch_parent(parent: int, reader: Connection) -> None:
    """A worker's initializer: lead a process group of its own (POSIX) and end, with the
    group, when the program that started it ends (see the module's docstring)."""
    if hasattr(os, "setpgid"):
        # Not for the terminal's Ctrl+C either: the program ends its workers itself.
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
    if os.getppid() != parent:  # the program is gone already
        _watch(parent, reader)
    threading.Thread(target=_watch, args=(parent, reader), name="lifeline", daemon=True).start()
