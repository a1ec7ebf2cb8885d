"""Place (Ctrl+D) on the real main window: into the selected frame, or a loaded cursor that a
click (natural size) or a drag (the frame's size) puts down."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import at, click, drag, make_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from qt_samples import sample_edition

from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import ImageFrame, Rect, Story, TextFrame, mm
from kupang_layout.model.story import Paragraph
from kupang_layout.resources import resource_path

CTRL = Qt.KeyboardModifier.ControlModifier
PHOTO = resource_path("samples", "photos", "sea-boats-evening.jpg")  # 2400 x 1500 px
MANUSCRIPT = """Judul: Nelayan Oesapa Kembali Melaut
KUPANG, KUPANG TIMES - Nelayan di Oesapa kembali melaut setelah badai reda.
Mereka berangkat sejak subuh.
"""


def _press_place(qtbot, window: MainWindow, monkeypatch, *paths: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], "")
    )
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, CTRL)


@pytest.fixture
def manuscript(tmp_path: Path) -> Path:
    path = tmp_path / "nelayan.txt"
    path.write_text(MANUSCRIPT, encoding="utf-8")
    return path


def test_photo_into_the_selected_image_frame(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    c, doc = window.canvas, window.doc
    frame = doc.frame("f-photo")
    assert isinstance(frame, ImageFrame) and frame.asset is None
    click(c, at(c, *frame.rect.center))
    _press_place(qtbot, window, monkeypatch, PHOTO)
    assert frame.asset is not None and not c.placing
    window.doc.undo()
    assert frame.asset is None


def test_photo_on_the_loaded_cursor_click_and_drag(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    count = len(page.frames)
    _press_place(qtbot, window, monkeypatch, PHOTO, PHOTO)
    assert c.placing and len(c.place_tool.items) == 2 and len(page.frames) == count
    x, y = mm(40), mm(300)
    click(c, at(c, x, y))  # a click: 2400 x 1500 px at 300 ppi, top-left at the click
    first = doc.frame(doc.selection[0])
    assert isinstance(first, ImageFrame) and first.asset is not None
    px = 1 / c.view.zoom
    assert first.rect.x == pytest.approx(x, abs=px) and first.rect.y == pytest.approx(y, abs=px)
    assert first.rect.width == pytest.approx(2400 * 72 / 300)
    assert first.rect.height == pytest.approx(1500 * 72 / 300)
    assert c.placing  # one more on the cursor
    start, end = at(c, mm(150), mm(300)), at(c, mm(250), mm(380))
    drag(c, start, end)  # a drag: the frame's rectangle
    second = doc.frame(doc.selection[-1])
    assert isinstance(second, ImageFrame) and second.id != first.id
    assert second.rect.width == pytest.approx(mm(100), abs=2 * px)
    assert second.rect.height == pytest.approx(mm(80), abs=2 * px)
    assert not c.placing and len(page.frames) == count + 2
    doc.undo()
    doc.undo()
    assert len(page.frames) == count


def test_manuscript_into_a_selected_free_text_frame(qtbot, monkeypatch, manuscript) -> None:  # type: ignore[no-untyped-def]
    ed = sample_edition(n_words=40, photo=False)
    ed.stories["s-free"] = Story("s-free", [Paragraph.plain("Body", "lama")])
    ed.pages[0].frames.append(
        TextFrame("f-free", Rect(mm(20), mm(380), mm(60), mm(30)), story_id="s-free")
    )
    window = make_window(qtbot, ed)
    c, doc = window.canvas, window.doc
    click(c, at(c, mm(30), mm(390)))
    assert doc.selection == ["f-free"]
    _press_place(qtbot, window, monkeypatch, manuscript)
    texts = [p.text for p in ed.stories["s-free"].paragraphs]
    assert texts[0].startswith("KUPANG") and texts[-1] == "Mereka berangkat sejak subuh."
    assert not c.placing
    doc.undo()
    assert [p.text for p in ed.stories["s-free"].paragraphs] == ["lama"]


def test_manuscript_on_the_loaded_cursor_click_and_drag(qtbot, monkeypatch, manuscript) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    doc.set_selection([])
    _press_place(qtbot, window, monkeypatch, manuscript, manuscript)
    assert c.placing
    col = page.column_edges()[4]
    x, y = (col[0] + col[1]) / 2, mm(330)
    click(c, at(c, x, y))  # a click: one column wide, down to the bottom margin
    frame = doc.frame(doc.selection[0])
    assert isinstance(frame, TextFrame)
    assert (frame.rect.x, frame.rect.width) == pytest.approx((col[0], col[1] - col[0]))
    assert frame.rect.bottom == pytest.approx(page.content_rect.bottom)
    story = doc.edition.stories[frame.story_id or ""]
    assert story.paragraphs[-1].text == "Mereka berangkat sejak subuh."
    drag(c, at(c, mm(20), mm(20)), at(c, mm(120), mm(60)))
    second = doc.frame(doc.selection[-1])
    assert isinstance(second, TextFrame)
    assert second.rect.width == pytest.approx(mm(100), abs=2 / c.view.zoom)
    assert not c.placing


def test_esc_puts_the_loaded_cursor_down(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    c = window.canvas
    page = window.doc.page
    assert page is not None
    count = len(page.frames)
    window.doc.set_selection([])
    _press_place(qtbot, window, monkeypatch, PHOTO)
    assert c.placing
    qtbot.keyClick(c, Qt.Key.Key_Escape)
    assert not c.placing and window.acts["tool_select"].isChecked()
    click(c, at(c, mm(40), mm(400)))
    assert len(page.frames) == count
