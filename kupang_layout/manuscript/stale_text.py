"""Manuscript stage: a slot the new manuscript has nothing for loses an earlier import's text.

A manuscript imported into a page that had one already (`apply.apply_to_page`, the
import dialog's second import) fills the slots it has pieces for. A slot it has
nothing for still held the earlier story's text: a hidden tagline banner kept it
unseen (it came back when the desk unhid the frame, and travelled in the file), a
kept deck or credits line printed it beside the new story. Such a slot gets what a
page fresh from the template has (`model.template.template_story`: empty, text
variables kept), in the import's own undo step. A collapsing slot's story is
emptied with its collapse (`model.slot_stack.collapse_commands`).
"""

from __future__ import annotations

from kupang_layout.model.command import Command
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.story import Story
from kupang_layout.model.template import template_story

__all__ = ["stale_text_commands"]


def stale_text_commands(frame: TextFrame, stories: dict[str, Story]) -> list[Command]:
    """The command that empties `frame`'s story of an earlier import's text, if it has any
    (none for a collapsing frame, which its collapse empties)."""
    story = stories.get(frame.story_id or "")
    if story is None or frame.empty_slot == "collapse" or not story.text.strip():
        return []
    fresh = template_story(story, frame.role, frame.paragraph_style)
    if fresh.paragraphs == story.paragraphs:
        return []
    return [SetStoryParagraphs(story.id, fresh.paragraphs)]
