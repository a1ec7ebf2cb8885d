"""Storage stage: to_dict/from_dict for small value objects: rect, margins, grids, guides.

These have no `extra` of their own: unknown keys found in them are kept in
the owner's ``extra["$unknown"]`` (by field name; guides as a list by index)
and written back into them on save.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from kupang_layout.model.geometry import BaselineGrid, ColumnGrid, Guide, Margins, Rect
from kupang_layout.model.page import Page
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage.bounds import (
    MAX_BASELINE,
    MAX_BLEED,
    MAX_COLUMNS,
    MAX_GUIDES,
    MAX_GUTTER,
    MAX_PAGE_SIZE,
    MIN_BASELINE,
    PASTEBOARD_HI,
    PASTEBOARD_LO,
    PASTEBOARD_SPAN,
)
from kupang_layout.storage.fields import UNKNOWN_KEY, At, Fields
from kupang_layout.storage.serialize_styles import merge_extra

__all__ = [
    "as_dict",
    "default_of",
    "geometry_from_dict",
    "geometry_to_dict",
    "keep_unknown",
    "rect_from_dict",
    "rect_to_dict",
    "unknown_of",
]


def default_of(cls: type, name: str) -> Any:
    """The model's own default for a field, so reading never drifts from the model."""
    for f in dataclasses.fields(cls):
        if f.name == name:
            if f.default is not dataclasses.MISSING:
                return f.default
            if f.default_factory is not dataclasses.MISSING:
                return f.default_factory()
    raise AttributeError(f"{cls.__name__}.{name} has no default")


def unknown_of(extra: dict[str, Any], name: str) -> Any:
    bag = extra.get(UNKNOWN_KEY)
    return bag.get(name) if isinstance(bag, dict) else None


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def keep_unknown(extra: dict[str, Any], unknown: dict[str, Any]) -> dict[str, Any]:
    found = {k: v for k, v in unknown.items() if v}
    if found:
        extra[UNKNOWN_KEY] = found
    return extra


def rect_to_dict(r: Rect, unknown: Any) -> dict[str, Any]:
    known = {"x": float(r.x), "y": float(r.y), "width": float(r.width), "height": float(r.height)}
    return merge_extra(known, as_dict(unknown))


def rect_from_dict(value: Any, at: At) -> tuple[Rect, dict[str, Any]]:
    """A frame's rect, which must lie wholly on the pasteboard (storage/bounds.py)."""
    f = Fields(value, at)
    lo, hi = PASTEBOARD_LO, PASTEBOARD_HI
    rect = Rect(
        f.number("x", lo=lo, hi=hi),
        f.number("y", lo=lo, hi=hi),
        f.number("width", lo=0.0, hi=PASTEBOARD_SPAN),
        f.number("height", lo=0.0, hi=PASTEBOARD_SPAN),
    )
    for name, start, size in (("width", rect.x, rect.width), ("height", rect.y, rect.height)):
        if start + size > hi:
            at.key(name).fail(
                f"the frame reaches beyond the pasteboard ({start:g} + {size:g} > {hi:g} pt)"
            )
    return rect, f.extra()


def geometry_to_dict(obj: Page | PageTemplate) -> dict[str, Any]:
    m, c, b = obj.margins, obj.columns, obj.baseline
    guide_unknown = unknown_of(obj.extra, "guides")
    guide_unknown = guide_unknown if isinstance(guide_unknown, list) else []
    guides = []
    for i, g in enumerate(obj.guides):
        known = {"orientation": g.orientation, "position": float(g.position)}
        guides.append(
            merge_extra(known, as_dict(guide_unknown[i] if i < len(guide_unknown) else None))
        )
    return {
        "width": float(obj.width),
        "height": float(obj.height),
        "bleed": float(obj.bleed),
        "margins": merge_extra(
            {
                "top": float(m.top),
                "bottom": float(m.bottom),
                "inside": float(m.inside),
                "outside": float(m.outside),
            },
            as_dict(unknown_of(obj.extra, "margins")),
        ),
        "columns": merge_extra(
            {"count": c.count, "gutter": float(c.gutter)}, as_dict(unknown_of(obj.extra, "columns"))
        ),
        "baseline": merge_extra(
            {"leading": float(b.leading), "offset": float(b.offset)},
            as_dict(unknown_of(obj.extra, "baseline")),
        ),
        "guides": guides,
    }


def geometry_from_dict(f: Fields, cls: type, unknown: dict[str, Any]) -> dict[str, Any]:
    """width/height/bleed/margins/columns/baseline/guides of a page or template."""
    out: dict[str, Any] = {
        "width": f.number("width", lo=0.0, hi=MAX_PAGE_SIZE, lo_open=True),
        "height": f.number("height", lo=0.0, hi=MAX_PAGE_SIZE, lo_open=True),
        "bleed": f.number("bleed", default_of(cls, "bleed"), lo=0.0, hi=MAX_BLEED),
    }
    value, at = f.raw("margins", None)
    if value is None:
        out["margins"] = default_of(cls, "margins")
    else:
        mf = Fields(value, at)
        out["margins"] = Margins(
            *(
                mf.number(k, lo=0.0, hi=MAX_PAGE_SIZE)
                for k in ("top", "bottom", "inside", "outside")
            )
        )
        unknown["margins"] = mf.extra()
    value, at = f.raw("columns", None)
    if value is None:
        out["columns"] = default_of(cls, "columns")
    else:
        cf = Fields(value, at)
        out["columns"] = ColumnGrid(
            cf.integer("count", lo=1, hi=MAX_COLUMNS), cf.number("gutter", lo=0.0, hi=MAX_GUTTER)
        )
        unknown["columns"] = cf.extra()
    value, at = f.raw("baseline", None)
    if value is None:
        out["baseline"] = default_of(cls, "baseline")
    else:
        bf = Fields(value, at)
        out["baseline"] = BaselineGrid(
            bf.number("leading", lo=MIN_BASELINE, hi=MAX_BASELINE),
            bf.number("offset", lo=-MAX_PAGE_SIZE, hi=MAX_PAGE_SIZE),
        )
        unknown["baseline"] = bf.extra()
    guides: list[Guide] = []
    guide_unknown: list[dict[str, Any]] = []
    for item, at in f.items("guides", [], max_items=MAX_GUIDES):
        gf = Fields(item, at)
        guides.append(
            Guide(
                gf.text("orientation", choices=("h", "v")),
                gf.number("position", lo=PASTEBOARD_LO, hi=PASTEBOARD_HI),
            )
        )
        guide_unknown.append(gf.extra())
    out["guides"] = guides
    if any(guide_unknown):
        unknown["guides"] = guide_unknown
    return out
