"""Model stage: placed image assets, known by the SHA-256 of their bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Asset:
    """An image placed in the edition. The bytes live in an AssetSource.

    `width_px` x `height_px` is the picture's size upright, as a viewer shows it:
    the EXIF `orientation` (1-8) of the stored bytes is already applied (sides
    swapped for 5-8). Orientation 0 marks an asset of an edition saved before
    orientation was recorded: its size is the stored one, perhaps sideways, and
    `kupang_layout.imaging.upright_asset_size` settles it from the bytes.
    """

    sha256: str
    ext: str
    name: str
    width_px: int
    height_px: int
    orientation: int = 1
    extra: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)

    @property
    def filename(self) -> str:
        return f"{self.sha256}.{self.ext}"

    @property
    def settled(self) -> bool:
        """Whether width_px/height_px are known to be the upright size."""
        return 1 <= self.orientation <= 8


class AssetSource(Protocol):
    """Where an edition's image bytes come from (memory, an open .kpl, a folder)."""

    def read(self, sha256: str) -> bytes: ...

    def has(self, sha256: str) -> bool: ...


class MissingAssetError(KeyError):
    """An asset's bytes are not available."""


class MemoryAssets:
    """Asset bytes held in memory, optionally layered over another source."""

    def __init__(self, base: AssetSource | None = None) -> None:
        self._data: dict[str, bytes] = {}
        self.base = base

    def add(self, sha256: str, data: bytes) -> None:
        self._data[sha256] = data

    def read(self, sha256: str) -> bytes:
        data = self._data.get(sha256)
        if data is not None:
            return data
        if self.base is not None and self.base.has(sha256):
            return self.base.read(sha256)
        raise MissingAssetError(sha256)

    def has(self, sha256: str) -> bool:
        return sha256 in self._data or (self.base is not None and self.base.has(sha256))
