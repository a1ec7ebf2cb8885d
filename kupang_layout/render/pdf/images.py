"""PDF render stage: image preparation: decode safely, orient, crop, downsample, CMYK, JPEG."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageChops

from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.imaging import (
    MAX_PIXELS,
    MAX_SIDE,
    ImagingError,
    load,
    open_image,
    orientation_of,
    to_upright,
    upright_size,
)
from kupang_layout.render.pdf.colour_convert import to_newsprint_cmyk
from kupang_layout.render.pdf.errors import ImageError

__all__ = [
    "MAX_SOURCE_PIXELS",
    "MAX_SOURCE_SIDE",
    "ImageRequest",
    "PreparedImage",
    "prepare_image",
    "request_for",
]

#: The program's one pixel limit (kupang_layout.imaging), under the exporter's old names.
MAX_SOURCE_PIXELS = MAX_PIXELS
MAX_SOURCE_SIDE = MAX_SIDE


@dataclass(frozen=True, slots=True)
class ImageRequest:
    """What the page needs of one picture.

    `crop` is the visible part as fractions (left, top, right, bottom) of the upright
    picture; `placed_width` and `placed_height` are the whole picture's size on the page
    in points. The other fields come from the export preset.
    """

    crop: tuple[float, float, float, float]
    placed_width: float
    placed_height: float
    max_ppi: float
    jpeg_quality: int
    tac: float


@dataclass(frozen=True, slots=True)
class PreparedImage:
    """A picture ready for the PDF: a JPEG in CMYK or grey, and where its pixels lie.

    `crop` gives the fractions of the upright source that the JPEG covers (whole pixels,
    so slightly more than requested); `source_width` and `source_height` are the upright
    source's pixels.
    """

    width_px: int
    height_px: int
    mode: str
    crop: tuple[float, float, float, float]
    source_width: int
    source_height: int
    notes: tuple[str, ...] = ()


def request_for(
    item: ImageItem, max_ppi: float, jpeg_quality: int, tac: float
) -> ImageRequest | None:
    """The request for an image item, or None when nothing of the picture is visible."""
    visible = item.visible_rect()
    if visible is None:
        return None
    left, top, right, bottom = visible
    crop = (
        round((left - item.img_x) / item.img_width, 6),
        round((top - item.img_y) / item.img_height, 6),
        round((right - item.img_x) / item.img_width, 6),
        round((bottom - item.img_y) / item.img_height, 6),
    )
    return ImageRequest(
        crop=crop,
        placed_width=round(item.img_width, 3),
        placed_height=round(item.img_height, 3),
        max_ppi=max_ppi,
        jpeg_quality=jpeg_quality,
        tac=tac,
    )


def _refused(exc: ImagingError) -> ImageError:
    """The exporter's error for a picture the imaging stage refuses (text in the UI language)."""
    error = ImageError(exc.name, exc.text())
    error.__cause__ = exc
    return error


def _output_size(
    crop_px: tuple[int, int, int, int], upright: tuple[int, int], request: ImageRequest
) -> tuple[int, int]:
    """Pixels wanted for the cropped part: the source's, capped at max_ppi as placed."""
    x0, y0, x1, y1 = crop_px
    width, height = upright
    out = []
    for pixels, full, placed in (
        (x1 - x0, width, request.placed_width),
        (y1 - y0, height, request.placed_height),
    ):
        region_inches = pixels / full * placed / 72.0
        cap = math.floor(region_inches * request.max_ppi + 1e-9)
        out.append(max(1, min(pixels, cap)))
    return out[0], out[1]


def _normalise_mode(image: Image.Image, name: str) -> Image.Image:
    """Bring any decoded mode to L, LA, RGB, RGBA, CMYK or LAB (8 bits a channel)."""
    mode = image.mode
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK", "LAB"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode == "P":
        palette = image.palette
        has_alpha = "transparency" in image.info or (palette is not None and palette.mode == "RGBA")
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode == "PA":
        return image.convert("RGBA")
    if mode in ("La",):
        return image.convert("LA")
    if mode in ("RGBa", "RGBX"):
        return image.convert("RGBA" if mode == "RGBa" else "RGB")
    if mode.startswith("I;16") or mode == "I":
        # 16-bit grey: scale 0..65535 to 0..255 (converting directly would clip).
        return image.convert("I").point(lambda v: v * (1.0 / 257.0)).convert("L")
    if mode == "F":
        extrema = image.getextrema()
        low, high = float(extrema[0]), float(extrema[1])  # type: ignore[arg-type]
        scale = 255.0 / (high - low) if high != low else 0.0
        return image.point(lambda v: (v - low) * scale).convert("L")
    if mode in ("YCbCr", "HSV"):
        return image.convert("RGB")
    raise _refused(ImagingError(name, "unsupported-mode", mode=mode))


def _flatten_alpha(image: Image.Image) -> Image.Image:
    """Composite transparent pixels over white paper (PDF/X-1a has no transparency)."""
    if image.mode == "RGBA":
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, image).convert("RGB")
    if image.mode == "LA":
        paper = Image.new("L", image.size, 255)
        paper.paste(image.getchannel("L"), (0, 0), image.getchannel("A"))
        return paper
    return image


def prepare_image(data: bytes, name: str, request: ImageRequest) -> tuple[bytes, PreparedImage]:
    """Decode, orient, crop, downsample and convert one picture; return JPEG bytes and facts.

    Raises ImageError (naming `name`) for anything that is not a usable image.
    """
    try:
        image = open_image(data, name)
    except ImagingError as exc:
        raise _refused(exc) from exc
    orientation = orientation_of(image)
    stored_w, stored_h = image.size
    swapped = orientation in (5, 6, 7, 8)
    upright = upright_size(stored_w, stored_h, orientation)
    u0, v0, u1, v1 = request.crop
    x0 = max(0, min(upright[0] - 1, math.floor(u0 * upright[0] + 1e-6)))
    y0 = max(0, min(upright[1] - 1, math.floor(v0 * upright[1] + 1e-6)))
    x1 = max(x0 + 1, min(upright[0], math.ceil(u1 * upright[0] - 1e-6)))
    y1 = max(y0 + 1, min(upright[1], math.ceil(v1 * upright[1] - 1e-6)))
    out_w, out_h = _output_size((x0, y0, x1, y1), upright, request)
    notes: list[str] = []

    if image.format == "JPEG" and (out_w < x1 - x0 or out_h < y1 - y0):
        # Decode at 1/2, 1/4 or 1/8 scale when that still leaves enough pixels.
        scale_x = out_w / (x1 - x0)
        scale_y = out_h / (y1 - y0)
        if swapped:
            scale_x, scale_y = scale_y, scale_x
        wanted = (math.ceil(stored_w * scale_x) + 2, math.ceil(stored_h * scale_y) + 2)
        image.draft(None, wanted)

    icc = image.info.get("icc_profile")
    adobe = "adobe" in image.info
    source_format = image.format
    try:
        load(image, name)
    except ImagingError as exc:
        raise _refused(exc) from exc

    if image.mode == "CMYK" and source_format == "JPEG" and not adobe:
        # Without Adobe's APP14 marker the samples are plain CMYK; Pillow assumes Adobe's
        # inverted convention for every CMYK JPEG, so undo its inversion.
        image = ImageChops.invert(image)
        notes.append("CMYK JPEG without Adobe marker read as plain CMYK")
    image = _normalise_mode(image, name)
    if orientation != 1:
        image = to_upright(image, orientation)
        notes.append(f"turned upright (EXIF orientation {orientation})")

    if image.size == upright and (out_w, out_h) == (x1 - x0, y1 - y0):
        if (x0, y0, x1, y1) != (0, 0, image.width, image.height):
            image = image.crop((x0, y0, x1, y1))
    else:
        # Drafted JPEGs are smaller than the header said: scale the crop box to match.
        fx = image.width / upright[0]
        fy = image.height / upright[1]
        box = (x0 * fx, y0 * fy, x1 * fx, y1 * fy)
        out_w = min(out_w, max(1, math.floor(box[2] - box[0] + 1e-6)))
        out_h = min(out_h, max(1, math.floor(box[3] - box[1] + 1e-6)))
        image = image.resize((out_w, out_h), Image.Resampling.LANCZOS, box=box)
    image = _flatten_alpha(image)

    if image.mode != "L":
        image = to_newsprint_cmyk(
            image, icc if isinstance(icc, bytes) else None, request.tac, notes
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=request.jpeg_quality)
    prepared = PreparedImage(
        width_px=image.width,
        height_px=image.height,
        mode=image.mode,
        crop=(x0 / upright[0], y0 / upright[1], x1 / upright[0], y1 / upright[1]),
        source_width=upright[0],
        source_height=upright[1],
        notes=tuple(notes),
    )
    return buffer.getvalue(), prepared
