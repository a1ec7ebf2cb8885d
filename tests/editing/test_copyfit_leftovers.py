"""Copyfit leftovers of issue 16: a dropped pull quote comes back, collapsed slots reopen
on a second import, a page fits by the rules of the template applied to it last, and a
re-fit after an edit starts from the template's depths (body chain, headline).

Focused golden traces come from `feature_editions_fit.py` (KUPANG_UPDATE_GOLDEN=1 writes
them); each test asserts its rule on the model too, so a trace written anew cannot hide
a broken rule.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from feature_editions_fit import (
    FIT_FEATURES,
    PHOTO_ASSET,
    TEMPLATE_A_RULES,
    TEMPLATE_B_RULES,
    _imported,
    _slots,
    _template,
    collapse,
    fitted,
    full_text,
    photo_frames,
    quoted,
)

from kupang_layout.editing.copyfit import Copyfit, copyfit_command, planned_copyfit
from kupang_layout.editing.copyfit_measure import body_story, measure
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.trace import trace
from kupang_layout.jobs.manuscript_import import apply_to_page
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.retemplate import retemplate_page
from kupang_layout.model import History
from kupang_layout.model.commands_frames import SetFrameRect
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, ImageFrame, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.slot_stack import CLOSED
from kupang_layout.model.story import Paragraph
from kupang_layout.model.units import mm

GOLDEN = Path(__file__).parents[1] / "golden" / "features"
LINE = 11.0
QUOTE_HEIGHT = mm(123 - 80)  # the pull quote frame of `_slots`


def _trace(edition: Edition) -> str:
    engine = LayoutEngine()
    return "".join(
        trace(engine.layout_page(edition, p), include_markers=True) for p in edition.pages
    )


@pytest.mark.parametrize("name", ["copyfit_quote_back", "reopen_slots", "retemplate_fit"])
def test_leftover_trace_matches_golden(name: str) -> None:
    got = _trace(FIT_FEATURES[name]())
    path = GOLDEN / f"{name}.trace"
    if os.environ.get("KUPANG_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def _frame(page: Page, role: str, index: int = 0) -> AnyFrame:
    return [f for f in page.frames if f.role == role][index]


def _overset(ed: Edition) -> int:
    page = ed.pages[0]
    sid = body_story(page, "main")
    assert sid is not None
    return measure(LayoutEngine(), ed, page, sid).overset


def _same_geometry(a: Page, b: Page) -> None:
    """The two pages' frames (in order) stand in the same places, print alike."""
    assert len(a.frames) == len(b.frames)
    for fa, fb in zip(a.frames, b.frames, strict=True):
        assert (fa.role, fa.printable) == (fb.role, fb.printable)
        for va, vb in zip(
            (fa.rect.x, fa.rect.y, fa.rect.width, fa.rect.height),
            (fb.rect.x, fb.rect.y, fb.rect.width, fb.rect.height),
            strict=True,
        ):
            assert va == pytest.approx(vb, abs=1e-6), (fa.role, fa.rect, fb.rect)


def _cut_to(ed: Edition, times: int) -> SetStoryParagraphs:
    sid = body_story(ed.pages[0], "main")
    assert sid is not None
    return SetStoryParagraphs(sid, body_paragraphs(parse_manuscript(full_text(quoted(times)))))


# -- 1. the pull quote comes back --------------------------------------------------------------


def _long_story_fitted() -> tuple[Edition, History]:
    ed = _imported(_template(_slots("collapse")), full_text(quoted(5)))
    history = History(ed)
    cmd = Copyfit(ed.pages[0].id)
    history.execute(cmd)
    assert "pull_quote" in [s.name for s in cmd.steps]
    return ed, history


def test_a_dropped_pull_quote_comes_back_when_the_story_is_cut() -> None:
    ed, history = _long_story_fitted()
    page = ed.pages[0]
    quote = _frame(page, "pull_quote")
    assert isinstance(quote, TextFrame) and quote.story_id is not None
    rules = [f for f in page.frames if f.id in ("pq-top", "pq-bottom")]
    assert not quote.printable and quote.rect.height == 0
    assert not any(r.printable for r in rules)
    quote_text = ed.stories[quote.story_id].text
    history.execute(_cut_to(ed, 2))  # the desk cuts the story to less than half
    before = copy.deepcopy((ed.pages, ed.stories))
    cmd = planned_copyfit(ed, page.id, "main")
    assert (ed.pages, ed.stories) == before  # worked out and put back
    names = [s.name for s in cmd.steps]
    assert names[0] == "reset" and "pull_quote" not in names  # reopened, not dropped again
    history.execute(cmd)
    assert quote.printable and all(r.printable for r in rules)
    # its template height, give or take the air balancing may give the block
    assert abs(quote.rect.height - QUOTE_HEIGHT) <= 3 * LINE + 0.01
    assert CLOSED not in quote.extra
    assert ed.stories[quote.story_id].text == quote_text
    body2 = _frame(page, "body", 1)
    assert body2.rect.y >= quote.rect.bottom  # the body's second frame under the block
    assert _overset(ed) == 0
    after = copy.deepcopy((ed.pages, ed.stories))
    history.undo()
    assert (ed.pages, ed.stories) == before
    history.redo()
    assert (ed.pages, ed.stories) == after


def test_the_pull_quote_stays_out_while_there_is_no_room() -> None:
    ed, _ = _long_story_fitted()
    cmd = planned_copyfit(ed, ed.pages[0].id, "main")
    assert "pull_quote" not in [s.name for s in cmd.steps]
    assert _overset(ed) > 0 and not _frame(ed.pages[0], "pull_quote").printable


ORDERS = [
    ("headline", "pull_quote", "photo", "balance"),
    ("headline", "photo", "pull_quote", "balance"),  # the photo gives up height first
    ("headline", "photo", "balance"),  # the pull quote is never dropped
]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize(("first", "then"), [(5, 3), (8, 5)])
def test_the_pull_quote_comes_back_as_the_templates_order_says(
    order: tuple[str, ...], first: int, then: int
) -> None:
    """A story fitted long (its pull quote dropped, its photo shrunk), cut, fitted again
    by the page's rules: the page a first fit of the cut story by those rules makes, so
    the pull quote is back where the order gives it room (or never left)."""
    rules = {"order": list(order)}
    ed = _imported(_template(photo_frames()), full_text(quoted(first)), PHOTO_ASSET)
    Copyfit(ed.pages[0].id).do(ed)
    assert not _frame(ed.pages[0], "pull_quote").printable
    _cut_to(ed, then).do(ed)
    ed.pages[0].extra["copyfit"] = rules
    Copyfit(ed.pages[0].id).do(ed)
    fresh = _imported(_template(photo_frames()), full_text(quoted(then)), PHOTO_ASSET)
    fresh.pages[0].extra["copyfit"] = rules
    Copyfit(fresh.pages[0].id).do(fresh)
    _same_geometry(ed.pages[0], fresh.pages[0])
    if "pull_quote" not in order:
        assert _frame(ed.pages[0], "pull_quote").printable


def test_a_story_that_grows_gets_the_template_depth_back() -> None:
    """Balanced short, then longer: the re-fit starts from the template's depths, so the
    page is the one a first fit of the longer story makes (not one with the body held
    at the short story's foot and its pull quote dropped for nothing)."""
    ed = fitted(_imported(_template(_slots("collapse")), full_text(quoted(2))))
    assert "copyfit_base_bottom" in _frame(ed.pages[0], "body").extra
    _cut_to(ed, 5).do(ed)
    refit = Copyfit(ed.pages[0].id)
    refit.do(ed)
    assert next(s.key for s in refit.steps) == "editing.copyfit.reset"
    fresh = _imported(_template(_slots("collapse")), full_text(quoted(5)))
    first = Copyfit(fresh.pages[0].id)
    first.do(fresh)
    _same_geometry(ed.pages[0], fresh.pages[0])
    assert refit.remainder == first.remainder


def test_a_depth_the_desk_set_by_hand_stays_the_desks() -> None:
    """The desk deepens the balanced body frames past the template (as the advice
    offers) and the story grows: the re-fit starts from the desk's depth, not the
    template's (copyfit knows the foot it left each frame at)."""
    ed = fitted(_imported(_template(_slots("collapse")), full_text(quoted(2))))
    page = ed.pages[0]
    bodies = [f for f in page.frames if isinstance(f, TextFrame) and f.role == "body"]
    template_foot = mm(200)
    assert all(f.rect.bottom < template_foot - LINE for f in bodies)  # balanced up
    deep = template_foot + 5 * LINE
    for f in bodies:
        SetFrameRect(f.id, Rect(f.rect.x, f.rect.y, f.rect.width, deep - f.rect.y)).do(ed)
    _cut_to(ed, 5).do(ed)
    Copyfit(page.id).do(ed)
    assert _overset(ed) == 0  # the deeper frames hold it (without the pull quote)
    assert all(f.rect.bottom > template_foot + LINE for f in bodies)


def test_a_longer_headline_gets_its_line_back() -> None:
    ed = fitted(_imported(_template(_slots("collapse")), full_text(quoted(2))))
    page = ed.pages[0]
    headline = _frame(page, "headline")
    assert isinstance(headline, TextFrame) and headline.story_id is not None
    deck_y, cut_height = _frame(page, "deck").rect.y, headline.rect.height
    assert cut_height < mm(60 - 27) - LINE  # one line of two
    long = "Warga Desa Fatumnasi Tanam Sepuluh Ribu Ampupu di Lereng Gunung Mutis"
    SetStoryParagraphs(headline.story_id, [Paragraph.plain("Headline", long)]).do(ed)
    cmd = Copyfit(page.id)
    cmd.do(ed)
    assert cmd.steps[0].name == "reset" and "headline" not in [s.name for s in cmd.steps]
    assert headline.rect.height == pytest.approx(mm(60 - 27))
    # the frames below follow it down
    assert _frame(page, "deck").rect.y - deck_y == pytest.approx(headline.rect.height - cut_height)


@pytest.mark.parametrize("photo", [False, True])
@pytest.mark.parametrize(("first", "then"), [(2, 1), (2, 5), (5, 2), (3, 8), (8, 3)])
def test_a_refit_after_an_edit_is_the_first_fit_of_the_new_text(
    first: int, then: int, photo: bool
) -> None:
    """Whatever an earlier fit changed (headline cut, pull quote dropped, photo grown or
    shrunk, chain balanced), fitting again after the text changed gives the page a
    first fit of the new text gives."""
    frames = photo_frames() if photo else _slots("collapse")
    asset = PHOTO_ASSET if photo else None
    ed = fitted(_imported(_template(frames), full_text(quoted(first)), asset))
    _cut_to(ed, then).do(ed)
    refit = Copyfit(ed.pages[0].id)
    refit.do(ed)
    frames = photo_frames() if photo else _slots("collapse")
    fresh = _imported(_template(frames), full_text(quoted(then)), asset)
    first_fit = Copyfit(fresh.pages[0].id)
    first_fit.do(fresh)
    _same_geometry(ed.pages[0], fresh.pages[0])
    assert refit.advice("id") == first_fit.advice("id")


@pytest.mark.parametrize(("times", "photo"), [(1, True), (2, False), (5, True), (8, False)])
def test_paskan_on_a_fitted_page_is_no_step(times: int, photo: bool) -> None:
    """Fitting a page fitted already changes nothing, so *Paskan* makes no undo step
    (a balanced chain used to be balanced again to the same feet, an empty step)."""
    frames = photo_frames() if photo else _slots("collapse")
    ed = fitted(
        _imported(_template(frames), full_text(quoted(times)), PHOTO_ASSET if photo else None)
    )
    before = copy.deepcopy((ed.pages, ed.stories))
    cmd = planned_copyfit(ed, ed.pages[0].id, "main")
    assert not cmd.changes, [s.name for s in cmd.steps]
    cmd.do(ed)
    assert (ed.pages, ed.stories) == before


# -- 2. a second import reopens collapsed slots ----------------------------------------------


def test_a_second_import_reopens_collapsed_slots_in_one_undo_step() -> None:
    ed = collapse()
    page = ed.pages[0]
    closed = [f for f in page.frames if not f.printable]
    assert {f.role for f in closed} >= {"section", "deck", "pull_quote", "tagline"}
    assert all(f.rect.height == 0 for f in closed if isinstance(f, TextFrame))
    before = copy.deepcopy((ed.pages, ed.stories))
    history = History(ed)
    text = full_text(quoted(2))
    app = apply_to_page(ed, page.id, parse_manuscript(text), fit=copyfit_command)
    history.execute(app)
    # the page a first import (and fit) of the same manuscript makes
    fresh = fitted(_imported(_template(_slots("collapse")), text))
    _same_geometry(page, fresh.pages[0])
    assert all(f.printable for f in page.frames)
    assert not any(CLOSED in f.extra for f in page.frames)
    history.undo()  # one step: the import and its fit
    assert (ed.pages, ed.stories) == before


def test_reopened_slots_take_their_template_heights() -> None:
    ed = FIT_FEATURES["reopen_slots"]()
    fresh = _imported(_template(_slots("collapse")), full_text(quoted(1)))
    _same_geometry(ed.pages[0], fresh.pages[0])
    template = {f.id: f.rect for f in _slots("collapse")}
    for role, fid in (("section", "section"), ("deck", "deck"), ("pull_quote", "quote")):
        assert _frame(ed.pages[0], role).rect.height == pytest.approx(template[fid].height)


# -- 3. another template, its copyfit rules ----------------------------------------------------


def test_applying_a_template_gives_the_page_that_templates_rules() -> None:
    a = _template(photo_frames(), TEMPLATE_A_RULES, "fit-a")
    b = _template(photo_frames(), TEMPLATE_B_RULES, "fit-b")
    ed = _imported(a, full_text(quoted(1)), PHOTO_ASSET)
    page_id = ed.pages[0].id
    history = History(ed)
    history.execute(retemplate_page(ed, page_id, b, previous=a))
    assert ed.pages[0].extra["copyfit"] == TEMPLATE_B_RULES.to_dict()
    history.undo()
    assert ed.pages[0].extra["copyfit"] == TEMPLATE_A_RULES.to_dict()
    plain = _template(photo_frames(), None, "plain")
    plain.copyfit = {}  # a template stating no rules: the house defaults, not A's
    history.execute(retemplate_page(ed, page_id, plain, previous=a))
    assert "copyfit" not in ed.pages[0].extra


def _photo(ed: Edition) -> ImageFrame:
    photo = _frame(ed.pages[0], "photo")
    assert isinstance(photo, ImageFrame)
    return photo


def test_after_applying_template_b_the_page_fits_by_bs_rules() -> None:
    ed = FIT_FEATURES["retemplate_fit"]()
    made_from_b = fitted(
        _imported(
            _template(photo_frames(), TEMPLATE_B_RULES, "fit-b"),
            full_text(quoted(1)),
            PHOTO_ASSET,
        )
    )
    _same_geometry(ed.pages[0], made_from_b.pages[0])
    assert _photo(ed).rect.height == pytest.approx(mm(78))  # B: never above the template
    made_from_a = fitted(
        _imported(
            _template(photo_frames(), TEMPLATE_A_RULES, "fit-a"),
            full_text(quoted(1)),
            PHOTO_ASSET,
        )
    )
    assert _photo(made_from_a).rect.height > mm(78) + LINE  # A's rules would grow it
