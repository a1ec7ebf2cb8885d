"""Model stage: where a booked advertisement sits on its page, and the locked frame it gets.

A booking is sold by size: a number of grid columns by a depth in millimetres, or
a full, half or quarter page. The ad goes in the bottom right of the type area,
as newspapers stack their ads (the "pyramid" from the foot of the page); the
desk may move the frame, never resize it (it is locked).
"""

from __future__ import annotations

from kupang_layout.model.assets import Asset
from kupang_layout.model.frames import AnyFrame, ImageFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.plan import AdBooking

__all__ = [
    "AD_ROLE",
    "ad_frame",
    "ad_frames",
    "ad_size",
    "booking_of",
    "content_size",
    "is_pdf_asset",
    "pdf_trim",
]

#: The slot role of an ad frame; its `extra["ad"]` names the booking.
AD_ROLE = "ad"


def booking_of(frame: AnyFrame) -> str | None:
    """The booking id an ad frame carries, or None for any other frame."""
    if not isinstance(frame, ImageFrame) or frame.role != AD_ROLE:
        return None
    value = frame.extra.get("ad")
    return value if isinstance(value, str) and value else None


def ad_frames(page: Page) -> list[ImageFrame]:
    """The ad frames of a page (role "ad"), bottom first."""
    return [f for f in page.frames if isinstance(f, ImageFrame) and f.role == AD_ROLE]


def is_pdf_asset(asset: Asset) -> bool:
    """Whether the asset is a PDF (an ad placed as vector) rather than a picture."""
    return asset.ext == "pdf"


def pdf_trim(asset: Asset) -> tuple[float, float, float, float] | None:
    """A PDF asset's first-page trim box (x0, y0, x1, y1, PDF points) as recorded at the
    door (`extra["pdf"]["trim"]`), or None when it is not recorded or not a PDF."""
    if not is_pdf_asset(asset):
        return None
    info = asset.extra.get("pdf")
    box = info.get("trim") if isinstance(info, dict) else None
    if not isinstance(box, list | tuple) or len(box) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(v) for v in box)
    except (TypeError, ValueError):
        return None
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def content_size(asset: Asset) -> tuple[float, float] | None:
    """A PDF asset's exact trim size in points (None for a picture: its size is pixels)."""
    box = pdf_trim(asset)
    if box is not None:
        return box[2] - box[0], box[3] - box[1]
    if is_pdf_asset(asset):
        return float(asset.width_px), float(asset.height_px)
    return None


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
