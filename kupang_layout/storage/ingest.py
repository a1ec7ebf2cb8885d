"""Storage stage: taking in an image file's bytes as an asset (checked whole, upright size)."""

from __future__ import annotations

import hashlib

from kupang_layout.imaging import FORMAT_EXTS, ImagingError, verify_image
from kupang_layout.model.assets import Asset
from kupang_layout.model.edition import Edition
from kupang_layout.storage.assets import PendingAssets
from kupang_layout.storage.errors import ImageFileError

__all__ = ["FORMAT_EXTS", "add_asset", "asset_from_bytes"]


def asset_from_bytes(data: bytes, name: str) -> Asset:
    """An Asset for image bytes: SHA-256, the real format, the upright size and orientation.

    The picture is decoded whole (kupang_layout.imaging.verify_image) before it is
    accepted: an empty, truncated, damaged, too large or non-JPEG/PNG/TIFF file
    raises ImageFileError naming `name`, with a reason code and text in the user's
    language. The file name's extension is not trusted: a PNG named .jpg is taken
    as the PNG it is.
    """
    try:
        facts = verify_image(data, name)
    except ImagingError as exc:
        raise ImageFileError(name, exc.text(), reason=exc.reason, detail=exc.detail) from exc
    return Asset(
        sha256=hashlib.sha256(data).hexdigest(),
        ext=facts.ext,
        name=name,
        width_px=facts.width,
        height_px=facts.height,
        orientation=facts.orientation,
    )


def add_asset(edition: Edition, data: bytes, name: str) -> Asset:
    """Make an image's bytes available to the edition and return its Asset.

    The bytes go into a PendingAssets layer over the edition's current source.
    The asset is not registered in `edition.assets`: the undoable PlaceImage
    command does that, so undo and redo stay exact.
    """
    asset = asset_from_bytes(data, name)
    source = edition.asset_source
    if not isinstance(source, PendingAssets):
        source = PendingAssets(source)
        edition.asset_source = source
    source.add(asset.sha256, data)
    return asset
