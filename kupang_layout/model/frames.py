"""Model stage: frames on a page (text, image, rule, box) and their slot roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kupang_layout.model.geometry import Rect

SLOT_ROLES = (
    "headline",
    "deck",
    "section",
    "photo",
    "photo_credit",
    "caption",
    "dateline",
    "body",
    "pull_quote",
    "tagline",
    "credits",
    "folio",
    "masthead",
    "teaser",
    "free",
    "ad",
)

FIT_MODES = ("fill", "fit", "stretch", "manual")

# What a slot frame does when the manuscript leaves its slot empty (docs/TEMPLATES.md):
# 'keep' the space (an ad, a photo to come), 'collapse' it (the frames below in the same
# columns move up, the story's body grows), 'hide' the frame (not printed, space kept).
EMPTY_SLOT_MODES = ("keep", "collapse", "hide")


@dataclass
class Frame:
    """What every frame has. `role` is the template slot it fills, if any.

    `slot` names the story slot group inside a template ('main', 'second',
    'teaser1'...), so a page with two stories keeps their slots apart.
    `empty_slot` says what a manuscript import does with the frame when its slot
    stays empty: one of EMPTY_SLOT_MODES.
    """

    id: str
    rect: Rect
    name: str = ""
    locked: bool = False
    printable: bool = True
    role: str | None = None
    slot: str = "main"
    empty_slot: str = "keep"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        raise NotImplementedError


@dataclass
class TextFrame(Frame):
    """A text frame: shows part of a story; may be one link of a threaded chain."""

    story_id: str | None = None
    chain_index: int = 0
    paragraph_style: str = "Body"
    columns: int = 1
    gutter: float = 12.0
    inset: float = 0.0
    balance: bool = False
    fill: str | None = None
    vertical_align: str = "top"

    @property
    def kind(self) -> str:
        return "text"


@dataclass
class ImageFrame(Frame):
    """An image frame: an asset fitted into the rect.

    The picture's base size comes from the fit mode: 'fill' covers the frame,
    'fit' fits inside it, 'manual' is one point per pixel (72 ppi). `scale`
    multiplies that base size; the picture is centred on the frame and then
    moved by (offset_x, offset_y) points. 'stretch' distorts the picture to the
    frame exactly and ignores scale and offset.
    """

    asset: str | None = None
    fit: str = "fill"
    scale: float = 1.0
    offset_x: float = 0.0
    offset_y: float = 0.0
    stroke: str | None = None
    stroke_weight: float = 0.0

    @property
    def kind(self) -> str:
        return "image"


@dataclass
class Rule(Frame):
    """A straight rule from (rect.x, rect.y) to (rect.right, rect.bottom)."""

    weight: float = 0.5
    swatch: str = "Black"

    @property
    def kind(self) -> str:
        return "rule"

    @property
    def ends(self) -> tuple[tuple[float, float], tuple[float, float]]:
        return ((self.rect.x, self.rect.y), (self.rect.right, self.rect.bottom))


@dataclass
class Box(Frame):
    """A filled and/or stroked rectangle."""

    fill: str | None = "Grey 20"
    stroke: str | None = None
    stroke_weight: float = 0.0

    @property
    def kind(self) -> str:
        return "box"


AnyFrame = TextFrame | ImageFrame | Rule | Box
