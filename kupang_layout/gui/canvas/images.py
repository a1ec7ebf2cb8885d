"""GUI stage: placing image files (file dialog or drop) into image frames or onto the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

from kupang_layout.editing.frame_ops import new_frame
from kupang_layout.editing.handles import frame_at
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.i18n import tr
from kupang_layout.imaging import reason_text
from kupang_layout.model import AddFrame, Asset, Command, ImageFrame, Page, PlaceImage, Rect
from kupang_layout.storage import ImageFileError, StorageError, add_asset

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")
CASCADE = 12.0  # points between several pictures dropped at once


def image_paths(mime: QMimeData) -> list[Path]:
    """Local JPEG, PNG and TIFF files among the dragged URLs."""
    if not mime.hasUrls():
        return []
    out = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in IMAGE_SUFFIXES:
                out.append(path)
    return out


def read_asset(doc: EditionSession, path: Path) -> Asset | None:
    """The file's asset, decoded whole first; a refused picture is reported (in the
    user's language, naming the file and the reason) and nothing is added."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = reason_text("unreadable", detail=exc.strerror or str(exc))
        doc.error.emit(tr("imaging.refused", name=str(path), reason=reason))
        return None
    try:
        return add_asset(doc.edition, data, path.name)
    except ImageFileError as exc:
        doc.error.emit(tr("imaging.refused", name=str(path), reason=exc.message))
        return None
    except StorageError as exc:
        doc.error.emit(str(exc))
        return None


def new_frame_rect(page: Page, asset: Asset, x: float, y: float) -> Rect:
    """A frame for a picture dropped on empty page: the width of the column it lands
    in (two columns for a landscape picture), the picture's proportions."""
    cols = page.column_edges()
    left, right = cols[0]
    for i, (lo, hi) in enumerate(cols):
        if lo - page.columns.gutter / 2 <= x <= hi + page.columns.gutter / 2:
            left, right = lo, hi
            if asset.width_px > asset.height_px and i + 1 < len(cols):
                right = cols[i + 1][1]
            break
    width = max(10.0, right - left)
    height = width * asset.height_px / max(1, asset.width_px)
    top = max(page.content_rect.y, min(y - height / 2, page.content_rect.bottom - height))
    return Rect(left, top, width, height)


def place_asset(doc: EditionSession, asset: Asset, x: float | None, y: float | None) -> str | None:
    """Put an asset in the image frame at (x, y) (or the selected image frame when no
    point is given), or in a new frame there. Returns the frame id."""
    page = doc.page
    if page is None:
        return None
    target: ImageFrame | None = None
    if x is not None and y is not None:
        hit = frame_at(page.frames, x, y, 0.0)
        target = hit if isinstance(hit, ImageFrame) and not hit.locked else None
    else:
        chosen = [f for f in doc.selected_frames() if isinstance(f, ImageFrame)]
        target = chosen[0] if chosen else None
    if target is not None:
        return target.id if doc.execute(PlaceImage(target.id, asset)) else None
    cx = page.content_rect.x if x is None else x
    cy = page.content_rect.y if y is None else y
    frame, _ = new_frame("image", new_frame_rect(page, asset, cx, cy))
    commands: list[Command] = [AddFrame(page.id, frame), PlaceImage(frame.id, asset, "fill")]
    return frame.id if doc.execute_all("place image", commands) else None


def place_files(
    doc: EditionSession, paths: list[Path], x: float | None, y: float | None
) -> list[str]:
    """Place image files at a page point (a drop) or into the selection (a dialog)."""
    placed: list[str] = []
    for i, path in enumerate(paths):
        asset = read_asset(doc, path)
        if asset is None:
            continue
        px = None if x is None else x + i * CASCADE
        py = None if y is None else y + i * CASCADE
        fid = place_asset(doc, asset, px, py)
        if fid is not None:
            placed.append(fid)
    if placed:
        doc.set_selection(placed)
    return placed
