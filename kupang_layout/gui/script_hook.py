"""GUI stage: a test hook: run a Python file inside the started app (KUPANG_LAYOUT_TEST_SCRIPT).

When the environment variable names a file, `kupang-layout gui` executes it
once the event loop runs, with `window` (the MainWindow) and `app` (the
QApplication) in its globals. Tests use it to edit through the model commands
in a real app process, which they then kill or let close. Nothing happens when
the variable is not set.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from kupang_layout.gui.main_window import MainWindow

SCRIPT_ENV = "KUPANG_LAYOUT_TEST_SCRIPT"


def run_test_script(window: MainWindow) -> bool:
    """Run the file named by KUPANG_LAYOUT_TEST_SCRIPT; False when there is none."""
    name = os.environ.get(SCRIPT_ENV, "").strip()
    if not name:
        return False
    path = Path(name)
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    exec(
        code,
        {"__name__": "__kupang_test_script__", "window": window, "app": QApplication.instance()},
    )
    return True
