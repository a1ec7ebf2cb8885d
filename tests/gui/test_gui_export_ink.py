"""The Export dock shows how each finished page's total ink was verified (the Ink column
and its tooltip), in the app's language, from the verdicts the export recorded."""

from __future__ import annotations

import json
from pathlib import Path

from gui_helpers import make_window
from PySide6.QtCore import Qt
from qt_samples import sample_edition
from test_gui_export_background import EXPORT_TIMEOUT_MS, _open_dialog

from kupang_layout.gui.base.settings import user_presets_path
from kupang_layout.gui.panels.export_panel import COL_FILE, COL_INK, COL_PAGE, ExportPanel
from kupang_layout.jobs.export_manifest import load_manifest
from kupang_layout.jobs.export_types import (
    InkVerdict,
    PageEvent,
    PageOutcome,
    ink_figure,
    ink_text,
)
from kupang_layout.render.pdf.presets import DEFAULT_PRESET, default_presets_path


def test_the_export_dock_shows_each_pages_ink_verdict_in_the_apps_language(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=300))
    window.ops.add_page()
    out = tmp_path / "pdf"
    dialog = _open_dialog(qtbot, window)
    dialog.page_choice.all_pages.setChecked(True)
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    monitor = window.export_monitor
    qtbot.waitUntil(lambda: not monitor.running, timeout=EXPORT_TIMEOUT_MS)
    tree = monitor.panel.tree
    assert tree.topLevelItemCount() == 2
    recorded = load_manifest(out)
    assert tree.headerItem().text(COL_INK) == "Tinta"

    def rows() -> list[tuple[int, str, str, InkVerdict]]:
        found = []
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            verdict = recorded[item.text(COL_FILE)].ink
            assert verdict is not None
            found.append(
                (int(item.text(COL_PAGE)), item.text(COL_INK), item.toolTip(COL_INK), verdict)
            )
        return found

    for page, cell, tip, verdict in rows():
        assert tip == ink_text(page, verdict, "id")  # the line the command line prints
        assert ink_figure(verdict.total, "id") in cell and "," in cell
        assert ("terbukti" if verdict.way == "proof" else "Ghostscript") in cell

    window.set_language("en")
    try:
        assert tree.headerItem().text(COL_INK) == "Ink"
        for page, cell, tip, verdict in rows():
            assert tip == ink_text(page, verdict, "en")
            assert ink_figure(verdict.total, "en") in cell
            assert ("proven" if verdict.way == "proof" else "measured by Ghostscript") in cell
    finally:
        window.set_language("id")


def test_every_kind_of_verdict_has_its_cell(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ExportPanel(lambda: "id")
    qtbot.addWidget(panel)
    panel.begin(Path("/tmp/keluar"), 4)
    verdicts = [
        InkVerdict("proof", 236.04),
        InkVerdict("ghostscript", 232.2, 241.6, "Ghostscript asked for"),
        InkVerdict("unchecked", None, None, "gs missing"),
        None,  # a failed page: no check, no verdict
    ]
    for n, verdict in enumerate(verdicts, start=1):
        status = "failed" if verdict is None else "exported"
        outcome = PageOutcome(n, f"p{n}", f"H{n}.pdf", None, status, ink=verdict)
        panel.add(PageEvent(n, 4, outcome))
    cells = [panel.tree.topLevelItem(i).text(COL_INK) for i in range(4)]
    tips = [panel.tree.topLevelItem(i).toolTip(COL_INK) for i in range(4)]
    assert "236,0" in cells[0] and "terbukti" in cells[0]
    assert "232,2" in cells[1] and "Ghostscript" in cells[1]
    assert cells[2] == "tidak diperiksa" and tips[2] == ink_text(3, verdicts[2], "id")  # type: ignore[arg-type]
    assert cells[3] == "" and tips[3] == ""
    assert tips[1] == ink_text(2, verdicts[1], "id")  # type: ignore[arg-type]


def test_a_desks_preset_asking_for_ghostscript_is_said_and_measures_the_page(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    raw = json.loads(default_presets_path().read_text(encoding="utf-8"))
    plant = dict(next(p for p in raw["presets"] if p["name"] == DEFAULT_PRESET))
    plant.update(name="Percetakan (Ghostscript)", ink_check="ghostscript")
    user = user_presets_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(json.dumps({"version": 1, "presets": [plant]}), encoding="utf-8")

    window = make_window(qtbot, sample_edition(n_words=300))
    dialog = _open_dialog(qtbot, window)
    dialog.preset.setCurrentIndex(dialog.preset.findData(DEFAULT_PRESET))
    assert "Ghostscript" not in dialog.preset_note.text()
    dialog.preset.setCurrentIndex(dialog.preset.findData("Percetakan (Ghostscript)"))
    assert "tinta setiap halaman diukur dengan Ghostscript" in dialog.preset_note.text()
    out = tmp_path / "pdf"
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    monitor = window.export_monitor
    qtbot.waitUntil(lambda: not monitor.running, timeout=EXPORT_TIMEOUT_MS)
    item = monitor.panel.tree.topLevelItem(0)
    verdict = load_manifest(out)[item.text(COL_FILE)].ink
    assert verdict is not None and verdict.way == "ghostscript"
    assert verdict.why == "Ghostscript asked for"
    assert "diukur dengan Ghostscript" in item.text(COL_INK)
