"""Model stage: undoable commands on the style sheet: rename, delete with replacement, restyle runs.

Every command here touches every place a style name is used (paragraphs, runs,
text frames' default style, other styles' `based_on`) and keeps what it
replaced, so undo restores the edition exactly.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import fields, replace
from typing import Any

from kupang_layout.model.command import Command, CommandError
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.story import Paragraph, Run
from kupang_layout.model.styles import ParagraphStyle

#: A place in a story: (paragraph index, character offset in that paragraph).
TextPos = tuple[int, int]


def restyle_runs(runs: list[Run], start: int, end: int, style: str | None) -> list[Run]:
    """The runs with characters [start, end) given character style `style`.

    Text is kept exactly; runs are split where the range begins and ends, and
    neighbours that end up with the same style and the same extra data are merged.
    """
    text = "".join(r.text for r in runs)
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if not runs or start >= end:
        return copy.deepcopy(runs)
    pieces: list[Run] = []
    pos = 0
    for r in runs:
        a, b = pos, pos + len(r.text)
        pos = b
        cuts = sorted({a, b, *(c for c in (start, end) if a < c < b)})
        for lo, hi in itertools.pairwise(cuts):
            inside = start <= lo and hi <= end
            pieces.append(
                Run(
                    r.text[lo - a : hi - a],
                    style if inside else r.char_style,
                    copy.deepcopy(r.extra),
                )
            )
    out: list[Run] = []
    for p in pieces:
        if out and out[-1].char_style == p.char_style and out[-1].extra == p.extra:
            out[-1].text += p.text
        elif p.text or not out:
            out.append(p)
    return out


class SetCharacterStyleRange(Command):
    """Give the text from `start` to `end` (exclusive) of a story one character style
    (None: the paragraph's own style), splitting runs where the range ends."""

    def __init__(self, story_id: str, start: TextPos, end: TextPos, style: str | None) -> None:
        self.label = "character style"
        self.story_id = story_id
        self.start, self.end = min(start, end), max(start, end)
        self.style = style
        self._old: dict[int, list[Run]] = {}

    def do(self, edition: Edition) -> None:
        story = edition.stories.get(self.story_id)
        if story is None:
            raise CommandError(f"story {self.story_id!r} does not exist")
        if self.style is not None and self.style not in edition.character_styles:
            raise CommandError(f"character style {self.style!r} does not exist")
        (p0, o0), (p1, o1) = self.start, self.end
        if not (0 <= p0 <= p1 < len(story.paragraphs)):
            raise CommandError(f"story {self.story_id!r} has no paragraphs {p0} to {p1}")
        self._old = {}
        for i in range(p0, p1 + 1):
            para = story.paragraphs[i]
            lo = o0 if i == p0 else 0
            hi = o1 if i == p1 else len(para.text)
            self._old[i] = para.runs
            para.runs = restyle_runs(para.runs, lo, hi, self.style)

    def undo(self, edition: Edition) -> None:
        story = edition.stories[self.story_id]
        for i, runs in self._old.items():
            story.paragraphs[i].runs = runs


def _style_sheet(edition: Edition, kind: str) -> dict[str, Any]:
    if kind == "paragraph":
        return edition.paragraph_styles
    if kind == "character":
        return edition.character_styles
    raise CommandError(f"unknown style kind {kind!r}")


class _Snapshot:
    """What a style-sheet edit may change, kept for an exact undo."""

    def take(self, edition: Edition) -> None:
        self._paragraph_styles = dict(edition.paragraph_styles)
        self._character_styles = dict(edition.character_styles)
        self._paragraphs: dict[str, list[Paragraph]] = {
            sid: s.paragraphs for sid, s in edition.stories.items()
        }
        self._frame_styles: dict[str, str] = {
            f.id: f.paragraph_style
            for p in edition.pages
            for f in p.frames
            if isinstance(f, TextFrame)
        }
        for s in edition.stories.values():  # changed on copies; the originals are kept
            s.paragraphs = copy.deepcopy(s.paragraphs)

    def restore(self, edition: Edition) -> None:
        edition.paragraph_styles.clear()
        edition.paragraph_styles.update(self._paragraph_styles)
        edition.character_styles.clear()
        edition.character_styles.update(self._character_styles)
        for sid, paras in self._paragraphs.items():
            if sid in edition.stories:
                edition.stories[sid].paragraphs = paras
        for p in edition.pages:
            for f in p.frames:
                if isinstance(f, TextFrame) and f.id in self._frame_styles:
                    f.paragraph_style = self._frame_styles[f.id]


def _repoint(edition: Edition, kind: str, old: str, new: str | None) -> None:
    """Every use of style `old` becomes `new` (None: no character style)."""
    for story in edition.stories.values():
        for para in story.paragraphs:
            if kind == "paragraph" and para.style == old and new is not None:
                para.style = new
            if kind == "character":
                for run in para.runs:
                    if run.char_style == old:
                        run.char_style = new
    if kind == "paragraph" and new is not None:
        for page in edition.pages:
            for f in page.frames:
                if isinstance(f, TextFrame) and f.paragraph_style == old:
                    f.paragraph_style = new


class RenameStyle(Command):
    """Rename a paragraph or character style everywhere it is used."""

    def __init__(self, kind: str, old: str, new: str) -> None:
        self.label = "rename style"
        self.kind, self.old, self.new = kind, old, new
        self._snap = _Snapshot()

    def do(self, edition: Edition) -> None:
        sheet = _style_sheet(edition, self.kind)
        if self.old not in sheet:
            raise CommandError(f"{self.kind} style {self.old!r} does not exist")
        if not self.new.strip() or self.new in sheet:
            raise CommandError(f"{self.kind} style {self.new!r} exists already or is empty")
        self._snap.take(edition)
        items = list(sheet.items())
        sheet.clear()
        for name, style in items:  # same order, the new name in the old one's place
            if name == self.old:
                name, style = self.new, replace(style, name=self.new)
            if self.kind == "paragraph" and getattr(style, "based_on", None) == self.old:
                style = replace(style, based_on=self.new)
            sheet[name] = style
        _repoint(edition, self.kind, self.old, self.new)

    def undo(self, edition: Edition) -> None:
        self._snap.restore(edition)


def fold_into_child(parent: ParagraphStyle, child: ParagraphStyle) -> ParagraphStyle:
    """`child` based on `parent`'s parent, with `parent`'s own values where it inherited
    them: it looks exactly as before when `parent` goes."""
    changes: dict[str, Any] = {"based_on": parent.based_on}
    for f in fields(ParagraphStyle):
        if f.name in ("name", "based_on", "extra"):
            continue
        if getattr(child, f.name) is None and getattr(parent, f.name) is not None:
            changes[f.name] = getattr(parent, f.name)
    return replace(child, **changes)


class DeleteStyle(Command):
    """Delete a style; every paragraph, run or frame using it takes `replacement`.

    A character style may be replaced by None (the text keeps its paragraph style).
    Paragraph styles based on the deleted one keep their look: they take its values
    and are based on its own parent.
    """

    def __init__(self, kind: str, name: str, replacement: str | None) -> None:
        self.label = "delete style"
        self.kind, self.name, self.replacement = kind, name, replacement
        self._snap = _Snapshot()

    def do(self, edition: Edition) -> None:
        sheet = _style_sheet(edition, self.kind)
        if self.name not in sheet:
            raise CommandError(f"{self.kind} style {self.name!r} does not exist")
        if self.replacement == self.name:
            raise CommandError("a style cannot replace itself")
        if self.replacement is None and self.kind == "paragraph":
            raise CommandError("a paragraph style needs a replacement")
        if self.replacement is not None and self.replacement not in sheet:
            raise CommandError(f"{self.kind} style {self.replacement!r} does not exist")
        self._snap.take(edition)
        gone = sheet.pop(self.name)
        if self.kind == "paragraph":
            for key, style in list(sheet.items()):
                if style.based_on == self.name:
                    sheet[key] = fold_into_child(gone, style)
        _repoint(edition, self.kind, self.name, self.replacement)

    def undo(self, edition: Edition) -> None:
        self._snap.restore(edition)
