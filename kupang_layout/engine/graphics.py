"""Engine stage: image, rule and box frames to display items (bleed extension, fitting)."""

from __future__ import annotations

from kupang_layout.engine.displaylist import BoxItem, ImageItem, Ink, Item, Marker, RuleItem
from kupang_layout.model.ads import content_size
from kupang_layout.model.assets import Asset
from kupang_layout.model.color import Swatch
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import Box, ImageFrame, Rule
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page

# A frame edge this close to the trim edge "touches" it and runs on into the bleed.
TOUCH_EPSILON = 0.5
FALLBACK_INK = Ink("Black", 0.0, 0.0, 0.0, 100.0)


def ink_for(edition: Edition, swatch_name: str | None, overprint_black: bool) -> Ink | None:
    """The display ink of a swatch. 100 % K overprints when asked (text, rules)."""
    if swatch_name is None:
        return None
    sw: Swatch | None = edition.swatches.get(swatch_name)
    if sw is None:
        return Ink(swatch_name, 0.0, 0.0, 0.0, 100.0, overprint_black)
    return Ink(sw.name, sw.c, sw.m, sw.y, sw.k, overprint_black and sw.is_pure_black)


def bleed_extended(rect: Rect, page: Page) -> Rect:
    """The rect with every edge that touches the trim pushed out to the bleed edge."""
    x0, y0, x1, y1 = rect.x, rect.y, rect.right, rect.bottom
    b = page.bleed
    if x0 <= TOUCH_EPSILON:
        x0 = min(x0, -b)
    if y0 <= TOUCH_EPSILON:
        y0 = min(y0, -b)
    if x1 >= page.width - TOUCH_EPSILON:
        x1 = max(x1, page.width + b)
    if y1 >= page.height - TOUCH_EPSILON:
        y1 = max(y1, page.height + b)
    return Rect(x0, y0, x1 - x0, y1 - y0)


def image_placement(frame: ImageFrame, clip: Rect, width_px: float, height_px: float) -> Rect:
    """Where the whole picture lands for the frame's fit mode, scale and offset.

    A PDF ad's size is its exact trim size in points (so 'manual' shows it at 100 %)."""
    if width_px <= 0 or height_px <= 0:
        return clip
    if frame.fit == "stretch":
        return clip
    if frame.fit == "fill":
        base = max(clip.width / width_px, clip.height / height_px)
    elif frame.fit == "fit":
        base = min(clip.width / width_px, clip.height / height_px)
    else:  # manual: 72 ppi
        base = 1.0
    w = width_px * base * frame.scale
    h = height_px * base * frame.scale
    cx, cy = clip.center
    return Rect(cx - w / 2 + frame.offset_x, cy - h / 2 + frame.offset_y, w, h)


def upright_size(asset: Asset, edition: Edition) -> tuple[int, int]:
    """The asset's pixel size as a viewer shows it (EXIF orientation applied).

    Assets placed by this version carry it; one of an older edition (orientation 0)
    is settled from its bytes' header once per process (kupang_layout.imaging).
    """
    if asset.settled:
        return asset.width_px, asset.height_px
    from kupang_layout.imaging.assets import upright_asset_size  # only for old editions

    return upright_asset_size(asset, edition.asset_source)


def image_items(frame: ImageFrame, page: Page, edition: Edition) -> list[Item]:
    """An image frame: the clipped picture, or an empty-slot marker."""
    clip = bleed_extended(frame.rect, page)
    items: list[Item] = []
    asset = edition.assets.get(frame.asset) if frame.asset else None
    if asset is None:
        label = "missing" if frame.asset else "empty"
        items.append(
            Marker(
                "image-" + label,
                frame.rect.x,
                frame.rect.y,
                frame.rect.width,
                frame.rect.height,
                frame.id,
                frame.name,
            )
        )
    else:
        width_px, height_px = upright_size(asset, edition)
        exact = content_size(asset)  # a PDF ad: its trim size in points, not rounded
        placed = image_placement(frame, clip, *(exact or (width_px, height_px)))
        items.append(ImageItem(
            asset=asset.sha256,
            clip_x=clip.x, clip_y=clip.y, clip_width=clip.width, clip_height=clip.height,
            img_x=placed.x, img_y=placed.y, img_width=placed.width, img_height=placed.height,
            width_px=width_px, height_px=height_px, frame_id=frame.id,
        ))  # fmt: skip
    stroke = ink_for(edition, frame.stroke, overprint_black=True)
    if stroke is not None and frame.stroke_weight > 0:
        r = frame.rect
        items.append(BoxItem(r.x, r.y, r.width, r.height, None, stroke, frame.stroke_weight,
                             frame.id))  # fmt: skip
    return items


def _extend_span(lo: float, hi: float, size: float, bleed: float) -> tuple[float, float]:
    if lo <= TOUCH_EPSILON:
        lo = min(lo, -bleed)
    if hi >= size - TOUCH_EPSILON:
        hi = max(hi, size + bleed)
    return lo, hi


def rule_items(frame: Rule, page: Page, edition: Edition) -> list[Item]:
    """A rule; an end at the trim edge runs on into the bleed."""
    (x1, y1), (x2, y2) = frame.ends
    ink = ink_for(edition, frame.swatch, overprint_black=True) or FALLBACK_INK
    if y1 == y2:  # horizontal
        x1, x2 = _extend_span(min(x1, x2), max(x1, x2), page.width, page.bleed)
    elif x1 == x2:  # vertical
        y1, y2 = _extend_span(min(y1, y2), max(y1, y2), page.height, page.bleed)
    return [RuleItem(x1, y1, x2, y2, frame.weight, ink, frame.id)]


def box_items(frame: Box, page: Page, edition: Edition) -> list[Item]:
    """A box; a filled box touching the trim runs on into the bleed."""
    fill = ink_for(edition, frame.fill, overprint_black=False)
    stroke = ink_for(edition, frame.stroke, overprint_black=True)
    rect = bleed_extended(frame.rect, page) if fill is not None else frame.rect
    if fill is None and (stroke is None or frame.stroke_weight <= 0):
        return []
    return [BoxItem(rect.x, rect.y, rect.width, rect.height, fill,
                    stroke if frame.stroke_weight > 0 else None, frame.stroke_weight,
                    frame.id)]  # fmt: skip
