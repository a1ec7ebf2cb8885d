"""Editing stage: the frames clipboard payload: what a copy carries, and copying it.

Qt-free. A copy is a `Payload`: the selected frames (bottom first), the whole
stories of their text frames, the paragraph styles (with their `based_on`
parents), character styles and swatches those use, and the photos (asset and
bytes, at most `MAX_ASSET_BYTES` in all). It travels as JSON under the program's
own MIME type (`clipboard_bytes.py`: written with storage's serialisers and read
back with their checks, so a payload from another window or another running
copy is trusted no more than an edition file). Pasting it is one list of
commands, executed as one undo step (`clipboard_paste.py`).

Text from a word processor or e-mail is read in `pasted_text.py` and named here
too: `clean_paragraphs` / `clean_inline` (plain paragraphs, for the story editor
and the in-place editor) and `rich_paragraphs` (the clipboard's HTML: the same
paragraphs with their bold and italic ranges, for Strong and Emphasis).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

from kupang_layout.editing.pasted_text import (
    FaceRange,
    RichParagraph,
    clean_inline,
    clean_paragraphs,
    paste_style_commands,
    rich_paragraphs,
)
from kupang_layout.model import (
    AnyFrame,
    Asset,
    CharacterStyle,
    Edition,
    ImageFrame,
    Page,
    ParagraphStyle,
    Rect,
    Story,
    Swatch,
    TextFrame,
)
from kupang_layout.storage import StorageError

MIME_TYPE = "application/x-kupang-layout-frames"
MAX_ASSET_BYTES = 128 * 1024 * 1024  # photos carried on the clipboard, in all

__all__ = [
    "MAX_ASSET_BYTES",
    "MIME_TYPE",
    "FaceRange",
    "Payload",
    "RichParagraph",
    "clean_inline",
    "clean_paragraphs",
    "copy_payload",
    "paste_style_commands",
    "rich_paragraphs",
]


@dataclass
class Payload:
    """Frames on the clipboard with everything they need in another edition."""

    frames: list[AnyFrame]
    stories: dict[str, Story] = field(default_factory=dict)
    paragraph_styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    character_styles: dict[str, CharacterStyle] = field(default_factory=dict)
    swatches: dict[str, Swatch] = field(default_factory=dict)
    assets: dict[str, Asset] = field(default_factory=dict)
    asset_data: dict[str, bytes] = field(default_factory=dict)
    page_id: str = ""
    page_size: tuple[float, float] = (0.0, 0.0)

    @property
    def bounds(self) -> Rect:
        """The rectangle around the copied frames."""
        x0 = min(f.rect.x for f in self.frames)
        y0 = min(f.rect.y for f in self.frames)
        x1 = max(f.rect.right for f in self.frames)
        y1 = max(f.rect.bottom for f in self.frames)
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def plain_text(self) -> str:
        """The copied stories' text for other programs: a line a paragraph, a blank line
        between stories, in the order of the frames."""
        seen: list[str] = []
        for f in self.frames:
            if isinstance(f, TextFrame) and f.story_id and f.story_id not in seen:
                seen.append(f.story_id)
        texts = []
        for sid in seen:
            story = self.stories.get(sid)
            if story is not None:
                texts.append("\n".join(p.text for p in story.paragraphs))
        return "\n\n".join(t for t in texts if t)


# -- copying -----------------------------------------------------------------


def _style_closure(edition: Edition, names: Iterable[str]) -> dict[str, ParagraphStyle]:
    """The named paragraph styles and their based_on parents, parents first."""
    out: dict[str, ParagraphStyle] = {}

    def visit(name: str, seen: frozenset[str]) -> None:
        style = edition.paragraph_styles.get(name)
        if style is None or name in out or name in seen:
            return
        if style.based_on is not None:
            visit(style.based_on, seen | {name})
        out[name] = copy.deepcopy(style)

    for n in names:
        visit(n, frozenset())
    return out


def copy_payload(
    edition: Edition, ids: Iterable[str], max_asset_bytes: int = MAX_ASSET_BYTES
) -> Payload | None:
    """The payload of the frames `ids` (in page z-order), or None if none exists.

    Photos whose bytes would pass `max_asset_bytes` in all are named without bytes:
    they paste into this edition (which has them) but not into another."""
    wanted = set(ids)
    frames: list[AnyFrame] = []
    page: Page | None = None
    for p in edition.pages:
        for f in p.frames:
            if f.id in wanted:
                frames.append(copy.deepcopy(f))
                page = page or p
    if not frames or page is None:
        return None
    payload = Payload(frames=frames, page_id=page.id, page_size=(page.width, page.height))
    pstyle_names: list[str] = []
    cstyle_names: list[str] = []
    swatch_names: list[str] = []
    for f in frames:
        if isinstance(f, TextFrame):
            pstyle_names.append(f.paragraph_style)
            swatch_names.append(f.fill or "")
            story = edition.stories.get(f.story_id or "")
            if story is not None and story.id not in payload.stories:
                payload.stories[story.id] = copy.deepcopy(story)
                for para in story.paragraphs:
                    pstyle_names.append(para.style)
                    cstyle_names.extend(r.char_style for r in para.runs if r.char_style)
        elif isinstance(f, ImageFrame):
            swatch_names.append(f.stroke or "")
            if f.asset and f.asset in edition.assets:
                payload.assets[f.asset] = edition.assets[f.asset]
        else:
            swatch_names.extend([getattr(f, "swatch", ""), getattr(f, "fill", "") or ""])
            swatch_names.append(getattr(f, "stroke", "") or "")
    payload.paragraph_styles = _style_closure(edition, pstyle_names)
    for name in cstyle_names:
        if name in edition.character_styles:
            payload.character_styles[name] = copy.deepcopy(edition.character_styles[name])
    swatch_names.extend(s.swatch or "" for s in payload.paragraph_styles.values())
    swatch_names.extend(s.swatch or "" for s in payload.character_styles.values())
    for name in swatch_names:
        if name in edition.swatches:
            payload.swatches[name] = edition.swatches[name]
    budget = max_asset_bytes
    for sha in payload.assets:
        try:
            data = edition.asset_source.read(sha)
        except (KeyError, OSError, StorageError):
            continue  # bytes not at hand: the photo pastes into this edition only
        if len(data) <= budget:
            payload.asset_data[sha] = data
            budget -= len(data)
    return payload
