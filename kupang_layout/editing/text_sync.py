"""GUI stage: turning edited plain text back into story commands, keeping character styles (no Qt).

The story editor shows each paragraph as one block of plain text. After an
edit, the changed span (common prefix and suffix of old and new text) is
replaced; the characters outside it keep their runs, and inserted text takes
the style of the character before it, as in any word processor.
"""

from __future__ import annotations

import copy

from kupang_layout.model import (
    Command,
    Paragraph,
    Run,
    SetParagraphStyleName,
    SetParagraphText,
    SetStoryParagraphs,
    Story,
)


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str, limit: int) -> int:
    n = min(len(a), len(b)) - limit
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def edit_runs(runs: list[Run], new_text: str) -> list[Run]:
    """The runs of a paragraph after its text became `new_text`."""
    if not runs:
        return [Run(new_text)]
    old = "".join(r.text for r in runs)
    if old == new_text:
        return copy.deepcopy(runs)
    owner: list[int] = []
    for i, r in enumerate(runs):
        owner.extend([i] * len(r.text))
    pre = _common_prefix(old, new_text)
    suf = _common_suffix(old, new_text, pre)
    inserted = new_text[pre : len(new_text) - suf]
    if pre > 0:
        style_of_insert = owner[pre - 1]
    elif pre < len(owner):
        style_of_insert = owner[pre]
    else:
        style_of_insert = 0
    new_owner = owner[:pre] + [style_of_insert] * len(inserted) + owner[len(old) - suf :]
    out: list[Run] = []
    start = 0
    for i in range(1, len(new_text) + 1):
        if i == len(new_text) or new_owner[i] != new_owner[start]:
            src = runs[new_owner[start]]
            out.append(Run(new_text[start:i], src.char_style, copy.deepcopy(src.extra)))
            start = i
    return out or [Run("", runs[0].char_style, copy.deepcopy(runs[0].extra))]


Block = tuple[str, str]  # (paragraph style, text)


def blocks_of(story: Story) -> list[Block]:
    return [(p.style, p.text) for p in story.paragraphs]


def story_commands(story: Story, blocks: list[Block]) -> tuple[list[Command], bool]:
    """Commands that make `story` show `blocks`, and whether paragraphs were added or
    removed (a structural edit, undone as a whole)."""
    old = story.paragraphs
    if len(old) == len(blocks):
        commands: list[Command] = []
        for i, (para, (style, text)) in enumerate(zip(old, blocks, strict=True)):
            if para.text != text:
                commands.append(SetParagraphText(story.id, i, edit_runs(para.runs, text)))
            if para.style != style:
                commands.append(SetParagraphStyleName(story.id, i, style))
        return commands, False
    # Paragraphs were split or joined: keep the unchanged ones at both ends as they
    # were and rebuild the middle, each new paragraph taking runs from the old one
    # at the same place (or the last old one: the second half of a split).
    head = 0
    while head < min(len(old), len(blocks)) and (old[head].style, old[head].text) == blocks[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(blocks)) - head
        and (old[-1 - tail].style, old[-1 - tail].text) == blocks[-1 - tail]
    ):
        tail += 1
    new: list[Paragraph] = [copy.deepcopy(p) for p in old[:head]]
    old_mid = old[head : len(old) - tail]
    new_mid = blocks[head : len(blocks) - tail]
    for j, (style, text) in enumerate(new_mid):
        if old_mid:
            src = old_mid[min(j, len(old_mid) - 1)]
            extra = copy.deepcopy(src.extra) if j < len(old_mid) else {}
            new.append(Paragraph(style, edit_runs(src.runs, text), extra))
        else:
            new.append(Paragraph.plain(style, text))
    new.extend(copy.deepcopy(p) for p in old[len(old) - tail :])
    return [SetStoryParagraphs(story.id, new)], True
