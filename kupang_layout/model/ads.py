"""Model stage: where a booked advertisement sits on its page, and the locked frame it gets.

A booking is sold by size: a number of grid columns by a depth in millimetres, or
a full, half or quarter page. The ad goes in the bottom right of the type area,
as newspapers stack their ads (the "pyramid" from the foot of the page); the
desk may move the frame, never resize it (it is locked).
"""

from __future__ import annotations

from kupang_layout.model.frames import ImageFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.plan import AdBooking

__all__ = ["AD_ROLE", "ad_frame", "ad_size"]

#: The slot role of an ad frame; its `extra["ad"]` names the booking.
AD_ROLE = "ad"


def ad_size(page: Page, booking: AdBooking) -> tuple[float, float]:
    """The booked width and depth in points on this page's grid."""
    area = page.content_rect
    if booking.size == "full":
        return area.width, area.height
    if booking.size == "half":
        return area.width, (area.height - page.columns.gutter) / 2
    if booking.size == "quarter":
        half_width = (area.width - page.columns.gutter) / 2
        return half_width, (area.height - page.columns.gutter) / 2
    edges = page.column_edges()
    columns = max(1, min(booking.columns, len(edges)))
    left = edges[len(edges) - columns][0]
    right = edges[-1][1]
    return right - left, min(booking.depth, area.height)


def ad_frame(page: Page, booking: AdBooking, frame_id: str) -> ImageFrame:
    """A locked ad frame of the booked size in the bottom right of the type area."""
    area = page.content_rect
    width, depth = ad_size(page, booking)
    return ImageFrame(
        id=frame_id,
        rect=Rect(area.right - width, area.bottom - depth, width, depth),
        name=booking.advertiser,
        locked=True,
        role=AD_ROLE,
        slot=AD_ROLE,
        asset=booking.asset,
        fit="fit",
        extra={"ad": booking.id},
    )
