"""Placing pictures: dropping files on a frame or on the page, the properties panel's ppi."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import at, make_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from qt_samples import sample_edition

from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.panels.properties import ppi_colour
from kupang_layout.model import ImageFrame
from kupang_layout.resources import resource_path

PHOTO = resource_path("samples", "photos", "landscape-mountain-forest.jpg")


def _drop(canvas: PageCanvas, pos: QPointF, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, drop)
    return True


def test_drop_on_an_image_frame_places_the_picture(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    c, doc = window.canvas, window.doc
    frame = doc.frame("f-photo")
    assert isinstance(frame, ImageFrame) and frame.asset is None
    assert _drop(c, at(c, *frame.rect.center), [PHOTO])
    assert frame.asset is not None and frame.asset in doc.edition.assets
    assert doc.edition.asset_source.has(frame.asset)
    dl = doc.display_list()
    assert dl is not None
    items = [i for i in dl.items if getattr(i, "asset", None) == frame.asset]
    assert len(items) == 1
    doc.undo()
    assert frame.asset is None and not doc.edition.assets


def test_drop_on_empty_page_makes_a_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    c, doc = window.canvas, window.doc
    page = doc.page
    assert page is not None
    count = len(page.frames)
    col = page.column_edges()[3]
    assert _drop(c, at(c, col[0] + 10, page.height - 200), [PHOTO])
    assert len(page.frames) == count + 1
    new = page.frames[-1]
    assert isinstance(new, ImageFrame) and new.asset is not None
    asset = doc.edition.assets[new.asset]
    assert new.rect.x == col[0]  # landscape: two columns wide from the column hit
    assert new.rect.width / new.rect.height == pytest.approx(asset.width_px / asset.height_px)
    assert doc.selection == [new.id]
    doc.undo()  # one step removes frame and picture
    assert len(page.frames) == count and not doc.edition.assets


def test_drop_of_other_files_is_refused(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    other = tmp_path / "naskah.docx"  # (.txt is a manuscript: imported, see test_gui_import)
    other.write_text("bukan gambar")
    assert not _drop(window.canvas, QPointF(300, 300), [other])
    fake = tmp_path / "rusak.jpg"
    fake.write_bytes(b"not a jpeg at all")
    errors: list[str] = []
    window.doc.error.connect(errors.append)
    assert _drop(window.canvas, QPointF(300, 300), [fake])
    assert errors and "rusak.jpg" in errors[0]
    assert window.doc.history.serial == 0


def test_properties_show_effective_ppi(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=True))
    doc, props = window.doc, window.properties
    doc.set_selection(["f-photo"])
    assert props.image_box.isVisibleTo(props)
    text = props.ppi.text()
    assert text.endswith("ppi")
    ppi = float(text.split()[0])
    dl = doc.display_list()
    assert dl is not None
    item = next(
        i for i in dl.items if getattr(i, "frame_id", "") == "f-photo" and hasattr(i, "asset")
    )
    assert ppi == round(item.effective_ppi)
    assert ppi_colour(100) == "#d02020" and ppi_colour(180) == "#d08000"
    assert ppi_colour(250) == "#208040"
    props.scale.setValue(200.0)
    frame = doc.frame("f-photo")
    assert isinstance(frame, ImageFrame) and frame.scale == 2.0
    assert float(props.ppi.text().split()[0]) < ppi
    props.x_spin.setValue(props.x_spin.value() + 10)
    assert frame.rect.x > 0
    doc.undo()
    doc.undo()
    assert frame.scale == 1.0
