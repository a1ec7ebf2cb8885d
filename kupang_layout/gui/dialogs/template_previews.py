"""GUI stage: the template gallery's list: the templates with previews painted off the GUI thread.

A preview is the template instantiated into a scratch edition (the open
edition's paper, number and date), laid out here and painted on the thumbnail
worker thread with the empty slots marked; until it comes the item shows a
grey placeholder.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from kupang_layout.editing.page_ops import build_edition
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.panels.thumbnails import ThumbnailRenderer
from kupang_layout.model import Edition
from kupang_layout.storage import StorageError, TemplateInfo, TemplateLibrary

CTX = "TemplateGallery"
PREVIEW_WIDTH = 180
NAME = Qt.ItemDataRole.UserRole


class TemplatePreviewList(QListWidget):
    """The templates as icons with their names and where they come from (built-in, yours)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_list")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(PREVIEW_WIDTH, round(PREVIEW_WIDTH * 1.55)))
        self.setGridSize(QSize(PREVIEW_WIDTH + 40, round(PREVIEW_WIDTH * 1.55) + 56))
        self.setWordWrap(True)
        self.setSpacing(8)
        self.engine = LayoutEngine()
        self.renderer = ThumbnailRenderer(self)
        self.renderer.ready.connect(self._preview_ready)
        self._revision = 0
        self._previews: dict[str, QImage] = {}

    def show_templates(
        self, library: TemplateLibrary, current: str | None, edition: Edition
    ) -> None:
        """List the library's templates, `current` selected (else the first), and paint
        their previews for `edition`'s paper."""
        infos = library.list()
        self.clear()
        self._previews.clear()
        for info in infos:
            item = QListWidgetItem(self._label(info))
            item.setData(NAME, info.name)
            item.setToolTip(info.description)
            item.setIcon(self._placeholder())
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
            if info.name == current:
                self.setCurrentItem(item)
        if self.currentItem() is None and self.count():
            self.setCurrentRow(0)
        for info in infos:
            self._request_preview(library, info, edition)

    def _label(self, info: TemplateInfo) -> str:
        source = tr(CTX, "built-in") if info.source == "builtin" else tr(CTX, "yours")
        return f"{info.name}\n({source})"

    def _placeholder(self) -> QIcon:
        size = self.iconSize()
        pix = QPixmap(size)
        pix.fill(QColor(238, 238, 238))
        return QIcon(pix)

    def _request_preview(self, library: TemplateLibrary, info: TemplateInfo, e: Edition) -> None:
        try:
            template = library.get(info.name)
        except StorageError:
            return
        scratch = build_edition(e.paper, e.number, e.date, [template])
        dl = self.engine.layout_page(scratch, scratch.pages[0])
        self._revision += 1
        self.renderer.request(
            info.name, self._revision, dl, scratch.asset_source, PREVIEW_WIDTH, markers=True
        )

    def _preview_ready(self, name: str, revision: int, image: QImage) -> None:
        self._previews[name] = image
        for i in range(self.count()):
            item = self.item(i)
            if item.data(NAME) == name:
                pix = QPixmap.fromImage(image)
                p = QPainter(pix)
                p.setPen(QColor(120, 120, 120))
                p.drawRect(0, 0, pix.width() - 1, pix.height() - 1)
                p.end()
                item.setIcon(QIcon(pix))

    def previews_done(self) -> bool:
        return not self.renderer.busy

    def selected_name(self) -> str | None:
        item = self.currentItem()
        return str(item.data(NAME)) if item is not None else None

    def select(self, name: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(NAME) == name:
                self.setCurrentRow(i)
                return
        raise KeyError(name)

    def shutdown(self) -> None:
        """Stop the preview painting (the gallery closes)."""
        self.renderer.shutdown()
