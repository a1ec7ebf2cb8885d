"""The live preflight panel: the command line's rules, updated after edits; a click goes there."""

from __future__ import annotations

from gui_helpers import make_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from qt_samples import body_text, sample_edition

from kupang_layout.gui.panels.preflight_panel import ISSUE_ROLE, PreflightPanel
from kupang_layout.model import Paragraph, SetStoryParagraphs
from kupang_layout.preflight import Issue, run_preflight


def _items(panel: PreflightPanel) -> list[QTreeWidgetItem]:
    tree = panel.tree
    return [tree.topLevelItem(k) for k in range(tree.topLevelItemCount())]


def _keys(issues: list[Issue]) -> list[tuple[str, str, int | None, str]]:
    return sorted((i.severity, i.rule, i.page, i.frame_id) for i in issues)


def test_overset_is_listed_and_a_click_selects_and_zooms_to_the_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    edition = sample_edition(n_words=4000)
    window = make_window(qtbot, edition)
    panel = window.preflight_dock.panel
    # The panel checks on its own after the debounce; nothing is forced here.
    qtbot.waitUntil(lambda: any(i.rule == "overset" for i in panel.issues), timeout=5000)
    # The same rules as the command line, on the same edition.
    assert _keys(panel.issues) == _keys(run_preflight(edition))
    overset = next(i for i in panel.issues if i.rule == "overset")
    assert overset.frame_id.startswith("f-body")
    assert "✕" in window.preflight_dock.windowTitle()
    status = window.findChild(type(panel.summary), "preflight_status")
    assert status is not None and panel.summary.text() in status.text()

    item = next(it for it in _items(panel) if it.data(0, ISSUE_ROLE) == overset)
    assert item.text(1) == "1"
    assert item.text(3) == overset.message("id")
    window.canvas.fit_page()
    fit_zoom = window.canvas.view.zoom
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.selection == [overset.frame_id]
    assert window.canvas.view.zoom > fit_zoom * 1.5  # zoomed in on the frame
    frame = window.doc.frame(overset.frame_id)
    assert frame is not None
    centre = window.canvas.view.to_widget(
        frame.rect.x + frame.rect.width / 2, frame.rect.y + frame.rect.height / 2
    )
    assert window.canvas.rect().contains(centre.toPoint())


def test_the_list_follows_edits(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=4000))
    panel = window.preflight_dock.panel
    qtbot.waitUntil(lambda: any(i.rule == "overset" for i in panel.issues), timeout=5000)
    short = [Paragraph.plain("Body", t) for t in body_text(150)]
    window.doc.execute(SetStoryParagraphs("s-body", short))
    assert panel.busy  # waits for the edits to pause
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert not any(i.rule == "overset" for i in panel.issues)
    assert _keys(panel.issues) == _keys(run_preflight(window.doc.edition))
    window.doc.undo()
    qtbot.waitUntil(lambda: any(i.rule == "overset" for i in panel.issues), timeout=5000)


def test_messages_follow_the_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=4000))
    panel = window.preflight_dock.panel
    panel.run_now()
    overset = next(i for i in panel.issues if i.rule == "overset")
    first = next(it for it in _items(panel) if it.data(0, ISSUE_ROLE) == overset)
    assert first.text(3) == overset.message("id")
    window.set_language("en")
    qtbot.waitUntil(
        lambda: any(it.text(3) == overset.message("en") for it in _items(panel)), timeout=3000
    )
    assert panel.tree.headerItem().text(3) == "Problem"
    assert window.preflight_dock.windowTitle().startswith("Preflight")
    window.set_language("id")
    qtbot.waitUntil(lambda: panel.tree.headerItem().text(3) == "Masalah", timeout=3000)
