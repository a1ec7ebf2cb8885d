"""The one atomic writer under SIGKILL: the target is always wholly old or wholly new.

A child process writes a large file through `common.atomic.write_atomically` again
and again (each version a different content with its own checksum at the end);
the parent kills it outright at a random moment, 60 times. After each kill the
target must be one complete version, and the next write (by another process)
removes the dead process's `.saving` file.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kupang_layout.common.atomic import stale_temp_files, write_atomically

KILLS = 60
SIZE = 4 * 1024 * 1024

CHILD = r"""
import hashlib, os, sys
from kupang_layout.common.atomic import write_atomically
target, size = sys.argv[1], int(sys.argv[2])
n = 0
while True:
    n += 1
    body = (b"%d:%d:" % (os.getpid(), n)) * (size // 16)
    body = body[:size]
    write_atomically(target, body + hashlib.sha256(body).digest())
    if n == 1:
        print("ready", flush=True)
"""


def whole(data: bytes) -> bool:
    """One complete version: the last 32 bytes are the SHA-256 of the rest."""
    return len(data) > 32 and hashlib.sha256(data[:-32]).digest() == data[-32:]


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_writer_leaves_old_or_new_and_next_write_cleans(tmp_path: Path) -> None:
    target = tmp_path / "edisi.kpl"
    first = b"original" * 1000
    write_atomically(target, first + hashlib.sha256(first).digest())
    rng = random.Random()
    versions: set[bytes] = set()
    leftovers = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target), str(SIZE)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # A random point inside the loop of writes (each takes a few milliseconds).
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        data = target.read_bytes()
        assert whole(data), "the target is neither the old nor the new content"
        versions.add(hashlib.sha256(data).digest())
        dead = stale_temp_files(target)
        leftovers += len(dead)
        # The next write, by another process, removes what the dead one left.
        cleaner = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from kupang_layout.common.atomic import write_atomically as w; "
                "w(sys.argv[1], open(sys.argv[1], 'rb').read())",
                str(target),
            ],
            check=True,
        )
        assert cleaner.returncode == 0
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".saving")]
        assert whole(target.read_bytes())
    # The kills landed at different points: many different versions were found, and
    # some kills hit a write in progress (its temporary file was there to clean up).
    assert len(versions) > KILLS // 2
    assert leftovers > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edisi.kpl"]
