"""Preflight stage: frames on the pasteboard or partly beyond the bleed, with their position.

The canvas shows the pasteboard around the page; the PDF is cut at the bleed.
Every frame that lies wholly outside the bleed (parked on the pasteboard) is a
warning, "will not print"; it is an error when text is set in it that is
printed nowhere else (as overset text is: the reader loses it). A frame that
crosses the bleed edge is a warning: the part beyond the bleed is cut off.
"""

from __future__ import annotations

import re
import unicodedata

from kupang_layout.engine.displaylist import PageDisplayList, TextRun
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.units import mm, to_mm
from kupang_layout.preflight.context import PageContext
from kupang_layout.preflight.issues import Issue

#: A frame may pass the bleed edge by this much before it is reported (drawing slack).
BEYOND_TOLERANCE = mm(0.5)

_NOT_WORD = re.compile(r"[^\w]+")


def wholly_outside(page: Page, rect: Rect) -> bool:
    """True if the rect lies wholly outside the page's bleed (on the pasteboard)."""
    area = page.bleed_rect
    return (
        rect.right <= area.x
        or rect.x >= area.right
        or rect.bottom <= area.y
        or rect.y >= area.bottom
    )


def beyond_bleed(page: Page, rect: Rect) -> tuple[str, float]:
    """The edge where the rect passes the bleed furthest and by how much (points);
    ("", 0.0) if it stays inside."""
    area = page.bleed_rect
    over = {
        "left": area.x - rect.x,
        "right": rect.right - area.right,
        "top": area.y - rect.y,
        "bottom": rect.bottom - area.bottom,
    }
    edge = max(over, key=lambda k: over[k])
    return (edge, over[edge]) if over[edge] > 0 else ("", 0.0)


def placement_rules(
    ctx: PageContext, dl: PageDisplayList, cut_text: frozenset[str] = frozenset()
) -> list[Issue]:
    """One issue for every frame of the page outside or across the bleed.

    `dl` is the page's whole display list, pasteboard frames included. Frames in
    `cut_text` already have an error for text crossing the trim: it says the
    same thing, so they get no warning for crossing the bleed.
    """
    page = ctx.page
    out: list[Issue] = []
    words = _words_by_frame(dl)
    for frame in page.frames:
        x, y = round(to_mm(frame.rect.x), 1), round(to_mm(frame.rect.y), 1)
        if wholly_outside(page, frame.rect):
            n = words.get(frame.id, 0)
            if n and not _printed_elsewhere(ctx.edition, frame):
                out.append(ctx.issue("error", "frame-pasteboard-text", frame, x=x, y=y, words=n))
            else:
                out.append(ctx.issue("warning", "frame-pasteboard", frame, x=x, y=y))
            continue
        edge, distance = beyond_bleed(page, frame.rect)
        if distance > BEYOND_TOLERANCE and frame.id not in cut_text:
            out.append(
                ctx.issue(
                    "warning",
                    "frame-beyond-bleed",
                    frame,
                    x=x,
                    y=y,
                    edge=edge,
                    distance=round(to_mm(distance), 1),
                )
            )
    return out


def _words_by_frame(dl: PageDisplayList) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in dl.items:
        if isinstance(item, TextRun):
            n = sum(1 for w in item.words if w.text.strip())
            if n:
                counts[item.frame_id] = counts.get(item.frame_id, 0) + n
    return counts


def _printed_elsewhere(edition: Edition, frame: AnyFrame) -> bool:
    """True if the text set in this pasteboard frame also prints in another story.

    Each line of a story is set in exactly one frame, so text of a story that
    prints in other frames is lost here. A story wholly on the pasteboard is a
    copy only if its whole text appears in a story that prints (a pull quote
    repeating a sentence of the body).
    """
    if not isinstance(frame, TextFrame) or not frame.story_id:
        return False
    story = edition.stories.get(frame.story_id)
    if story is None:
        return False
    printing = _printing_stories(edition)
    if frame.story_id in printing:
        return False
    needle = _normalised(story.text)
    if not needle:
        return True
    return any(
        needle in _normalised(other.text)
        for sid, other in edition.stories.items()
        if sid in printing
    )


def _printing_stories(edition: Edition) -> set[str]:
    """Ids of the stories with a frame inside the bleed of some page."""
    out: set[str] = set()
    for page in edition.pages:
        for f in page.frames:
            if isinstance(f, TextFrame) and f.story_id and not wholly_outside(page, f.rect):
                out.add(f.story_id)
    return out


def _normalised(text: str) -> str:
    """Words only, case-folded, quotes and dashes ignored: what a reader would recognise."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())
