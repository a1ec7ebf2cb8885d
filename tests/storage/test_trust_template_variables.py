"""Templates keep their variables (issue 11, item 4): a page saved as a template keeps
`{{folio}}` and every other text variable; template -> page -> template -> page gives the
same frames and texts for every built-in template (through real .kplt files too), and the
app's *Simpan Halaman sebagai Templat* keeps the folio."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from kupang_layout.model import Page, PageTemplate, Story, TextFrame, instantiate, page_to_template
from kupang_layout.model.story import Paragraph
from kupang_layout.model.template import has_variable
from kupang_layout.resources import resource_path
from kupang_layout.storage import load_template, save_template

BUILT_IN = sorted(resource_path("templates").glob("*.kplt"))


def _canonical(page: Page, stories: dict[str, Story]) -> dict[str, Any]:
    """The page with ids replaced by their order, and each text frame's story as text."""
    story_order: dict[str, int] = {}
    frames = []
    for f in page.frames:
        d = dataclasses.asdict(f)
        d.pop("id")
        d["type"] = type(f).__name__
        if isinstance(f, TextFrame) and f.story_id is not None:
            d["story_id"] = story_order.setdefault(f.story_id, len(story_order))
            d["story"] = [(p.style, p.text) for p in stories[f.story_id].paragraphs]
        frames.append(d)
    geometry = {
        k: getattr(page, k)
        for k in ("width", "height", "bleed", "margins", "columns", "baseline", "guides")
    }
    return {"geometry": geometry, "frames": frames}


def _round_trip(template: PageTemplate, folder: Path | None) -> tuple[Any, Any, PageTemplate]:
    page1, stories1 = instantiate(template, 1)
    by_id1 = {s.id: s for s in stories1}
    again = page_to_template(
        page1,
        by_id1,
        template.paragraph_styles,
        template.character_styles,
        template.name,
        template.description,
    )
    if folder is not None:  # through a real .kplt file
        path = folder / f"{template.name}.kplt"
        save_template(again, path)
        again = load_template(path)
    page2, stories2 = instantiate(again, 1)
    return _canonical(page1, by_id1), _canonical(page2, {s.id: s for s in stories2}), again


@pytest.mark.parametrize("path", BUILT_IN, ids=[p.stem for p in BUILT_IN])
@pytest.mark.parametrize("through_file", [False, True], ids=["memory", "kplt"])
def test_template_page_template_page_gives_the_same_frames_and_texts(
    path: Path, through_file: bool, tmp_path: Path
) -> None:
    template = load_template(path)
    first, second, again = _round_trip(template, tmp_path if through_file else None)
    assert second == first
    variables = sorted(
        p.text for s in template.stories.values() for p in s.paragraphs if has_variable(p.text)
    )
    assert variables, "every built-in template shows at least one variable"
    assert (
        sorted(p.text for s in again.stories.values() for p in s.paragraphs if has_variable(p.text))
        == variables
    )


def test_the_folio_frame_keeps_folio_after_the_page_was_filled() -> None:
    template = load_template(resource_path("templates") / "berita-satu.kplt")
    page, stories = instantiate(template, 3)
    by_id = {s.id: s for s in stories}
    for f in page.frames:  # the desk filled every slot
        if isinstance(f, TextFrame) and f.role not in ("folio", None) and f.story_id:
            by_id[f.story_id].paragraphs = [Paragraph.plain("Body", f"isi {f.role}")]
    saved = page_to_template(page, by_id, {}, {}, "Saya")
    texts = {
        f.role: saved.stories[f.story_id].text
        for f in saved.frames
        if isinstance(f, TextFrame) and f.story_id in saved.stories
    }
    assert texts["folio"] == "{{folio}}"
    assert texts["headline"] == texts["body"] == ""


def test_a_variable_typed_into_a_slot_stays_and_the_news_goes() -> None:
    template = load_template(resource_path("templates") / "berita-satu.kplt")
    page, stories = instantiate(template, 1)
    by_id = {s.id: s for s in stories}
    section = next(f for f in page.frames if isinstance(f, TextFrame) and f.role == "section")
    assert section.story_id is not None
    by_id[section.story_id].paragraphs = [
        Paragraph.plain("Section", "Halaman {{page}} · {{ date }}"),
        Paragraph.plain("Section", "Berita hari ini"),
    ]
    saved = page_to_template(page, by_id, {}, {}, "Rubrik")
    kept = saved.stories[section.story_id]
    assert [p.text for p in kept.paragraphs] == ["Halaman {{page}} · {{ date }}"]


def test_save_page_as_template_action_keeps_the_folio(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from gui_helpers import make_window

    from kupang_layout.editing.page_ops import build_edition
    from kupang_layout.gui.dialogs.template_gallery import TemplateGallery
    from kupang_layout.storage import TemplateLibrary

    library = TemplateLibrary()
    edition = build_edition("Kupang Times", "612", "2024-10-14", [library.get("berita-dua")])
    window = make_window(qtbot, edition)
    monkeypatch.setattr(TemplateGallery, "ask_save_template", lambda self, s: ("Dua Saya", ""))
    monkeypatch.setattr(TemplateGallery, "exec", lambda self: 0)
    window.acts["save_page_template"].trigger()
    saved = TemplateLibrary().get("Dua Saya")
    folio = next(f for f in saved.frames if isinstance(f, TextFrame) and f.role == "folio")
    assert saved.stories[folio.story_id or ""].text == "{{folio}}"
    page, stories = instantiate(saved, 2)
    new_folio = next(f for f in page.frames if isinstance(f, TextFrame) and f.role == "folio")
    assert next(s for s in stories if s.id == new_folio.story_id).text == "{{folio}}"
