"""Tests of the bundled resources: colour profiles and sample photos."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageCms

from kupang_layout.resources import resource_path

TAC_LIMIT = 240.0
PHOTOS = resource_path("samples", "photos")
LOW_RES = Path(__file__).parents[1] / "data" / "low_res_320.jpg"


def _sweep() -> Image.Image:
    """An RGB colour sweep: a 17-step cube plus the full grey ramp."""
    steps = [min(255, 16 * i) for i in range(17)]
    colours = [(r, g, b) for r in steps for g in steps for b in steps]
    colours += [(v, v, v) for v in range(256)]
    image = Image.new("RGB", (len(colours), 1))
    image.putdata(colours)
    return image


@pytest.mark.parametrize(
    "intent", [ImageCms.Intent.PERCEPTUAL, ImageCms.Intent.RELATIVE_COLORIMETRIC]
)
def test_newsprint_profile_keeps_total_ink_within_limit(intent: ImageCms.Intent) -> None:
    srgb = ImageCms.getOpenProfile(str(resource_path("icc", "sRGB.icc")))
    press = ImageCms.getOpenProfile(str(resource_path("icc", "KupangNewsprint-TR002.icc")))
    transform = ImageCms.buildTransform(srgb, press, "RGB", "CMYK", renderingIntent=intent)
    sweep = _sweep()
    cmyk = ImageCms.applyTransform(sweep, transform)
    assert cmyk is not None and cmyk.mode == "CMYK"
    data = cmyk.tobytes()
    worst = max(sum(data[i : i + 4]) for i in range(0, len(data), 4)) / 255 * 100
    assert worst <= TAC_LIMIT
    white = Image.new("RGB", (1, 1), (255, 255, 255))
    converted = ImageCms.applyTransform(white, transform)
    assert converted is not None
    assert converted.getpixel((0, 0)) == (0, 0, 0, 0)


def test_sample_photos_are_listed_with_licences() -> None:
    licences = (PHOTOS / "LICENSES.md").read_text(encoding="utf-8")
    photos = sorted(PHOTOS.glob("*.jpg"))
    assert len(photos) == 4
    total = 0
    for photo in photos:
        assert f"`{photo.name}`" in licences
        with Image.open(photo) as image:
            assert image.format == "JPEG"
            assert max(image.size) == 2400
        total += photo.stat().st_size
    assert total < 3 * 1024 * 1024


def test_low_resolution_sample_is_small() -> None:
    with Image.open(LOW_RES) as image:
        assert image.format == "JPEG"
        assert image.width == 320
