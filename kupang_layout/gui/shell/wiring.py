"""GUI stage: the main window's menu commands, toolbar and panel keys wired to what they do.

Every action's slot runs inside the window's error boundary (`boundary.py`).
A panel's key (F11 for Styles) brings the panel to the front when another tab
of its dock group hides it, and hides it only when it is already in front, as
InDesign's panel keys do; the View menu shows that key beside the panel's name.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.panels.story_editor import StoryEditor
from kupang_layout.gui.shell.actions import TOOLS, Actions
from kupang_layout.gui.shell.boundary import Boundary, action_label
from kupang_layout.gui.shell.operations import Operations
from kupang_layout.gui.shell.status_display import DocumentStatus
from kupang_layout.gui.shell.text_editing import TextEditing

VIEW_TOGGLES = {
    "show_bleed": "bleed",
    "show_margins": "margins",
    "show_columns": "columns",
    "show_baseline": "baseline",
    "show_guides": "guides",
    "lock_guides": "guides_locked",
    "show_frame_edges": "frame_edges",
    "snap": "snap",
    "proof_colours": "proof_colours",
}
OPERATIONS = (
    "new",
    "open",
    "save",
    "save_as",
    "place",
    "export_png",
    "delete",
    "duplicate",
    "cut",
    "copy",
    "paste",
    "paste_in_place",
    "delete_guides",
    "select_all",
    "deselect",
    "prev_page",
    "next_page",
    "add_page",
    "delete_page",
    "bring_forward",
    "send_backward",
    "bring_front",
    "send_back",
    "lock",
    "unlock",
    "unlink",
)


class WiringHost(Protocol):
    """The main window whose actions are wired."""

    @property
    def doc(self) -> EditionSession: ...

    @property
    def acts(self) -> Actions: ...

    @property
    def boundary(self) -> Boundary: ...

    @property
    def canvas(self) -> PageCanvas: ...

    @property
    def ops(self) -> Operations: ...

    @property
    def story_editor(self) -> StoryEditor: ...

    @property
    def properties_dock(self) -> QDockWidget: ...

    @property
    def story_dock(self) -> QDockWidget: ...

    def statusBar(self) -> QStatusBar: ...

    def close(self) -> bool: ...

    def set_language(self, code: str) -> None: ...

    def about(self) -> None: ...


def run_operation(host: WiringHost, name: str) -> None:
    """The menu command `name` of Operations (looked up when it runs); Save of a page of a
    shared edition folder writes its page file (shared_edition.py)."""
    shared = getattr(host, "shared", None)
    if name == "save" and shared is not None and shared.active():
        shared.save()
        return
    getattr(host.ops, name)()


def connect_actions(host: WiringHost, status: DocumentStatus, texts: TextEditing) -> None:
    """Every menu command, tool and view toggle to its slot; the document's signals to the
    title and status bar."""
    a = host.acts
    b = host.boundary
    canvas = host.canvas
    doc = host.doc
    for action_id in OPERATIONS:
        b.connect_action(a[action_id], partial(run_operation, host, action_id))
    b.connect_action(a["quit"], host.close)
    b.connect_action(a["undo"], lambda: doc.undo())
    b.connect_action(a["redo"], lambda: doc.redo())
    b.connect_action(a["zoom_in"], lambda: canvas.zoom_step(1))
    b.connect_action(a["zoom_out"], lambda: canvas.zoom_step(-1))
    b.connect_action(a["fit_page"], lambda: canvas.fit_page())
    b.connect_action(a["actual_size"], lambda: canvas.actual_size())
    for action_id, option in VIEW_TOGGLES.items():
        a[action_id].toggled.connect(
            lambda on, name=option, act=a[action_id]: b.run(
                action_label(act), lambda: canvas.set_view_option(name, on)
            )
        )
    a["panel_properties"].toggled.connect(host.properties_dock.setVisible)
    a["panel_story"].toggled.connect(host.story_dock.setVisible)
    b.connect_action(a["lang_id"], lambda: host.set_language("id"))
    b.connect_action(a["lang_en"], lambda: host.set_language("en"))
    for name in TOOLS:
        b.connect_action(a["tool_" + name], partial(canvas.set_tool, name))
    canvas.tool_changed.connect(lambda n: a["tool_" + n].setChecked(True))
    b.connect_action(a["edit_story"], lambda: texts.edit_story())
    b.connect_action(a["edit_inplace"], lambda: texts.edit_inplace())
    b.connect_action(a["copyfit"], lambda: host.story_editor.copyfit.fit_story())
    b.connect_action(a["about"], lambda: host.about())
    canvas.text_requested.connect(
        lambda fid: b.run(action_label(a["edit_story"]), lambda: texts.open_text(fid))
    )
    canvas.zoom_changed.connect(status.show_zoom)
    canvas.pointer_moved.connect(status.show_pointer)
    canvas.message.connect(status.canvas_message)
    doc.changed.connect(status.model_changed)
    doc.selection_changed.connect(status.show_selection)
    doc.path_changed.connect(status.update_title)
    doc.page_changed.connect(status.update_title)
    doc.error.connect(lambda text: host.statusBar().showMessage(text, 6000))


def in_front(dock: QDockWidget) -> bool:
    """Whether the dock is shown and not hidden behind another tab of its group."""
    return not dock.isHidden() and not dock.visibleRegion().isEmpty()


def panel_key(dock: QDockWidget) -> None:
    """A panel's key: hidden → shown; behind another tab → in front; in front → hidden."""
    if dock.isHidden():
        dock.show()
        dock.raise_()
    elif not in_front(dock):
        dock.raise_()
    else:
        dock.hide()


def panel_action(window: QWidget, dock: QDockWidget, key: str) -> QAction:
    """The View menu's item for a dock with its key: the dock's own toggle action gives up
    the key to an action that brings the panel to the front first (`panel_key`)."""
    view = dock.toggleViewAction()
    view.setShortcut(QKeySequence())
    action = QAction(dock.windowTitle(), window)
    action.setObjectName("panel_" + dock.objectName().removeprefix("dock_"))
    action.setCheckable(True)
    action.setChecked(view.isChecked())
    action.setShortcut(QKeySequence(key))
    action.triggered.connect(lambda _on: panel_key(dock))
    action.triggered.connect(lambda _on: action.setChecked(view.isChecked()))
    view.toggled.connect(action.setChecked)
    dock.windowTitleChanged.connect(action.setText)
    window.addAction(action)
    return action
