"""A fitted page saved as a template (`model.template.page_to_template`) gives the template's
layout, not the day's fit: collapsed and hidden slots reopen at their recorded heights with
the frames below back where they were, copyfit's sizes go back to their base, and no
closing or copyfit record stays in a frame; a page made from the saved template and given
the same manuscript is the page the original template gives.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from feature_editions_fit import (
    PARAGRAPHS,
    PHOTO_ASSET,
    _imported,
    _manuscript,
    _slots,
    _template,
    fitted,
    full_text,
    photo_frames,
    quoted,
)

from kupang_layout.editing import copyfit_balance
from kupang_layout.editing.copyfit import copyfit_command
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.trace import trace
from kupang_layout.jobs.manuscript_import import apply_manuscript
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.model import History
from kupang_layout.model import template_layout as layout
from kupang_layout.model.assets import Asset
from kupang_layout.model.commands_frames import SetFrameRect
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.slot_stack import CLOSED
from kupang_layout.model.template import PageTemplate, page_to_template
from kupang_layout.storage import TemplateLibrary

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "manuscripts" / "01-halaman-1-gelombang-tinggi.txt"
PHOTO = REPO / "resources" / "samples" / "photos" / "sea-boats-evening.jpg"
SHORT = _manuscript(PARAGRAPHS, section=False, deck=False, tagline=False)


def _saved(ed: Edition) -> PageTemplate:
    page = ed.pages[0]
    return page_to_template(page, ed.stories, ed.paragraph_styles, ed.character_styles, "lagi")


def _records(frame: AnyFrame) -> list[str]:
    return [k for k in frame.extra if k == CLOSED or k.startswith("copyfit_")]


def _by_slot(frames: list[AnyFrame]) -> dict[str, list[tuple[object, ...]]]:
    """Each slot group's frames in order: kind, role, place, printing, empty-slot mode,
    balancing."""
    out: dict[str, list[tuple[object, ...]]] = {}
    for f in frames:
        r = f.rect
        out.setdefault(f.slot, []).append(
            (
                f.kind,
                f.role,
                (r.x, r.y, r.width, r.height),
                f.printable,
                f.empty_slot,
                getattr(f, "balance", None),
            )
        )
    return out


def _same_frames(got: list[AnyFrame], want: list[AnyFrame]) -> None:
    """Slot group by slot group, the same frames in the same places (to 1e-6 pt)."""
    a, b = _by_slot(got), _by_slot(want)
    assert a.keys() == b.keys()
    for slot in a:
        assert len(a[slot]) == len(b[slot]), slot
        for x, y in zip(a[slot], b[slot], strict=True):
            assert x[:2] + x[3:] == y[:2] + y[3:], (slot, x, y)
            assert x[2] == pytest.approx(y[2], abs=1e-6), (slot, x, y)


def _same_layout(saved: PageTemplate, original: PageTemplate) -> None:
    _same_frames(saved.frames, original.frames)
    assert all(_records(f) == [] for f in saved.frames)


def _trace(ed: Edition) -> str:
    return trace(LayoutEngine().layout_page(ed, ed.pages[0]), include_markers=True)


# -- the small fit-test template: the records in every combination --------------------------

# (template, manuscript, photo): short stories collapse or hide slots and are balanced; a
# long one drops its pull quote; a short one under a photo grows the photo.
Case = Callable[[], tuple[PageTemplate, str, Asset | None]]
CASES: dict[str, Case] = {
    "collapsed_and_balanced": lambda: (_template(_slots("collapse")), SHORT, None),
    "hidden_and_balanced": lambda: (_template(_slots("hide")), SHORT, None),
    "pull_quote_dropped": lambda: (_template(_slots("collapse")), full_text(quoted(5)), None),
    "photo_grown": lambda: (
        _template(photo_frames()),
        _manuscript(PARAGRAPHS[:3], section=True, deck=True, tagline=True),
        PHOTO_ASSET,
    ),
    "photo_shrunk": lambda: (_template(photo_frames()), full_text(quoted(6)), PHOTO_ASSET),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_fitted_page_saves_the_templates_layout(name: str) -> None:
    original, text, photo = CASES[name]()
    ed = fitted(_imported(original, text, photo))
    page = ed.pages[0]
    assert any(_records(f) for f in page.frames), "the case must leave records to undo"
    before = copy.deepcopy(page)
    saved = _saved(ed)
    _same_layout(saved, original)
    assert page == before  # saving changes nothing on the page
    again = fitted(_imported(saved, text, photo))
    first = fitted(_imported(original, text, photo))
    assert _trace(again) == _trace(first)
    _same_frames(again.pages[0].frames, first.pages[0].frames)


def test_the_cases_do_what_they_say() -> None:
    """Each case's page has the change the test undoes (so none passes by doing nothing)."""

    def page_of(name: str) -> list[AnyFrame]:
        original, text, photo = CASES[name]()
        return fitted(_imported(original, text, photo)).pages[0].frames

    def frame(frames: list[AnyFrame], role: str) -> AnyFrame:
        return next(f for f in frames if f.role == role)

    collapsed = page_of("collapsed_and_balanced")
    assert frame(collapsed, "deck").rect.height == 0 and not frame(collapsed, "deck").printable
    assert any(layout.BASE_BOTTOM in f.extra for f in collapsed)
    hidden = page_of("hidden_and_balanced")
    assert frame(hidden, "tagline").extra[CLOSED]["mode"] == "hide"
    dropped = page_of("pull_quote_dropped")
    assert not frame(dropped, "pull_quote").printable
    for name, grows in (("photo_grown", True), ("photo_shrunk", False)):
        photo = frame(page_of(name), "photo")
        base = photo.extra[layout.BASE_HEIGHT]
        assert (photo.rect.height > base) if grows else (photo.rect.height < base)


@pytest.mark.parametrize(
    ("name", "role", "dy"),
    [("collapsed_and_balanced", "body", 22.0), ("photo_grown", "photo", -33.0)],
)
def test_a_size_the_desk_changed_again_goes_back_too(name: str, role: str, dy: float) -> None:
    """A body frame made deeper as the advice offers, a photo made shorter by hand, after
    copyfit: the day's fit too. The saved template has the template's sizes, and the
    frames below stand where the template has them (the hand change moved none)."""
    original, text, photo = CASES[name]()
    ed = fitted(_imported(original, text, photo))
    frame = next(f for f in ed.pages[0].frames if f.role == role)
    assert any(k.startswith("copyfit_base") for k in frame.extra)
    r = frame.rect
    SetFrameRect(frame.id, Rect(r.x, r.y, r.width, r.height + dy)).do(ed)
    _same_layout(_saved(ed), original)


def test_companions_renamed_on_a_duplicated_page_go_back_with_their_frame() -> None:
    """A closed pull quote whose rules have new ids (a duplicated page) still has them back
    where the template draws them."""
    original = _template(_slots("collapse"))
    ed = fitted(_imported(original, SHORT))
    quote = next(f for f in ed.pages[0].frames if f.role == "pull_quote")
    for cid in quote.extra[CLOSED]["companions"]:
        rule = next(f for f in ed.pages[0].frames if f.id == cid)
        rule.id = f"{cid}-copy"
    _same_layout(_saved(ed), original)


def test_the_record_names_are_copyfits() -> None:
    """The model repeats copyfit's record names (it may not import editing)."""
    assert layout.BASE_HEIGHT == copyfit_balance.BASE_HEIGHT
    assert layout.BASE_BOTTOM == copyfit_balance.BASE_BOTTOM
    assert layout.LEFT_HEIGHT == copyfit_balance.LEFT_HEIGHT
    assert layout.LEFT_BOTTOM == copyfit_balance.LEFT_BOTTOM


# -- the built-in templates with the sample manuscript and photo -----------------------------


def _seed_text() -> str:
    """The first sample manuscript without its section, headline and deck lines."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    return "\n".join(ln for ln in lines if not re.match(r"(Rubrik|Judul|Subjudul):", ln)) + "\n"


def _desk_import(template: PageTemplate, text: str) -> Edition:
    """`text` with the sample photo imported into `template` and fitted, as the desk does."""
    ed = Edition(paper="Kupang Times", number="612", date="2024-10-14")
    app = apply_manuscript(
        ed,
        template,
        parse_manuscript(text),
        photo=PHOTO.read_bytes(),
        photo_name=PHOTO.name,
        number=1,
        fit=copyfit_command,
    )
    History(ed).execute(app)
    return ed


@pytest.mark.parametrize("name", ["berita-satu", "halaman-depan"])
def test_a_fitted_seed_page_saves_the_built_in_templates_layout(name: str) -> None:
    original = TemplateLibrary().get(name)
    ed = _desk_import(original, _seed_text())
    closed = [f.role for f in ed.pages[0].frames if CLOSED in f.extra]
    assert "section" in closed and "deck" in closed
    saved = _saved(ed)
    _same_layout(saved, original)
    assert _trace(_desk_import(saved, _seed_text())) == _trace(_desk_import(original, _seed_text()))
