"""Jobs stage: the idle export pool prepares the placed photos for print before an export.

Preparing a photo (decode, resample to the preset's ppi, RGB->CMYK through the
newsprint profile, JPEG, its ink measured) takes most of a page's export time;
its result lands in the image cache (`render/pdf/image_cache.py`) under the
bytes and the preparation settings. While the app is idle, `PhotoWarmup` has the
export pool prepare the photos the edition places, one at a time, into that same
cache, so the export of the page later finds them ready.

Bounded and lowest priority: one photo in the pool at a time; a photo already
in the cache is skipped; nothing is handed to the pool while an export runs
(`ExportPool.exporting`), and a warm-up task still waiting in the pool when an
export starts is cancelled, so a real export's pages go first. `clear()` drops
what is queued (the edition closed); `close()` ends the thread. A failure is
logged only: the export reports the picture's problem as before.

The photos are listed with `photos_to_warm` (on the caller's thread, from the
model: the image items the engine would make, without laying out text).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.engine.graphics import image_items
from kupang_layout.errors import KupangError
from kupang_layout.jobs.export_pool import ExportPool
from kupang_layout.model.ads import is_pdf_asset
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame
from kupang_layout.render.pdf.errors import ImageError
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.images import ImageRequest, request_for, set_strip_threads
from kupang_layout.render.pdf.presets import ExportPreset

__all__ = ["PhotoWarmup", "WarmPhoto", "photos_to_warm", "warm_photo"]

log = logging.getLogger(__name__)

#: How long the thread sleeps between looks while an export runs (seconds).
POLL_S = 0.1


@dataclass(frozen=True, slots=True)
class WarmPhoto:
    """One placed photo to prepare: its asset, its name (for the log) and the request."""

    asset: str
    name: str
    request: ImageRequest


def photos_to_warm(edition: Edition, preset: ExportPreset) -> list[WarmPhoto]:
    """The photos the edition's pages place, as the export would prepare them (PDF ads and
    pictures outside their frames left out), each (asset, request) once, in page order."""
    seen: dict[tuple[str, ImageRequest], WarmPhoto] = {}
    for page in edition.pages:
        for frame in page.frames:
            if not isinstance(frame, ImageFrame) or not frame.asset:
                continue
            asset = edition.assets.get(frame.asset)
            if asset is None or is_pdf_asset(asset):
                continue
            try:
                items = image_items(frame, page, edition)
            except (KupangError, OSError, ValueError) as exc:  # unreadable: the export says so
                log.info("photo warm-up: %s skipped (%s)", asset.name, exc)
                continue
            for item in items:
                if not isinstance(item, ImageItem):
                    continue
                request = request_for(item, preset.max_ppi, preset.jpeg_quality, preset.tac)
                if request is not None:
                    name = asset.name or asset.sha256[:12]
                    seen.setdefault((asset.sha256, request), WarmPhoto(asset.sha256, name, request))
    return list(seen.values())


def warm_photo(photo: WarmPhoto, data: bytes, folder: Path | None) -> str:
    """In a worker: prepare one photo into the image cache; 'prepared', 'cached' or why not."""
    set_strip_threads(1)  # one core: the other worker stays free for a real export
    cache = ImageCache(folder) if folder is not None else ImageCache()
    try:
        cache.prepare(photo.asset, photo.name, lambda: data, photo.request)
    except ImageError as exc:
        return f"failed: {exc}"
    return "prepared" if cache.prepared else "cached"


class PhotoWarmup:
    """Prepares queued photos in the export pool, one at a time, while no export runs."""

    def __init__(
        self,
        pool: ExportPool,
        image_cache: Path | None = None,
        on_event: Callable[[str, WarmPhoto], None] | None = None,
    ) -> None:
        self.pool = pool
        self.image_cache = image_cache  # None: the user's image cache folder
        self.on_event = on_event  # ('submit' | 'prepared' | 'cached' | 'skipped' | 'failed', photo)
        self.prepared = 0
        self.skipped = 0
        self.failed = 0
        self._cache = ImageCache(image_cache) if image_cache is not None else ImageCache()
        self._queue: deque[tuple[WarmPhoto, Callable[[str], bytes]]] = deque()
        self._queued: set[tuple[str, ImageRequest]] = set()
        self._handled: set[tuple[str, ImageRequest]] = set()  # done (or failed) already
        self._busy = False
        self._closed = False
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def add(self, photos: Iterable[WarmPhoto], read: Callable[[str], bytes]) -> None:
        """Queue photos (those queued or handled already are not queued again); `read(sha)`
        gives the asset's bytes, called on the warm-up thread."""
        with self._wake:
            if self._closed:
                return
            for photo in photos:
                key = (photo.asset, photo.request)
                if key not in self._queued and key not in self._handled:
                    self._queued.add(key)
                    self._queue.append((photo, read))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="photo-warmup", daemon=True)
                self._thread.start()
            self._wake.notify_all()

    def clear(self) -> None:
        """Drop what is queued (the edition closed); the photo in the pool finishes."""
        with self._wake:
            self._queue.clear()
            self._queued.clear()
            self._handled.clear()

    def close(self, wait: bool = True) -> None:
        """Drop the queue and end the thread (after the photo in the pool, if any; with
        `wait`, this returns when it has ended)."""
        with self._wake:
            self._closed = True
            self._queue.clear()
            self._wake.notify_all()
        if wait and self._thread is not None:
            self._thread.join(timeout=30)

    def idle(self) -> bool:
        """Nothing queued and nothing being prepared."""
        with self._wake:
            return not self._queue and not self._busy

    def wait_idle(self, timeout: float) -> bool:
        """Wait until `idle()` (the benchmarks, the tests); False after `timeout` seconds."""
        with self._wake:
            return self._wake.wait_for(
                lambda: (not self._queue and not self._busy) or self._closed, timeout
            )

    # -- the thread ----------------------------------------------------------------
    def _event(self, what: str, photo: WarmPhoto) -> None:
        if self.on_event is not None:
            self.on_event(what, photo)

    def _next(self) -> tuple[WarmPhoto, Callable[[str], bytes]] | None:
        with self._wake:
            while not self._closed and (not self._queue or self.pool.exporting_now):
                self._wake.wait(POLL_S if self._queue else None)  # add() and close() wake it
            if self._closed:
                return None
            self._busy = True
            return self._queue.popleft()

    def _done(self, photo: WarmPhoto, read: Callable[[str], bytes], again: bool) -> None:
        with self._wake:
            self._busy = False
            if again and not self._closed and (photo.asset, photo.request) in self._queued:
                self._queue.appendleft((photo, read))
            elif (photo.asset, photo.request) in self._queued:  # not cleared meanwhile
                self._queued.discard((photo.asset, photo.request))
                self._handled.add((photo.asset, photo.request))
            self._wake.notify_all()

    def _run(self) -> None:
        while True:
            taken = self._next()
            if taken is None:
                with self._wake:
                    self._busy = False
                    self._wake.notify_all()
                return
            photo, read = taken
            self._done(photo, read, self._warm(photo, read))

    def _warm(self, photo: WarmPhoto, read: Callable[[str], bytes]) -> bool:
        """Prepare one photo; True when it should be tried again (an export took over)."""
        if self._cache.get(self._cache.key(photo.asset, photo.request)) is not None:
            self.skipped += 1
            self._event("skipped", photo)
            return False
        try:
            data = read(photo.asset)
        except (KupangError, OSError, KeyError, ValueError) as exc:
            self.failed += 1
            log.info("photo warm-up: %s not read (%s)", photo.name, exc)
            self._event("failed", photo)
            return False
        future = self.pool.submit_background(warm_photo, photo, data, self.image_cache)
        if future is None:  # an export started meanwhile: later
            return True
        self._event("submit", photo)
        try:
            outcome = future.result()
        except CancelledError:  # an export started before the pool took it
            return True
        except BrokenProcessPool as exc:
            self.pool.discard_broken()
            self.failed += 1
            log.info("photo warm-up: %s, a worker died (%s)", photo.name, exc)
            self._event("failed", photo)
            return False
        if outcome.startswith("failed"):
            self.failed += 1
            log.info("photo warm-up: %s %s", photo.name, outcome)
            self._event("failed", photo)
            return False
        if outcome == "prepared":
            self.prepared += 1
        self._event(outcome, photo)
        return False
