"""Storage stage: taking in an image file's bytes as an asset (hash, real format, size)."""

from __future__ import annotations

import hashlib
import io
import warnings

from PIL import Image, UnidentifiedImageError

from kupang_layout.model.assets import Asset
from kupang_layout.model.edition import Edition
from kupang_layout.storage.assets import PendingAssets
from kupang_layout.storage.errors import ImageFileError

__all__ = ["FORMAT_EXTS", "add_asset", "asset_from_bytes"]

# Pillow format name -> the extension the asset is stored under.
FORMAT_EXTS = {"JPEG": "jpg", "PNG": "png", "TIFF": "tif"}
_MAGIC = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"II*\x00": "TIFF", b"MM\x00*": "TIFF"}


def _looks_like(data: bytes) -> str | None:
    for magic, fmt in _MAGIC.items():
        if data.startswith(magic):
            return fmt
    return None


def asset_from_bytes(data: bytes, name: str) -> Asset:
    """An Asset for image bytes: SHA-256, the real format and the pixel size.

    Only the header is read (no decoding). The file name's extension is not
    trusted; anything but JPEG, PNG or TIFF raises ImageFileError naming `name`.
    """
    if not data:
        raise ImageFileError(name, "the file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(FORMAT_EXTS)) as img:
                fmt = img.format
                width, height = img.size
    except Image.DecompressionBombError as exc:
        raise ImageFileError(name, f"the image has too many pixels to place ({exc})") from exc
    except UnidentifiedImageError:
        fmt = _looks_like(data)
        if fmt is not None:
            raise ImageFileError(name, f"damaged or incomplete {fmt} image") from None
        raise ImageFileError(name, "not a JPEG, PNG or TIFF image") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageFileError(name, f"damaged image file ({exc})") from exc
    ext = FORMAT_EXTS.get(fmt or "")
    if ext is None:
        raise ImageFileError(name, f"unsupported image format {fmt}")
    if width <= 0 or height <= 0:
        raise ImageFileError(name, f"the image has no pixels ({width} x {height})")
    return Asset(
        sha256=hashlib.sha256(data).hexdigest(),
        ext=ext,
        name=name,
        width_px=width,
        height_px=height,
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
