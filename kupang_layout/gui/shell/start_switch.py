"""GUI stage: the main window between the start screen and the page.

With no edition open (the app started without a file) the start screen takes
the page's place (`start_screen.py`), the docks and the toolbar hidden; opening
or making an edition brings the page back with the docks as the desk left them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QStackedWidget, QToolBar, QWidget

from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.shell.actions import Actions
from kupang_layout.gui.shell.boundary import Boundary, action_label
from kupang_layout.gui.shell.operations import Operations
from kupang_layout.gui.shell.start_screen import StartScreen
from kupang_layout.gui.shell.window_layout import WindowLayout


class StartSwitch:
    """Shows the start screen or the page in one window's central stack."""

    def __init__(
        self,
        stack: QStackedWidget,
        editor_area: QWidget,
        start_screen: StartScreen,
        toolbar: QToolBar,
        canvas: PageCanvas,
        layout: WindowLayout,
    ) -> None:
        self.stack = stack
        self.editor_area = editor_area
        self.start_screen = start_screen
        self.toolbar = toolbar
        self.canvas = canvas
        self.layout = layout
        stack.addWidget(editor_area)
        stack.addWidget(start_screen)

    def connect(self, acts: Actions, boundary: Boundary, ops: Operations) -> None:
        """The start screen's buttons and recent list run the File menu's commands."""
        screen = self.start_screen
        b = boundary
        screen.new_requested.connect(lambda: b.run(action_label(acts["new"]), ops.new))
        screen.open_requested.connect(lambda: b.run(action_label(acts["open"]), lambda: ops.open()))
        screen.open_shared_requested.connect(lambda: acts["open_shared"].trigger())
        screen.recent_chosen.connect(
            lambda path: b.run(action_label(acts["open"]), lambda: self._open_recent(ops, path))
        )
        ops.doc.path_changed.connect(self.leave_start)

    def _open_recent(self, ops: Operations, path: Path) -> None:
        if self.start_showing():
            ops.open(path)

    def start_showing(self) -> bool:
        return self.stack.currentWidget() is self.start_screen

    def show_start(self) -> None:
        """The start screen in the page's place; the docks hidden until an edition opens."""
        if self.start_showing():
            return
        self.layout.hide_docks()
        self.start_screen.refresh()
        self.stack.setCurrentWidget(self.start_screen)
        self.toolbar.hide()
        self.start_screen.new_button.setFocus()

    def leave_start(self) -> None:
        if not self.start_showing():
            return
        self.stack.setCurrentWidget(self.editor_area)
        self.layout.show_docks()
        self.toolbar.show()
        self.canvas.fit_page()
        self.canvas.setFocus()
