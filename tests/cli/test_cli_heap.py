"""The command line settles its import heap in a run of the program only (common.heap)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from kupang_layout.cli.main import main

MANUSCRIPT = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "samples"
    / "manuscripts"
    / "02-halaman-2-hutan-mutis.txt"
)

_PROGRAM = """
import gc, sys
from kupang_layout.cli.main import main
sys.argv = ["kupang-layout", "parse", sys.argv[1]]
code = main()
print("FROZEN", gc.get_freeze_count())
"""


def test_a_run_of_the_program_freezes_the_import_heap() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(MANUSCRIPT)],
        capture_output=True,
        text=True,
        check=True,
    )
    frozen = int(done.stdout.rsplit("FROZEN", 1)[1])
    assert frozen > 10_000  # the modules the command imported, and more


def test_a_call_from_a_test_leaves_the_callers_heap_alone() -> None:
    before = gc.get_freeze_count()
    assert main(["parse", str(MANUSCRIPT)]) == 0
    assert gc.get_freeze_count() == before
