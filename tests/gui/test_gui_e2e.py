"""The desk's day in the app, end to end: a new two-page edition from templates, a
manuscript imported onto page 2, a photo dropped into its slot, the headline fixed in
place, both pages exported (the export dialog, the plant's intake check on the PDFs),
saved, closed, opened again: the same edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import intake_check_available, intake_result
from gui_helpers import at, double_click, make_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from kupang_layout.editing.page_ops import build_edition
from kupang_layout.gui.canvas.inplace import InplaceEditor
from kupang_layout.gui.dialogs.import_dialog import ImportReport
from kupang_layout.gui.dialogs.new_edition import NewEditionDialog
from kupang_layout.gui.shell import app as gui_app
from kupang_layout.model import ImageFrame, TextFrame
from kupang_layout.resources import resource_path
from kupang_layout.storage import edition_to_json, load_edition

SAMPLES = resource_path("samples")
MANUSCRIPT = SAMPLES / "manuscripts" / "02-halaman-2-hutan-mutis.txt"
PHOTO = SAMPLES / "photos" / "landscape-mountain-forest.jpg"
NEW_HEADLINE = "Hutan Mutis Dijaga Warga Tiga Desa"


def _export_through_the_dialog(qtbot, window, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """Both pages through the Export PDF dialog (or the exporter when there is none)."""
    try:
        from kupang_layout.gui.dialogs.export_dialog import ExportDialog
    except ImportError:  # pragma: no cover - the dialog is part of the app
        from kupang_layout.render.pdf.edition_export import export_edition

        window.ops.save()
        results = export_edition(window.doc.path, out, max_workers=1)
        return [r.path for r in results if r.path is not None]
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.page_choice.all_pages.setChecked(True)
    dialog.folder.setText(str(out))
    if not dialog.export_button.isEnabled():
        # page 1 is still empty: its slots are preflight errors the desk accepts here
        dialog.preflight.acknowledge.setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and dialog.outcome is not None, timeout=240_000)
    assert dialog.outcome is not None
    assert not dialog.outcome.failed, dialog.outcome.failed
    return [r.path for r in dialog.outcome.written if r.path is not None and r.page > 0]


def test_new_edition_import_photo_headline_export_save_reopen(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportReport, "exec", lambda self: 0)
    window = make_window(qtbot, build_edition("Kupang Times", "", "", [None]))

    # 1. a new two-page edition from templates
    def fill(dialog: NewEditionDialog) -> int:
        dialog.number.setText("612")
        dialog.count.setValue(2)
        dialog.set_template(1, "halaman-depan")
        dialog.set_template(2, "berita-satu")
        dialog._accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(NewEditionDialog, "exec", fill)
    window.acts["new"].trigger()
    doc = window.doc
    assert [p.template for p in doc.edition.pages] == ["halaman-depan", "berita-satu"]
    panel = window.editions.pages
    assert panel.list.count() == 2

    # 2. the manuscript dropped onto page 2 in the pages panel
    def drop(mime: QMimeData, row: int) -> None:
        rect = panel.list.visualItemRect(panel.list.item(row))
        panel.list.dropEvent(
            QDropEvent(
                QPointF(rect.center()),
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )

    text = QMimeData()
    text.setUrls([QUrl.fromLocalFile(str(MANUSCRIPT))])
    drop(text, 1)
    page2 = doc.edition.pages[1]
    assert doc.page_id == page2.id
    report = window.editions.last_report
    assert report is not None and report.application is not None
    assert {p.role for p in report.application.placements} >= {"headline", "body", "credits"}
    body = next(f for f in page2.frames if f.role == "body")
    assert isinstance(body, TextFrame)
    assert doc.edition.stories[body.story_id or ""].word_count() > 200

    # 3. a photo dropped on page 2 fills its photo slot
    photo = QMimeData()
    photo.setUrls([QUrl.fromLocalFile(str(PHOTO))])
    drop(photo, 1)
    slot = next(f for f in page2.frames if isinstance(f, ImageFrame) and f.role == "photo")
    assert slot.asset is not None and doc.edition.assets[slot.asset].name == PHOTO.name

    # 4. the headline fixed in place on the canvas
    headline = next(f for f in page2.frames if f.role == "headline")
    assert isinstance(headline, TextFrame) and headline.story_id
    window.canvas.fit_page()
    double_click(window.canvas, at(window.canvas, *headline.rect.center))
    editor = window.inplace
    assert isinstance(editor, InplaceEditor)
    editor.selectAll()
    qtbot.keyClicks(editor, NEW_HEADLINE)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.edition.stories[headline.story_id].text == NEW_HEADLINE
    dl = doc.display_list(page2)
    assert dl is not None
    shown = " ".join(w.text for i in dl.text_runs() if i.frame_id == headline.id for w in i.words)
    assert shown.split() == NEW_HEADLINE.split()

    # 5. both pages exported; the plant accepts them
    out = tmp_path / "pdf"
    pdfs = _export_through_the_dialog(qtbot, window, out)
    assert len(pdfs) == 2 and all(p.is_file() for p in pdfs)
    if intake_check_available():
        for pdf in pdfs:
            result = intake_result(pdf)
            assert result["accepted"] is True and result["errors"] == [], result

    # 6. saved, closed, opened again: equal
    saved = tmp_path / "edisi-612.kpl"
    monkeypatch.setattr(window, "file_dialog", lambda save, title, filters: saved)
    assert window.ops.save()
    assert "*" not in window.windowTitle()
    expected = edition_to_json(doc.edition)
    window.confirm_close = True  # nothing unsaved: closing asks nothing
    assert window.close()
    again = gui_app.open_window(saved, "id")
    again.confirm_close = False
    qtbot.addWidget(again)
    assert again.doc.path == saved
    assert edition_to_json(again.doc.edition) == expected
    assert edition_to_json(load_edition(saved)) == expected
    again.close()
