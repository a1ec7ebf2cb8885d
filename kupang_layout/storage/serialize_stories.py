"""Storage stage: to_dict/from_dict for stories, their paragraphs and runs, every field explicit."""

from __future__ import annotations

from typing import Any

from kupang_layout.model.story import Paragraph, Run, Story
from kupang_layout.storage.bounds import (
    MAX_PARAGRAPH_TEXT,
    MAX_PARAGRAPHS,
    MAX_RUNS,
    MAX_STORY_TEXT,
)
from kupang_layout.storage.fields import At, Fields
from kupang_layout.storage.serialize_frames import ID_LEN, NAME_LEN
from kupang_layout.storage.serialize_geometry import default_of
from kupang_layout.storage.serialize_styles import merge_extra

__all__ = ["story_from_dict", "story_to_dict", "text_length"]


def _run_to_dict(r: Run) -> dict[str, Any]:
    return merge_extra({"text": r.text, "char_style": r.char_style}, r.extra)


def _run_from_dict(value: Any, at: At) -> Run:
    f = Fields(value, at)
    text = f.text("text", max_len=MAX_PARAGRAPH_TEXT)
    char_style = f.opt_text("char_style", nonempty=True, max_len=200)
    return Run(text=text, char_style=char_style, extra=f.extra())


def _paragraph_to_dict(p: Paragraph) -> dict[str, Any]:
    known = {"style": p.style, "runs": [_run_to_dict(r) for r in p.runs]}
    return merge_extra(known, p.extra)


def _paragraph_from_dict(value: Any, at: At) -> Paragraph:
    f = Fields(value, at)
    style = f.text("style", nonempty=True, max_len=200)
    runs = [_run_from_dict(item, a) for item, a in f.items("runs", [], max_items=MAX_RUNS)]
    length = sum(len(r.text) for r in runs)
    if length > MAX_PARAGRAPH_TEXT:
        at.key("runs").fail(
            f"the paragraph holds {length} characters; at most {MAX_PARAGRAPH_TEXT} are allowed"
        )
    return Paragraph(style=style, runs=runs, extra=f.extra())


def text_length(paragraphs: list[Paragraph]) -> int:
    return sum(len(r.text) for p in paragraphs for r in p.runs)


def story_to_dict(s: Story) -> dict[str, Any]:
    known = {
        "id": s.id,
        "name": s.name,
        "paragraphs": [_paragraph_to_dict(p) for p in s.paragraphs],
    }
    return merge_extra(known, s.extra)


def story_from_dict(value: Any, at: At) -> Story:
    f = Fields(value, at)
    sid = f.text("id", nonempty=True, max_len=ID_LEN)
    name = f.text("name", default_of(Story, "name"), max_len=NAME_LEN)
    paragraphs = [
        _paragraph_from_dict(item, a)
        for item, a in f.items("paragraphs", [], max_items=MAX_PARAGRAPHS)
    ]
    length = text_length(paragraphs)
    if length > MAX_STORY_TEXT:
        at.key("paragraphs").fail(
            f"the story holds {length} characters; at most {MAX_STORY_TEXT} are allowed"
        )
    return Story(id=sid, paragraphs=paragraphs, name=name, extra=f.extra())
