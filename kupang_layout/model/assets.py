"""Model stage: placed image assets, known by the SHA-256 of their bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Asset:
    """An image placed in the edition. The bytes live in an AssetSource."""

    sha256: str
    ext: str
    name: str
    width_px: int
    height_px: int
    extra: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)

    @property
    def filename(self) -> str:
        return f"{self.sha256}.{self.ext}"


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
