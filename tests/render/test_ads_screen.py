"""The screen shows a PDF ad: a preview made by pdftoppm in the image cache folder, drawn where
the PDF export puts the vector ad (compared loosely with the exported page by pdftoppm)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from ad_testkit import ad_edition, make_ad
from pdf_testkit import has_tools
from PIL import Image, ImageChops, ImageStat

from kupang_layout.editing.ads import ad_frame_of, place_ad, take_ad_file
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model.ads import ad_size
from kupang_layout.model.edition import Edition
from kupang_layout.model.history import History
from kupang_layout.render.pdf.exporter import render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.presets import get_preset

pytestmark = pytest.mark.skipif(not has_tools("pdftoppm"), reason="poppler-utils missing")
DPI = 36


def _edition() -> tuple[Edition, str]:
    edition, booking = ad_edition()
    asset = take_ad_file(edition, make_ad(*ad_size(edition.pages[0], booking)), "sinar.pdf")
    History(edition).execute(place_ad(edition, booking.id, asset))
    return edition, booking.id


def _qt_render(edition: Edition, proxies: object | None = None) -> Image.Image:
    from kupang_layout.render.qt import PagePainter, render_page_image

    dl = LayoutEngine().layout_page(edition, edition.pages[0])
    painter = PagePainter(proxies=proxies) if proxies is not None else None  # type: ignore[arg-type]
    image = render_page_image(dl, edition, DPI, margin=0.0, painter=painter)
    data = image.convertToFormat(image.Format.Format_RGB888)
    return Image.frombytes("RGB", (data.width(), data.height()),
                           bytes(data.constBits())[: data.sizeInBytes()],
                           "raw", "RGB", data.bytesPerLine())  # fmt: skip


def _pdf_render(edition: Edition, folder: Path) -> Image.Image:
    path = folder / "page.pdf"
    dl = LayoutEngine().layout_page(edition, edition.pages[0])
    render_page_pdf(dl, edition, get_preset(), path, image_cache=ImageCache(folder / "cache"))
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-cropbox", "-aa", "yes",
                    str(path), str(folder / "pdf")], check=True)  # fmt: skip
    with Image.open(folder / "pdf.png") as png:
        return png.convert("RGB")


def _ad_box(edition: Edition, booking_id: str) -> tuple[int, int, int, int]:
    frame = ad_frame_of(edition, booking_id)
    assert frame is not None
    s = DPI / 72
    r = frame.rect
    return (round(r.x * s), round(r.y * s), round(r.right * s), round(r.bottom * s))


def test_the_screen_shows_the_ad_where_the_pdf_prints_it(qapp: object, tmp_path: Path) -> None:
    edition, booking_id = _edition()
    screen = _qt_render(edition)
    printed = _pdf_render(edition, tmp_path)
    trim = printed.crop((0, 0, screen.width, screen.height))  # -cropbox: the trim, as rendered
    box = _ad_box(edition, booking_id)
    a, b = screen.crop(box), trim.crop(box)
    # The ad is drawn (not the grey placeholder) and agrees with the print render loosely:
    # the same colours in the same places (the screen converts CMYK naively, as pdftoppm).
    assert ImageStat.Stat(a).stddev[0] > 20  # red frame, blue bar, black text
    diff = ImageStat.Stat(ImageChops.difference(a, b)).mean
    assert max(diff) < 40, diff
    # Outside the ad the two agree on paper white too.
    left = (box[0] - 40, box[1], box[0] - 5, box[3])
    assert min(ImageStat.Stat(screen.crop(left)).mean) > 240


def test_the_preview_is_kept_in_the_image_cache_folder(qapp: object) -> None:
    from kupang_layout.render.qt.proxies import preview_folder

    edition, _ = _edition()
    _qt_render(edition)
    kept = list(preview_folder().glob("ad-*.png"))
    assert kept, "no preview kept"
    # Shown again from the kept file, without pdftoppm.
    before = {p: p.stat().st_mtime_ns for p in kept}
    _qt_render(edition)
    assert {p: p.stat().st_mtime_ns for p in preview_folder().glob("ad-*.png")} == before


def test_without_a_renderer_the_ad_is_a_placeholder(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kupang_layout.render.qt import ImageProxies

    edition, booking_id = _edition()
    monkeypatch.setenv("PATH", "")
    proxies = ImageProxies(background=False)
    screen = _qt_render(edition, proxies)
    sha = edition.plan.ads[booking_id].asset
    assert sha is not None and proxies.failure(sha)
    box = _ad_box(edition, booking_id)
    area = screen.crop(box)
    colours = sorted(area.getcolors(1_000_000) or [], reverse=True)
    # The flat placeholder (with its thin cross), nothing of the ad's red frame.
    assert colours[0][0] > 0.8 * area.width * area.height
    assert not [c for _, c in colours if c[0] > 150 and c[1] < 100]


def test_the_canvas_is_not_blocked_while_the_preview_is_made(qtbot: object) -> None:
    from kupang_layout.render.qt import ImageProxies

    edition, booking_id = _edition()
    sha = edition.plan.ads[booking_id].asset
    assert sha is not None
    proxies = ImageProxies(background=True)
    try:
        with qtbot.waitSignal(proxies.ready, timeout=30_000):  # type: ignore[attr-defined]
            assert proxies.proxy(sha, edition.asset_source, 800, 430) is None  # at once
        image = proxies.proxy(sha, edition.asset_source, 800, 430)
        proxies.wait()
        image = proxies.proxy(sha, edition.asset_source, 800, 430) or image
        assert image is not None and max(image.width(), image.height()) >= 512
    finally:
        proxies.shutdown()
