"""Test-only entry point: the real desktop app, started as `kupang-layout gui` starts it, driven
by a scenario once its event loop runs.

Run as a subprocess (never imported by the product)::

    python tests/app_child.py edit OUT PHOTO EDITION   # edit, then wait to be killed
    python tests/app_child.py recover OUT              # answer the recovery offer, report, close

The app is started through the command line's own `main(["gui", ...])`, so everything the
installed program does at start (language, stale run folders, the error boundary, the offer
to recover after a crash) happens here too. Before that, the scenario is queued on the
event loop of the QApplication the app will use; it runs after the app's own start-up
work (the recovery offer included), as a person's first actions would.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kupang_layout.cli.main import main
from kupang_layout.gui.canvas import images
from kupang_layout.gui.shell.app import application
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import MovePage, Paragraph, SetFrameRect, SetStoryParagraphs
from kupang_layout.storage import edition_to_json, save_edition


def the_window() -> MainWindow:
    """The app's main window (the one top-level MainWindow)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert len(found) == 1, found
    return found[0]


def edit(out: Path, photo: Path) -> None:
    """Edits through the model commands, as the GUI makes them; then the expected document."""
    window = the_window()
    doc = window.doc
    ed = doc.edition
    window.confirm_close = False
    story = next(iter(ed.stories))
    doc.execute(SetStoryParagraphs(story, [Paragraph.plain("Body", "Teks yang dipulihkan.")]))
    frame = ed.pages[0].frames[0]
    doc.execute(SetFrameRect(frame.id, frame.rect.moved(5.0, 7.0)))
    window.ops.add_page()
    doc.execute(MovePage(ed.pages[-1].id, 0))
    doc.set_selection([])
    images.place_files(doc, [photo], 100.0, 100.0)  # a picture never saved anywhere
    (out / "expected.json").write_text(json.dumps(edition_to_json(ed)), encoding="utf-8")


def recover(out: Path) -> None:
    """Click Recover in the offer, then report what the app shows and close it."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        (out / "question.txt").write_text(box.text(), encoding="utf-8")
        button = box.findChild(QPushButton, "recover")
        assert isinstance(button, QPushButton)
        button.click()
        QTimer.singleShot(200, report)

    def report() -> None:
        window = the_window()
        doc = window.doc
        state = {
            "document": edition_to_json(doc.edition),
            "path": str(doc.path) if doc.path else None,
            "modified": doc.history.is_modified,
        }
        (out / "recovered.json").write_text(json.dumps(state), encoding="utf-8")
        save_edition(doc.edition, out / "recovered.kpl")  # every picture must be readable
        window.confirm_close = False
        window.close()

    QTimer.singleShot(50, answer)


def child_main(argv: list[str]) -> int:
    scenario, out = argv[0], Path(argv[1])
    gui_args = ["gui"]
    step: Callable[[], None]
    if scenario == "edit":
        photo, edition = Path(argv[2]), argv[3]
        gui_args.append(edition)
        step = lambda: edit(out, photo)  # noqa: E731
    elif scenario == "recover":
        step = lambda: recover(out)  # noqa: E731
    else:
        raise SystemExit(f"unknown scenario {scenario!r}")
    application()  # the QApplication the app will use, so the scenario can be queued on it
    # Queued now, it would run before the app's start-up timers; re-queued once the loop
    # runs, it comes after them (the recovery offer first, as at a real start).
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, step))
    return main(gui_args)


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
