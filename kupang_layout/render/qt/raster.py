"""Render stage (Qt): a page's display list to a QImage or PNG file at a given resolution."""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kupang_layout.common.atomic import FileWriteError, write_atomically
from kupang_layout.common.userdirs import APP_NAME
from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.model.edition import Edition
from kupang_layout.render.budget import check_raster_budget, raster_size
from kupang_layout.render.qt.painter import PagePainter, PaintOptions

_APP: QCoreApplication | None = None


class RasterError(OSError):
    """The PNG could not be written (`file` and `reason` say which and why), or the image
    could not be made."""

    def __init__(self, message: str, file: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.file = file
        self.reason = reason


def ensure_gui_app() -> QCoreApplication:
    """A Qt application (fonts and painting need one); offscreen when there is no display.

    It is a QApplication, so that widgets can still be made later in the same process
    (a QGuiApplication cannot be replaced once created).
    """
    global _APP
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QApplication([APP_NAME])
    return _APP


def render_page_image(
    display_list: PageDisplayList,
    edition: Edition,
    dpi: float = 150.0,
    *,
    margin: float | None = None,
    markers: bool = False,
    painter: PagePainter | None = None,
) -> QImage:
    """The page as an RGB image. `margin` (points) is how far beyond the trim the
    picture reaches on each side; by default the bleed.

    Raises RasterBudgetError when the image would hold more than the pixel budget
    (render/budget.py), before anything is allocated."""
    ensure_gui_app()
    if not (math.isfinite(dpi) and dpi > 0):
        raise ValueError("dpi must be positive")
    m = display_list.bleed if margin is None else margin
    scale = dpi / 72.0
    width, height = raster_size(display_list.width + 2 * m, display_list.height + 2 * m, dpi)
    check_raster_budget(width, height)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise RasterError(f"not enough memory for a {width} x {height} pixel image")
    image.fill(QColor(255, 255, 255))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    p = QPainter(image)
    try:
        p.scale(scale, scale)
        p.translate(m, m)
        (painter or PagePainter()).paint(
            p, display_list, edition.asset_source, PaintOptions(markers=markers)
        )
    finally:
        p.end()
    return image


def render_page_png(
    display_list: PageDisplayList,
    edition: Edition,
    path: str | os.PathLike[str],
    dpi: float = 150.0,
    *,
    margin: float | None = None,
    markers: bool = False,
) -> Path:
    """Write the page as a PNG (trim plus bleed by default) and return its path.

    Written atomically: a failed write (a full disk) leaves an existing file as it
    was and raises RasterError naming the file and the reason."""
    image = render_page_image(display_list, edition, dpi, margin=margin, markers=markers)
    out = Path(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, "PNG")  # type: ignore[call-overload]  # (stubs say bytes)
    buffer.close()
    if not ok:
        raise RasterError(f"cannot encode the PNG file {out}", str(out), "PNG encoding failed")
    try:
        write_atomically(out, bytes(data.data()))
    except FileWriteError as exc:
        raise RasterError(
            f"cannot write the PNG file {exc.file}: {exc.reason}", exc.file, exc.reason
        ) from exc
    return out
