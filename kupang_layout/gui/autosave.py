"""GUI stage: autosave of recovery copies and the offer to recover after a crash.

Every `interval` seconds (Preferences; KUPANG_LAYOUT_AUTOSAVE_SECONDS overrides
it) and shortly after a structural edit (pages added, removed or moved,
frames added or removed, a template applied, stories or pictures imported), a
modified edition is copied to the recovery folder (see `recovery.py`). The GUI
thread only serialises the edition (`edition_to_json`, about a millisecond a
page); the files are written on one worker thread, one autosave after another.
The user's own file is never touched. A saved, unmodified edition leaves no
recovery copy; a clean close deletes the folder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from kupang_layout.gui.document import Document
from kupang_layout.gui.i18n import tr
from kupang_layout.gui.recovery import (
    Orphan,
    RecoveryError,
    RecoverySession,
    Snapshot,
    find_orphans,
)
from kupang_layout.gui.settings import app_settings
from kupang_layout.storage import StorageError, edition_to_json

if TYPE_CHECKING:
    from kupang_layout.gui.main_window import MainWindow

CTX = "Autosave"
STRUCTURAL_DELAY_MS = 500


def _structure(doc: Document) -> tuple[object, ...]:
    """What a structural edit changes: pages and their order, frames, stories, pictures."""
    ed = doc.edition
    return (
        tuple((p.id, tuple(f.id for f in p.frames)) for p in ed.pages),
        tuple(ed.stories),
        tuple(ed.assets),
    )


class Autosaver(QObject):
    """Writes recovery copies of one Document."""

    saved = Signal(str)  # the time of the copy, as text
    failed = Signal(str)
    _done = Signal(str)  # from the worker thread, delivered in the GUI thread
    _error = Signal(str)

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.session: RecoverySession | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[None] | None = None
        self._saved_revision: int | None = None
        self._has_copy = False
        self._finished = False
        self._structure = _structure(doc)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.autosave)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(STRUCTURAL_DELAY_MS)
        self.soon.timeout.connect(self.autosave)
        self._done.connect(self._on_done)
        self._error.connect(self._on_error)
        self.apply_interval()
        app_settings().changed.connect(self._setting_changed)
        doc.changed.connect(self._doc_changed)

    def apply_interval(self) -> None:
        self.timer.start(max(100, round(app_settings().autosave_seconds * 1000)))

    def _setting_changed(self, key: str) -> None:
        if key.startswith("autosave/") and not self._finished:
            self.apply_interval()

    def _doc_changed(self) -> None:
        if self._finished:
            return
        structure = _structure(self.doc)
        if structure != self._structure:
            self._structure = structure
            self.soon.start()

    # -- writing ------------------------------------------------------------------
    def autosave(self) -> bool:
        """Copy the edition now if it changed since the last copy; True if one was queued."""
        doc = self.doc
        if self._finished:
            return False
        # Commands inside an open group (typing, a live resize) are applied already but
        # do not count as modified until the group closes: they are copied too.
        if not doc.history.is_modified and not doc.in_group:
            if self._has_copy and self.session is not None:
                self._has_copy = False
                self._saved_revision = None
                self._submit(self.session.clear)
            return False
        if doc.revision == self._saved_revision:
            return False
        edition = doc.edition
        snap = Snapshot(
            document=edition_to_json(edition),
            assets=tuple((a.sha256, a.filename) for a in edition.assets.values()),
            source=edition.asset_source,
            origin=str(doc.path) if doc.path is not None else None,
        )
        self._saved_revision = doc.revision
        self._has_copy = True
        self._submit(lambda: self._write(snap))
        return True

    def _write(self, snap: Snapshot) -> None:
        """Worker thread."""
        if self.session is None:
            self.session = RecoverySession.create()
        self.session.write(snap)
        self._done.emit(datetime.now().strftime("%H:%M:%S"))

    def _submit(self, job: Callable[[], None]) -> None:
        def run() -> None:
            try:
                job()
            except (OSError, StorageError) as exc:
                self._error.emit(str(exc))

        self._pending = self._pool.submit(run)

    def _on_done(self, when: str) -> None:
        self.saved.emit(when)

    def _on_error(self, text: str) -> None:
        self._saved_revision = None  # try again at the next tick
        self.failed.emit(text)

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the queued writes are done (tests, closing)."""
        pending = self._pending
        if pending is not None:
            with contextlib.suppress(TimeoutError):
                pending.result(timeout)

    def adopt(self, orphan: Orphan) -> None:
        """Write on into a recovered folder (its pictures are there already)."""
        self.wait()
        if self.session is not None:
            self.session.remove()
        self.session = orphan.adopt()
        self._has_copy = True
        self._saved_revision = None

    def finish(self) -> None:
        """A clean close: stop, and delete the recovery folder."""
        self._finished = True
        self.timer.stop()
        self.soon.stop()
        self.wait()
        self._pool.shutdown(wait=True)
        if self.session is not None:
            self.session.remove()
            self.session = None


def install_autosave(window: MainWindow) -> Autosaver:
    saver = Autosaver(window.doc, window)
    saver.saved.connect(
        lambda when: window.statusBar().showMessage(
            tr(CTX, "Recovery copy saved at %1").replace("%1", when), 3000
        )
    )
    saver.failed.connect(
        lambda text: window.statusBar().showMessage(
            tr(CTX, "Could not write the recovery copy: %1").replace("%1", text), 8000
        )
    )
    return saver


# -- after a crash ------------------------------------------------------------------
def recovery_question(orphan: Orphan) -> str:
    when = orphan.saved_at.strftime("%d-%m-%Y %H:%M:%S") if orphan.saved_at else "?"
    source = str(orphan.origin) if orphan.origin else tr(CTX, "a new, never saved edition")
    text = tr(
        CTX,
        "Kupang Layout was not closed properly. A recovery copy of %1 "
        "(%2 pages) was made at %3.\n\nRecover it? Recovered work is not saved "
        "to the file until you save it.",
    )
    return text.replace("%1", source).replace("%2", str(orphan.pages)).replace("%3", when)


def offer_recovery(window: MainWindow) -> bool:
    """Offer the newest recovery copy left by a crash; True if it was recovered."""
    if not window.isVisible():  # closed before the event loop ran
        return False
    orphans = find_orphans()
    if not orphans:
        return False
    newest, others = orphans[0], orphans[1:]
    for o in others:
        o.release()  # offered at a later start
    box = QMessageBox(window)
    box.setObjectName("recovery_box")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr(CTX, "Recover Work"))
    box.setText(recovery_question(newest))
    recover = box.addButton(tr(CTX, "&Recover"), QMessageBox.ButtonRole.AcceptRole)
    recover.setObjectName("recover")
    discard = box.addButton(tr(CTX, "&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard")
    later = box.addButton(tr(CTX, "&Not Now"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("later")
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    if clicked is discard:
        newest.discard()
        return False
    if clicked is not recover:
        newest.release()
        return False
    return recover_orphan(window, newest)


def recover_orphan(window: MainWindow, orphan: Orphan) -> bool:
    try:
        edition = orphan.load()
    except (StorageError, RecoveryError) as exc:
        kept = orphan.set_aside()
        QMessageBox.warning(
            window,
            tr(CTX, "Recover Work"),
            tr(CTX, "The recovery copy cannot be read: %1\n\nIt is kept in %2.")
            .replace("%1", str(exc))
            .replace("%2", str(kept)),
        )
        return False
    origin = orphan.origin if orphan.origin is not None and orphan.origin.exists() else None
    doc = window.doc
    doc.replace(edition, origin)
    doc.history.mark_modified()
    window.autosave.adopt(orphan)
    doc.changed.emit()
    window.statusBar().showMessage(tr(CTX, "Work recovered: save it to keep it."), 8000)
    return True
