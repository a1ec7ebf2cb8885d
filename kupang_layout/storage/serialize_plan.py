"""Storage stage: the flat plan to and from JSON (entries, ad bookings, delivery log).

Every edition file has a "plan" object (page count 0 when the edition has no
plan); a file written before plans existed reads as having none. Values are
checked like every other field, naming the failing path.
"""

from __future__ import annotations

from typing import Any

from kupang_layout.model.plan import (
    AD_SIZES,
    MAX_PLANNED_PAGES,
    AdBooking,
    Delivery,
    FlatPlan,
    PlanEntry,
)
from kupang_layout.storage.fields import At, Fields
from kupang_layout.storage.serialize_styles import merge_extra

__all__ = ["plan_from_dict", "plan_to_dict"]

_TEXT = 200
_MAX_ADS = 1000
_MAX_DELIVERIES = 20_000
_MAX_DEPTH = 3500.0  # points: a 1.2 m page


def _entry_to_dict(e: PlanEntry) -> dict[str, Any]:
    known: dict[str, Any] = {
        "number": e.number,
        "section": e.section,
        "template": e.template,
        "assignee": e.assignee,
        "ready": e.ready,
        "ready_by": e.ready_by,
        "ready_at": e.ready_at,
    }
    return merge_extra(known, e.extra)


def _entry_from_dict(value: Any, at: At) -> PlanEntry:
    f = Fields(value, at)
    return PlanEntry(
        number=f.integer("number", lo=1, hi=MAX_PLANNED_PAGES),
        section=f.text("section", "", max_len=_TEXT),
        template=f.opt_text("template", max_len=_TEXT),
        assignee=f.text("assignee", "", max_len=_TEXT),
        ready=f.flag("ready", False),
        ready_by=f.text("ready_by", "", max_len=_TEXT),
        ready_at=f.text("ready_at", "", max_len=64),
        extra=f.extra(),
    )


def _ad_to_dict(a: AdBooking) -> dict[str, Any]:
    known: dict[str, Any] = {
        "id": a.id,
        "advertiser": a.advertiser,
        "page": a.page,
        "size": a.size,
        "columns": a.columns,
        "depth": a.depth,
        "asset": a.asset,
        "note": a.note,
    }
    return merge_extra(known, a.extra)


def _ad_from_dict(value: Any, at: At) -> AdBooking:
    f = Fields(value, at)
    return AdBooking(
        id=f.text("id", nonempty=True, max_len=_TEXT),
        advertiser=f.text("advertiser", max_len=_TEXT),
        page=f.integer("page", lo=1, hi=MAX_PLANNED_PAGES),
        size=f.text("size", "custom", choices=AD_SIZES),
        columns=f.integer("columns", 1, lo=1, hi=24),
        depth=f.number("depth", 0.0, lo=0.0, hi=_MAX_DEPTH),
        asset=f.opt_text("asset", max_len=64),
        note=f.text("note", "", max_len=2000),
        extra=f.extra(),
    )


def _delivery_to_dict(d: Delivery) -> dict[str, Any]:
    return {
        "page": d.page,
        "file": d.file,
        "sha256": d.sha256,
        "content": d.content,
        "time": d.time,
        "by": d.by,
    }


def _delivery_from_dict(value: Any, at: At) -> Delivery:
    f = Fields(value, at)
    delivery = Delivery(
        page=f.integer("page", lo=1, hi=MAX_PLANNED_PAGES),
        file=f.text("file", max_len=1000),
        sha256=f.text("sha256", max_len=64),
        content=f.text("content", max_len=128),
        time=f.text("time", max_len=64),
        by=f.text("by", "", max_len=_TEXT),
    )
    f.extra()  # a delivery record has no room for unknown keys: they are dropped
    return delivery


def plan_to_dict(plan: FlatPlan) -> dict[str, Any]:
    known: dict[str, Any] = {
        "page_count": plan.page_count,
        "entries": [_entry_to_dict(plan.entries[n]) for n in sorted(plan.entries)],
        "ads": [_ad_to_dict(a) for a in plan.ads.values()],
        "deliveries": [_delivery_to_dict(d) for d in plan.deliveries],
    }
    return merge_extra(known, plan.extra)


def plan_from_dict(value: Any, at: At) -> FlatPlan:
    f = Fields(value, at)
    plan = FlatPlan(page_count=f.integer("page_count", 0, lo=0, hi=MAX_PLANNED_PAGES))
    for item, a in f.items("entries", [], max_items=MAX_PLANNED_PAGES):
        entry = _entry_from_dict(item, a)
        if entry.number in plan.entries:
            a.key("number").fail(f"page {entry.number} is planned twice")
        plan.entries[entry.number] = entry
    for item, a in f.items("ads", [], max_items=_MAX_ADS):
        ad = _ad_from_dict(item, a)
        if ad.id in plan.ads:
            a.key("id").fail(f"duplicate ad booking {ad.id!r}")
        plan.ads[ad.id] = ad
    plan.deliveries = [
        _delivery_from_dict(item, a)
        for item, a in f.items("deliveries", [], max_items=_MAX_DELIVERIES)
    ]
    plan.extra = f.extra()
    return plan
