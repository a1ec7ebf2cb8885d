"""GUI stage: a shared edition's page shown read-only: its editing actions off, no clicks or keys.

A page another desk has checked out (or took over from this one) is shown but
not changed: the actions that would change it are disabled, the canvas takes no
clicks, keys or drops (scrolling and zoom still work), and the Select tool is
the one in hand. Made writable again, Undo and Redo follow the history.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.shell.actions import Actions

#: Actions that change the page: disabled while it is read-only.
EDIT_ACTIONS = (
    "save",
    "place",
    "import_manuscript",
    "delete",
    "duplicate",
    "cut",
    "paste",
    "paste_in_place",
    "delete_guides",
    "copyfit",
    "add_page",
    "delete_page",
    "duplicate_page",
    "apply_template",
    "bring_forward",
    "send_backward",
    "bring_front",
    "send_back",
    "lock",
    "unlock",
    "unlink",
    "edit_inplace",
    "tool_text",
    "tool_image",
    "tool_rule",
    "tool_box",
    "undo",
    "redo",
)
BLOCKED_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.KeyPress,
    QEvent.Type.Drop,
    QEvent.Type.DragEnter,
}


class ReadOnlyGuard(QObject):
    """Keeps a read-only page unchanged: the actions off, the canvas's input filtered."""

    def __init__(
        self, doc: EditionSession, acts: Actions, canvas: QWidget, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.acts = acts
        for target in (canvas, *canvas.findChildren(QWidget)):
            target.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """A read-only page takes no clicks, keys or drops (scrolling and zoom still work)."""
        return self.doc.read_only and event.type() in BLOCKED_EVENTS

    def set_read_only(self, on: bool) -> None:
        self.doc.set_read_only(on)
        for name in EDIT_ACTIONS:
            if name in self.acts.by_id:
                self.acts[name].setEnabled(not on)
        if on:
            self.acts["tool_select"].setChecked(True)
        else:
            h = self.doc.history
            self.acts["undo"].setEnabled(h.can_undo)
            self.acts["redo"].setEnabled(h.can_redo)
