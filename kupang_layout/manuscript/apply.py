"""Manuscript stage: filling a page template's slots with a parsed manuscript.

The result is one undoable `CompositeCommand` (a `ManuscriptApplication`): the
GUI executes it through `History`, the command line calls `do` once. Building
it changes nothing in the edition. A photo comes in as an `Asset` whose bytes
the edition can already read: `jobs.manuscript_import` takes the photo file in
(storage) first; that is not an edit, the undoable `PlaceImage` registers it.

The command defines the styles and swatches the page needs
(`manuscript.page_styles`), puts the page in (a new page, or one replacing
another, which keeps its booked ads), and fills the slot group as planned by
`manuscript.slot_plan`, each piece in the house format
(`manuscript.house_format`, docs/TEMPLATES.md "Applying a manuscript").
"""

from __future__ import annotations

import copy

from kupang_layout.manuscript.model import Manuscript
from kupang_layout.manuscript.page_styles import style_commands
from kupang_layout.manuscript.slot_plan import Placement, Plan, empty_slot_commands, plan_slot
from kupang_layout.model.ads import AD_ROLE
from kupang_layout.model.assets import Asset
from kupang_layout.model.command import Command, CompositeCommand
from kupang_layout.model.commands_frames import AddFrame
from kupang_layout.model.commands_pages import AddPage, ReplacePage, SetEditionProperties
from kupang_layout.model.commands_plan import PlacePage, SetPageCount
from kupang_layout.model.edition import Edition
from kupang_layout.model.page import Page
from kupang_layout.model.story import PLACEHOLDER_HEADLINE, Story
from kupang_layout.model.template import PageTemplate, instantiate

__all__ = [
    "PLACEHOLDER_HEADLINE",
    "ManuscriptApplication",
    "apply_manuscript",
    "apply_to_page",
    "check_replace",
    "next_page_number",
]


class ManuscriptApplication(CompositeCommand):
    """The undoable filling of one slot group, with a report of what went where.

    `unplaced` names manuscript pieces the slot group has no frame for (e.g.
    'pull_quote', 'tagline'); `empty` names slot roles left empty because the
    manuscript lacks the piece (e.g. 'deck', 'photo'): a text slot among them loses
    the text an earlier import left in it (`manuscript.stale_text`).
    `edition_mismatch` is (edition's number, manuscript's) when they differ.
    """

    def __init__(self, label: str, page_id: str, slot: str) -> None:
        super().__init__(label)
        self.page_id = page_id
        self.slot = slot
        self.placements: list[Placement] = []
        self.unplaced: list[str] = []
        self.empty: list[str] = []
        self.placeholder_headline = False
        self.edition_mismatch: tuple[str, str] | None = None
        self.page_number = 0
        self.replaced = False


# -- entry points -------------------------------------------------------------------


def check_replace(
    edition: Edition, page_index: int | None, replace: bool, number: int | None = None
) -> None:
    """Raise IndexError when `replace` names no page of the edition (by `number` when given,
    else by `page_index`), or when a new page's `number` is taken already."""
    if number is not None:
        exists = edition.page_by_number(number) is not None
        if replace and not exists:
            raise IndexError(f"no page {number} to replace")
        if not replace and exists:
            raise IndexError(f"page {number} exists already")
        return
    if replace and (page_index is None or not 0 <= page_index < len(edition.pages)):
        raise IndexError(f"no page at index {page_index} to replace")


def next_page_number(edition: Edition) -> int:
    """The number a page with no number of its own gets: one past the last page made."""
    return max((p.number for p in edition.pages), default=0) + 1


def _keep_ads(old: Page, new: Page) -> list[Command]:
    """A page replaced by a new one keeps its booked ads: sold space is never dropped by
    a manuscript (the ad frames go onto the new page where they were, on top)."""
    return [AddFrame(new.id, copy.deepcopy(f)) for f in old.frames if f.role == AD_ROLE]


def _page_command(
    edition: Edition,
    page: Page,
    stories: list[Story],
    page_index: int | None,
    replace: bool,
    number: int | None,
) -> tuple[list[Command], int]:
    """The commands that put the new page in, and the number it gets."""
    if number is not None:
        page.number = number
        if replace:
            old = edition.page_by_number(number)
            assert old is not None
            return [ReplacePage(old.id, page, stories), *_keep_ads(old, page)], number
        commands: list[Command] = [PlacePage(page, stories)]
        if number > edition.plan.page_count:  # the plan gets the page if it lacked it
            commands.append(SetPageCount(number))
        return commands, number
    if replace:
        assert page_index is not None
        old_page = edition.pages[page_index]
        return [
            ReplacePage(old_page.id, page, stories),
            *_keep_ads(old_page, page),
        ], old_page.number
    index = len(edition.pages) if page_index is None else max(0, page_index)
    return [AddPage(page, index, stories)], min(index, len(edition.pages)) + 1


def _finish(
    app: ManuscriptApplication,
    edition: Edition,
    m: Manuscript,
    plan: Plan,
    headline_override: str | None,
) -> ManuscriptApplication:
    app.commands.extend(plan.commands)
    app.placements = plan.placements
    app.unplaced = plan.unplaced
    app.empty = plan.empty
    app.placeholder_headline = not (headline_override or m.headline) and any(
        p.role == "headline" for p in plan.placements
    )
    if m.edition:
        if not edition.number:
            app.commands.insert(0, SetEditionProperties(number=m.edition))
        elif edition.number != m.edition:
            app.edition_mismatch = (edition.number, m.edition)
    return app


def apply_manuscript(
    edition: Edition,
    template: PageTemplate,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: Asset | None = None,
    headline_override: str | None = None,
    page_index: int | None = None,
    replace: bool = False,
    number: int | None = None,
) -> ManuscriptApplication:
    """A new page from `template` with `manuscript` in its `slot` group, as one command.

    With `number`, the page is page `number` of the edition, whatever pages exist
    (`PlacePage`: nothing is renumbered; the plan is extended to hold it), or with
    `replace` takes the place of the page with that number. Without it, the page is
    inserted at `page_index` (0-based; None appends) or, with `replace`, takes the
    place of the page at `page_index`. `photo` is an asset whose bytes the edition
    can already read (`jobs.manuscript_import` takes a photo file in first). Raises
    IndexError when `replace` names no page or a new page's number is taken.
    """
    check_replace(edition, page_index, replace, number)
    asset = photo
    page, stories = instantiate(template, 0)
    page_cmds, number = _page_command(edition, page, stories, page_index, replace, number)
    app = ManuscriptApplication(f"import manuscript ({template.name})", page.id, slot)
    app.page_number = number
    app.replaced = replace
    app.commands.extend(style_commands(edition, page.frames, template))
    app.commands.extend(page_cmds)
    headline = headline_override or manuscript.headline or PLACEHOLDER_HEADLINE
    by_id = {s.id: s for s in stories}
    plan = plan_slot(page.frames, by_id, manuscript, slot, headline, asset, number)
    plan.commands.extend(empty_slot_commands(page, slot, plan))
    return _finish(app, edition, manuscript, plan, headline_override)


def apply_to_page(
    edition: Edition,
    page_id: str,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: Asset | None = None,
    headline_override: str | None = None,
) -> ManuscriptApplication:
    """Fill the `slot` group of a page already in the edition (a second story, a teaser).

    `photo` is an asset whose bytes the edition can already read. Raises KeyError
    when the page does not exist.
    """
    page: Page = edition.page_by_id(page_id)
    asset = photo
    app = ManuscriptApplication(f"import manuscript ({slot})", page.id, slot)
    app.page_number = page.number
    app.commands.extend(style_commands(edition, page.frames, None))
    headline = headline_override or manuscript.headline or PLACEHOLDER_HEADLINE
    plan = plan_slot(page.frames, edition.stories, manuscript, slot, headline, asset, page.number)
    plan.commands.extend(empty_slot_commands(page, slot, plan))
    return _finish(app, edition, manuscript, plan, headline_override)
