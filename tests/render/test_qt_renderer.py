"""The Qt renderer: glyphs where the engine put them, the bundled faces, colours, images, marks."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from PySide6.QtGui import QImage
from qt_samples import BLACK, hand_made_list, text_line

from kupang_layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    Ink,
    Marker,
    PageDisplayList,
    PlacedWord,
    RuleItem,
    TextRun,
)
from kupang_layout.fonts import default_registry
from kupang_layout.model import Edition
from kupang_layout.render.qt import (
    ImageProxies,
    InkColours,
    bucket_for,
    decode_proxy,
    default_faces,
    ensure_gui_app,
    glyph_positions,
    naive_rgb,
    render_page_image,
    render_page_png,
)
from kupang_layout.resources import resource_path
from kupang_layout.storage import add_asset

PHOTO = resource_path("samples", "photos", "sea-boats-evening.jpg")


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    ensure_gui_app()


def _colours(img: Image.Image) -> set[tuple[int, int, int]]:
    return {c for _, c in img.getcolors(maxcolors=1 << 24) or []}


def _dark_pixels(img: Image.Image) -> int:
    return img.convert("L").point(lambda v: 255 if v < 128 else 0).histogram()[255]


def _pil(img: QImage) -> Image.Image:
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(img.constBits())[: img.bytesPerLine() * img.height()]
    return Image.frombuffer(
        "RGB", (img.width(), img.height()), data, "raw", "RGB", img.bytesPerLine(), 1
    )


def _ink_box(img: Image.Image) -> tuple[int, int, int, int] | None:
    """Bounding box of pixels darker than mid-grey."""
    return img.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()


def _glyph_bounds(face: str, ch: str) -> tuple[float, float, float, float]:
    """xMin, yMin, xMax, yMax of a glyph in em units (fontTools, no Qt)."""
    font = TTFont(default_registry().lookup_key(face).path)
    name = font.getBestCmap()[ord(ch)]
    g = font["glyf"][name]
    upm = font["head"].unitsPerEm
    return g.xMin / upm, g.yMin / upm, g.xMax / upm, g.yMax / upm


def test_glyph_lands_at_engine_x_and_baseline() -> None:
    """An 'H' drawn at (x, baseline) inks exactly its outline's box, at any x fraction."""
    dpi = 720.0
    scale = dpi / 72.0
    size = 20.0
    x0, _, x1, y1 = _glyph_bounds("PT Serif/Regular", "H")
    for x in (10.0, 10.3, 10.55):
        run = TextRun("PT Serif/Regular", size, BLACK, 40.0, (PlacedWord("H", x, (size * 0.7,)),))
        img = _pil(render_page_image(hand_made_list([run], 60, 60, 0), Edition(), dpi))
        box = _ink_box(img)
        assert box is not None
        assert box[0] == pytest.approx((x + x0 * size) * scale, abs=1.0)
        assert box[2] == pytest.approx((x + x1 * size) * scale, abs=1.0)
        assert box[1] == pytest.approx((40.0 - y1 * size) * scale, abs=1.0)
        assert box[3] == pytest.approx(40.0 * scale, abs=1.0)  # flat serifs sit on the baseline


def test_fractional_size_is_not_rounded() -> None:
    """A 9.5 pt line is as wide as 9.5 pt says, not 10 pt (Qt rounds pixel sizes unless
    drawn from a large reference size)."""
    dpi = 300.0
    run = text_line("mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", "PT Serif/Regular", 9.5, 5.0, 20.0)
    img = _pil(render_page_image(hand_made_list([run], 400, 30, 0), Edition(), dpi))
    box = _ink_box(img)
    assert box is not None
    x_min, _, x_max, _ = _glyph_bounds("PT Serif/Regular", "m")
    word = run.words[0]
    expected_left = (word.x + x_min * 9.5) * dpi / 72
    expected_right = (word.x + sum(word.advances[:-1]) + x_max * 9.5) * dpi / 72
    assert box[0] == pytest.approx(expected_left, abs=1.5)
    assert box[2] == pytest.approx(expected_right, abs=1.5)


def test_every_character_is_its_own_glyph_no_ligature() -> None:
    """'fi' as one word draws the same pixels as 'f' and 'i' drawn apart at the same x:
    no ligature, no kerning, positions only from the advances."""
    size = 40.0
    together = TextRun(
        "PT Serif/Regular", size, BLACK, 50.0, (PlacedWord("fi", 10.0, (11.0, 12.0)),)
    )
    apart = TextRun(
        "PT Serif/Regular",
        size,
        BLACK,
        50.0,
        (PlacedWord("f", 10.0, (11.0,)), PlacedWord("i", 21.0, (12.0,))),
    )
    a = _pil(render_page_image(hand_made_list([together], 60, 60, 0), Edition(), 144))
    b = _pil(render_page_image(hand_made_list([apart], 60, 60, 0), Edition(), 144))
    assert a.tobytes() == b.tobytes()
    assert [x for x, _ in glyph_positions(together)] == [10.0, 21.0]


@pytest.mark.parametrize("key", [e.key for e in default_registry().entries()])
def test_each_face_is_the_bundled_file(key: str) -> None:
    face = default_faces().face(key)
    assert face.raw.isValid()
    family, style = key.split("/")
    assert face.raw.familyName() == family
    assert face.raw.styleName() == style
    font = TTFont(face.path)
    # 'head' holds the file's checksum and dates, 'hmtx' the advances the engine uses
    assert bytes(face.raw.fontTable("head")) == font.reader["head"]
    assert bytes(face.raw.fontTable("hmtx")) == font.reader["hmtx"]


def test_bold_and_regular_differ() -> None:
    runs = [text_line("Kupang", f, 30.0, 5, 40) for f in ("PT Serif/Regular", "PT Serif/Bold")]
    imgs = [_pil(render_page_image(hand_made_list([r], 150, 60, 0), Edition(), 72)) for r in runs]
    dark = [_dark_pixels(i) for i in imgs]
    assert dark[1] > dark[0] * 1.2


def test_deep_zoom_still_draws() -> None:
    """At 1200 dpi a 40 pt glyph is 667 px tall; it must still be drawn."""
    run = TextRun("Roboto Condensed/Bold", 40.0, BLACK, 40.0, (PlacedWord("K", 2.0, (20.0,)),))
    img = _pil(render_page_image(hand_made_list([run], 30, 50, 0), Edition(), 1200))
    box = _ink_box(img)
    assert box is not None and box[3] - box[1] > 400


def test_colours() -> None:
    assert naive_rgb(0, 0, 0, 100) == (0, 0, 0)
    assert naive_rgb(0, 0, 0, 0) == (255, 255, 255)
    assert naive_rgb(100, 0, 0, 0) == (0, 255, 255)
    assert naive_rgb(0, 0, 0, 50) == (128, 128, 128)
    proof = InkColours(proof=True)
    r, _, b = proof.rgb(0, 0, 0, 100)
    assert 60 < r < 200 and abs(r - b) < 30  # newsprint black is a dark grey
    assert proof.rgb(0, 0, 0, 0) == (255, 255, 255)
    box = BoxItem(0, 0, 10, 10, Ink("KT Red", 0, 95, 85, 5))
    img = _pil(render_page_image(hand_made_list([box], 10, 10, 0), Edition(), 72))  # type: ignore[list-item]
    assert img.getpixel((5, 5)) == naive_rgb(0, 95, 85, 5)


def test_rule_and_box_stroke_geometry() -> None:
    rule = RuleItem(10, 20, 90, 20, 2.0, BLACK)
    box = BoxItem(10, 40, 80, 30, None, BLACK, 2.0)
    img = _pil(render_page_image(hand_made_list([rule, box], 100, 100, 0), Edition(), 72))  # type: ignore[list-item]
    assert _ink_box(img.crop((0, 0, 100, 30))) == (10, 19, 90, 21)
    assert _ink_box(img.crop((0, 30, 100, 100))) == (9, 9, 91, 41)  # centred on the edge
    assert img.getpixel((50, 55)) == (255, 255, 255)


def _photo_edition() -> tuple[Edition, str, int, int]:
    ed = Edition()
    asset = add_asset(ed, PHOTO.read_bytes(), PHOTO.name)
    ed.assets[asset.sha256] = asset
    return ed, asset.sha256, asset.width_px, asset.height_px


def test_image_is_clipped_to_its_rect() -> None:
    ed, sha, w, h = _photo_edition()
    item = ImageItem(sha, 20, 20, 40, 30, 0, 0, 100, 100 * h / w, w, h)
    img = _pil(render_page_image(hand_made_list([item], 100, 100, 0), ed, 72))  # type: ignore[list-item]
    assert img.getpixel((10, 10)) == (255, 255, 255)  # image area outside the clip
    assert img.getpixel((70, 40)) == (255, 255, 255)
    inside = [img.getpixel((x, y)) for x in range(22, 58, 5) for y in range(22, 48, 5)]
    assert any(p != (255, 255, 255) for p in inside)


def test_missing_image_draws_a_placeholder() -> None:
    item = ImageItem("0" * 64, 10, 10, 50, 50, 10, 10, 50, 50, 100, 100)
    img = _pil(render_page_image(hand_made_list([item], 70, 70, 0), Edition(), 72))  # type: ignore[list-item]
    r, g, b = img.getpixel((35, 20))
    assert (r, g, b) != (255, 255, 255)


def test_markers_only_when_asked() -> None:
    items = [
        Marker("frame", 10, 10, 50, 50),
        Marker("overset", 52, 52, 8, 8, "f", "+3"),
        Marker("empty-slot", 10, 70, 50, 20, "g", "headline"),
    ]
    dl = hand_made_list(items, 100, 100, 0)  # type: ignore[arg-type]
    plain = _pil(render_page_image(dl, Edition(), 72))
    marked = _pil(render_page_image(dl, Edition(), 72, markers=True))
    assert _colours(plain) == {(255, 255, 255)}
    assert len(_colours(marked)) > 3
    red = [p for p in _colours(marked) if p[0] > 180 and p[1] < 90]
    assert red  # the overset sign is red


def test_render_page_png_size_and_resolution(tmp_path: Path) -> None:
    dl = PageDisplayList(
        "p", 1, 200.0, 300.0, 9.0, (text_line("Kupang", "PT Serif/Bold", 20, 20, 50),)
    )
    out = render_page_png(dl, Edition(), tmp_path / "page.png", 150)
    with Image.open(out) as img:
        assert img.size == (math.ceil(218 * 150 / 72), math.ceil(318 * 150 / 72))
        assert round(img.info["dpi"][0]) == 150


def test_proxies() -> None:
    assert bucket_for(300, 4000) == 512
    assert bucket_for(300, 400) == 400
    assert bucket_for(99999, 8000) == 4096
    img = decode_proxy(PHOTO.read_bytes(), 256)
    assert max(img.width(), img.height()) <= 256 and not img.isNull()


def test_background_proxy_arrives(qtbot) -> None:  # type: ignore[no-untyped-def]
    ed, sha, w, h = _photo_edition()
    proxies = ImageProxies(background=True)
    try:
        with qtbot.waitSignal(proxies.ready, timeout=10000) as blocker:
            first = proxies.proxy(sha, ed.asset_source, 300, max(w, h))
        assert first is None
        assert blocker.args == [sha]
        got = proxies.proxy(sha, ed.asset_source, 300, max(w, h))
        assert got is not None and max(got.width(), got.height()) == 512
    finally:
        proxies.shutdown()
