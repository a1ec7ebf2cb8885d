"""Preflight stage: document rules on pictures, bleed and ink of a page's display list."""

from __future__ import annotations

import math

from kupang_layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    Ink,
    PageDisplayList,
    item_inks,
)
from kupang_layout.engine.graphics import TOUCH_EPSILON
from kupang_layout.imaging.assets import asset_problem
from kupang_layout.model.color import REGISTRATION
from kupang_layout.model.units import mm, to_mm
from kupang_layout.preflight.context import PageContext
from kupang_layout.preflight.image_info import asset_dpi
from kupang_layout.preflight.issues import Issue, Severity

# Tolerance when comparing a reach into the bleed with the bleed needed (the plant's).
BLEED_TOLERANCE_MM = 0.05


def rounded_ppi(ppi: float) -> int:
    """A resolution as the plant reads it: rounded to the nearest whole ppi (half up)."""
    return math.floor(ppi + 0.5)


def image_rules(ctx: PageContext, dl: PageDisplayList) -> list[Issue]:
    """Pictures that cannot be printed (wrong bytes, damaged, too large: an error, so the
    export gate stops before export starts); effective resolution below the limits;
    enlargement beyond the image's own size."""
    s = ctx.settings
    out: list[Issue] = []
    for item in dl.items:
        if not isinstance(item, ImageItem):
            continue
        asset = ctx.edition.assets.get(item.asset)
        name = (asset.name if asset is not None else "") or item.asset[:12]
        if not _visible(item):
            out.append(ctx.issue("warning", "image-outside", item.frame_id, name=name))
            continue
        problem = asset_problem(asset, ctx.edition.asset_source) if asset is not None else None
        if problem is not None:
            out.append(
                ctx.issue(
                    "error",
                    "image-unreadable",
                    item.frame_id,
                    name=name,
                    problem=problem.reason,
                    detail=problem.detail,
                    **problem.params,
                )
            )
            continue
        ppi = rounded_ppi(item.effective_ppi)
        if ppi < s.min_ppi:
            out.append(
                ctx.issue(
                    "error", "image-ppi-low", item.frame_id, name=name, ppi=ppi, limit=s.min_ppi
                )
            )
            continue
        if ppi < s.good_ppi:
            out.append(
                ctx.issue(
                    "warning", "image-ppi-poor", item.frame_id, name=name, ppi=ppi, limit=s.good_ppi
                )
            )
            continue
        if asset is None or item.width_px <= 0 or item.height_px <= 0:
            continue
        dpi = asset_dpi(asset, ctx.edition.asset_source)
        scale = image_scale(item, dpi)
        if round(scale) > s.max_scale:
            severity: Severity = "warning" if item.effective_ppi < s.target_ppi else "info"
            out.append(
                ctx.issue(
                    severity,
                    "image-upscaled",
                    item.frame_id,
                    name=name,
                    scale=round(scale),
                    dpi=round(dpi),
                    limit=s.max_scale,
                )
            )
    return out


def image_scale(item: ImageItem, dpi: float) -> float:
    """Placed size over the image's own size at its declared dpi, in percent (larger axis).

    This is the scale InDesign shows: 100 % is the picture at the size its file
    declares (pixels / dpi inches); 200 % is twice that.
    """
    own_w = item.width_px / dpi * 72.0
    own_h = item.height_px / dpi * 72.0
    return max(item.img_width / own_w, item.img_height / own_h) * 100.0


def _visible(item: ImageItem) -> bool:
    """Whether any of the picture lands inside its clip (the PDF draws exactly this)."""
    return item.visible_rect() is not None


def _bleeding_rects(dl: PageDisplayList) -> list[tuple[str, float, float, float, float]]:
    """(frame id, left, top, right, bottom) of what prints as an area: pictures, filled boxes."""
    out: list[tuple[str, float, float, float, float]] = []
    for item in dl.printing():
        if isinstance(item, ImageItem):
            out.append(
                (
                    item.frame_id,
                    item.clip_x,
                    item.clip_y,
                    item.clip_x + item.clip_width,
                    item.clip_y + item.clip_height,
                )
            )
        elif isinstance(item, BoxItem) and item.fill is not None and item.fill.total > 0:
            out.append((item.frame_id, item.x, item.y, item.x + item.width, item.y + item.height))
    return out


def bleed_rules(ctx: PageContext, dl: PageDisplayList) -> list[Issue]:
    """Areas at the trim that do not reach the bleed, or stop just short of the trim.

    An edge within TOUCH_EPSILON of the trim (or beyond it) touches it and must
    reach `bleed_mm` into the bleed (error). An edge inside the trim by more than
    TOUCH_EPSILON and at most `bleed_gap_mm` leaves a sliver of paper that the
    knife cuts unevenly: it was meant to bleed (warning).
    """
    s = ctx.settings
    need = mm(s.bleed_mm) - mm(BLEED_TOLERANCE_MM)
    gap = mm(s.bleed_gap_mm)
    w, h = ctx.page.width, ctx.page.height
    out: list[Issue] = []
    seen: set[tuple[str, str, str]] = set()
    for frame_id, left, top, right, bottom in _bleeding_rects(dl):
        if right <= 0 or bottom <= 0 or left >= w or top >= h:
            continue  # off the page
        # (edge, distance inside the trim; negative = beyond it)
        edges = (("left", left), ("top", top), ("right", w - right), ("bottom", h - bottom))
        for edge, inside in edges:
            if inside <= TOUCH_EPSILON:
                if -inside < need:
                    rule, params = (
                        "bleed-short",
                        {"reach": round(to_mm(max(0.0, -inside)), 2), "need": s.bleed_mm},
                    )
                else:
                    continue
            elif inside <= gap:
                rule, params = (
                    "bleed-gap",
                    {"distance": round(to_mm(inside), 2), "bleed": s.bleed_mm},
                )
            else:
                continue
            key = (frame_id, edge, rule)
            if key in seen:
                continue
            seen.add(key)
            level: Severity = "error" if rule == "bleed-short" else "warning"
            out.append(ctx.issue(level, rule, frame_id, edge=edge, **params))
    return out


def ink_rules(ctx: PageContext, dl: PageDisplayList) -> list[Issue]:
    """Swatches used on the page whose total ink is over the limit (Registration excepted)."""
    limit = ctx.settings.tac
    first_use: dict[str, tuple[str, Ink]] = {}
    for item in dl.printing():
        for ink in item_inks(item):
            if ink.name == REGISTRATION or ink.total <= limit + 1e-6:
                continue
            first_use.setdefault(ink.name, (item.frame_id, ink))
    return [
        ctx.issue(
            "error",
            "ink-total",
            frame_id,
            swatch=ink.name,
            total=ink.total,
            limit=limit,
            c=ink.c,
            m=ink.m,
            y=ink.y,
            k=ink.k,
        )
        for frame_id, ink in first_use.values()
    ]
