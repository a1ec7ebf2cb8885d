"""PDF render stage: image preparation: decode safely, orient, crop, downsample, CMYK, JPEG."""

from __future__ import annotations

import functools
import io
import itertools
import math
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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
from kupang_layout.render.pdf.image_ink import jpeg_ink

__all__ = [
    "MAX_SOURCE_PIXELS",
    "MAX_SOURCE_SIDE",
    "ImageRequest",
    "PreparedImage",
    "jpeg_ink",
    "prepare_image",
    "request_for",
    "set_strip_threads",
]

#: The program's one pixel limit (kupang_layout.imaging), under the exporter's old names.
MAX_SOURCE_PIXELS = MAX_PIXELS
MAX_SOURCE_SIDE = MAX_SIDE
#: Output pixels from which resampling and colour conversion are split into horizontal
#: strips worked on by threads (Pillow and lcms let go of the GIL while they work).
STRIP_MIN_PIXELS = 1_000_000
#: Output rows of one strip at least (a strip's resampling reads a few rows beyond it).
STRIP_MIN_ROWS = 256


#: Threads one picture may use (None: the cores, at most four); see `set_strip_threads`.
_thread_limit: int | None = None


@functools.cache
def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def set_strip_threads(limit: int | None) -> None:
    """Cap the threads one picture is prepared with (None: the cores, at most four).

    The export service sets 1 in its workers while they draw several pages at once (the
    cores are busy with pages then) and the cores for a single page (the app's case).
    """
    global _thread_limit
    _thread_limit = limit


def _strip_threads() -> int:
    """Threads for one picture: the cores this process may use, at most four, or the cap."""
    return max(1, min(4, _cores(), _thread_limit or 4))


@functools.cache
def _executor() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=min(4, _cores()), thread_name_prefix="kupang-strip")


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
    source's pixels. `ink` is the most of each plate (C, M, Y, K) and the most total ink,
    percent, of the JPEG as decoded (its compression's ringing included); None when not
    measured.
    """

    width_px: int
    height_px: int
    mode: str
    crop: tuple[float, float, float, float]
    source_width: int
    source_height: int
    notes: tuple[str, ...] = ()
    ink: tuple[float, float, float, float, float] | None = None


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


def _parallel(tasks: list[Callable[[], Image.Image]]) -> list[Image.Image]:
    """Run picture tasks on the strip threads (in this thread when there is one task)."""
    if len(tasks) == 1:
        return [tasks[0]()]
    futures = [_executor().submit(task) for task in tasks]
    return [f.result() for f in futures]


def _edges(total: int, count: int) -> list[int]:
    return [total * i // count for i in range(count + 1)]


def _resample(
    image: Image.Image, box: tuple[float, float, float, float], size: tuple[int, int]
) -> Image.Image:
    """`image.resize(size, LANCZOS, box=box)`, bit for bit, its two passes split on threads.

    Pillow resamples in two passes, horizontal then vertical, each rounding to 8 bits.
    The horizontal pass of a row needs only that row, so it is done in bands of rows;
    the vertical pass of a column only that column, so it is done in bands of columns,
    on an intermediate picture of the source's full height so that Pillow computes the
    very same filter weights as for the whole picture. Modes with alpha (which Pillow
    premultiplies around the resize) go through Pillow in one piece.
    """
    out_w, out_h = size
    parts = min(_strip_threads(), max(1, out_h // STRIP_MIN_ROWS))
    if parts <= 1 or image.mode not in ("L", "RGB", "CMYK") or out_w * out_h < STRIP_MIN_PIXELS:
        return image.resize(size, Image.Resampling.LANCZOS, box=box)
    lanczos = Image.Resampling.LANCZOS
    bx0, by0, bx1, by1 = box
    src_w, src_h = image.size
    middle = image
    if out_w != src_w or bx0 != 0 or bx1 != src_w:
        # Rows the vertical filter may read: Lanczos reaches 3 source steps each side.
        reach = 3.0 * max((by1 - by0) / out_h, 1.0) + 2.0
        first = max(0, math.floor(by0 - reach))
        last = min(src_h, math.ceil(by1 + reach))
        edges = [first + e for e in _edges(last - first, parts)]

        def band(top: int, bottom: int) -> Image.Image:
            rows = image.crop((0, top, src_w, bottom))
            return rows.resize((out_w, bottom - top), lanczos, box=(bx0, 0, bx1, bottom - top))

        bands = _parallel([functools.partial(band, a, b) for a, b in itertools.pairwise(edges)])
        middle = Image.new(image.mode, (out_w, src_h), None)  # rows not filled are never read
        for piece, top in zip(bands, edges, strict=False):
            middle.paste(piece, (0, top))
    if out_h == src_h and by0 == 0 and by1 == src_h:
        return middle
    columns = _edges(out_w, parts)

    def column(left: int, right: int) -> Image.Image:
        strip = middle.crop((left, 0, right, src_h))
        return strip.resize((right - left, out_h), lanczos, box=(0, by0, right - left, by1))

    pieces = _parallel([functools.partial(column, a, b) for a, b in itertools.pairwise(columns)])
    result = Image.new(image.mode, size, None)
    for piece, left in zip(pieces, columns, strict=False):
        result.paste(piece, (left, 0))
    return result


def _convert(image: Image.Image, icc: bytes | None, tac: float, notes: list[str]) -> Image.Image:
    """Flatten and convert to newsprint CMYK (grey stays grey), in bands of rows on threads.

    The conversion works pixel by pixel, so the bands join into exactly the picture a
    conversion in one piece gives.
    """
    image = _flatten_alpha(image)
    if image.mode == "L":
        return image
    width, height = image.size
    parts = min(_strip_threads(), max(1, height // STRIP_MIN_ROWS))
    if parts <= 1 or width * height < STRIP_MIN_PIXELS:
        return to_newsprint_cmyk(image, icc, tac, notes)
    edges = _edges(height, parts)
    band_notes: list[list[str]] = [[] for _ in range(parts)]

    def band(index: int) -> Image.Image:
        rows = image.crop((0, edges[index], width, edges[index + 1]))
        return to_newsprint_cmyk(rows, icc, tac, band_notes[index])

    bands = _parallel([functools.partial(band, i) for i in range(parts)])
    result = Image.new(bands[0].mode, (width, height), None)
    for piece, top in zip(bands, edges, strict=False):
        result.paste(piece, (0, top))
    for note in (n for part in band_notes for n in part):
        if note not in notes:
            notes.append(note)
    return result


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
        image = _resample(image, box, (out_w, out_h))
    # Only the pixels that are printed are converted (the crop and resampling come first).
    image = _convert(image, icc if isinstance(icc, bytes) else None, request.tac, notes)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=request.jpeg_quality)
    jpeg = buffer.getvalue()
    # What the embedded JPEG carries, decoded (ringing included), for the page's ink bound.
    ink = jpeg_ink(jpeg)
    prepared = PreparedImage(
        width_px=image.width,
        height_px=image.height,
        mode=image.mode,
        crop=(x0 / upright[0], y0 / upright[1], x1 / upright[0], y1 / upright[1]),
        source_width=upright[0],
        source_height=upright[1],
        notes=tuple(notes),
        ink=ink,
    )
    return jpeg, prepared
