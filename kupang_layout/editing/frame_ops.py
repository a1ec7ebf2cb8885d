"""GUI stage: the model commands behind frame operations (create, nudge, duplicate, arrange).

No Qt: each function returns the list of commands the canvas executes as one
undo step.
"""

from __future__ import annotations

import copy

from kupang_layout.model import (
    AddFrame,
    AnyFrame,
    Box,
    Command,
    Edition,
    ImageFrame,
    Page,
    Paragraph,
    Rect,
    RemoveFrame,
    ReorderFrame,
    Rule,
    SetFrameProperties,
    SetFrameRect,
    Story,
    TextFrame,
    new_id,
)

FRAME_KINDS = ("text", "image", "rule", "box")


def new_frame(kind: str, rect: Rect) -> tuple[AnyFrame, Story | None]:
    """A new frame of `kind`; a text frame comes with its own empty story."""
    fid = new_id("f")
    if kind == "text":
        story = Story(id=new_id("s"), paragraphs=[Paragraph.plain("Body", "")])
        return TextFrame(fid, rect, story_id=story.id), story
    if kind == "image":
        return ImageFrame(fid, rect), None
    if kind == "rule":
        return Rule(fid, rect), None
    if kind == "box":
        return Box(fid, rect), None
    raise ValueError(f"unknown frame kind {kind!r}")


def add_frame_command(page: Page, kind: str, rect: Rect) -> tuple[AddFrame, str]:
    frame, story = new_frame(kind, rect)
    return AddFrame(page.id, frame, story=story), frame.id


def _movable(edition: Edition, ids: list[str]) -> list[AnyFrame]:
    out = []
    for fid in ids:
        found = edition.find_frame(fid)
        if found is not None and not found[1].locked:
            out.append(found[1])
    return out


def move_commands(edition: Edition, ids: list[str], dx: float, dy: float) -> list[Command]:
    """Move the unlocked frames among `ids` by (dx, dy)."""
    if dx == 0 and dy == 0:
        return []
    return [SetFrameRect(f.id, f.rect.moved(dx, dy)) for f in _movable(edition, ids)]


def delete_commands(edition: Edition, ids: list[str]) -> list[Command]:
    return [RemoveFrame(f.id) for f in _movable(edition, ids)]


def lock_commands(edition: Edition, ids: list[str], locked: bool) -> list[Command]:
    out: list[Command] = []
    for fid in ids:
        found = edition.find_frame(fid)
        if found is not None and found[1].locked != locked:
            out.append(SetFrameProperties(fid, label="lock", locked=locked))
    return out


def duplicate_commands(
    edition: Edition, ids: list[str], dx: float, dy: float
) -> tuple[list[Command], list[str]]:
    """Copies of the frames moved by (dx, dy), on top. A text frame's copy gets a
    copy of its story's text (a new, unthreaded story)."""
    commands: list[Command] = []
    new_ids: list[str] = []
    for fid in ids:
        found = edition.find_frame(fid)
        if found is None:
            continue
        page, frame = found
        dup = copy.deepcopy(frame)
        dup.id = new_id("f")
        dup.rect = frame.rect.moved(dx, dy)
        dup.locked = False
        story: Story | None = None
        if isinstance(dup, TextFrame) and isinstance(frame, TextFrame):
            source = edition.stories.get(frame.story_id or "")
            story = Story(id=new_id("s"))
            if source is not None and frame.chain_index == 0:
                story.paragraphs = copy.deepcopy(source.paragraphs)
            else:
                story.paragraphs = [Paragraph.plain(dup.paragraph_style, "")]
            dup.story_id, dup.chain_index = story.id, 0
        commands.append(AddFrame(page.id, dup, story=story))
        new_ids.append(dup.id)
    return commands, new_ids


def arrange_commands(page: Page, ids: list[str], how: str) -> list[Command]:
    """Z-order: 'forward', 'backward' (one step), 'front', 'back'."""
    order = [f.id for f in page.frames]
    chosen = [fid for fid in order if fid in ids]
    if not chosen:
        return []
    commands: list[Command] = []
    if how in ("front", "forward"):
        limit = len(order) - 1
        for fid in reversed(chosen):
            idx = order.index(fid)
            target = limit if how == "front" else min(limit, idx + 1)
            if target != idx:
                order.insert(target, order.pop(idx))
                commands.append(ReorderFrame(fid, target))
            limit = target - 1
    elif how in ("back", "backward"):
        floor = 0
        for fid in chosen:
            idx = order.index(fid)
            target = floor if how == "back" else max(floor, idx - 1)
            if target != idx:
                order.insert(target, order.pop(idx))
                commands.append(ReorderFrame(fid, target))
            floor = target + 1
    else:
        raise ValueError(f"unknown arrangement {how!r}")
    return commands
