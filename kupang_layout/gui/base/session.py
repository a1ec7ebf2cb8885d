"""GUI stage: the edition session: the open edition, its History, current page, selection, layout.

Everything the GUI changes in the model goes through `EditionSession.execute` (or a
group opened with `begin_group`), i.e. through the model's History. Display
lists are cached per page and re-laid out only after the edition changed: the
cache key is a revision counter bumped by every History notification. (History
.serial alone would miss edits made inside an open group, such as a live
resize, since it only moves when the group is closed.)
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.gui.base.i18n import tr
from kupang_layout.model import (
    AnyFrame,
    Command,
    CommandError,
    Edition,
    History,
    Page,
    new_id,
)
from kupang_layout.model.units import mm


class _Cancelled(Exception):
    """Raised into an open History group to undo it (a drag cancelled with Esc)."""


def new_edition() -> Edition:
    """An edition with one blank broadsheet page."""
    edition = Edition()
    edition.pages.append(Page(id=new_id("p"), number=1, width=mm(280), height=mm(430)))
    return edition


class EditionSession(QObject):
    """The edition being edited and the GUI state around it."""

    changed = Signal()
    page_changed = Signal()
    selection_changed = Signal()
    path_changed = Signal()
    read_only_changed = Signal()
    error = Signal(str)

    def __init__(self, edition: Edition | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.edition = edition if edition is not None else new_edition()
        self.history = History(self.edition)
        self.history.add_listener(self._on_history)
        self.path = path
        self.engine = LayoutEngine()
        self.revision = 0
        self.page_id = self.edition.pages[0].id if self.edition.pages else ""
        self.selection: list[str] = []
        self._group: Any = None
        self._group_key: object = None
        self._lists: dict[str, tuple[int, PageDisplayList]] = {}
        self.last_layout_seconds = 0.0
        self.read_only = False

    def set_read_only(self, on: bool) -> None:
        """A page someone else has checked out: every command is refused until this is off."""
        self.end_group()
        if on != self.read_only:
            self.read_only = on
            self.read_only_changed.emit()

    def _refuse(self) -> bool:
        if self.read_only:
            self.error.emit(tr("Session", "This page is read-only: someone else is working on it"))
        return self.read_only

    def replace(self, edition: Edition, path: Path | None) -> None:
        """Show another edition (opened or new): fresh History, first page, no selection."""
        self.end_group()
        self.history.remove_listener(self._on_history)
        self.edition = edition
        self.history = History(edition)
        self.history.add_listener(self._on_history)
        self._lists.clear()
        self.revision += 1
        self.selection = []
        self.page_id = edition.pages[0].id if edition.pages else ""
        self.path = path
        self.selection_changed.emit()
        self.page_changed.emit()
        self.path_changed.emit()
        self.changed.emit()

    # -- model changes ----------------------------------------------------------
    def _on_history(self) -> None:
        self.revision += 1
        alive = [fid for fid in self.selection if self.edition.find_frame(fid) is not None]
        if alive != self.selection:
            self.selection = alive
            self.selection_changed.emit()
        if self.page_id and not any(p.id == self.page_id for p in self.edition.pages):
            self.page_id = self.edition.pages[0].id if self.edition.pages else ""
            self.page_changed.emit()
        self.changed.emit()

    def execute(self, command: Command) -> bool:
        """Run a command through History as its own undo step (an open group is closed
        first); a refused command is reported, not raised."""
        self.end_group()
        if self._refuse():
            return False
        try:
            self.history.execute(command)
        except CommandError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def execute_all(self, label: str, commands: list[Command]) -> bool:
        """Several commands as one undo step."""
        if not commands:
            return False
        if len(commands) == 1:
            return self.execute(commands[0])
        self.end_group()
        if self._refuse():
            return False
        try:
            with self.history.group(label):
                for c in commands:
                    self.history.execute(c)
        except CommandError as exc:
            self.error.emit(str(exc))
            return False
        return True

    # -- groups spanning several events (one drag = one undo step) ---------------
    @property
    def in_group(self) -> bool:
        return self._group is not None

    def begin_group(self, label: str, key: object = None) -> None:
        """Open a group; commands executed on History until end_group are one step."""
        self.end_group()
        self._group = self.history.group(label)
        self._group.__enter__()
        self._group_key = key

    def continue_group(self, key: object, label: str, commands: list[Command]) -> bool:
        """Execute commands in the open group with `key` (typing: one word, one step),
        opening a new group if another one is open."""
        if self._refuse():
            return False
        if self._group is None or self._group_key != key:
            self.begin_group(label, key)
        try:
            for c in commands:
                self.history.execute(c)
        except CommandError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def group_key(self) -> object:
        return self._group_key if self._group is not None else None

    def end_group(self, cancel: bool = False) -> None:
        """Close the open group: it becomes one undo step, or is undone if `cancel`."""
        group, self._group = self._group, None
        self._group_key = None
        if group is None:
            return
        if cancel:
            with contextlib.suppress(_Cancelled):
                group.__exit__(_Cancelled, _Cancelled(), None)
        else:
            group.__exit__(None, None, None)

    def undo(self) -> None:
        self.end_group()
        self.history.undo()

    def redo(self) -> None:
        self.end_group()
        self.history.redo()

    # -- pages -----------------------------------------------------------------
    @property
    def page(self) -> Page | None:
        for p in self.edition.pages:
            if p.id == self.page_id:
                return p
        return None

    def set_page(self, page_id: str) -> None:
        if page_id != self.page_id:
            self.page_id = page_id
            self.set_selection([])
            self.page_changed.emit()

    def relayout(self) -> None:
        """Lay every page out again (the hyphenation exceptions changed, say)."""
        self.engine.composer.clear_cache()
        self._lists.clear()
        self.revision += 1
        self.changed.emit()

    def display_list(self, page: Page | None = None) -> PageDisplayList | None:
        """The page's display list, laid out again only if the edition changed."""
        page = page or self.page
        if page is None:
            return None
        got = self._lists.get(page.id)
        if got is not None and got[0] == self.revision:
            return got[1]
        started = time.perf_counter()
        dl = self.engine.layout_page(self.edition, page)
        self.last_layout_seconds = time.perf_counter() - started
        self._lists[page.id] = (self.revision, dl)
        return dl

    # -- selection ----------------------------------------------------------------
    def set_selection(self, frame_ids: list[str]) -> None:
        ids = [f for f in dict.fromkeys(frame_ids) if self.edition.find_frame(f) is not None]
        if ids != self.selection:
            self.selection = ids
            self.selection_changed.emit()

    def selected_frames(self) -> list[AnyFrame]:
        out: list[AnyFrame] = []
        for fid in self.selection:
            found = self.edition.find_frame(fid)
            if found is not None:
                out.append(found[1])
        return out

    def frame(self, frame_id: str) -> AnyFrame | None:
        found = self.edition.find_frame(frame_id)
        return found[1] if found is not None else None

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit()
