"""Imaging stage: opening pictures: one pixel limit, full decode check, EXIF orientation.

Everything in the program that decodes an asset's bytes (placing, preflight, the
PDF export, the screen) opens them here, so a picture is judged the same way
everywhere. Only JPEG, PNG and TIFF are read, recognised by their first bytes
(never by the file name); Pillow's own format guessing is not used.
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from dataclasses import dataclass

from PIL import Image, JpegImagePlugin, PngImagePlugin, TiffImagePlugin

from kupang_layout.imaging.errors import ImagingError

__all__ = [
    "DECODE_ERRORS",
    "FORMAT_EXTS",
    "MAX_PIXELS",
    "MAX_SIDE",
    "ImageFacts",
    "decode_upright",
    "facts_of",
    "load",
    "open_image",
    "orientation_of",
    "sniff",
    "to_upright",
    "upright_size",
    "verify_image",
]

#: The largest picture the program opens (pixels): 120 megapixels decode in well under 1 GB.
MAX_PIXELS = 120_000_000
#: The longest side opened, whatever the area.
MAX_SIDE = 40_000
# Pillow's own guard stays as a second line for anything opened elsewhere (it warns above
# this and refuses at twice this); pictures opened here are checked before that.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

#: Pillow format name -> the extension an asset is stored under.
FORMAT_EXTS = {"JPEG": "jpg", "PNG": "png", "TIFF": "tif"}

#: What Pillow raises for bytes it cannot parse or decode.
DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    zlib.error,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
)

_PLUGINS: dict[str, type[Image.Image]] = {
    "JPEG": JpegImagePlugin.JpegImageFile,
    "PNG": PngImagePlugin.PngImageFile,
    "TIFF": TiffImagePlugin.TiffImageFile,
}
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"GIF8", 0, "GIF"),
    (b"BM", 0, "BMP"),
    (b"WEBP", 8, "WebP"),
    (b"ftypheic", 4, "HEIC"),
    (b"ftypheix", 4, "HEIC"),
    (b"ftypmif1", 4, "HEIF"),
    (b"ftypavif", 4, "AVIF"),
    (b"%PDF", 0, "PDF"),
    (b"II+\x00", 0, "BigTIFF"),
    (b"MM\x00+", 0, "BigTIFF"),
)

# EXIF orientation (tag 0x0112) -> the transpose that shows the picture upright.
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_EXIF_ORIENTATION = 0x0112
#: A JPEG is checked decoded at 1/8 of its size: every byte of the scan is still decoded.
_JPEG_CHECK_SCALE = 8


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """What the header says: format, stored pixel size and EXIF orientation (1-8)."""

    format: str
    stored_width: int
    stored_height: int
    orientation: int

    @property
    def ext(self) -> str:
        return FORMAT_EXTS[self.format]

    @property
    def width(self) -> int:
        """The upright width (what a viewer shows)."""
        return upright_size(self.stored_width, self.stored_height, self.orientation)[0]

    @property
    def height(self) -> int:
        return upright_size(self.stored_width, self.stored_height, self.orientation)[1]


def upright_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """The size shown upright: sides swapped for orientations 5 to 8."""
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def sniff(data: bytes) -> str | None:
    """The format the first bytes announce (JPEG, PNG, TIFF or a refused one), else None."""
    for magic, offset, fmt in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return fmt
    return None


def orientation_of(image: Image.Image) -> int:
    """The EXIF orientation 1-8 (1 when absent or nonsense)."""
    try:
        value = image.getexif().get(_EXIF_ORIENTATION, 1)
    except DECODE_ERRORS:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def to_upright(image: Image.Image, orientation: int) -> Image.Image:
    """The decoded picture turned and flipped as a viewer shows it."""
    transpose = _TRANSPOSE.get(orientation)
    return image if transpose is None else image.transpose(transpose)


def open_image(data: bytes, name: str) -> Image.Image:
    """Open lazily (header only), refusing anything over the pixel limit before decoding.

    Raises ImagingError naming `name` with the reason.
    """
    if not data:
        raise ImagingError(name, "empty")
    fmt = sniff(data)
    if fmt is None:
        raise ImagingError(name, "not-image")
    plugin = _PLUGINS.get(fmt)
    if plugin is None:
        raise ImagingError(name, "unsupported-format", format=fmt)
    try:
        image = plugin(io.BytesIO(data))  # type: ignore[call-arg]
    except DECODE_ERRORS as exc:
        raise ImagingError(name, _damage(exc), str(exc), format=fmt) from exc
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImagingError(name, "no-pixels", width=width, height=height)
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise ImagingError(
            name,
            "too-large",
            width=width,
            height=height,
            limit=MAX_PIXELS // 1_000_000,
            side=MAX_SIDE,
        )
    return image


def facts_of(image: Image.Image) -> ImageFacts:
    width, height = image.size
    return ImageFacts(str(image.format), width, height, orientation_of(image))


def load(image: Image.Image, name: str) -> None:
    """Decode the pixels (ImagingError for a truncated or damaged file)."""
    try:
        image.load()
    except MemoryError as exc:
        raise ImagingError(name, "no-memory") from exc
    except DECODE_ERRORS as exc:
        raise ImagingError(name, _damage(exc), str(exc), format=image.format) from exc


def verify_image(data: bytes, name: str) -> ImageFacts:
    """Prove the picture decodes whole, within a bounded memory; return its header facts.

    A JPEG is decoded at 1/8 scale (all of its compressed data is still read and
    decoded, so a truncated or corrupt scan is found); a PNG's chunk checksums are
    checked and its pixels decoded; a TIFF is decoded. Raises ImagingError.
    """
    image = open_image(data, name)
    facts = facts_of(image)
    if facts.format == "PNG":
        try:
            _PLUGINS["PNG"](io.BytesIO(data)).verify()  # type: ignore[call-arg]
        except DECODE_ERRORS as exc:
            raise ImagingError(name, _damage(exc), str(exc), format="PNG") from exc
    if facts.format == "JPEG":
        image.draft(
            image.mode,
            (
                math.ceil(facts.stored_width / _JPEG_CHECK_SCALE),
                math.ceil(facts.stored_height / _JPEG_CHECK_SCALE),
            ),
        )
    load(image, name)
    image.close()
    return facts


def decode_upright(data: bytes, name: str, long_side: int | None = None) -> Image.Image:
    """The whole picture decoded and upright; at most `long_side` pixels long when given
    (a JPEG is then decoded at a reduced scale). Raises ImagingError."""
    image = open_image(data, name)
    orientation = orientation_of(image)
    if long_side is not None and image.format == "JPEG":
        image.draft("RGB" if image.mode == "RGB" else None, (long_side, long_side))
    load(image, name)
    if long_side is not None and max(image.size) > long_side:
        image.thumbnail((long_side, long_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return to_upright(image, orientation)


def _damage(exc: BaseException) -> str:
    """'truncated' when the data ends early, else 'damaged'."""
    text = str(exc).lower()
    if isinstance(exc, EOFError) or "truncated" in text or "end of file" in text:
        return "truncated"
    return "damaged"
