"""Storage stage: to_dict/from_dict for the edition, its pages, and templates.

Every dataclass field is written explicitly; lengths stay in points (floats).
Reading checks types and ranges and names the place of a bad value
(``pages[1].frames[3].rect.width: must be >= 0``). Keys the program does not
know go to the object's `extra` and are written back on save (for swatches and
value objects, see serialize_geometry.py). Frames are read and written in
serialize_frames.py, stories in serialize_stories.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from kupang_layout.model.assets import Asset
from kupang_layout.model.color import Swatch
from kupang_layout.model.edition import Edition
from kupang_layout.model.page import Page
from kupang_layout.model.plan import FlatPlan
from kupang_layout.model.story import Story
from kupang_layout.model.styles import CharacterStyle, ParagraphStyle
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage.bounds import (
    MAX_EDITION_TEXT,
    MAX_FRAMES,
    MAX_PAGES,
    MAX_STORIES,
    MAX_STYLES,
    MAX_SWATCHES,
)
from kupang_layout.storage.fields import REQUIRED, At, Fields
from kupang_layout.storage.serialize_copyfit import copyfit_from_dict
from kupang_layout.storage.serialize_frames import ID_LEN, NAME_LEN, frame_from_dict, frame_to_dict
from kupang_layout.storage.serialize_geometry import (
    as_dict,
    default_of,
    geometry_from_dict,
    geometry_to_dict,
    keep_unknown,
    unknown_of,
)
from kupang_layout.storage.serialize_plan import plan_from_dict, plan_to_dict
from kupang_layout.storage.serialize_stories import story_from_dict, story_to_dict, text_length
from kupang_layout.storage.serialize_styles import (
    asset_from_dict,
    asset_to_dict,
    character_style_from_dict,
    character_style_to_dict,
    merge_extra,
    paragraph_style_from_dict,
    paragraph_style_to_dict,
    swatch_from_dict,
    swatch_to_dict,
)

__all__ = [
    "edition_from_dict",
    "edition_to_dict",
    "page_from_dict",
    "page_to_dict",
    "template_from_dict",
    "template_to_dict",
]

_T = TypeVar("_T")


# -- pages -------------------------------------------------------------------


def page_to_dict(p: Page) -> dict[str, Any]:
    known: dict[str, Any] = {"id": p.id, "number": p.number, "template": p.template}
    known.update(geometry_to_dict(p))
    known["frames"] = [frame_to_dict(fr) for fr in p.frames]
    return merge_extra(known, p.extra)


def page_from_dict(value: Any, at: At) -> Page:
    f = Fields(value, at)
    unknown: dict[str, Any] = {}
    page = Page(
        id=f.text("id", nonempty=True, max_len=ID_LEN),
        number=f.integer("number", lo=0, hi=100_000),
        template=f.opt_text("template", max_len=NAME_LEN),
        **geometry_from_dict(f, Page, unknown),
        frames=[
            frame_from_dict(item, a) for item, a in f.items("frames", [], max_items=MAX_FRAMES)
        ],
    )
    page.extra = keep_unknown(f.extra(), unknown)
    return page


# -- collections keyed by id or name ---------------------------------------------


def _keyed_from(
    f: Fields,
    key: str,
    default: Any,
    build: Callable[[Any, At], _T],
    field: str,
    label: str,
    max_items: int,
) -> dict[str, _T]:
    """A list of objects read into a dict by their `field` (id or name); duplicates fail."""
    out: dict[str, _T] = {}
    for item, at in f.items(key, default, max_items=max_items):
        obj = build(item, at)
        ident = getattr(obj, field)
        if ident in out:
            at.key(field).fail(f"duplicate {label} {ident!r}")
        out[ident] = obj
    return out


def _stories_from(f: Fields, key: str, default: Any) -> dict[str, Story]:
    stories = _keyed_from(f, key, default, story_from_dict, "id", "story id", MAX_STORIES)
    length = sum(text_length(s.paragraphs) for s in stories.values())
    if length > MAX_EDITION_TEXT:
        f.at.key(key).fail(
            f"the stories hold {length} characters in all; at most {MAX_EDITION_TEXT} are allowed"
        )
    return stories


def _pstyles_from(f: Fields, key: str, default: Any) -> dict[str, ParagraphStyle]:
    return _keyed_from(
        f, key, default, paragraph_style_from_dict, "name", "paragraph style name", MAX_STYLES
    )


def _cstyles_from(f: Fields, key: str, default: Any) -> dict[str, CharacterStyle]:
    return _keyed_from(
        f, key, default, character_style_from_dict, "name", "character style name", MAX_STYLES
    )


# -- edition -----------------------------------------------------------------


def edition_to_dict(ed: Edition) -> dict[str, Any]:
    """The "edition" object of document.json."""
    swatch_unknown = as_dict(unknown_of(ed.extra, "swatches"))
    known: dict[str, Any] = {
        "paper": ed.paper,
        "number": ed.number,
        "date": ed.date,
        "pages": [page_to_dict(p) for p in ed.pages],
        "stories": [story_to_dict(s) for s in ed.stories.values()],
        "paragraph_styles": [paragraph_style_to_dict(s) for s in ed.paragraph_styles.values()],
        "character_styles": [character_style_to_dict(s) for s in ed.character_styles.values()],
        "swatches": [
            swatch_to_dict(s, as_dict(swatch_unknown.get(s.name))) for s in ed.swatches.values()
        ],
        "assets": [asset_to_dict(a) for a in ed.assets.values()],
        "plan": plan_to_dict(ed.plan),
    }
    return merge_extra(known, ed.extra)


def edition_from_dict(value: Any, at: At) -> Edition:
    """Build an Edition from the "edition" object; types, ranges and duplicates checked.

    Cross references (frames to stories and assets, styles, swatches, chains) are
    checked by `references.check_edition`.
    """
    f = Fields(value, at)
    paper = f.text("paper", default_of(Edition, "paper"), max_len=NAME_LEN)
    number = f.text("number", default_of(Edition, "number"), max_len=NAME_LEN)
    date = f.text("date", default_of(Edition, "date"), max_len=100)
    pages = [page_from_dict(item, a) for item, a in f.items("pages", max_items=MAX_PAGES)]
    stories = _stories_from(f, "stories", REQUIRED)
    pstyles = _pstyles_from(f, "paragraph_styles", REQUIRED)
    cstyles = _cstyles_from(f, "character_styles", REQUIRED)
    swatches: dict[str, Swatch] = {}
    swatch_unknown: dict[str, Any] = {}
    for item, a in f.items("swatches", max_items=MAX_SWATCHES):
        sw, unk = swatch_from_dict(item, a)
        if sw.name in swatches:
            a.key("name").fail(f"duplicate swatch name {sw.name!r}")
        swatches[sw.name] = sw
        if unk:
            swatch_unknown[sw.name] = unk
    assets: dict[str, Asset] = {}
    for item, a in f.items("assets"):
        asset = asset_from_dict(item, a)
        if asset.sha256 in assets:
            a.key("sha256").fail(f"duplicate asset {asset.sha256}")
        assets[asset.sha256] = asset
    plan_value, plan_at = f.raw("plan", None)
    plan = FlatPlan() if plan_value is None else plan_from_dict(plan_value, plan_at)
    extra = keep_unknown(f.extra(), {"swatches": swatch_unknown})
    return Edition(
        paper=paper,
        number=number,
        date=date,
        pages=pages,
        stories=stories,
        paragraph_styles=pstyles,
        character_styles=cstyles,
        swatches=swatches,
        assets=assets,
        plan=plan,
        extra=extra,
    )


# -- templates ---------------------------------------------------------------


def template_to_dict(t: PageTemplate) -> dict[str, Any]:
    """The "template" object of a .kplt file."""
    known: dict[str, Any] = {"name": t.name, "description": t.description}
    known.update(geometry_to_dict(t))
    known["frames"] = [frame_to_dict(fr) for fr in t.frames]
    known["stories"] = [story_to_dict(s) for s in t.stories.values()]
    known["paragraph_styles"] = [paragraph_style_to_dict(s) for s in t.paragraph_styles.values()]
    known["character_styles"] = [character_style_to_dict(s) for s in t.character_styles.values()]
    known["copyfit"] = dict(t.copyfit)
    return merge_extra(known, t.extra)


def template_from_dict(value: Any, at: At) -> PageTemplate:
    f = Fields(value, at)
    unknown: dict[str, Any] = {}
    t = PageTemplate(
        name=f.text("name", nonempty=True, max_len=200),
        description=f.text("description", default_of(PageTemplate, "description"), max_len=10_000),
        **geometry_from_dict(f, PageTemplate, unknown),
        frames=[
            frame_from_dict(item, a) for item, a in f.items("frames", [], max_items=MAX_FRAMES)
        ],
        stories=_stories_from(f, "stories", []),
        paragraph_styles=_pstyles_from(f, "paragraph_styles", []),
        character_styles=_cstyles_from(f, "character_styles", []),
        copyfit=copyfit_from_dict(f, "copyfit"),
    )
    t.extra = keep_unknown(f.extra(), unknown)
    return t
