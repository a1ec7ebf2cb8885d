"""Editing stage: pasting a frames clipboard payload: the commands of one undo step.

Qt-free. Every frame and story id is renewed, copied frames of one story stay
threaded among themselves, and what the edition lacks is added: a style or
swatch whose name the edition already has is the edition's own (InDesign's
default: the document's definition wins), a photo it lacks is taken in through
storage's door (decoded whole).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from kupang_layout.editing.clipboard import Payload
from kupang_layout.model import (
    AddFrame,
    Command,
    DefineCharacterStyle,
    DefineParagraphStyle,
    DefineSwatch,
    Edition,
    ImageFrame,
    Page,
    ParagraphStyle,
    Story,
    TextFrame,
    new_id,
)
from kupang_layout.model.commands_frames import AddAsset
from kupang_layout.storage import StorageError, add_asset

__all__ = ["Paste", "paste_commands"]


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
