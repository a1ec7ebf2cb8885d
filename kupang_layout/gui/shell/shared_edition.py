"""GUI stage: a shared edition folder in the app: the plan, checking pages out, saving, refreshing.

File › Open Shared Edition… shows the folder's flat plan. Opening a page checks
its file out (shared_page_lock.py; the desk's name from the preferences and the
computer's name), refreshes the lock every 30 s and releases it when the page
is closed. A page someone else holds opens read-only under a message bar naming
the holder; a stale lock can be taken over after the desk confirms. Save writes
the page file with the revision check: a save refused because the file changed
meanwhile keeps the work in ``conflicts/`` and says so. The plan and the
thumbnails follow other desks' saves (shared_follow.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMessageBox

from kupang_layout.gui.base.host import WindowHost, main_window_of
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.panels.flat_plan import FlatPlanPanel
from kupang_layout.gui.panels.flat_plan_session import SessionPlan
from kupang_layout.gui.panels.flat_plan_shared import SharedPlan, file_stamp, new_page_edition
from kupang_layout.gui.panels.page_lock_bar import MessageBar, locked_text
from kupang_layout.gui.shell.actions import Actions
from kupang_layout.gui.shell.boundary import Boundary
from kupang_layout.gui.shell.editions import template_library
from kupang_layout.gui.shell.send_to_plant import send_to_plant
from kupang_layout.gui.shell.shared_folder_choice import choose_shared_folder
from kupang_layout.gui.shell.shared_follow import FolderFollower
from kupang_layout.gui.shell.shared_page_lock import check_out, lost_lock_text, take_over_lock
from kupang_layout.gui.shell.shared_readonly import ReadOnlyGuard
from kupang_layout.gui.shell.shared_save import tell_kept
from kupang_layout.storage import ConcurrentChangeError, StorageError, TemplateLibrary, checkout
from kupang_layout.storage.checkout import Holder
from kupang_layout.storage.edition_folder import (
    SharedEdition,
    file_of_page,
    keep_aside,
    key_numbers,
    load_page_file,
    page_key,
    save_page_file,
)

CTX = "SharedEdition"
#: Seconds between two refreshes of the lock of the open page.
LOCK_REFRESH_SECONDS = 30


class SharedHost(WindowHost, Protocol):
    """The main window a shared edition is opened in."""

    @property
    def acts(self) -> Actions: ...

    @property
    def boundary(self) -> Boundary: ...

    @property
    def canvas(self) -> PageCanvas: ...

    def ask_save_changes(self) -> bool: ...


class SharedEditionController(QObject):
    """The plan dock (for a .kpl or a shared folder) and the shared folder's page check-out."""

    def __init__(self, host: SharedHost) -> None:
        window = main_window_of(host)
        super().__init__(window)
        self.host = host
        self.window = window
        self.doc = host.doc
        self.bar = MessageBar()
        self.backend: SharedPlan | None = None
        self.session_plan = SessionPlan(self.doc, self.library, lambda: app_settings().desk_name)
        self.panel = FlatPlanPanel(self.session_plan)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("dock_plan")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.key = ""  # the open page file of the shared folder
        self.holder: Holder | None = None  # our lock on it (None: read-only or none)
        self.seen_lock: Holder | None = None  # the other desk's lock we saw
        self.lost_lock = False  # our lock was taken over while the page was open
        self.last_conflict: Path | None = None
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(LOCK_REFRESH_SECONDS * 1000)
        self.lock_timer.timeout.connect(self.refresh_lock)
        self.follower = FolderFollower(
            self, lambda: self.shared.folder if self.shared is not None else None, self.refresh
        )
        self._page_signature: tuple[int, int] | None = None
        self.session_timer = QTimer(self)
        self.session_timer.setSingleShot(True)
        self.session_timer.setInterval(600)
        self.session_timer.timeout.connect(self._session_refresh)
        self.doc.changed.connect(self._doc_changed)
        self.doc.path_changed.connect(self._path_changed)
        self.bar.take_over.clicked.connect(
            lambda: self.host.boundary.run(tr(CTX, "Take Over"), self.take_over)
        )
        acts = host.acts
        host.boundary.connect_action(acts["open_shared"], lambda: self.open_folder())
        host.boundary.connect_action(acts["send_plant"], self.send)
        acts["panel_plan"].toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(self._dock_shown)
        self.guard = ReadOnlyGuard(self.doc, acts, host.canvas, self)
        self.retranslate()

    @staticmethod
    def library() -> TemplateLibrary:
        return template_library()

    @property
    def shared(self) -> SharedEdition | None:
        return self.backend.shared if self.backend is not None else None

    def retranslate(self) -> None:
        self.dock.setWindowTitle(tr(CTX, "Flat Plan"))
        self.panel.retranslate()
        if self.bar.isVisible() and self.seen_lock is not None:
            self._show_lock(self.seen_lock, self.bar.take_over.isVisible())

    def _dock_shown(self, on: bool) -> None:
        if not self.window.isHidden():
            self.host.acts["panel_plan"].setChecked(on)
        if on:
            self.refresh()

    # -- read-only -----------------------------------------------------------------------
    def _set_read_only(self, on: bool) -> None:
        self.guard.set_read_only(on)
        if not on:
            self.bar.hide()

    def _show_lock(self, holder: Holder, stale: bool) -> None:
        self.bar.show_text(locked_text(holder, stale), stale)

    # -- opening the folder ---------------------------------------------------------------
    def open_folder(self, folder: Path | None = None) -> bool:
        """Show a shared edition folder's plan (asking for the folder when none is given)."""
        folder = choose_shared_folder(self.window, folder)
        if folder is None:
            return False
        if not self.host.ask_save_changes():
            return False
        self.close_page()
        self.backend = SharedPlan(
            folder, self.window, self.open_page, self.library, lambda: app_settings().desk_name
        )
        self.panel.set_backend(self.backend)
        self.panel.buttons["renumber"].setToolTip(
            tr(CTX, "A shared edition is renumbered in one file (pack, renumber, unpack).")
        )
        self.follower.follow(folder, app_settings().shared_poll_seconds)
        self.dock.show()
        self.dock.raise_()
        self.host.statusBar().showMessage(
            tr(CTX, "Shared edition %1").replace("%1", str(folder)), 6000
        )
        return True

    def send(self) -> None:
        """File › Send to the Printing Plant: the ready pages that changed since sent."""
        if self.shared is None:
            self.host.statusBar().showMessage(
                tr(CTX, "Open a shared edition first (File › Open Shared Edition…)."), 6000
            )
            return
        if self.key and self.doc.history.is_modified and not self.save():
            return
        send_to_plant(self.window, self.shared.folder, self.refresh)

    def leave_folder(self) -> None:
        """Back to a single edition file: the plan shows the open .kpl again."""
        self.close_page()
        self.backend = None
        self.follower.stop()
        self.panel.set_backend(self.session_plan)
        self.panel.buttons["renumber"].setToolTip("")

    # -- pages ----------------------------------------------------------------------------
    def page_path(self) -> Path | None:
        shared = self.shared
        return shared.page_file(self.key) if shared is not None and self.key else None

    def open_page(self, number: int) -> bool:
        """Check page `number`'s file out and show it (read-only when someone else has it)."""
        shared = self.shared
        if shared is None:
            return False
        if self.key and number in key_numbers(self.key):
            self._go_to(number)
            return True
        if not self.host.ask_save_changes():
            return False
        self.close_page()
        key = file_of_page(shared, number) or page_key([number])
        holder = checkout.me(app_settings().desk_name)
        taken, self.seen_lock = check_out(self.window, shared.folder, key, holder)
        read_only = not taken
        if not self._load(key, number, shared):
            if not read_only:
                checkout.release(shared.folder, key, holder)
            return False
        self.key = key
        self.panel.view.set_current(number)
        self.holder = None if read_only else holder
        self._set_read_only(read_only)
        if read_only:
            found = checkout.current_holder(shared.folder, key)
            if found is not None:
                self.seen_lock = found[0]
                self._show_lock(found[0], found[1])
        else:
            self.seen_lock = None
            self.bar.hide()
            self.lock_timer.start()
        self.refresh()
        return True

    def _load(self, key: str, number: int, shared: SharedEdition) -> bool:
        path = shared.page_file(key)
        if path.exists():
            try:
                edition = load_page_file(shared, key)
            except StorageError as exc:
                QMessageBox.warning(self.window, "Kupang Layout", str(exc))
                return False
        else:
            edition = new_page_edition(shared, number, self.library())
        self._page_signature = file_stamp(path)
        self.doc.replace(edition, path)
        if not path.exists():
            self.doc.history.mark_modified()
            self.doc.changed.emit()
        self._go_to(number)
        return True

    def _go_to(self, number: int) -> None:
        page = self.doc.edition.page_by_number(number)
        if page is not None:
            self.doc.set_page(page.id)

    def close_page(self) -> None:
        """Give the open page's lock back (the page stays on screen until another opens)."""
        shared = self.shared
        if shared is not None and self.key and self.holder is not None:
            checkout.release(shared.folder, self.key, self.holder)
        self.lock_timer.stop()
        self.key = ""
        self.holder = None
        self.seen_lock = None
        self.lost_lock = False
        if self.doc.read_only:
            self._set_read_only(False)
        self.bar.hide()

    def refresh_lock(self) -> None:
        shared = self.shared
        if shared is None or not self.key or self.holder is None:
            return
        if not checkout.refresh(shared.folder, self.key, self.holder):
            self.holder = None
            self.lock_timer.stop()
            self._set_read_only(True)
            self.lost_lock = True  # Save stays: it keeps the work aside in conflicts/
            self.host.acts["save"].setEnabled(True)
            text, seen = lost_lock_text(shared.folder, self.key)
            if seen is not None:
                self.seen_lock = seen
            self.bar.show_text(text, False)

    def take_over(self) -> bool:
        """The message bar's button: take the stale lock of the page on screen over."""
        shared = self.shared
        if shared is None or not self.key:
            return False
        holder = take_over_lock(
            self.window,
            shared.folder,
            self.key,
            app_settings().desk_name,
            self._show_lock,
            self.refresh,
        )
        if holder is None:
            return False
        number = self.doc.page.number if self.doc.page is not None else 0
        key = self.key
        self.key = ""
        self._load(key, number, shared)
        self.key = key
        self.holder = holder
        self.seen_lock = None
        self._set_read_only(False)
        self.lock_timer.start()
        self.refresh()
        return True

    # -- saving ---------------------------------------------------------------------------
    def active(self) -> bool:
        """Whether the window shows a page of a shared folder (Save goes here then)."""
        return self.shared is not None and bool(self.key)

    def save(self) -> bool:
        shared = self.shared
        path = self.page_path()
        if shared is None or path is None:
            return False
        self.doc.end_group()
        if self.lost_lock:  # another desk holds the page now: never write its file
            return self._keep_aside(shared, path, None)
        if self.doc.read_only or self.holder is None:
            self.host.statusBar().showMessage(tr(CTX, "This page is read-only"), 6000)
            return False
        try:
            save_page_file(shared, self.key, self.doc.edition)
        except ConcurrentChangeError as refused:
            return self._keep_aside(shared, path, refused)
        except Exception as exc:  # the Save boundary: nothing may fail silently
            self.host.boundary.save_failed(path, exc)
            return False
        self._saved(path)
        return True

    def _keep_aside(
        self, shared: SharedEdition, path: Path, refused: ConcurrentChangeError | None
    ) -> bool:
        """The work into conflicts/ and the desk told (False: the page file was not saved)."""
        try:
            self.last_conflict = keep_aside(
                shared, self.key, self.doc.edition, app_settings().desk_name
            )
        except Exception as failed:  # keeping it aside failed too: the recovery copy
            self.host.boundary.save_failed(path, refused or failed)
            return False
        text = tell_kept(self.window, self.last_conflict)
        self.host.statusBar().showMessage(text.split("\n", 1)[0], 15000)
        return False

    def _saved(self, path: Path) -> None:
        self.doc.history.mark_clean()
        self.doc.changed.emit()
        self._page_signature = file_stamp(path)
        self.host.statusBar().showMessage(tr(CTX, "Saved %1").replace("%1", path.name), 4000)
        self.refresh()

    # -- following the other desks ----------------------------------------------------------
    def refresh(self) -> None:
        """Read the plan, locks and thumbnails again; a read-only page shows the new save."""
        if self.shared is None:
            self._session_refresh()
            return
        self.follower.seen()
        path = self.page_path()
        if path is not None and self.doc.read_only:
            stamp = file_stamp(path)
            if stamp != self._page_signature and stamp is not None:
                number = self.doc.page.number if self.doc.page is not None else 0
                self._load(self.key, number, self.shared)
        if self.dock.isVisible():
            self.panel.refresh()

    def _doc_changed(self) -> None:
        if self.shared is None and self.dock.isVisible():
            self.session_timer.start()

    def _session_refresh(self) -> None:
        if self.dock.isVisible() and self.shared is None:
            self.panel.refresh()

    def _path_changed(self) -> None:
        """Another edition file opened (File › Open): leave the shared folder."""
        if self.shared is None:
            return
        path = self.doc.path
        if path is None or path.parent != self.shared.pages_folder:
            self.leave_folder()

    def finish(self) -> None:
        """The window closes: release the lock."""
        self.close_page()
        self.follower.poll_timer.stop()


def install_shared_editions(host: SharedHost) -> SharedEditionController:
    """The flat plan dock, File › Open Shared Edition… and the message bar."""
    return SharedEditionController(host)
