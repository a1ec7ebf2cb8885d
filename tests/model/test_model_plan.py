"""Model: the flat plan, its commands, and pages placed at their planned number."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.model import CommandError, Edition, History, Page
from kupang_layout.model.commands_plan import (
    BookAd,
    CancelAd,
    PlacePage,
    RenumberPages,
    SetPageCount,
    SetPlanEntry,
)
from kupang_layout.model.plan import AdBooking, Delivery, FlatPlan, PageState, page_state


def _page(number: int) -> Page:
    return Page(id=f"p{number}", number=number, width=800.0, height=1200.0)


def test_pages_are_made_in_any_order_and_keep_their_numbers() -> None:
    ed = Edition(number="537")
    history = History(ed)
    for n in (2, 7, 1):
        history.execute(PlacePage(_page(n)))
    assert [p.number for p in ed.pages] == [1, 2, 7]
    with pytest.raises(CommandError, match="page 7 exists already"):
        history.execute(PlacePage(Page(id="other", number=7, width=1.0, height=1.0)))
    history.undo()
    assert [p.number for p in ed.pages] == [2, 7]


def test_renumbering_only_when_asked_moves_plan_and_ads_along() -> None:
    ed = Edition()
    history = History(ed)
    history.execute(SetPageCount(8))
    for n in (3, 8):
        history.execute(PlacePage(_page(n)))
    history.execute(SetPlanEntry(8, section="Olahraga", assignee="Rina"))
    history.execute(BookAd(AdBooking("ad1", "Toko Sinar", page=8, columns=2, depth=200.0)))
    before = copy.deepcopy(ed)
    history.execute(RenumberPages())
    assert [p.number for p in ed.pages] == [1, 2]
    assert ed.plan.entry(2).section == "Olahraga"
    assert ed.plan.ads["ad1"].page == 2
    history.undo()
    assert ed == before


def test_bookings_are_checked() -> None:
    with pytest.raises(CommandError):
        BookAd(AdBooking("a", "X", page=1, size="custom", columns=0, depth=10.0))
    with pytest.raises(CommandError):
        BookAd(AdBooking("a", "X", page=1, size="poster"))
    with pytest.raises(CommandError):
        SetPlanEntry(3, colour="red")
    with pytest.raises(CommandError):
        SetPageCount(-1)


def test_page_state_follows_the_facts() -> None:
    plan = FlatPlan(page_count=4)

    def state(n: int, **kw: object) -> tuple[PageState, str]:
        args: dict[str, object] = {"has_content": False, "content": None}
        args.update(kw)
        return page_state(plan, n, **args)  # type: ignore[arg-type]

    assert state(1) == (PageState.EMPTY, "")
    plan.entries[1] = plan.entry(1).__class__(1, assignee="Rina")
    assert state(1) == (PageState.IN_PROGRESS, "Rina")
    assert state(2, worked_by="Yos") == (PageState.IN_PROGRESS, "Yos")
    assert state(3, has_content=True) == (PageState.IN_PROGRESS, "")
    plan.entries[4] = plan.entry(4).__class__(4, ready=True, ready_by="Ani")
    assert state(4) == (PageState.READY, "Ani")
    plan.deliveries.append(Delivery(4, "KT_04.pdf", "ab", "c1", "2026-12-06T15:02", "Ani"))
    assert state(4, content="c1") == (PageState.SENT, "2026-12-06T15:02")
    assert state(4, content="c2")[0] is PageState.CHANGED


_commands = st.one_of(
    st.integers(0, 30).map(SetPageCount),
    st.builds(
        lambda n, s, r: SetPlanEntry(n, section=s, ready=r),
        st.integers(1, 30),
        st.sampled_from(["", "Utama", "Daerah"]),
        st.booleans(),
    ),
    st.builds(
        lambda i, n: BookAd(AdBooking(f"ad{i}", "Adv", page=n, size="quarter")),
        st.integers(0, 3),
        st.integers(1, 30),
    ),
    st.integers(1, 30).map(lambda n: PlacePage(_page(n))),
    st.just(RenumberPages()).map(lambda _: RenumberPages()),
    st.integers(0, 3).map(lambda i: CancelAd(f"ad{i}")),
)


@given(st.lists(_commands, max_size=25))
def test_any_plan_edit_undoes_exactly(commands: list[object]) -> None:
    ed = Edition()
    history = History(ed)
    snapshots = [copy.deepcopy(ed)]
    for command in commands:
        try:
            history.execute(command)  # type: ignore[arg-type]
        except CommandError:
            continue
        snapshots.append(copy.deepcopy(ed))
        numbers = [p.number for p in ed.pages]
        assert numbers == sorted(set(numbers))  # never two pages with one number
    while len(snapshots) > 1:
        snapshots.pop()
        history.undo()
        assert ed == snapshots[-1]


def test_a_page_with_two_frames_of_one_id_is_refused() -> None:
    from kupang_layout.model import Box, Rect
    from kupang_layout.model.commands_pages import AddPage, ReplacePage

    ed = Edition()
    History(ed).execute(PlacePage(_page(1)))
    twin = _page(2)
    twin.frames = [Box(id="b", rect=Rect(0, 0, 1, 1)), Box(id="b", rect=Rect(5, 5, 1, 1))]
    for command in (PlacePage(twin), AddPage(twin), ReplacePage("p1", twin, [])):
        with pytest.raises(CommandError, match="exists already"):
            History(ed).execute(command)


def test_ad_frames_take_the_booked_size_in_the_bottom_right() -> None:
    from kupang_layout.model import mm
    from kupang_layout.model.ads import AD_ROLE, ad_frame
    from kupang_layout.model.geometry import ColumnGrid, Margins

    page = Page(
        id="p",
        number=3,
        width=mm(280),
        height=mm(430),
        margins=Margins(mm(20), mm(15), mm(12), mm(12)),
        columns=ColumnGrid(5, mm(4.5)),
    )
    area = page.content_rect
    col = (area.width - 4 * mm(4.5)) / 5
    booking = AdBooking("ad7", "Toko Sinar", page=3, columns=3, depth=mm(100))
    frame = ad_frame(page, booking, "f-ad7")
    assert frame.locked and frame.role == AD_ROLE and frame.extra == {"ad": "ad7"}
    assert frame.rect.width == pytest.approx(3 * col + 2 * mm(4.5))
    assert frame.rect.height == pytest.approx(mm(100))
    assert frame.rect.right == pytest.approx(area.right)
    assert frame.rect.bottom == pytest.approx(area.bottom)
    full = ad_frame(page, AdBooking("f", "X", page=3, size="full"), "f1").rect
    assert (full.x, full.y, full.width, full.height) == pytest.approx(
        (area.x, area.y, area.width, area.height)
    )
    half = ad_frame(page, AdBooking("h", "X", page=3, size="half"), "f2").rect
    assert half.width == pytest.approx(area.width)
    assert 2 * half.height + mm(4.5) == pytest.approx(area.height)
    quarter = ad_frame(page, AdBooking("q", "X", page=3, size="quarter"), "f3").rect
    assert 2 * quarter.width + mm(4.5) == pytest.approx(area.width)
