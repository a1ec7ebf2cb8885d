"""The flat plan in the app and a shared edition folder worked by several desks at once.

Driven with real input events (double-clicks, right-clicks, menu clicks, button
clicks) on a 16-page edition with ads booked on four pages; other desks are real
child processes (one holding a lock on page 3 and then SIGKILLed, one saving page 5).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from kupang_layout.editing.page_ops import build_edition
from kupang_layout.gui.base.settings import SHARED_POLL_ENV, app_settings
from kupang_layout.gui.panels.flat_plan import FlatPlanPanel
from kupang_layout.gui.panels.flat_plan_states import STATE_COLOURS
from kupang_layout.model import Edition, RemoveFrame
from kupang_layout.model.commands_plan import SetPageCount
from kupang_layout.model.plan import AdBooking, Delivery, FlatPlan, PageState, PlanEntry
from kupang_layout.model.units import mm
from kupang_layout.storage import TemplateLibrary, checkout
from kupang_layout.storage.edition_folder import (
    create_shared_edition,
    page_key,
    read_shared_edition,
    save_page_file,
)

REPO = Path(__file__).resolve().parents[2]
ADS = {
    "ad-2": AdBooking("ad-2", "Bank NTT", 2, "custom", 3, mm(100)),
    "ad-5": AdBooking("ad-5", "Toko Sinar", 5, "quarter"),
    "ad-11": AdBooking("ad-11", "Hotel Kristal", 11, "half"),
    "ad-16": AdBooking("ad-16", "Telkomsel", 16, "full"),
}
SECTIONS = {1: "Utama", 2: "Kota", 3: "Kota", 4: "Daerah", 5: "Daerah", 16: "Olahraga"}


def _plan(now: datetime) -> FlatPlan:
    entries = {n: PlanEntry(n, section=s) for n, s in SECTIONS.items()}
    entries[1] = PlanEntry(1, "Utama", "halaman-depan", "Rina")
    entries[6] = PlanEntry(6, "Ekonomi", ready=True, ready_by="Yanti", ready_at=now.isoformat())
    later = (now + timedelta(hours=1)).isoformat(timespec="seconds")
    earlier = (now - timedelta(hours=1)).isoformat(timespec="seconds")
    deliveries = [
        Delivery(8, "KupangTimes_537_08.pdf", "a" * 64, "c8", later, "Yanti"),
        Delivery(9, "KupangTimes_537_09.pdf", "b" * 64, "c9", earlier, "Yanti"),
    ]
    return FlatPlan(page_count=16, entries=entries, ads=dict(ADS), deliveries=deliveries)


def _page_edition(number: int) -> Edition:
    lib = TemplateLibrary()
    edition = build_edition("Kupang Times", "537", "2026-12-07", [lib.get("berita-satu")])
    edition.pages[0].number = number
    return edition


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "KupangTimes_537"
    shared = create_shared_edition(
        root, number="537", date="2026-12-07", plan=_plan(datetime.now().astimezone())
    )
    for n in (1, 6, 8, 9):
        save_page_file(shared, page_key([n]), _page_edition(n))
    return root


@pytest.fixture()
def window(qtbot, folder: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(SHARED_POLL_ENV, "0.3")
    app_settings().set("desk/name", "Yohana")
    w = make_window(qtbot, Edition())
    assert w.shared.open_folder(folder)
    qtbot.waitUntil(lambda: w.shared.dock.isVisible())
    w.shared.panel.refresh()
    yield w
    w.shared.finish()


def _panel(window) -> FlatPlanPanel:  # type: ignore[no-untyped-def]
    return window.shared.panel  # type: ignore[no-any-return]


def _centre(panel: FlatPlanPanel, number: int) -> QPoint:
    rect = panel.view.cell_rect(number)
    assert not rect.isEmpty(), f"page {number} is not in the plan view"
    panel.scroller.ensureVisible(rect.center().x(), rect.center().y(), 10, rect.height())
    return rect.center()


def _double_click(panel: FlatPlanPanel, number: int) -> None:
    pos = _centre(panel, number)
    QTest.mouseDClick(panel.view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def _click_action(menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    QTest.mouseClick(
        menu,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        menu.actionGeometry(action).center(),
    )


def _head_colour(panel: FlatPlanPanel, number: int) -> QColor:
    image = panel.view.grab().toImage()
    rect = panel.view.cell_rect(number)
    ratio = image.devicePixelRatio()
    return image.pixelColor(round((rect.x() + 60) * ratio), round((rect.y() + 3) * ratio))


def _child(code: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


# -- the plan ------------------------------------------------------------------------------------
def test_plan_shows_spreads_states_and_ads(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    rows = {r.number: r for r in panel.view.rows.values()}
    assert sorted(rows) == list(range(1, 17))  # every planned page, made or not
    assert rows[1].state is PageState.IN_PROGRESS and rows[1].detail == "Rina"
    assert rows[3].state is PageState.EMPTY and not rows[3].exists
    assert rows[6].state is PageState.READY
    assert rows[8].state is PageState.SENT
    assert rows[9].state is PageState.CHANGED
    assert {n for n, r in rows.items() if r.ads} == {2, 5, 11, 16}
    assert rows[2].ads[0].advertiser == "Bank NTT"
    view = panel.view
    # Page 1 alone on the right; then 2-3, 4-5, ... side by side; page 16 alone on the left.
    r1, r2, r3 = view.cell_rect(1), view.cell_rect(2), view.cell_rect(3)
    assert r2.right() + 1 == r3.left() and r2.top() == r3.top()
    assert view.number_at(QPoint(r1.left() - 5, r1.center().y())) == 0
    r16 = view.cell_rect(16)
    assert view.number_at(QPoint(r16.right() + 5, r16.center().y())) == 0
    for number, state in (
        (3, PageState.EMPTY),
        (1, PageState.IN_PROGRESS),
        (6, PageState.READY),
        (8, PageState.SENT),
        (9, PageState.CHANGED),
    ):
        assert _head_colour(panel, number) == QColor(STATE_COLOURS[state]), number
    assert panel.view.images[1] is not None  # the thumbnail of a made page
    assert panel.title.text().startswith("16 halaman")


def test_open_assign_and_mark_ready_with_real_input(window, qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    _double_click(panel, 4)
    qtbot.waitUntil(lambda: window.doc.path == folder / "pages" / "page-04.kpl")
    assert window.doc.page is not None and window.doc.page.number == 4
    found = checkout.current_holder(folder, "page-04")
    assert found is not None and found[0].user == "Yohana" and not window.doc.read_only
    # Assign page 7 through the context menu (right-click, Assign to, the name).
    pos = _centre(panel, 7)
    QTest.mouseClick(panel.view, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, pos)
    if panel.last_menu is None:  # platforms that open context menus on release only
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, panel.view.mapToGlobal(pos))
        QApplication.sendEvent(panel.view, event)
    menu = panel.last_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    _click_action(menu, "Tugaskan kepada")
    sub = menu.findChild(QMenu, "flat_plan_assign_menu")
    assert sub is not None
    qtbot.waitUntil(sub.isVisible)
    _click_action(sub, "Rina")
    qtbot.waitUntil(lambda: read_shared_edition(folder).plan.entry(7).assignee == "Rina")
    assert panel.row(7).state is PageState.IN_PROGRESS  # type: ignore[union-attr]
    # Mark page 4 ready with the button.
    QTest.mouseClick(
        panel.view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _centre(panel, 4)
    )
    ready = panel.buttons["ready"]
    assert ready.text() == "Tandai Siap"
    QTest.mouseClick(ready, Qt.MouseButton.LeftButton)
    entry = read_shared_edition(folder).plan.entry(4)
    assert entry.ready and entry.ready_by == "Yohana"
    assert panel.row(4).state is PageState.READY  # type: ignore[union-attr]
    assert _head_colour(panel, 4) == QColor(STATE_COLOURS[PageState.READY])
    window.shared.close_page()
    assert checkout.current_holder(folder, "page-04") is None  # released on close


def test_locked_page_read_only_then_stale_and_taken_over(window, qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    child = _child(
        f"""
        import time
        from pathlib import Path
        from kupang_layout.storage import checkout
        checkout.acquire(Path({str(folder)!r}), "page-03", checkout.me("Rina"))
        print("locked", flush=True)
        time.sleep(600)
        """
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        panel = _panel(window)
        _double_click(panel, 3)
        qtbot.waitUntil(lambda: window.shared.bar.isVisible())
        text = window.shared.bar.label.text()
        assert text.startswith(f"Dikerjakan oleh Rina ({socket.gethostname()}) sejak ")
        assert "hanya-baca" in text
        assert window.doc.read_only and not window.acts["save"].isEnabled()
        assert not window.shared.bar.take_over.isVisible()
        assert not window.doc.execute(SetPageCount(20))
        qtbot.waitUntil(lambda: panel.row(3) is not None and panel.row(3).lock is not None)  # type: ignore[union-attr]
        assert not panel.row(3).lock.stale  # type: ignore[union-attr]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    # The holder is gone: the plan shows the lock as stale, the bar offers to take it over.
    def stale() -> bool:
        row = panel.row(3)
        return row is not None and row.lock is not None and row.lock.stale

    qtbot.waitUntil(stale, timeout=10_000)
    window.shared.close_page()

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, confirm)
            return
        assert "Rina" in box.text()
        QTest.mouseClick(box.findChild(QPushButton, "take_over_yes"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, confirm)
    _double_click(panel, 3)  # opening asks first, then takes the stale lock over
    qtbot.waitUntil(lambda: not window.doc.read_only and window.shared.holder is not None)
    found = checkout.current_holder(folder, "page-03")
    assert found is not None and found[0].user == "Yohana" and found[0].pid == os.getpid()
    assert window.acts["save"].isEnabled()


def test_another_desk_saving_page_5_refreshes_the_plan(window, qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    assert not panel.row(5).exists  # type: ignore[union-attr]
    child = _child(
        f"""
        from pathlib import Path
        from kupang_layout.editing.page_ops import build_edition
        from kupang_layout.storage import TemplateLibrary, checkout
        from kupang_layout.storage.edition_folder import read_shared_edition, save_page_file
        folder = Path({str(folder)!r})
        me = checkout.me("Rina")
        checkout.acquire(folder, "page-05", me)
        template = TemplateLibrary().get("berita-dua")
        e = build_edition("Kupang Times", "537", "2026-12-07", [template])
        e.pages[0].number = 5
        save_page_file(read_shared_edition(folder), "page-05", e)
        checkout.release(folder, "page-05", me)
        """
    )
    assert child.wait(timeout=120) == 0
    qtbot.waitUntil(lambda: panel.row(5) is not None and panel.row(5).exists, timeout=15_000)  # type: ignore[union-attr]
    assert panel.row(5).state is PageState.IN_PROGRESS  # type: ignore[union-attr]
    assert panel.view.images.get(5) is not None


def test_a_save_over_an_unseen_change_is_kept_aside(window, qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.shared.open_page(1)
    before = (folder / "pages" / "page-01.kpl").read_bytes()
    child = _child(
        f"""
        from pathlib import Path
        from kupang_layout.storage.edition_folder import (
            load_page_file, read_shared_edition, save_page_file,
        )
        shared = read_shared_edition(Path({str(folder)!r}))
        e = load_page_file(shared, "page-01")
        e.pages[0].frames.pop()
        save_page_file(shared, "page-01", e)
        """
    )
    assert child.wait(timeout=120) == 0
    theirs = (folder / "pages" / "page-01.kpl").read_bytes()
    assert theirs != before
    page = window.doc.page
    assert window.doc.execute(RemoveFrame(page.frames[0].id))  # type: ignore[union-attr]
    assert not window.shared.save()
    kept = window.shared.last_conflict
    assert kept.parent == folder / "conflicts" and kept.is_file()
    assert (folder / "pages" / "page-01.kpl").read_bytes() == theirs  # never overwritten
    box = window.findChild(QMessageBox, "conflict_box")
    assert box is not None and "conflicts" in box.text()
    box.close()


# -- a single edition file -------------------------------------------------------------------------
def test_plan_of_a_single_file_is_undoable(qtbot) -> None:  # type: ignore[no-untyped-def]
    edition = _page_edition(1)
    edition.plan = FlatPlan(page_count=16, ads=dict(ADS))
    w = make_window(qtbot, edition)
    w.acts["panel_plan"].trigger()
    panel = w.shared.panel
    qtbot.waitUntil(lambda: len(panel.view.rows) == 16)
    w.shared.panel.assign(3, "Rina")
    assert w.doc.edition.plan.entry(3).assignee == "Rina"
    w.doc.undo()
    assert w.doc.edition.plan.entry(3).assignee == ""
    _double_click(panel, 7)  # a planned page not made yet: made at its own number
    page = w.doc.page
    assert page is not None and page.number == 7
    assert [p.number for p in w.doc.edition.pages] == [1, 7]
    planned = w.editions.pages.planned  # the pages panel names the planned pages not made yet
    assert planned.text() == "Direncanakan, belum dibuat: 2–6, 8–16"
    QTest.mouseClick(panel.buttons["renumber"], Qt.MouseButton.LeftButton)
    assert [p.number for p in w.doc.edition.pages] == [1, 2]
    w.doc.undo()
    assert [p.number for p in w.doc.edition.pages] == [1, 7]


def test_the_desk_name_and_plant_folder_are_preferences(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.gui.dialogs.preferences import PreferencesDialog

    w = make_window(qtbot, Edition())
    dialog = PreferencesDialog(w)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.desk_name.clear()
    QTest.keyClicks(dialog.desk_name, "Rina")
    QTest.keyClicks(dialog.plant_dir, str(tmp_path))
    assert dialog.apply()
    assert app_settings().desk_name == "Rina"
    assert app_settings().plant_dir == tmp_path
    assert checkout.me(app_settings().desk_name).user == "Rina"


def test_a_desk_whose_lock_was_taken_over_keeps_its_work_aside(window, qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.shared.open_page(1)
    page = window.doc.page
    assert window.doc.execute(RemoveFrame(page.frames[0].id))  # type: ignore[union-attr]
    before = (folder / "pages" / "page-01.kpl").read_bytes()
    child = _child(
        f"""
        from pathlib import Path
        from kupang_layout.storage import checkout
        folder = Path({str(folder)!r})
        seen = checkout.read_holder(checkout.lock_path(folder, "page-01"))
        checkout.take_over(folder, "page-01", checkout.me("Markus"), seen)
        """
    )
    assert child.wait(timeout=120) == 0
    window.shared.refresh_lock()  # what the 30 s timer does
    assert window.doc.read_only and "Markus" in window.shared.bar.label.text()
    assert window.acts["save"].isEnabled()  # Save keeps the work, elsewhere
    window.acts["save"].trigger()
    kept = window.shared.last_conflict
    assert kept is not None and kept.parent == folder / "conflicts" and kept.is_file()
    assert (folder / "pages" / "page-01.kpl").read_bytes() == before
    found = checkout.current_holder(folder, "page-01")
    assert found is not None and found[0].user == "Markus"  # still theirs
