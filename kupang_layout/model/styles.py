"""Model stage: paragraph and character styles with based_on inheritance."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

ALIGNMENTS = ("justify", "left", "right", "center")
FACES = ("Regular", "Italic", "Bold", "Bold Italic")


@dataclass(frozen=True)
class ParagraphStyle:
    """A named paragraph style. A field left None is inherited from `based_on`.

    Sizes and spaces are in points; word-space values are percent of the font's
    space; letter-space values are percent of the em.
    """

    name: str
    based_on: str | None = None
    font_family: str | None = None
    font_face: str | None = None
    size: float | None = None
    leading: float | None = None
    alignment: str | None = None
    first_indent: float | None = None
    left_indent: float | None = None
    right_indent: float | None = None
    space_before: float | None = None
    space_after: float | None = None
    hyphenate: bool | None = None
    hyphen_left_min: int | None = None
    hyphen_right_min: int | None = None
    max_consecutive_hyphens: int | None = None
    keep_with_next: bool | None = None
    keep_together: bool | None = None
    swatch: str | None = None
    word_space_min: float | None = None
    word_space_normal: float | None = None
    word_space_max: float | None = None
    letter_space_min: float | None = None
    letter_space_max: float | None = None
    glyph_scale_min: float | None = None
    glyph_scale_max: float | None = None
    optical_margin: bool | None = None
    tracking: float | None = None
    align_to_grid: bool | None = None
    drop_cap_lines: int | None = None
    all_caps: bool | None = None
    shrink_to_fit_min_size: float | None = None
    max_lines: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)


@dataclass(frozen=True)
class ResolvedParagraphStyle:
    """A paragraph style with every value settled (the engine reads this)."""

    name: str
    font_family: str
    font_face: str
    size: float
    leading: float
    alignment: str
    first_indent: float
    left_indent: float
    right_indent: float
    space_before: float
    space_after: float
    hyphenate: bool
    hyphen_left_min: int
    hyphen_right_min: int
    max_consecutive_hyphens: int
    keep_with_next: bool
    keep_together: bool
    swatch: str
    word_space_min: float
    word_space_normal: float
    word_space_max: float
    letter_space_min: float
    letter_space_max: float
    glyph_scale_min: float
    glyph_scale_max: float
    optical_margin: bool
    tracking: float
    align_to_grid: bool
    drop_cap_lines: int
    all_caps: bool
    shrink_to_fit_min_size: float
    max_lines: int


ROOT_DEFAULTS: dict[str, Any] = {
    "font_family": "PT Serif",
    "font_face": "Regular",
    "size": 9.5,
    "leading": 11.0,
    "alignment": "justify",
    "first_indent": 0.0,
    "left_indent": 0.0,
    "right_indent": 0.0,
    "space_before": 0.0,
    "space_after": 0.0,
    "hyphenate": True,
    "hyphen_left_min": 2,
    "hyphen_right_min": 3,
    "max_consecutive_hyphens": 2,
    "keep_with_next": False,
    "keep_together": False,
    "swatch": "Black",
    "word_space_min": 80.0,
    "word_space_normal": 100.0,
    "word_space_max": 133.0,
    "letter_space_min": -1.0,
    "letter_space_max": 2.0,
    # Horizontal glyph scaling in justified text, percent (InDesign's "Glyph Scaling"):
    # set per line with the word spaces by the line's adjustment ratio.
    "glyph_scale_min": 98.0,
    "glyph_scale_max": 102.0,
    # Optical margin alignment (hanging punctuation) in justified text; the house Body
    # (and the styles based on it) turns it on (see DECISIONS).
    "optical_margin": False,
    "tracking": 0.0,
    "align_to_grid": False,
    "drop_cap_lines": 0,
    "all_caps": False,
    "shrink_to_fit_min_size": 0.0,
    "max_lines": 0,
}

STYLE_VALUE_FIELDS: tuple[str, ...] = tuple(ROOT_DEFAULTS)


class StyleError(ValueError):
    """A style reference that cannot be resolved (missing or cyclic)."""


def resolve_paragraph_style(styles: dict[str, ParagraphStyle], name: str) -> ResolvedParagraphStyle:
    """Walk the based_on chain and settle every value (root defaults last)."""
    chain: list[ParagraphStyle] = []
    seen: set[str] = set()
    current: str | None = name
    while current is not None:
        if current in seen:
            raise StyleError(f"paragraph style {name!r}: based_on cycle at {current!r}")
        seen.add(current)
        style = styles.get(current)
        if style is None:
            raise StyleError(f"paragraph style {current!r} does not exist")
        chain.append(style)
        current = style.based_on
    values: dict[str, Any] = {}
    for key, default in ROOT_DEFAULTS.items():
        value = default
        for style in chain:
            v = getattr(style, key)
            if v is not None:
                value = v
                break
        values[key] = value
    return ResolvedParagraphStyle(name=name, **values)


@dataclass(frozen=True)
class CharacterStyle:
    """A named character style: overrides on top of the paragraph style."""

    name: str
    font_family: str | None = None
    font_face: str | None = None
    size: float | None = None
    swatch: str | None = None
    tracking: float | None = None
    all_caps: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)


def apply_character_style(
    base: ResolvedParagraphStyle, cstyle: CharacterStyle | None
) -> ResolvedParagraphStyle:
    """The paragraph style with a character style's overrides applied."""
    if cstyle is None:
        return base
    changes: dict[str, Any] = {}
    for f in fields(CharacterStyle):
        if f.name in ("name", "extra"):
            continue
        v = getattr(cstyle, f.name)
        if v is not None:
            changes[f.name] = v
    return replace(base, **changes) if changes else base


def default_paragraph_styles() -> dict[str, ParagraphStyle]:
    """The house style sheet: body, lead, quote, headline and the slots' styles."""
    sans = "Roboto Condensed"
    items = [
        ParagraphStyle(
            "Body",
            font_family="PT Serif",
            size=9.5,
            leading=11.0,
            first_indent=9.5,
            align_to_grid=True,
            hyphenate=True,
            optical_margin=True,
        ),
        ParagraphStyle("Lead", based_on="Body", first_indent=0.0),
        ParagraphStyle(
            "Quote",
            based_on="Body",
            font_face="Italic",
            first_indent=0.0,
            left_indent=6.0,
            keep_with_next=True,
        ),
        ParagraphStyle(
            "Attribution",
            based_on="Body",
            font_family=sans,
            font_face="Bold",
            size=8.5,
            alignment="right",
            first_indent=0.0,
            hyphenate=False,
            space_after=5.5,
            keep_together=True,
        ),
        ParagraphStyle(
            "Headline",
            font_family=sans,
            font_face="Bold",
            size=40.0,
            leading=42.0,
            alignment="left",
            hyphenate=False,
            shrink_to_fit_min_size=24.0,
            max_lines=2,
        ),
        ParagraphStyle(
            "Deck",
            font_family="PT Serif",
            font_face="Italic",
            size=14.0,
            leading=17.0,
            alignment="left",
            hyphenate=False,
        ),
        ParagraphStyle(
            "Pull Quote",
            font_family="PT Serif",
            font_face="Bold Italic",
            size=15.0,
            leading=18.0,
            alignment="left",
            hyphenate=False,
            swatch="KT Red",
        ),
        ParagraphStyle(
            "Pull Quote Attribution",
            font_family=sans,
            font_face="Regular",
            size=8.5,
            leading=11.0,
            alignment="left",
            hyphenate=False,
            space_before=3.0,
        ),
        ParagraphStyle(
            "Photo Credit",
            font_family=sans,
            font_face="Regular",
            size=7.0,
            leading=8.0,
            alignment="right",
            hyphenate=False,
        ),
        ParagraphStyle(
            "Caption",
            font_family=sans,
            font_face="Regular",
            size=8.0,
            leading=9.5,
            alignment="left",
            hyphenate=False,
        ),
        ParagraphStyle(
            "Tagline",
            font_family=sans,
            font_face="Bold",
            size=13.0,
            leading=15.0,
            alignment="center",
            hyphenate=False,
            swatch="Paper",
        ),
        ParagraphStyle(
            "Credits",
            font_family=sans,
            font_face="Regular",
            size=7.5,
            leading=9.0,
            alignment="left",
            hyphenate=False,
        ),
        ParagraphStyle(
            "Folio",
            font_family=sans,
            font_face="Regular",
            size=7.5,
            leading=9.0,
            alignment="left",
            hyphenate=False,
        ),
        ParagraphStyle(
            "Masthead",
            font_family="PT Serif",
            font_face="Bold",
            size=60.0,
            leading=62.0,
            alignment="center",
            hyphenate=False,
        ),
        ParagraphStyle(
            "Section",
            font_family=sans,
            font_face="Bold",
            size=11.0,
            leading=13.0,
            alignment="left",
            hyphenate=False,
            all_caps=True,
            swatch="KT Red",
        ),
        ParagraphStyle("Teaser", based_on="Body", first_indent=0.0),
        ParagraphStyle(
            "Teaser Headline",
            font_family=sans,
            font_face="Bold",
            size=16.0,
            leading=18.0,
            alignment="left",
            hyphenate=False,
        ),
    ]
    return {s.name: s for s in items}


def default_character_styles() -> dict[str, CharacterStyle]:
    """Character styles every edition starts with."""
    items = [
        CharacterStyle("Dateline", font_face="Bold"),
        CharacterStyle("Emphasis", font_face="Italic"),
        CharacterStyle("Strong", font_face="Bold"),
        CharacterStyle("Credit Label", font_face="Bold"),
    ]
    return {s.name: s for s in items}
