"""Start and small comforts (issue 15, item 8): start screen, Help, the window remembered, fit on
resize, named Undo, Save As name, the in-place headline's font, the overset sign, the template
name field."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import at, double_click, make_window
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QTextBrowser
from qt_samples import sample_edition

from kupang_layout.common.recent import add_recent
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.dialogs.save_template_dialog import SaveTemplateDialog
from kupang_layout.gui.shell import app as gui_app
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import TextFrame
from kupang_layout.storage import save_edition

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def _activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()


def _started(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = gui_app.open_window(None, "id")
    window.confirm_close = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_start_screen_opens_a_recent_edition_and_its_buttons_ask(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "KupangTimes_612.kpl"
    save_edition(sample_edition(n_words=100), saved)
    add_recent(saved)
    add_recent(tmp_path / "gone.kpl")  # a file that is gone is not offered
    window = _started(qtbot)
    screen = window.start_screen
    assert window.start_showing() and screen.isVisible()
    assert not window.properties_dock.isVisible()  # docks wait for an edition
    assert screen.new_button.text().replace("&", "") == "Edisi Baru"
    assert screen.paths() == [saved.resolve()]
    # Buka: the open dialog is asked for a file
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append("open"), ("", ""))[1]
    )
    qtbot.mouseClick(screen.open_button, LEFT)
    assert asked == ["open"] and window.start_showing()
    # Buka Edisi Bersama: the folder dialog
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: (asked.append("shared"), "")[1]
    )
    qtbot.mouseClick(screen.shared_button, LEFT)
    assert asked == ["open", "shared"] and window.start_showing()
    # a click on a recent edition opens it; the page and the docks come back
    rect = screen.recent.visualItemRect(screen.recent.item(0))
    qtbot.mouseClick(screen.recent.viewport(), LEFT, pos=rect.center())
    assert not window.start_showing()
    assert window.doc.path == saved.resolve() or window.doc.path == saved
    assert window.properties_dock.isVisible() and window.canvas.isVisible()


def test_new_edition_from_the_start_screen(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _started(qtbot)
    edition = sample_edition(n_words=50)
    monkeypatch.setattr(window.editions, "ask_new_edition", lambda: edition)
    qtbot.mouseClick(window.start_screen.new_button, LEFT)
    assert not window.start_showing() and window.doc.edition is edition


def test_help_opens_the_guide(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=50))
    _activate(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F1)
    viewer = window.help.viewer
    assert viewer is not None and viewer.isVisible()
    browser = viewer.findChild(QTextBrowser, "help_text")
    assert browser is not None
    text = browser.toPlainText()
    assert "Panduan" in text and "Ekspor" in text
    assert "##" not in text  # rendered, not the Markdown source
    menu_texts = [a.text().replace("&", "") for a in window.menuBar().actions()]
    help_menu = window.menuBar().actions()[menu_texts.index("Bantuan")].menu()
    assert help_menu is not None
    assert window.help.action in help_menu.actions()


def test_size_docks_and_zoom_come_back_in_a_new_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=50))
    window.resize(1000, 700)  # within the (offscreen) screen: restoreGeometry keeps it on screen
    window.story_dock.hide()  # the desk closed the story editor
    _activate(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Plus, CTRL)
    zoom = window.canvas.view.percent
    assert not window.is_fitted()
    size = (window.width(), window.height())
    window.close()
    again = MainWindow(EditionSession(sample_edition(n_words=50)), "id")  # as the app opens one
    again.confirm_close = False
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == size != (1500, 950)  # 1500 x 950: the default
    assert again.canvas.view.percent == pytest.approx(zoom, abs=0.01)
    assert not again.story_dock.isVisible() and again.properties_dock.isVisible()
    assert not again.acts["panel_story"].isChecked()


def test_the_page_is_fitted_again_on_resize_only_in_fit_mode(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=50))
    _activate(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_0, CTRL)  # Fit Page
    before = window.canvas.view.percent
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.canvas.view.percent < before - 1)
    assert window.is_fitted()
    window.resize(1500, 1000)
    qtbot.waitUntil(lambda: window.canvas.view.percent > before - 0.5)
    assert window.is_fitted()
    qtbot.keyClick(window.canvas, Qt.Key.Key_1, CTRL)  # Actual Size: no fitting any more
    window.resize(1100, 750)
    QApplication.processEvents()
    assert window.canvas.view.percent == pytest.approx(100.0)


def test_undo_and_redo_name_the_action_in_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=50))
    head = window.doc.frame("f-head")
    assert head is not None
    _activate(qtbot, window)
    qtbot.mouseClick(
        window.canvas, LEFT, pos=at(window.canvas, head.rect.x + 30, head.rect.y + 10).toPoint()
    )
    assert window.doc.selection == ["f-head"]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Down)
    assert window.acts["undo"].text().replace("&", "") == "Urungkan Pindahkan bingkai"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert window.acts["redo"].text().replace("&", "") == "Ulangi Pindahkan bingkai"
    assert window.acts["undo"].text().replace("&", "") == "Urungkan"
    window.set_language("en")
    assert window.acts["redo"].text().replace("&", "") == "Redo Move Frame"
    window.set_language("id")


def test_save_as_suggests_the_edition_name(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=50))
    suggested: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _w, _t, start, _f: (suggested.append(start), ("", ""))[1],
    )
    _activate(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert suggested and Path(suggested[0]).name == "KupangTimes_612.kpl"


def test_the_inplace_headline_uses_its_font_and_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=50))
    head = window.doc.frame("f-head")
    assert isinstance(head, TextFrame)
    dl = window.doc.display_list()
    assert dl is not None
    run = next(i for i in dl.items if getattr(i, "frame_id", "") == "f-head" and hasattr(i, "face"))
    double_click(window.canvas, at(window.canvas, head.rect.x + 20, head.rect.y + 20))
    editor = window.inplace
    assert editor is not None and editor.isVisible()
    family = run.face.split("/")[0]
    assert editor.font().family() == family
    assert editor.font().pixelSize() == round(run.size * window.canvas.view.zoom)
    assert editor.font().pixelSize() > 16  # a headline, not the old fixed small font
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_the_overset_sign_covers_no_line_of_the_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=4000))  # the body runs over
    dl = window.doc.display_list()
    assert dl is not None
    sign = next(i for i in dl.items if getattr(i, "kind", "") == "overset")
    frame = window.doc.frame(sign.frame_id)
    assert frame is not None
    last = max(
        (i for i in dl.items if getattr(i, "frame_id", "") == frame.id and hasattr(i, "words")),
        key=lambda r: r.y,
    )
    image = window.canvas.grab().toImage()
    v = window.canvas.view
    # the sign's red: not on the last line (from its cap height to the baseline)
    line = v.rect_to_widget(
        frame.rect.x, last.y - last.size * 0.7, frame.rect.width, last.size * 0.7
    )
    assert not _has_red(image, line.adjusted(1, 0, -1, 0))
    below = v.rect_to_widget(frame.rect.x, frame.rect.bottom, frame.rect.width, 0).adjusted(
        0, 0, 0, 16
    )
    assert _has_red(image, below)  # it hangs below the frame's bottom right corner


def _has_red(image: QImage, rect: QRectF) -> bool:
    dpr = image.devicePixelRatio()
    for y in range(int(rect.top() * dpr), int(rect.bottom() * dpr) + 1):
        for x in range(int(rect.left() * dpr), int(rect.right() * dpr) + 1):
            if 0 <= x < image.width() and 0 <= y < image.height():
                c = image.pixelColor(x, y)
                if c.red() > 180 and c.green() < 80 and c.blue() < 80:
                    return True
    return False


def test_the_template_name_starts_empty_and_a_clash_keeps_the_dialog(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=50))
    window.doc.page.template = "berita-satu"  # type: ignore[union-attr]
    seen: list[SaveTemplateDialog] = []

    def run(dialog: SaveTemplateDialog) -> int:
        seen.append(dialog)
        dialog.show()
        assert dialog.name.text() == ""  # never the page's (built-in) template name
        qtbot.keyClicks(dialog.name, "berita-satu")
        save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        qtbot.mouseClick(save, LEFT)  # a built-in's name: refused, the dialog stays
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.name.text() == "berita-satu" and dialog.problem.isVisible()
        assert "berita-satu" in dialog.problem.text()
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Hutan Lebar")
        qtbot.mouseClick(save, LEFT)
        return int(dialog.result())

    monkeypatch.setattr(SaveTemplateDialog, "exec", run)
    gallery = window.editions.open_gallery(run=False)
    info = gallery.save_page()
    assert seen and info is not None and info.name == "Hutan Lebar"
    # the desk's own name is taken now: the same message, the dialog stays with the text
    again = SaveTemplateDialog(gallery, "", gallery.name_taken)
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClicks(again.name, "hutan lebar")
    qtbot.keyClick(again.name, Qt.Key.Key_Return)
    assert again.isVisible() and again.name.text() == "hutan lebar"
    assert again.problem.isVisible()
