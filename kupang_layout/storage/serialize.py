"""Storage stage: to_dict/from_dict for the edition, pages, frames and stories.

Every dataclass field is written explicitly; lengths stay in points (floats).
Reading checks types and ranges and names the place of a bad value
(``pages[1].frames[3].rect.width: must be >= 0``). Keys the program does not
know go to the object's `extra` and are written back on save (for swatches and
value objects, see serialize_geometry.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from kupang_layout.model.assets import Asset
from kupang_layout.model.color import Swatch
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import (
    EMPTY_SLOT_MODES,
    FIT_MODES,
    SLOT_ROLES,
    AnyFrame,
    Box,
    ImageFrame,
    Rule,
    TextFrame,
)
from kupang_layout.model.page import Page
from kupang_layout.model.plan import FlatPlan
from kupang_layout.model.story import Paragraph, Run, Story
from kupang_layout.model.styles import CharacterStyle, ParagraphStyle
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage.bounds import (
    MAX_COLUMNS,
    MAX_EDITION_TEXT,
    MAX_FRAMES,
    MAX_GUTTER,
    MAX_IMAGE_SCALE,
    MAX_PAGES,
    MAX_PARAGRAPH_TEXT,
    MAX_PARAGRAPHS,
    MAX_RUNS,
    MAX_STORIES,
    MAX_STORY_TEXT,
    MAX_STROKE,
    MAX_STYLES,
    MAX_SWATCHES,
    MIN_IMAGE_SCALE,
    PASTEBOARD_SPAN,
)
from kupang_layout.storage.fields import REQUIRED, At, Fields
from kupang_layout.storage.serialize_copyfit import copyfit_from_dict
from kupang_layout.storage.serialize_geometry import (
    as_dict,
    default_of,
    geometry_from_dict,
    geometry_to_dict,
    keep_unknown,
    rect_from_dict,
    rect_to_dict,
    unknown_of,
)
from kupang_layout.storage.serialize_plan import plan_from_dict, plan_to_dict
from kupang_layout.storage.serialize_styles import (
    SHA256_RE,
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
    "FRAME_TYPES",
    "edition_from_dict",
    "edition_to_dict",
    "frame_from_dict",
    "frame_to_dict",
    "page_from_dict",
    "page_to_dict",
    "story_from_dict",
    "story_to_dict",
    "template_from_dict",
    "template_to_dict",
]

FRAME_TYPES = ("text", "image", "rule", "box")
_ID_LEN = 200
_NAME_LEN = 1000


# -- frames ------------------------------------------------------------------


_T = TypeVar("_T")


def frame_to_dict(fr: AnyFrame) -> dict[str, Any]:
    if not isinstance(fr, TextFrame | ImageFrame | Rule | Box):
        raise TypeError(f"cannot store a frame of class {type(fr).__name__}")
    d: dict[str, Any] = {
        "type": fr.kind,
        "id": fr.id,
        "rect": rect_to_dict(fr.rect, unknown_of(fr.extra, "rect")),
        "name": fr.name,
        "locked": fr.locked,
        "printable": fr.printable,
        "role": fr.role,
        "slot": fr.slot,
        "empty_slot": fr.empty_slot,
    }
    if isinstance(fr, TextFrame):
        d.update(
            story_id=fr.story_id,
            chain_index=fr.chain_index,
            paragraph_style=fr.paragraph_style,
            columns=fr.columns,
            gutter=float(fr.gutter),
            inset=float(fr.inset),
            balance=fr.balance,
            fill=fr.fill,
            vertical_align=fr.vertical_align,
        )
    elif isinstance(fr, ImageFrame):
        d.update(
            asset=fr.asset,
            fit=fr.fit,
            scale=float(fr.scale),
            offset_x=float(fr.offset_x),
            offset_y=float(fr.offset_y),
            stroke=fr.stroke,
            stroke_weight=float(fr.stroke_weight),
        )
    elif isinstance(fr, Rule):
        d.update(weight=float(fr.weight), swatch=fr.swatch)
    else:
        d.update(fill=fr.fill, stroke=fr.stroke, stroke_weight=float(fr.stroke_weight))
    return merge_extra(d, fr.extra)


def frame_from_dict(value: Any, at: At) -> AnyFrame:
    f = Fields(value, at)
    kind = f.text("type", choices=FRAME_TYPES)
    cls: type = {"text": TextFrame, "image": ImageFrame, "rule": Rule, "box": Box}[kind]
    rect_value, rect_at = f.raw("rect")
    rect, rect_unknown = rect_from_dict(rect_value, rect_at)
    common: dict[str, Any] = {
        "id": f.text("id", nonempty=True, max_len=_ID_LEN),
        "rect": rect,
        "name": f.text("name", default_of(cls, "name"), max_len=_NAME_LEN),
        "locked": f.flag("locked", default_of(cls, "locked")),
        "printable": f.flag("printable", default_of(cls, "printable")),
        "role": f.opt_text("role", default_of(cls, "role"), choices=SLOT_ROLES),
        "slot": f.text("slot", default_of(cls, "slot"), max_len=_ID_LEN),
        # files from before the field read as 'keep' (the space stays, as it always did)
        "empty_slot": f.text("empty_slot", default_of(cls, "empty_slot"), choices=EMPTY_SLOT_MODES),
    }
    frame: AnyFrame
    if cls is TextFrame:
        frame = TextFrame(
            **common,
            story_id=f.opt_text("story_id", nonempty=True, max_len=_ID_LEN),
            chain_index=f.integer("chain_index", default_of(cls, "chain_index"), lo=0),
            paragraph_style=f.text(
                "paragraph_style", default_of(cls, "paragraph_style"), nonempty=True
            ),
            columns=f.integer("columns", default_of(cls, "columns"), lo=1, hi=MAX_COLUMNS),
            gutter=f.number("gutter", default_of(cls, "gutter"), lo=0.0, hi=MAX_GUTTER),
            inset=f.number("inset", default_of(cls, "inset"), lo=0.0, hi=MAX_GUTTER),
            balance=f.flag("balance", default_of(cls, "balance")),
            fill=f.opt_text("fill", default_of(cls, "fill"), nonempty=True),
            vertical_align=f.text(
                "vertical_align", default_of(cls, "vertical_align"), nonempty=True, max_len=40
            ),
        )
    elif cls is ImageFrame:
        asset = f.opt_text("asset")
        if asset is not None and not SHA256_RE.fullmatch(asset):
            at.key("asset").fail("must be the SHA-256 (64 lower-case hex digits) of an asset")
        frame = ImageFrame(
            **common,
            asset=asset,
            fit=f.text("fit", default_of(cls, "fit"), choices=FIT_MODES),
            scale=f.number(
                "scale", default_of(cls, "scale"), lo=MIN_IMAGE_SCALE, hi=MAX_IMAGE_SCALE
            ),
            offset_x=f.number(
                "offset_x", default_of(cls, "offset_x"), lo=-PASTEBOARD_SPAN, hi=PASTEBOARD_SPAN
            ),
            offset_y=f.number(
                "offset_y", default_of(cls, "offset_y"), lo=-PASTEBOARD_SPAN, hi=PASTEBOARD_SPAN
            ),
            stroke=f.opt_text("stroke", default_of(cls, "stroke"), nonempty=True),
            stroke_weight=f.number(
                "stroke_weight", default_of(cls, "stroke_weight"), lo=0.0, hi=MAX_STROKE
            ),
        )
    elif cls is Rule:
        frame = Rule(
            **common,
            weight=f.number("weight", default_of(cls, "weight"), lo=0.0, hi=MAX_STROKE),
            swatch=f.text("swatch", default_of(cls, "swatch"), nonempty=True),
        )
    else:
        frame = Box(
            **common,
            fill=f.opt_text("fill", default_of(cls, "fill"), nonempty=True),
            stroke=f.opt_text("stroke", default_of(cls, "stroke"), nonempty=True),
            stroke_weight=f.number(
                "stroke_weight", default_of(cls, "stroke_weight"), lo=0.0, hi=MAX_STROKE
            ),
        )
    frame.extra = keep_unknown(f.extra(), {"rect": rect_unknown})
    return frame


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
        id=f.text("id", nonempty=True, max_len=_ID_LEN),
        number=f.integer("number", lo=0, hi=100_000),
        template=f.opt_text("template", max_len=_NAME_LEN),
        **geometry_from_dict(f, Page, unknown),
        frames=[
            frame_from_dict(item, a) for item, a in f.items("frames", [], max_items=MAX_FRAMES)
        ],
    )
    page.extra = keep_unknown(f.extra(), unknown)
    return page


# -- stories -----------------------------------------------------------------


def _run_to_dict(r: Run) -> dict[str, Any]:
    return merge_extra({"text": r.text, "char_style": r.char_style}, r.extra)


def _run_from_dict(value: Any, at: At) -> Run:
    f = Fields(value, at)
    text = f.text("text", max_len=MAX_PARAGRAPH_TEXT)
    char_style = f.opt_text("char_style", nonempty=True, max_len=200)
    return Run(text=text, char_style=char_style, extra=f.extra())


def _paragraph_to_dict(p: Paragraph) -> dict[str, Any]:
    known = {"style": p.style, "runs": [_run_to_dict(r) for r in p.runs]}
    return merge_extra(known, p.extra)


def _paragraph_from_dict(value: Any, at: At) -> Paragraph:
    f = Fields(value, at)
    style = f.text("style", nonempty=True, max_len=200)
    runs = [_run_from_dict(item, a) for item, a in f.items("runs", [], max_items=MAX_RUNS)]
    length = sum(len(r.text) for r in runs)
    if length > MAX_PARAGRAPH_TEXT:
        at.key("runs").fail(
            f"the paragraph holds {length} characters; at most {MAX_PARAGRAPH_TEXT} are allowed"
        )
    return Paragraph(style=style, runs=runs, extra=f.extra())


def _text_length(paragraphs: list[Paragraph]) -> int:
    return sum(len(r.text) for p in paragraphs for r in p.runs)


def story_to_dict(s: Story) -> dict[str, Any]:
    known = {
        "id": s.id,
        "name": s.name,
        "paragraphs": [_paragraph_to_dict(p) for p in s.paragraphs],
    }
    return merge_extra(known, s.extra)


def story_from_dict(value: Any, at: At) -> Story:
    f = Fields(value, at)
    sid = f.text("id", nonempty=True, max_len=_ID_LEN)
    name = f.text("name", default_of(Story, "name"), max_len=_NAME_LEN)
    paragraphs = [
        _paragraph_from_dict(item, a)
        for item, a in f.items("paragraphs", [], max_items=MAX_PARAGRAPHS)
    ]
    length = _text_length(paragraphs)
    if length > MAX_STORY_TEXT:
        at.key("paragraphs").fail(
            f"the story holds {length} characters; at most {MAX_STORY_TEXT} are allowed"
        )
    return Story(id=sid, paragraphs=paragraphs, name=name, extra=f.extra())


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
    length = sum(_text_length(s.paragraphs) for s in stories.values())
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
    paper = f.text("paper", default_of(Edition, "paper"), max_len=_NAME_LEN)
    number = f.text("number", default_of(Edition, "number"), max_len=_NAME_LEN)
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
