"""Engine stage: the display list: frozen items in page points that renderers draw.

Coordinates: points, origin at the top-left corner of the trim, y down. Text
baselines are absolute. A renderer never measures or breaks text: every word
carries its x and the advance of each of its characters (letter-spacing
included), computed from the bundled fonts' own metrics.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Ink:
    """A CMYK colour in percent (0..100) with the swatch name it came from."""

    name: str
    c: float
    m: float
    y: float
    k: float
    overprint: bool = False

    def __init__(
        self,
        name: str,
        c: float,
        m: float,
        y: float,
        k: float,
        overprint: bool = False,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "c", c)
        object.__setattr__(self, "m", m)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "k", k)
        object.__setattr__(self, "overprint", overprint)

    @property
    def total(self) -> float:
        return self.c + self.m + self.y + self.k


@dataclass(frozen=True, slots=True)
class PlacedWord:
    """One word (or glyph cluster run) at baseline x; `advances` per character.

    A frozen record with a written-out `__init__` (see `lines.ComposedLine.__init__`):
    compiled, it is made faster than a named tuple, whose `__new__` runs interpreted; a
    page has a thousand or more. Read by attribute only (it is not a tuple)."""

    text: str
    x: float
    advances: tuple[float, ...]

    def __init__(self, text: str, x: float, advances: tuple[float, ...]) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "advances", advances)

    @property
    def width(self) -> float:
        return sum(self.advances)


@dataclass(frozen=True, slots=True)
class TextRun:
    """Words on one baseline sharing face, size and ink (a line with mixed faces
    is several runs with the same `paragraph` and `line`).

    `face` is the registry key ('PT Serif/Bold'); `letter_spacing` is the extra
    advance after each character, already included in the words' advances;
    `h_scale` the horizontal scale of the glyphs (glyph scaling in justified text,
    1.0 = 100 %), also included in the advances: a renderer draws each glyph
    `h_scale` times as wide at the advance's position (PDF `Tz`, Qt a transform).
    `frame_id`, `story_id`, `paragraph` and `line` tie the line back to the model.
    """

    face: str
    size: float
    ink: Ink
    y: float
    words: tuple[PlacedWord, ...]
    letter_spacing: float = 0.0
    frame_id: str = ""
    story_id: str = ""
    paragraph: int = -1
    line: int = -1
    h_scale: float = 1.0

    def __init__(
        self,
        face: str,
        size: float,
        ink: Ink,
        y: float,
        words: tuple[PlacedWord, ...],
        letter_spacing: float = 0.0,
        frame_id: str = "",
        story_id: str = "",
        paragraph: int = -1,
        line: int = -1,
        h_scale: float = 1.0,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "face", face)
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "ink", ink)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "letter_spacing", letter_spacing)
        object.__setattr__(self, "frame_id", frame_id)
        object.__setattr__(self, "story_id", story_id)
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "h_scale", h_scale)

    @property
    def x(self) -> float:
        return self.words[0].x if self.words else 0.0

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True, slots=True)
class RuleItem:
    """A straight stroke from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float
    weight: float
    ink: Ink
    frame_id: str = ""


@dataclass(frozen=True, slots=True)
class BoxItem:
    """A rectangle, filled and/or stroked."""

    x: float
    y: float
    width: float
    height: float
    fill: Ink | None
    stroke: Ink | None = None
    stroke_weight: float = 0.0
    frame_id: str = ""


# Smallest extent (pt) a placed picture may have and still count as placed.
MIN_IMAGE_EXTENT = 1e-6


@dataclass(frozen=True, slots=True)
class ImageItem:
    """A picture clipped to a rect.

    (clip_*) is the visible area on the page (the frame, extended into the
    bleed where the frame touches the trim); (img_*) is where the whole picture
    lands, so the crop is what lies outside the clip.
    """

    asset: str
    clip_x: float
    clip_y: float
    clip_width: float
    clip_height: float
    img_x: float
    img_y: float
    img_width: float
    img_height: float
    width_px: int
    height_px: int
    frame_id: str = ""

    def visible_rect(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) of the picture inside its clip, or None if nothing shows."""
        if self.img_width < MIN_IMAGE_EXTENT or self.img_height < MIN_IMAGE_EXTENT:
            return None
        left = max(self.clip_x, self.img_x)
        top = max(self.clip_y, self.img_y)
        right = min(self.clip_x + self.clip_width, self.img_x + self.img_width)
        bottom = min(self.clip_y + self.clip_height, self.img_y + self.img_height)
        if right - left < MIN_IMAGE_EXTENT or bottom - top < MIN_IMAGE_EXTENT:
            return None
        return left, top, right, bottom

    @property
    def effective_ppi(self) -> float:
        """Pixels per inch as placed (the lower of the two axes)."""
        # A picture squeezed below a millionth of a point has no resolution worth
        # naming (and dividing by it would overflow to infinity).
        if self.img_width < MIN_IMAGE_EXTENT or self.img_height < MIN_IMAGE_EXTENT:
            return 0.0
        return min(
            self.width_px / (self.img_width / 72.0), self.height_px / (self.img_height / 72.0)
        )


@dataclass(frozen=True, slots=True)
class Marker:
    """A non-printing mark: frame edge, overset sign, empty-slot placeholder, port."""

    kind: str
    x: float
    y: float
    width: float
    height: float
    frame_id: str = ""
    label: str = ""


Item = TextRun | RuleItem | BoxItem | ImageItem | Marker


def item_inks(item: Item) -> tuple[Ink, ...]:
    """The inks an item prints with (none for images and markers)."""
    if isinstance(item, TextRun | RuleItem):
        return (item.ink,)
    if isinstance(item, BoxItem):
        return tuple(i for i in (item.fill, item.stroke) if i is not None)
    return ()


@dataclass(frozen=True, slots=True)
class PageDisplayList:
    """Everything on one page, in paint order (first item drawn first)."""

    page_id: str
    number: int
    width: float
    height: float
    bleed: float
    items: tuple[Item, ...]

    def printing(self) -> tuple[Item, ...]:
        """The items that print (markers left out)."""
        return tuple(i for i in self.items if not isinstance(i, Marker))

    def text_runs(self) -> tuple[TextRun, ...]:
        return tuple(i for i in self.items if isinstance(i, TextRun))
