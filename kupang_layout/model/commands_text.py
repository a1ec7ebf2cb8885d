"""Model stage: undoable commands on stories, paragraphs, styles and swatches."""

from __future__ import annotations

import copy

from kupang_layout.model.color import Swatch
from kupang_layout.model.command import Command, CommandError
from kupang_layout.model.edition import Edition
from kupang_layout.model.story import Paragraph, Run, Story
from kupang_layout.model.styles import CharacterStyle, ParagraphStyle


def _story(edition: Edition, story_id: str) -> Story:
    story = edition.stories.get(story_id)
    if story is None:
        raise CommandError(f"story {story_id!r} does not exist")
    return story


def _check_index(story: Story, index: int, allow_end: bool = False) -> None:
    top = len(story.paragraphs) + (1 if allow_end else 0)
    if not 0 <= index < top:
        raise CommandError(f"story {story.id!r} has no paragraph {index}")


class AddStory(Command):
    """Add a story to the edition."""

    def __init__(self, story: Story) -> None:
        self.label = "add story"
        self.story = story

    def do(self, edition: Edition) -> None:
        if self.story.id in edition.stories:
            raise CommandError(f"story {self.story.id!r} exists already")
        edition.stories[self.story.id] = self.story

    def undo(self, edition: Edition) -> None:
        del edition.stories[self.story.id]


class SetParagraphText(Command):
    """Replace one paragraph's runs (the story editor's keystroke edit)."""

    def __init__(self, story_id: str, index: int, runs: list[Run] | str) -> None:
        self.label = "edit text"
        self.story_id = story_id
        self.index = index
        self.runs = [Run(runs)] if isinstance(runs, str) else runs
        self._old: list[Run] | None = None

    def do(self, edition: Edition) -> None:
        story = _story(edition, self.story_id)
        _check_index(story, self.index)
        para = story.paragraphs[self.index]
        self._old = para.runs
        para.runs = copy.deepcopy(self.runs)

    def undo(self, edition: Edition) -> None:
        assert self._old is not None
        _story(edition, self.story_id).paragraphs[self.index].runs = self._old


class InsertParagraph(Command):
    """Insert a paragraph at `index` (len = append)."""

    def __init__(self, story_id: str, index: int, paragraph: Paragraph) -> None:
        self.label = "new paragraph"
        self.story_id = story_id
        self.index = index
        self.paragraph = paragraph

    def do(self, edition: Edition) -> None:
        story = _story(edition, self.story_id)
        _check_index(story, self.index, allow_end=True)
        story.paragraphs.insert(self.index, copy.deepcopy(self.paragraph))

    def undo(self, edition: Edition) -> None:
        _story(edition, self.story_id).paragraphs.pop(self.index)


class RemoveParagraph(Command):
    """Remove the paragraph at `index`."""

    def __init__(self, story_id: str, index: int) -> None:
        self.label = "delete paragraph"
        self.story_id = story_id
        self.index = index
        self._old: Paragraph | None = None

    def do(self, edition: Edition) -> None:
        story = _story(edition, self.story_id)
        _check_index(story, self.index)
        self._old = story.paragraphs.pop(self.index)

    def undo(self, edition: Edition) -> None:
        assert self._old is not None
        _story(edition, self.story_id).paragraphs.insert(self.index, self._old)


class SetStoryParagraphs(Command):
    """Replace all paragraphs of a story (import, paste, story editor commit)."""

    def __init__(self, story_id: str, paragraphs: list[Paragraph]) -> None:
        self.label = "replace text"
        self.story_id = story_id
        self.paragraphs = paragraphs
        self._old: list[Paragraph] | None = None

    def do(self, edition: Edition) -> None:
        story = _story(edition, self.story_id)
        self._old = story.paragraphs
        story.paragraphs = copy.deepcopy(self.paragraphs)

    def undo(self, edition: Edition) -> None:
        assert self._old is not None
        _story(edition, self.story_id).paragraphs = self._old


class SetParagraphStyleName(Command):
    """Give a paragraph another paragraph style."""

    def __init__(self, story_id: str, index: int, style: str) -> None:
        self.label = "paragraph style"
        self.story_id = story_id
        self.index = index
        self.style = style
        self._old = ""

    def do(self, edition: Edition) -> None:
        story = _story(edition, self.story_id)
        _check_index(story, self.index)
        if self.style not in edition.paragraph_styles:
            raise CommandError(f"paragraph style {self.style!r} does not exist")
        self._old = story.paragraphs[self.index].style
        story.paragraphs[self.index].style = self.style

    def undo(self, edition: Edition) -> None:
        _story(edition, self.story_id).paragraphs[self.index].style = self._old


class DefineParagraphStyle(Command):
    """Add a paragraph style or replace the one with the same name."""

    def __init__(self, style: ParagraphStyle) -> None:
        self.label = "change style"
        self.style = style
        self._old: ParagraphStyle | None = None

    def do(self, edition: Edition) -> None:
        self._old = edition.paragraph_styles.get(self.style.name)
        edition.paragraph_styles[self.style.name] = self.style

    def undo(self, edition: Edition) -> None:
        if self._old is None:
            del edition.paragraph_styles[self.style.name]
        else:
            edition.paragraph_styles[self.style.name] = self._old


class DefineCharacterStyle(Command):
    """Add a character style or replace the one with the same name."""

    def __init__(self, style: CharacterStyle) -> None:
        self.label = "change style"
        self.style = style
        self._old: CharacterStyle | None = None

    def do(self, edition: Edition) -> None:
        self._old = edition.character_styles.get(self.style.name)
        edition.character_styles[self.style.name] = self.style

    def undo(self, edition: Edition) -> None:
        if self._old is None:
            del edition.character_styles[self.style.name]
        else:
            edition.character_styles[self.style.name] = self._old


class DefineSwatch(Command):
    """Add a swatch or replace the one with the same name."""

    def __init__(self, swatch: Swatch) -> None:
        self.label = "change swatch"
        self.swatch = swatch
        self._old: Swatch | None = None

    def do(self, edition: Edition) -> None:
        for v in (self.swatch.c, self.swatch.m, self.swatch.y, self.swatch.k):
            if not 0 <= v <= 100:
                raise CommandError(f"swatch {self.swatch.name!r}: ink values are 0 to 100")
        self._old = edition.swatches.get(self.swatch.name)
        edition.swatches[self.swatch.name] = self.swatch

    def undo(self, edition: Edition) -> None:
        if self._old is None:
            del edition.swatches[self.swatch.name]
        else:
            edition.swatches[self.swatch.name] = self._old
