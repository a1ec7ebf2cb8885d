"""Built-in page templates: they load, keep their promises (slots, grid, styles) and instantiate."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kupang_layout.cli.main import main
from kupang_layout.manuscript.slot_plan import slot_roles
from kupang_layout.model import (
    ImageFrame,
    PageTemplate,
    Rule,
    TextFrame,
    instantiate,
    mm,
    to_mm,
)
from kupang_layout.model.color import default_swatches
from kupang_layout.resources import resource_path
from kupang_layout.storage import (
    TemplateLibrary,
    load_template,
    save_template,
    template_to_json,
)

REPO = Path(__file__).resolve().parents[2]
BUILTIN = resource_path("templates")

STORY = {"section", "headline", "deck", "photo", "photo_credit", "body", "tagline", "credits"}
TEASER = {"photo", "photo_credit", "section", "headline", "teaser"}
# What docs/TEMPLATES.md promises for each template: slot group -> roles.
PROMISES: dict[str, dict[str, set[str]]] = {
    "berita-satu": {"page": {"folio"}, "main": STORY | {"pull_quote"}},
    "berita-dua": {"page": {"folio"}, "main": STORY, "second": STORY},
    "halaman-depan": {
        "page": {"masthead"},
        "main": STORY,
        "teaser1": TEASER,
        "teaser2": TEASER,
    },
    "broadsheet-tujuh": {
        "page": {"folio"},
        "main": STORY | {"pull_quote"},
        "second": STORY,
        "third": STORY - {"deck"},
        "teaser1": {"section", "headline", "teaser"},
    },
}
COMPACT = ("berita-satu", "berita-dua", "halaman-depan")
ROLE_STYLES = {
    "headline": {"Headline", "Teaser Headline"},
    "deck": {"Deck"},
    "section": {"Section"},
    "photo_credit": {"Photo Credit"},
    "body": {"Body"},
    "pull_quote": {"Pull Quote"},
    "tagline": {"Tagline"},
    "credits": {"Credits"},
    "folio": {"Folio"},
    "masthead": {"Masthead", "Masthead Line"},
    "teaser": {"Teaser"},
}


def load(name: str) -> PageTemplate:
    return load_template(BUILTIN / f"{name}.kplt")


@pytest.fixture(params=sorted(PROMISES))
def template(request: pytest.FixtureRequest) -> PageTemplate:
    return load(request.param)


def _make_templates_tool() -> ModuleType:
    path = REPO / "tools" / "make_templates.py"
    spec = importlib.util.spec_from_file_location("make_templates_tool", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_library_lists_every_builtin_template() -> None:
    infos = TemplateLibrary().list()
    builtin = {i.name for i in infos if i.source == "builtin"}
    assert set(PROMISES) <= builtin
    assert all(i.description for i in infos if i.name in PROMISES)


def test_file_name_is_template_name(template: PageTemplate) -> None:
    assert (BUILTIN / f"{template.name}.kplt").is_file()


def test_slots_are_as_promised(template: PageTemplate) -> None:
    found = {slot: set(roles) for slot, roles in slot_roles(template.frames).items()}
    assert found == PROMISES[template.name]


def test_trim_bleed_and_grid(template: PageTemplate) -> None:
    assert to_mm(template.bleed) == pytest.approx(3.0)
    assert template.baseline.leading == pytest.approx(11.0)
    assert 4.0 <= to_mm(template.columns.gutter) <= 4.5
    for margin in (template.margins.top, template.margins.bottom):
        assert 12.0 <= to_mm(margin) <= 15.0
    if template.name in COMPACT:
        assert (to_mm(template.width), to_mm(template.height)) == pytest.approx((280.0, 430.0))
        assert template.columns.count == 5
    else:
        assert to_mm(template.width) > 300 and to_mm(template.height) > 450
        assert template.columns.count in (6, 7)


def test_frames_inside_the_margins(template: PageTemplate) -> None:
    m = template.margins
    left, top = m.inside, m.top
    right, bottom = template.width - m.outside, template.height - m.bottom
    eps = 0.01
    for f in template.frames:
        r = f.rect
        assert r.x >= 0 and r.right <= template.width, f.id
        assert r.y >= 0 and r.bottom <= template.height, f.id
        assert left - eps <= r.x and r.right <= right + eps, f.id
        assert top - eps <= r.y and r.bottom <= bottom + eps, f.id


def test_slot_frames_do_not_overlap(template: PageTemplate) -> None:
    boxes = [f for f in template.frames if not isinstance(f, Rule)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.rect.intersects(b.rect), (a.id, b.id)


def test_body_columns_are_newspaper_columns(template: PageTemplate) -> None:
    bodies = [f for f in template.frames if isinstance(f, TextFrame) and f.role == "body"]
    assert bodies
    for f in bodies:
        inner = f.rect.width - 2 * f.inset - (f.columns - 1) * f.gutter
        width = to_mm(inner / f.columns)
        assert 45.0 <= width <= 60.0, (f.id, width)
        # text columns sit on the page's grid columns
        assert to_mm(f.gutter) == pytest.approx(to_mm(template.columns.gutter))


def test_body_of_each_slot_is_one_threaded_chain(template: PageTemplate) -> None:
    for slot in slot_roles(template.frames):
        chain = [
            f
            for f in template.frames
            if isinstance(f, TextFrame) and f.role == "body" and f.slot == slot
        ]
        if not chain:
            continue
        assert len({f.story_id for f in chain}) == 1
        assert chain[0].story_id in template.stories
        assert sorted(f.chain_index for f in chain) == list(range(len(chain)))


def test_text_frames_use_their_slot_style(template: PageTemplate) -> None:
    for f in template.frames:
        if isinstance(f, TextFrame):
            assert f.role is not None, f.id
            assert f.paragraph_style in ROLE_STYLES[f.role], (f.id, f.paragraph_style)
            assert f.paragraph_style in template.paragraph_styles
        if isinstance(f, TextFrame) and f.role == "headline" and f.slot.startswith("teaser"):
            assert f.paragraph_style == "Teaser Headline"


def test_styles_and_swatches_resolve(template: PageTemplate) -> None:
    swatches = default_swatches()
    for f in template.frames:
        if isinstance(f, Rule):
            assert f.swatch in swatches
        if isinstance(f, TextFrame) and f.fill is not None:
            assert f.fill in swatches
    for name in ("Dateline", "Credit Label"):
        assert name in template.character_styles


def test_tagline_is_a_red_banner_with_paper_text(template: PageTemplate) -> None:
    taglines = [f for f in template.frames if isinstance(f, TextFrame) and f.role == "tagline"]
    assert taglines
    for f in taglines:
        assert f.fill == "KT Red"
        assert f.inset > 0
        assert template.paragraph_styles["Tagline"].swatch == "Paper"


def test_folio_and_masthead_carry_variables(template: PageTemplate) -> None:
    texts = {
        f.role: template.stories[f.story_id].text
        for f in template.frames
        if isinstance(f, TextFrame) and f.role in ("folio", "masthead") and f.story_id
    }
    if "folio" in texts:
        assert texts["folio"] == "{{folio}}"
    if "masthead" in texts:
        masthead = " ".join(
            template.stories[f.story_id].text
            for f in template.frames
            if isinstance(f, TextFrame) and f.role == "masthead" and f.story_id
        )
        assert "{{paper_upper}}" in masthead and "{{date}}" in masthead
        assert "{{edition}}" in masthead


def test_photo_frames_fill_and_have_a_credit_below(template: PageTemplate) -> None:
    for photo in (f for f in template.frames if isinstance(f, ImageFrame)):
        assert photo.fit == "fill" and photo.asset is None
        credits = [
            f
            for f in template.frames
            if f.role == "photo_credit"
            and f.slot == photo.slot
            and 0 <= f.rect.y - photo.rect.bottom <= mm(3)
        ]
        assert len(credits) == 1, photo.id


def test_instantiate_gives_fresh_page(template: PageTemplate) -> None:
    page, stories = instantiate(template, 4)
    assert page.template == template.name
    assert page.number == 4
    assert len(page.frames) == len(template.frames)
    template_ids = {f.id for f in template.frames}
    assert not template_ids & {f.id for f in page.frames}
    story_ids = {s.id for s in stories}
    for f in page.frames:
        if isinstance(f, TextFrame):
            assert f.story_id in story_ids
    # the body chain stays one story with its order
    bodies = [f for f in page.frames if isinstance(f, TextFrame) and f.role == "body"]
    for slot in {f.slot for f in bodies}:
        chain = [f for f in bodies if f.slot == slot]
        assert len({f.story_id for f in chain}) == 1


def test_committed_files_are_what_the_script_makes() -> None:
    tool = _make_templates_tool()
    built = {t.name: t for t in tool.build_all()}
    assert set(built) == set(PROMISES)
    for name, fresh in built.items():
        saved = template_to_json(load(name))
        made = template_to_json(fresh)
        saved.pop("app_version")
        made.pop("app_version")
        assert saved == made, f"{name}.kplt is out of date: run tools/make_templates.py"


def test_templates_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in PROMISES)

    assert main(["--lang", "en", "templates", "show", "berita-dua"]) == 0
    shown = capsys.readouterr().out
    assert "280 x 430 mm" in shown and "5 columns of 48 mm" in shown
    assert "second:" in shown and "Pull quote" not in shown

    exported = tmp_path / "saya.kplt"
    assert main(["templates", "export", "berita-satu", str(exported)]) == 0
    assert load_template(exported).name == "berita-satu"
    capsys.readouterr()
    # the same name again is refused (a built-in has it), clearly
    assert main(["templates", "import", str(exported)]) == 2
    assert "berita-satu" in capsys.readouterr().err
    mine = load_template(exported)
    mine.name = "berita-satu-saya"
    save_template(mine, exported)
    assert main(["templates", "import", str(exported)]) == 0
    assert main(["templates", "show", "berita-satu-saya"]) == 0
    assert "pengguna" in capsys.readouterr().out
    assert main(["templates", "export", "tidak-ada", str(tmp_path / "x.kplt")]) == 2
    assert "tidak-ada" in capsys.readouterr().err
