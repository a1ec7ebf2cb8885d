"""The pasteboard is shown (issue 11, item 5): frames beside the page are painted, picked,
moved and resized on the canvas; preflight lists each with its position, and clicking the
message selects it. Real mouse events on a real window; pixels read back from the canvas."""

from __future__ import annotations

import pytest
from gui_helpers import at, click, drag, make_window
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from qt_samples import sample_edition

from kupang_layout.gui.canvas.overlays import DESK, PASTEBOARD, pasteboard_rect
from kupang_layout.gui.panels.preflight_panel import ISSUE_ROLE
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import Edition, ImageFrame, Paragraph, Rect, Story, TextFrame, mm
from kupang_layout.preflight import run_preflight
from kupang_layout.preflight.doc_placement import BEYOND_TOLERANCE

PQ_X = mm(-113)  # where re-templating parked the pull quote
PQ_RECT = Rect(PQ_X, mm(120), mm(80), mm(40))
PLACEMENT = ("frame-pasteboard", "frame-pasteboard-text", "frame-beyond-bleed")


def _quote_of_the_body(edition: Edition) -> str:
    words = edition.stories["s-body"].paragraphs[0].text.split()[2:10]
    return "\u201c" + " ".join(words).rstrip(".") + "\u201d"


def _with_pull_quote(text: str | None = None, rect: Rect = PQ_RECT) -> Edition:
    """The sample page and a pull quote parked left of it (text: a sentence of the body)."""
    ed = sample_edition(photo=False)
    quote = text if text is not None else _quote_of_the_body(ed)
    ed.stories["s-pq"] = Story("s-pq", [Paragraph.plain("Headline", quote)])
    ed.pages[0].frames.append(TextFrame("f-pq", rect, story_id="s-pq", role="pull_quote"))
    return ed


def _placement(issues: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return sorted((i.severity, i.rule, i.frame_id) for i in issues if i.rule in PLACEMENT)


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, _with_pull_quote())
    page = w.doc.page
    assert page is not None
    # the page and the pasteboard left of it, as a desk would scroll to them
    w.canvas.zoom_to_rect(QRectF(PQ_X - mm(10), -mm(10), page.width - PQ_X + mm(20), mm(450)))
    return w


def _grab(window: MainWindow) -> QImage:
    window.canvas.repaint()
    img = window.canvas.grab().toImage()
    img.setDevicePixelRatio(1.0)
    return img


def _colours_in(img: QImage, r: QRectF) -> list[QColor]:
    box = r.toAlignedRect().intersected(img.rect())
    return [
        img.pixelColor(x, y)
        for y in range(box.top(), box.bottom() + 1, 2)
        for x in range(box.left(), box.right() + 1, 2)
    ]


def _widget_rect(window: MainWindow, r: Rect) -> QRectF:
    return window.canvas.view.rect_to_widget(r.x, r.y, r.width, r.height)


# -- the canvas --------------------------------------------------------------------------------


def test_frame_on_the_pasteboard_is_painted_with_its_text(window: MainWindow) -> None:
    img = _grab(window)
    inside = _colours_in(img, _widget_rect(window, PQ_RECT).adjusted(3, 3, -3, -3))
    ink = [c for c in inside if c.lightness() < 120]
    assert len(ink) > 20, "the pull quote's text is not drawn on the pasteboard"
    # around it: plain pasteboard grey (not paper, not the desk beyond the pasteboard)
    empty = _colours_in(img, _widget_rect(window, Rect(PQ_X, mm(200), mm(80), mm(40))))
    assert empty and all(c == PASTEBOARD for c in empty)


def test_the_pasteboard_reaches_past_the_outermost_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    far = Rect(mm(-700), mm(10), mm(50), mm(30))  # beyond one page width
    ed = _with_pull_quote(rect=far)
    page = ed.pages[0]
    board = pasteboard_rect(page)
    assert board.left() < far.x - mm(10) and board.right() > page.width + page.width
    window = make_window(qtbot, ed)
    window.canvas.zoom_to_rect(QRectF(far.x - mm(30), 0, page.width - far.x + mm(40), mm(440)))
    img = _grab(window)
    ink = [c for c in _colours_in(img, _widget_rect(window, far)) if c.lightness() < 120]
    assert ink
    beyond = _widget_rect(window, Rect(board.left() - mm(20), mm(100), mm(10), mm(10)))
    colours = _colours_in(img, beyond)
    assert colours and all(c == DESK for c in colours)


def test_a_text_frame_drawn_beside_the_page_shows_its_edge(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    c.zoom_to_rect(QRectF(mm(-120), 0, page.width + mm(130), mm(440)))
    window.acts["tool_text"].trigger()
    drag(c, at(c, mm(-100), mm(50)), at(c, mm(-30), mm(90)), Qt.KeyboardModifier.ControlModifier)
    made = page.frames[-1]
    assert isinstance(made, TextFrame) and made.rect.right < -page.bleed
    window.acts["tool_select"].trigger()
    doc.set_selection([])
    img = _grab(window)
    r = _widget_rect(window, made.rect).toAlignedRect()
    columns = range(r.left() + 10, r.right() - 10)
    drawn = [
        x
        for x in columns
        if any(img.pixelColor(x, y) != PASTEBOARD for y in range(r.top() - 1, r.top() + 2))
    ]
    assert len(columns) > 50 and drawn == list(columns)  # the frame's top edge is drawn


def test_click_selects_and_drag_brings_it_onto_the_page_in_one_undo_step(
    window: MainWindow,
) -> None:
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    frame = doc.frame("f-pq")
    assert frame is not None
    doc.set_selection([])
    click(c, at(c, *frame.rect.center))
    assert doc.selection == ["f-pq"]

    serial = doc.history.serial
    target = (mm(150), mm(300))
    drag(c, at(c, *frame.rect.center), at(c, *target), Qt.KeyboardModifier.ControlModifier, 16)
    moved = doc.frame("f-pq")
    assert moved is not None
    assert moved.rect.center == pytest.approx(target, abs=2 / c.view.zoom)
    assert moved.rect.x > 0 and moved.rect.right < page.width
    assert doc.history.serial == serial + 1
    # on the page now: painted there, and preflight no longer calls it parked
    assert not _placement(run_preflight(doc.edition))
    doc.undo()
    back = doc.frame("f-pq")
    assert back is not None and back.rect == PQ_RECT


def test_resize_by_a_handle_on_the_pasteboard(window: MainWindow) -> None:
    c, doc = window.canvas, window.doc
    doc.set_selection(["f-pq"])
    c.repaint()
    corner = at(c, PQ_RECT.right, PQ_RECT.bottom)
    serial = doc.history.serial
    drag(c, corner, corner + QPointF(30, 40), Qt.KeyboardModifier.ControlModifier)
    f = doc.frame("f-pq")
    assert f is not None
    px = 1.0 / c.view.zoom  # the pointer is on whole pixels
    assert f.rect.x == PQ_X and f.rect.width == pytest.approx(PQ_RECT.width + 30 * px, abs=px)
    assert f.rect.height == pytest.approx(PQ_RECT.height + 40 * px, abs=px)
    assert doc.history.serial == serial + 1
    doc.undo()
    assert doc.frame("f-pq").rect == PQ_RECT  # type: ignore[union-attr]


def test_an_edit_on_the_page_repaints_in_place_with_the_pasteboard_shown(
    window: MainWindow,
) -> None:
    """The page image holds the parked pull quote too; a keystroke on the page still repaints
    only the changed lines, and gives the image a full render gives."""
    from kupang_layout.model import SetParagraphText

    c, doc = window.canvas, window.doc
    c.repaint()
    assert c.layer.region.left() < PQ_RECT.x  # the image reaches the pasteboard frame
    renders, partial = c.layer.renders, c.layer.partial_renders
    text = doc.edition.stories["s-body"].paragraphs[1].text
    doc.execute(SetParagraphText("s-body", 1, text.replace(" ", " kami ", 1)))
    c.repaint()
    assert (c.layer.renders, c.layer.partial_renders) == (renders, partial + 1)
    assert c.layer.image is not None
    patched = c.layer.image.copy()
    c.layer.invalidate()
    c.repaint()
    assert c.layer.image is not None and c.layer.image == patched


def test_fit_page_still_fits_the_page_not_the_pasteboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    plain = make_window(qtbot, sample_edition(photo=False))
    parked = make_window(qtbot, _with_pull_quote())
    plain.canvas.fit_page()
    parked.canvas.fit_page()
    assert parked.canvas.view.zoom == pytest.approx(plain.canvas.view.zoom)
    page = parked.doc.page
    assert page is not None
    b = page.bleed
    r = parked.canvas.view.rect_to_widget(-b, -b, page.width + 2 * b, page.height + 2 * b)
    assert QRectF(parked.canvas.rect()).contains(r)


# -- preflight ---------------------------------------------------------------------------------


def test_parked_pull_quote_repeating_the_body_is_a_warning_with_its_position() -> None:
    issues = [i for i in run_preflight(_with_pull_quote()) if i.rule in PLACEMENT]
    assert [(i.severity, i.rule, i.frame_id, i.page) for i in issues] == [
        ("warning", "frame-pasteboard", "f-pq", 1)
    ]
    assert issues[0].message("id") == (
        "Bingkai di pasteboard, di luar halaman (x -113 mm, y 120 mm); tidak akan tercetak."
    )
    assert "(x -113 mm, y 120 mm)" in issues[0].message("en")
    assert issues[0].frame_label("id") == "kutipan"


def test_parked_text_printed_nowhere_else_is_an_error() -> None:
    ed = _with_pull_quote("Kutipan yang tidak ada di badan berita mana pun")
    issues = [i for i in run_preflight(ed) if i.rule in PLACEMENT]
    assert [(i.severity, i.rule, i.frame_id) for i in issues] == [
        ("error", "frame-pasteboard-text", "f-pq")
    ]
    assert issues[0].params["words"] == 9
    assert "x -113 mm, y 120 mm" in issues[0].message("id")
    assert "9 kata" in issues[0].message("id")


def test_last_frame_of_a_story_parked_loses_its_lines() -> None:
    """A body frame moved off the page: the lines set in it print nowhere."""
    ed = sample_edition(n_words=2000, photo=False)
    page = ed.pages[0]
    body = next(f for f in page.frames if f.id == "f-body2")
    body.rect = Rect(mm(-120), body.rect.y, body.rect.width, body.rect.height)
    assert _placement(run_preflight(ed)) == [("error", "frame-pasteboard-text", "f-body2")]


def test_empty_or_picture_frames_on_the_pasteboard_are_warnings() -> None:
    ed = _with_pull_quote("")
    page = ed.pages[0]
    page.frames.append(ImageFrame("f-img", Rect(page.width + mm(20), mm(10), mm(50), mm(40))))
    page.frames.append(TextFrame("f-empty", Rect(mm(10), page.height + mm(30), mm(60), mm(20))))
    assert _placement(run_preflight(ed)) == [
        ("warning", "frame-pasteboard", "f-empty"),
        ("warning", "frame-pasteboard", "f-img"),
        ("warning", "frame-pasteboard", "f-pq"),
    ]


def test_frame_across_the_bleed_is_a_warning_naming_edge_and_distance() -> None:
    ed = sample_edition(photo=False)
    page = ed.pages[0]
    page.frames.append(ImageFrame("f-wide", Rect(mm(200), mm(10), mm(90), mm(40))))  # 283 mm
    page.frames.append(  # within the bleed, and a hair past it: not reported
        ImageFrame("f-edge", Rect(mm(-3) - BEYOND_TOLERANCE / 2, mm(60), mm(40), mm(40)))
    )
    issues = [i for i in run_preflight(ed) if i.rule in PLACEMENT]
    assert [(i.severity, i.rule, i.frame_id) for i in issues] == [
        ("warning", "frame-beyond-bleed", "f-wide")
    ]
    assert issues[0].params["edge"] == "right" and issues[0].params["distance"] == 7.0
    assert issues[0].message("id") == (
        "Bingkai (x 200 mm, y 10 mm) melewati bleed 7 mm di tepi kanan; "
        "bagian di luar bleed tidak tercetak."
    )


def test_text_crossing_the_trim_is_reported_once_not_also_as_beyond_the_bleed() -> None:
    ed = sample_edition(photo=False)
    head = next(f for f in ed.pages[0].frames if f.id == "f-head")
    head.rect = Rect(mm(-20), head.rect.y, head.rect.width, head.rect.height)
    rules = {(i.rule, i.frame_id) for i in run_preflight(ed)}
    assert ("text-trim", "f-head") in rules
    assert ("frame-beyond-bleed", "f-head") not in rules


# -- the preflight panel -------------------------------------------------------------------------


def test_clicking_the_message_selects_the_parked_frame_and_shows_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.preflight_dock.panel
    qtbot.waitUntil(lambda: any(i.rule == "frame-pasteboard" for i in panel.issues), timeout=5000)
    tree = panel.tree
    items = [tree.topLevelItem(k) for k in range(tree.topLevelItemCount())]
    item = next(it for it in items if it.data(0, ISSUE_ROLE).rule == "frame-pasteboard")
    assert "x -113 mm" in item.text(3)
    c, doc = window.canvas, window.doc
    doc.set_selection([])
    c.fit_page()
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert doc.selection == ["f-pq"]
    shown = _widget_rect(window, PQ_RECT)
    assert QRectF(c.rect()).contains(shown)  # the canvas went to the pasteboard
    img = _grab(window)
    assert [col for col in _colours_in(img, shown.adjusted(3, 3, -3, -3)) if col.lightness() < 120]


def test_panel_follows_a_frame_dragged_off_the_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.preflight_dock.panel
    c, doc = window.canvas, window.doc
    box = doc.frame("f-box")
    assert box is not None
    drag(
        c,
        at(c, *box.rect.center),
        at(c, box.rect.center[0] - box.rect.right - mm(40), box.rect.center[1]),
        Qt.KeyboardModifier.ControlModifier,
        16,
    )
    assert doc.frame("f-box").rect.right < 0  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: any(i.frame_id == "f-box" and i.rule == "frame-pasteboard" for i in panel.issues),
        timeout=5000,
    )
