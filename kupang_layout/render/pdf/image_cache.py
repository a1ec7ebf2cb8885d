"""PDF render stage: cache of prepared images, in memory and in the user's cache folder."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from kupang_layout.render.pdf.colour import newsprint_profile_bytes
from kupang_layout.render.pdf.images import ImageRequest, PreparedImage, prepare_image

__all__ = ["CachedImage", "ImageCache", "default_image_cache"]

#: Bump when prepare_image changes what it produces, so old cache files are not reused.
PREPARE_VERSION = 1


@dataclass(frozen=True, slots=True)
class CachedImage:
    """A prepared image and the JPEG file that holds it."""

    path: Path
    image: PreparedImage


@functools.cache
def _profile_token() -> str:
    return hashlib.sha256(newsprint_profile_bytes()).hexdigest()[:16]


def default_cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("kupang-layout")) / "images"


class ImageCache:
    """Prepared images by (asset hash, crop, placed size, preset): memory first, then disk.

    `folder=None` keeps files in a private temporary folder (nothing outlives the
    process's temp folder). `prepared` counts how many images were actually prepared
    (cache misses), which the tests and benchmarks read.
    """

    def __init__(self, folder: Path | None = None, *, use_default_folder: bool = True) -> None:
        if folder is None and use_default_folder:
            folder = default_cache_folder()
        self._folder = folder
        self._memory: dict[str, CachedImage] = {}
        self._lock = threading.Lock()
        self.prepared = 0
        self.hits = 0

    @property
    def folder(self) -> Path:
        """The folder holding the JPEG files (created on first use)."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="kupang-images-"))
        return self._folder

    def key(self, asset_sha: str, request: ImageRequest) -> str:
        profile = _profile_token()
        parts = (
            f"v{PREPARE_VERSION}",
            asset_sha,
            "crop=" + ",".join(f"{v:.6f}" for v in request.crop),
            f"placed={request.placed_width:.3f}x{request.placed_height:.3f}",
            f"ppi={request.max_ppi:g};q={request.jpeg_quality};tac={request.tac:g}",
            f"icc={profile}",
        )
        return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()

    def get(self, key: str) -> CachedImage | None:
        with self._lock:
            found = self._memory.get(key)
        if found is not None and found.path.is_file():
            return found
        found = self._load_from_disk(key)
        if found is not None:
            with self._lock:
                self._memory[key] = found
        return found

    def prepare(
        self, asset_sha: str, name: str, read: Callable[[], bytes], request: ImageRequest
    ) -> CachedImage:
        """The prepared image, from the cache or made now (raises ImageError)."""
        key = self.key(asset_sha, request)
        found = self.get(key)
        if found is not None:
            self.hits += 1
            return found
        data, prepared = prepare_image(read(), name, request)
        self.prepared += 1
        cached = self._store(key, data, prepared)
        with self._lock:
            self._memory[key] = cached
        return cached

    def clear_memory(self) -> None:
        with self._lock:
            self._memory.clear()

    def prune(self, max_bytes: int = 2_000_000_000) -> int:
        """Delete the least recently written files until the folder holds at most max_bytes."""
        if self._folder is None or not self._folder.is_dir():
            return 0
        files = []
        for path in self._folder.glob("*.jpg"):
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in files)
        removed = 0
        for _, size, path in sorted(files):
            if total <= max_bytes:
                break
            for victim in (path, path.with_suffix(".json")):
                with contextlib.suppress(OSError):
                    victim.unlink()
            total -= size
            removed += 1
        with self._lock:
            self._memory = {k: v for k, v in self._memory.items() if v.path.is_file()}
        return removed

    # Disk layout: <key>.jpg with the pixels and <key>.json with PreparedImage, written
    # in that order with atomic renames, so a .json file means the pair is complete.

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.jpg", self.folder / f"{key}.json"

    def _load_from_disk(self, key: str) -> CachedImage | None:
        jpeg, meta = self._paths(key)
        try:
            raw = json.loads(meta.read_text(encoding="utf-8"))
            if not jpeg.is_file():
                return None
            prepared = PreparedImage(
                width_px=int(raw["width_px"]),
                height_px=int(raw["height_px"]),
                mode=str(raw["mode"]),
                crop=tuple(float(v) for v in raw["crop"]),  # type: ignore[arg-type]
                source_width=int(raw["source_width"]),
                source_height=int(raw["source_height"]),
                notes=tuple(str(n) for n in raw.get("notes", ())),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if len(prepared.crop) != 4:
            return None
        return CachedImage(jpeg, prepared)

    def _store(self, key: str, data: bytes, prepared: PreparedImage) -> CachedImage:
        try:
            return self._write(key, data, prepared)
        except OSError:
            # The cache folder is not writable: fall back to a private temporary folder.
            self._folder = Path(tempfile.mkdtemp(prefix="kupang-images-"))
            return self._write(key, data, prepared)

    def _write(self, key: str, data: bytes, prepared: PreparedImage) -> CachedImage:
        self.folder.mkdir(parents=True, exist_ok=True)
        jpeg, meta = self._paths(key)
        _atomic_write(jpeg, data)
        _atomic_write(meta, json.dumps(asdict(prepared)).encode("utf-8"))
        return CachedImage(jpeg, prepared)


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@functools.cache
def default_image_cache() -> ImageCache:
    """The process-wide cache in the user's cache folder."""
    return ImageCache()
