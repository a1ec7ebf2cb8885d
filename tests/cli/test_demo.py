"""`kupang-layout demo`: the sample edition is built from the sample manuscripts and saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from kupang_layout.cli.main import main
from kupang_layout.cli.sample_edition import SAMPLE_PAGES, build_sample_edition
from kupang_layout.engine.displaylist import Marker
from kupang_layout.engine.layout import layout_page
from kupang_layout.manuscript import read_manuscript
from kupang_layout.manuscript.apply import PLACEHOLDER_HEADLINE
from kupang_layout.model import Edition, ImageFrame, TextFrame
from kupang_layout.resources import resource_path
from kupang_layout.storage import load_edition

MANUSCRIPTS = resource_path("samples", "manuscripts")


def _role_text(ed: Edition, page_index: int, role: str, slot: str) -> str:
    page = ed.pages[page_index]
    frame = next(
        f for f in page.frames if isinstance(f, TextFrame) and f.role == role and f.slot == slot
    )
    assert frame.story_id is not None
    return ed.stories[frame.story_id].text


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path, str]:
    out = tmp_path_factory.mktemp("demo")
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["demo", "--out", str(out)])
    return code, out, buffer.getvalue()


def test_demo_writes_sample_edition(demo_run: tuple[int, Path, str]) -> None:
    code, out, shown = demo_run
    assert code == 0
    ed = load_edition(out / "sample.kpl")
    assert len(ed.pages) >= 3
    templates = [p.template for p in ed.pages]
    assert len(set(templates)) >= 3
    assert templates == [p.template for p in SAMPLE_PAGES]
    for name in templates:
        assert name is not None and name in shown
    assert str(len(ed.pages)) in shown and "sample.kpl" in shown


def test_every_slot_is_filled(demo_run: tuple[int, Path, str]) -> None:
    _, out, _ = demo_run
    ed = load_edition(out / "sample.kpl")
    for i, spec in enumerate(SAMPLE_PAGES):
        page = ed.pages[i]
        for slot in spec.slots:
            m = read_manuscript(MANUSCRIPTS / slot.manuscript)
            assert _role_text(ed, i, "headline", slot.slot) == m.headline != PLACEHOLDER_HEADLINE
            photos = [f for f in page.frames if isinstance(f, ImageFrame) and f.slot == slot.slot]
            if slot.photo:
                assert photos and photos[0].asset in ed.assets
        for f in page.frames:
            if isinstance(f, TextFrame) and f.story_id is not None:
                assert ed.stories[f.story_id].text.strip(), f"page {i + 1}: {f.role} is empty"


def test_sample_manuscripts_are_clean_and_realistic() -> None:
    files = sorted(MANUSCRIPTS.glob("*.txt"))
    assert len(files) >= 3
    words = []
    for path in files:
        m = read_manuscript(path)
        assert m.warnings == (), (path.name, m.warnings)
        assert m.headline and m.deck and m.section and m.photo and m.dateline and m.tagline
        assert m.credits and any(p.kind == "quote" and p.attribution for p in m.paragraphs)
        words.append(sum(len(p.text.split()) for p in m.paragraphs))
    assert any(600 <= w <= 900 for w in words), words


def test_sample_pages_have_no_overset_text() -> None:
    sample = build_sample_edition()
    for page in sample.edition.pages:
        display = layout_page(sample.edition, page)
        overset = [i for i in display.items if isinstance(i, Marker) and i.kind == "overset"]
        assert not overset, (page.number, [m.frame_id for m in overset])


def test_demo_summary_counts_words(demo_run: tuple[int, Path, str]) -> None:
    _, _, shown = demo_run
    sample = build_sample_edition()
    for story in sample.stories:
        assert str(story.words) in shown
    assert sample.history.can_undo and not sample.history.is_modified
