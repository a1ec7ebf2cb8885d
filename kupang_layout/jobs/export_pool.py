"""Jobs stage: the export's worker processes, started once per program run and fed pages.

One `ProcessPoolExecutor` per process (`shared_pool()`), with the 'spawn' start
method (safe beside a running Qt application, the same on Linux, macOS and
Windows). `ExportPool.start()` makes the workers and has each import the
renderer and the PDF checks at once, without waiting for them: the app calls it
when it opens, the command line when it exports two pages or more. The pool
then stays up; each export only submits page work items and PDF checks.

A worker that dies breaks the executor; the pool notices (`BrokenProcessPool`)
and makes a new one for the next task.

The workers end with the program, however it ends (`export_lifeline`: a pipe
whose end only the program holds; SIGKILL included): none is left running. An
export interrupted (Ctrl+C: KeyboardInterrupt) ends them at once (`terminate`)
instead of waiting for the pages they are drawing.

Background work (the photo warm-up, `jobs/photo_warmup.py`) goes in through
`submit_background`, which refuses while an export runs (`exporting()`); an
export starting cancels background tasks the pool has not begun, so its pages
go first.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from kupang_layout.jobs.export_work import warm_worker

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from kupang_layout.jobs.export_lifeline import Lifeline

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
        self._lifeline: Lifeline | None = None  # the executor's workers end when it is cut
        # Re-entrant: Ctrl+C may interrupt the main thread just after it took the lock
        # (a `with` block entered but not begun leaves it taken), and the same thread
        # then ends the pool in its KeyboardInterrupt handler (`terminate`).
        self._lock = threading.RLock()
        self._exports = 0  # exports running now
        self._background: set[Future[Any]] = set()

    @property
    def exporting_now(self) -> bool:
        """Whether an export is running (background work waits)."""
        with self._lock:
            return self._exports > 0

    @contextmanager
    def exporting(self) -> Iterator[None]:
        """An export runs inside: background tasks not yet begun are cancelled and no
        new ones are taken until it ends."""
        with self._lock:
            self._exports += 1
            waiting = list(self._background)
        for future in waiting:
            future.cancel()  # only those the pool has not begun
        try:
            yield
        finally:
            with self._lock:
                self._exports -= 1

    def submit_background(self, fn: Callable[..., T], *args: Any) -> Future[T] | None:
        """Submit lowest-priority work, or None (nothing submitted) while an export runs."""
        self.start()
        with self._lock:
            if self._exports or self._executor is None:
                return None
            future = self._executor.submit(fn, *args)
            self._background.add(future)
        future.add_done_callback(self._background_done)
        return future

    def _background_done(self, future: Future[Any]) -> None:
        with self._lock:
            self._background.discard(future)

    @property
    def started(self) -> bool:
        return self._executor is not None

    def start(self) -> None:
        """Start the workers (each imports the renderer); returns at once."""
        with self._lock:
            if self._executor is not None:
                return
            # Imported here, when a pool first starts: an export drawn in this process
            # (one page) never loads multiprocessing (some 4 ms of a cold start).
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from kupang_layout.jobs.export_lifeline import Lifeline, watch_parent

            context = multiprocessing.get_context("spawn")
            self._lifeline = Lifeline(context)
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=watch_parent,
                initargs=self._lifeline.initargs(),
            )
            # Each submission finds no idle worker yet, so each starts one process.
            for _ in range(self.workers):
                self._executor.submit(warm_worker)

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        self.start()
        with self._lock:
            assert self._executor is not None
            return self._executor.submit(fn, *args)

    def _take(self) -> tuple[ProcessPoolExecutor | None, Lifeline | None]:
        with self._lock:
            taken = self._executor, self._lifeline
            self._executor, self._lifeline = None, None
        return taken

    def discard_broken(self) -> None:
        """Forget an executor a dead worker broke; the next task starts a new one."""
        executor, lifeline = self._take()
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        if lifeline is not None:
            lifeline.cut()  # any worker still there ends

    def terminate(self) -> None:
        """End the workers now, the pages they are drawing (and their Ghostscript) with
        them; the next task starts new ones."""
        with self._lock:
            processes = dict(getattr(self._executor, "_processes", None) or {})
        executor, lifeline = self._take()
        if lifeline is not None:
            lifeline.cut()
        if processes:
            from kupang_layout.jobs.export_lifeline import end_process_group  # loaded by start

            for pid in processes:
                end_process_group(int(pid))
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        """The worker processes' ids (for the benchmarks' memory figures)."""
        with self._lock:
            processes = getattr(self._executor, "_processes", None) or {}
            return [int(pid) for pid in processes]

    def shutdown(self) -> None:
        """Let the workers finish their tasks and end (the program's normal exit)."""
        executor, lifeline = self._take()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        if lifeline is not None:
            lifeline.cut()


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
