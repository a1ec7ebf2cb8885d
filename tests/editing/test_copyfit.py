"""Copyfit (issue 16, item 2): focused traces, its rules, its limits, undo and redo.

Focused golden traces (balancing, photo height) come from `feature_editions_fit.py`;
each test asserts the rule too, so a trace written anew cannot hide a broken rule.
The property test runs copyfit on stories of many lengths under photos of many
sizes: it never changes body size, leading or tracking, never puts a photo below
200 ppi, and one undo restores the page exactly.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from feature_editions_fit import (
    FIT_FEATURES,
    PARAGRAPHS,
    _imported,
    _manuscript,
    _slots,
    _template,
    copyfit_photo,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kupang_layout.editing.copyfit import Copyfit, fit_target, planned_copyfit
from kupang_layout.editing.copyfit_measure import body_story, measure
from kupang_layout.engine.displaylist import ImageItem, TextRun
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.trace import trace
from kupang_layout.i18n import tr
from kupang_layout.model import History
from kupang_layout.model.assets import Asset
from kupang_layout.model.copyfit_rules import CopyfitRules
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.styles import resolve_paragraph_style
from kupang_layout.model.units import mm

GOLDEN = Path(__file__).parents[1] / "golden" / "features"
LINE = 11.0


def _trace(edition: Edition) -> str:
    engine = LayoutEngine()
    pages = edition.pages
    return "".join(trace(engine.layout_page(edition, p), include_markers=True) for p in pages)


@pytest.mark.parametrize("name", ["copyfit_balance", "copyfit_photo"])
def test_copyfit_trace_matches_golden(name: str) -> None:
    got = _trace(FIT_FEATURES[name]())
    path = GOLDEN / f"{name}.trace"
    if os.environ.get("KUPANG_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def _fit(ed: Edition) -> tuple[int, int, tuple[float, ...]]:
    page = ed.pages[0]
    sid = body_story(page, "main")
    assert sid is not None
    f = measure(LayoutEngine(), ed, page, sid)
    return f.overset, f.empty_columns, f.ends


def test_balancing_ends_the_columns_as_evenly_as_the_keeps_allow() -> None:
    """Every column ends within one line of the others where keeps and widow control
    allow (the seed page: test_copyfit_seed.py); in this small edition they move lines
    in twos, and no foot of either frame within two lines of copyfit's does better."""
    ed = FIT_FEATURES["copyfit_balance"]()
    overset, empty, ends = _fit(ed)
    assert overset == 0 and empty == 0 and len(ends) == 5
    spread = round((max(ends) - min(ends)) / LINE)
    assert spread <= 2
    chain = sorted(
        (f for f in ed.pages[0].frames if isinstance(f, TextFrame) and f.role == "body"),
        key=lambda f: f.chain_index,
    )
    rects = [f.rect for f in chain]
    for d1 in range(-2, 3):
        for d2 in range(-2, 3):
            trial = copy.deepcopy(ed)
            tchain = sorted(
                (f for f in trial.pages[0].frames if isinstance(f, TextFrame) and f.role == "body"),
                key=lambda f: f.chain_index,
            )
            for f, r, d in zip(tchain, rects, (d1, d2), strict=True):
                f.rect = Rect(r.x, r.y, r.width, r.height + d * LINE)
            t_over, t_empty, t_ends = _fit(trial)
            if t_over == 0 and t_empty == 0:
                assert round((max(t_ends) - min(t_ends)) / LINE) >= spread
    # the tagline follows the body up: it stands right under the chain's foot
    page = ed.pages[0]
    foot = max(f.rect.bottom for f in page.frames if f.role == "body")
    tagline = next(f for f in page.frames if f.role == "tagline")
    assert 0 <= tagline.rect.y - foot <= mm(2) + 0.01


def test_photo_grows_on_the_grid_within_its_limits() -> None:
    ed = copyfit_photo()
    photo = next(f for f in ed.pages[0].frames if isinstance(f, ImageFrame))
    grown = photo.rect.height - mm(78)
    assert grown > 0
    assert grown / LINE == pytest.approx(round(grown / LINE))  # whole grid lines
    assert photo.rect.height <= mm(78) * 1.3 + 0.01
    dl = LayoutEngine().layout_page(ed, ed.pages[0])
    (item,) = [i for i in dl.items if isinstance(i, ImageItem)]
    assert item.effective_ppi >= 200


def test_the_photo_stops_at_the_plants_ppi() -> None:
    small = Asset("b" * 64, "jpg", "kecil.jpg", 2300, 900)  # 228 ppi across 256 mm
    frames = _slots("collapse")
    for f in frames:
        if f.role != "section":
            f.rect = f.rect.moved(0.0, mm(80))
    frames.insert(1, ImageFrame("photo", Rect(mm(12), mm(27), mm(256), mm(78)), role="photo"))
    text = _manuscript(PARAGRAPHS[:3], section=True, deck=True, tagline=True)
    ed = _imported(_template(frames), text, small)
    cmd = Copyfit(ed.pages[0].id)
    cmd.do(ed)
    photo = next(f for f in ed.pages[0].frames if isinstance(f, ImageFrame))
    dl = LayoutEngine().layout_page(ed, ed.pages[0])
    (item,) = [i for i in dl.items if isinstance(i, ImageItem)]
    assert item.effective_ppi >= 200
    # one grid line more would have gone below 200 ppi (or past 130 %)
    taller = copy.deepcopy(ed)
    p2 = next(f for f in taller.pages[0].frames if isinstance(f, ImageFrame))
    p2.rect = Rect(p2.rect.x, p2.rect.y, p2.rect.width, p2.rect.height + LINE)
    dl2 = LayoutEngine().layout_page(taller, taller.pages[0])
    (item2,) = [i for i in dl2.items if isinstance(i, ImageItem)]
    assert item2.effective_ppi < 200 or p2.rect.height > mm(78) * 1.3
    assert photo.rect.height > mm(78)


def test_a_story_too_long_gives_up_the_pull_quote_and_the_headline_line() -> None:
    long_text = PARAGRAPHS * 9
    frames = _slots("collapse")
    text = _manuscript(long_text, section=True, deck=True, tagline=True)
    text = text.replace(
        PARAGRAPHS[1],
        PARAGRAPHS[1] + '\n"Kalau hutan di atas rusak, mata air di bawah ikut mati,"|Kepala Desa '
        "Fatumnasi (Pemdes Fatumnasi), Fatumnasi, Sabtu, (12/10/24).",
        1,
    )
    ed = _imported(_template(frames), text)
    page = ed.pages[0]
    quote = next(f for f in page.frames if f.role == "pull_quote")
    assert quote.printable and quote.rect.height > 0
    over_before = _fit(ed)[0]
    assert over_before > 0
    cmd = Copyfit(page.id)
    cmd.do(ed)
    names = [s.name for s in cmd.steps]
    assert names[:2] == ["headline", "pull_quote"]
    assert not quote.printable
    over_after = _fit(ed)[0]
    assert 0 < over_after < over_before
    # what is left is a choice in the desk's language
    assert cmd.remainder == over_after
    assert cmd.advice("id").startswith(f"+{over_after} baris: potong {over_after} baris")
    assert "perbesar bingkai isi" in cmd.advice("id")
    assert cmd.advice("en").startswith(f"+{over_after} lines: cut")


def test_a_short_story_is_offered_the_space_left() -> None:
    ed = FIT_FEATURES["copyfit_balance"]()
    cmd = Copyfit(ed.pages[0].id)
    cmd.do(ed)  # a second run: nothing more to move, the choice is the same
    assert cmd.remainder < 0
    advice = cmd.advice("id")
    assert advice.startswith(f"{cmd.remainder} baris: tambah foto kedua atau iklan kecil 5 kolom x")
    assert advice.endswith(" mm")


def test_copyfit_is_one_undo_step_with_named_steps() -> None:
    text = _manuscript(PARAGRAPHS, section=True, deck=True, tagline=True)
    ed = _imported(_template(_slots("collapse")), text)
    history = History(ed)
    before = copy.deepcopy((ed.pages, ed.stories))
    target = fit_target(ed, None, ed.pages[0].id)
    assert target == (ed.pages[0].id, "main")
    cmd = planned_copyfit(ed, *target)
    assert (ed.pages, ed.stories) == before  # planned: worked out and put back
    assert cmd.changes and [s.name for s in cmd.steps][-1] == "balance"
    history.execute(cmd)
    after = copy.deepcopy((ed.pages, ed.stories))
    assert after != before
    history.undo()
    assert (ed.pages, ed.stories) == before
    history.redo()
    assert (ed.pages, ed.stories) == after
    assert tr("editing.copyfit.balance", "id", columns=5) in cmd.summary("id")


def _body_type(ed: Edition) -> bool:
    """Every body line in its paragraph style's size, its letter-spacing within the
    style's tracking and justification limits: what copyfit must not change."""
    dl = LayoutEngine().layout_page(ed, ed.pages[0])
    sid = body_story(ed.pages[0], "main")
    story = ed.stories[sid or ""]
    within = True
    for r in dl.items:
        if not isinstance(r, TextRun) or r.story_id != sid:
            continue
        st = resolve_paragraph_style(ed.paragraph_styles, story.paragraphs[r.paragraph].style)
        within = within and r.size == st.size
        lo = r.size * st.letter_space_min / 100 + st.tracking * r.size / 1000 - 1e-6
        hi = r.size * st.letter_space_max / 100 + st.tracking * r.size / 1000 + 1e-6
        within = within and lo <= r.letter_spacing <= hi
    return within


def _leading_ok(ed: Edition) -> bool:
    """Body lines in a column stand on the 11 pt grid."""
    dl = LayoutEngine().layout_page(ed, ed.pages[0])
    sid = body_story(ed.pages[0], "main")
    top = ed.pages[0].margins.top
    return all(
        abs(((r.y - top) / LINE) - round((r.y - top) / LINE)) < 1e-6
        for r in dl.items
        if isinstance(r, TextRun) and r.story_id == sid
    )


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    paragraphs=st.integers(min_value=1, max_value=40),
    width_px=st.integers(min_value=1200, max_value=4000),
    height_px=st.integers(min_value=800, max_value=3000),
    with_photo=st.booleans(),
)
def test_copyfit_keeps_type_and_ppi_and_undo_restores(
    paragraphs: int, width_px: int, height_px: int, with_photo: bool
) -> None:
    body = tuple(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))
    frames = _slots("collapse")
    asset = None
    if with_photo:
        for f in frames:
            if f.role != "section":
                f.rect = f.rect.moved(0.0, mm(80))
        frames.insert(1, ImageFrame("photo", Rect(mm(12), mm(27), mm(256), mm(78)), role="photo"))
        asset = Asset("c" * 64, "jpg", "foto.jpg", width_px, height_px)
    text = _manuscript(body, section=True, deck=False, tagline=True)
    ed = _imported(_template(frames, CopyfitRules()), text, asset)
    styles = copy.deepcopy((ed.paragraph_styles, ed.character_styles))
    sid = body_story(ed.pages[0], "main")
    assert sid is not None
    story = copy.deepcopy(ed.stories[sid])
    assert _body_type(ed)
    ppi_before = None
    if with_photo:
        dl = LayoutEngine().layout_page(ed, ed.pages[0])
        ppi_before = next(i.effective_ppi for i in dl.items if isinstance(i, ImageItem))
    before = copy.deepcopy((ed.pages, ed.stories))
    history = History(ed)
    history.execute(Copyfit(ed.pages[0].id))
    assert (ed.paragraph_styles, ed.character_styles) == styles
    assert ed.stories[sid] == story  # the body's text and styles untouched
    assert _body_type(ed)
    assert _leading_ok(ed)
    if ppi_before is not None:
        dl = LayoutEngine().layout_page(ed, ed.pages[0])
        ppi = next(i.effective_ppi for i in dl.items if isinstance(i, ImageItem))
        assert ppi >= min(200.0, ppi_before) - 1e-6
    history.undo()
    assert (ed.pages, ed.stories) == before


def test_text_frames_of_other_slots_are_left_alone() -> None:
    ed = FIT_FEATURES["copyfit_balance"]()
    page = ed.pages[0]
    others = [f for f in page.frames if isinstance(f, TextFrame) and f.slot != "main"]
    assert others == []  # the small edition has one slot group: nothing else to guard
