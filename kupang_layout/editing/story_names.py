"""Editing stage: what a story is called for the desk: its slot group, its role and its headline.

Qt-free. A story is named by the slot group of its first frame (`main`,
`second`, `teaser1`, ...), that frame's role and the headline of the same slot
group on the same page, never by its internal id. The GUI translates the slot
and role names.
"""

from __future__ import annotations

from dataclasses import dataclass

from kupang_layout.model import Edition, TextFrame

HEADLINE_CHARS = 40


@dataclass(frozen=True)
class StoryName:
    """The parts of a story's name; empty strings where there is nothing to say."""

    slot: str  # slot group name of the first frame ("main", "teaser1", ...), or ""
    role: str  # that frame's role ("body", "headline", ...), or ""
    headline: str  # the headline of the slot group (or the story's own first words)
    page: int  # the page number of the first frame, 0 if it is on no page


def shorten(text: str, limit: int = HEADLINE_CHARS) -> str:
    """`text` on one line, cut at a word boundary with '...' past `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut + " ..."


def story_name(edition: Edition, story_id: str) -> StoryName:
    """Name the story by where it stands on the page."""
    story = edition.stories.get(story_id)
    chain = edition.chain(story_id)
    first = chain[0] if chain else None
    page_no = 0
    headline = ""
    if first is not None:
        found = edition.find_frame(first.id)
        if found is not None:
            page, _ = found
            page_no = page.number
            if first.role != "headline":
                for f in page.frames:
                    if (
                        isinstance(f, TextFrame)
                        and f.role == "headline"
                        and f.slot == first.slot
                        and f.story_id in edition.stories
                    ):
                        headline = edition.stories[f.story_id].text
                        break
    if not headline and story is not None and story.paragraphs:
        headline = story.paragraphs[0].text
    if not headline and story is not None:
        headline = story.name
    return StoryName(
        slot=first.slot if first is not None and first.role else "",
        role=(first.role or "") if first is not None else "",
        headline=shorten(headline),
        page=page_no,
    )
