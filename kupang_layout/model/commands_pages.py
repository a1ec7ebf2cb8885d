"""Model stage: undoable commands on pages and edition settings."""

from __future__ import annotations

import copy

from kupang_layout.model.command import Command, CommandError
from kupang_layout.model.edition import Edition
from kupang_layout.model.page import Page
from kupang_layout.model.story import Story
from kupang_layout.model.styles import CharacterStyle, ParagraphStyle


def check_new_frames(edition: Edition, page: Page, replaced: Page | None) -> None:
    """Frame ids are unique in the edition (the page being replaced does not count) and
    on the new page itself."""
    taken = {f.id for p in edition.pages if p is not replaced for f in p.frames}
    for f in page.frames:
        if f.id in taken:
            raise CommandError(f"frame {f.id!r} exists already")
        taken.add(f.id)


def check_new_stories(edition: Edition, stories: list[Story]) -> None:
    """Story ids are new to the edition and different from each other (two stories under
    one id would keep only the second, and undoing would remove the id twice)."""
    taken = set(edition.stories)
    for story in stories:
        if story.id in taken:
            raise CommandError(f"story {story.id!r} exists already")
        taken.add(story.id)


class AddPage(Command):
    """Insert a page (with its stories and any styles it needs) at `index`."""

    def __init__(
        self,
        page: Page,
        index: int | None = None,
        stories: list[Story] | None = None,
        paragraph_styles: dict[str, ParagraphStyle] | None = None,
        character_styles: dict[str, CharacterStyle] | None = None,
    ) -> None:
        self.label = "add page"
        self.page = page
        self.index = index
        self.stories = list(stories or [])
        self.paragraph_styles = dict(paragraph_styles or {})
        self.character_styles = dict(character_styles or {})
        self._added_pstyles: list[str] = []
        self._added_cstyles: list[str] = []
        self._old_numbers: list[int] = []
        self._page_old_number = page.number

    def do(self, edition: Edition) -> None:
        if any(p.id == self.page.id for p in edition.pages):
            raise CommandError(f"page {self.page.id!r} exists already")
        check_new_stories(edition, self.stories)
        check_new_frames(edition, self.page, None)
        self._old_numbers = [p.number for p in edition.pages]
        idx = len(edition.pages) if self.index is None else max(0, self.index)
        edition.pages.insert(min(idx, len(edition.pages)), self.page)
        for s in self.stories:
            edition.stories[s.id] = s
        self._added_pstyles = [
            n for n in self.paragraph_styles if n not in edition.paragraph_styles
        ]
        for n in self._added_pstyles:
            edition.paragraph_styles[n] = self.paragraph_styles[n]
        self._added_cstyles = [
            n for n in self.character_styles if n not in edition.character_styles
        ]
        for n in self._added_cstyles:
            edition.character_styles[n] = self.character_styles[n]
        self._page_old_number = self.page.number
        edition.renumber_pages()

    def undo(self, edition: Edition) -> None:
        edition.pages.remove(self.page)
        for s in self.stories:
            del edition.stories[s.id]
        for name in self._added_pstyles:
            del edition.paragraph_styles[name]
        for name in self._added_cstyles:
            del edition.character_styles[name]
        for pg, num in zip(edition.pages, self._old_numbers, strict=True):
            pg.number = num
        self.page.number = self._page_old_number


class RemovePage(Command):
    """Remove a page. The stories it showed stay in the edition."""

    def __init__(self, page_id: str) -> None:
        self.label = "delete page"
        self.page_id = page_id
        self._page: Page | None = None
        self._index = 0
        self._old_numbers: list[int] = []

    def do(self, edition: Edition) -> None:
        try:
            page = edition.page_by_id(self.page_id)
        except KeyError as exc:
            raise CommandError(f"page {self.page_id!r} does not exist") from exc
        self._old_numbers = [p.number for p in edition.pages]
        self._index = edition.pages.index(page)
        self._page = edition.pages.pop(self._index)
        edition.renumber_pages()

    def undo(self, edition: Edition) -> None:
        assert self._page is not None
        edition.pages.insert(self._index, self._page)
        for p, n in zip(edition.pages, self._old_numbers, strict=True):
            p.number = n


class MovePage(Command):
    """Move a page to another position; page numbers follow."""

    def __init__(self, page_id: str, new_index: int) -> None:
        self.label = "move page"
        self.page_id = page_id
        self.new_index = new_index
        self._old_order: list[Page] = []
        self._old_numbers: list[int] = []

    def do(self, edition: Edition) -> None:
        try:
            page = edition.page_by_id(self.page_id)
        except KeyError as exc:
            raise CommandError(f"page {self.page_id!r} does not exist") from exc
        self._old_order = list(edition.pages)
        self._old_numbers = [p.number for p in edition.pages]
        edition.pages.remove(page)
        edition.pages.insert(max(0, min(self.new_index, len(edition.pages))), page)
        edition.renumber_pages()

    def undo(self, edition: Edition) -> None:
        edition.pages[:] = self._old_order
        for p, n in zip(edition.pages, self._old_numbers, strict=True):
            p.number = n


class ReplacePage(Command):
    """Swap a page for another one in place (applying a template)."""

    def __init__(self, page_id: str, new_page: Page, new_stories: list[Story]) -> None:
        self.label = "apply template"
        self.page_id = page_id
        self.new_page = new_page
        self.new_stories = new_stories
        self._old: Page | None = None

    def do(self, edition: Edition) -> None:
        try:
            old = edition.page_by_id(self.page_id)
        except KeyError as exc:
            raise CommandError(f"page {self.page_id!r} does not exist") from exc
        if self.new_page.id != old.id and any(p.id == self.new_page.id for p in edition.pages):
            raise CommandError(f"page {self.new_page.id!r} exists already")
        check_new_stories(edition, self.new_stories)
        check_new_frames(edition, self.new_page, old)
        idx = edition.pages.index(old)
        self._old = old
        self.new_page.number = old.number
        edition.pages[idx] = self.new_page
        for s in self.new_stories:
            edition.stories[s.id] = s

    def undo(self, edition: Edition) -> None:
        assert self._old is not None
        idx = edition.pages.index(self.new_page)
        edition.pages[idx] = self._old
        for s in self.new_stories:
            del edition.stories[s.id]


class SetPageProperties(Command):
    """Change page geometry (size, bleed, margins, grids, guides)."""

    _ALLOWED = ("width", "height", "bleed", "margins", "columns", "baseline", "guides", "template")

    def __init__(self, page_id: str, **changes: object) -> None:
        self.label = "page setup"
        self.page_id = page_id
        self.changes = changes
        self._old: dict[str, object] = {}

    def do(self, edition: Edition) -> None:
        try:
            page = edition.page_by_id(self.page_id)
        except KeyError as exc:
            raise CommandError(f"page {self.page_id!r} does not exist") from exc
        for k in self.changes:
            if k not in self._ALLOWED:
                raise CommandError(f"page has no settable property {k!r}")
        self._old = {k: copy.copy(getattr(page, k)) for k in self.changes}
        for k, v in self.changes.items():
            setattr(page, k, v)

    def undo(self, edition: Edition) -> None:
        page = edition.page_by_id(self.page_id)
        for k, v in self._old.items():
            setattr(page, k, v)


class SetEditionProperties(Command):
    """Change the paper name, edition number or date."""

    def __init__(
        self, paper: str | None = None, number: str | None = None, date: str | None = None
    ) -> None:
        self.label = "edition settings"
        self.new = {"paper": paper, "number": number, "date": date}
        self._old: dict[str, str] = {}

    def do(self, edition: Edition) -> None:
        self._old = {"paper": edition.paper, "number": edition.number, "date": edition.date}
        for k, v in self.new.items():
            if v is not None:
                setattr(edition, k, v)

    def undo(self, edition: Edition) -> None:
        for k, v in self._old.items():
            setattr(edition, k, v)
