"""GUI stage: the pages panel's list of thumbnails: drag to reorder, drop photos and manuscripts.

Dragging a thumbnail onto another place asks for a move (the panel runs the
command, the list is rebuilt from the model); photos and .txt manuscripts dropped
on a page are handed on by signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from kupang_layout.gui.canvas import images

PAGE_MIME = "application/x-kupang-layout-page"
THUMB_WIDTH = 128
PAGE_ID = Qt.ItemDataRole.UserRole


def manuscript_paths(mime: QMimeData) -> list[Path]:
    """Local .txt files among dragged URLs."""
    if not mime.hasUrls():
        return []
    return [
        Path(u.toLocalFile())
        for u in mime.urls()
        if u.isLocalFile() and u.toLocalFile().lower().endswith(".txt")
    ]


class PageList(QListWidget):
    """The thumbnails. Dragging one onto another place asks for a move; files dropped on a
    page are handed on by signal."""

    move_requested = Signal(str, int)  # page id, row it should go before
    photos_dropped = Signal(str, list)  # page id ('' when none), paths
    manuscripts_dropped = Signal(str, list)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pages_list")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Snap)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.55)))
        self.setSpacing(6)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        if items:
            mime.setData(PAGE_MIME, str(items[0].data(PAGE_ID)).encode())
        return mime

    def mimeTypes(self) -> list[str]:
        return [PAGE_MIME, "text/uri-list"]

    def _wanted(self, mime: QMimeData) -> bool:
        return (
            mime.hasFormat(PAGE_MIME)
            or bool(images.image_paths(mime))
            or bool(manuscript_paths(mime))
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._wanted(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._wanted(event.mimeData()):
            super().dragMoveEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop_row(self, pos: QPoint) -> int:
        """The row a page dropped at `pos` goes before (count(): at the end)."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.count()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() > rect.center().y() else 0)

    def page_at(self, pos: QPoint) -> str:
        item = self.itemAt(pos)
        return str(item.data(PAGE_ID)) if item is not None else ""

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        pos = event.position().toPoint()
        if mime.hasFormat(PAGE_MIME):
            page_id = bytes(mime.data(PAGE_MIME).data()).decode()
            self.move_requested.emit(page_id, self.drop_row(pos))
        elif photos := images.image_paths(mime):
            self.photos_dropped.emit(self.page_at(pos), photos)
        elif texts := manuscript_paths(mime):
            self.manuscripts_dropped.emit(self.page_at(pos), texts)
        else:
            event.ignore()
            return
        # the list is rebuilt from the model: the view must not move the item itself
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
