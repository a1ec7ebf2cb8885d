"""GUI stage: small pictures of pages, painted from display lists on a worker thread.

Thread safety: the engine and the edition stay in the GUI thread. The caller
lays the page out there (the document's cached display list) and hands the
worker only immutable things: the display list (frozen items) and the bytes
of the pictures it shows (read here: the edition's archive is not
thread-safe). The worker paints with its own PagePainter whose faces are raw
fonts opened from the bundled files in that thread and drawn as outlines, so
no Qt font object is shared between threads. Results come back through a
queued signal.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont

from kupang_layout.engine.displaylist import ImageItem, PageDisplayList
from kupang_layout.errors import KupangError
from kupang_layout.fonts import FontError, default_registry
from kupang_layout.model.assets import AssetSource, MemoryAssets, MissingAssetError
from kupang_layout.render.qt import ImageProxies, InkColours, PagePainter, PaintOptions
from kupang_layout.render.qt.faces import REFERENCE_PX, QtFace, QtFaces, QtFontError

_BYTES_BUDGET = 96 * 1024 * 1024  # picture bytes kept for the worker (read once from the file)


class ThreadFaces(QtFaces):
    """Faces for a worker thread: each bundled file opened as a raw font in this thread and
    drawn from its outlines (no font database, nothing shared with the GUI thread)."""

    def face(self, key: str) -> QtFace:
        got = self._faces.get(key)
        if got is not None:
            return got
        try:
            entry = default_registry().lookup_key(key)
        except (FontError, ValueError) as exc:
            raise QtFontError(f"unknown face {key!r}: {exc}") from exc
        raw = QRawFont(str(entry.path), REFERENCE_PX, QFont.HintingPreference.PreferNoHinting)
        if not raw.isValid():
            raise QtFontError(f"Qt could not read the font file {entry.path}")
        face = QtFace(key, entry.path, raw, outlines_only=True)
        self._faces[key] = face
        return face


_local = threading.local()


def _thread_painter() -> PagePainter:
    painter = getattr(_local, "painter", None)
    if painter is None:
        painter = PagePainter(ThreadFaces(), InkColours(), ImageProxies(background=False))
        _local.painter = painter
    return painter


def paint_thumbnail(
    dl: PageDisplayList,
    assets: AssetSource | None,
    width_px: int,
    *,
    markers: bool = False,
    painter: PagePainter | None = None,
) -> QImage:
    """The trimmed page `width_px` wide (the height follows the page's proportions)."""
    scale = width_px / max(1.0, dl.width)
    height_px = max(1, math.ceil(dl.height * scale - 1e-6))
    image = QImage(max(1, width_px), height_px, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    p = QPainter(image)
    try:
        p.scale(scale, scale)
        options = PaintOptions(markers=markers, frame_edges=False)
        (painter or _thread_painter()).paint(p, dl, assets, options)
    finally:
        p.end()
    return image


@dataclass(frozen=True)
class ThumbnailJob:
    """What the worker needs: nothing that belongs to the edition or the engine."""

    key: str
    revision: int
    display_list: PageDisplayList
    pictures: dict[str, bytes]
    width_px: int
    markers: bool = False


class _Signals(QObject):
    done = Signal(str, int, QImage)
    failed = Signal(str, int, str)


class _Runnable(QRunnable):
    def __init__(self, job: ThumbnailJob, signals: _Signals) -> None:
        super().__init__()
        self.job = job
        self.signals = signals

    def run(self) -> None:
        job = self.job
        source = MemoryAssets()
        for sha, data in job.pictures.items():
            source.add(sha, data)
        try:
            image = paint_thumbnail(job.display_list, source, job.width_px, markers=job.markers)
        except (QtFontError, OSError, ValueError, RuntimeError) as exc:
            self.signals.failed.emit(job.key, job.revision, str(exc))
            return
        self.signals.done.emit(job.key, job.revision, image)


class ThumbnailRenderer(QObject):
    """Paints thumbnails one at a time on its own worker thread.

    `request(key, revision, dl, source, width)` queues a job; `ready(key, revision,
    image)` arrives in the GUI thread. A newer request for the same key makes an
    older result stale (the caller compares revisions).
    """

    ready = Signal(str, int, QImage)
    failed = Signal(str, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._pending: dict[str, int] = {}
        self._bytes: OrderedDict[str, bytes] = OrderedDict()
        self._closed = False

    def _picture_bytes(self, dl: PageDisplayList, source: AssetSource) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for item in dl.items:
            if not isinstance(item, ImageItem) or item.asset in out:
                continue
            data = self._bytes.get(item.asset)
            if data is None:
                try:
                    data = source.read(item.asset)
                except (MissingAssetError, KupangError, OSError):
                    continue  # painted as a missing or broken picture, as on the canvas
                self._bytes[item.asset] = data
                while sum(len(b) for b in self._bytes.values()) > _BYTES_BUDGET:
                    self._bytes.popitem(last=False)
            else:
                self._bytes.move_to_end(item.asset)
            out[item.asset] = data
        return out

    def request(
        self,
        key: str,
        revision: int,
        dl: PageDisplayList,
        source: AssetSource,
        width_px: int,
        *,
        markers: bool = False,
    ) -> None:
        if self._closed:
            return
        job = ThumbnailJob(key, revision, dl, self._picture_bytes(dl, source), width_px, markers)
        self._pending[key] = revision
        self.pool.start(_Runnable(job, self._signals))

    def _done(self, key: str, revision: int, image: QImage) -> None:
        if self._pending.get(key) == revision:
            del self._pending[key]
        self.ready.emit(key, revision, image)

    def _failed(self, key: str, revision: int, message: str) -> None:
        if self._pending.get(key) == revision:
            del self._pending[key]
        self.failed.emit(key, revision, message)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the queued jobs are painted (their signals still have to be delivered)."""
        return bool(self.pool.waitForDone(msecs))

    def shutdown(self) -> None:
        """Drop queued jobs and wait for the running one (before the window goes)."""
        self._closed = True
        self.pool.clear()
        self.pool.waitForDone(10_000)
        self._pending.clear()
