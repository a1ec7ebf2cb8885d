"""PDF render stage: the exceptions the exporter raises (each names what failed)."""

from __future__ import annotations

from kupang_layout.errors import KupangError

__all__ = ["ImageError", "PdfExportError", "PresetError"]


class PdfExportError(KupangError):
    """A page could not be exported; the message names the page, asset or file."""


class ImageError(PdfExportError):
    """An image asset cannot be used: not an image, truncated, too large, or unreadable."""

    def __init__(self, asset_name: str, reason: str) -> None:
        self.asset_name = asset_name
        self.reason = reason
        super().__init__(f"image {asset_name!r}: {reason}")


class PresetError(PdfExportError):
    """An export preset is missing or one of its fields is invalid."""

    def __init__(self, source: str, preset: str, field: str, reason: str) -> None:
        self.source = source
        self.preset = preset
        self.field = field
        self.reason = reason
        where = f"{source}: preset {preset!r}" if preset else source
        what = f"field {field!r}: " if field else ""
        super().__init__(f"{where}: {what}{reason}")
