"""The app prepares the open edition's placed photos in the idle export pool (issue 13)."""

from __future__ import annotations

from gui_helpers import make_window
from pdf_testkit import jpeg_bytes, synthetic_photo

from kupang_layout.gui.shell.photo_warmup import warm_preset
from kupang_layout.jobs.export_pool import shared_pool
from kupang_layout.jobs.photo_warmup import photos_to_warm
from kupang_layout.model import Edition, ImageFrame, MemoryAssets, Page, Rect, mm
from kupang_layout.model.commands_frames import PlaceImage
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.storage import asset_from_bytes

WARM_TIMEOUT_MS = 60_000  # the pool's processes start first; a loaded test machine is slow


def photo_edition(seed: int, pages: int = 2) -> Edition:
    source = MemoryAssets()
    ed = Edition(number="612", date="2024-10-14", asset_source=source)
    for n in range(1, pages + 1):
        data = jpeg_bytes(synthetic_photo(1400 + seed * 20 + n, 900))
        asset = asset_from_bytes(data, f"foto{seed}-{n}.jpg")
        source.add(asset.sha256, data)
        ed.assets[asset.sha256] = asset
        page = Page(id=f"p{n}", number=n, width=mm(280), height=mm(430))
        page.frames = [ImageFrame(id=f"i{n}", rect=Rect(40, 60, 500, 330), asset=asset.sha256)]
        ed.pages.append(page)
    return ed


def cached(edition: Edition) -> list[bool]:
    """Whether each placed photo is in the user's image cache, as the export would ask."""
    cache = ImageCache()
    return [
        cache.get(cache.key(p.asset, p.request)) is not None
        for p in photos_to_warm(edition, warm_preset())
    ]


def test_opening_an_edition_prepares_its_photos_in_the_idle_pool(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The process's pool outlives tests, and its workers keep the user folders of the
    # test that started them (each test has its own): start them again under this one's,
    # as the app's workers share the app's.
    shared_pool().shutdown()
    first = photo_edition(1)
    assert cached(first) == [False, False]
    window = make_window(qtbot, first)
    qtbot.waitUntil(lambda: all(cached(first)), timeout=WARM_TIMEOUT_MS)
    # Another edition opened: its photos are prepared too.
    second = photo_edition(2, pages=1)
    assert cached(second) == [False]
    window.doc.replace(second, None)
    qtbot.waitUntil(lambda: all(cached(second)), timeout=WARM_TIMEOUT_MS)
    # A photo placed later is prepared after a short delay.
    data = jpeg_bytes(synthetic_photo(1333, 1000))
    placed = asset_from_bytes(data, "baru.jpg")
    second.asset_source.add(placed.sha256, data)  # type: ignore[attr-defined]
    assert window.doc.execute(PlaceImage("i1", placed))
    assert [p.asset for p in photos_to_warm(second, warm_preset())] == [placed.sha256]
    assert cached(second) == [False]
    qtbot.waitUntil(lambda: all(cached(second)), timeout=WARM_TIMEOUT_MS)
    assert window.photo_warmup.warmup.failed == 0
