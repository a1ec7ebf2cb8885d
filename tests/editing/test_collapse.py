"""Empty slots (issue 16, item 1): collapse, keep and hide, stored, undone, traced.

Focused golden traces (one small edition per mode, `feature_editions_fit.py`),
with the rule of each mode asserted on the display list as well, so a trace
written anew cannot hide a broken rule (KUPANG_UPDATE_GOLDEN=1 writes them).
"""

from __future__ import annotations

import copy
import json
import os
import zipfile
from pathlib import Path

import pytest
from feature_editions_fit import FIT_FEATURES, PARAGRAPHS, _manuscript, _slots, _template

from kupang_layout.engine.displaylist import BoxItem, Marker, TextRun
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.trace import trace
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.manuscript.apply import apply_manuscript
from kupang_layout.model import History
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.page import Page
from kupang_layout.storage import (
    DocumentFormatError,
    load_edition,
    load_template,
    save_edition,
    save_template,
)

GOLDEN = Path(__file__).parents[1] / "golden" / "features"
LINE = 11.0  # the body's leading and grid


def _trace(edition: Edition) -> str:
    engine = LayoutEngine()
    return "".join(
        trace(engine.layout_page(edition, p), include_markers=True) for p in edition.pages
    )


@pytest.mark.parametrize("name", ["collapse", "keep", "hide"])
def test_empty_slot_trace_matches_golden(name: str) -> None:
    got = _trace(FIT_FEATURES[name]())
    path = GOLDEN / f"{name}.trace"
    if os.environ.get("KUPANG_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def _by_role(page: Page, role: str) -> list[TextFrame]:
    return [f for f in page.frames if isinstance(f, TextFrame) and f.role == role]


def _first_baselines(edition: Edition) -> dict[str, float]:
    dl = LayoutEngine().layout_page(edition, edition.pages[0])
    out: dict[str, float] = {}
    for item in dl.items:
        if isinstance(item, TextRun) and item.frame_id not in out:
            out[item.frame_id] = item.y
    return out


def test_collapse_closes_every_empty_band() -> None:
    ed = FIT_FEATURES["collapse"]()
    page = ed.pages[0]
    (headline,) = _by_role(page, "headline")
    (section,) = _by_role(page, "section")
    body1, body2 = sorted(_by_role(page, "body"), key=lambda f: f.chain_index)
    # the headline takes the section's place, the body the deck's, body 2 the pull quote's
    assert headline.rect.y == pytest.approx(section.rect.y)
    assert body1.rect.y - headline.rect.bottom < LINE
    assert body2.rect.y - body1.rect.y < LINE
    # the body grows, its foot stays
    assert body1.rect.bottom == pytest.approx(body2.rect.bottom)
    # the body's first line sits right under the headline's frame (its ascent and the grid),
    # not under a deck's empty 13 mm band as it does when the deck keeps its space
    collapsed = _first_baselines(ed)[body1.id] - headline.rect.bottom
    kept = FIT_FEATURES["keep"]()
    kept_body = min((f for f in _by_role(kept.pages[0], "body")), key=lambda f: f.chain_index)
    kept_headline = _by_role(kept.pages[0], "headline")[0]
    assert collapsed < 2 * LINE
    assert _first_baselines(kept)[kept_body.id] - kept_headline.rect.bottom > collapsed + 3 * LINE
    # nothing of a collapsed slot prints: no red tagline, no pull quote rules
    dl = LayoutEngine().layout_page(ed, page)
    gone = {f.id for f in page.frames if not f.printable}
    assert {"section", "deck", "pull_quote", "tagline"} <= {
        f.role for f in page.frames if f.id in gone
    }
    assert sum(1 for f in page.frames if f.id in gone and f.role is None) == 2  # the two rules
    printed = [i for i in dl.items if not isinstance(i, Marker)]
    assert not any(getattr(i, "frame_id", "") in gone for i in printed)
    assert not any(isinstance(i, BoxItem) for i in printed)


def test_keep_leaves_the_template_as_it_is() -> None:
    ed = FIT_FEATURES["keep"]()
    template = _template(_slots("keep"))
    got = [(f.role, f.rect, f.printable) for f in ed.pages[0].frames]
    assert got == [(f.role, f.rect, f.printable) for f in template.frames]


def test_hide_keeps_the_space_and_prints_nothing_of_the_slot() -> None:
    ed = FIT_FEATURES["hide"]()
    template = _template(_slots("hide"))
    assert [f.rect for f in ed.pages[0].frames] == [f.rect for f in template.frames]
    hidden = [f for f in ed.pages[0].frames if not f.printable]
    assert {f.role for f in hidden} == {"section", "deck", "pull_quote", "tagline", None}
    dl = LayoutEngine().layout_page(ed, ed.pages[0])
    assert not any(isinstance(i, BoxItem) for i in dl.items)  # the red banner is gone


def test_one_undo_restores_the_space() -> None:
    template = _template(_slots("collapse"))
    ed = Edition(number="612", date="2024-10-14")
    history = History(ed)
    text = _manuscript(PARAGRAPHS, section=False, deck=False, tagline=False)
    app = apply_manuscript(ed, template, parse_manuscript(text))
    history.execute(app)
    before = copy.deepcopy(ed.pages[0])
    assert any(not f.printable for f in before.frames)
    history.undo()
    assert ed.pages == []
    history.redo()
    assert ed.pages[0] == before


def test_filled_slots_do_not_move() -> None:
    template = _template(_slots("collapse"))
    ed = Edition(number="612", date="2024-10-14")
    text = _manuscript(PARAGRAPHS, section=True, deck=True, tagline=True)
    apply_manuscript(ed, template, parse_manuscript(text)).do(ed)
    page = ed.pages[0]
    filled = ("section", "headline", "deck", "tagline")
    assert [f.rect for f in page.frames if f.role in filled] == [
        f.rect for f in template.frames if f.role in filled
    ]
    body1 = next(f for f in page.frames if isinstance(f, TextFrame) and f.role == "body")
    assert body1.rect == next(f.rect for f in template.frames if f.role == "body")
    assert page.frames[5].role == "pull_quote" and not page.frames[5].printable  # no quote


def test_empty_slot_is_stored_and_old_files_read_keep(tmp_path: Path) -> None:
    ed = FIT_FEATURES["collapse"]()
    path = tmp_path / "e.kpl"
    save_edition(ed, path)
    back = load_edition(path)
    assert [f.empty_slot for f in back.pages[0].frames] == [
        f.empty_slot for f in ed.pages[0].frames
    ]
    # a file from before the field: every frame keeps its space
    with zipfile.ZipFile(path) as z:
        doc = json.loads(z.read("document.json"))
    for frame in doc["edition"]["pages"][0]["frames"]:
        frame.pop("empty_slot")
    old = tmp_path / "old.kpl"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(old, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "document.json":
                data = json.dumps(doc).encode("utf-8")
            dst.writestr(info, data)
    assert {f.empty_slot for f in load_edition(old).pages[0].frames} == {"keep"}


def test_template_keeps_empty_slot_and_copyfit_and_refuses_bad_values(tmp_path: Path) -> None:
    template = _template(_slots("hide"))
    path = tmp_path / "t.kplt"
    save_template(template, path)
    back = load_template(path)
    assert [f.empty_slot for f in back.frames] == [f.empty_slot for f in template.frames]
    assert back.copyfit == template.copyfit
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["template"]["frames"][0]["empty_slot"] = "shrink"
    bad = tmp_path / "bad.kplt"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DocumentFormatError, match=r"frames\[0\]\.empty_slot"):
        load_template(bad)
    doc["template"]["frames"][0]["empty_slot"] = "keep"
    doc["template"]["copyfit"]["photo_max"] = 9
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DocumentFormatError, match=r"copyfit\.photo_max"):
        load_template(bad)


def test_built_in_templates_collapse_the_optional_slots() -> None:
    from kupang_layout.storage import TemplateLibrary

    library = TemplateLibrary()
    for name in ("berita-satu", "berita-dua", "halaman-depan", "broadsheet-tujuh"):
        t = library.get(name)
        modes = {(f.role, f.empty_slot) for f in t.frames if f.role is not None}
        for role, mode in modes:
            expected = (
                "collapse" if role in ("section", "deck", "pull_quote", "photo_credit") else "keep"
            )
            assert mode == expected, (name, role)
        assert t.copyfit["photo_min"] == 0.7 and t.copyfit["photo_max"] == 1.3
