"""GUI stage: the frames clipboard on the system clipboard (QClipboard), and pasting from it.

The payload (editing/clipboard.py) goes under the program's own MIME type, with
its stories' plain text beside it for other programs. Where a paste lands:
Paste (Ctrl+V) centres the frames in the part of the page the canvas shows,
except onto another page (or another edition) of the same trim size, where
they keep their place, as a desk moving a story between pages expects; Paste in
Place (Ctrl+Alt+Shift+V) always keeps the place. Plain text alone on the
clipboard becomes a new column-wide text frame at the centre of the view.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication

from kupang_layout.editing.clipboard import MIME_TYPE, Payload, clean_paragraphs, copy_payload
from kupang_layout.editing.clipboard_bytes import (
    ClipboardError,
    payload_from_bytes,
    payload_to_bytes,
)
from kupang_layout.editing.clipboard_paste import paste_commands
from kupang_layout.editing.place import place_text_commands, text_rect_at
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.model import Paragraph
from kupang_layout.model.geometry import Rect

CTX = "Clipboard"
SAME_SIZE = 0.5  # points


def copy_frames(doc: EditionSession) -> bool:
    """Put the selected frames on the system clipboard; False when nothing is selected."""
    payload = copy_payload(doc.edition, doc.selection)
    if payload is None:
        return False
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(payload_to_bytes(payload)))
    text = payload.plain_text()
    if text:
        mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)
    return True


def clipboard_payload() -> tuple[Payload | None, str]:
    """(the frames on the clipboard or None, the plain text on it); an unreadable payload
    raises ClipboardError."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None, ""
    text = mime.text() if mime.hasText() else ""
    if not mime.hasFormat(MIME_TYPE):
        return None, text
    return payload_from_bytes(bytes(mime.data(MIME_TYPE).data())), text


def _centre_offset(bounds: Rect, view_area: Rect, page: Rect) -> tuple[float, float]:
    """(dx, dy) that centres `bounds` in the part of the page that is shown."""
    x0, y0 = max(view_area.x, page.x), max(view_area.y, page.y)
    x1, y1 = min(view_area.right, page.right), min(view_area.bottom, page.bottom)
    area = Rect(x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else page
    cx, cy = area.center
    bx, by = bounds.center
    return cx - bx, cy - by


def paste_frames(doc: EditionSession, view_area: Rect, in_place: bool) -> list[str]:
    """Paste the clipboard's frames (or its plain text as a new text frame) onto the
    current page as one undo step; the new frames are selected."""
    page = doc.page
    if page is None:
        return []
    try:
        payload, text = clipboard_payload()
    except ClipboardError as exc:
        doc.error.emit(
            tr(CTX, "The clipboard holds frames that cannot be pasted: %1").replace("%1", str(exc))
        )
        return []
    if payload is None:
        return _paste_text(doc, view_area, text)
    same_size = (
        abs(payload.page_size[0] - page.width) < SAME_SIZE
        and abs(payload.page_size[1] - page.height) < SAME_SIZE
    )
    if in_place or (payload.page_id != page.id and same_size):
        dx, dy = 0.0, 0.0
    else:
        dx, dy = _centre_offset(payload.bounds, view_area, page.trim)
    paste = paste_commands(doc.edition, page, payload, dx, dy)
    if not doc.execute_all("paste", paste.commands):
        return []
    doc.set_selection(paste.frame_ids)
    if paste.missing_assets:
        doc.error.emit(
            tr(CTX, "Pasted without the photo (not on the clipboard): %1").replace(
                "%1", ", ".join(paste.missing_assets)
            )
        )
    return paste.frame_ids


def _paste_text(doc: EditionSession, view_area: Rect, text: str) -> list[str]:
    page = doc.page
    paragraphs = clean_paragraphs(text)
    if page is None or not paragraphs:
        return []
    styles = doc.edition.paragraph_styles
    style = "Body" if "Body" in styles else next(iter(styles), "Body")
    cx, cy = _centre_offset(Rect(0, 0, 0, 0), view_area, page.trim)
    rect = text_rect_at(page, cx, cy)
    commands, fid = place_text_commands(page, rect, [Paragraph.plain(style, p) for p in paragraphs])
    if not doc.execute_all("paste", commands):
        return []
    doc.set_selection([fid])
    return [fid]
