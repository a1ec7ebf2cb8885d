"""Storage stage: taking in an image file's (or an ad's PDF) bytes as an asset, checked whole."""

from __future__ import annotations

import hashlib

from kupang_layout.imaging import (
    FORMAT_EXTS,
    PDF_EXT,
    ImagingError,
    is_pdf,
    read_pdf_facts,
    verify_image,
)
from kupang_layout.model.assets import Asset
from kupang_layout.model.edition import Edition
from kupang_layout.storage.assets import PendingAssets
from kupang_layout.storage.errors import ImageFileError

__all__ = ["FORMAT_EXTS", "add_asset", "asset_from_bytes"]


def asset_from_bytes(data: bytes, name: str, *, allow_pdf: bool = False) -> Asset:
    """An Asset for image bytes: SHA-256, the real format, the upright size and orientation.

    The picture is decoded whole (kupang_layout.imaging.verify_image) before it is
    accepted: an empty, truncated, damaged, too large or non-JPEG/PNG/TIFF file
    raises ImageFileError naming `name`, with a reason code and text in the user's
    language. The file name's extension is not trusted: a PNG named .jpg is taken
    as the PNG it is.

    With `allow_pdf` (advertisements), a PDF is taken too: checked by
    `kupang_layout.imaging.read_pdf_facts` (readable, not encrypted, at least one
    upright page); its asset has ext "pdf", `width_px` x `height_px` the first page's
    trim size in whole points and `extra["pdf"]` = {"trim": [x0, y0, x1, y1],
    "pages": n} (exact, PDF points). A photo is never a PDF.
    """
    if allow_pdf and is_pdf(data):
        return _pdf_asset(data, name)
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


def _pdf_asset(data: bytes, name: str) -> Asset:
    try:
        facts = read_pdf_facts(data, name)
    except ImagingError as exc:
        raise ImageFileError(name, exc.text(), reason=exc.reason, detail=exc.detail) from exc
    return Asset(
        sha256=hashlib.sha256(data).hexdigest(),
        ext=PDF_EXT,
        name=name,
        width_px=max(1, round(facts.width)),
        height_px=max(1, round(facts.height)),
        orientation=1,
        extra={"pdf": {"trim": [round(v, 6) for v in facts.trim], "pages": facts.pages}},
    )


def add_asset(edition: Edition, data: bytes, name: str, *, allow_pdf: bool = False) -> Asset:
    """Make an image's bytes available to the edition and return its Asset.

    The bytes go into a PendingAssets layer over the edition's current source.
    The asset is not registered in `edition.assets`: the undoable PlaceImage
    command does that, so undo and redo stay exact.
    """
    asset = asset_from_bytes(data, name, allow_pdf=allow_pdf)
    source = edition.asset_source
    if not isinstance(source, PendingAssets):
        source = PendingAssets(source)
        edition.asset_source = source
    source.add(asset.sha256, data)
    return asset
