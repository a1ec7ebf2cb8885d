"""Manuscript stage: the plan of a slot group, which frame takes which manuscript piece.

A `Plan` is worked out before any command is made: the commands that put each
piece (in the house format, `manuscript.house_format`) into the first frame of
its role in the slot group, a `Placement` per slot filled (for the report), the
pieces the group has no frame for (`unplaced`) and the roles the manuscript
leaves empty (`empty`), whose frames are then collapsed or hidden
(`empty_slot_commands`, `model.slot_stack`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kupang_layout.manuscript.house_format import (
    FOLIO_TEXT,
    body_paragraphs,
    credit_paragraphs,
    photo_credit_text,
    pull_quote_paragraphs,
    teaser_paragraphs,
)
from kupang_layout.manuscript.model import Manuscript
from kupang_layout.manuscript.stale_text import stale_text_commands
from kupang_layout.model.assets import Asset
from kupang_layout.model.command import Command
from kupang_layout.model.commands_frames import PlaceImage
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.frames import AnyFrame, ImageFrame, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.slot_stack import collapse_commands
from kupang_layout.model.story import Paragraph, Story

__all__ = [
    "TEXT_ROLES",
    "Placement",
    "Plan",
    "empty_slot_commands",
    "plan_slot",
    "slot_roles",
]

# The pieces of a manuscript, by the slot role that takes them.
TEXT_ROLES = (
    "section",
    "headline",
    "deck",
    "photo_credit",
    "body",
    "pull_quote",
    "teaser",
    "tagline",
    "credits",
)


@dataclass(frozen=True)
class Placement:
    """One slot filled: the role, the frame, and what went in (for the report)."""

    role: str
    slot: str
    frame_id: str
    text: str
    paragraphs: int = 1
    words: int = 0


@dataclass
class Plan:
    """What a slot group gets, worked out before any command is made."""

    commands: list[Command] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)


def slot_roles(frames: list[AnyFrame]) -> dict[str, list[str]]:
    """Slot group -> the roles its frames have, in frame order, each role once."""
    groups: dict[str, list[str]] = {}
    for f in frames:
        if f.role is None:
            continue
        roles = groups.setdefault(f.slot, [])
        if f.role not in roles:
            roles.append(f.role)
    return groups


def _first_story_frames(frames: list[AnyFrame], role: str, slot: str | None) -> list[TextFrame]:
    """One text frame per distinct story with this role (and slot), in frame order."""
    seen: set[str] = set()
    out: list[TextFrame] = []
    for f in frames:
        if not isinstance(f, TextFrame) or f.role != role or f.story_id is None:
            continue
        if slot is not None and f.slot != slot:
            continue
        if f.story_id not in seen:
            seen.add(f.story_id)
            out.append(f)
    return out


def _words(paragraphs: list[Paragraph]) -> int:
    return sum(len(p.text.split()) for p in paragraphs)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _role_paragraphs(
    role: str, frame: TextFrame, m: Manuscript, headline: str, page_number: int
) -> list[Paragraph] | None:
    """What the manuscript puts in a frame of this role; None when it has nothing."""
    style = frame.paragraph_style
    single: dict[str, str | None] = {
        "section": m.section,
        "headline": headline,
        "deck": m.deck,
        "photo_credit": photo_credit_text(m.photo),
        "tagline": m.tagline,
    }
    if role in single:
        value = single[role]
        return [Paragraph.plain(style, value)] if value else None
    if role == "body":
        return body_paragraphs(m) or None
    if role == "pull_quote":
        return pull_quote_paragraphs(m, style)
    if role == "credits":
        return credit_paragraphs(m, style) or None
    if role == "teaser":
        return teaser_paragraphs(m, style, page_number) or None
    return None


def _lost_pieces(m: Manuscript, roles: set[str | None], has_photo: bool) -> list[str]:
    """Manuscript pieces the slot group has no frame for, so they appear nowhere.

    A pull quote repeats a quote the body already holds, and a photo credit
    without a photo frame credits nothing, so neither is reported. A teaser
    group shows the lead on purpose: only its headline and section count.
    """
    present = {
        "section": m.section is not None,
        "headline": m.headline is not None,
        "deck": m.deck is not None,
        "photo_credit": has_photo and photo_credit_text(m.photo) is not None,
        "body": bool(m.paragraphs),
        "tagline": m.tagline is not None,
        "credits": bool(credit_paragraphs(m)),
    }
    if "teaser" in roles:
        present = {k: v for k, v in present.items() if k in ("section", "headline")}
    return [role for role, has in present.items() if has and role not in roles]


def plan_slot(
    frames: list[AnyFrame],
    stories: dict[str, Story],
    m: Manuscript,
    slot: str,
    headline: str,
    asset: Asset | None,
    page_number: int,
) -> Plan:
    """What the `slot` group of `frames` gets from `m` (`stories` by id: the frames'
    stories as they are), and the folio wherever the page's folio frame is empty."""
    plan = Plan()
    in_slot = [f for f in frames if f.slot == slot]
    for role in TEXT_ROLES:
        targets = _first_story_frames(in_slot, role, None)
        if not targets:
            continue
        frame = targets[0]
        paragraphs = _role_paragraphs(role, frame, m, headline, page_number)
        if paragraphs is None:
            plan.empty.append(role)
            plan.commands.extend(stale_text_commands(frame, stories))
            continue
        assert frame.story_id is not None
        plan.commands.append(SetStoryParagraphs(frame.story_id, paragraphs))
        plan.placements.append(
            Placement(
                role,
                slot,
                frame.id,
                _short(paragraphs[0].text),
                len(paragraphs),
                _words(paragraphs),
            )
        )
    roles = {f.role for f in in_slot}
    photos = [f for f in in_slot if isinstance(f, ImageFrame) and f.role == "photo"]
    plan.unplaced.extend(_lost_pieces(m, roles, bool(photos)))
    if photos and asset is not None:
        plan.commands.append(PlaceImage(photos[0].id, asset, fit="fill"))
        size = f"{asset.name} ({asset.width_px} x {asset.height_px} px)"
        plan.placements.append(Placement("photo", slot, photos[0].id, size, 0, 0))
    elif photos:
        plan.empty.append("photo")
    elif asset is not None:
        plan.unplaced.append("photo")
    # the folio follows the page number wherever the template put it
    for frame in _first_story_frames(frames, "folio", None):
        assert frame.story_id is not None
        story = stories.get(frame.story_id)
        if story is None or not story.text.strip():
            para = [Paragraph.plain(frame.paragraph_style, FOLIO_TEXT)]
            plan.commands.append(SetStoryParagraphs(frame.story_id, para))
            plan.placements.append(Placement("folio", frame.slot, frame.id, FOLIO_TEXT))
    return plan


def empty_slot_commands(page: Page, slot: str, plan: Plan) -> list[Command]:
    """Collapse or hide the frames of the slot group's empty roles, as their `empty_slot`
    says ('keep' frames stay as they are), and reopen the closed frames of the roles that
    have content again (a manuscript imported anew); see `model.slot_stack`."""
    empty, placed = plan.empty, {p.role for p in plan.placements}
    frames = [
        f for f in page.frames if f.slot == slot and f.role in empty and f.empty_slot != "keep"
    ]
    filled = [f for f in page.frames if f.slot == slot and f.role in placed]
    if not frames and not filled:
        return []
    return collapse_commands(page.frames, page.height - page.margins.bottom, frames, filled)
