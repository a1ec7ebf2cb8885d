"""Editing stage: the frames clipboard payload (copy, check, paste as commands) and pasted text.

Qt-free. A copy is a `Payload`: the selected frames (bottom first), the whole
stories of their text frames, the paragraph styles (with their `based_on`
parents), character styles and swatches those use, and the photos (asset and
bytes, at most `MAX_ASSET_BYTES` in all). It travels as JSON under the program's
own MIME type, written with storage's serialisers and read back with their
checks, so a payload from another window or another running copy is trusted no
more than an edition file.

Pasting (`paste_commands`) renews every frame and story id, keeps copied frames
of one story threaded among themselves, and adds what the edition lacks:
a style or swatch whose name the edition already has is the edition's own
(InDesign's default: the document's definition wins), a photo it lacks is taken
in through storage's door (decoded whole). All of it is one list of commands,
executed as one undo step.

Text from a word processor or e-mail is read in `pasted_text.py` and named here
too: `clean_paragraphs` / `clean_inline` (plain paragraphs, for the story editor
and the in-place editor) and `rich_paragraphs` (the clipboard's HTML: the same
paragraphs with their bold and italic ranges, for Strong and Emphasis).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kupang_layout.editing.pasted_text import (
    FaceRange,
    RichParagraph,
    clean_inline,
    clean_paragraphs,
    paste_style_commands,
    rich_paragraphs,
)
from kupang_layout.errors import KupangError
from kupang_layout.model import (
    AddFrame,
    AnyFrame,
    Asset,
    CharacterStyle,
    Command,
    DefineCharacterStyle,
    DefineParagraphStyle,
    DefineSwatch,
    Edition,
    ImageFrame,
    Page,
    ParagraphStyle,
    Rect,
    Story,
    Swatch,
    TextFrame,
    new_id,
)
from kupang_layout.model.commands_frames import AddAsset
from kupang_layout.storage import StorageError, add_asset
from kupang_layout.storage.fields import At
from kupang_layout.storage.references import check_edition
from kupang_layout.storage.serialize_frames import frame_from_dict, frame_to_dict
from kupang_layout.storage.serialize_stories import story_from_dict, story_to_dict
from kupang_layout.storage.serialize_styles import (
    asset_from_dict,
    asset_to_dict,
    character_style_from_dict,
    character_style_to_dict,
    paragraph_style_from_dict,
    paragraph_style_to_dict,
    swatch_from_dict,
    swatch_to_dict,
)

MIME_TYPE = "application/x-kupang-layout-frames"
PAYLOAD_FORMAT = "kupang-layout-frames"
PAYLOAD_VERSION = 1
MAX_ASSET_BYTES = 128 * 1024 * 1024  # photos carried on the clipboard, in all
MAX_PAYLOAD_BYTES = MAX_ASSET_BYTES * 4 // 3 + 64 * 1024 * 1024  # base64 photos + the rest
MAX_FRAMES = 2000

__all__ = [
    "MAX_ASSET_BYTES",
    "MIME_TYPE",
    "ClipboardError",
    "FaceRange",
    "Paste",
    "Payload",
    "RichParagraph",
    "clean_inline",
    "clean_paragraphs",
    "copy_payload",
    "paste_commands",
    "paste_style_commands",
    "payload_from_bytes",
    "payload_to_bytes",
    "rich_paragraphs",
]


class ClipboardError(KupangError):
    """What is on the clipboard is not a payload this program can paste."""


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


# -- bytes on the clipboard ------------------------------------------------------


def payload_to_bytes(payload: Payload) -> bytes:
    doc = {
        "format": PAYLOAD_FORMAT,
        "version": PAYLOAD_VERSION,
        "page": {
            "id": payload.page_id,
            "width": payload.page_size[0],
            "height": payload.page_size[1],
        },
        "frames": [frame_to_dict(f) for f in payload.frames],
        "stories": [story_to_dict(s) for s in payload.stories.values()],
        "paragraph_styles": [paragraph_style_to_dict(s) for s in payload.paragraph_styles.values()],
        "character_styles": [character_style_to_dict(s) for s in payload.character_styles.values()],
        "swatches": [swatch_to_dict(s) for s in payload.swatches.values()],
        "assets": [
            {
                "asset": asset_to_dict(a),
                "data": (
                    base64.b64encode(payload.asset_data[sha]).decode("ascii")
                    if sha in payload.asset_data
                    else None
                ),
            }
            for sha, a in payload.assets.items()
        ],
    }
    return json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _list(doc: dict[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ClipboardError(f"clipboard: {key} must be a list")
    return value


def payload_from_bytes(data: bytes) -> Payload:
    """Read a payload back, checked as an edition file is; ClipboardError if it is not one."""
    if len(data) > MAX_PAYLOAD_BYTES:
        raise ClipboardError("clipboard: the copied frames are too large to paste")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ClipboardError(f"clipboard: not readable ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != PAYLOAD_FORMAT:
        raise ClipboardError("clipboard: not frames of Kupang Layout")
    if doc.get("version") != PAYLOAD_VERSION:
        raise ClipboardError("clipboard: written by another version of Kupang Layout")
    at = At("clipboard")
    try:
        frames = [
            frame_from_dict(v, at.key("frames").index(i))
            for i, v in enumerate(_list(doc, "frames"))
        ]
        if not frames or len(frames) > MAX_FRAMES:
            raise ClipboardError("clipboard: no frames, or too many")
        stories = [
            story_from_dict(v, at.key("stories").index(i))
            for i, v in enumerate(_list(doc, "stories"))
        ]
        pstyles = [
            paragraph_style_from_dict(v, at.key("paragraph_styles").index(i))
            for i, v in enumerate(_list(doc, "paragraph_styles"))
        ]
        cstyles = [
            character_style_from_dict(v, at.key("character_styles").index(i))
            for i, v in enumerate(_list(doc, "character_styles"))
        ]
        swatches = [
            swatch_from_dict(v, at.key("swatches").index(i))[0]
            for i, v in enumerate(_list(doc, "swatches"))
        ]
        assets: dict[str, Asset] = {}
        asset_data: dict[str, bytes] = {}
        for i, item in enumerate(_list(doc, "assets")):
            if not isinstance(item, dict):
                raise ClipboardError(f"clipboard: assets[{i}] must be an object")
            asset = asset_from_dict(item.get("asset"), at.key("assets").index(i).key("asset"))
            assets[asset.sha256] = asset
            raw = item.get("data")
            if isinstance(raw, str):
                blob = base64.b64decode(raw.encode("ascii"), validate=True)
                if hashlib.sha256(blob).hexdigest() != asset.sha256:
                    raise ClipboardError(f"clipboard: the bytes of {asset.name!r} do not match")
                asset_data[asset.sha256] = blob
        page = doc.get("page")
        page = page if isinstance(page, dict) else {}
        width, height = page.get("width", 0.0), page.get("height", 0.0)
        payload = Payload(
            frames=frames,
            stories={s.id: s for s in stories},
            paragraph_styles={s.name: s for s in pstyles},
            character_styles={s.name: s for s in cstyles},
            swatches={s.name: s for s in swatches},
            assets=assets,
            asset_data=asset_data,
            page_id=str(page.get("id", "")),
            page_size=(
                float(width) if isinstance(width, int | float) else 0.0,
                float(height) if isinstance(height, int | float) else 0.0,
            ),
        )
        scratch = Edition(
            pages=[Page(id="clipboard", number=1, width=1.0, height=1.0, frames=payload.frames)],
            stories=payload.stories,
            paragraph_styles=payload.paragraph_styles,
            character_styles=payload.character_styles,
            swatches=payload.swatches,
            assets=payload.assets,
        )
        check_edition(scratch, at)
    except (StorageError, ValueError, TypeError) as exc:
        raise ClipboardError(f"clipboard: {exc}") from exc
    return payload


# -- pasting -----------------------------------------------------------------


@dataclass
class Paste:
    """The commands of one paste (one undo step), the new frames' ids and the photos
    that could not come along (their frames are pasted empty)."""

    commands: list[Command]
    frame_ids: list[str]
    missing_assets: list[str]


def _styles_first_parents(styles: dict[str, ParagraphStyle]) -> list[ParagraphStyle]:
    out: list[ParagraphStyle] = []
    done: set[str] = set()

    def visit(name: str, seen: frozenset[str]) -> None:
        if name in done or name in seen or name not in styles:
            return
        parent = styles[name].based_on
        if parent is not None:
            visit(parent, seen | {name})
        done.add(name)
        out.append(styles[name])

    for n in styles:
        visit(n, frozenset())
    return out


def paste_commands(edition: Edition, page: Page, payload: Payload, dx: float, dy: float) -> Paste:
    """Commands that paste the payload onto `page`, moved by (dx, dy).

    Every id is new; the copies are unlocked; a booked ad's copy is no longer the
    booked ad. Styles and swatches are added only where the edition lacks the name."""
    commands: list[Command] = []
    for sw in payload.swatches.values():
        if sw.name not in edition.swatches:
            commands.append(DefineSwatch(sw))
    for ps in _styles_first_parents(payload.paragraph_styles):
        if ps.name not in edition.paragraph_styles:
            commands.append(DefineParagraphStyle(copy.deepcopy(ps)))
    for cs in payload.character_styles.values():
        if cs.name not in edition.character_styles:
            commands.append(DefineCharacterStyle(copy.deepcopy(cs)))
    usable: set[str] = set()
    missing: list[str] = []
    for sha, asset in payload.assets.items():
        if sha in edition.assets:
            usable.add(sha)
            continue
        data = payload.asset_data.get(sha)
        if data is None:
            if edition.asset_source.has(sha):
                commands.append(AddAsset(asset))
                usable.add(sha)
            else:
                missing.append(asset.name or sha)
            continue
        try:
            taken = add_asset(edition, data, asset.name, allow_pdf=asset.ext == "pdf")
        except StorageError:
            missing.append(asset.name or sha)
            continue
        commands.append(AddAsset(taken))
        usable.add(sha)
    story_ids: dict[str, str] = {}
    chain_places: dict[str, int] = {}
    ordered = sorted(
        payload.frames,
        key=lambda f: f.chain_index if isinstance(f, TextFrame) else 0,
    )
    for f in ordered:  # the chain index each copied text frame gets, in reading order
        if isinstance(f, TextFrame) and f.story_id in payload.stories:
            sid = f.story_id
            chain_places[f.id] = chain_places.get("#" + sid, 0)
            chain_places["#" + sid] = chain_places[f.id] + 1
    frame_ids: list[str] = []
    for f in payload.frames:
        dup = copy.deepcopy(f)
        dup.id = new_id("f")
        dup.rect = f.rect.moved(dx, dy)
        dup.locked = False
        if dup.role == "ad" or "ad" in dup.extra:
            dup.extra = {k: v for k, v in dup.extra.items() if k != "ad"}
            dup.role = None if dup.role == "ad" else dup.role
        story: Story | None = None
        if isinstance(dup, TextFrame):
            source = payload.stories.get(dup.story_id or "")
            if source is None:
                dup.story_id, dup.chain_index = None, 0
            else:
                if source.id not in story_ids:
                    story = copy.deepcopy(source)
                    story.id = new_id("s")
                    story_ids[source.id] = story.id
                dup.story_id = story_ids[source.id]
                dup.chain_index = chain_places[f.id]
        elif isinstance(dup, ImageFrame) and dup.asset is not None and dup.asset not in usable:
            dup.asset = None
        commands.append(AddFrame(page.id, dup, story=story))
        frame_ids.append(dup.id)
    return Paste(commands, frame_ids, missing)
