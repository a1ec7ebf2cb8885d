"""Export in the background (issue 15, item 5): the desk edits on while the pages are written;
progress in the status bar, finished pages in the Export dock, the dialog's memory, one
export per folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import intake_check_available, intake_result
from gui_helpers import at, click, double_click, make_window
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from qt_samples import sample_edition

from kupang_layout.gui.dialogs.export_dialog import ExportDialog
from kupang_layout.gui.dialogs.export_job import claim_folder, release_folder
from kupang_layout.gui.panels import export_panel
from kupang_layout.gui.panels.export_panel import COL_FILE, COL_PAGE
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import TextFrame
from kupang_layout.render.pdf import PROOF_PRESET

EXPORT_TIMEOUT_MS = 240_000
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
OLD_HEADLINE = "Jalan Oebobo Diperbaiki Sebelum Musim Hujan"


def _three_pages(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=300))
    window.ops.add_page()
    window.ops.add_page()
    window.doc.set_page(window.doc.edition.pages[0].id)
    window.canvas.fit_page()
    assert len(window.doc.edition.pages) == 3
    return window


def _activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()


def _open_dialog(qtbot, window: MainWindow) -> ExportDialog:  # type: ignore[no-untyped-def]
    _activate(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_E, CTRL_SHIFT)  # File › Export PDF…
    dialog = window.export_opener.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.isModal()
    return dialog


def _pdf_text(path: Path) -> str:
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return " ".join(run.stdout.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_desk_edits_while_three_pages_export(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = _three_pages(qtbot)
    out = tmp_path / "pdf"
    dialog = _open_dialog(qtbot, window)
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(out))
    assert dialog.folder_full.text() == str(out)
    assert dialog.page_choice.all_pages.isChecked() and dialog.export_button.isEnabled()
    monitor = window.export_monitor
    rows: list[str] = []
    monitor.panel.tree.model().rowsInserted.connect(lambda *_: rows.append("row"))
    seen_progress: list[int] = []
    monitor.bar.valueChanged.connect(seen_progress.append)

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    job = dialog.job
    assert job is not None and monitor.running
    assert not dialog.isVisible()  # the dialog goes; the work goes on
    assert monitor.bar.isVisible() and monitor.label.isVisible()  # the status bar shows it
    assert monitor.dock.isVisible()
    assert "3" in monitor.panel.summary.text() and str(out) in monitor.panel.summary.text()

    # the desk edits the headline in place while the pages are being written
    _activate(qtbot, window)
    head = window.doc.frame("f-head")
    assert isinstance(head, TextFrame)
    double_click(window.canvas, at(window.canvas, head.rect.x + 20, head.rect.y + 20))
    editor = window.inplace
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "Jalan Baru Dibuka")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    story = window.doc.edition.stories["s-head"]
    assert story.paragraphs[0].text == "Jalan Baru Dibuka"
    # ... and moves the headline frame with the arrow key: one undo step, named
    click(window.canvas, at(window.canvas, head.rect.x + 20, head.rect.y + 20))
    x_before = window.doc.frame("f-head").rect.x  # type: ignore[union-attr]
    _activate(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert window.doc.frame("f-head").rect.x > x_before  # type: ignore[union-attr]
    assert window.acts["undo"].text().replace("&", "") == "Urungkan Pindahkan bingkai"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert window.doc.frame("f-head").rect.x == pytest.approx(x_before)  # type: ignore[union-attr]
    assert window.acts["undo"].text().replace("&", "") == "Urungkan Sunting teks"

    qtbot.waitUntil(lambda: not monitor.running, timeout=EXPORT_TIMEOUT_MS)
    assert not monitor.bar.isVisible()
    tree = monitor.panel.tree
    assert tree.topLevelItemCount() == 3 and len(rows) == 3
    assert sorted(int(tree.topLevelItem(i).text(COL_PAGE)) for i in range(3)) == [1, 2, 3]
    assert seen_progress[-1] == 3
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert sorted(tree.topLevelItem(i).text(COL_FILE) for i in range(3)) == names
    assert "3" in monitor.panel.summary.text()
    assert "3" in window.statusBar().currentMessage()

    # the PDFs are the snapshot taken when Export was clicked, not the edit made since
    item = next(
        tree.topLevelItem(i) for i in range(3) if tree.topLevelItem(i).text(COL_PAGE) == "1"
    )
    first = out / item.text(COL_FILE)
    text = _pdf_text(first)
    assert OLD_HEADLINE.split()[0] in text and "Oebobo" in text
    assert "Dibuka" not in text
    assert window.doc.edition.stories["s-head"].paragraphs[0].text == "Jalan Baru Dibuka"
    if intake_check_available():
        assert intake_result(first)["accepted"] is True

    # a double-click on a row opens the PDF (file column) or the folder (elsewhere)
    opened: list[QUrl] = []
    monkeypatch.setattr(export_panel.QDesktopServices, "openUrl", lambda u: opened.append(u))
    monitor.dock.raise_()
    tree.scrollToItem(item)
    assert tree.viewport().height() > 0 and tree.viewport().width() > 0
    for column in (COL_FILE, COL_PAGE):
        rect = tree.visualItemRect(item)
        x = tree.header().sectionViewportPosition(column) + 5
        # the point clicked is on the viewport, on this row, in this column (the row itself
        # may be wider than the dock)
        point = QPoint(x, rect.center().y())
        assert tree.viewport().rect().contains(point), (point, tree.viewport().rect())
        assert tree.itemAt(point) is item and tree.columnAt(x) == column
        double_click(tree.viewport(), QPointF(point))
    assert [Path(u.toLocalFile()) for u in opened] == [first, out]


def test_the_dialog_remembers_pages_preset_and_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _three_pages(qtbot)
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.page_choice.page_list, "2-3")
    assert dialog.page_choice.some_pages.isChecked()
    dialog.preset.setCurrentIndex(dialog.preset.findData(PROOF_PRESET))
    preset_name = dialog.preset.currentData()
    dialog.folder.setText(str(tmp_path / "keluar"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.export_monitor.running, timeout=EXPORT_TIMEOUT_MS)
    assert sorted(p.name for p in (tmp_path / "keluar").glob("*.pdf"))  # pages 2 and 3
    assert window.export_monitor.panel.tree.topLevelItemCount() == 2

    again = _open_dialog(qtbot, window)
    assert again is not dialog
    assert again.page_choice.some_pages.isChecked() and again.page_choice.page_list.text() == "2-3"
    assert again.preset.currentData() == preset_name
    assert again.folder.text() == str(tmp_path / "keluar")
    assert again.folder_full.text() == str(tmp_path / "keluar")
    again.close()

    # a relative folder is shown in full
    other = ExportDialog(window)
    qtbot.addWidget(other)
    other.folder.setText("PDF-hari-ini")
    assert other.folder_full.text() == str(Path.cwd() / "PDF-hari-ini")
    assert Path(other.folder_full.text()).is_absolute()


def test_a_second_export_into_the_same_folder_is_refused(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _three_pages(qtbot)
    out = tmp_path / "pdf"
    assert claim_folder(out)  # an export (of another window) is writing there
    try:
        dialog = _open_dialog(qtbot, window)
        dialog.folder.setText(str(out))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.job is None and not window.export_monitor.running
        assert dialog.isVisible()
        assert str(out) in dialog.status.text()
        assert not out.exists() or not list(out.glob("*.pdf"))
    finally:
        release_folder(out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None
    assert not claim_folder(out)  # taken by this export now
    qtbot.waitUntil(lambda: not window.export_monitor.running, timeout=EXPORT_TIMEOUT_MS)
    assert claim_folder(out)  # given back when it ended
    release_folder(out)
