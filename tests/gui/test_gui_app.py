"""Starting the desktop app: `kupang-layout gui FILE` opens the edition in a window."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from qt_samples import sample_edition

from kupang_layout.cli import cmd_gui
from kupang_layout.gui.shell import app as gui_app
from kupang_layout.gui.shell import operations
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.storage import save_edition


def test_gui_command_opens_the_file(tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "edisi.kpl"
    save_edition(sample_edition(n_words=200), path)
    opened: list[MainWindow] = []
    real_open = gui_app.open_window

    def spy(p: Path | None = None, language: str | None = None) -> MainWindow:
        window = real_open(p, language)
        window.confirm_close = False
        opened.append(window)
        return window

    monkeypatch.setattr(gui_app, "open_window", spy)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    code = cmd_gui.run(argparse.Namespace(file=str(path), lang="en"))
    assert code == 0
    window = opened[0]
    assert window.doc.path == path
    assert window.doc.edition.stories["s-body"].word_count() > 100
    assert window.windowTitle().startswith("edisi.kpl")
    assert window.doc.display_list() is not None
    window.close()


def test_a_broken_file_is_reported_not_raised(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "rusak.kpl"
    bad.write_bytes(b"not a zip")
    shown: list[str] = []
    monkeypatch.setattr(operations.Operations, "error_box", lambda self, text: shown.append(text))
    window = gui_app.open_window(bad, "id")
    window.confirm_close = False
    assert shown and "rusak.kpl" in shown[0]
    assert window.doc.path is None and len(window.doc.edition.pages) == 1
    window.close()
