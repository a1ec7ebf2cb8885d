"""GUI stage: the story editor's typing as undo steps: one step a word.

Keystrokes in a paragraph are grouped on the session's History into one undo step
per word: a group closes at a space, after a pause, when the caret leaves the
paragraph, or at any other command (the History closes it then).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kupang_layout.gui.base.session import EditionSession
from kupang_layout.model.command import Command

IDLE_MS = 1000


class TypingGroups(QObject):
    """The typing group of the story editor's session: continued, closed at a word's end."""

    def __init__(self, doc: EditionSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.close)

    def typed(self, story_id: str, paragraph: int, commands: list[Command], at_space: bool) -> None:
        """What was typed in `paragraph`, into its group; the group closes when the caret
        stands after a space (a word and its space: one undo step), else after a pause."""
        self.doc.continue_group(("typing", story_id, paragraph), "typing", commands)
        if at_space:
            self.doc.end_group()
        else:
            self._idle.start()

    def close(self) -> None:
        """Typing done: its group is one undo step."""
        self._idle.stop()
        key = self.doc.group_key()
        if isinstance(key, tuple) and key and key[0] == "typing":
            self.doc.end_group()

    def caret_in(self, paragraph: int) -> None:
        """The caret is in `paragraph`: typing in another one is done."""
        key = self.doc.group_key()
        if isinstance(key, tuple) and key and key[0] == "typing" and key[2] != paragraph:
            self.close()
