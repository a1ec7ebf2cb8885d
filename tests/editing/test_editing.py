"""The editing operations (Qt-free, `kupang_layout.editing`): snapping, handles, frame operations,
text edits back to runs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.editing import frame_ops, handles, snapping, text_sync
from kupang_layout.model import (
    Box,
    Edition,
    Guide,
    History,
    Page,
    Paragraph,
    Rect,
    Rule,
    Run,
    Story,
    mm,
)


def _page() -> Page:
    page = Page("p", 1, mm(280), mm(430))
    page.guides.append(Guide("h", 300.0))
    page.frames.append(Box("a", Rect(100, 100, 50, 40)))
    return page


def test_targets_cover_the_grid_and_frames() -> None:
    page = _page()
    t = snapping.page_targets(page)
    xs = {(x.position, x.kind) for x in t.xs}
    ys = {(y.position, y.kind) for y in t.ys}
    left, right = page.column_edges()[1]
    assert (left, snapping.COLUMN) in xs and (right, snapping.COLUMN) in xs
    assert (page.content_rect.x, snapping.MARGIN) in xs
    assert (page.width / 2, snapping.CENTRE) in xs
    assert (300.0, snapping.GUIDE) in ys
    assert (100.0, snapping.FRAME_EDGE) in ys and (120.0, snapping.FRAME_CENTRE) in ys
    assert not any(x.kind == snapping.FRAME_EDGE for x in snapping.page_targets(page, ["a"]).xs)
    baselines = [y for y in t.ys if y.kind == snapping.BASELINE]
    assert baselines[1].position - baselines[0].position == pytest.approx(page.baseline.leading)


def test_snap_rect_picks_the_nearest_edge_within_tolerance() -> None:
    page = _page()
    t = snapping.page_targets(page, kinds=frozenset({snapping.COLUMN}))
    left = page.column_edges()[2][0]
    res = snapping.snap_rect(Rect(left + 2.0, 500, 60, 30), t, tolerance=3.0)
    assert res.dx == pytest.approx(-2.0) and res.dy == 0.0
    assert [line.position for line in res.lines] == [pytest.approx(left)]
    assert snapping.snap_rect(Rect(left + 5.0, 500, 60, 30), t, tolerance=3.0).dx == 0.0


@given(st.floats(-50, 50), st.floats(0.5, 10))
def test_snapping_never_moves_more_than_the_tolerance(offset: float, tol: float) -> None:
    page = _page()
    t = snapping.page_targets(page)
    res = snapping.snap_rect(Rect(200 + offset, 200 + offset, 40, 40), t, tol)
    assert abs(res.dx) <= tol + 1e-9 and abs(res.dy) <= tol + 1e-9


def test_resize_rect_moves_the_handle_edges() -> None:
    r = Rect(10, 10, 100, 50)
    assert handles.resize_rect(r, "br", 150, 90) == Rect(10, 10, 140, 80)
    assert handles.resize_rect(r, "l", 30, 999) == Rect(30, 10, 80, 50)
    assert handles.resize_rect(r, "t", 0, 0) == Rect(10, 0, 100, 60)
    flipped = handles.resize_rect(r, "r", 0, 0)  # past the left edge: flips
    assert flipped == Rect(0, 10, 10, 50)
    kept = handles.resize_rect(r, "br", 210, 20, keep_ratio=True)
    assert kept.width / kept.height == pytest.approx(2.0) and kept.width == pytest.approx(200)
    side = handles.resize_rect(r, "r", 160, 0, keep_ratio=True)
    assert side.width == 150 and side.height == pytest.approx(75) and side.center[1] == 35


def test_rule_rect_straightens_and_hits() -> None:
    assert handles.rule_rect(50, 10, 10, 14) == Rect(10, 10, 40, 0)
    assert handles.rule_rect(5, 40, 7, 0) == Rect(5, 0, 0, 40)
    rule = Rule("r", Rect(0, 10, 100, 0), weight=0.5)
    assert handles.hits(rule, 50, 11.5, 2.0) and not handles.hits(rule, 50, 14, 2.0)


def test_arrange_commands_keep_relative_order() -> None:
    ed = Edition()
    page = Page("p", 1, 500, 500)
    page.frames = [Box(i, Rect(0, 0, 10, 10)) for i in "abcd"]
    ed.pages.append(page)
    h = History(ed)
    order = lambda: "".join(f.id for f in page.frames)  # noqa: E731
    for how, ids, want in [
        ("forward", ["a", "b"], "cabd"),
        ("front", ["a", "c"], "bdca"),
        ("back", ["c", "a"], "cabd"),
        ("backward", ["c"], "cabd"),
        ("forward", ["d"], "cabd"),
    ]:
        for c in frame_ops.arrange_commands(page, ids, how):
            h.execute(c)
        assert order() == want, how


def test_duplicate_copies_a_text_frame_with_its_own_story() -> None:
    from kupang_layout.model import TextFrame

    ed = Edition()
    page = Page("p", 1, 500, 500)
    ed.pages.append(page)
    ed.stories["s"] = Story("s", [Paragraph.plain("Body", "Halo")])
    page.frames.append(TextFrame("t", Rect(0, 0, 100, 100), story_id="s"))
    h = History(ed)
    commands, ids = frame_ops.duplicate_commands(ed, ["t"], 10, 10)
    for c in commands:
        h.execute(c)
    dup = page.frame(ids[0])
    assert isinstance(dup, TextFrame) and dup.story_id != "s"
    assert ed.stories[dup.story_id or ""].text == "Halo" and dup.rect == Rect(10, 10, 100, 100)


def test_edit_runs_keeps_styles_around_the_edit() -> None:
    runs = [Run("Kupang "), Run("Times", "Bold"), Run(" hari ini")]
    out = text_sync.edit_runs(runs, "Kupang Timeses hari ini")
    assert [(r.text, r.char_style) for r in out] == [
        ("Kupang ", None),
        ("Timeses", "Bold"),
        (" hari ini", None),
    ]
    out = text_sync.edit_runs(runs, "Kota Kupang Times hari ini")
    assert "".join(r.text for r in out) == "Kota Kupang Times hari ini"
    assert out[1].char_style == "Bold" and out[1].text == "Times"


@given(
    st.lists(
        st.tuples(st.text("abc ", min_size=1, max_size=6), st.sampled_from([None, "B"])),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, 30),
    st.integers(0, 30),
    st.text("xyz", max_size=5),
)
def test_edit_runs_invariants(parts, start: int, length: int, inserted: str) -> None:  # type: ignore[no-untyped-def]
    runs = [Run(t, s) for t, s in parts]
    old = "".join(t for t, _ in parts)
    start = min(start, len(old))
    end = min(len(old), start + length)
    new = old[:start] + inserted + old[end:]
    out = text_sync.edit_runs(runs, new)
    assert "".join(r.text for r in out) == new
    owner = [s for t, s in parts for _ in t]
    new_owner = [r.char_style for r in out for _ in r.text]
    # characters before the edit and after it keep their style
    pre = 0
    while pre < min(len(old), len(new)) and old[pre] == new[pre]:
        pre += 1
    assert new_owner[:pre] == owner[:pre]


def test_story_commands_in_place_and_structural() -> None:
    story = Story(
        "s",
        [
            Paragraph.plain("Body", "Satu"),
            Paragraph.plain("Body", "Dua"),
            Paragraph.plain("Lead", "Tiga"),
        ],
    )
    commands, structural = text_sync.story_commands(
        story, [("Body", "Satu!"), ("Quote", "Dua"), ("Lead", "Tiga")]
    )
    assert not structural and [type(c).__name__ for c in commands] == [
        "SetParagraphText",
        "SetParagraphStyleName",
    ]
    commands, structural = text_sync.story_commands(
        story, [("Body", "Sa"), ("Body", "tu"), ("Body", "Dua"), ("Lead", "Tiga")]
    )
    assert structural and len(commands) == 1
    ed = Edition()
    ed.stories["s"] = story
    commands[0].do(ed)
    assert [p.text for p in story.paragraphs] == ["Sa", "tu", "Dua", "Tiga"]
