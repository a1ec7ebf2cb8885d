"""Storage stage: to_dict/from_dict for styles, swatches and assets (every field explicit)."""

from __future__ import annotations

import copy
import re
from typing import Any

from kupang_layout.model.assets import Asset
from kupang_layout.model.color import Swatch
from kupang_layout.model.styles import ALIGNMENTS, CharacterStyle, ParagraphStyle
from kupang_layout.storage.bounds import (
    MAX_FONT_SIZE,
    MAX_INDENT,
    MAX_LEADING,
    MAX_LETTER_SPACE,
    MAX_TRACKING,
    MAX_WORD_SPACE,
    MIN_FONT_SIZE,
    MIN_TRACKING,
)
from kupang_layout.storage.fields import UNKNOWN_KEY, At, Fields

__all__ = [
    "ASSET_EXTS",
    "CHARACTER_STYLE_FIELDS",
    "PARAGRAPH_STYLE_FIELDS",
    "SHA256_RE",
    "asset_from_dict",
    "asset_to_dict",
    "character_style_from_dict",
    "character_style_to_dict",
    "merge_extra",
    "paragraph_style_from_dict",
    "paragraph_style_to_dict",
    "swatch_from_dict",
    "swatch_to_dict",
]

SHA256_RE = re.compile(r"[0-9a-f]{64}")
# "pdf": an advertisement delivered as PDF (placed as vector, never decoded).
ASSET_EXTS = ("jpg", "png", "tif", "pdf")

# Every optional style value: (field, kind, limits). kind is str/float/int/bool; the
# limits are (lo, hi) for numbers (lo exclusive when a third item is True) or
# ("choices", values) for strings.
_Spec = tuple[str, str, tuple[Any, ...]]
_SIZE: tuple[Any, ...] = (MIN_FONT_SIZE, MAX_FONT_SIZE)
_FREE: tuple[Any, ...] = (-MAX_INDENT, MAX_INDENT)
_PERCENT: tuple[Any, ...] = (0.0, MAX_WORD_SPACE)
_LETTER: tuple[Any, ...] = (-MAX_LETTER_SPACE, MAX_LETTER_SPACE)

PARAGRAPH_STYLE_FIELDS: tuple[_Spec, ...] = (
    ("based_on", "str", ()),
    ("font_family", "str", ()),
    ("font_face", "str", ()),
    ("size", "float", _SIZE),
    ("leading", "float", (0.0, MAX_LEADING)),
    ("alignment", "str", ("choices", ALIGNMENTS)),
    ("first_indent", "float", _FREE),
    ("left_indent", "float", _FREE),
    ("right_indent", "float", _FREE),
    ("space_before", "float", _FREE),
    ("space_after", "float", _FREE),
    ("hyphenate", "bool", ()),
    ("hyphen_left_min", "int", (1, 50)),
    ("hyphen_right_min", "int", (1, 50)),
    ("max_consecutive_hyphens", "int", (0, 1000)),
    ("keep_with_next", "bool", ()),
    ("keep_together", "bool", ()),
    ("swatch", "str", ()),
    ("word_space_min", "float", _PERCENT),
    ("word_space_normal", "float", _PERCENT),
    ("word_space_max", "float", _PERCENT),
    ("letter_space_min", "float", _LETTER),
    ("letter_space_max", "float", _LETTER),
    ("glyph_scale_min", "float", (50.0, 100.0)),
    ("glyph_scale_max", "float", (100.0, 200.0)),
    ("optical_margin", "bool", ()),
    ("tracking", "float", (MIN_TRACKING, MAX_TRACKING)),
    ("align_to_grid", "bool", ()),
    ("drop_cap_lines", "int", (0, 20)),
    ("all_caps", "bool", ()),
    ("shrink_to_fit_min_size", "float", (0.0, MAX_FONT_SIZE)),
    ("max_lines", "int", (0, 100_000)),
)

CHARACTER_STYLE_FIELDS: tuple[_Spec, ...] = tuple(
    spec
    for spec in PARAGRAPH_STYLE_FIELDS
    if spec[0] in ("font_family", "font_face", "size", "swatch", "tracking", "all_caps")
)


def merge_extra(known: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The known fields followed by the unknown ones kept from the file.

    Keys the program knows always win; the reserved UNKNOWN_KEY (unknown fields
    of small value objects, see serialize.py) is never written as it is.
    """
    out = dict(known)
    for k, v in extra.items():
        if k != UNKNOWN_KEY and k not in out:
            out[k] = copy.deepcopy(v)
    return out


def _values_to_dict(obj: Any, specs: tuple[_Spec, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, kind, _ in specs:
        value = getattr(obj, name)
        out[name] = float(value) if kind == "float" and value is not None else value
    return out


def _values_from_dict(f: Fields, specs: tuple[_Spec, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, kind, limits in specs:
        if kind == "str":
            choices = limits[1] if limits and limits[0] == "choices" else None
            values[name] = f.opt_text(name, nonempty=True, choices=choices, max_len=200)
        elif kind == "float":
            lo, hi = limits[0], limits[1]
            lo_open = len(limits) > 2 and bool(limits[2])
            values[name] = f.opt_number(name, lo=lo, hi=hi, lo_open=lo_open)
        elif kind == "int":
            values[name] = f.opt_integer(name, lo=limits[0], hi=limits[1])
        else:
            values[name] = f.opt_flag(name)
    return values


def paragraph_style_to_dict(s: ParagraphStyle) -> dict[str, Any]:
    known = {"name": s.name, **_values_to_dict(s, PARAGRAPH_STYLE_FIELDS)}
    return merge_extra(known, s.extra)


def paragraph_style_from_dict(value: Any, at: At) -> ParagraphStyle:
    f = Fields(value, at)
    name = f.text("name", nonempty=True, max_len=200)
    values = _values_from_dict(f, PARAGRAPH_STYLE_FIELDS)
    return ParagraphStyle(name=name, **values, extra=f.extra())


def character_style_to_dict(s: CharacterStyle) -> dict[str, Any]:
    known = {"name": s.name, **_values_to_dict(s, CHARACTER_STYLE_FIELDS)}
    return merge_extra(known, s.extra)


def character_style_from_dict(value: Any, at: At) -> CharacterStyle:
    f = Fields(value, at)
    name = f.text("name", nonempty=True, max_len=200)
    values = _values_from_dict(f, CHARACTER_STYLE_FIELDS)
    return CharacterStyle(name=name, **values, extra=f.extra())


def swatch_to_dict(s: Swatch, unknown: dict[str, Any] | None = None) -> dict[str, Any]:
    known = {"name": s.name, "c": float(s.c), "m": float(s.m), "y": float(s.y), "k": float(s.k)}
    return merge_extra(known, unknown or {})


def swatch_from_dict(value: Any, at: At) -> tuple[Swatch, dict[str, Any]]:
    """The swatch and its unknown fields (Swatch has no `extra` of its own)."""
    f = Fields(value, at)
    name = f.text("name", nonempty=True, max_len=200)
    inks = [f.number(k, 0.0, lo=0.0, hi=100.0) for k in ("c", "m", "y", "k")]
    return Swatch(name, *inks), f.extra()


def asset_to_dict(a: Asset) -> dict[str, Any]:
    known = {
        "sha256": a.sha256,
        "ext": a.ext,
        "name": a.name,
        "width_px": a.width_px,
        "height_px": a.height_px,
    }
    if a.settled:  # an unsettled (legacy) asset stays without it: its size is the stored one
        known["orientation"] = a.orientation
    return merge_extra(known, a.extra)


def asset_from_dict(value: Any, at: At) -> Asset:
    f = Fields(value, at)
    sha = f.text("sha256")
    if not SHA256_RE.fullmatch(sha):
        at.key("sha256").fail("must be 64 lower-case hexadecimal digits")
    return Asset(
        sha256=sha,
        ext=f.text("ext", choices=ASSET_EXTS),
        name=f.text("name", max_len=1000),
        width_px=f.integer("width_px", lo=1, hi=1_000_000),
        height_px=f.integer("height_px", lo=1, hi=1_000_000),
        # Absent in files saved before orientation was recorded: 0, "not yet settled".
        orientation=f.integer("orientation", 0, lo=1, hi=8),
        extra=f.extra(),
    )
