"""Guides that behave, on the real main window: frames win clicks, column guides are never
picked, Ctrl+Alt picks a guide over a frame, lock (Ctrl+Alt+;), hide (Ctrl+;), delete all."""

from __future__ import annotations

import pytest
from gui_helpers import at, click, drag, make_window
from PySide6.QtCore import QPointF, Qt
from qt_samples import sample_edition

from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import Guide, mm

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    ed = sample_edition(n_words=40, photo=False)
    page = ed.pages[0]
    # a template's ten column guides, and two of the desk's own
    page.guides = [Guide("v", e) for pair in page.column_edges() for e in pair]
    box = page.frame("f-box")
    page.guides.append(Guide("h", box.rect.y + mm(30)))  # across the box
    page.guides.append(Guide("h", mm(415)))  # below the type area: nothing else there
    w = make_window(qtbot, ed)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def _key(qtbot, window: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, key, mods)


def test_a_frame_one_pixel_from_a_column_guide_is_clicked(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    box = doc.frame("f-box")
    assert box is not None
    p = at(c, box.rect.x, box.rect.y + mm(20)) + QPointF(1, 0)
    click(c, p)
    assert doc.selection == ["f-box"]
    guides = list(doc.page.guides)  # type: ignore[union-attr]
    drag(c, p, p + QPointF(40, 0), CTRL_ALT)  # a column guide is never picked
    assert doc.page.guides[:10] == guides[:10]  # type: ignore[union-attr]


def test_a_guide_over_a_frame_moves_only_with_ctrl_alt(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    page = doc.page
    box = doc.frame("f-box")
    assert page is not None and box is not None
    y = page.guides[10].position
    p = at(c, box.rect.center[0], y)
    x0 = box.rect.x
    drag(c, p, p + QPointF(0, 30))  # the frame wins
    assert page.guides[10].position == y and box.rect.y != pytest.approx(mm(0))
    assert doc.selection == ["f-box"]
    doc.undo()
    assert box.rect.x == x0
    drag(c, p, p + QPointF(0, 30), CTRL_ALT)  # the guide, with Ctrl+Alt
    assert page.guides[10].position == pytest.approx(y + 30 / c.view.zoom, abs=1 / c.view.zoom)


def test_a_guide_alone_under_the_pointer_moves_and_lock_hide_delete(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    y = page.guides[11].position
    p = at(c, mm(140), y)
    drag(c, p, p + QPointF(0, -20))
    moved = page.guides[11].position
    assert moved == pytest.approx(y - 20 / c.view.zoom, abs=1 / c.view.zoom)
    _key(qtbot, window, Qt.Key.Key_Semicolon, CTRL_ALT)  # lock guides
    assert window.acts["lock_guides"].isChecked() and c.options.guides_locked
    q = at(c, mm(140), moved)
    drag(c, q, q + QPointF(0, -20))
    assert page.guides[11].position == moved  # locked: a marquee, not the guide
    _key(qtbot, window, Qt.Key.Key_Semicolon, CTRL_ALT)
    assert not c.options.guides_locked
    _key(qtbot, window, Qt.Key.Key_Semicolon, Qt.KeyboardModifier.ControlModifier)  # hide
    assert not window.acts["show_guides"].isChecked() and not c.options.guides
    drag(c, q, q + QPointF(0, -20))
    assert page.guides[11].position == moved  # hidden guides are not picked
    _key(qtbot, window, Qt.Key.Key_Semicolon, Qt.KeyboardModifier.ControlModifier)
    assert c.options.guides
    before = list(page.guides)
    window.acts["delete_guides"].trigger()
    assert page.guides == []
    doc.undo()
    assert page.guides == before
