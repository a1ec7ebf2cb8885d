"""Test-only entry point: the real desktop app copying frames to, or pasting them from, the
system clipboard, for the test of the clipboard between two running copies of the program.

Run as a subprocess under an X server (never imported by the product)::

    python tests/clipboard_child.py copy OUT EDITION   # copy f-photo, f-head; stay to OUT/done
    python tests/clipboard_child.py paste OUT EDITION  # wait for frames, paste, save

The app is started through the command line's own `main(["gui", EDITION])`; the menu
commands (Copy, Paste, Save) are triggered as the menu or their keys trigger them. Under
X11 the clipboard belongs to the copying process and is served from it, so the copy
scenario keeps its app running until the paste scenario has finished.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kupang_layout.cli.main import main
from kupang_layout.editing.clipboard import MIME_TYPE
from kupang_layout.gui.shell.app import application
from kupang_layout.gui.shell.main_window import MainWindow

WAIT_SECONDS = 30.0


def the_window() -> MainWindow:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert len(found) == 1, found
    return found[0]


def copy(out: Path) -> None:
    """Select the photo and the headline, Copy; then wait for OUT/done and close."""
    window = the_window()
    window.doc.set_selection(["f-photo", "f-head"])
    window.acts["copy"].trigger()
    mime = QGuiApplication.clipboard().mimeData()
    state = {
        "frames": mime is not None and mime.hasFormat(MIME_TYPE),
        "text": QGuiApplication.clipboard().text(),
    }
    (out / "copied.json").write_text(json.dumps(state), encoding="utf-8")
    end = time.monotonic() + 4 * WAIT_SECONDS

    def wait_for_done() -> None:
        if (out / "done").exists() or time.monotonic() > end:
            window.confirm_close = False
            window.close()
            return
        QTimer.singleShot(100, wait_for_done)

    wait_for_done()


def paste(out: Path) -> None:
    """Wait until another program's frames are on the clipboard, Paste, Save, close."""
    window = the_window()
    end = time.monotonic() + WAIT_SECONDS

    def try_paste() -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if (mime is None or not mime.hasFormat(MIME_TYPE)) and time.monotonic() < end:
            QTimer.singleShot(200, try_paste)
            return
        window.acts["paste"].trigger()
        pasted = [f.id for f in window.doc.selected_frames()]
        window.acts["save"].trigger()
        state = {"pasted": pasted, "modified": window.doc.history.is_modified}
        (out / "pasted.json").write_text(json.dumps(state), encoding="utf-8")
        window.confirm_close = False
        window.close()

    try_paste()


def child_main(argv: list[str]) -> int:
    scenario, out, edition = argv[0], Path(argv[1]), argv[2]
    step: Callable[[], None]
    if scenario == "copy":
        step = lambda: copy(out)  # noqa: E731
    elif scenario == "paste":
        step = lambda: paste(out)  # noqa: E731
    else:
        raise SystemExit(f"unknown scenario {scenario!r}")
    application()
    QTimer.singleShot(0, lambda: QTimer.singleShot(300, step))  # after the app's start-up
    return main(["gui", edition])


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
