"""Applying another template to a page: content moves into slots by group and role, what has
no slot is parked on the pasteboard (never deleted), and it is one undoable step."""

from __future__ import annotations

import copy

import pytest

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.manuscript.retemplate import (
    PASTEBOARD_GAP,
    Retemplate,
    match_groups,
    pasteboard_rects,
    retemplate_page,
)
from kupang_layout.model import (
    Box,
    Edition,
    History,
    ImageFrame,
    Page,
    Paragraph,
    Rect,
    Story,
    TextFrame,
    instantiate,
    mm,
)
from kupang_layout.preflight.doc_rules import check_page
from kupang_layout.storage import TemplateLibrary, edition_to_json


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return TemplateLibrary()


@pytest.fixture()
def sample() -> tuple[Edition, History]:
    s = build_sample_edition()
    return s.edition, s.history


def _content(edition: Edition, page: Page) -> tuple[dict[str, str], set[str]]:
    """Text of every story the page shows (by story id) and every picture on it."""
    texts = {
        f.story_id: edition.stories[f.story_id].text
        for f in page.frames
        if isinstance(f, TextFrame)
        and f.story_id
        and f.role not in ("folio", "masthead")  # the template's own text
        and edition.stories[f.story_id].text.strip()
    }
    assets = {f.asset for f in page.frames if isinstance(f, ImageFrame) and f.asset}
    return texts, assets


def _outside_bleed(page: Page, rect: Rect) -> bool:
    return rect.right <= -page.bleed or rect.x >= page.width + page.bleed


def test_two_story_page_to_one_story_template_parks_the_second_story(
    sample: tuple[Edition, History], library: TemplateLibrary
) -> None:
    edition, history = sample
    page = edition.pages[2]
    assert page.template == "berita-dua"
    before_texts, before_assets = _content(edition, page)
    before_json = edition_to_json(edition)
    old_frames = {f.id: f for f in page.frames}

    command = retemplate_page(
        edition, page.id, library.get("berita-satu"), previous=library.get("berita-dua")
    )
    assert edition_to_json(edition) == before_json  # building it changed nothing
    history.execute(command)

    new = edition.page_by_id(page.id)
    assert new is not page and new.template == "berita-satu" and new.number == 3
    after_texts, after_assets = _content(edition, new)
    assert after_texts == before_texts  # every story still shown, with the same paragraphs
    assert after_assets == before_assets  # and every picture
    # the main story sits in the new template's slots
    for m in command.moved:
        if m.old_slot == "main":
            assert m.new_slot == "main", m
    main_body = [f for f in new.frames if f.role == "body" and f.slot == "main"]
    assert [f.rect for f in main_body] == [
        f.rect for f in library.get("berita-satu").frames if f.role == "body"
    ]
    # the second story found no slot: parked left of the page, outside the bleed
    parked = [f for f in new.frames if f.slot == "second"]
    assert parked and all(_outside_bleed(new, f.rect) for f in parked)
    assert {m.new_slot for m in command.parked} == {None}
    assert {m.role for m in command.parked} >= {"headline", "body", "photo"}
    for f in parked:  # same ids and sizes as before, only moved
        assert f.id in old_frames
        assert f.rect.width == old_frames[f.id].rect.width
    for a in parked:
        for b in parked:
            assert a is b or not a.rect.intersects(b.rect)

    history.undo()
    assert edition_to_json(edition) == before_json
    history.redo()
    assert edition.page_by_id(page.id).template == "berita-satu"


def test_parked_content_comes_back_when_the_slot_returns(
    sample: tuple[Edition, History], library: TemplateLibrary
) -> None:
    edition, history = sample
    page_id = edition.pages[2].id
    before_texts, before_assets = _content(edition, edition.pages[2])
    history.execute(retemplate_page(edition, page_id, library.get("berita-satu")))
    history.execute(retemplate_page(edition, page_id, library.get("berita-dua")))
    page = edition.page_by_id(page_id)
    assert _content(edition, page) == (before_texts, before_assets)
    assert not [f for f in page.frames if _outside_bleed(page, f.rect)]
    second_headline = [f for f in page.frames if f.slot == "second" and f.role == "headline"]
    assert second_headline and second_headline[0].rect.x > 0


def test_parked_frames_are_listed_by_the_placement_rules_only(
    sample: tuple[Edition, History], library: TemplateLibrary
) -> None:
    """No print rule (overset, slots, bleed, ...) reports a parked frame, but preflight lists
    each one once as lying on the pasteboard (issue 11: parked content must not go unseen;
    text printed nowhere else is an error, see test_trust_pasteboard.py)."""
    edition, history = sample
    page = edition.pages[2]
    engine = LayoutEngine()
    history.execute(retemplate_page(edition, page.id, library.get("berita-satu")))
    new = edition.page_by_id(page.id)
    parked = {f.id for f in new.frames if _outside_bleed(new, f.rect)}
    assert parked
    issues = check_page(edition, new, engine)
    about_parked = [i for i in issues if i.frame_id in parked]
    assert {i.rule for i in about_parked} <= {"frame-pasteboard", "frame-pasteboard-text"}
    assert sorted(i.frame_id for i in about_parked) == sorted(parked), issues


def test_same_template_again_changes_only_ids_of_nothing(
    sample: tuple[Edition, History], library: TemplateLibrary
) -> None:
    """Re-applying the page's own template keeps every story and picture in its slot."""
    edition, history = sample
    page = edition.pages[1]
    texts, assets = _content(edition, page)
    command = retemplate_page(edition, page.id, library.get(page.template or ""))
    history.execute(command)
    new = edition.page_by_id(page.id)
    assert _content(edition, new) == (texts, assets)
    assert not command.parked
    assert all(not _outside_bleed(new, f.rect) for f in new.frames)


def test_story_running_on_to_another_page_keeps_its_reading_order(library: TemplateLibrary) -> None:
    edition = Edition()
    history = History(edition)
    t1 = library.get("berita-satu")
    p1, s1 = instantiate(t1, 1)
    p2, s2 = instantiate(t1, 2)
    edition.pages += [p1, p2]
    for s in s1 + s2:
        edition.stories[s.id] = s
    body1 = [f for f in p1.frames if isinstance(f, TextFrame) and f.role == "body"]
    body2 = [f for f in p2.frames if isinstance(f, TextFrame) and f.role == "body"]
    sid = body1[0].story_id
    assert sid is not None
    edition.stories[sid].paragraphs = [Paragraph.plain("Body", "kata " * 400)]
    # the body jumps to page 2's second body frame
    body2[1].story_id, body2[1].chain_index = sid, 2
    command = retemplate_page(edition, p1.id, library.get("berita-dua"))
    history.execute(command)
    chain = edition.chain(sid)
    new_p1 = edition.pages[0]
    on_p1 = [f for f in chain if new_p1.find_frame(f.id) is not None]
    assert len(on_p1) == 2 and chain[-1] is body2[1]
    assert [f.chain_index for f in chain] == list(range(len(chain)))
    history.undo()
    assert [f.id for f in edition.chain(sid)] == [f.id for f in body1] + [body2[1].id]
    assert [f.chain_index for f in edition.chain(sid)] == [0, 1, 2]


def test_groups_match_by_name_then_by_kind(library: TemplateLibrary) -> None:
    two = instantiate(library.get("berita-dua"), 1)[0].frames
    front = instantiate(library.get("halaman-depan"), 1)[0].frames
    seven = instantiate(library.get("broadsheet-tujuh"), 1)[0].frames
    assert match_groups(two, front) == {"main": "main"}  # 'second' is a story, not a teaser
    assert match_groups(front, two) == {"main": "main"}
    assert match_groups(two, seven) == {"main": "main", "second": "second"}
    assert match_groups(seven, two) == {"main": "main", "second": "second"}


def test_desk_drawn_box_is_kept_template_rules_are_not(
    sample: tuple[Edition, History], library: TemplateLibrary
) -> None:
    edition, history = sample
    page = edition.pages[1]
    box = Box("f-desk-box", Rect(mm(40), mm(300), mm(50), mm(20)))
    page.frames.append(box)
    command = retemplate_page(
        edition, page.id, library.get("berita-dua"), previous=library.get("berita-satu")
    )
    history.execute(command)
    new = edition.page_by_id(page.id)
    kept = new.find_frame("f-desk-box")
    assert kept is not None and _outside_bleed(new, kept.rect)
    rules_left = [f for f in new.frames if f.kind == "rule" and _outside_bleed(new, f.rect)]
    assert not rules_left


def test_empty_user_text_frame_is_dropped_filled_one_is_parked(
    sample: tuple[Edition, History], library: TemplateLibrary
) -> None:
    edition, history = sample
    page = edition.pages[1]
    for fid, text in (("f-empty", ""), ("f-note", "Catatan redaksi")):
        sid = "s-" + fid
        edition.stories[sid] = Story(sid, [Paragraph.plain("Body", text)])
        page.frames.append(TextFrame(fid, Rect(100, 100, 100, 40), story_id=sid))
    history.execute(retemplate_page(edition, page.id, library.get("berita-satu")))
    new = edition.page_by_id(page.id)
    assert new.find_frame("f-empty") is None
    note = new.find_frame("f-note")
    assert note is not None and _outside_bleed(new, note.rect)


def test_pasteboard_rects_stack_and_wrap_left() -> None:
    page = Page("p", 1, mm(280), mm(430), bleed=mm(3))
    sizes = [(mm(50), mm(200))] * 3 + [(mm(30), mm(10))]
    rects = pasteboard_rects(page, sizes)
    assert rects[0].right == pytest.approx(-mm(3) - PASTEBOARD_GAP)
    assert rects[0].y == 0 and rects[1].y == pytest.approx(mm(200) + PASTEBOARD_GAP)
    assert rects[2].right == pytest.approx(rects[0].x - PASTEBOARD_GAP)  # a new column
    for a in rects:
        assert a.right <= -page.bleed
        for b in rects:
            assert a is b or not a.intersects(b)


def test_unknown_page_raises_key_error(library: TemplateLibrary) -> None:
    with pytest.raises(KeyError):
        retemplate_page(Edition(), "p-none", library.get("berita-satu"))


def test_command_is_a_retemplate_with_copied_frames(
    sample: tuple[Edition, History], library: TemplateLibrary
) -> None:
    edition, _ = sample
    page = edition.pages[2]
    snapshot = copy.deepcopy(page.frames)
    command = retemplate_page(edition, page.id, library.get("halaman-depan"))
    assert isinstance(command, Retemplate)
    assert page.frames == snapshot  # the old page's frames were copied, not moved
