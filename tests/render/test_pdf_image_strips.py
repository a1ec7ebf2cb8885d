"""Pictures prepared in strips on threads are bit for bit the pictures prepared in one piece:
Pillow's Lanczos resampling split into row bands (horizontal pass) and column bands
(vertical pass), and the newsprint conversion in row bands."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from kupang_layout.render.pdf import images
from kupang_layout.render.pdf.images import ImageRequest, prepare_image


def _photo(width: int, height: int) -> Image.Image:
    small = Image.effect_mandelbrot((64, 48), (-2, -1.2, 1, 1.2), 60).convert("L")
    noise = Image.effect_noise((64, 48), 40).convert("L")
    rgb = Image.merge("RGB", (small, noise, small.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    return rgb.resize((width, height), Image.Resampling.BICUBIC)


SOURCE = _photo(2400, 1800)
BOXES = [
    ((0.0, 120.0, 2400.0, 1680.0), (1785, 1160)),  # scaled and cropped
    ((13.3, 17.7, 2340.1, 1711.9), (1100, 800)),  # fractional box
    ((0.0, 0.0, 2400.0, 1800.0), (2400, 1200)),  # vertical pass only
    ((0.0, 0.0, 2400.0, 1800.0), (1200, 1800)),  # horizontal pass only
    ((100.0, 50.0, 2300.0, 1750.0), (2300, 1750)),  # a little larger than the box
]


def _with_threads(monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    monkeypatch.setattr(images, "_strip_threads", lambda: threads)
    monkeypatch.setattr(images, "STRIP_MIN_PIXELS", 1)
    monkeypatch.setattr(images, "STRIP_MIN_ROWS", 64)


@pytest.mark.parametrize("mode", ["RGB", "L", "CMYK"])
@pytest.mark.parametrize(("box", "size"), BOXES)
def test_strips_resample_and_convert_like_one_piece(
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    box: tuple[float, float, float, float],
    size: tuple[int, int],
) -> None:
    source = SOURCE.convert(mode)
    _with_threads(monkeypatch, 1)
    whole = images._resample(source, box, size)
    assert whole.tobytes() == source.resize(size, Image.Resampling.LANCZOS, box=box).tobytes()
    converted = images._convert(whole, None, 240.0, [])
    for threads in (2, 3):
        _with_threads(monkeypatch, threads)
        split = images._resample(source, box, size)
        assert ImageChops.difference(whole, split).getbbox() is None
        assert images._convert(split, None, 240.0, []).tobytes() == converted.tobytes()


def test_prepared_jpeg_is_the_same_with_and_without_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    buffer = io.BytesIO()
    SOURCE.save(buffer, "JPEG", quality=90)
    request = ImageRequest(
        crop=(0.05, 0.1, 0.95, 0.9),
        placed_width=400.0,
        placed_height=300.0,
        max_ppi=300.0,
        jpeg_quality=90,
        tac=240.0,
    )
    _with_threads(monkeypatch, 1)
    one = prepare_image(buffer.getvalue(), "foto.jpg", request)
    _with_threads(monkeypatch, 2)
    two = prepare_image(buffer.getvalue(), "foto.jpg", request)
    assert one == two
    assert one[1].mode == "CMYK"
