"""Exporting an edition file: parallel workers, file names, per-page errors, combined proof."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf
import pytest
from pdf_testkit import LOREM, jpeg_bytes, synthetic_photo

from kupang_layout.jobs.export import export_edition_file as export_edition
from kupang_layout.model import (
    Asset,
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
from kupang_layout.render.pdf.errors import PdfExportError
from kupang_layout.storage import asset_from_bytes, save_edition


def _edition_file(tmp_path: Path) -> Path:
    """Three pages: 1 and 3 fine, page 2 places a truncated JPEG."""
    good = jpeg_bytes(synthetic_photo(1200, 800))
    broken = jpeg_bytes(synthetic_photo(1200, 800))[:4000]
    source = MemoryAssets()
    edition = Edition(number="612", date="2024-10-14", asset_source=source)
    assets = {}
    for name, data in (("pantai.jpg", good), ("rusak.jpg", broken)):
        if name == "rusak.jpg":  # refused when placed (issue 11): an asset damaged later
            asset = Asset(hashlib.sha256(data).hexdigest(), "jpg", name, 1200, 800)
        else:
            asset = asset_from_bytes(data, name)
        source.add(asset.sha256, data)
        edition.assets[asset.sha256] = asset
        assets[name] = asset.sha256
    for number, picture in ((1, "pantai.jpg"), (2, "rusak.jpg"), (3, None)):
        story_id = f"s{number}"
        edition.stories[story_id] = Story(
            id=story_id, paragraphs=[Paragraph.plain("Body", LOREM) for _ in range(3)]
        )
        page = Page(id=f"p{number}", number=number, width=mm(280), height=mm(430))
        page.frames = [TextFrame(id=f"t{number}", rect=Rect(40, 60, 250, 400), story_id=story_id)]
        if picture is not None:
            page.frames.append(
                ImageFrame(id=f"i{number}", rect=Rect(320, 60, 300, 200), asset=assets[picture])
            )
        edition.pages.append(page)
    path = tmp_path / "edisi.kpl"
    save_edition(edition, path)
    return path


@pytest.fixture(scope="module")
def edition_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _edition_file(tmp_path_factory.mktemp("edition"))


def test_export_in_parallel_with_a_failing_page(edition_file: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    out = tmp_path / "out"
    out.mkdir()
    stale = out / "KupangTimes_612_02.pdf"
    stale.write_bytes(b"%PDF-1.3 from an earlier export")
    results = export_edition(
        edition_file, out, None, None, True, lambda d, t, m: calls.append((d, t, m))
    )
    pages = [r for r in results if r.page]
    assert [r.page for r in pages] == [1, 2, 3]
    ok1, bad, ok3 = pages
    assert ok1.ok and ok3.ok and not bad.ok
    assert ok1.path == out / "KupangTimes_612_01.pdf" and ok1.path.is_file()
    assert ok3.path == out / "KupangTimes_612_03.pdf" and ok3.path.is_file()
    # A failed page keeps the earlier export's file (nothing is deleted before a new file
    # is complete); its error says the file there is the old one.
    assert bad.path is None and stale.read_bytes() == b"%PDF-1.3 from an earlier export"
    assert bad.error is not None and "KupangTimes_612_02.pdf" in bad.error
    assert "BUKAN versi baru" in bad.error
    assert bad.error is not None and "rusak.jpg" in bad.error and "halaman 2" in bad.error
    assert [c[:2] for c in calls] == [(1, 3), (2, 3), (3, 3)]
    assert any("rusak.jpg" in c[2] for c in calls)
    assert ok1.images and ok1.images[0].name == "pantai.jpg"
    # The proof joins the pages that exported.
    proof = results[-1]
    assert proof.page == 0 and proof.path == out / "KupangTimes_612_proof.pdf"
    with pikepdf.open(proof.path) as pdf:
        assert len(pdf.pages) == 2
        assert "/OutputIntents" not in pdf.Root
    with pikepdf.open(ok1.path) as pdf:
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFX"
        assert len(pdf.pages[0].Resources.XObject) == 1


def test_export_selected_pages_in_process(edition_file: Path, tmp_path: Path) -> None:
    results = export_edition(edition_file, tmp_path, [3, 7], "Proof", False, None)
    assert [r.page for r in results] == [3, 7]
    assert results[0].ok and results[0].path is not None
    assert results[0].path.name == "KupangTimes_612_03_proof.pdf"
    assert results[1].error is not None and "tidak punya halaman 7" in results[1].error


def test_export_errors_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(PdfExportError, match="file not found"):
        export_edition(tmp_path / "missing.kpl", tmp_path, None, None, False, None)
    bad = tmp_path / "bad.kpl"
    bad.write_bytes(b"not a zip")
    with pytest.raises(PdfExportError, match=r"bad\.kpl"):
        export_edition(bad, tmp_path, None, None, False, None)
