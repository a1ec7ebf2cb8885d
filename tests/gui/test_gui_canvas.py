"""Direct editing on the canvas: create, move, resize, snap, nudge, zoom; each undoable."""

from __future__ import annotations

import pytest
from gui_helpers import ALT, CTRL, SHIFT, at, click, ctrl_wheel, drag, make_window, mouse
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QApplication
from qt_samples import sample_edition

from kupang_layout.gui.base.session import new_edition
from kupang_layout.gui.canvas.canvas import NUDGE, NUDGE_BIG
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import ImageFrame, TextFrame, mm


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(qtbot, sample_edition(photo=False))


@pytest.fixture
def blank(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, new_edition())
    w.canvas.set_zoom_percent(100.0)
    w.canvas.view.centre_on(200, 300, w.canvas.width(), w.canvas.height())
    return w


def _px(window: MainWindow) -> float:
    """One widget pixel in points."""
    return 1.0 / window.canvas.view.zoom


def test_create_text_frame_by_dragging_then_undo_redo(blank: MainWindow) -> None:
    c, doc = blank.canvas, blank.doc
    page = doc.page
    assert page is not None and page.frames == []
    blank.acts["tool_text"].trigger()
    assert c.tool.name == "text"
    drag(c, at(c, 101.3, 203.7), at(c, 251.9, 352.2), CTRL)  # Ctrl: no snapping
    assert len(page.frames) == 1
    f = page.frames[0]
    assert isinstance(f, TextFrame) and f.story_id in doc.edition.stories
    tol = _px(blank)
    assert f.rect.x == pytest.approx(101.3, abs=tol) and f.rect.y == pytest.approx(203.7, abs=tol)
    assert f.rect.right == pytest.approx(251.9, abs=tol)
    assert f.rect.bottom == pytest.approx(352.2, abs=tol)
    assert doc.selection == [f.id]
    doc.undo()
    assert page.frames == [] and f.story_id not in doc.edition.stories
    doc.redo()
    assert page.frames == [f]


def test_create_image_frame_and_rule(blank: MainWindow) -> None:
    c, page = blank.canvas, blank.doc.page
    assert page is not None
    blank.acts["tool_image"].trigger()
    drag(c, at(c, 100, 100), at(c, 200, 180), CTRL)
    blank.acts["tool_rule"].trigger()
    drag(c, at(c, 100, 250), at(c, 300, 254), CTRL)  # straightened to horizontal
    assert isinstance(page.frames[0], ImageFrame)
    rule = page.frames[1]
    assert rule.kind == "rule" and rule.rect.height == 0
    assert rule.rect.width == pytest.approx(200, abs=2 * _px(blank))


def test_move_is_one_undo_step(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    frame = doc.frame("f-box")
    assert frame is not None
    before = frame.rect
    start = at(c, *frame.rect.center)
    serial = doc.history.serial
    drag(c, start, start + QPointF(37, 23), CTRL, steps=12)
    assert doc.selection == ["f-box"]
    z = c.view.zoom
    assert frame.rect.x == pytest.approx(before.x + 37 / z, abs=1e-6)
    assert frame.rect.y == pytest.approx(before.y + 23 / z, abs=1e-6)
    assert doc.history.serial == serial + 1  # one step for the whole drag
    doc.undo()
    assert frame.rect == before
    doc.redo()
    assert frame.rect.x == pytest.approx(before.x + 37 / z)


def test_drag_preview_does_not_relayout(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """While a frame is dragged the model is untouched and the page image is reused."""
    c, doc = window.canvas, window.doc
    frame = doc.frame("f-box")
    assert frame is not None
    start = at(c, *frame.rect.center)
    mouse(c, QEvent.Type.MouseButtonPress, start, modifiers=CTRL)
    mouse(c, QEvent.Type.MouseMove, start + QPointF(10, 0), modifiers=CTRL)
    c.repaint()
    renders = c.layer.renders
    revision = doc.revision
    for dx in range(12, 60, 4):
        mouse(c, QEvent.Type.MouseMove, start + QPointF(dx, 5), modifiers=CTRL)
        c.repaint()
    assert c.layer.renders == renders and doc.revision == revision
    assert c.drag_ids == {"f-box"}
    mouse(c, QEvent.Type.MouseButtonRelease, start + QPointF(56, 5), modifiers=CTRL)
    assert c.drag_ids == frozenset() and doc.revision > revision


def test_resize_by_handle(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    c.set_zoom_percent(100)
    frame = doc.frame("f-box")
    assert frame is not None
    c.view.centre_on(frame.rect.right, frame.rect.bottom, c.width(), c.height())
    click(c, at(c, *frame.rect.center))
    before = frame.rect
    drag(c, at(c, before.right, before.bottom), at(c, before.right + 30, before.bottom + 20), CTRL)
    tol = _px(window)
    assert frame.rect.x == before.x and frame.rect.y == before.y
    assert frame.rect.right == pytest.approx(before.right + 30, abs=tol)
    assert frame.rect.bottom == pytest.approx(before.bottom + 20, abs=tol)
    doc.undo()
    assert frame.rect == before


def test_resize_with_shift_keeps_proportions(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    frame = doc.frame("f-box")
    assert frame is not None
    click(c, at(c, *frame.rect.center))
    before = frame.rect
    drag(
        c,
        at(c, before.right, before.bottom),
        at(c, before.right + 60, before.bottom + 5),
        CTRL | SHIFT,
    )
    assert frame.rect.width / frame.rect.height == pytest.approx(before.width / before.height)
    assert frame.rect.width > before.width


def test_resize_reflows_text_live_in_one_step(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    frame = doc.frame("f-body0")
    assert frame is not None
    click(c, at(c, *frame.rect.center))
    before_runs = [r for r in doc.display_list().text_runs() if r.frame_id == "f-body0"]
    start = at(c, frame.rect.right, frame.rect.bottom)
    serial = doc.history.serial
    mouse(c, QEvent.Type.MouseButtonPress, start, modifiers=CTRL)
    mouse(c, QEvent.Type.MouseMove, start + QPointF(0, -60), modifiers=CTRL)
    during = [r for r in doc.display_list().text_runs() if r.frame_id == "f-body0"]
    assert len(during) < len(before_runs)  # fewer lines fit: the text re-flowed already
    mouse(c, QEvent.Type.MouseMove, start + QPointF(0, -80), modifiers=CTRL)
    mouse(c, QEvent.Type.MouseButtonRelease, start + QPointF(0, -80), modifiers=CTRL)
    assert doc.history.serial == serial + 1
    doc.undo()
    assert len([r for r in doc.display_list().text_runs() if r.frame_id == "f-body0"]) == len(
        before_runs
    )


def test_snap_to_column_edge_and_ctrl_moves_freely(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    c.set_zoom_percent(100)
    page = doc.page
    frame = doc.frame("f-box")
    assert page is not None and frame is not None
    col_left = page.column_edges()[2][0]  # a column edge no other frame edge sits on
    c.view.centre_on(col_left, frame.rect.y, c.width(), c.height())
    start = at(c, frame.rect.x + 20, frame.rect.y + 20)
    # aim the frame's left edge 3 px right of the column edge, off the grid
    target_dx = (col_left - frame.rect.x) * c.view.zoom + 3
    end = QPointF(round(start.x() + target_dx), start.y() + 7)
    mouse(c, QEvent.Type.MouseButtonPress, start)
    for i in range(1, 7):
        mouse(c, QEvent.Type.MouseMove, start + (end - start) * (i / 6))
    assert any(t.orientation == "v" and t.position == pytest.approx(col_left) for t in c.snap_lines)
    mouse(c, QEvent.Type.MouseButtonRelease, end)
    assert frame.rect.x == pytest.approx(col_left, abs=1e-9)
    assert c.snap_lines == ()
    doc.undo()
    # the same drag with Ctrl held is not snapped
    before_x = frame.rect.x
    drag(c, start, end, CTRL)
    assert frame.rect.x == pytest.approx(before_x + (end.x() - start.x()) / c.view.zoom, abs=1e-6)
    assert abs(frame.rect.x - col_left) > 1.0


def test_snap_to_other_frame_centre(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    box = doc.frame("f-box")
    photo = doc.frame("f-photo")
    assert box is not None and photo is not None
    c.set_zoom_percent(100)
    c.view.centre_on(*photo.rect.center, c.width(), c.height())
    # drag the box so its vertical centre lands 2 px from the photo's centre line
    start = at(c, *box.rect.center)
    dy = (photo.rect.center[1] - box.rect.center[1]) * c.view.zoom + 2
    drag(c, start, QPointF(start.x() - 7, round(start.y() + dy)))
    assert box.rect.center[1] == pytest.approx(photo.rect.center[1], abs=1e-9)


def test_nudge_delete_duplicate_lock(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    c, doc = window.canvas, window.doc
    page = doc.page
    frame = doc.frame("f-box")
    assert page is not None and frame is not None
    doc.set_selection(["f-box"])
    c.setFocus()
    x0 = frame.rect.x
    qtbot.keyClick(c, Qt.Key.Key_Right)
    assert frame.rect.x == pytest.approx(x0 + NUDGE)
    qtbot.keyClick(c, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert frame.rect.x == pytest.approx(x0 + NUDGE + NUDGE_BIG)
    assert pytest.approx(mm(0.5)) == NUDGE and pytest.approx(mm(5)) == NUDGE_BIG
    count = len(page.frames)
    window.acts["duplicate"].trigger()
    assert len(page.frames) == count + 1 and doc.selection != ["f-box"]
    dup = doc.frame(doc.selection[0])
    assert dup is not None and dup.rect.x == pytest.approx(frame.rect.x + mm(5))
    qtbot.keyClick(c, Qt.Key.Key_Delete)
    assert len(page.frames) == count
    doc.set_selection(["f-box"])
    window.acts["lock"].trigger()
    assert frame.locked
    before = frame.rect
    drag(c, at(c, *frame.rect.center), at(c, *frame.rect.center) + QPointF(40, 40), CTRL)
    qtbot.keyClick(c, Qt.Key.Key_Left)
    assert frame.rect == before  # a locked frame stays put
    window.acts["unlock"].trigger()
    assert not frame.locked
    doc.undo()
    assert frame.locked


def test_arrange(window: MainWindow) -> None:
    doc = window.doc
    page = doc.page
    assert page is not None
    doc.set_selection(["f-photo"])
    window.acts["bring_front"].trigger()
    assert page.frames[-1].id == "f-photo"
    window.acts["send_back"].trigger()
    assert page.frames[0].id == "f-photo"
    window.acts["bring_forward"].trigger()
    assert page.frames[1].id == "f-photo"
    doc.undo()
    assert page.frames[0].id == "f-photo"


def test_marquee_selects(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    drag(c, at(c, -5, -5), at(c, page.width / 2, mm(60)))
    assert "f-head" in doc.selection and "f-box" not in doc.selection


def test_alt_drag_moves_picture_inside_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=True))
    c, doc = window.canvas, window.doc
    frame = doc.frame("f-photo")
    assert isinstance(frame, ImageFrame) and frame.asset
    start = at(c, *frame.rect.center)
    click(c, start)
    drag(c, start, start + QPointF(15, -10), ALT)
    assert frame.rect.center == pytest.approx(frame.rect.center)
    assert frame.offset_x == pytest.approx(15 / c.view.zoom)
    assert frame.offset_y == pytest.approx(-10 / c.view.zoom)
    doc.undo()
    assert (frame.offset_x, frame.offset_y) == (0.0, 0.0)


def test_zoom(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = window.canvas
    window.acts["actual_size"].trigger()
    assert c.view.percent == pytest.approx(100.0)
    window.acts["zoom_in"].trigger()
    assert c.view.percent == pytest.approx(125.0)
    window.acts["zoom_out"].trigger()
    window.acts["zoom_out"].trigger()
    assert c.view.percent == pytest.approx(75.0)
    pos = QPointF(300, 200)
    under = c.view.to_page(pos)
    ctrl_wheel(c, pos, 2)
    assert c.view.percent > 75.0
    assert c.view.to_page(pos) == pytest.approx(under, abs=0.5 / c.view.zoom)
    window.acts["fit_page"].trigger()
    page = window.doc.page
    assert page is not None
    top_left = c.view.to_widget(-page.bleed, -page.bleed)
    bottom_right = c.view.to_widget(page.width + page.bleed, page.height + page.bleed)
    assert top_left.x() >= 0 and top_left.y() >= 0
    assert bottom_right.x() <= c.width() and bottom_right.y() <= c.height()
    assert window.zoom_label.text().startswith("Zoom")


def test_space_holds_the_hand(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = window.canvas
    c.setFocus()
    QApplication.processEvents()
    ox = c.view.ox
    qtbot.keyPress(c, Qt.Key.Key_Space)
    drag(c, QPointF(400, 400), QPointF(450, 420))
    qtbot.keyRelease(c, Qt.Key.Key_Space)
    assert c.view.ox == pytest.approx(ox + 50, abs=1)
    assert window.doc.history.serial == 0  # panning changes nothing in the model


def test_ruler_drag_makes_a_guide(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    ruler = window.vruler
    start = QPointF(10, 300)
    end_canvas = at(c, 150.0, 300.0)
    end = QPointF(ruler.mapFromGlobal(c.mapToGlobal(end_canvas.toPoint())))
    ctrl = Qt.KeyboardModifier.ControlModifier  # no snapping: the guide lands where let go
    mouse(ruler, QEvent.Type.MouseButtonPress, start, modifiers=ctrl)
    mouse(ruler, QEvent.Type.MouseMove, end, modifiers=ctrl)
    mouse(ruler, QEvent.Type.MouseButtonRelease, end, modifiers=ctrl)
    assert len(page.guides) == 1
    g = page.guides[0]
    assert g.orientation == "v" and g.position == pytest.approx(150.0, abs=1 / c.view.zoom)
    doc.undo()
    assert page.guides == []


def test_a_guide_dragged_near_a_column_edge_snaps_to_it(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    edge = page.column_edges()[1][0]  # the left edge of the second column
    ruler = window.vruler
    near = at(c, edge + 2.0 / c.view.zoom, 300.0)  # two pixels off
    end = QPointF(ruler.mapFromGlobal(c.mapToGlobal(near.toPoint())))
    mouse(ruler, QEvent.Type.MouseButtonPress, QPointF(10, 300))
    mouse(ruler, QEvent.Type.MouseMove, end)
    assert any(t.position == pytest.approx(edge) for t in c.snap_lines)  # shown while dragging
    mouse(ruler, QEvent.Type.MouseButtonRelease, end)
    assert [g.position for g in page.guides] == [pytest.approx(edge)]
    assert c.snap_lines == ()


def test_layout_runs_only_when_the_model_changes(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c, doc = window.canvas, window.doc
    calls = []
    real = doc.engine.layout_page
    monkeypatch.setattr(doc.engine, "layout_page", lambda e, p: calls.append(1) or real(e, p))
    c.repaint()
    c.repaint()
    c.pan_by(10, 0)
    c.repaint()
    assert calls == []  # nothing changed since the window was shown
    doc.set_selection(["f-box"])
    window.acts["duplicate"].trigger()
    c.repaint()
    c.repaint()
    assert len(calls) == 1


def test_partial_repaint_matches_a_full_render(window: MainWindow) -> None:
    """After an edit only the changed lines are painted again; the result is the same
    image a full render gives."""
    from kupang_layout.model import SetParagraphText

    c, doc = window.canvas, window.doc
    c.repaint()
    renders = c.layer.renders
    partial = c.layer.partial_renders
    text = doc.edition.stories["s-body"].paragraphs[1].text
    doc.execute(SetParagraphText("s-body", 1, text.replace(" ", " kami ", 1)))
    c.repaint()
    assert c.layer.renders == renders and c.layer.partial_renders == partial + 1
    assert c.layer.image is not None
    patched = c.layer.image.copy()
    c.layer.invalidate()
    c.repaint()
    assert c.layer.renders == renders + 1
    assert c.layer.image is not None and c.layer.image == patched


def test_zoom_shortcuts(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = window.canvas
    c.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(c, Qt.Key.Key_1, ctrl)
    assert c.view.percent == pytest.approx(100.0)
    qtbot.keyClick(c, Qt.Key.Key_Plus, ctrl)
    assert c.view.percent == pytest.approx(125.0)
    qtbot.keyClick(c, Qt.Key.Key_Minus, ctrl)
    assert c.view.percent == pytest.approx(100.0)
    qtbot.keyClick(c, Qt.Key.Key_0, ctrl)
    assert c.view.percent < 100.0
    qtbot.keyClick(c, Qt.Key.Key_T)
    assert c.tool.name == "text"
    qtbot.keyClick(c, Qt.Key.Key_V)
    assert c.tool.name == "select"
