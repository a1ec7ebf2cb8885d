"""GUI stage: the Export dialog's preview of an exported page, through pdftoppm or our renderer.

The first exported PDF is drawn by poppler's pdftoppm when it is installed (what
the file holds); without it, the page's own display list through the Qt renderer.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from kupang_layout.common.runtemp import temp_dir
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession

CTX = "Export"
PREVIEW_DPI = 40


def preview_pixmap(pdf: Path) -> QPixmap | None:
    """The first page of a PDF through pdftoppm, or None without it."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with temp_dir("kupang-preview-") as tmp:
        prefix = tmp / "page"
        run = subprocess.run(
            [tool, "-r", str(PREVIEW_DPI * 2), "-f", "1", "-l", "1", "-png", "-singlefile",
             str(pdf), str(prefix)],
            capture_output=True,
            timeout=60,
            check=False,
        )  # fmt: skip
        png = prefix.with_suffix(".png")
        if run.returncode != 0 or not png.is_file():
            return None
        pixmap = QPixmap(str(png))
    return None if pixmap.isNull() else pixmap


def qt_preview(doc: EditionSession, number: int) -> QPixmap | None:
    """Our own display list through the Qt renderer (when pdftoppm is not there)."""
    from kupang_layout.render.qt import render_page_image

    page = doc.edition.page_by_number(number)
    dl = doc.display_list(page) if page is not None else None
    if dl is None:
        return None
    return QPixmap.fromImage(render_page_image(dl, doc.edition, PREVIEW_DPI * 2))


def show_preview(parent: QWidget, pixmap: QPixmap, title: str) -> None:
    box = QDialog(parent)
    box.setObjectName("export_preview")
    box.setWindowTitle(tr(CTX, "Preview: %1").replace("%1", title))
    label = QLabel()
    label.setPixmap(pixmap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    area = QScrollArea()
    area.setWidget(label)
    layout = QVBoxLayout(box)
    layout.addWidget(area)
    box.resize(min(pixmap.width() + 40, 900), min(pixmap.height() + 40, 1000))
    box.show()
