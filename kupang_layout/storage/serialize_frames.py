"""Storage stage: to_dict/from_dict for frames (text, image, rule, box), every field explicit.

Unknown keys of a frame (and of its rect) go to the frame's `extra` and are
written back on save.
"""

from __future__ import annotations

from typing import Any

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
from kupang_layout.storage.bounds import (
    MAX_COLUMNS,
    MAX_GUTTER,
    MAX_IMAGE_SCALE,
    MAX_STROKE,
    MIN_IMAGE_SCALE,
    PASTEBOARD_SPAN,
)
from kupang_layout.storage.fields import At, Fields
from kupang_layout.storage.serialize_geometry import (
    default_of,
    keep_unknown,
    rect_from_dict,
    rect_to_dict,
    unknown_of,
)
from kupang_layout.storage.serialize_styles import SHA256_RE, merge_extra

__all__ = ["FRAME_TYPES", "ID_LEN", "NAME_LEN", "frame_from_dict", "frame_to_dict"]

FRAME_TYPES = ("text", "image", "rule", "box")
#: The longest id and name of a stored frame, page, story or edition field.
ID_LEN = 200
NAME_LEN = 1000


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
        "id": f.text("id", nonempty=True, max_len=ID_LEN),
        "rect": rect,
        "name": f.text("name", default_of(cls, "name"), max_len=NAME_LEN),
        "locked": f.flag("locked", default_of(cls, "locked")),
        "printable": f.flag("printable", default_of(cls, "printable")),
        "role": f.opt_text("role", default_of(cls, "role"), choices=SLOT_ROLES),
        "slot": f.text("slot", default_of(cls, "slot"), max_len=ID_LEN),
        # files from before the field read as 'keep' (the space stays, as it always did)
        "empty_slot": f.text("empty_slot", default_of(cls, "empty_slot"), choices=EMPTY_SLOT_MODES),
    }
    frame: AnyFrame
    if cls is TextFrame:
        frame = TextFrame(
            **common,
            story_id=f.opt_text("story_id", nonempty=True, max_len=ID_LEN),
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
