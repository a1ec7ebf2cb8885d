"""common.lazy.defer_module: an eagerly imported optional module loads on first use only.

Each case runs in a fresh interpreter with a probe module that records being
executed, so the test process's own imports cannot hide a load.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_PROBE = """
import pathlib
pathlib.Path(__file__).with_suffix(".loaded").write_text("yes")
VALUE = 42
"""

_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
marker = Path(sys.argv[1], "deferred_probe.loaded")
from kupang_layout.common.lazy import defer_module
defer_module("deferred_probe")
defer_module("no_such_module_here")
print("missing registered:", "no_such_module_here" in sys.modules)
import deferred_probe                       # what a library's eager import does
stand_in = deferred_probe
print("loaded after import:", marker.exists())
print("value:", deferred_probe.VALUE)       # the first use imports the real module
print("loaded after use:", marker.exists())
import deferred_probe as again
print("real module registered:", again is not stand_in and again.VALUE == 42)
print("stand-in still answers:", stand_in.VALUE)
"""


def test_deferred_module_is_executed_on_first_attribute_use(tmp_path: Path) -> None:
    (tmp_path / "deferred_probe.py").write_text(_PROBE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.splitlines() == [
        "missing registered: False",
        "loaded after import: False",
        "value: 42",
        "loaded after use: True",
        "real module registered: True",
        "stand-in still answers: 42",
    ]


def test_an_imported_module_is_left_alone() -> None:
    from kupang_layout.common.lazy import defer_module

    before = sys.modules["json"] if "json" in sys.modules else __import__("json")
    defer_module("json")
    assert sys.modules["json"] is before
