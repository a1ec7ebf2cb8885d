"""The idle export pool prepares placed photos into the image cache; a real export goes first."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from pdf_testkit import LOREM, jpeg_bytes, synthetic_photo

from kupang_layout.jobs.export import ExportOptions, PageEvent, export_pages
from kupang_layout.jobs.export_pool import ExportPool
from kupang_layout.jobs.photo_warmup import PhotoWarmup, WarmPhoto, photos_to_warm
from kupang_layout.model import (
    Edition,
    ImageFrame,
    MemoryAssets,
    Page,
    Paragraph,
    Rect,
    Story,
    TextFrame,
    mm,
)
from kupang_layout.render.pdf.presets import get_preset
from kupang_layout.storage import asset_from_bytes

T = TypeVar("T")


def edition(pages: int) -> Edition:
    """`pages` pages, each with a photo of its own beside a story."""
    source = MemoryAssets()
    ed = Edition(number="612", date="2024-10-14", asset_source=source)
    for n in range(1, pages + 1):
        data = jpeg_bytes(synthetic_photo(1500 + 10 * n, 1000))
        asset = asset_from_bytes(data, f"foto{n}.jpg")
        source.add(asset.sha256, data)
        ed.assets[asset.sha256] = asset
        ed.stories[f"s{n}"] = Story(id=f"s{n}", paragraphs=[Paragraph.plain("Body", LOREM)])
        page = Page(id=f"p{n}", number=n, width=mm(280), height=mm(430))
        page.frames = [
            TextFrame(id=f"t{n}", rect=Rect(40, 60, 250, 400), story_id=f"s{n}"),
            ImageFrame(id=f"i{n}", rect=Rect(320, 60, 300, 200), asset=asset.sha256),
        ]
        ed.pages.append(page)
    return ed


def cache_files(folder: Path) -> dict[str, int]:
    """The prepared JPEGs in the cache folder, with their modification times."""
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.jpg")}


def test_warmed_photos_are_not_prepared_again_by_the_export(tmp_path: Path) -> None:
    ed = edition(2)
    cache = tmp_path / "cache"
    photos = photos_to_warm(ed, get_preset())
    assert {p.asset for p in photos} == set(ed.assets)
    pool = ExportPool(1)
    warmup = PhotoWarmup(pool, cache)
    try:
        warmup.add(photos, ed.asset_source.read)
        assert warmup.wait_idle(120)
        assert (warmup.prepared, warmup.failed) == (2, 0)
        warmed = cache_files(cache)
        assert len(warmed) == 2
        options = ExportOptions(pool=pool, image_cache=cache, ink=False, reexport_all=True)
        run = export_pages(ed, tmp_path / "pdf", [1], options)
        assert [o.status for o in run.pages] == ["exported"], [o.errors for o in run.pages]
        assert [f.name for f in run.pages[0].images] == ["foto1.jpg"]
        # The export found the warmed JPEG: no new file and none written again.
        assert cache_files(cache) == warmed
        # Handed over once per edition; a new session finds them in the cache and skips them.
        warmup.add(photos, ed.asset_source.read)
        assert warmup.wait_idle(60)
        assert (warmup.prepared, warmup.skipped) == (2, 0)
        again = PhotoWarmup(pool, cache)
        again.add(photos, ed.asset_source.read)
        assert again.wait_idle(60)
        again.close()
        assert (again.prepared, again.skipped) == (0, 2)
        assert cache_files(cache) == warmed
    finally:
        warmup.close()
        pool.shutdown()


class RecordingPool(ExportPool):
    """A real pool that notes when an export begins and when background work goes in."""

    def __init__(self, workers: int) -> None:
        super().__init__(workers)
        self.export_began: float | None = None
        self.background: list[float] = []
        self._note = threading.Lock()

    def exporting(self) -> Any:
        self.export_began = time.monotonic()  # before the pool's own count goes up
        return super().exporting()

    def submit_background(self, fn: Callable[..., T], *args: Any) -> Future[T] | None:
        asked = time.monotonic()
        future = super().submit_background(fn, *args)
        if future is not None:
            with self._note:
                self.background.append(asked)
        return future


def test_an_export_started_during_the_warm_up_runs_its_pages_first(tmp_path: Path) -> None:
    ed = edition(4)
    cache = tmp_path / "cache"
    pool = RecordingPool(1)  # one worker: any warm-up task taken in would delay the page
    submitted = threading.Event()

    def on_event(what: str, photo: WarmPhoto) -> None:
        if what == "submit":
            submitted.set()

    warmup = PhotoWarmup(pool, cache, on_event)
    finished: list[float] = []

    def progress(event: PageEvent) -> None:
        finished.append(time.monotonic())

    try:
        warmup.add(photos_to_warm(ed, get_preset()), ed.asset_source.read)
        assert submitted.wait(60)
        options = ExportOptions(pool=pool, image_cache=cache, ink=False, reexport_all=True)
        run = export_pages(ed, tmp_path / "pdf", [4], options, progress=progress)
        assert [o.status for o in run.pages] == ["exported"], [o.errors for o in run.pages]
        assert warmup.wait_idle(120)
    finally:
        warmup.close()
        pool.shutdown()
    assert pool.export_began is not None and len(finished) == 1
    page_done = finished[0]
    during = [t for t in pool.background if pool.export_began <= t <= page_done]
    assert not during, "warm-up work went into the pool while the export's page waited"
    assert any(t > page_done for t in pool.background), "no warm-up was left for after"
    # Every photo is in the cache in the end; the export's own was not prepared twice.
    assert warmup.failed == 0
    assert len(cache_files(cache)) == 4


def test_an_export_cancels_background_work_not_begun_and_refuses_more() -> None:
    pool = ExportPool(1)
    try:
        waiting = [pool.submit_background(time.sleep, 0.5) for _ in range(4)]
        assert all(f is not None for f in waiting)
        with pool.exporting():
            assert pool.exporting_now
            assert pool.submit_background(time.sleep, 0.0) is None
            last = waiting[-1]
            assert last is not None and last.cancelled()  # still in the pool's own queue
        assert not pool.exporting_now
        after = pool.submit_background(time.sleep, 0.0)
        assert after is not None
        after.result(timeout=60)
    finally:
        pool.shutdown()
