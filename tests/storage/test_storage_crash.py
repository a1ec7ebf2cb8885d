"""Crash test: a process saving editions A and B in turn is killed at random moments.

After every kill the file opens, whole, as exactly A or exactly B; leftover
temporary files are ignored by loading and removed by the next save.
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
from storage_crash_child import build_editions

from kupang_layout.model import Edition, MemoryAssets
from kupang_layout.storage import backup_path, edition_to_json, load_edition, save_edition

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

KILLS = 60


def _expected() -> tuple[
    list[tuple[Edition, MemoryAssets]], list[dict[str, object]], list[dict[str, bytes]]
]:
    pairs = build_editions()
    docs = [edition_to_json(ed) for ed, _ in pairs]
    data = [{sha: src.read(sha) for sha in ed.assets} for ed, src in pairs]
    return pairs, docs, data


def _check_whole(path: Path, docs: list[dict[str, object]], data: list[dict[str, bytes]]) -> int:
    """The file is exactly edition A (0) or B (1), images included."""
    ed = load_edition(path)
    doc = edition_to_json(ed)
    assert doc in docs, f"{path.name} is neither A nor B"
    which = docs.index(doc)
    assert {sha: ed.asset_source.read(sha) for sha in ed.assets} == data[which]
    return which


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and "saving" in p.name)


def _saver(target: Path, pairs: list[tuple[Edition, MemoryAssets]], first: int) -> None:
    """The forked child: save A, B, A, ... (or B, A, ...) until killed. Never returns."""
    try:
        i = first
        while True:
            ed, source = pairs[i % 2]
            ed.asset_source = source
            # two editions alternately over one file: a stale save by design (the
            # revision check would refuse it), so the saver overwrites on purpose
            save_edition(ed, target, overwrite_changes=True)
            i += 1
    except BaseException:  # the child must never fall back into pytest
        os._exit(3)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_killed_saves_leave_a_whole_edition(tmp_path: Path) -> None:
    pairs, docs, data = _expected()
    target = tmp_path / "edisi.kpl"
    save_edition(pairs[0][0], target)
    rng = random.Random(20241014)
    seen = [0, 0]
    mid_save = 0
    started = time.monotonic()
    for _ in range(KILLS):
        first = rng.randrange(2)
        pid = os.fork()
        if pid == 0:
            _saver(target, pairs, first)
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            "saver died by itself"
        )
        if _temp_files(tmp_path):
            mid_save += 1
        seen[_check_whole(target, docs, data)] += 1
        if backup_path(target).exists():
            _check_whole(backup_path(target), docs, data)
    elapsed = time.monotonic() - started
    print(
        f"\ncrash test: {KILLS} kills, {mid_save} mid-save (temp file left), "
        f"A={seen[0]} B={seen[1]}, {elapsed:.1f} s"
    )
    assert seen[0] > 0 and seen[1] > 0, "the kills never caught one of the editions"
    assert mid_save > 0, "no kill landed in the middle of a save"
    # the next save removes what the killed processes left behind
    ed, source = pairs[1]
    ed.asset_source = source
    save_edition(ed, target)
    assert _temp_files(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edisi.kpl", "edisi.kpl.bak"]
    assert _check_whole(target, docs, data) == 1


def test_killed_separate_interpreter_leaves_a_whole_edition(tmp_path: Path) -> None:
    """The same with a freshly started interpreter (no fork), a few times."""
    pairs, docs, data = _expected()
    target = tmp_path / "edisi.kpl"
    save_edition(pairs[0][0], target)
    script = Path(__file__).parents[1] / "storage_crash_child.py"
    rng = random.Random(7)
    for _ in range(4):
        child = subprocess.Popen(
            [sys.executable, str(script), str(target)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.3))
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
        child.stdout.close()
        _check_whole(target, docs, data)
