"""Model unit tests: styles, commands, history, templates."""

from __future__ import annotations

import copy

import pytest

from kupang_layout.model import (
    AddFrame,
    AddPage,
    CommandError,
    Edition,
    History,
    ImageFrame,
    LinkFrames,
    MovePage,
    Page,
    Paragraph,
    ParagraphStyle,
    Rect,
    RemoveFrame,
    RemovePage,
    ReplacePage,
    SetFrameProperties,
    SetFrameRect,
    SetParagraphText,
    Story,
    StyleError,
    TextFrame,
    UnlinkFrame,
    instantiate,
    mm,
    page_to_template,
    resolve_paragraph_style,
    to_mm,
)


def make_edition(pages: int = 1) -> Edition:
    ed = Edition(number="612", date="2024-10-14")
    for i in range(pages):
        ed.pages.append(Page(id=f"p{i}", number=i + 1, width=mm(280), height=mm(430)))
    return ed


def test_units_round_trip() -> None:
    assert mm(25.4) == pytest.approx(72.0)
    assert to_mm(mm(123.4)) == pytest.approx(123.4)


def test_style_inheritance_and_cycles() -> None:
    ed = Edition()
    quote = resolve_paragraph_style(ed.paragraph_styles, "Quote")
    body = resolve_paragraph_style(ed.paragraph_styles, "Body")
    assert quote.font_face == "Italic"
    assert quote.size == body.size == 9.5
    styles = {
        "A": ParagraphStyle("A", based_on="B"),
        "B": ParagraphStyle("B", based_on="A"),
    }
    with pytest.raises(StyleError, match="cycle"):
        resolve_paragraph_style(styles, "A")
    with pytest.raises(StyleError, match="does not exist"):
        resolve_paragraph_style(styles, "Missing")


def test_history_undo_redo_and_modified_flag() -> None:
    ed = make_edition()
    h = History(ed)
    frame = TextFrame(id="t1", rect=Rect(10, 10, 100, 100))
    h.execute(AddFrame("p0", frame, story=Story(id="s1")))
    assert h.is_modified
    h.mark_clean()
    h.execute(SetFrameRect("t1", Rect(20, 20, 100, 100)))
    assert ed.pages[0].frames[0].rect.x == 20
    assert h.undo()
    assert ed.pages[0].frames[0].rect.x == 10
    assert not h.is_modified
    assert h.redo()
    assert ed.pages[0].frames[0].rect.x == 20
    h.undo()
    h.execute(SetFrameProperties("t1", locked=True))
    assert h.is_modified  # the clean state was in the lost redo branch
    assert not h.can_redo


def test_group_is_one_step() -> None:
    ed = make_edition()
    h = History(ed)
    h.execute(AddFrame("p0", ImageFrame(id="i1", rect=Rect(0, 0, 50, 50))))
    start = copy.deepcopy(ed)
    with h.group("drag"):
        for dx in range(1, 20):
            h.execute(SetFrameRect("i1", Rect(dx, dx, 50, 50)))
    assert ed.pages[0].frames[0].rect.x == 19
    h.undo()
    assert ed == start


def test_failed_command_changes_nothing() -> None:
    ed = make_edition()
    h = History(ed)
    before = copy.deepcopy(ed)
    with pytest.raises(CommandError):
        h.execute(SetFrameRect("nope", Rect(0, 0, 1, 1)))
    with pytest.raises(CommandError):
        h.execute(AddFrame("p0", TextFrame(id="t", rect=Rect(0, 0, 1, 1))))
        h.execute(SetFrameProperties("t", id="x"))
    assert not h.can_redo
    h.undo()
    assert ed == before


def test_link_and_unlink_keep_all_text() -> None:
    ed = make_edition()
    h = History(ed)
    s1 = Story(id="s1", paragraphs=[Paragraph.plain("Body", "satu")])
    s2 = Story(id="s2", paragraphs=[Paragraph.plain("Body", "dua")])
    h.execute(AddFrame("p0", TextFrame(id="a", rect=Rect(0, 0, 10, 10), story_id="s1"), story=s1))
    h.execute(AddFrame("p0", TextFrame(id="b", rect=Rect(0, 0, 10, 10), story_id="s2"), story=s2))
    start = copy.deepcopy(ed)
    h.execute(LinkFrames("a", "b"))
    assert [f.id for f in ed.chain("s1")] == ["a", "b"]
    assert [p.text for p in ed.stories["s1"].paragraphs] == ["satu", "dua"]
    assert "s2" not in ed.stories
    h.execute(UnlinkFrame("a", "s3"))
    assert [f.id for f in ed.chain("s1")] == ["a"]
    assert [f.id for f in ed.chain("s3")] == ["b"]
    h.undo()
    h.undo()
    assert ed == start


def test_pages_renumber_and_undo() -> None:
    ed = make_edition(3)
    h = History(ed)
    start = copy.deepcopy(ed)
    h.execute(MovePage("p0", 2))
    assert [p.id for p in ed.pages] == ["p1", "p2", "p0"]
    assert [p.number for p in ed.pages] == [1, 2, 3]
    h.execute(RemovePage("p2"))
    assert [p.number for p in ed.pages] == [1, 2]
    h.execute(AddPage(Page(id="p9", number=0, width=100, height=100), index=0))
    assert [p.id for p in ed.pages] == ["p9", "p1", "p0"]
    while h.undo():
        pass
    assert ed == start


@pytest.mark.parametrize("replace", [False, True])
def test_a_page_bringing_two_stories_under_one_id_is_refused(replace: bool) -> None:
    """Found by the random command test: both stories were stored under the id (the
    second kept), and undoing removed the id twice (KeyError). Now nothing changes."""
    ed = make_edition(1)
    h = History(ed)
    start = copy.deepcopy(ed)
    twins = [Story(id="s-x", paragraphs=[Paragraph.plain("Body", t)]) for t in ("a", "b")]
    page = Page(id="p9", number=0, width=100, height=100)
    command = ReplacePage("p0", page, twins) if replace else AddPage(page, stories=twins)
    with pytest.raises(CommandError, match="s-x"):
        h.execute(command)
    assert ed == start
    assert not h.can_undo


def test_remove_frame_keeps_story() -> None:
    ed = make_edition()
    h = History(ed)
    s = Story(id="s1", paragraphs=[Paragraph.plain("Body", "teks")])
    h.execute(AddFrame("p0", TextFrame(id="a", rect=Rect(0, 0, 10, 10), story_id="s1"), story=s))
    h.execute(RemoveFrame("a"))
    assert "s1" in ed.stories
    h.execute(SetParagraphText("s1", 0, "teks baru"))
    assert ed.stories["s1"].paragraphs[0].text == "teks baru"


def test_template_round_trip_empties_slots_and_keeps_static_text() -> None:
    ed = make_edition()
    page = ed.pages[0]
    head = Story(id="h", paragraphs=[Paragraph.plain("Headline", "Judul berita")])
    mast = Story(id="m", paragraphs=[Paragraph.plain("Masthead", "KUPANG TIMES")])
    ed.stories.update({"h": head, "m": mast})
    page.frames += [
        TextFrame(id="f1", rect=Rect(0, 0, 100, 40), story_id="h", role="headline"),
        TextFrame(id="f2", rect=Rect(0, 50, 100, 40), story_id="m", role="masthead"),
        ImageFrame(id="f3", rect=Rect(0, 100, 100, 40), role="photo", asset="abc"),
    ]
    t = page_to_template(page, ed.stories, ed.paragraph_styles, ed.character_styles, "T")
    new_page, stories = instantiate(t, 5)
    assert new_page.number == 5 and new_page.template == "T"
    assert {f.id for f in new_page.frames}.isdisjoint({"f1", "f2", "f3"})
    texts = {s.paragraphs[0].style: s.paragraphs[0].text for s in stories}
    assert texts == {"Headline": "", "Masthead": "KUPANG TIMES"}
    photo = next(f for f in new_page.frames if isinstance(f, ImageFrame))
    assert photo.asset is None
