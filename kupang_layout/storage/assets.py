"""Storage stage: asset sources: lazily from a .kpl, pending in memory, and after a save."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from kupang_layout.model.assets import AssetSource, MemoryAssets, MissingAssetError
from kupang_layout.storage.archive import DEFAULT_LIMITS, open_zip, read_entry
from kupang_layout.storage.errors import AssetIntegrityError, DocumentFileError

__all__ = ["ChainAssets", "PendingAssets", "ZipAssetSource", "source_after_save"]


class ZipAssetSource:
    """Reads asset bytes from a .kpl on demand, one at a time, checking each SHA-256.

    The zip is opened for each read and closed again, so the file is never held
    open (it can be replaced by a save, also on Windows).
    """

    def __init__(self, path: Path, entries: Mapping[str, str], max_size: int | None = None) -> None:
        self.path = Path(path)
        self._entries = dict(entries)  # sha256 -> entry name
        self._max_size = DEFAULT_LIMITS.max_total_size if max_size is None else max_size

    def has(self, sha256: str) -> bool:
        return sha256 in self._entries

    def shas(self) -> list[str]:
        return list(self._entries)

    def read(self, sha256: str) -> bytes:
        name = self._entries.get(sha256)
        if name is None:
            raise MissingAssetError(sha256)
        file = str(self.path)
        with open_zip(self.path) as zf:
            try:
                info = zf.getinfo(name)
            except KeyError:
                raise DocumentFileError(
                    file, f"entry {name!r} is no longer in the file (was it replaced?)"
                ) from None
            data = read_entry(zf, info, file, self._max_size)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AssetIntegrityError(
                file, f"entry {name!r} is damaged: its bytes do not match their SHA-256"
            )
        return data


class PendingAssets(MemoryAssets):
    """Image bytes added this session and not yet saved, layered over another source."""

    def __init__(self, base: AssetSource | None = None) -> None:
        super().__init__(base)
        self._pending: dict[str, bytes] = {}

    def add(self, sha256: str, data: bytes) -> None:
        super().add(sha256, data)
        self._pending[sha256] = data

    def pending(self) -> Iterator[tuple[str, bytes]]:
        """The bytes held in this layer (not those of the base)."""
        yield from self._pending.items()


class ChainAssets:
    """Several sources asked in turn; the first that has an asset gives it."""

    def __init__(self, sources: Iterable[AssetSource]) -> None:
        self.sources = list(sources)

    def has(self, sha256: str) -> bool:
        return any(s.has(sha256) for s in self.sources)

    def read(self, sha256: str) -> bytes:
        for s in self.sources:
            if s.has(sha256):
                return s.read(sha256)
        raise MissingAssetError(sha256)


def _same_file(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def source_after_save(
    old: AssetSource,
    saved: ZipAssetSource,
    target: Path,
    keep: Mapping[str, bytes] | None = None,
) -> AssetSource:
    """The source an edition reads from once saved to `target`.

    Saved assets come from the new file. Bytes added this session but not saved
    (an image whose placing was undone can still be redone) stay in memory, and
    so do the bytes in `keep` (images the save left out because nothing places
    them now, read from the old file before it was replaced: an undo may place
    them again); sources of another kind are kept behind as a fallback. The old
    file at `target` itself is dropped: it has been replaced.
    """
    pending: dict[str, bytes] = {sha: data for sha, data in (keep or {}).items()}
    fallbacks: list[AssetSource] = []

    def walk(layer: AssetSource | None) -> None:
        if layer is None or layer is saved:
            return
        if isinstance(layer, PendingAssets):
            for sha, data in layer.pending():
                if not saved.has(sha):
                    pending.setdefault(sha, data)
            walk(layer.base)
        elif isinstance(layer, ChainAssets):
            for s in layer.sources:
                walk(s)
        elif isinstance(layer, ZipAssetSource):
            if not _same_file(layer.path, target):
                fallbacks.append(layer)
        else:
            fallbacks.append(layer)

    walk(old)
    result: AssetSource = ChainAssets([saved, *fallbacks]) if fallbacks else saved
    if pending:
        top = PendingAssets(result)
        for sha, data in pending.items():
            top.add(sha, data)
        result = top
    return result
