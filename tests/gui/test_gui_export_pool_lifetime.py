"""The app's export workers (started in the background when it opens) end with the app:
the real app, offscreen, SIGTERM'd and SIGKILL'd once its pool is up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from process_helpers import command_line, descendants, proc_available

from kupang_layout.common.processes import process_alive

pytestmark = pytest.mark.skipif(not proc_available(), reason="finds the processes in /proc (Linux)")

DEADLINE_S = 5.0


def pool_workers(app: int) -> set[int]:
    """The app's spawned worker processes (multiprocessing's helper is not counted)."""
    return {
        pid
        for pid in descendants(app)
        if "spawn_main" in command_line(pid) and "resource_tracker" not in command_line(pid)
    }


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_the_apps_workers_end_with_it(tmp_path: Path, how: signal.Signals) -> None:
    home = tmp_path / "home"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "kupang_layout", "gui"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None:
            workers = pool_workers(app.pid)
            if len(workers) >= 1:
                time.sleep(1.0)  # every worker is started by then
                started = descendants(app.pid)
                break
            time.sleep(0.2)
        assert app.poll() is None, "the app ended by itself"
        assert pool_workers(app.pid), "the app started no export workers"
        os.kill(app.pid, how)
        app.wait(timeout=30)
        assert app.returncode == -how
        began = time.monotonic()
        while time.monotonic() - began < DEADLINE_S and any(map(process_alive, started)):
            time.sleep(0.02)
        left = [pid for pid in started if process_alive(pid)]
        assert left == [], f"still running {DEADLINE_S} s after the app: {left}"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        for pid in started:
            if process_alive(pid):
                os.kill(pid, signal.SIGKILL)
