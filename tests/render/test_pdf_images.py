"""Pictures in the page PDF: orientation, CMYK, grey, alpha, palette, 16 bit, bad files,
resolution, crop, ink limit and the prepared-image cache."""

from __future__ import annotations

import io
import resource
import subprocess
import time
from pathlib import Path

import pikepdf
import pytest
from pdf_testkit import (
    BLEED,
    display_list,
    edition_with,
    exif_jpeg,
    has_tools,
    image_item,
    jpeg_bytes,
    jpeg_with_header,
    png_bytes,
    png_with_header,
    render_png,
    sample,
    strip_adobe_marker,
    synthetic_photo,
    two_tone,
)
from PIL import Image, ImageChops

from kupang_layout.imaging import ImagingError
from kupang_layout.model.units import mm
from kupang_layout.render.pdf import image_cache as image_cache_module
from kupang_layout.render.pdf.colour_convert import ink_over_limit
from kupang_layout.render.pdf.errors import ImageError
from kupang_layout.render.pdf.exporter import PageExportResult, render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.images import ImageRequest, prepare_image
from kupang_layout.render.pdf.presets import get_preset

POPPLER = has_tools("pdfimages", "pdftoppm")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
DPI = 72

RED = (230, 20, 20)
BLUE = (20, 40, 220)


def _export(
    tmp_path: Path,
    files: dict[str, bytes],
    placements: list[tuple[str, float, float, float, float]],
    preset: str | None = None,
    cache: ImageCache | None = None,
    clip: dict[str, tuple[float, float, float, float]] | None = None,
) -> tuple[Path, PageExportResult]:
    """One page (120 x 120 mm) with each named file placed at (x, y, w, h) in mm."""
    edition, shas = edition_with(files)
    items = []
    for name, x, y, w, h in placements:
        asset = edition.assets[shas[name]]
        c = (clip or {}).get(name)
        items.append(
            image_item(
                shas[name],
                mm(x),
                mm(y),
                mm(w),
                mm(h),
                (asset.width_px, asset.height_px),
                clip=tuple(mm(v) for v in c) if c else None,  # type: ignore[arg-type]
            )
        )
    path = tmp_path / "img.pdf"
    result = render_page_pdf(
        display_list(items, 1, mm(120), mm(120)),
        edition,
        get_preset(preset),
        path,
        image_cache=cache or ImageCache(tmp_path / "cache"),
    )
    return path, result


def _png(path: Path, tmp_path: Path) -> Image.Image:
    return Image.open(render_png(path, tmp_path / "render", dpi=DPI)).convert("RGB")


def _at(png: Image.Image, x_mm: float, y_mm: float) -> tuple[int, ...]:
    return sample(png, mm(x_mm), mm(y_mm), DPI, BLEED)


def _is_red(px: tuple[int, ...]) -> bool:
    return px[0] > 150 and px[2] < 110 and px[0] > px[2] + 80


def _is_blue(px: tuple[int, ...]) -> bool:
    return px[2] > 120 and px[0] < 110 and px[2] > px[0] + 60


def _image_list(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    keys = out[0].split()
    return [dict(zip(keys, line.split(), strict=False)) for line in out[2:]]


def _request(
    crop: tuple[float, float, float, float] = (0, 0, 1, 1),
    w: float = 100,
    h: float = 100,
    ppi: float = 300,
) -> ImageRequest:
    return ImageRequest(crop, mm(w), mm(h), ppi, 90, 240)


# Orientation -------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_honoured(orientation: int) -> None:
    upright = two_tone((120, 200), RED, BLUE)
    upright.paste((20, 160, 20), (0, 0, 30, 30))  # a green corner marks top-left
    data = exif_jpeg(upright, orientation)
    jpeg, prepared = prepare_image(data, "turned.jpg", _request(w=12, h=20, ppi=254))
    assert (prepared.source_width, prepared.source_height) == (120, 200)
    out = Image.open(io.BytesIO(jpeg))
    assert out.size == (120, 200)
    assert out.mode == "CMYK"

    def ink(x: int, y: int) -> str:
        c, m, yellow, _ = out.getpixel((x, y))  # type: ignore[misc]
        if c > 120 and yellow > 120 and m < 100:
            return "green"
        if m > 120 and yellow > 120 and c < 60:
            return "red"
        if c > 120 and yellow < 60:
            return "blue"
        return "?"

    assert ink(10, 10) == "green"  # the marked corner is top-left again
    assert ink(100, 10) == "red"
    assert ink(60, 60) == "red"
    assert ink(60, 160) == "blue"


@needs_poppler
def test_exif_rotated_photo_is_upright_on_the_page(tmp_path: Path) -> None:
    upright = two_tone((300, 500), RED, BLUE)  # portrait: red top, blue bottom
    path, _ = _export(tmp_path, {"rot.jpg": exif_jpeg(upright, 6)}, [("rot.jpg", 10, 10, 30, 50)])
    png = _png(path, tmp_path)
    assert _is_red(_at(png, 25, 20))
    assert _is_blue(_at(png, 25, 50))
    # Placed 30 x 50 mm: portrait, so the picture is not stretched sideways.
    with pikepdf.open(path) as pdf:
        image = next(iter(pdf.pages[0].Resources.XObject.values()))
        assert int(image.Width) < int(image.Height)


# CMYK ----------------------------------------------------------------------------------


def _cyan_white() -> Image.Image:
    image = Image.new("CMYK", (200, 100), (0, 0, 0, 0))
    image.paste((255, 0, 0, 0), (0, 0, 100, 100))  # 100 % cyan left, paper right
    return image


@needs_poppler
@pytest.mark.parametrize("adobe", [True, False])
def test_cmyk_jpeg_not_inverted(tmp_path: Path, adobe: bool) -> None:
    source = _cyan_white()
    if adobe:
        data = jpeg_bytes(source)
        assert b"Adobe" in data
    else:
        # Plain (non-inverted) CMYK samples and no APP14 marker, as some software writes.
        # Pillow writes CMYK JPEGs in Adobe's inverted form, so invert first, then strip.
        data = strip_adobe_marker(jpeg_bytes(ImageChops.invert(source)))
        assert b"Adobe" not in data
    path, result = _export(tmp_path, {"cmyk.jpg": data}, [("cmyk.jpg", 10, 10, 60, 30)])
    png = _png(path, tmp_path)
    cyan = _at(png, 25, 25)
    paper = _at(png, 55, 25)
    assert cyan[0] < 60 and cyan[1] > 120 and cyan[2] > 200, cyan
    assert min(paper) > 240, paper
    assert result.images[0].mode == "CMYK"


def test_cmyk_over_ink_limit_is_limited() -> None:
    source = Image.new("CMYK", (64, 64), (255, 255, 255, 255))  # 400 %
    source.paste((10, 200, 180, 0), (0, 0, 32, 64))
    jpeg, prepared = prepare_image(jpeg_bytes(source, quality=100), "dark.jpg", _request())
    out = Image.open(io.BytesIO(jpeg))
    assert out.mode == "CMYK"
    totals = [sum(px) / 2.55 for px in out.get_flattened_data()]  # type: ignore[arg-type]
    assert max(totals) <= 240 + 3  # JPEG rounding only
    assert any("limited" in n for n in prepared.notes)
    # Black is kept: the limit takes cyan, magenta and yellow away first.
    k = out.getpixel((50, 32))
    assert isinstance(k, tuple) and k[3] > 240


def test_rgb_black_stays_within_ink_limit() -> None:
    source = Image.new("RGB", (64, 64), (0, 0, 0))
    jpeg, prepared = prepare_image(jpeg_bytes(source, quality=100), "night.jpg", _request())
    out = Image.open(io.BytesIO(jpeg))
    assert out.mode == "CMYK"
    assert not ink_over_limit(out, 245)
    assert any("sRGB" in n for n in prepared.notes)


# Other pixel formats -------------------------------------------------------------------


@needs_poppler
def test_greyscale_stays_grey(tmp_path: Path) -> None:
    grey = two_tone((200, 200), (40,), (200,), mode="L")
    path, result = _export(tmp_path, {"g.jpg": jpeg_bytes(grey)}, [("g.jpg", 10, 10, 40, 40)])
    assert [row["color"] for row in _image_list(path)] == ["gray"]
    assert result.images[0].mode == "L"
    png = _png(path, tmp_path)
    dark, light = _at(png, 30, 15), _at(png, 30, 45)
    assert dark[0] < 80 and light[0] > 170


@needs_poppler
def test_png_with_alpha_is_flattened_on_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))  # transparent
    image.paste((230, 20, 20, 255), (0, 0, 100, 200))  # opaque red left half
    path, _ = _export(tmp_path, {"a.png": png_bytes(image)}, [("a.png", 10, 10, 40, 40)])
    with pikepdf.open(path) as pdf:
        xobject = next(iter(pdf.pages[0].Resources.XObject.values()))
        assert "/SMask" not in xobject and str(xobject.ColorSpace) == "/DeviceCMYK"
    png = _png(path, tmp_path)
    assert _is_red(_at(png, 20, 30))
    assert min(_at(png, 45, 30)) > 240  # transparent became paper white


@needs_poppler
def test_grey_with_alpha_is_flattened(tmp_path: Path) -> None:
    image = Image.new("LA", (100, 100), (0, 0))
    image.paste((0, 255), (0, 0, 50, 100))  # opaque black left, transparent right
    path, _ = _export(tmp_path, {"la.png": png_bytes(image)}, [("la.png", 10, 10, 40, 40)])
    assert [row["color"] for row in _image_list(path)] == ["gray"]
    png = _png(path, tmp_path)
    assert max(_at(png, 15, 30)) < 60 and min(_at(png, 45, 30)) > 240


@needs_poppler
@pytest.mark.parametrize("transparent", [False, True])
def test_palette_png(tmp_path: Path, transparent: bool) -> None:
    image = two_tone((120, 120), RED, BLUE).quantize(4)
    kwargs = {"transparency": 0} if transparent else {}
    data = png_bytes(image, **kwargs)
    assert Image.open(io.BytesIO(data)).mode == "P"
    path, result = _export(tmp_path, {"p.png": data}, [("p.png", 10, 10, 40, 40)])
    assert result.images[0].mode == "CMYK"
    assert [row["color"] for row in _image_list(path)] == ["cmyk"]


@needs_poppler
def test_16_bit_grey_png_keeps_its_tones(tmp_path: Path) -> None:
    image = Image.new("I;16", (100, 100), 65535)
    image.paste(Image.new("I;16", (100, 50), 32768), (0, 0))  # mid grey top half
    data = png_bytes(image)
    assert Image.open(io.BytesIO(data)).mode.startswith("I;16")
    path, _ = _export(tmp_path, {"16.png": data}, [("16.png", 10, 10, 40, 40)])
    png = _png(path, tmp_path)
    mid, white = _at(png, 30, 15), _at(png, 30, 45)
    assert 100 < mid[0] < 160, mid  # about 50 %, not clipped to white or black
    assert white[0] > 245


def test_16_bit_rgb_png() -> None:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    row = b"\x00" + struct.pack(">HHH", 65535, 0, 0) * 8  # 16-bit red
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 16, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * 8))
        + chunk(b"IEND", b"")
    )
    jpeg, _ = prepare_image(data, "red16.png", _request(w=1, h=1))
    out = Image.open(io.BytesIO(jpeg))
    assert out.mode == "CMYK"
    c, m, y, _ = out.getpixel((4, 4))  # type: ignore[misc]
    assert m > 180 and y > 180 and c < 40


# Bad files -----------------------------------------------------------------------------


def _reason(error: ImageError) -> str:
    cause = error.__cause__
    assert isinstance(cause, ImagingError)
    return cause.reason


def test_truncated_file_raises_image_error() -> None:
    data = jpeg_bytes(synthetic_photo(400, 300))
    with pytest.raises(ImageError) as info:
        prepare_image(data[: len(data) // 2], "halved.jpg", _request())
    assert info.value.asset_name == "halved.jpg"
    # The reason is in the user's language now (issue 11): its code is on the cause.
    assert "halved.jpg" in str(info.value) and _reason(info.value) == "truncated"


def test_not_an_image_raises_image_error() -> None:
    with pytest.raises(ImageError) as info:
        prepare_image(b"%PDF-1.4 not a picture at all", "notes.pdf", _request())
    assert "notes.pdf" in str(info.value) and _reason(info.value) == "unsupported-format"


@pytest.mark.parametrize("make", [png_with_header, jpeg_with_header])
def test_huge_header_refused_fast_without_decoding(make: object) -> None:
    data = make(60_000, 60_000)  # type: ignore[operator]
    assert len(data) < 2_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(ImageError) as info:
        prepare_image(data, "bomb.img", _request())
    assert time.perf_counter() - started < 1.0
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 200_000  # decoding would need gigabytes
    assert "bomb.img" in str(info.value) and _reason(info.value) == "too-large"


def test_page_export_names_the_bad_picture(tmp_path: Path) -> None:
    good = jpeg_bytes(synthetic_photo(100, 100))
    with pytest.raises(ImageError, match=r"'broken\.jpg'"):
        _export(
            tmp_path,
            {"good.jpg": good, "broken.jpg": good[:300]},
            [("good.jpg", 10, 10, 20, 20), ("broken.jpg", 40, 10, 20, 20)],
        )
    assert not (tmp_path / "img.pdf").exists()  # nothing half-written


# Resolution and crop -------------------------------------------------------------------


@needs_poppler
def test_downsampled_to_300_ppi_at_placed_size(tmp_path: Path) -> None:
    photo = synthetic_photo(2000, 1000)  # 100 mm wide: 508 ppi
    path, result = _export(tmp_path, {"big.jpg": jpeg_bytes(photo)}, [("big.jpg", 10, 10, 100, 50)])
    [row] = _image_list(path)
    assert 295 <= int(row["x-ppi"]) <= 300 and 295 <= int(row["y-ppi"]) <= 300
    figure = result.images[0]
    assert figure.source_ppi == pytest.approx(508, abs=1)
    assert figure.output_ppi <= 300.0 and figure.output_ppi > 299
    assert not result.warnings


@needs_poppler
def test_low_resolution_is_never_upsampled(tmp_path: Path) -> None:
    low = Image.open(Path(__file__).parents[1] / "data" / "low_res_320.jpg")
    data = (Path(__file__).parents[1] / "data" / "low_res_320.jpg").read_bytes()
    path, result = _export(tmp_path, {"low.jpg": data}, [("low.jpg", 10, 10, 100, 66.5)])
    [row] = _image_list(path)
    assert (int(row["width"]), int(row["height"])) == low.size
    expected = low.size[0] / (100 / 25.4)
    assert int(row["x-ppi"]) == pytest.approx(expected, abs=1)
    assert any("low.jpg" in w and "150 ppi" in w for w in result.warnings)


@needs_poppler
def test_proof_preset_uses_150_ppi(tmp_path: Path) -> None:
    photo = synthetic_photo(2000, 1000)
    path, _ = _export(
        tmp_path, {"big.jpg": jpeg_bytes(photo)}, [("big.jpg", 10, 10, 100, 50)], preset="Proof"
    )
    [row] = _image_list(path)
    assert 145 <= int(row["x-ppi"]) <= 150


@needs_poppler
def test_crop_keeps_only_the_visible_part(tmp_path: Path) -> None:
    source = two_tone((400, 200), RED, BLUE, vertical=False)  # red left, blue right
    # The picture is 80 x 40 mm but its frame shows only the right half.
    path, result = _export(
        tmp_path,
        {"crop.jpg": jpeg_bytes(source)},
        [("crop.jpg", -30, 10, 80, 40)],
        clip={"crop.jpg": (10, 10, 40, 40)},
    )
    [row] = _image_list(path)
    assert int(row["width"]) <= 202  # about half the pixels (plus an edge pixel)
    png = _png(path, tmp_path)
    assert _is_blue(_at(png, 15, 30)) and _is_blue(_at(png, 45, 30))
    assert min(_at(png, 55, 30)) > 240  # outside the frame: nothing
    assert min(_at(png, 5, 30)) > 240
    assert result.images[0].width_px == int(row["width"])


# Cache ---------------------------------------------------------------------------------


def test_cache_prepares_each_picture_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = image_cache_module.prepare_image

    def counting(data: bytes, name: str, request: ImageRequest):  # type: ignore[no-untyped-def]
        calls.append(name)
        return real(data, name, request)

    monkeypatch.setattr(image_cache_module, "prepare_image", counting)
    files = {"a.jpg": jpeg_bytes(synthetic_photo(600, 400))}
    cache = ImageCache(tmp_path / "cache")
    placement = [("a.jpg", 10, 10, 60, 40)]
    _export(tmp_path, files, placement, cache=cache)
    _export(tmp_path, files, placement, cache=cache)
    assert calls == ["a.jpg"] and cache.prepared == 1 and cache.hits == 1

    # A new process (fresh memory) finds the prepared file on disk.
    fresh = ImageCache(tmp_path / "cache")
    _export(tmp_path, files, placement, cache=fresh)
    assert calls == ["a.jpg"] and fresh.prepared == 0

    # Another crop, size or preset is another prepared image.
    _export(tmp_path, files, [("a.jpg", 10, 10, 50, 33)], cache=cache)
    _export(tmp_path, files, placement, cache=cache, preset="Proof")
    assert len(calls) == 3


def test_cache_survives_a_deleted_file(tmp_path: Path) -> None:
    files = {"a.jpg": jpeg_bytes(synthetic_photo(300, 200))}
    cache = ImageCache(tmp_path / "cache")
    _export(tmp_path, files, [("a.jpg", 10, 10, 60, 40)], cache=cache)
    for f in (tmp_path / "cache").glob("*.jpg"):
        f.unlink()
    path, _ = _export(tmp_path, files, [("a.jpg", 10, 10, 60, 40)], cache=cache)
    assert cache.prepared == 2 and path.is_file()
    assert cache.prune(max_bytes=0) == 1
    assert not list((tmp_path / "cache").glob("*.jpg"))


# Embedded colour profiles --------------------------------------------------------------


def test_rgb_with_embedded_profile_uses_it() -> None:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = jpeg_bytes(two_tone((64, 64), RED, BLUE), icc_profile=profile)
    jpeg, prepared = prepare_image(data, "tagged.jpg", _request())
    assert any("embedded RGB profile" in n for n in prepared.notes)
    assert Image.open(io.BytesIO(jpeg)).mode == "CMYK"


def test_cmyk_with_foreign_profile_is_converted() -> None:
    foreign = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
    if not foreign.is_file():
        pytest.skip("no CMYK profile on this system to tag the test picture with")
    source = Image.new("CMYK", (64, 64), (255, 255, 255, 255))
    data = jpeg_bytes(source, icc_profile=foreign.read_bytes())
    jpeg, prepared = prepare_image(data, "coated.jpg", _request())
    assert any("embedded CMYK profile" in n for n in prepared.notes)
    assert not ink_over_limit(Image.open(io.BytesIO(jpeg)), 245)


def test_grey_with_alpha_downsampled() -> None:
    image = Image.new("LA", (2000, 2000), (0, 0))
    image.paste((0, 255), (0, 0, 1000, 2000))
    jpeg, prepared = prepare_image(png_bytes(image), "la.png", _request(w=50, h=50))
    out = Image.open(io.BytesIO(jpeg))
    assert out.mode == "L" and prepared.width_px == out.width
    assert out.width == 590  # 50 mm at 300 ppi, rounded down
    left, right = out.getpixel((100, 300)), out.getpixel((500, 300))
    assert isinstance(left, int) and isinstance(right, int)
    assert left < 30 and right > 225
