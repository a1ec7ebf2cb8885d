"""The slot stack (issue 16 leftovers): a closed frame keeps a record and reopens from it
exactly; a frame closed already is never closed a second time."""

from __future__ import annotations

import copy

import pytest
from feature_editions_fit import _slots

from kupang_layout.model.command import Command
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.slot_stack import (
    CLOSED,
    Stack,
    closed_record,
    collapse_commands,
    is_closed,
    property_commands,
    rect_commands,
)
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.units import mm

BOTTOM = mm(418)


def _edition() -> Edition:
    ed = Edition(number="612", date="2024-10-14")
    frames = _slots("keep")
    ed.pages.append(Page(id="p1", number=1, width=mm(280), height=mm(430), frames=frames))
    for f in frames:
        if isinstance(f, TextFrame) and f.story_id:
            ed.stories[f.story_id] = Story(f.story_id, [Paragraph.plain(f.paragraph_style, "")])
    return ed


def _by_id(ed: Edition, fid: str) -> AnyFrame:
    return next(f for f in ed.pages[0].frames if f.id == fid)


def _run(ed: Edition, commands: list[Command]) -> None:
    for c in commands:
        c.do(ed)


@pytest.mark.parametrize("closing", [["deck"], ["quote"], ["section", "deck", "quote", "tagline"]])
def test_reopening_undoes_collapsing_exactly(closing: list[str]) -> None:
    ed = _edition()
    page = ed.pages[0]
    for f in page.frames:
        f.empty_slot = "collapse"
    before = copy.deepcopy(page.frames)
    _run(ed, collapse_commands(page.frames, BOTTOM, [_by_id(ed, i) for i in closing]))
    closed = [_by_id(ed, i) for i in closing]
    assert all(is_closed(f) and f.rect.height == 0 for f in closed)
    quote_rules = [_by_id(ed, "pq-top"), _by_id(ed, "pq-bottom")]
    if "quote" in closing:  # its companions stop printing with it
        assert not any(r.printable for r in quote_rules)
        assert closed_record(_by_id(ed, "quote"))["companions"] == ["pq-top", "pq-bottom"]  # type: ignore[index]
    moved = [f.id for f, b in zip(page.frames, before, strict=True) if f.rect != b.rect]
    assert set(moved) - set(closing)  # frames below moved up
    _run(ed, collapse_commands(page.frames, BOTTOM, [], filled=closed))
    for f, b in zip(page.frames, before, strict=True):
        assert f.rect.x == pytest.approx(b.rect.x) and f.rect.width == pytest.approx(b.rect.width)
        assert f.rect.y == pytest.approx(b.rect.y), f.id
        assert f.rect.height == pytest.approx(b.rect.height), f.id
        assert f.printable and CLOSED not in f.extra


def test_a_closed_frame_is_not_closed_twice() -> None:
    """Closing the pull quote again (a second import without one) moved the hairline and
    the tagline up a second time; now nothing moves."""
    ed = _edition()
    page = ed.pages[0]
    quote = _by_id(ed, "quote")
    quote.empty_slot = "collapse"
    _run(ed, collapse_commands(page.frames, BOTTOM, [quote]))
    after = copy.deepcopy(page.frames)
    commands = collapse_commands(page.frames, BOTTOM, [quote])
    assert not [c for c in commands if type(c).__name__ != "SetStoryParagraphs"]
    _run(ed, commands)
    assert page.frames == after


def test_a_collapsed_frame_of_an_older_file_counts_as_closed() -> None:
    """No record (collapsed by the first version): not closed again, and not reopened
    (its height is not known), so nothing moves."""
    ed = _edition()
    deck = _by_id(ed, "deck")
    deck.empty_slot = "collapse"
    _run(ed, collapse_commands(ed.pages[0].frames, BOTTOM, [deck]))
    deck.extra.pop(CLOSED)
    assert is_closed(deck) and closed_record(deck) is None
    stack = Stack(ed.pages[0].frames, BOTTOM)
    assert not stack.reopen(deck)
    assert rect_commands(stack) == [] and property_commands(stack, "x") == []


def test_a_hidden_frame_prints_again_where_it_was() -> None:
    ed = _edition()
    quote = _by_id(ed, "quote")
    quote.empty_slot = "hide"
    before = copy.deepcopy(ed.pages[0].frames)
    _run(ed, collapse_commands(ed.pages[0].frames, BOTTOM, [quote]))
    assert not quote.printable and quote.rect == before[5].rect
    assert not _by_id(ed, "pq-top").printable
    _run(ed, collapse_commands(ed.pages[0].frames, BOTTOM, [], filled=[quote]))
    assert ed.pages[0].frames == before


def test_companions_renamed_since_are_found_by_their_place() -> None:
    """A duplicated page gives its frames new ids: the closed quote's rules print again
    all the same when it reopens."""
    ed = _edition()
    page = ed.pages[0]
    quote = _by_id(ed, "quote")
    quote.empty_slot = "collapse"
    before = copy.deepcopy(page.frames)
    _run(ed, collapse_commands(page.frames, BOTTOM, [quote]))
    for f in page.frames:
        if f.id in ("pq-top", "pq-bottom"):
            f.id = f.id + "-copy"
    _run(ed, collapse_commands(page.frames, BOTTOM, [], filled=[quote]))
    for f, b in zip(page.frames, before, strict=True):
        assert f.printable
        assert f.rect.y == pytest.approx(b.rect.y) and f.rect.height == pytest.approx(b.rect.height)
