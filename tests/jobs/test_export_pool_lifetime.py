"""The export's worker processes end with the program that started them, however it ends.

A real `kupang-layout export` (it starts the pool for two pages or more) is stopped
while its pages are being drawn and measured by Ghostscript: by SIGTERM, by SIGKILL
(nothing of it runs to clean up), by SIGINT (Ctrl+C), and once left to finish. Every
process it started (workers, their Ghostscript, multiprocessing's helper), found in
/proc while it ran, must be gone within a few seconds (a zombie counts as gone).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from process_helpers import descendants, proc_available
from trust_files_helpers import small_edition

from kupang_layout.common.processes import process_alive

pytestmark = pytest.mark.skipif(not proc_available(), reason="finds the processes in /proc (Linux)")

PAGES = tuple(range(1, 9))
DEADLINE_S = 5.0


def start_export(tmp_path: Path) -> subprocess.Popen[str]:
    edition = small_edition(tmp_path / "edisi.kpl", numbers=PAGES, photo_on=2)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.Popen(
        [sys.executable, "-m", "kupang_layout", "export", str(edition), "--out",
         str(tmp_path / "pdf"), "--all", "--ink-check=ghostscript"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # a group of its own: the test cleans up after a failure
    )  # fmt: skip


def workers_while_running(child: subprocess.Popen[str]) -> set[int]:
    """The processes the export started, once its first page is finished."""
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("[1/"):
            break
    else:
        pytest.fail("the export ended before its first page: " + (child.stderr or "").__str__())
    started = descendants(child.pid)
    assert len(started) >= 2, started  # the pool's workers (and multiprocessing's helper)
    assert child.poll() is None, "the export ended already: the test proves nothing"
    return started


def seconds_until_gone(pids: set[int]) -> float:
    began = time.monotonic()
    while time.monotonic() - began < DEADLINE_S:
        if not any(process_alive(pid) for pid in pids):
            return time.monotonic() - began
        time.sleep(0.02)
    return float("inf")


def ended(child: subprocess.Popen[str], started: set[int]) -> float:
    try:
        child.wait(timeout=60)
        return seconds_until_gone(started)
    finally:
        left = {pid for pid in started if process_alive(pid)}
        for pid in left:  # leave nothing behind for the next tests, even on a failure
            os.kill(pid, signal.SIGKILL)
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        child.stderr.close()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_the_workers_end_when_the_export_is_killed(tmp_path: Path, how: signal.Signals) -> None:
    child = start_export(tmp_path)
    started = workers_while_running(child)
    os.kill(child.pid, how)
    took = ended(child, started)
    assert child.returncode == -how
    assert took <= DEADLINE_S, f"still running after {DEADLINE_S} s"
    print(f"{how.name}: {len(started)} processes gone {took:.2f} s after the export ended")


def test_the_workers_end_when_the_export_is_interrupted(tmp_path: Path) -> None:
    child = start_export(tmp_path)
    started = workers_while_running(child)
    asked = time.monotonic()
    os.kill(child.pid, signal.SIGINT)
    took = ended(child, started)
    assert child.returncode == 130  # the command line's answer to Ctrl+C
    assert took <= DEADLINE_S, f"still running after {DEADLINE_S} s"
    total = time.monotonic() - asked
    print(f"SIGINT: {len(started)} processes gone {total:.2f} s after Ctrl+C")


def test_the_workers_end_when_the_export_finishes(tmp_path: Path) -> None:
    child = start_export(tmp_path)
    started = workers_while_running(child)
    took = ended(child, started)
    assert child.returncode == 0
    assert len(list((tmp_path / "pdf").glob("*.pdf"))) == len(PAGES)
    assert took <= DEADLINE_S, f"still running after {DEADLINE_S} s"
