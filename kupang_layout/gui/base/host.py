"""GUI stage: what a dialog, dock or window part needs from the main window it belongs to.

The parts below the shell never import the main window: they are given a host that
has these members (the shell's `MainWindow` has them all, and passes itself). So the
dependency runs one way: the shell imports the parts, the parts know only this
interface.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMainWindow, QStatusBar, QWidget

from kupang_layout.gui.base.session import EditionSession


class WindowHost(Protocol):
    """The window a part works in: the open edition, the language, the status bar."""

    @property
    def doc(self) -> EditionSession: ...

    @property
    def language(self) -> str: ...

    def window(self) -> QWidget:
        """The top-level widget (every QWidget has it): the parent of dialogs and boxes."""
        ...

    def statusBar(self) -> QStatusBar: ...


def main_window_of(host: WindowHost) -> QMainWindow:
    """The host's QMainWindow, for the parts that add a dock to it."""
    top = host.window()
    if not isinstance(top, QMainWindow):  # pragma: no cover - the shell's window is one
        raise TypeError(f"{type(top).__name__} is not a main window")
    return top
