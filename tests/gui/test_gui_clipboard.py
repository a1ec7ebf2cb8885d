"""Cut, copy, paste, paste in place and Alt-drag copies on the real main window (keys, mouse)."""

from __future__ import annotations

from gui_helpers import ALT, at, click, drag, make_window
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage
from qt_samples import sample_edition

from kupang_layout.editing.clipboard import MIME_TYPE
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import Edition, ImageFrame, Page, ParagraphStyle, TextFrame, mm
from kupang_layout.model.geometry import Rect

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT_SHIFT = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def _key(qtbot, window: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier = CTRL) -> None:  # type: ignore[no-untyped-def]
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, key, mods)


def _two_pages(photo: bool = True) -> Edition:
    ed = sample_edition(n_words=200, photo=photo)
    ed.pages.append(Page("p2", 2, mm(280), mm(430)))
    return ed


def _pixels(window: MainWindow, rect: Rect) -> list[tuple[int, int, int]]:
    """The canvas's pixels inside a page rectangle (inset by 3 px, off the frame edges),
    every third pixel."""
    c = window.canvas
    c.fit_page()
    c.repaint()
    img = c.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    tl, br = at(c, rect.x, rect.y), at(c, rect.right, rect.bottom)
    x0, y0, x1, y1 = int(tl.x()) + 3, int(tl.y()) + 3, int(br.x()) - 3, int(br.y()) - 3
    out = []
    for y in range(y0, y1, 3):
        for x in range(x0, x1, 3):
            col = img.pixelColor(x, y)
            out.append((col.red(), col.green(), col.blue()))
    return out


def test_copy_a_photo_frame_to_page_2_same_pixels_and_undo(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, _two_pages())
    c, doc = window.canvas, window.doc
    photo = doc.frame("f-photo")
    assert isinstance(photo, ImageFrame)
    click(c, at(c, *photo.rect.center))
    assert doc.selection == ["f-photo"]
    _key(qtbot, window, Qt.Key.Key_C)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is not None and mime.hasFormat(MIME_TYPE)
    doc.set_selection([])
    qtbot.wait(300)
    before = _pixels(window, photo.rect)
    qtbot.keyClick(c, Qt.Key.Key_PageDown)
    assert doc.page is not None and doc.page.id == "p2"
    qtbot.waitUntil(lambda: c.view.zoom > 0)
    _key(qtbot, window, Qt.Key.Key_V)
    page2 = doc.edition.page_by_id("p2")
    (pasted,) = page2.frames
    assert isinstance(pasted, ImageFrame) and pasted.id != "f-photo"
    assert pasted.rect == photo.rect  # another page of the same size: the same place
    assert pasted.asset == photo.asset and doc.selection == [pasted.id]
    doc.set_selection([])
    qtbot.wait(300)
    after = _pixels(window, pasted.rect)
    assert len(before) == len(after) > 100
    assert len(set(before)) > 20  # the photo, not a placeholder
    diff = sum(
        abs(a - b) for p, q in zip(before, after, strict=True) for a, b in zip(p, q, strict=True)
    )
    assert diff / (3 * len(before)) < 2.0
    _key(qtbot, window, Qt.Key.Key_Z)
    assert page2.frames == []


def test_cut_then_paste_in_place_and_paste_centred(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, _two_pages(photo=False))
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    box = doc.frame("f-box")
    assert box is not None
    rect = box.rect
    click(c, at(c, rect.x + 20, rect.bottom - 20))
    assert doc.selection == ["f-box"]
    count = len(page.frames)
    _key(qtbot, window, Qt.Key.Key_X)
    assert doc.frame("f-box") is None and len(page.frames) == count - 1
    _key(qtbot, window, Qt.Key.Key_V, CTRL_ALT_SHIFT)  # paste in place
    (new,) = doc.selected_frames()
    assert new.rect == rect and new.id != "f-box" and len(page.frames) == count
    _key(qtbot, window, Qt.Key.Key_V)  # paste on the same page: centred in the view
    (centred,) = doc.selected_frames()
    area = c.visible_area()
    vx0, vy0 = max(area.x, 0), max(area.y, 0)
    vx1, vy1 = min(area.right, page.width), min(area.bottom, page.height)
    assert centred.rect.center[0] == pytest_approx((vx0 + vx1) / 2)
    assert centred.rect.center[1] == pytest_approx((vy0 + vy1) / 2)
    _key(qtbot, window, Qt.Key.Key_Z)
    _key(qtbot, window, Qt.Key.Key_Z)
    assert len(page.frames) == count - 1
    _key(qtbot, window, Qt.Key.Key_Z)
    assert doc.frame("f-box") is not None


def pytest_approx(v: float):  # type: ignore[no-untyped-def]
    import pytest

    return pytest.approx(v, abs=0.01)


def test_copy_between_two_windows_brings_styles_and_photo(qtbot) -> None:  # type: ignore[no-untyped-def]
    source = sample_edition(n_words=120)
    source.paragraph_styles["Sorotan"] = ParagraphStyle("Sorotan", based_on="Body", size=13.0)
    source.stories["s-head"].paragraphs[0].style = "Sorotan"
    one = make_window(qtbot, source)
    other = Edition()
    other.pages.append(Page("q1", 1, mm(280), mm(430)))
    two = make_window(qtbot, other)
    c1 = one.canvas
    head = one.doc.frame("f-head")
    photo = one.doc.frame("f-photo")
    assert head is not None and photo is not None
    click(c1, at(c1, *photo.rect.center))
    click(c1, at(c1, head.rect.x + 30, head.rect.y + 20), Qt.KeyboardModifier.ShiftModifier)
    assert set(one.doc.selection) == {"f-photo", "f-head"}
    _key(qtbot, one, Qt.Key.Key_C)
    _key(qtbot, two, Qt.Key.Key_V)
    frames = other.pages[0].frames
    assert sorted(f.kind for f in frames) == ["image", "text"]
    img = next(f for f in frames if isinstance(f, ImageFrame))
    text = next(f for f in frames if isinstance(f, TextFrame))
    assert img.rect == photo.rect and text.rect == head.rect  # same page size: same place
    assert img.asset in other.assets
    assert other.asset_source.read(img.asset or "") == source.asset_source.read(img.asset or "")
    assert "Sorotan" in other.paragraph_styles
    story = other.stories[text.story_id or ""]
    assert story.paragraphs == source.stories["s-head"].paragraphs
    dl = two.doc.display_list()
    assert dl is not None and any(getattr(i, "asset", None) == img.asset for i in dl.items)
    _key(qtbot, two, Qt.Key.Key_Z)
    assert (
        other.pages[0].frames == [] and not other.assets and "Sorotan" not in other.paragraph_styles
    )


def test_plain_text_for_other_programs_and_from_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    c, doc = window.canvas, window.doc
    head = doc.frame("f-head")
    assert head is not None
    click(c, at(c, head.rect.x + 30, head.rect.y + 20))
    _key(qtbot, window, Qt.Key.Key_C)
    assert QGuiApplication.clipboard().text() == "Jalan Oebobo Diperbaiki Sebelum Musim Hujan"
    mime = QMimeData()
    mime.setHtml("<p><b>Judul</b> tebal</p><p>Paragraf\u00ad dua</p>")
    mime.setText("Judul tebal\r\n\r\nParagraf\u00ad dua")
    QGuiApplication.clipboard().setMimeData(mime)
    _key(qtbot, window, Qt.Key.Key_V)  # text from another program: a new text frame
    (new,) = doc.selected_frames()
    assert isinstance(new, TextFrame)
    story = doc.edition.stories[new.story_id or ""]
    assert [p.text for p in story.paragraphs] == ["Judul tebal", "Paragraf dua"]
    assert all(r.char_style is None for p in story.paragraphs for r in p.runs)


def test_headline_in_place_editor_pastes_plain_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    c, doc = window.canvas, window.doc
    head = doc.frame("f-head")
    assert isinstance(head, TextFrame)
    click(c, at(c, head.rect.x + 30, head.rect.y + 20))
    _key(qtbot, window, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    editor = window.inplace
    assert editor is not None
    QGuiApplication.clipboard().setText("Banjir\u200b di\r\nOesapa\t ")
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.edition.stories["s-head"].paragraphs[0].text == "Banjir di Oesapa"
    assert len(doc.edition.pages[0].frames) == 7  # no frame was pasted


def test_alt_drag_copies_a_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=True))
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    count = len(page.frames)
    box = doc.frame("f-box")
    photo = doc.frame("f-photo")
    assert box is not None and photo is not None
    start = at(c, box.rect.x + 20, box.rect.bottom - 20)
    drag(c, start, start + QPointF(0, 40), ALT)
    assert len(page.frames) == count + 1 and box.rect == doc.frame("f-box").rect  # type: ignore[union-attr]
    (copy_,) = doc.selected_frames()
    assert copy_.rect.y > box.rect.y + 30 / c.view.zoom and copy_.rect.x == box.rect.x
    # a photo frame not yet selected: Alt-drag copies it too
    doc.set_selection([])
    start = at(c, *photo.rect.center)
    drag(c, start, start + QPointF(30, 0), ALT)
    assert len(page.frames) == count + 2
    (photo_copy,) = doc.selected_frames()
    assert isinstance(photo_copy, ImageFrame) and photo_copy.asset == photo.asset  # type: ignore[union-attr]
    _key(qtbot, window, Qt.Key.Key_Z)
    _key(qtbot, window, Qt.Key.Key_Z)
    assert len(page.frames) == count


def test_duplicate_moved_to_ctrl_alt_shift_d(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=40, photo=False))
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    box = doc.frame("f-box")
    assert box is not None
    click(c, at(c, box.rect.x + 20, box.rect.bottom - 20))
    count = len(page.frames)
    _key(qtbot, window, Qt.Key.Key_D, CTRL_ALT_SHIFT)
    assert len(page.frames) == count + 1
    assert window.acts["place"].shortcut().toString() == "Ctrl+D"
