"""GUI stage: the pages panel's thumbnails, kept up to date with the edition's pages.

After an edit (debounced) the pages are laid out again one per event-loop turn
in the GUI thread, the current page first (the engine's paragraph cache makes
that cheap); a page whose display list changed is repainted on the worker
thread of `ThumbnailRenderer`. A picture that comes back for a page changed
since is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.page_list import THUMB_WIDTH
from kupang_layout.gui.panels.thumbnails import ThumbnailRenderer

REFRESH_DELAY_MS = 350


class PageThumbnails(QObject):
    """A picture of every page of `doc`; `ready` names a page whose picture is new."""

    ready = Signal(str)  # page id

    def __init__(self, doc: EditionSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.renderer = ThumbnailRenderer(self)
        self.renderer.ready.connect(self._thumbnail_ready)
        self._keys: dict[str, int] = {}  # page id -> display-list hash painted or asked for
        self._revisions: dict[str, int] = {}
        self._serial = 0
        self._queue: list[str] = []
        self._images: dict[str, QImage] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._step = QTimer(self)
        self._step.setInterval(0)
        self._step.timeout.connect(self._refresh_one)

    def schedule(self) -> None:
        """Refresh after the edit (and the ones soon after it)."""
        self._timer.start()

    def refresh(self) -> None:
        """Lay every page out again, the current one first, one per event-loop turn."""
        current = self.doc.page_id
        ids = [p.id for p in self.doc.edition.pages]
        self._queue = ([current] if current in ids else []) + [i for i in ids if i != current]
        self._step.start()

    def _refresh_one(self) -> None:
        if not self._queue:
            self._step.stop()
            return
        page_id = self._queue.pop(0)
        try:
            page = self.doc.edition.page_by_id(page_id)
        except KeyError:
            return
        if self.doc.in_group:  # a drag or typing in progress: come back after it
            self._queue.clear()
            self._timer.start()
            return
        dl = self.doc.display_list(page)
        if dl is None:
            return
        key = hash((dl.width, dl.height, dl.items))
        if self._keys.get(page_id) == key:
            return
        self._keys[page_id] = key
        self._serial += 1
        self._revisions[page_id] = self._serial
        self.renderer.request(page_id, self._serial, dl, self.doc.edition.asset_source, THUMB_WIDTH)

    def _thumbnail_ready(self, page_id: str, revision: int, image: QImage) -> None:
        if self._revisions.get(page_id) != revision:
            return  # an older picture of a page that changed since
        self._images[page_id] = image
        self.ready.emit(page_id)

    def keep_only(self, alive: set[str]) -> None:
        """Forget the pages that are gone."""
        for store in (self._keys, self._images, self._revisions):
            for gone in [k for k in store if k not in alive]:
                del store[gone]

    def refreshing(self) -> bool:
        """Whether thumbnails are still being laid out or painted (tests wait on it)."""
        return self._timer.isActive() or bool(self._queue) or self.renderer.busy

    def thumbnail(self, page_id: str) -> QImage | None:
        return self._images.get(page_id)

    def shutdown(self) -> None:
        self._timer.stop()
        self._step.stop()
        self.renderer.shutdown()
