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
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from kupang_layout.common.errorlog import log_exception
from kupang_layout.common.errortext import reason_text
from kupang_layout.gui.base.host import WindowHost
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.shell.recovery import (
    Orphan,
    RecoveryError,
    RecoverySession,
    Snapshot,
    find_orphans,
    recovery_root,
    recovery_roots,
)
from kupang_layout.storage import StorageError, edition_to_json

CTX = "Autosave"
STRUCTURAL_DELAY_MS = 500


def _reason(exc: BaseException) -> str:
    """Why, in the current language (the file named where the error names one)."""
    reason, _ = reason_text(exc)
    file = getattr(exc, "file", None) or getattr(exc, "filename", None)
    return f"{file}: {reason}" if file and str(file) not in reason else reason


def _structure(doc: EditionSession) -> tuple[object, ...]:
    """What a structural edit changes: pages and their order, frames, stories, pictures."""
    ed = doc.edition
    return (
        tuple((p.id, tuple(f.id for f in p.frames)) for p in ed.pages),
        tuple(ed.stories),
        tuple(ed.assets),
    )


class Autosaver(QObject):
    """Writes recovery copies of one EditionSession."""

    saved = Signal(str)  # the time of the copy, as text
    failed = Signal(str)  # why no copy could be written
    elsewhere = Signal(str, str)  # the copy's file, why it is not in the usual place
    _done = Signal(str, str, str)  # from the worker thread, delivered in the GUI thread
    _error = Signal(str, object)

    def __init__(self, doc: EditionSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.session: RecoverySession | None = None  # the one holding the latest copy
        self._sessions: dict[Path, RecoverySession] = {}  # by recovery root
        self.notices: AutosaveNotices | None = None
        self._adopted: RecoverySession | None = None  # a recovered folder, written on
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
        """Copy the edition now if it changed since the last copy; True if one was queued.

        Any failure, here or on the worker thread, is reported through `failed`.
        """
        try:
            return self._autosave()
        except Exception as exc:  # the autosave boundary: reported, tried again next tick
            self._saved_revision = None
            self._report(exc)
            return False

    def _autosave(self) -> bool:
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
        snap = self._snapshot()
        self._saved_revision = doc.revision
        self._has_copy = True
        self._submit(lambda: self._write(snap))
        return True

    def _snapshot(self) -> Snapshot:
        doc = self.doc
        edition = doc.edition
        return Snapshot(
            document=edition_to_json(edition),
            assets=tuple((a.sha256, a.filename) for a in edition.assets.values()),
            source=edition.asset_source,
            origin=str(doc.path) if doc.path is not None else None,
        )

    def rescue(self) -> Path | None:
        """Write a recovery copy now, whatever the revision (a save failed); its file.

        None when no copy could be written anywhere (the failure is reported).
        """
        if self._finished:
            return None
        try:
            snap = self._snapshot()
        except Exception as exc:  # the autosave boundary: the caller says the work is open
            self._report(exc)
            return None
        self.wait()
        box: list[Path] = []
        self._submit(lambda: box.append(self._write(snap)))
        self.wait()
        if not box:
            return None
        self._saved_revision = self.doc.revision
        self._has_copy = True
        return box[0]

    def _write(self, snap: Snapshot) -> Path:
        """Worker thread: write the copy into the first place that takes it; its file.

        The session holding the last good copy is kept until a newer copy is written.
        A recovered session (whose folder holds the edition's pictures) is written first
        and never dropped.
        """
        problems: list[str] = []
        roots = recovery_roots()
        if self._adopted is not None:
            roots = [self._adopted.root, *[r for r in roots if r != self._adopted.root]]
        for root in roots:
            session = self._sessions.get(root)
            try:
                if session is None:
                    session = RecoverySession.create(root)
                    self._sessions[root] = session
                session.write(snap)
            except Exception as exc:  # the autosave boundary: try the next place
                problems.append(f"{root}: {_reason(exc)}")
                log_exception(exc, "autosave", str(root))
                if session is not None and not session.file.exists():
                    self._drop(root)  # it holds no copy: nothing to keep
                continue
            for other in [r for r in self._sessions if r != root]:
                if self._sessions[other] is not self._adopted:
                    self._drop(other)  # older copies
            self.session = session
            where = session.file
            self._done.emit(datetime.now().strftime("%H:%M:%S"), str(where), "; ".join(problems))
            return where
        raise RecoveryError("", "; ".join(problems))

    def _drop(self, root: Path) -> None:
        session = self._sessions.pop(root, None)
        if session is not None:
            session.remove()
            if self.session is session:
                self.session = None
            if self._adopted is session:
                self._adopted = None

    def _submit(self, job: Callable[[], object]) -> None:
        def run() -> None:
            try:
                job()
            except Exception as exc:  # the background job's boundary: shown in the GUI thread
                self._error.emit(_reason(exc), exc)

        self._pending = self._pool.submit(run)

    def _on_done(self, when: str, where: str, problems: str) -> None:
        if problems or not Path(where).is_relative_to(recovery_root()):
            self.elsewhere.emit(where, problems)
        self.saved.emit(when)

    def _on_error(self, text: str, exc: object) -> None:
        self._saved_revision = None  # try again at the next tick
        if isinstance(exc, BaseException):
            log_exception(exc, "autosave")
        self.failed.emit(text)

    def _report(self, exc: BaseException) -> None:
        log_exception(exc, "autosave")
        self.failed.emit(_reason(exc))

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the queued writes are done (tests, closing)."""
        pending = self._pending
        if pending is not None:
            with contextlib.suppress(TimeoutError):
                pending.result(timeout)

    def adopt(self, orphan: Orphan) -> None:
        """Write on into a recovered folder (its pictures are there already)."""
        self.wait()
        for root in list(self._sessions):
            self._drop(root)
        self.session = orphan.adopt()
        self._adopted = self.session
        self._sessions[self.session.root] = self.session
        self._has_copy = True
        self._saved_revision = None

    def finish(self) -> None:
        """A clean close: stop, and delete the recovery folder."""
        self._finished = True
        self.timer.stop()
        self.soon.stop()
        self.wait()
        self._pool.shutdown(wait=True)
        for root in list(self._sessions):
            self._drop(root)
        if self.session is not None:
            self.session.remove()
            self.session = None


class AutosaveNotices(QObject):
    """Tells the desk about autosave trouble: always in the status bar, and once (until a
    copy is written in the usual place again) in a warning that does not block work."""

    def __init__(self, host: WindowHost, saver: Autosaver) -> None:
        super().__init__(host.window())
        self.host = host
        self.warned = False
        self.box: QMessageBox | None = None
        saver.saved.connect(self._saved)
        saver.failed.connect(self._failed)
        saver.elsewhere.connect(self._elsewhere)
        self._elsewhere_now = False

    def _status(self, text: str, ms: int) -> None:
        self.host.statusBar().showMessage(text, ms)

    def _saved(self, when: str) -> None:
        if not self._elsewhere_now:
            self.warned = False  # the usual place works again: warn again next time
            self._status(tr(CTX, "Recovery copy saved at %1").replace("%1", when), 3000)
        self._elsewhere_now = False

    def _failed(self, text: str) -> None:
        self._status(tr(CTX, "Could not write the recovery copy: %1").replace("%1", text), 15000)
        self._warn(
            tr(
                CTX,
                "The recovery copy of your work cannot be written: %1\n\nThe edition is "
                "still open and nothing is lost yet. Save it now (Save As into another "
                "folder if saving fails too).",
            ).replace("%1", text)
        )

    def _elsewhere(self, where: str, problems: str) -> None:
        self._elsewhere_now = True
        folder = str(Path(where).parent)
        self._status(
            tr(CTX, "Recovery copy saved in %1 (the usual folder cannot be written)").replace(
                "%1", folder
            ),
            15000,
        )
        if not problems:
            return  # a recovered copy written on where it was found: nothing went wrong
        self._warn(
            tr(
                CTX,
                "The recovery copy cannot be written in the usual folder (%1).\n\nIt is "
                "written to %2 instead, until the usual folder can be written again.",
            )
            .replace("%1", problems)
            .replace("%2", folder)
        )

    def _warn(self, text: str) -> None:
        if self.warned:
            return
        self.warned = True
        box = QMessageBox(self.host.window())
        box.setObjectName("autosave_warning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr(CTX, "Recovery Copy"))
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.box = box


def install_autosave(host: WindowHost) -> Autosaver:
    saver = Autosaver(host.doc, host.window())
    saver.notices = AutosaveNotices(host, saver)
    return saver


class RecoveryHost(WindowHost, Protocol):
    """The window a recovered edition opens in, with its autosaver."""

    @property
    def autosave(self) -> Autosaver: ...


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


def offer_recovery(host: RecoveryHost) -> bool:
    """Offer the newest recovery copy left by a crash; True if it was recovered."""
    window = host.window()
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
    return recover_orphan(host, newest)


def recover_orphan(host: RecoveryHost, orphan: Orphan) -> bool:
    try:
        edition = orphan.load()
    except (StorageError, RecoveryError) as exc:
        kept = orphan.set_aside()
        QMessageBox.warning(
            host.window(),
            tr(CTX, "Recover Work"),
            tr(CTX, "The recovery copy cannot be read: %1\n\nIt is kept in %2.")
            .replace("%1", str(exc))
            .replace("%2", str(kept)),
        )
        return False
    origin = orphan.origin if orphan.origin is not None and orphan.origin.exists() else None
    doc = host.doc
    doc.replace(edition, origin)
    doc.history.mark_modified()
    host.autosave.adopt(orphan)
    doc.changed.emit()
    host.statusBar().showMessage(tr(CTX, "Work recovered: save it to keep it."), 8000)
    return True
