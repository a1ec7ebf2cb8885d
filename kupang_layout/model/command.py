"""Model stage: the undoable command protocol and command groups."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kupang_layout.model.edition import Edition


class CommandError(ValueError):
    """A command that cannot be applied to this edition (bad id, bad value)."""


class Command(ABC):
    """One undoable edit. `do` may be called again after `undo` (redo)."""

    label: str = "edit"

    @abstractmethod
    def do(self, edition: Edition) -> None: ...

    @abstractmethod
    def undo(self, edition: Edition) -> None: ...


class CompositeCommand(Command):
    """Several commands that undo and redo as one step."""

    def __init__(self, label: str, commands: list[Command] | None = None) -> None:
        self.label = label
        self.commands: list[Command] = list(commands or [])

    def do(self, edition: Edition) -> None:
        done: list[Command] = []
        try:
            for c in self.commands:
                c.do(edition)
                done.append(c)
        except CommandError:
            for c in reversed(done):
                c.undo(edition)
            raise

    def undo(self, edition: Edition) -> None:
        for c in reversed(self.commands):
            c.undo(edition)
