"""Jobs stage: the export's worker processes, started once per program run and fed pages.

One `ProcessPoolExecutor` per process (`shared_pool()`), with the 'spawn' start
method (safe beside a running Qt application, the same on Linux, macOS and
Windows). `ExportPool.start()` makes the workers and has each import the
renderer and the PDF checks at once, without waiting for them: the app calls it
when it opens, the command line when it exports two pages or more. The pool
then stays up; each export only submits page work items and PDF checks.

A worker that dies breaks the executor; the pool notices (`BrokenProcessPool`)
and makes a new one for the next task.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from kupang_layout.jobs.export_work import warm_worker

__all__ = ["ExportPool", "default_workers", "shared_pool"]

T = TypeVar("T")


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class ExportPool:
    """A process pool for page work, started once and kept."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self._executor is not None

    def start(self) -> None:
        """Start the workers (each imports the renderer); returns at once."""
        with self._lock:
            if self._executor is not None:
                return
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
            # Each submission finds no idle worker yet, so each starts one process.
            for _ in range(self.workers):
                self._executor.submit(warm_worker)

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        self.start()
        with self._lock:
            assert self._executor is not None
            return self._executor.submit(fn, *args)

    def discard_broken(self) -> None:
        """Forget an executor a dead worker broke; the next task starts a new one."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        """The worker processes' ids (for the benchmarks' memory figures)."""
        with self._lock:
            processes = getattr(self._executor, "_processes", None) or {}
            return [int(pid) for pid in processes]

    def shutdown(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


_shared: ExportPool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> ExportPool:
    """This process's export pool (made on first use, shut down when the program ends)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ExportPool()
            atexit.register(_shared.shutdown)
        return _shared
