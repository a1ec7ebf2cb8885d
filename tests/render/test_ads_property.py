"""Placing an ad, for any booking: the frame lies in the type area at the booked size, the ad
is drawn whole at 100 % when its file is the booked size, and undo restores the edition."""

from __future__ import annotations

import dataclasses

from ad_testkit import ad_edition, make_ad
from hypothesis import given, settings
from hypothesis import strategies as st

from kupang_layout.editing.ads import ad_frame_of, place_ad, take_ad_file
from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model.ads import ad_size
from kupang_layout.model.history import History
from kupang_layout.model.units import mm
from kupang_layout.storage import edition_to_json

bookings = st.one_of(
    st.builds(lambda c, d: ("custom", c, d), st.integers(1, 8), st.floats(10.0, 500.0)),
    st.sampled_from([("full", 1, 0.0), ("half", 1, 0.0), ("quarter", 1, 0.0)]),
)


@settings(max_examples=25, deadline=None)
@given(bookings)
def test_placing_any_booking(booking_spec: tuple[str, int, float]) -> None:
    size, columns, depth_mm = booking_spec
    edition, booking = ad_edition()
    booking = dataclasses.replace(booking, size=size, columns=columns, depth=mm(depth_mm))
    edition.plan.ads[booking.id] = booking
    page = edition.pages[0]
    before = edition_to_json(edition)
    width, height = ad_size(page, booking)
    asset = take_ad_file(edition, make_ad(width, height), "iklan.pdf")
    history = History(edition)
    history.execute(place_ad(edition, booking.id, asset))
    frame = ad_frame_of(edition, booking.id)
    assert frame is not None and frame.locked
    area = page.content_rect
    eps = 1e-6
    assert area.x - eps <= frame.rect.x and frame.rect.right <= area.right + eps
    assert area.y - eps <= frame.rect.y and frame.rect.bottom <= area.bottom + eps
    assert abs(frame.rect.width - width) < eps and abs(frame.rect.height - height) < eps
    dl = LayoutEngine().layout_page(edition, page)
    item = next(i for i in dl.items if isinstance(i, ImageItem) and i.frame_id == frame.id)
    assert abs(item.img_width - width) < 1e-3 and abs(item.img_height - height) < 1e-3
    assert item.visible_rect() is not None
    history.undo()
    assert edition_to_json(edition) == before
