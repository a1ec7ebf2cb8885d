"""Temporary work in per-run folders, cleaned after a kill (H13).

An export is killed outright (SIGKILL to its process group: the command and its
worker processes) while it checks the pages it wrote, a few times; then a command
starts. No run folder of a dead process, no `kupang-ink-*` folder, no hidden
`.pikepdf*` file and nothing in the system's temporary folder may remain, and the
next export leaves no temporary file of the killed ones in the output folder.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from trust_files_helpers import cli, small_edition

KILLS = 4


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process groups are POSIX")
def test_killed_exports_leave_nothing_after_the_next_start(tmp_path: Path) -> None:
    edition = small_edition(tmp_path / "edisi.kpl", numbers=tuple(range(1, 9)), photo_on=2)
    cache, systmp, out = tmp_path / "cache", tmp_path / "systmp", tmp_path / "pdf"
    systmp.mkdir()
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), TMPDIR=str(systmp))
    runs = cache / "kupang-layout" / "run"
    rng = random.Random()
    left_behind = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "kupang_layout", "export", str(edition), "--out", str(out),
             "--force", "--combined", "--all", "--ink-check", "ghostscript"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            start_new_session=True,
        )  # fmt: skip
        assert child.stdout is not None
        # Wait for the first page: the others are being drawn and checked (a page is
        # reported when its PDF check is done). --all: unchanged pages are drawn again;
        # Ghostscript measures every page (a page whose ink the painter proves needs no
        # run folder, and these pages are proven: the kills would find nothing to leave).
        for line in child.stdout:
            if line.startswith("[1/8]"):
                break
        time.sleep(rng.uniform(0.0, 0.5))  # pages 2 to 8 are still being drawn or checked
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        left_behind += len(list(runs.iterdir())) if runs.is_dir() else 0
    assert left_behind > 0, "no kill left a run folder: the test proved nothing"
    # A command starts (and cleans the run folders of dead processes).
    r = cli("preflight", str(edition), env=env)
    assert r.returncode in (0, 1), r.stderr
    assert not runs.is_dir() or list(runs.iterdir()) == []
    assert [p for p in cache.rglob("kupang-ink-*")] == []
    assert list(systmp.iterdir()) == []
    assert [p.name for p in out.iterdir() if p.name.startswith(".pikepdf")] == []
    # The next export removes what the killed writes left in the output folder.
    r = cli("export", str(edition), "--out", str(out), "--force", "--combined", env=env)
    assert r.returncode == 0, r.stderr
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
    assert list(systmp.iterdir()) == []
