"""Preflight stage: an image's own resolution (dpi) from its file header, cached by SHA-256."""

from __future__ import annotations

from collections import OrderedDict

from kupang_layout.errors import KupangError
from kupang_layout.imaging import ImagingError, open_image
from kupang_layout.model.assets import Asset, AssetSource, MissingAssetError

#: What an image without a usable resolution in its header is taken to be.
DEFAULT_DPI = 72.0
_CACHE_SIZE = 512
_cache: OrderedDict[str, float] = OrderedDict()


def _valid(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    # 1..10000 dpi: 0, negative or absurd values are header noise.
    return number if 1.0 <= number <= 10000.0 else None


def dpi_from_bytes(data: bytes) -> float:
    """The horizontal resolution the file declares (JFIF, EXIF, pHYs, TIFF), else 72.

    Only the header is parsed (kupang_layout.imaging: the one pixel limit). Where a
    file declares different values per axis the smaller is taken. A picture that
    cannot be opened counts as 72 dpi: the rule `image-unreadable` reports it.
    """
    try:
        with open_image(data, "") as img:
            raw = img.info.get("dpi")
    except ImagingError:
        return DEFAULT_DPI
    if isinstance(raw, tuple | list) and raw:
        values = [v for v in (_valid(x) for x in raw[:2]) if v is not None]
        return min(values) if values else DEFAULT_DPI
    return _valid(raw) or DEFAULT_DPI


def asset_dpi(asset: Asset, source: AssetSource) -> float:
    """The asset's own dpi: `asset.extra['dpi']` when recorded, else read from its bytes."""
    recorded = _valid(asset.extra.get("dpi")) if asset.extra else None
    if recorded is not None:
        return recorded
    got = _cache.get(asset.sha256)
    if got is not None:
        _cache.move_to_end(asset.sha256)
        return got
    try:
        data = source.read(asset.sha256)
    except (MissingAssetError, KupangError, OSError):
        return DEFAULT_DPI  # the asset rules report the missing file
    got = dpi_from_bytes(data)
    _cache[asset.sha256] = got
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return got
