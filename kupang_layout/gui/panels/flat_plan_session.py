"""GUI stage: the flat plan of a single `.kpl` edition: plan commands on the session's History.

Every change is an undoable plan command (`model.commands_plan`); a page opened
from the plan that does not exist yet is made at its planned number
(`PlacePage`, from the plan's template if it names one), renumbering nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QImage

from kupang_layout.editing.page_ops import blank_page
from kupang_layout.errors import KupangError
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.thumbnails import paint_thumbnail
from kupang_layout.jobs.desk_plan import PlanRow, rows_for_edition
from kupang_layout.manuscript.page_styles import style_commands
from kupang_layout.model import CompositeCommand, instantiate
from kupang_layout.model.command import Command
from kupang_layout.model.commands_plan import (
    PlacePage,
    RenumberPages,
    SetPageCount,
    SetPlanEntry,
)
from kupang_layout.model.page import Page
from kupang_layout.storage import TemplateLibrary


class SessionPlan:
    """The plan backend of the open `.kpl` (see `flat_plan.PlanBackend`)."""

    def __init__(
        self,
        doc: EditionSession,
        library: Callable[[], TemplateLibrary],
        desk_name: Callable[[], str],
    ) -> None:
        self.doc = doc
        self.library = library
        self._desk_name = desk_name
        self._thumbs: dict[str, tuple[int, QImage]] = {}

    def rows(self) -> list[PlanRow]:
        return rows_for_edition(self.doc.edition)

    def thumbnail(self, row: PlanRow, width: int) -> QImage | None:
        page = self.doc.edition.page_by_number(row.number)
        if page is None:
            return None
        got = self._thumbs.get(page.id)
        if got is not None and got[0] == self.doc.revision:
            return got[1]
        dl = self.doc.display_list(page)
        if dl is None:
            return None
        image = paint_thumbnail(dl, self.doc.edition.asset_source, width)
        self._thumbs[page.id] = (self.doc.revision, image)
        return image

    def page_geometry(self, number: int) -> Page | None:
        pages = self.doc.edition.pages
        return self.doc.edition.page_by_number(number) or (pages[0] if pages else None)

    def page_count(self) -> int:
        return self.doc.edition.plan.page_count

    def set_page_count(self, count: int) -> None:
        self.doc.execute(SetPageCount(count))

    def set_entry(self, number: int, label: str, **changes: object) -> None:
        self.doc.execute(SetPlanEntry(number, label, **changes))

    def renumber(self) -> None:
        self.doc.execute(RenumberPages())

    def templates(self) -> list[str]:
        return [t.name for t in self.library().list()]

    def desk_name(self) -> str:
        return self._desk_name()

    def open_page(self, number: int) -> None:
        """Go to page `number`, making it first (from its planned template) if needed."""
        page = self.doc.edition.page_by_number(number)
        if page is None:
            page = self._make_page(number)
            if page is None:
                return
        self.doc.set_page(page.id)

    def _make_page(self, number: int) -> Page | None:
        edition = self.doc.edition
        entry = edition.plan.entry(number)
        commands: list[Command] = []
        page: Page
        if entry.template:
            try:
                template = self.library().get(entry.template)
            except (KeyError, KupangError):
                template = None
            if template is not None:
                page, stories = instantiate(template, number)
                commands.extend(style_commands(edition, page.frames, template))
                commands.append(PlacePage(page, stories))
        if not commands:
            page = blank_page(edition.pages[0] if edition.pages else None)
            page.number = number
            commands.append(PlacePage(page))
        page.template = entry.template or page.template
        if not self.doc.execute(CompositeCommand(f"make page {number}", commands)):
            return None
        return page
