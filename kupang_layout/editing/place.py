"""Editing stage: Place (Ctrl+D): where a placed photo or manuscript lands, as model commands.

Qt-free. A click places at the natural size: a photo at its size at 300 ppi
(scaled down to fit the page's trim when larger), its top-left corner at the
click; a manuscript in a text frame one column wide, from the click down to the
bottom margin. A drag gives the frame's rectangle instead. A manuscript placed
in a free text frame brings its running text (lead, body, quotes with their
attributions, tagline) in the frame's paragraph style; the lead gets "Lead"
when the edition has that style.
"""

from __future__ import annotations

from kupang_layout.editing.frame_ops import new_frame
from kupang_layout.manuscript.model import Manuscript
from kupang_layout.model import (
    AddFrame,
    Asset,
    Command,
    Edition,
    ImageFrame,
    Page,
    Paragraph,
    PlaceImage,
    Rect,
    SetStoryParagraphs,
    TextFrame,
)

PLACE_PPI = 300.0
MIN_DRAG = 4.0  # points: a smaller drag is a click
MIN_TEXT_HEIGHT = 72.0  # points, when the click is near the bottom margin


def image_size(asset: Asset, page: Page, ppi: float = PLACE_PPI) -> tuple[float, float]:
    """The photo's size at `ppi` (points), scaled down to fit the page's trim."""
    w = asset.width_px * 72.0 / ppi
    h = asset.height_px * 72.0 / ppi
    if asset.ext == "pdf":  # an ad's PDF: its trim size in points
        w, h = float(asset.width_px), float(asset.height_px)
    scale = min(1.0, page.width / max(w, 1e-6), page.height / max(h, 1e-6))
    return w * scale, h * scale


def drag_rect(x0: float, y0: float, x1: float, y1: float) -> Rect | None:
    """The rectangle a drag spans, or None for a click."""
    if abs(x1 - x0) < MIN_DRAG and abs(y1 - y0) < MIN_DRAG:
        return None
    return Rect(min(x0, x1), min(y0, y1), max(abs(x1 - x0), 1.0), max(abs(y1 - y0), 1.0))


def image_rect_at(page: Page, asset: Asset, x: float, y: float) -> Rect:
    w, h = image_size(asset, page)
    return Rect(x, y, w, h)


def text_rect_at(page: Page, x: float, y: float) -> Rect:
    """A column-wide frame: the grid column under x (the nearest one), from y down to the
    bottom margin (at least MIN_TEXT_HEIGHT)."""
    cols = page.column_edges()
    left, right = min(
        cols, key=lambda c: 0.0 if c[0] <= x <= c[1] else min(abs(x - c[0]), abs(x - c[1]))
    )
    bottom = page.content_rect.bottom
    height = bottom - y if bottom - y >= MIN_TEXT_HEIGHT else MIN_TEXT_HEIGHT
    return Rect(left, y, right - left, height)


def place_image_commands(page: Page, rect: Rect, asset: Asset) -> tuple[list[Command], str]:
    """A new image frame over `rect` holding the photo (fill: at its natural size the
    frame has the photo's proportions, so all of it shows)."""
    frame, _ = new_frame("image", rect)
    return [AddFrame(page.id, frame), PlaceImage(frame.id, asset, "fill")], frame.id


def manuscript_paragraphs(edition: Edition, ms: Manuscript, style: str) -> list[Paragraph]:
    """A manuscript's running text as paragraphs in `style` (the lead in "Lead" if the
    edition has it)."""
    out: list[Paragraph] = []
    for p in ms.paragraphs:
        text = p.text if not p.attribution else f"{p.text} {p.attribution}"
        kind_style = "Lead" if p.kind == "lead" and "Lead" in edition.paragraph_styles else style
        out.append(Paragraph.plain(kind_style, text))
    if ms.tagline:
        out.append(Paragraph.plain(style, ms.tagline))
    if not out and ms.headline:
        out.append(Paragraph.plain(style, ms.headline))
    return out or [Paragraph.plain(style, "")]


def place_text_commands(
    page: Page, rect: Rect, paragraphs: list[Paragraph]
) -> tuple[list[Command], str]:
    """A new text frame over `rect` with its own story holding `paragraphs`."""
    frame, story = new_frame("text", rect)
    assert isinstance(frame, TextFrame) and story is not None
    story.paragraphs = paragraphs
    if paragraphs:
        frame.paragraph_style = paragraphs[-1].style
    return [AddFrame(page.id, frame, story=story)], frame.id


def fill_text_commands(frame: TextFrame, paragraphs: list[Paragraph]) -> list[Command]:
    """Replace the story of a (free) text frame with `paragraphs`."""
    if not frame.story_id:
        return []
    return [SetStoryParagraphs(frame.story_id, paragraphs)]


def fill_image_commands(frame: ImageFrame, asset: Asset) -> list[Command]:
    return [PlaceImage(frame.id, asset)]
