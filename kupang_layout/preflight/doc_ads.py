"""Preflight stage: document rules on the advertisements of a page (booking, size, the ad's PDF).

An ad is checked against its booking in the flat plan: the file's size (a PDF's
trim box; a picture as fitted) within 1 mm of the booked size, and whether it is
drawn scaled or cropped. A PDF ad is read as the plant reads a page (the PDF
rules' readers on its first page, written to a run folder): no RGB, Lab or ICC
colour, fonts embedded, no transparency, total ink within the limit. A booking
on the page without a file or without its frame, and an ad frame whose booking
is gone, are reported too. Every message names the advertiser and the ad.

The PDF findings of an ad are kept per SHA-256 and settings (an ad's bytes never
change), so the Ghostscript ink measurement runs once per ad and process.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from kupang_layout.common.atomic import write_atomically
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.engine.displaylist import ImageItem, PageDisplayList
from kupang_layout.errors import KupangError
from kupang_layout.imaging import open_image
from kupang_layout.imaging.assets import read_verified
from kupang_layout.imaging.errors import ImagingError
from kupang_layout.model.ads import ad_frames, ad_size, booking_of, content_size, is_pdf_asset
from kupang_layout.model.assets import Asset, MissingAssetError
from kupang_layout.model.frames import ImageFrame
from kupang_layout.model.plan import AdBooking
from kupang_layout.model.units import mm, to_mm
from kupang_layout.preflight.context import PageContext
from kupang_layout.preflight.image_info import asset_dpi
from kupang_layout.preflight.issues import Issue, PreflightSettings, Severity

__all__ = ["SIZE_TOLERANCE_MM", "ad_rules", "pdf_ad_findings", "without_pdf_ads"]

#: How far an ad's size may be from its booking (the desk's tolerance).
SIZE_TOLERANCE_MM = 1.0
#: A drawn scale this far from 100 % (either axis) is reported.
SCALE_TOLERANCE = 0.005
#: An ad cut by its clip by more than this (points) is reported as cropped.
CROP_TOLERANCE_PT = 0.5

# PDF rule -> (ad rule, severity, the param that says what was found).
_PDF_RULES: dict[str, tuple[str, Severity, str]] = {
    "pdf-colour-space": ("ad-colour", "error", "family"),
    "pdf-image-colour": ("ad-colour", "error", "family"),
    "pdf-rgb-operator": ("ad-colour", "error", "operator"),
    "pdf-spot-alternate": ("ad-colour", "error", "name"),
    "pdf-font-not-embedded": ("ad-font", "error", "font"),
    "pdf-transparency": ("ad-transparency", "error", "name"),
    "pdf-soft-mask": ("ad-transparency", "error", "name"),
    "pdf-transparency-group": ("ad-transparency", "error", "name"),
    "pdf-lzw": ("ad-lzw", "error", "name"),
    "pdf-image-ppi-low": ("ad-image-ppi", "error", "ppi"),
    "pdf-black-overprint": ("ad-black-overprint", "warning", "plain"),
    "pdf-unreadable": ("ad-unreadable", "error", "reason"),
    "pdf-render-failed": ("ad-unreadable", "error", "reason"),
    "pdf-ink-page-failed": ("ad-unreadable", "error", "reason"),
    "pdf-ink-timeout": ("ad-unreadable", "error", "seconds"),
    "pdf-ink-unchecked": ("ad-ink-unchecked", "warning", "reason"),
}

Finding = tuple[str, Severity, dict[str, Any]]
_CACHE_SIZE = 256
_lock = threading.Lock()
_findings: OrderedDict[tuple[str, PreflightSettings], list[Finding]] = OrderedDict()


def without_pdf_ads(ctx: PageContext, dl: PageDisplayList) -> PageDisplayList:
    """The display list without the image items of PDF assets (the picture rules, which
    judge pixels, do not apply to a vector ad; `ad_rules` checks it)."""
    assets = ctx.edition.assets
    kept = tuple(
        i
        for i in dl.items
        if not (isinstance(i, ImageItem) and i.asset in assets and is_pdf_asset(assets[i.asset]))
    )
    return dl if len(kept) == len(dl.items) else replace(dl, items=kept)


def _first_page(data: bytes) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as src:
        out = pikepdf.new()
        out.pages.append(src.pages[0])
        buffer = io.BytesIO()
        out.save(buffer)
    return buffer.getvalue()


def pdf_ad_findings(data: bytes, settings: PreflightSettings) -> list[Finding]:
    """What the PDF rules find on an ad's first page, as ad rules (rule, severity, params)."""
    import pikepdf

    from kupang_layout.preflight.pdf_content import ContentReader, report_content
    from kupang_layout.preflight.pdf_ink import check_ink
    from kupang_layout.preflight.pdf_report import PdfReport
    from kupang_layout.preflight.pdf_structure import ResourceWalker, page_resources

    out: list[Finding] = []
    with temp_dir("kupang-ad-") as tmp:
        path = tmp / "ad.pdf"
        rep = PdfReport(str(path), settings, None)
        try:
            write_atomically(path, _first_page(data))
            with pikepdf.open(path) as pdf:
                page = pdf.pages[0]
                if "/Group" in page.obj:
                    rep.error("pdf-transparency-group", 1, name="page")
                resources = page_resources(page)
                ResourceWalker(rep, 1).walk(resources)
                report_content(ContentReader(rep, 1).read_page(page, resources), rep, 1)
        except (pikepdf.PdfError, OSError, ValueError, TypeError, KeyError, IndexError) as exc:
            rep.error("pdf-unreadable", reason=f"{type(exc).__name__}: {exc}")
        else:
            check_ink(path, rep)
    seen: set[tuple[str, str]] = set()
    for issue in rep.issues:
        if issue.rule == "pdf-ink":
            total, limit = issue.params.get("total"), issue.params.get("limit")
            out.append(("ad-ink", "error", {"total": total, "limit": limit}))
            continue
        mapped = _PDF_RULES.get(issue.rule)
        if mapped is None:
            continue
        rule, severity, key = mapped
        what = str(issue.params.get(key, "")).lstrip("/")
        if (rule, what) in seen:
            continue
        seen.add((rule, what))
        out.append((rule, severity, {"what": what}))
    return out


def _cached_findings(asset: Asset, ctx: PageContext) -> list[Finding]:
    key = (asset.sha256, ctx.settings)
    with _lock:
        got = _findings.get(key)
        if got is not None:
            _findings.move_to_end(key)
            return got
    try:
        data = read_verified(asset, ctx.edition.asset_source)
    except MissingAssetError:
        return []  # asset-missing reports it
    except ImagingError as exc:
        return [("ad-unreadable", "error", {"what": exc.text()})]
    found = pdf_ad_findings(data, ctx.settings)
    with _lock:
        _findings[key] = found
        while len(_findings) > _CACHE_SIZE:
            _findings.popitem(last=False)
    return found


def _names(
    booking: AdBooking | None, frame: ImageFrame | None, asset: Asset | None
) -> dict[str, str]:
    advertiser = booking.advertiser if booking is not None else (frame.name if frame else "")
    ad = (asset.name if asset is not None and asset.name else "") or (
        booking.id if booking is not None else (booking_of(frame) or "") if frame else ""
    )
    return {"advertiser": advertiser or "?", "ad": ad or "?"}


def _own_size(asset: Asset, ctx: PageContext) -> tuple[float, float]:
    """The ad's own size in points: a PDF's trim box, a picture at its declared dpi."""
    exact = content_size(asset)
    if exact is not None:
        return exact
    dpi = asset_dpi(asset, ctx.edition.asset_source)
    return asset.width_px / dpi * 72.0, asset.height_px / dpi * 72.0


def _mm(value: float) -> float:
    return round(to_mm(value), 1)


def _placed_rules(
    ctx: PageContext,
    frame: ImageFrame,
    booking: AdBooking,
    asset: Asset,
    item: ImageItem | None,
    names: dict[str, str],
) -> list[Issue]:
    out: list[Issue] = []
    tolerance = mm(SIZE_TOLERANCE_MM)
    booked_w, booked_h = ad_size(ctx.page, booking)
    own_w, own_h = _own_size(asset, ctx)
    pdf = is_pdf_asset(asset)
    if pdf:
        shown_w, shown_h = own_w, own_h
    elif item is not None:
        shown_w, shown_h = item.img_width, item.img_height
    else:
        shown_w, shown_h = booked_w, booked_h
    if abs(shown_w - booked_w) > tolerance or abs(shown_h - booked_h) > tolerance:
        out.append(
            ctx.issue(
                "error", "ad-size", frame, **names,
                width=_mm(shown_w), height=_mm(shown_h),
                booked_width=_mm(booked_w), booked_height=_mm(booked_h),
            )
        )  # fmt: skip
    if item is None:
        return out
    scale_x = item.img_width / own_w if own_w > 0 else 1.0
    scale_y = item.img_height / own_h if own_h > 0 else 1.0
    if abs(scale_x - 1) > SCALE_TOLERANCE or abs(scale_y - 1) > SCALE_TOLERANCE:
        out.append(
            ctx.issue(
                "warning", "ad-scaled", frame, **names,
                scale_x=round(scale_x * 100, 1), scale_y=round(scale_y * 100, 1),
            )
        )  # fmt: skip
    shown = item.visible_rect()
    if shown is not None:
        left, top, right, bottom = shown
        cut = max(
            left - item.img_x,
            top - item.img_y,
            item.img_x + item.img_width - right,
            item.img_y + item.img_height - bottom,
        )
        if cut > CROP_TOLERANCE_PT:
            out.append(ctx.issue("warning", "ad-cropped", frame, **names, cut=_mm(cut)))
    return out


def _content_rules(
    ctx: PageContext, frame: ImageFrame, asset: Asset, names: dict[str, str]
) -> list[Issue]:
    if is_pdf_asset(asset):
        return [
            ctx.issue(severity, rule, frame, **names, **params)
            for rule, severity, params in _cached_findings(asset, ctx)
        ]
    mode = _picture_mode(asset, ctx)
    if mode in ("RGB", "RGBA", "P", "LAB"):
        return [ctx.issue("warning", "ad-picture-rgb", frame, **names, mode=mode)]
    return []


def _picture_mode(asset: Asset, ctx: PageContext) -> str:
    try:
        data = ctx.edition.asset_source.read(asset.sha256)
        with open_image(data, asset.name) as image:
            return str(image.mode)
    except (MissingAssetError, KupangError, OSError):
        return ""


def ad_rules(ctx: PageContext, dl: PageDisplayList) -> list[Issue]:
    """The page's ads against their bookings and, for a PDF, as the plant reads it."""
    plan = ctx.edition.plan
    out: list[Issue] = []
    placed: set[str] = set()
    items = {i.frame_id: i for i in dl.items if isinstance(i, ImageItem)}
    for frame in ad_frames(ctx.page):
        if not frame.printable:
            continue
        booking_id = booking_of(frame)
        booking = plan.ads.get(booking_id) if booking_id else None
        asset = ctx.edition.assets.get(frame.asset) if frame.asset else None
        names = _names(booking, frame, asset)
        if booking is None:
            out.append(ctx.issue("error", "ad-unbooked", frame, **names))
            continue
        placed.add(booking.id)
        if asset is None:
            if frame.asset is None:
                out.append(ctx.issue("error", "ad-no-file", frame, **names))
            continue  # an unknown asset: asset-unknown reports it
        out += _placed_rules(ctx, frame, booking, asset, items.get(frame.id), names)
        out += _content_rules(ctx, frame, asset, names)
    for booking in plan.ads_on(ctx.page.number):
        if booking.id in placed:
            continue
        names = _names(booking, None, None)
        rule = "ad-not-placed" if booking.asset else "ad-no-file"
        out.append(ctx.issue("error", rule, None, **names))
    return out
