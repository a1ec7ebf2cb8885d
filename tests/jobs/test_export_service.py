"""The export service (jobs.export) in this process on hand-built editions in memory.

Gate, progress events, cancel, the report written once and atomically, unchanged pages
skipped (and exported again when changed or asked), a failing page that does not stop
the others and keeps its earlier PDF; the written PDFs through the plant's intake check.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import assert_intake_accepts
from pdf_testkit import LOREM, jpeg_bytes, synthetic_photo

from kupang_layout.jobs import export_report
from kupang_layout.jobs.export import ExportOptions, PageEvent, event_text, export_pages
from kupang_layout.jobs.export_manifest import MANIFEST_NAME, load_manifest
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
from kupang_layout.model.assets import Asset
from kupang_layout.storage import asset_from_bytes

ONE = ExportOptions(workers=1, ink=False, language="id")


def edition(pages: int = 3, photo_on: int | None = 2, empty_on: int | None = None) -> Edition:
    source = MemoryAssets()
    ed = Edition(number="612", date="2024-10-14", asset_source=source)
    sha = ""
    if photo_on is not None:
        data = jpeg_bytes(synthetic_photo(1500, 1000))
        asset = asset_from_bytes(data, "pantai.jpg")
        source.add(asset.sha256, data)
        ed.assets[asset.sha256] = asset
        sha = asset.sha256
    for n in range(1, pages + 1):
        ed.stories[f"s{n}"] = Story(id=f"s{n}", paragraphs=[Paragraph.plain("Body", LOREM)])
        page = Page(id=f"p{n}", number=n, width=mm(280), height=mm(430))
        page.frames = [TextFrame(id=f"t{n}", rect=Rect(40, 60, 250, 400), story_id=f"s{n}")]
        if n == photo_on:
            page.frames.append(ImageFrame(id=f"i{n}", rect=Rect(320, 60, 300, 200), asset=sha))
        if n == empty_on:  # an empty headline slot: a preflight error
            page.frames.append(
                TextFrame(id=f"h{n}", rect=Rect(40, 480, 250, 60), story_id=None, role="headline")
            )
        ed.pages.append(page)
    return ed


def test_progress_events_and_outcomes(tmp_path: Path) -> None:
    events: list[PageEvent] = []
    run = export_pages(edition(), tmp_path, None, ONE, progress=events.append)
    assert [(e.done, e.total) for e in events] == [(1, 3), (2, 3), (3, 3)]
    assert event_text(events[0], "id") == "[1/3] halaman 1: KupangTimes_612_01.pdf"
    assert event_text(events[0], "en") == "[1/3] page 1: KupangTimes_612_01.pdf"
    assert [o.status for o in run.pages] == ["exported"] * 3
    for o in run.pages:
        assert o.path is not None and o.path.is_file()
        assert o.fingerprint.startswith("sha256:")
        import hashlib

        assert o.sha256 == hashlib.sha256(o.path.read_bytes()).hexdigest()
    assert run.report is None  # not forced, no PDF problem
    assert set(load_manifest(tmp_path)) == {o.file_name for o in run.pages}


def test_gate_refuses_unless_forced_and_the_report_is_written_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ed = edition(empty_on=1)
    run = export_pages(ed, tmp_path / "pdf", None, ONE)
    assert run.refused and run.pages == [] and not (tmp_path / "pdf").exists()
    writes: list[Path] = []
    real = export_report.write_text_atomically

    def counted(path: Path, text: str) -> Path:
        writes.append(Path(path))
        return real(path, text)

    monkeypatch.setattr(export_report, "write_text_atomically", counted)
    forced = ExportOptions(workers=1, ink=False, force=True, language="en")
    run = export_pages(ed, tmp_path / "pdf", None, forced)
    assert not run.refused and len(run.exported) == 3
    assert writes == [tmp_path / "pdf" / "preflight.json"]
    data = json.loads(writes[0].read_text(encoding="utf-8"))
    assert any(d["severity"] == "error" for d in data["document"])
    assert [p.name for p in (tmp_path / "pdf").iterdir() if p.name.startswith(".")] == []


def test_unchanged_pages_are_skipped_changed_and_forced_ones_exported(tmp_path: Path) -> None:
    ed = edition()
    first = export_pages(ed, tmp_path, None, ONE)
    stamps = {o.page: o.path.stat().st_mtime_ns for o in first.pages if o.path}
    again = export_pages(ed, tmp_path, None, ONE)
    assert [o.status for o in again.pages] == ["unchanged"] * 3
    assert [o.sha256 for o in again.pages] == [o.sha256 for o in first.pages]
    assert {o.page: o.path.stat().st_mtime_ns for o in again.pages if o.path} == stamps
    ed.stories["s3"].paragraphs = [Paragraph.plain("Body", "Berita baru. " + LOREM)]
    changed = export_pages(ed, tmp_path, None, ONE)
    assert [o.status for o in changed.pages] == ["unchanged", "unchanged", "exported"]
    assert changed.pages[2].fingerprint != first.pages[2].fingerprint
    everything = ExportOptions(workers=1, ink=False, reexport_all=True)
    assert [o.status for o in export_pages(ed, tmp_path, None, everything).pages] == [
        "exported"
    ] * 3
    # A file replaced behind the manifest's back is exported again.
    (tmp_path / "KupangTimes_612_01.pdf").write_bytes(b"%PDF-1.3 lain")
    assert export_pages(ed, tmp_path, None, ONE).pages[0].status == "exported"


def test_a_failing_page_does_not_stop_the_others_and_keeps_its_earlier_pdf(
    tmp_path: Path,
) -> None:
    ed = edition()
    export_pages(ed, tmp_path, None, ONE)
    earlier = (tmp_path / "KupangTimes_612_02.pdf").read_bytes()
    (sha,) = ed.assets
    broken = jpeg_bytes(synthetic_photo(1500, 1000))[:3000]
    source = MemoryAssets()
    source.add(sha, broken)
    ed.asset_source = source
    ed.assets[sha] = Asset(sha, "jpg", "rusak.jpg", 1500, 1000)
    # forced: preflight sees the damage; all: the model's hashes did not change
    forced = ExportOptions(workers=1, ink=False, force=True, reexport_all=True, language="id")
    run = export_pages(ed, tmp_path, None, forced)
    assert [o.status for o in run.pages] == ["exported", "failed", "exported"]
    bad = run.pages[1]
    assert bad.error is not None and "halaman 2" in bad.error and "rusak.jpg" in bad.error
    assert "BUKAN versi baru" in bad.error
    assert (tmp_path / "KupangTimes_612_02.pdf").read_bytes() == earlier


def test_cancel_drops_the_pages_not_handed_over(tmp_path: Path) -> None:
    seen: list[PageEvent] = []
    run = export_pages(
        edition(pages=4), tmp_path, None, ONE, progress=seen.append, cancelled=lambda: bool(seen)
    )
    assert run.cancelled and len(run.pages) == 1 and run.proof is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "KupangTimes_612_01.pdf",
        MANIFEST_NAME,
    ]


def test_the_pool_exports_and_checks_pages_that_pass_the_intake_check(tmp_path: Path) -> None:
    """Two worker processes: pages as work items, the ink check in the pool too."""
    from kupang_layout.jobs.export_pool import ExportPool

    pool = ExportPool(2)
    try:
        run = export_pages(edition(pages=3), tmp_path, None, ExportOptions(pool=pool))
    finally:
        pool.shutdown()
    assert [o.status for o in run.pages] == ["exported"] * 3, [o.errors for o in run.pages]
    assert not [i for i in run.pdf_issues if i.severity == "error"]
    assert_intake_accepts([str(o.path) for o in run.pages])
