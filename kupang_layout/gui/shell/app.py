"""GUI stage: starting the desktop app (QApplication, language, fonts, main window)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kupang_layout import __version__
from kupang_layout.common.runtemp import clean_stale_runs
from kupang_layout.gui.base.i18n import install_language
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.shell.autosave import offer_recovery
from kupang_layout.gui.shell.boundary import install_excepthook
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.gui.shell.probe import install_probe
from kupang_layout.i18n import LANGUAGES, current_language
from kupang_layout.render.qt import default_faces
from kupang_layout.storage import StorageError, load_edition


def application() -> QApplication:
    """The QApplication (created once)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Kupang Layout")
    app.setOrganizationName("Kupang Times")
    app.setApplicationVersion(__version__)
    return app


def chosen_language(explicit: str | None) -> str:
    """--lang or KUPANG_LAYOUT_LANG first, then the language picked in the app last time."""
    if explicit:
        return current_language()
    saved = app_settings().language
    if saved in LANGUAGES:
        return saved
    return current_language()


def open_window(path: Path | None = None, language: str | None = None) -> MainWindow:
    """A main window showing the edition at `path` (a .kpl file or a shared edition folder),
    or, without one, the start screen (recent editions, New, Open) over a blank edition."""
    application()
    lang = install_language(chosen_language(language))
    default_faces()  # bundled fonts registered before any widget asks for them
    doc = EditionSession()
    window = MainWindow(doc, lang)
    if path is not None and path.is_dir():
        window.shared.open_folder(path)  # a shared edition folder: its plan
    elif path is not None:
        try:
            edition = load_edition(path)
        except StorageError as exc:
            window.ops.error_box(str(exc))
        else:
            doc.replace(edition, path)
            window.ops.show_load_warnings()  # what loading repaired, if anything
    if path is None:
        window.show_start()
    return window


def run(path: str | None = None, language: str | None = None) -> int:
    clean_stale_runs()  # temporary folders of runs that were killed
    app = application()
    window = open_window(Path(path) if path else None, language)
    probe = install_probe()  # only for a driver outside the app (KUPANG_LAYOUT_PROBE)
    restore_hook = install_excepthook(window.boundary)  # the last resort of the error boundary
    try:
        window.show()
        QTimer.singleShot(0, lambda: offer_recovery(window))  # after a crash
        return app.exec()
    finally:
        restore_hook()
        if probe is not None:
            probe.timer.stop()
