"""PDF render stage: cache of prepared images, in memory and in the user's cache folder."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kupang_layout.common.atomic import FileWriteError, write_atomically
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.common.userdirs import cache_dir
from kupang_layout.imaging import ImagingError
from kupang_layout.imaging.assets import check_hash
from kupang_layout.render.pdf.errors import ImageError
from kupang_layout.render.pdf.images import ImageRequest, PreparedImage, prepare_image
from kupang_layout.render.pdf.output_profile import newsprint_profile_bytes

__all__ = ["CachedImage", "ImageCache", "default_image_cache"]

#: Bump when prepare_image changes what it produces, so old cache files are not reused.
#: 2: the metadata holds the JPEG's SHA-256, checked whenever the file is served.
#: 3: the metadata holds the decoded JPEG's ink (`PreparedImage.ink`).
PREPARE_VERSION = 3


@dataclass(frozen=True, slots=True)
class CachedImage:
    """A prepared image and the JPEG file that holds it."""

    path: Path
    image: PreparedImage


@functools.cache
def _profile_token() -> str:
    return hashlib.sha256(newsprint_profile_bytes()).hexdigest()[:16]


def default_cache_folder() -> Path:
    return cache_dir() / "images"


class ImageCache:
    """Prepared images by (asset hash, crop, placed size, preset): memory first, then disk.

    The asset's bytes are read and hashed on every request and the key is made from
    the hash of the bytes actually read, so a wrong or changed asset is never served
    from the cache (it is refused with ImageError instead); a cached JPEG whose bytes
    no longer match the SHA-256 recorded with it is prepared again.

    `folder=None` keeps files in a private folder inside this run's temporary folder
    (kupang_layout.common.runtemp), removed with the cache. `prepared` counts how many
    images were actually prepared (cache misses), which the tests and benchmarks read.
    """

    def __init__(self, folder: Path | None = None, *, use_default_folder: bool = True) -> None:
        if folder is None and use_default_folder:
            folder = default_cache_folder()
        self._folder = folder
        self._memory: dict[str, CachedImage] = {}
        self._checked: dict[str, str] = {}  # key -> SHA-256 of its JPEG file
        self._lock = threading.Lock()
        self._private = contextlib.ExitStack()
        self.prepared = 0
        self.hits = 0

    @property
    def folder(self) -> Path:
        """The folder holding the JPEG files (created on first use)."""
        if self._folder is None:
            self._folder = self._private_folder()
        return self._folder

    def _private_folder(self) -> Path:
        return self._private.enter_context(temp_dir("kupang-images-"))

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
        """The entry under `key` if its JPEG file is whole (matches its recorded SHA-256)."""
        with self._lock:
            found = self._memory.get(key)
            expected = self._checked.get(key, "")
        if found is None or not expected:
            loaded = self._load_from_disk(key)
            if loaded is None:
                return None
            found, expected = loaded
        if not _file_matches(found.path, expected):
            with self._lock:
                self._memory.pop(key, None)
            return None
        with self._lock:
            self._memory[key] = found
            self._checked[key] = expected
        return found

    def prepare(
        self, asset_sha: str, name: str, read: Callable[[], bytes], request: ImageRequest
    ) -> CachedImage:
        """The prepared image, from the cache or made now (raises ImageError).

        The bytes `read` gives are checked against `asset_sha` first, warm cache or not.
        """
        data = read()
        try:
            check_hash(data, asset_sha, name)
        except ImagingError as exc:
            raise ImageError(name, exc.text()) from exc
        key = self.key(hashlib.sha256(data).hexdigest(), request)
        found = self.get(key)
        if found is not None:
            self.hits += 1
            return found
        jpeg, prepared = prepare_image(data, name, request)
        self.prepared += 1
        cached = self._store(key, jpeg, prepared)
        with self._lock:
            self._memory[key] = cached
            self._checked[key] = hashlib.sha256(jpeg).hexdigest()
        return cached

    def clear_memory(self) -> None:
        with self._lock:
            self._memory.clear()
            self._checked.clear()

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

    # Disk layout: <key>.jpg with the pixels and <key>.json with PreparedImage and the
    # JPEG's SHA-256, written in that order atomically, so a .json file means the pair
    # was complete; the hash tells whether the JPEG is still what was written.

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.jpg", self.folder / f"{key}.json"

    def _load_from_disk(self, key: str) -> tuple[CachedImage, str] | None:
        jpeg, meta = self._paths(key)
        try:
            raw = json.loads(meta.read_text(encoding="utf-8"))
            if not jpeg.is_file():
                return None
            expected = str(raw["jpeg_sha256"])
            prepared = PreparedImage(
                width_px=int(raw["width_px"]),
                height_px=int(raw["height_px"]),
                mode=str(raw["mode"]),
                crop=tuple(float(v) for v in raw["crop"]),  # type: ignore[arg-type]
                source_width=int(raw["source_width"]),
                source_height=int(raw["source_height"]),
                notes=tuple(str(n) for n in raw.get("notes", ())),
                ink=_ink_record(raw.get("ink")),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if len(prepared.crop) != 4:
            return None
        return CachedImage(jpeg, prepared), expected

    def _store(self, key: str, data: bytes, prepared: PreparedImage) -> CachedImage:
        try:
            return self._write(key, data, prepared)
        except (OSError, FileWriteError):
            # The cache folder is not writable: fall back to a private temporary folder.
            self._folder = self._private_folder()
            return self._write(key, data, prepared)

    def _write(self, key: str, data: bytes, prepared: PreparedImage) -> CachedImage:
        self.folder.mkdir(parents=True, exist_ok=True)
        jpeg, meta = self._paths(key)
        record = asdict(prepared) | {"jpeg_sha256": hashlib.sha256(data).hexdigest()}
        write_atomically(jpeg, data)
        write_atomically(meta, json.dumps(record).encode("utf-8"))
        return CachedImage(jpeg, prepared)


def _ink_record(value: object) -> tuple[float, float, float, float, float] | None:
    """The stored ink figures, or None (then the page's ink is measured by Ghostscript)."""
    if not isinstance(value, list) or len(value) != 5:
        return None
    numbers = tuple(float(v) for v in value)
    return (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])


def _file_matches(path: Path, sha256: str) -> bool:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


@functools.cache
def default_image_cache() -> ImageCache:
    """The process-wide cache in the user's cache folder."""
    return ImageCache()
