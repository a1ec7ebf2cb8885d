"""The properties panel follows the model without repainting what did not change."""

from __future__ import annotations

from gui_helpers import make_window
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from qt_samples import sample_edition

from kupang_layout.model import Rect, SetFrameRect, SetParagraphText, TextFrame
from kupang_layout.model.units import mm, to_mm


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_text_edit_leaves_the_geometry_fields_alone_a_move_updates_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=200, photo=False))
    doc, props = window.doc, window.properties
    frame = next(f for f in doc.page.frames if isinstance(f, TextFrame) and f.story_id)  # type: ignore[union-attr]
    doc.set_selection([frame.id])
    QApplication.processEvents()
    paints = _Paints()
    props.x_spin.lineEdit().installEventFilter(paints)
    props.gutter.lineEdit().installEventFilter(paints)
    story = doc.edition.stories[frame.story_id or ""]
    for n in range(3):
        doc.execute(SetParagraphText(story.id, 0, story.paragraphs[0].text + "x" * (n + 1)))
        QApplication.processEvents()
    assert paints.count == 0
    assert props.x_spin.value() == round(to_mm(frame.rect.x), 1)
    moved = Rect(frame.rect.x + mm(10), frame.rect.y, frame.rect.width, frame.rect.height)
    doc.execute(SetFrameRect(frame.id, moved))
    QApplication.processEvents()
    assert props.x_spin.value() == round(to_mm(moved.x), 1)
