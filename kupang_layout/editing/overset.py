"""Editing stage: where a story stops fitting its frames, as a place in its text.

Qt-free. The engine's flow of the story tells the last line placed; the first
overset word is the one after the words that line and the lines before it in
its paragraph started (the engine splits words at the same spaces as here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model import Edition

_SPACES = re.compile("[ \t\n\r\u2002\u2003\u2009\u200a]+")  # as engine/compose_items.py


@dataclass(frozen=True)
class OversetPoint:
    """The first character that does not fit, and how many lines do not fit."""

    paragraph: int
    offset: int
    lines: int
    words: int


def word_start(text: str, index: int) -> int:
    """The character offset of word `index` (0-based) of `text`; len(text) past the end."""
    pos = 0
    n = 0
    for m in _SPACES.finditer(text):
        if m.start() > pos:
            if n == index:
                return pos
            n += 1
        pos = m.end()
    if pos < len(text) and n == index:
        return pos
    return len(text)


def first_overset(engine: LayoutEngine, edition: Edition, story_id: str) -> OversetPoint | None:
    """Where the story's text stops fitting its threaded frames; None when all of it fits
    (or no frame shows it)."""
    story = edition.stories.get(story_id)
    if story is None or not story.paragraphs or not edition.chain(story_id):
        return None
    flow = engine.layout_story(edition, story_id).flow
    if flow.overset_lines <= 0:
        return None
    if not flow.placed:
        return OversetPoint(0, 0, flow.overset_lines, flow.overset_words)
    last = flow.placed[-1]
    if last.last_of_paragraph:
        para = min(last.paragraph + 1, len(story.paragraphs) - 1)
        offset = 0 if para > last.paragraph else len(story.paragraphs[para].text)
    else:
        para = last.paragraph
        words = sum(pl.line.word_count for pl in flow.placed if pl.paragraph == para)
        offset = word_start(story.paragraphs[para].text, words)
    return OversetPoint(para, offset, flow.overset_lines, flow.overset_words)
