"""Model stage: undo/redo history with grouping (one mouse drag = one step)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from kupang_layout.model.command import Command, CompositeCommand
from kupang_layout.model.edition import Edition

Listener = Callable[[], None]


class History:
    """The edition's undo stack. The GUI wraps it; it never edits around it."""

    def __init__(self, edition: Edition, limit: int = 500) -> None:
        self.edition = edition
        self.limit = limit
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._groups: list[CompositeCommand] = []
        self._listeners: list[Listener] = []
        self._clean: int | None = 0
        self._serial = 0

    # -- listeners -------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- executing -------------------------------------------------------
    def execute(self, command: Command) -> None:
        """Apply a command and record it (inside an open group, if any)."""
        command.do(self.edition)
        if self._groups:
            self._groups[-1].commands.append(command)
        else:
            self._push(command)
        self._changed()

    def _push(self, command: Command) -> None:
        self._undo.append(command)
        self._redo.clear()
        if self._clean is not None and self._clean > len(self._undo) - 1:
            self._clean = None  # the clean state was in the redo branch
        if len(self._undo) > self.limit:
            self._undo.pop(0)
            if self._clean is not None:
                self._clean = self._clean - 1 if self._clean > 0 else None
        self._serial += 1

    @contextmanager
    def group(self, label: str) -> Iterator[CompositeCommand]:
        """Commands executed inside the block undo as one step."""
        group = CompositeCommand(label)
        self._groups.append(group)
        try:
            yield group
        except BaseException:
            self._groups.pop()
            group.undo(self.edition)
            self._changed()
            raise
        self._groups.pop()
        if group.commands:
            if self._groups:
                self._groups[-1].commands.append(group)
            else:
                self._push(group)
            self._changed()

    # -- undo / redo -----------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo) and not self._groups

    @property
    def can_redo(self) -> bool:
        return bool(self._redo) and not self._groups

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def undo(self) -> bool:
        if not self.can_undo:
            return False
        command = self._undo.pop()
        command.undo(self.edition)
        self._redo.append(command)
        self._serial += 1
        self._changed()
        return True

    def redo(self) -> bool:
        if not self.can_redo:
            return False
        command = self._redo.pop()
        command.do(self.edition)
        self._undo.append(command)
        self._serial += 1
        self._changed()
        return True

    # -- saved state -----------------------------------------------------
    @property
    def serial(self) -> int:
        """Changes whenever the edition changes through the history."""
        return self._serial

    def mark_clean(self) -> None:
        self._clean = len(self._undo)

    def mark_modified(self) -> None:
        """Treat the edition as not saved (an edition recovered after a crash)."""
        self._clean = None

    @property
    def is_modified(self) -> bool:
        return self._clean != len(self._undo)

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._clean = 0
        self._changed()
