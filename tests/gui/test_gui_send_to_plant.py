"""The app's File › Kirim ke Percetakan: the ready pages of a shared edition go to the plant's
folder through the delivery job, are logged in the plan, and the desk is told."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import make_window  # noqa: F401  (the Qt app for the window)
from PySide6.QtWidgets import QApplication, QMessageBox

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.shell.app import open_window
from kupang_layout.model.plan import PlanEntry
from kupang_layout.storage.edition_folder import read_shared_edition, update_plan
from kupang_layout.storage.edition_pack import unpack_edition


def _box() -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.objectName() == "send_report" and w.isVisible():
            return w
    return None


def test_send_delivers_the_ready_page_and_logs_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "KT612"
    unpack_edition(build_sample_edition().edition, folder)

    def ready(shared):  # type: ignore[no-untyped-def]
        shared.plan.entries[2] = PlanEntry(2, ready=True, ready_by="Rina")

    update_plan(folder, ready)
    plant = tmp_path / "percetakan"
    plant.mkdir()
    app_settings().set("delivery/plant_dir", str(plant))
    app_settings().set("desk/name", "Rina")
    window = open_window(folder, "id")
    qtbot.addWidget(window)
    window.acts["send_plant"].trigger()
    qtbot.waitUntil(lambda: _box() is not None, timeout=60000)
    box = _box()
    assert box is not None
    assert "Dikirim ke" in box.text() and "KupangTimes_612_02.pdf" in box.text()
    box.close()
    assert sorted(p.name for p in plant.iterdir()) == ["KupangTimes_612_02.pdf"]
    deliveries = read_shared_edition(folder).plan.deliveries
    assert [(d.page, d.file, d.by) for d in deliveries] == [(2, "KupangTimes_612_02.pdf", "Rina")]
    # sent again without a change: nothing new goes, the desk is told it is unchanged
    window.acts["send_plant"].trigger()
    qtbot.waitUntil(lambda: _box() is not None, timeout=60000)
    box = _box()
    assert box is not None and "Tidak berubah sejak dikirim: halaman 2" in box.text()
    box.close()
    assert len(read_shared_edition(folder).plan.deliveries) == 1
