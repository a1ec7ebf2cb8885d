"""Render stage (Qt): screen-sized proxies of placed images, decoded in a background thread.

The original image stays in the edition file (read through its AssetSource);
the screen only ever sees a proxy whose long side is a power-of-two bucket just
above what the current zoom needs, cached by (sha, bucket).

A PDF ad is shown as a raster preview of its first page's trim box, made by
pdftoppm (else Ghostscript) within `PREVIEW_TIMEOUT_S` and the pixel budget
(`render/budget.py`) and kept as a PNG in the image cache folder; the PDF
export draws the ad itself as vector. A preview that cannot be made leaves the
placeholder.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kupang_layout.common.atomic import FileWriteError, make_folder, write_atomically
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.common.userdirs import cache_dir
from kupang_layout.errors import KupangError
from kupang_layout.imaging import ImagingError, decode_upright, is_pdf, read_pdf_facts
from kupang_layout.imaging.assets import check_hash
from kupang_layout.model.assets import AssetSource, MissingAssetError
from kupang_layout.render.budget import check_raster_budget, raster_size

BUCKETS = (128, 256, 512, 1024, 2048, 4096)
#: Seconds a PDF ad's preview may take to render.
PREVIEW_TIMEOUT_S = 20
#: Bump when the preview files change what they hold.
_PREVIEW_VERSION = 1

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
    if is_pdf(data):
        return pdf_preview(data, long_side, name or sha256[:12])
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


def preview_folder() -> Path:
    """Where PDF ads' previews are kept (the user's image cache folder)."""
    return cache_dir() / "images"


def _render_command(pdf: Path, out: Path, dpi: float, crop: tuple[int, int, int, int]) -> list[str]:
    x, y, w, h = crop
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is not None:
        return [pdftoppm, "-q", "-f", "1", "-l", "1", "-r", f"{dpi:.4f}", "-x", str(x), "-y",
                str(y), "-W", str(w), "-H", str(h), "-png", "-singlefile", str(pdf),
                str(out.with_suffix(""))]  # fmt: skip
    gs = shutil.which("gs")
    if gs is None:
        raise ImagingError(pdf.name, "unreadable", "neither pdftoppm nor gs is installed")
    return [gs, "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dUseTrimBox", "-dFirstPage=1",
            "-dLastPage=1", "-sDEVICE=png16m", f"-r{dpi:.4f}", f"-sOutputFile={out}",
            str(pdf)]  # fmt: skip


def pdf_preview(data: bytes, long_side: int, name: str = "") -> QImage:
    """The first page's trim box of a PDF ad rendered `long_side` pixels long (at most).

    Kept as a PNG in `preview_folder()` by the bytes' SHA-256 and size; made by
    pdftoppm (Ghostscript when pdftoppm is missing), bounded by PREVIEW_TIMEOUT_S and
    the raster budget. Raises ImagingError when it cannot be made."""
    facts = read_pdf_facts(data, name)
    scale = max(1, long_side) / max(facts.width, facts.height)
    dpi = 72.0 * scale
    width, height = raster_size(facts.width, facts.height, dpi)
    check_raster_budget(width, height)
    digest = hashlib.sha256(data).hexdigest()
    kept = preview_folder() / f"ad-{digest[:32]}-{long_side}-v{_PREVIEW_VERSION}.png"
    if kept.is_file():
        image = QImage(str(kept))
        if not image.isNull():
            return image
    media_x0, _, _, media_y1 = facts.media
    crop = (round((facts.trim[0] - media_x0) * scale), round((media_y1 - facts.trim[3]) * scale),
            width, height)  # fmt: skip
    with temp_dir("kupang-adview-") as tmp:
        source, out = tmp / "ad.pdf", tmp / "preview.png"
        write_atomically(source, data)
        try:
            run = subprocess.run(
                _render_command(source, out, dpi, crop),
                capture_output=True,
                timeout=PREVIEW_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ImagingError(
                name, "unreadable", f"preview took over {PREVIEW_TIMEOUT_S} s"
            ) from exc
        except OSError as exc:
            raise ImagingError(name, "unreadable", str(exc)) from exc
        png = out.read_bytes() if out.is_file() else b""
        if run.returncode != 0 or not png:
            reason = run.stderr.decode("utf-8", "replace").strip()[:200] or f"exit {run.returncode}"
            raise ImagingError(name, "unreadable", reason)
    image = QImage.fromData(png)
    if image.isNull():
        raise ImagingError(name, "unreadable", "the preview is not a PNG")
    try:
        make_folder(kept.parent)
        write_atomically(kept, png)
    except FileWriteError:
        pass  # shown all the same; made again next time
    return image


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
        self._vector: set[str] = set()  # assets known to be PDF ads
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
        # A PDF ad has no pixel size of its own: its preview is made as large as needed.
        want = bucket_for(needed_px, BUCKETS[-1] if sha in self._vector else original_long_side)
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
            return self._decode_now(sha, source, want, needed_px)
        self._schedule(sha, source, want, needed_px)
        return best

    # -- decoding -------------------------------------------------------------
    def _vector_size(self, sha: str, data: bytes, size: int, needed_px: float) -> int:
        """The proxy size for bytes just read: a PDF ad's is not capped by its point size."""
        if sha not in self._vector and is_pdf(data):
            self._vector.add(sha)
            return bucket_for(needed_px, BUCKETS[-1])
        return size

    def _decode_now(
        self, sha: str, source: AssetSource, size: int, needed_px: float = 0.0
    ) -> QImage | None:
        try:
            data = source.read(sha)
            size = self._vector_size(sha, data, size, needed_px)
            img = decode_proxy(data, size, sha256=sha)
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

    def _schedule(self, sha: str, source: AssetSource, size: int, needed_px: float = 0.0) -> None:
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
        bigger = self._vector_size(sha, data, size, needed_px)
        if bigger != size:
            with self._lock:
                self._pending.discard(key)
                key = (sha, bigger)
                if key in self._pending:
                    return
                self._pending.add(key)
            size = bigger
        future = self._pool.submit(decode_proxy, data, size, "", sha)
        future.add_done_callback(lambda f: self._finished(key, f))

    def _finished(self, key: tuple[str, int], future: Future[QImage]) -> None:
        sha, size = key
        try:
            img = future.result()
        except (KupangError, OSError) as exc:  # ImagingError, RasterBudgetError
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
