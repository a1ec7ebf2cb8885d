"""The Export PDF dialog: pages, preset, file names, preflight gate, progress, cancel, preview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import intake_check_available, intake_result
from gui_helpers import make_window
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QPixmap
from qt_samples import sample_edition

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.gui.dialogs import export_dialog
from kupang_layout.gui.dialogs.export_dialog import ExportDialog
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.jobs.export_manifest import MANIFEST_NAME
from kupang_layout.render.pdf import DEFAULT_PRESET, PROOF_PRESET

EXPORT_TIMEOUT_MS = 180_000


def _dialog(qtbot, window: MainWindow, folder: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(folder))
    dialog.show()
    return dialog


def _run(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None  # on its own thread: this one goes on
    qtbot.waitUntil(lambda: dialog.job is None, timeout=EXPORT_TIMEOUT_MS)
    assert dialog.outcome is not None, dialog.status.text()


def test_two_pages_of_the_demo_edition_export_and_pass_the_intake_check(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, build_sample_edition().edition)
    dialog = _dialog(qtbot, window, tmp_path / "pdf")
    pages = dialog.page_choice
    qtbot.keyClicks(pages.page_list, "1,3")
    assert pages.some_pages.isChecked() and pages.selected_pages() == [1, 3]
    assert dialog.pattern.text() == "{paper}_{edition}_{page:02d}.pdf"
    assert "KupangTimes_612_01.pdf" in dialog.example.text()
    assert dialog.issues == [] or not any(i.is_error for i in dialog.issues)
    assert not dialog.preflight.acknowledge.isVisible()
    progress: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(lambda v: progress.append((v, dialog.progress.maximum())))
    _run(qtbot, dialog)
    outcome = dialog.outcome
    assert outcome is not None and not outcome.failed and not outcome.cancelled
    names = sorted(r.path.name for r in outcome.written if r.path)
    assert names == ["KupangTimes_612_01.pdf", "KupangTimes_612_03.pdf"]
    on_disk = sorted(p.name for p in (tmp_path / "pdf").iterdir())
    assert on_disk == [*names, MANIFEST_NAME]  # no report: no errors
    assert progress[-1] == (2, 2)
    assert dialog.open_button.isEnabled() and dialog.preview_button.isEnabled()
    if intake_check_available():
        for r in outcome.written:
            assert r.path is not None
            result = intake_result(r.path)
            assert result["errors"] == [], result
            assert result["accepted"] is True
    opened: list[QUrl] = []
    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened and Path(opened[0].toLocalFile()) == tmp_path / "pdf"
    shown: list[QPixmap] = []
    monkeypatch.setattr(export_dialog, "show_preview", lambda parent, pix, title: shown.append(pix))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert shown and not shown[0].isNull()
    page = window.doc.edition.pages[0]
    ratio = shown[0].height() / shown[0].width()
    assert ratio == pytest.approx(
        (page.height + 2 * page.bleed) / (page.width + 2 * page.bleed), 0.05
    )


def test_unsaved_edits_and_a_pattern_of_ones_own(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=300))
    window.ops.add_page()  # exists only in memory: the export takes a snapshot
    assert window.doc.path is None and len(window.doc.edition.pages) == 2
    dialog = _dialog(qtbot, window, tmp_path / "out")
    dialog.page_choice.current_page.setChecked(True)
    assert dialog.page_choice.selected_pages() == [2]
    dialog.preset.setCurrentIndex(dialog.preset.findData(PROOF_PRESET))
    assert dialog.pattern.text().endswith("_proof.pdf")  # follows the preset until edited
    dialog.preset.setCurrentIndex(dialog.preset.findData(DEFAULT_PRESET))
    assert dialog.pattern.text() == "{paper}_{edition}_{page:02d}.pdf"
    dialog.pattern.setText("{paper}.pdf")
    assert not dialog.export_button.isEnabled()  # no {page}
    assert "{page}" in dialog.example.text()
    dialog.pattern.setText("halaman-{page}.pdf")
    _run(qtbot, dialog)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [MANIFEST_NAME, "halaman-2.pdf"]
    assert window.doc.history.is_modified and window.doc.path is None  # nothing saved


def test_errors_must_be_acknowledged_and_then_the_report_is_written(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=4000))  # overset body text
    dialog = _dialog(qtbot, window, tmp_path / "pdf")
    dialog.preset.setCurrentIndex(dialog.preset.findData(PROOF_PRESET))
    assert any(i.rule == "overset" for i in dialog.issues)
    assert dialog.preflight.acknowledge.isVisible()
    assert dialog.preflight.issue_list.count() >= 1
    assert not dialog.export_button.isEnabled()
    dialog.start()  # refused without the acknowledgement
    assert dialog.job is None
    dialog.preflight.acknowledge.setChecked(True)
    _run(qtbot, dialog)
    report = tmp_path / "pdf" / "preflight.json"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert any(d["rule"] == "overset" and d["severity"] == "error" for d in data["document"])
    assert "pdf" in data
    assert str(report) in dialog.status.text()


def test_cancel_stops_after_the_pages_being_written(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=300))
    for _ in range(13):
        window.ops.add_page()
    total = len(window.doc.edition.pages)
    dialog = _dialog(qtbot, window, tmp_path / "pdf")
    dialog.combined.setChecked(True)
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.close_button.text() != dialog.export_button.text()
    dialog.close()  # Close is Cancel while exporting; the dialog stays
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=EXPORT_TIMEOUT_MS)
    outcome = dialog.outcome
    assert outcome is not None and outcome.cancelled
    written = {r.path.name for r in outcome.written if r.path}
    assert 0 < len(written) < total
    on_disk = {p.name for p in (tmp_path / "pdf").iterdir()}
    # no combined proof, nothing half-written; the manifest records the pages written
    assert on_disk == written | {MANIFEST_NAME}
    assert outcome.proof is None
    dialog.close()
    assert not dialog.isVisible()


def test_cancel_in_one_process_stops_right_after_the_page_written(tmp_path: Path) -> None:
    from kupang_layout.gui.dialogs.export_job import make_request, run_export
    from kupang_layout.jobs.export import ExportOptions
    from kupang_layout.model import Page, mm

    edition = sample_edition(n_words=300)
    # Two pages: two jobs (the same page twice would write one file twice: refused).
    edition.pages.append(Page("p2", 2, mm(280), mm(430)))
    options = ExportOptions(
        preset_name=PROOF_PRESET,
        filename_pattern="satu-{page}.pdf",
        combined=True,
        language="id",
        workers=1,
    )
    request = make_request(edition, tmp_path / "pdf", [1, 2], options, issues=[])
    seen: list[tuple[int, int]] = []
    outcome = run_export(
        request, lambda done, total, _m: seen.append((done, total)), lambda: bool(seen)
    )
    assert seen == [(1, 2)] and outcome.cancelled
    assert [r.path.name for r in outcome.written if r.path] == ["satu-1.pdf"]
    assert outcome.proof is None
