"""Render stage (Qt): screen-sized proxies of placed images, decoded in a background thread.

The original image stays in the edition file (read through its AssetSource);
the screen only ever sees a proxy whose long side is a power-of-two bucket just
above what the current zoom needs, cached by (sha, bucket).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kupang_layout.errors import KupangError
from kupang_layout.imaging import ImagingError, decode_upright
from kupang_layout.imaging.assets import check_hash
from kupang_layout.model.assets import AssetSource, MissingAssetError

BUCKETS = (128, 256, 512, 1024, 2048, 4096)

ReadBytes = Callable[[str], bytes]


def bucket_for(needed_px: float, original_long_side: int) -> int:
    """The proxy size for a picture shown `needed_px` device pixels long."""
    for b in BUCKETS:
        if b >= needed_px:
            return min(b, max(1, original_long_side))
    return min(BUCKETS[-1], max(1, original_long_side))


def decode_proxy(data: bytes, long_side: int, name: str = "", sha256: str = "") -> QImage:
    """Decode image bytes upright to a QImage whose long side is at most `long_side`.

    Goes through kupang_layout.imaging (the program's one pixel limit, EXIF orientation
    as the PDF applies it). With `sha256`, bytes that do not match it are refused.
    Raises ImagingError.
    """
    if sha256:
        check_hash(data, sha256, name or sha256[:12])
    img = decode_upright(data, name or sha256[:12], long_side)
    if img.mode.startswith("I;16") or img.mode == "I":
        img = img.convert("I").point(lambda v: v * (1.0 / 257.0)).convert("L")
    has_alpha = img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)
    if has_alpha:
        img = img.convert("RGBA")
        fmt, bpp = QImage.Format.Format_RGBA8888, 4
    elif img.mode in ("L", "1"):
        img = img.convert("L")
        fmt, bpp = QImage.Format.Format_Grayscale8, 1
    else:
        img = img.convert("RGB")
        fmt, bpp = QImage.Format.Format_RGB888, 3
    w, h = img.size
    raw = img.tobytes()
    return QImage(raw, w, h, w * bpp, fmt).copy()


class ImageProxies(QObject):
    """Proxy cache. `proxy()` answers at once with the best image it has.

    In background mode a missing or too-small proxy is decoded on a worker
    thread and `ready(sha)` is emitted when it arrives; in synchronous mode
    (PNG export, tests) it is decoded on the spot.
    """

    ready = Signal(str)

    def __init__(self, background: bool = True, max_entries: int = 48) -> None:
        super().__init__()
        self.background = background
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._failed: dict[str, str] = {}
        self._pending: set[tuple[str, int]] = set()
        self._pool: ThreadPoolExecutor | None = None

    # -- queries ------------------------------------------------------------
    def failure(self, sha: str) -> str | None:
        """Why the picture could not be shown, if it could not."""
        return self._failed.get(sha)

    def proxy(
        self, sha: str, source: AssetSource, needed_px: float, original_long_side: int
    ) -> QImage | None:
        """The best proxy available now for showing `sha` `needed_px` pixels long."""
        if sha in self._failed:
            return None
        want = bucket_for(needed_px, original_long_side)
        with self._lock:
            exact = self._cache.get((sha, want))
            if exact is not None:
                self._cache.move_to_end((sha, want))
                return exact
            best: QImage | None = None
            best_size = 0
            for (s, size), img in self._cache.items():
                if s != sha:
                    continue
                if best is None or abs(size - want) < abs(best_size - want):
                    best, best_size = img, size
        if not self.background:
            return self._decode_now(sha, source, want)
        self._schedule(sha, source, want)
        return best

    # -- decoding -------------------------------------------------------------
    def _decode_now(self, sha: str, source: AssetSource, size: int) -> QImage | None:
        try:
            img = decode_proxy(source.read(sha), size, sha256=sha)
        except (MissingAssetError, KupangError, OSError) as exc:
            self._failed[sha] = str(exc) or type(exc).__name__
            return None
        self._store(sha, size, img)
        return img

    def _store(self, sha: str, size: int, img: QImage) -> None:
        with self._lock:
            self._cache[(sha, size)] = img
            self._cache.move_to_end((sha, size))
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)

    def _schedule(self, sha: str, source: AssetSource, size: int) -> None:
        key = (sha, size)
        with self._lock:
            if key in self._pending:
                return
            self._pending.add(key)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="proxy")
        try:
            data = source.read(sha)  # reading the archive is not thread-safe: do it here
        except (MissingAssetError, KupangError, OSError) as exc:
            self._failed[sha] = str(exc) or type(exc).__name__
            with self._lock:
                self._pending.discard(key)
            self.ready.emit(sha)
            return
        future = self._pool.submit(decode_proxy, data, size, "", sha)
        future.add_done_callback(lambda f: self._finished(key, f))

    def _finished(self, key: tuple[str, int], future: Future[QImage]) -> None:
        sha, size = key
        try:
            img = future.result()
        except (ImagingError, OSError) as exc:
            self._failed[sha] = str(exc) or type(exc).__name__
        else:
            self._store(sha, size, img)
        with self._lock:
            self._pending.discard(key)
        self.ready.emit(sha)

    def wait(self, timeout: float = 10.0) -> None:
        """Block until the scheduled decodes are done (tests, benchmarks)."""
        import time

        end = time.monotonic() + timeout
        while self._pending and time.monotonic() < end:
            time.sleep(0.005)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._failed.clear()

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
