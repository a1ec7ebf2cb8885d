"""Storage: checking out pages of a shared edition, with real processes (exclusive create,
a SIGKILLed holder, racing take-overs)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kupang_layout.storage import checkout
from kupang_layout.storage.checkout import (
    LockTakenError,
    PageLockedError,
    acquire,
    current_holder,
    me,
    refresh,
    release,
    take_over,
)

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kupang_layout.storage.checkout import acquire, me, PageLockedError
    folder, key, user, hold = Path(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
    start = float(sys.argv[5])
    while time.time() < start:
        time.sleep(0.001)
    try:
        acquire(folder, key, me(user))
    except PageLockedError as exc:
        print("LOCKED", exc.holder.user, flush=True)
    else:
        print("GOT", user, flush=True)
        time.sleep(hold)
    """
)


def _child(folder: Path, key: str, user: str, hold: float, start: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), key, user, str(hold), str(start)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_second_desk_is_told_who_has_the_page(tmp_path: Path) -> None:
    rina = me("Rina")
    acquire(tmp_path, "page-02", rina)
    with pytest.raises(PageLockedError) as err:
        acquire(tmp_path, "page-02", me("Yos"))
    assert err.value.holder.user == "Rina"
    assert not err.value.stale
    assert acquire(tmp_path, "page-02", rina) == rina  # holding it again is fine
    release(tmp_path, "page-02", me("Yos"))  # not Yos's to release
    assert current_holder(tmp_path, "page-02") is not None
    release(tmp_path, "page-02", rina)
    assert current_holder(tmp_path, "page-02") is None


def test_exactly_one_of_many_processes_gets_the_page(tmp_path: Path) -> None:
    start = time.time() + 1.5
    children = [_child(tmp_path, "page-05", f"desk{i}", 1.0, start) for i in range(6)]
    outputs = [c.communicate(timeout=60)[0].split() for c in children]
    winners = [o[1] for o in outputs if o[0] == "GOT"]
    assert len(winners) == 1
    assert all(o == ["LOCKED", winners[0]] for o in outputs if o[0] == "LOCKED")


def test_a_killed_holder_leaves_a_stale_lock_that_can_be_taken_over(tmp_path: Path) -> None:
    child = _child(tmp_path, "page-07", "Rina", 60.0, time.time())
    assert child.stdout is not None
    assert child.stdout.readline().split() == ["GOT", "Rina"]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    found = current_holder(tmp_path, "page-07")
    assert found is not None
    holder, stale = found
    assert holder.user == "Rina" and stale
    with pytest.raises(PageLockedError) as err:
        acquire(tmp_path, "page-07", me("Yos"))
    assert err.value.stale
    yos = take_over(tmp_path, "page-07", me("Yos"), holder)
    found = current_holder(tmp_path, "page-07")
    assert found is not None and found[0].token == yos.token and not found[1]


def test_a_lock_not_refreshed_goes_stale_by_the_folders_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = checkout.Holder("Ani", "PC-LAYOUT-9", 4242, "2026-12-06T14:02:00+08:00", "abcd")
    path = checkout.lock_path(tmp_path, "page-03")
    path.parent.mkdir(parents=True)
    path.write_text(
        '{"user": "Ani", "host": "PC-LAYOUT-9", "pid": 4242, '
        '"since": "2026-12-06T14:02:00+08:00", "token": "abcd"}'
    )
    found = current_holder(tmp_path, "page-03")
    assert found == (other, False)
    old = time.time() - checkout.STALE_AFTER - 5
    os.utime(path, (old, old))
    assert current_holder(tmp_path, "page-03") == (other, True)
    assert not refresh(tmp_path, "page-03", me("Yos"))  # not Yos's lock


def test_racing_take_overs_leave_one_holder(tmp_path: Path) -> None:
    dead = checkout.Holder("Rina", "gone", 0, "", "dead")
    path = checkout.lock_path(tmp_path, "page-09")
    path.parent.mkdir(parents=True)
    path.write_text('{"user": "Rina", "host": "gone", "pid": 0, "since": "", "token": "dead"}')
    first = take_over(tmp_path, "page-09", me("Yos"), dead)
    with pytest.raises(LockTakenError):
        take_over(tmp_path, "page-09", me("Ani"), dead)
    found = current_holder(tmp_path, "page-09")
    assert found is not None and found[0].token == first.token


TAKE_OVER_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kupang_layout.storage.checkout import Holder, LockTakenError, me, take_over
    folder, user, start = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    dead = Holder("Rina", "gone", 0, "", "dead")
    while time.time() < start:
        time.sleep(0.001)
    try:
        got = take_over(folder, "page-11", me(user), dead)
    except LockTakenError:
        print("LOST", flush=True)
    else:
        print("WON", got.token, flush=True)
    """
)


def test_processes_racing_to_take_over_leave_exactly_one_holder(tmp_path: Path) -> None:
    for _ in range(10):
        path = checkout.lock_path(tmp_path, "page-11")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('{"user": "Rina", "host": "gone", "pid": 0, "since": "", "token": "dead"}')
        start = time.time() + 1.0
        children = [
            subprocess.Popen(
                [sys.executable, "-c", TAKE_OVER_CHILD, str(tmp_path), f"d{i}", str(start)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for i in range(5)
        ]
        outputs = [c.communicate(timeout=60)[0].split() for c in children]
        winners = [o[1] for o in outputs if o[0] == "WON"]
        assert len(winners) == 1, outputs
        found = current_holder(tmp_path, "page-11")
        assert found is not None and found[0].token == winners[0]
        path.unlink()
