"""The error boundary: an unexpected exception in any entry point is shown, logged, and no work
is lost (CLI command, GUI action, autosave, Save, background job, the event loop)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import CTRL, make_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from qt_samples import sample_edition

from kupang_layout.common.errorlog import close_log
from kupang_layout.gui.shell import autosave as autosave_mod
from kupang_layout.gui.shell import operations
from kupang_layout.gui.shell.boundary import install_excepthook
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.gui.shell.recovery import RECOVERY_FILE, fallback_root, recovery_root
from kupang_layout.model import Paragraph, Run, SetParagraphText, SetStoryParagraphs
from kupang_layout.storage import edition_to_json, save_edition

REPO = Path(__file__).resolve().parents[2]

#: Duplicate is Ctrl+Alt+Shift+D (Ctrl+D is Place, as in InDesign).
DUPLICATE = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)
SURROGATE_ERROR = UnicodeEncodeError("utf-8", "x\ud800", 1, 2, "surrogates not allowed")


@pytest.fixture(autouse=True)
def _private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The system temp folder (recovery fallback, log fallback) inside the test's folder."""
    tmp = tmp_path / "systemp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    yield
    close_log()


def _log() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "kupang-layout" / "logs" / "kupang-layout.log"


# -- the command line -------------------------------------------------------------------
INJECT = """
import sys
import kupang_layout.preflight as preflight

def broken(*args, **kwargs):
    raise {error}

preflight.run_preflight = broken
from kupang_layout.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _cli(
    tmp_path: Path, error: str, *args: str, debug: bool = False
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update({"KUPANG_LAYOUT_LANG": "id", "PYTHONPATH": str(REPO)})
    env.pop("KUPANG_LAYOUT_DEBUG", None)
    if debug:
        env["KUPANG_LAYOUT_DEBUG"] = "1"
    return subprocess.run(
        [sys.executable, "-c", INJECT.format(error=error), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


@pytest.fixture
def edition_file(tmp_path: Path) -> Path:
    path = tmp_path / "edisi-rabu.kpl"
    save_edition(sample_edition(n_words=120), path)
    return path


def test_cli_unexpected_exception_is_a_message_an_exit_code_and_a_log_entry(
    tmp_path: Path, edition_file: Path
) -> None:
    r = _cli(tmp_path, "RuntimeError('rusak di dalam')", "preflight", str(edition_file))
    assert r.returncode == 3
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert "Galat internal" in r.stderr  # Indonesian by default
    assert str(edition_file) in r.stderr  # names the file
    assert str(_log()) in r.stderr  # and the log holding the details
    log = _log().read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: rusak di dalam" in log
    assert str(edition_file) in log

    en = _cli(tmp_path, "RuntimeError('x')", "--lang", "en", "preflight", str(edition_file))
    assert en.returncode == 3 and "Internal error" in en.stderr and "Traceback" not in en.stderr


def test_cli_debug_shows_the_traceback(tmp_path: Path, edition_file: Path) -> None:
    r = _cli(tmp_path, "RuntimeError('x')", "preflight", str(edition_file), debug=True)
    assert r.returncode == 3 and "Traceback" in r.stderr


def test_cli_memory_error_says_what_to_do(tmp_path: Path, edition_file: Path) -> None:
    r = _cli(tmp_path, "MemoryError()", "preflight", str(edition_file))
    assert r.returncode == 3
    assert "memori tidak cukup" in r.stderr and "Tutup program lain" in r.stderr
    assert str(_log()) in r.stderr and "Traceback" not in r.stderr


def test_cli_disk_full_names_the_file_and_says_free_space(
    tmp_path: Path, edition_file: Path
) -> None:
    error = "OSError(28, 'No space left on device', '/data/out/laporan.json')"
    r = _cli(tmp_path, error, "preflight", str(edition_file))
    assert r.returncode == 2
    assert "/data/out/laporan.json" in r.stderr and "disk penuh" in r.stderr
    assert "Kosongkan ruang" in r.stderr and "Traceback" not in r.stderr


def test_cli_read_only_write_names_the_file_and_says_choose_another_folder(
    tmp_path: Path, edition_file: Path
) -> None:
    error = (
        "__import__('kupang_layout.common.atomic', fromlist=['x'])"
        ".FileWriteError('/mnt/ro/a.pdf', 'Read-only file system', 30)"
    )
    r = _cli(tmp_path, error, "preflight", str(edition_file))
    assert r.returncode == 2
    assert "/mnt/ro/a.pdf" in r.stderr and "folder lain" in r.stderr
    assert "Traceback" not in r.stderr


def test_cli_output_path_that_is_a_file_is_exit_2_without_traceback(
    tmp_path: Path, edition_file: Path
) -> None:
    """H5/H9: a real failure (the folder named for the PNG is a file), not injected."""
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "kupang_layout", "render", str(edition_file), "--png",
         str(blocker / "hal.png")],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
    )  # fmt: skip
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "bukan-folder" in r.stderr


# -- the app: an action ------------------------------------------------------------------
def _box(name: str = "error_box") -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible():
            return w
    return None


def _close(qtbot, box: QMessageBox) -> None:  # type: ignore[no-untyped-def]
    button = box.button(QMessageBox.StandardButton.Close) or box.button(
        QMessageBox.StandardButton.Ok
    )
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible() if _alive(box) else True, timeout=3000)


def _alive(box: QMessageBox) -> bool:
    import shiboken6

    return shiboken6.isValid(box)


def _recovery_copies() -> list[Path]:
    out: list[Path] = []
    for root in (recovery_root(), fallback_root()):
        if root.is_dir():
            out.extend(root.glob(f"*/{RECOVERY_FILE}"))
    return out


def _window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=200))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def test_gui_action_failure_shows_a_message_keeps_the_model_and_the_work(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot)
    doc = window.doc
    frame = doc.page.frames[-1] if doc.page else None
    assert frame is not None
    doc.set_selection([frame.id])
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, DUPLICATE)  # Duplicate works: unsaved work
    assert doc.history.is_modified and len(doc.selection) == 1 and doc.selection != [frame.id]
    before = edition_to_json(doc.edition)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("duplikat rusak")

    monkeypatch.setattr(operations, "duplicate_commands", broken)
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, DUPLICATE)  # the real shortcut of the real action
    qtbot.waitUntil(lambda: _box() is not None, timeout=5000)
    box = _box()
    assert box is not None
    text = box.text()
    assert "Galat internal" in text and "'Gandakan'" in text and "duplikat rusak" in text
    assert str(_log()) in text  # the details are logged, and the message says where
    assert "Traceback" in _log().read_text(encoding="utf-8")
    assert "Pekerjaan Anda tidak hilang" in text  # a recovery copy was written at once
    copies = _recovery_copies()
    assert len(copies) == 1
    assert json.loads(copies[0].read_text(encoding="utf-8"))["document"] == before
    _close(qtbot, box)
    assert edition_to_json(doc.edition) == before  # the model is unchanged
    assert doc.history.is_modified


def test_gui_menu_action_failure_in_english(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot)
    window.set_language("en")
    before = edition_to_json(window.doc.edition)

    def broken(self: object) -> None:
        raise ValueError("page arithmetic")

    monkeypatch.setattr(operations.Operations, "add_page", broken)
    window.acts["add_page"].trigger()  # as the Page menu does
    qtbot.waitUntil(lambda: _box() is not None, timeout=5000)
    box = _box()
    assert box is not None and "Internal error" in box.text() and "Add Page" in box.text()
    _close(qtbot, box)
    assert edition_to_json(window.doc.edition) == before
    window.set_language("id")


# -- the app: Save ----------------------------------------------------------------------
def _modified_window_with_file(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = _window(qtbot)
    path = tmp_path / "edisi.kpl"
    save_edition(window.doc.edition, path)
    window.doc.set_path(path)
    window.doc.execute(SetParagraphText("s-head", 0, "Judul baru yang belum tersimpan"))
    assert window.doc.history.is_modified
    return window


def test_save_failure_is_shown_the_document_stays_modified_and_a_recovery_copy_is_written(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """H2's save side, proven by injection whatever the loader and dump_json do."""
    window = _modified_window_with_file(qtbot, tmp_path)
    doc = window.doc
    saved_bytes = doc.path.read_bytes() if doc.path else b""

    def broken(*args: object, **kwargs: object) -> None:
        raise SURROGATE_ERROR

    monkeypatch.setattr(operations, "save_edition", broken)
    qtbot.keyClick(window.canvas, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: _box() is not None, timeout=5000)
    box = _box()
    assert box is not None
    text = box.text()
    assert "tidak tersimpan" in text and "edisi.kpl" in text  # which file
    assert "U+D800" in text and "Cari karakter itu" in text  # why, and what to do
    assert doc.history.is_modified and window.windowTitle().startswith("edisi.kpl*")
    assert doc.path is not None and doc.path.read_bytes() == saved_bytes
    copies = _recovery_copies()
    assert len(copies) == 1 and str(copies[0]) in text  # the message says where the work is
    kept = json.loads(copies[0].read_text(encoding="utf-8"))
    assert kept["document"] == edition_to_json(doc.edition)
    _close(qtbot, box)


def test_save_internal_error_names_the_log(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = _modified_window_with_file(qtbot, tmp_path)

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("frames")

    monkeypatch.setattr(operations, "save_edition", broken)
    assert not window.ops.save()
    box = _box()
    assert box is not None and str(_log()) in box.text() and "KeyError" in box.text()
    assert window.doc.history.is_modified and _recovery_copies()
    _close(qtbot, box)


def test_save_refused_for_a_concurrent_change_offers_save_as(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    errors = pytest.importorskip("kupang_layout.storage.errors")
    concurrent = getattr(errors, "ConcurrentChangeError", None)
    if concurrent is None:
        pytest.skip("no revision check in storage yet")
    window = _modified_window_with_file(qtbot, tmp_path)
    path = window.doc.path

    def refused(*args: object, **kwargs: object) -> None:
        raise concurrent(str(path), None, None)

    monkeypatch.setattr(operations, "save_edition", refused)
    assert not window.ops.save()
    box = _box()
    assert box is not None and "diubah oleh orang" in box.text()
    save_as = box.findChild(QPushButton, "save_as")
    assert save_as is not None
    asked: list[bool] = []
    monkeypatch.setattr(MainWindow, "file_dialog", lambda self, *a: asked.append(True))
    qtbot.mouseClick(save_as, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)  # Save As asks where
    assert window.doc.history.is_modified


def test_a_lone_surrogate_in_a_run_is_saved_or_shown_never_lost(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """H2 for real: whatever the storage layer does, Save either works or says so."""
    window = _modified_window_with_file(qtbot, tmp_path)
    doc = window.doc
    story = doc.edition.stories["s-body"]
    paragraphs = [Paragraph(story.paragraphs[0].style, [Run("Kata \ud800 rusak")])]
    doc.execute(SetStoryParagraphs("s-body", paragraphs))
    saved = window.ops.save()
    if saved:
        assert not doc.history.is_modified and _box() is None
    else:
        box = _box()
        assert box is not None and "tidak tersimpan" in box.text()
        assert doc.history.is_modified and _recovery_copies()
        _close(qtbot, box)
    # The recovery copy of such text is written and reads back exactly.
    assert window.autosave.rescue() is not None
    copy = json.loads(_recovery_copies()[0].read_text(encoding="utf-8"))
    assert copy["document"] == edition_to_json(doc.edition)


# -- the app: autosave -----------------------------------------------------------------
def _block_usual_recovery_folder() -> None:
    root = recovery_root()
    root.parent.mkdir(parents=True, exist_ok=True)
    root.write_text("not a folder", encoding="utf-8")  # works as root user too


def test_autosave_that_cannot_write_its_folder_writes_elsewhere_and_says_where(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot)
    _block_usual_recovery_folder()
    window.doc.execute(SetParagraphText("s-head", 0, "Judul yang diubah"))
    assert window.autosave.autosave()
    window.autosave.wait()
    qtbot.waitUntil(lambda: _box("autosave_warning") is not None, timeout=5000)
    box = _box("autosave_warning")
    assert box is not None and not box.isModal()  # work goes on while it is shown
    folder = fallback_root()
    assert str(folder) in box.text() and "folder biasanya" in box.text()
    copies = list(folder.glob(f"*/{RECOVERY_FILE}"))
    assert len(copies) == 1
    data = json.loads(copies[0].read_text(encoding="utf-8"))
    assert data["document"] == edition_to_json(window.doc.edition)
    assert str(folder) in window.statusBar().currentMessage()
    _close(qtbot, box)
    # Not every minute: the next copy goes there too, without another warning.
    window.doc.execute(SetParagraphText("s-head", 0, "Judul diubah lagi"))
    assert window.autosave.autosave()
    window.autosave.wait()
    qtbot.wait(100)
    assert _box("autosave_warning") is None


def test_autosave_failure_everywhere_is_shown_once(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot)
    _block_usual_recovery_folder()
    fallback_root().parent.mkdir(parents=True, exist_ok=True)
    fallback_root().write_text("blocked too", encoding="utf-8")
    window.doc.execute(SetParagraphText("s-head", 0, "Judul yang diubah"))
    window.autosave.autosave()
    window.autosave.wait()
    qtbot.waitUntil(lambda: _box("autosave_warning") is not None, timeout=5000)
    box = _box("autosave_warning")
    assert box is not None and "tidak dapat ditulis" in box.text()
    assert "Simpan" in box.text()  # what to do
    assert "salinan pemulihan" in window.statusBar().currentMessage().lower()
    _close(qtbot, box)
    window.doc.execute(SetParagraphText("s-head", 0, "Lagi"))
    window.autosave.autosave()
    window.autosave.wait()
    qtbot.wait(100)
    assert _box("autosave_warning") is None  # shown the first time, not every minute
    assert "salinan pemulihan" in window.statusBar().currentMessage().lower()


def test_autosave_unexpected_exception_is_shown(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot)

    def broken(*args: object) -> None:
        raise SURROGATE_ERROR

    monkeypatch.setattr(autosave_mod, "edition_to_json", broken)
    window.doc.execute(SetParagraphText("s-head", 0, "Judul yang diubah"))
    assert not window.autosave.autosave()  # no exception escapes the timer's slot
    qtbot.waitUntil(lambda: _box("autosave_warning") is not None, timeout=5000)
    box = _box("autosave_warning")
    assert box is not None and "U+D800" in box.text()
    assert "Traceback" in _log().read_text(encoding="utf-8")
    _close(qtbot, box)


# -- the app: the event loop and a background job --------------------------------------
def test_an_exception_from_the_event_loop_is_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot)
    restore = install_excepthook(window.boundary)
    try:

        def broken() -> None:
            raise RuntimeError("timer rusak")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: _box() is not None, timeout=5000)
    finally:
        restore()
    box = _box()
    assert box is not None and "timer rusak" in box.text() and "Galat internal" in box.text()
    _close(qtbot, box)


def test_an_exception_in_the_export_thread_is_shown(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.gui.dialogs import export_job
    from kupang_layout.jobs.export import ExportOptions

    window = _window(qtbot)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("ekspor rusak")

    monkeypatch.setattr(export_job, "run_plan", broken)
    restore = install_excepthook(window.boundary)
    try:
        options = ExportOptions(filename_pattern="{page}.pdf", language="id")
        request = export_job.make_request(
            window.doc.edition, tmp_path / "out", [1], options, issues=[]
        )
        job = export_job.ExportThread(request)
        failed: list[str] = []
        job.failed.connect(failed.append)
        job.start()
        qtbot.waitUntil(lambda: _box() is not None or bool(failed), timeout=10000)
        job.wait(10000)
    finally:
        restore()
    shown = failed[0] if failed else (_box().text() if _box() else "")  # type: ignore[union-attr]
    assert "ekspor rusak" in shown
    box = _box()
    if box is not None:
        _close(qtbot, box)


# -- the app: what loading repaired ----------------------------------------------------
def _edition_with_lone_surrogate(path: Path) -> None:
    """A .kpl whose document.json holds a lone surrogate escape in a run (H2)."""
    import zipfile

    save_edition(sample_edition(n_words=60), path)
    with zipfile.ZipFile(path) as zf:
        entries = [(info, zf.read(info.filename)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            if info.filename == "document.json":
                doc = json.loads(data)
                story = next(s for s in doc["edition"]["stories"] if s["id"] == "s-head")
                story["paragraphs"][0]["runs"][0]["text"] = "Judul \ud800 rusak"
                data = json.dumps(doc, ensure_ascii=True).encode("ascii")
            zf.writestr(info, data)


def test_load_warnings_are_shown_after_opening_and_the_repair_is_kept(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("kupang_layout.storage.load_report")
    path = tmp_path / "rusak-teks.kpl"
    _edition_with_lone_surrogate(path)
    window = _window(qtbot)
    assert window.ops.open(path)
    qtbot.waitUntil(lambda: _box("load_warnings_box") is not None, timeout=5000)
    box = _box("load_warnings_box")
    assert box is not None
    assert "rusak-teks.kpl" in box.text()
    assert "\ufffd" in box.informativeText() and "surrogate" in box.informativeText()
    assert "Periksa teks itu" in box.informativeText()  # Indonesian, says what to do
    assert window.doc.history.is_modified  # the repair is saved, or the desk is asked
    _close(qtbot, box)
    assert window.ops.save() and not window.doc.history.is_modified


def test_a_copy_written_to_the_fallback_folder_is_recovered_with_its_pictures(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.gui.shell.autosave import recover_orphan
    from kupang_layout.gui.shell.recovery import RecoverySession, Snapshot, find_orphans

    edition = sample_edition(n_words=80)
    assert edition.assets  # a photo, whose bytes only the recovery folder will hold
    session = RecoverySession.create(fallback_root())  # an app that died, usual folder full
    session.write(
        Snapshot(
            document=edition_to_json(edition),
            assets=tuple((a.sha256, a.filename) for a in edition.assets.values()),
            source=edition.asset_source,
            origin=None,
        )
    )
    session.lock.unlock()
    orphans = find_orphans()
    assert [o.folder for o in orphans] == [session.folder]  # offered at the next start
    window = _window(qtbot)
    assert recover_orphan(window, orphans[0])
    assert edition_to_json(window.doc.edition) == edition_to_json(edition)
    # Writing on (the usual folder works again) never removes the folder holding the pictures.
    window.doc.execute(SetParagraphText("s-head", 0, "Judul setelah pulih"))
    assert window.autosave.autosave()
    window.autosave.wait()
    qtbot.wait(50)
    for asset in window.doc.edition.assets.values():
        assert window.doc.edition.asset_source.read(asset.sha256)
    copy = json.loads((session.folder / RECOVERY_FILE).read_text(encoding="utf-8"))
    assert copy["document"] == edition_to_json(window.doc.edition)
