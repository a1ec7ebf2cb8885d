"""GUI stage: the app's error boundary: every user action's failure is shown, logged, and
the work kept.

* `Boundary.connect_action(action, slot)` connects a QAction so that any exception of
  its slot becomes a message box in the user's language (the file and what to
  do for a known problem; the log file for a fault of the program), the
  details go to the log file (`common.errorlog`), and a recovery copy of a
  modified edition is written at once.
* `Boundary.save_failed` does the same for Save and Save As: the edition stays
  open and modified, a recovery copy is written wherever one can be, and a
  refused save (someone else changed the file) offers Save As.
* `install_excepthook` is the last resort for everything else that runs from
  the Qt event loop (widgets' events, other modules' slots, worker threads):
  the same message, through the window's boundary.

Message boxes are window-modal but opened without a nested event loop (`open`),
and while one is shown further errors go to the status bar and the log only, so
a fault in painting cannot stack up boxes.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from kupang_layout.common.errorlog import log_exception
from kupang_layout.common.errortext import KNOWN, describe
from kupang_layout.gui.base.host import WindowHost
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.shell.actions import Actions
from kupang_layout.i18n import register_messages
from kupang_layout.i18n import tr as message

CTX = "Boundary"

MESSAGES: dict[str, dict[str, str]] = {
    "gui.action": {"id": "menjalankan '{action}'", "en": "running '{action}'"},
    "gui.event": {"id": "bekerja di aplikasi", "en": "working in the app"},
    "gui.work_kept": {
        "id": "Pekerjaan Anda tidak hilang: edisi tetap terbuka dan salinan pemulihannya "
        "ada di {path}.",
        "en": "Your work is not lost: the edition stays open and a recovery copy is in {path}.",
    },
    "gui.work_open": {
        "id": "Edisi tetap terbuka; simpan sekarang (dengan Simpan Sebagai ke folder lain bila "
        "perlu).",
        "en": "The edition stays open; save it now (with Save As into another folder if needed).",
    },
    "gui.save_failed": {
        "id": "Edisi tidak tersimpan ke {file}.",
        "en": "The edition was not saved to {file}.",
    },
    "gui.save_kept": {
        "id": "Edisi tetap terbuka dan belum tersimpan; salinan pemulihannya ada di {path}.",
        "en": "The edition stays open and unsaved; a recovery copy is in {path}.",
    },
    "gui.save_not_kept": {
        "id": "Edisi tetap terbuka dan belum tersimpan, tetapi salinan pemulihan pun tidak "
        "dapat dibuat: simpan dengan Simpan Sebagai ke folder atau disk lain.",
        "en": "The edition stays open and unsaved, but no recovery copy could be made either: "
        "save it with Save As to another folder or disk.",
    },
    "gui.concurrent": {
        "id": "Berkas itu telah diubah oleh orang atau program lain sejak Anda membukanya; "
        "menyimpan sekarang akan menimpa perubahan itu. Simpan dengan Simpan Sebagai ke "
        "berkas baru, lalu gabungkan.",
        "en": "That file was changed by someone or something else since you opened it; "
        "saving now would overwrite that change. Save with Save As to a new file, then "
        "merge.",
    },
}
register_messages(MESSAGES)


def action_label(action: QAction) -> str:
    """The action's menu text as the desk reads it (no mnemonic, no ellipsis)."""
    return action.text().replace("&", "").rstrip("…").rstrip(".").strip()


def is_concurrent_change(exc: BaseException) -> bool:
    """A save refused because the file changed since it was read (storage's own error)."""
    return any(c.__name__.startswith("Concurrent") for c in type(exc).mro())


class BoundaryHost(WindowHost, Protocol):
    """The window whose actions run inside the boundary (its Save and Save As are used).

    A host with an `autosave` (the shell's `Autosaver`) gets a recovery copy on a failure.
    """

    @property
    def acts(self) -> Actions: ...


class Boundary(QObject):
    """The error boundary of one main window."""

    _from_thread = Signal(object, str)  # an exception raised off the GUI thread

    def __init__(self, host: BoundaryHost) -> None:
        super().__init__(host.window())
        self.host = host
        self.box: QMessageBox | None = None
        self.last_message = ""
        self._from_thread.connect(self._report_from_thread)

    @property
    def lang(self) -> str:
        return self.host.language

    # -- actions ---------------------------------------------------------------------
    def connect_action(self, action: QAction, slot: Callable[[], object]) -> None:
        """Run `slot` when `action` is triggered, inside the boundary."""
        action.triggered.connect(lambda *_: self.run(action_label(action), slot))

    def guard(self, what: str, slot: Callable[[], object]) -> Callable[..., None]:
        """`slot` wrapped in the boundary (for signals other than an action's)."""
        return lambda *_: self.run(what, slot)

    def run(self, what: str, slot: Callable[[], object]) -> None:
        try:
            slot()
        except Exception as exc:  # the GUI action boundary: shown, logged, work kept
            self.report(exc, message("gui.action", self.lang, action=what))

    # -- reporting -------------------------------------------------------------------
    def report(self, exc: BaseException, action: str, file: str | None = None) -> None:
        """Show `exc` (log it, keep a recovery copy of modified work)."""
        file = file or (str(self.host.doc.path) if self.host.doc.path else None)
        log = log_exception(exc, action, file)
        text = describe(exc, action, file, log, self.lang)
        if not isinstance(exc, KNOWN):
            kept = self._keep_work()
            key = "gui.work_kept" if kept is not None else "gui.work_open"
            text = f"{text}\n\n{message(key, self.lang, path=kept)}"
        self.show(text)

    def save_failed(self, path: Path, exc: BaseException) -> None:
        """Save or Save As failed: say why, keep the work, offer Save As if it was refused."""
        action = message("gui.action", self.lang, action=action_label(self.host.acts["save"]))
        log = log_exception(exc, action, str(path))
        concurrent = is_concurrent_change(exc)
        if concurrent:
            problem = message("gui.concurrent", self.lang)
        else:
            problem = describe(exc, action, str(path), log, self.lang)
        kept = self._keep_work(always=True)
        tail = (
            message("gui.save_kept", self.lang, path=kept)
            if kept is not None
            else message("gui.save_not_kept", self.lang)
        )
        head = message("gui.save_failed", self.lang, file=path)
        box = self.show(f"{head} {problem}\n\n{tail}", force=True)
        if concurrent and box is not None:
            save_as = box.addButton(tr(CTX, "Save &As…"), QMessageBox.ButtonRole.AcceptRole)
            save_as.setObjectName("save_as")
            save_as.clicked.connect(self.host.acts["save_as"].trigger)

    def _keep_work(self, always: bool = False) -> Path | None:
        """A recovery copy of the open edition now (modified work only, unless `always`)."""
        doc = self.host.doc
        saver = getattr(self.host, "autosave", None)
        if saver is None or not (always or doc.history.is_modified or doc.in_group):
            return None
        kept: Path | None = saver.rescue()
        return kept

    def show(self, text: str, force: bool = False) -> QMessageBox | None:
        """A window-modal box that does not block the caller; one at a time unless `force`."""
        self.last_message = text
        status = text.split("\n", 1)[0]
        self.host.statusBar().showMessage(status, 15000)
        if self.box is not None and shiboken6.isValid(self.box) and self.box.isVisible():
            if not force:
                return None
            self.box.close()
        box = QMessageBox(self.host.window())
        box.setObjectName("error_box")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr(CTX, "Kupang Layout: Problem"))
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.box = box
        return box

    # -- the last resort -------------------------------------------------------------
    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        what = message("gui.event", self.lang)
        if threading.current_thread() is not threading.main_thread():
            self._from_thread.emit(exc, what)  # queued into the GUI thread
            return
        self.report(exc, what)

    def _report_from_thread(self, exc: object, what: str) -> None:
        if isinstance(exc, BaseException):
            self.report(exc, what)


def install_excepthook(boundary: Boundary) -> Callable[[], None]:
    """Route uncaught exceptions of the event loop to `boundary` (a window's); returns an
    undo. When the window (and so its boundary) is gone, the interpreter reports."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit) or not shiboken6.isValid(boundary):
            previous(kind, exc, tb)
            return
        try:
            boundary.excepthook(kind, exc, tb)
        except Exception:  # the boundary itself failed: the interpreter's own report
            previous(kind, exc, tb)

    sys.excepthook = hook

    def restore() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    if QApplication.instance() is None:  # pragma: no cover - the app exists by now
        restore()
    return restore
