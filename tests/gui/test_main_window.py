"""The main window's own parts: the Styles panel's key (F11), the map of its widgets for an
outside driver (probe.py), and the split of the window into parts that never import it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from qt_samples import sample_edition

from kupang_layout.gui.shell import probe
from kupang_layout.gui.shell.main_window import MainWindow

SHELL = Path(probe.__file__).resolve().parent
MAIN_WINDOW = "kupang_layout.gui.shell.main_window"


def _f11(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F11)
    qtbot.wait(50)


def _in_front(window: MainWindow) -> bool:
    dock = window.styles_dock
    return not dock.isHidden() and not dock.visibleRegion().isEmpty()


def test_f11_brings_the_styles_panel_to_the_front_of_its_tab_group(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    dock = window.styles_dock
    assert window.tabifiedDockWidgets(dock) == [window.properties_dock]
    window.properties_dock.raise_()
    qtbot.waitUntil(lambda: not _in_front(window))
    assert not dock.isHidden()  # shown, but behind the Properties tab
    _f11(qtbot, window)  # behind a tab: brought to the front, not hidden
    qtbot.waitUntil(lambda: _in_front(window))
    assert window.styles_action.isChecked()
    _f11(qtbot, window)  # in front: hidden
    assert dock.isHidden() and not window.styles_action.isChecked()
    _f11(qtbot, window)  # hidden: shown in front
    qtbot.waitUntil(lambda: _in_front(window))
    assert window.styles_action.isChecked()


def test_the_view_menu_shows_styles_with_its_key_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    view = next(menu for menu, title in window.acts.menus if title == "&View")
    items = view.actions()
    i = items.index(window.acts["panel_story"])
    assert items[i + 1] is window.styles_action
    assert window.styles_action.text() == window.styles_dock.windowTitle() == "Gaya"
    assert window.styles_action.shortcut() == QKeySequence("F11")
    assert window.styles_dock.toggleViewAction().shortcut().isEmpty()  # one action per key
    window.set_language("en")
    assert window.styles_action.text() == "Styles"
    window.set_language("id")


def test_probe_map_places_the_page_and_the_named_widgets(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(probe.ENV, raising=False)
    assert probe.install_probe() is None  # nothing without the variable
    window = make_window(qtbot, sample_edition(n_words=40, photo=True))
    window.doc.set_selection(["f-photo"])
    target = tmp_path / "probe.json"
    monkeypatch.setenv(probe.ENV, str(target))
    keeper = probe.install_probe()
    assert keeper is not None
    try:
        keeper.write()
        data = json.loads(target.read_text(encoding="utf-8"))
    finally:
        keeper.timer.stop()
    (main,) = [w for w in data["windows"] if w["name"] == "MainWindow"]
    canvas = main["canvas"]
    c = window.canvas
    origin = c.mapToGlobal(QPoint(0, 0))
    page = canvas["page"]
    assert page["number"] == 1 and page["scale"] == pytest.approx(c.view.zoom)
    assert page["origin"] == pytest.approx([origin.x() + c.view.ox, origin.y() + c.view.oy])
    photo = next(f for f in canvas["frames"] if f["id"] == "f-photo")
    frame = window.doc.frame("f-photo")
    assert frame is not None and photo["kind"] == "ImageFrame" and photo["asset"]
    top_left = c.mapToGlobal(c.view.to_widget(frame.rect.x, frame.rect.y).toPoint())
    assert photo["rect"][0] == pytest.approx(top_left.x(), abs=1.0)
    assert photo["rect"][1] == pytest.approx(top_left.y(), abs=1.0)
    assert canvas["selection"] == ["f-photo"]
    names = {w["name"]: w for w in main["widgets"] if w["name"]}
    assert "dock_styles" in names and "styles_tree" in names
    rows = [r["text"] for r in names["styles_tree"]["rows"]]
    assert "Isi" in rows  # Body, as the desk reads it


def test_the_window_parts_never_import_the_main_window() -> None:
    importers = []
    for path in sorted(SHELL.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "kupang_layout.gui.shell.main_window"
            ):
                importers.append(path.name)
    assert importers == ["app.py"]  # only the app's start makes the window
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in SHELL.glob("*.py")}
    assert sizes["main_window.py"] < 400
