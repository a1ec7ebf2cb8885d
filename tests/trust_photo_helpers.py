"""Helpers of the photo trust tests: an asymmetric picture, a one-photo page, comparisons."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
from pikepdf import PdfImage
from PIL import Image, ImageCms, ImageDraw, ImageStat
from PySide6.QtGui import QImage

from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model import Edition, ImageFrame, Page, PlaceImage, Rect
from kupang_layout.model.history import History
from kupang_layout.model.units import mm
from kupang_layout.render.pdf.output_profile import newsprint_profile_bytes
from kupang_layout.storage import add_asset

#: The frame modes tried: fit, fill, and a manual crop (filled, zoomed 1.25 x and moved).
MODES = ("fit", "fill", "crop")


def asymmetric_photo(width: int = 576, height: int = 384) -> Image.Image:
    """An upright picture that looks different under every turn and flip."""
    image = Image.new("RGB", (width, height))
    px = image.load()
    assert px is not None
    for y in range(height):
        for x in range(width):
            px[x, y] = (int(255 * x / width), int(200 * y / height) + 30, 90)
    draw = ImageDraw.Draw(image)
    cell = max(4, width // 24)  # a checkered band: squeezing or shifting it shows at once
    for row, y in enumerate(range(height * 45 // 100, height * 60 // 100, cell)):
        for col, x in enumerate(range(0, width, cell)):
            if (row + col) % 2:
                draw.rectangle((x, y, x + cell - 1, y + cell - 1), fill=(240, 220, 40))
    draw.ellipse((width * 0.08, height * 0.1, width * 0.3, height * 0.42), fill=(20, 20, 20))
    draw.rectangle((width * 0.6, height * 0.62, width * 0.92, height * 0.8), fill=(250, 250, 250))
    draw.line((0, height - 1, width * 0.5, 0), fill=(0, 0, 160), width=max(2, width // 60))
    return image


def one_photo_edition(data: bytes, name: str, mode: str) -> tuple[Edition, Page, ImageFrame]:
    """A 150 x 150 mm page with one 50 x 50 mm image frame holding the photo.

    For the 576 x 384 test photo that is 293 ppi fitted, 195 ppi filled and 156 ppi
    cropped: all between the plant's minimum (150) and the preset's maximum (300).
    """
    edition = Edition(paper="Kupang Times", number="1", date="2024-10-14")
    frame = ImageFrame(id="foto", rect=Rect(mm(40), mm(30), mm(50), mm(50)))
    page = Page(id="p1", number=1, width=mm(150), height=mm(150), frames=[frame])
    edition.pages.append(page)
    asset = add_asset(edition, data, name)
    History(edition).execute(PlaceImage("foto", asset, "fit" if mode == "fit" else "fill"))
    if mode == "crop":
        frame.scale, frame.offset_x, frame.offset_y = 1.25, mm(5), mm(-3)
    return edition, page, frame


def image_item_of(edition: Edition, page: Page) -> tuple[object, ImageItem]:
    dl = LayoutEngine().layout_page(edition, page)
    item = next(i for i in dl.items if isinstance(i, ImageItem))
    return dl, item


def visible_fractions(item: ImageItem) -> tuple[float, float, float, float]:
    """The visible part of the whole (upright) picture, as fractions."""
    visible = item.visible_rect()
    assert visible is not None
    left, top, right, bottom = visible
    return (
        (left - item.img_x) / item.img_width,
        (top - item.img_y) / item.img_height,
        (right - item.img_x) / item.img_width,
        (bottom - item.img_y) / item.img_height,
    )


def crop_like(
    image: Image.Image, fractions: tuple[float, ...], size: tuple[int, int]
) -> Image.Image:
    w, h = image.size
    box = (fractions[0] * w, fractions[1] * h, fractions[2] * w, fractions[3] * h)
    return image.convert("RGB").resize(size, Image.Resampling.BILINEAR, box=box)


def _normalised(channel: Image.Image) -> list[float]:
    stat = ImageStat.Stat(channel)
    mean, std = stat.mean[0], max(1e-6, stat.stddev[0])
    return [(v - mean) / std for v in channel.tobytes()]


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference of the two pictures' normalised colour channels (same size).

    Each channel is normalised (mean 0, deviation 1), which removes the tone change of
    the newsprint CMYK conversion; what is left is the picture's content: 0 for the
    same picture, about 1 for unrelated ones.
    """
    assert a.size == b.size
    total = 0.0
    for ca, cb in zip(a.convert("RGB").split(), b.convert("RGB").split(), strict=True):
        xs, ys = _normalised(ca), _normalised(cb)
        total += sum(abs(x - y) for x, y in zip(xs, ys, strict=True)) / len(xs)
    return total / 3


def is_whole(fractions: tuple[float, ...]) -> bool:
    return all(abs(f - w) < 1e-3 for f, w in zip(fractions, (0.0, 0.0, 1.0, 1.0), strict=True))


def wrong_versions(
    upright: Image.Image, fractions: tuple[float, ...], size: tuple[int, int], squeezed: bool
) -> dict[str, Image.Image]:
    """What a program that got the orientation or the size wrong would print instead."""
    out: dict[str, Image.Image] = {}
    for label, method in (
        ("flipped", Image.Transpose.FLIP_LEFT_RIGHT),
        ("upside-down", Image.Transpose.FLIP_TOP_BOTTOM),
        ("turned-180", Image.Transpose.ROTATE_180),
        ("turned-90", Image.Transpose.ROTATE_90),
        ("turned-270", Image.Transpose.ROTATE_270),
        ("transposed", Image.Transpose.TRANSPOSE),
    ):
        out[label] = crop_like(upright.transpose(method), fractions, size)
    if squeezed:  # the whole picture squeezed into the visible area
        out["squeezed"] = upright.convert("RGB").resize(size, Image.Resampling.BILINEAR)
    return out


def pdf_image(path: Path) -> Image.Image:
    """The one picture of a one-page PDF, in RGB (CMYK read through the newsprint profile)."""
    with pikepdf.open(path) as pdf:
        for obj in pdf.pages[0].get_images().values():  # type: ignore[attr-defined]
            image = PdfImage(obj).as_pil_image()
            break
        else:
            raise AssertionError(f"{path} holds no picture")
    if image.mode != "CMYK":
        return image.convert("RGB")
    newsprint = ImageCms.ImageCmsProfile(io.BytesIO(newsprint_profile_bytes()))
    srgb = ImageCms.createProfile("sRGB")
    out = ImageCms.profileToProfile(image, newsprint, srgb, outputMode="RGB")
    assert out is not None
    return out


def qimage_to_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    return Image.frombuffer(
        "RGB", (width, height), bytes(image.constBits()), "raw", "RGB", stride, 1
    )


def pdfimages_list(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    keys = out[0].split()
    return [dict(zip(keys, line.split(), strict=False)) for line in out[2:]]
