"""Imaging stage: an edition's assets checked against their bytes (hash, decode, upright size).

Verdicts are kept per SHA-256: the bytes are read and hashed on every check (a
file changed on disk is noticed), but a picture whose bytes match its hash is
decoded only once per process.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from kupang_layout.errors import KupangError
from kupang_layout.imaging.decode import open_image, orientation_of, upright_size, verify_image
from kupang_layout.imaging.errors import ImagingError
from kupang_layout.imaging.pdfdoc import PDF_EXT, read_pdf_facts
from kupang_layout.model.assets import Asset, AssetSource, MissingAssetError

__all__ = ["asset_problem", "check_hash", "read_verified", "upright_asset_size"]

_CACHE_SIZE = 1024
_lock = threading.Lock()
_verdicts: OrderedDict[str, ImagingError | None] = OrderedDict()
_upright: OrderedDict[str, tuple[int, int, int]] = OrderedDict()


def check_hash(data: bytes, sha256: str, name: str) -> None:
    """ImagingError 'hash-mismatch' unless `data` is what `sha256` names."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ImagingError(name, "hash-mismatch")


def read_verified(asset: Asset, source: AssetSource) -> bytes:
    """The asset's bytes, proven to match its SHA-256.

    MissingAssetError passes through (the asset rules report it); any other read
    failure is ImagingError 'unreadable' or 'hash-mismatch'.
    """
    name = asset.name or asset.sha256[:12]
    try:
        data = source.read(asset.sha256)
    except MissingAssetError:
        raise
    except (KupangError, OSError) as exc:
        # storage.errors.AssetIntegrityError (storage builds on this package, so by name)
        integrity = any(c.__name__ == "AssetIntegrityError" for c in type(exc).__mro__)
        raise ImagingError(name, "hash-mismatch" if integrity else "unreadable", str(exc)) from exc
    check_hash(data, asset.sha256, name)
    return data


def _remember(cache: OrderedDict[str, object], key: str, value: object) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)


def asset_problem(asset: Asset, source: AssetSource) -> ImagingError | None:
    """Why the asset cannot be printed now (unreadable, wrong bytes, damaged, too large),
    or None. A missing asset is None here: the asset rules report it."""
    name = asset.name or asset.sha256[:12]
    try:
        data = read_verified(asset, source)
    except MissingAssetError:
        return None
    except ImagingError as exc:
        return exc
    with _lock:
        if asset.sha256 in _verdicts:
            verdict = _verdicts[asset.sha256]
            _verdicts.move_to_end(asset.sha256)
            return (
                None
                if verdict is None
                else ImagingError(name, verdict.reason, verdict.detail, **verdict.params)
            )
    try:
        if asset.ext == PDF_EXT:
            read_pdf_facts(data, name)  # an ad's PDF: checked as at the door, never decoded
        else:
            verify_image(data, name)
        found: ImagingError | None = None
    except ImagingError as exc:
        found = exc
    with _lock:
        _remember(_verdicts, asset.sha256, found)  # type: ignore[arg-type]
    return found


def upright_asset_size(asset: Asset, source: AssetSource | None) -> tuple[int, int]:
    """The asset's upright pixel size.

    A settled asset (orientation 1-8) answers from the model. An asset of an older
    edition (orientation 0: stored size, perhaps sideways) is settled from its
    bytes' header the first time it is asked for, once per process; when the bytes
    cannot be read, the stored size is used (the problem is reported elsewhere).
    """
    if asset.settled or source is None or asset.ext == PDF_EXT:
        return asset.width_px, asset.height_px
    with _lock:
        got = _upright.get(asset.sha256)
    if got is None:
        try:
            data = source.read(asset.sha256)
            image = open_image(data, asset.name)
        except (KupangError, OSError, MissingAssetError):
            return asset.width_px, asset.height_px
        width, height = image.size
        orientation = orientation_of(image)
        image.close()
        got = (*upright_size(width, height, orientation), orientation)
        with _lock:
            _remember(_upright, asset.sha256, got)  # type: ignore[arg-type]
    return got[0], got[1]
