"""GUI stage: following a shared edition folder: the file watcher, the polling, the refresh.

The plan and the thumbnails follow other desks' saves: a QFileSystemWatcher on
the folder, plus polling, since watchers miss changes made by other computers on
SMB shares (docs/DECISIONS.md). Either schedules one refresh 200 ms later.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from kupang_layout.gui.panels.flat_plan_shared import folder_signature
from kupang_layout.storage import checkout
from kupang_layout.storage.edition_folder import EDITION_FILE


class FolderFollower(QObject):
    """The watcher and the poll timer on the open shared folder (`folder()`, None when
    none is open); what they hear runs `refresh` once, a moment later."""

    def __init__(
        self, parent: QObject, folder: Callable[[], Path | None], refresh: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self.schedule_refresh())
        self.watcher.fileChanged.connect(lambda _p: self.schedule_refresh())
        self.poll_timer = QTimer(self)
        self.poll_timer.timeout.connect(self.poll)
        self.signature: tuple[object, ...] = ()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(200)
        self.refresh_timer.timeout.connect(refresh)

    def current_signature(self) -> tuple[object, ...]:
        folder = self.folder()
        return folder_signature(folder) if folder is not None else ()

    def follow(self, folder: Path, poll_seconds: float) -> None:
        """Watch a newly opened folder and poll it every `poll_seconds`."""
        self.watch(folder)
        self.poll_timer.setInterval(round(poll_seconds * 1000))
        self.poll_timer.start()
        self.signature = self.current_signature()

    def stop(self) -> None:
        """The folder is left: no polling, nothing watched."""
        self.poll_timer.stop()
        self._unwatch()

    def _unwatch(self) -> None:
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)

    def watch(self, folder: Path) -> None:
        self._unwatch()
        wanted = [folder, folder / EDITION_FILE, folder / "pages", folder / checkout.LOCKS]
        self.watcher.addPaths([str(p) for p in wanted if p.exists()])

    def seen(self) -> None:
        """The folder was read again: its signature noted and its files watched anew."""
        folder = self.folder()
        self.signature = self.current_signature()
        if folder is not None:
            self.watch(folder)  # files replaced by a rename drop out of the watch

    def poll(self) -> None:
        """The fallback for shares whose changes the watcher does not hear about."""
        if self.current_signature() != self.signature:
            self.schedule_refresh()

    def schedule_refresh(self) -> None:
        self.refresh_timer.start()
