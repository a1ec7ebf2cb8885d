"""GUI stage: the Qt-free logic behind the pages panel and the new-edition dialog.

Pages from templates, duplicated pages, photos dropped into photo slots and a
new edition built page by page: each returns model commands, so the GUI runs
them through History as one undo step.
"""

from __future__ import annotations

import copy

from kupang_layout.manuscript.page_styles import style_commands
from kupang_layout.model import (
    AddPage,
    Asset,
    Command,
    CompositeCommand,
    Edition,
    History,
    ImageFrame,
    Page,
    PageTemplate,
    PlaceImage,
    SetEditionProperties,
    Story,
    TextFrame,
    instantiate,
    new_id,
)
from kupang_layout.model.units import mm

DEFAULT_WIDTH = mm(280)
DEFAULT_HEIGHT = mm(430)


def template_page_command(
    edition: Edition, template: PageTemplate, index: int | None
) -> tuple[Page, CompositeCommand]:
    """A new page from `template` at `index` (None: last), with the styles it needs."""
    page, stories = instantiate(template, 0)
    command = CompositeCommand(f"new page ({template.name})")
    command.commands.extend(style_commands(edition, page.frames, template))
    command.commands.append(
        AddPage(
            page,
            index,
            stories,
            dict(template.paragraph_styles),
            dict(template.character_styles),
        )
    )
    return page, command


def blank_page(like: Page | None) -> Page:
    """An empty page with the geometry of `like` (a broadsheet when None)."""
    page = Page(
        id=new_id("p"),
        number=0,
        width=like.width if like else DEFAULT_WIDTH,
        height=like.height if like else DEFAULT_HEIGHT,
    )
    if like is not None:
        for name in ("bleed", "margins", "columns", "baseline", "guides"):
            setattr(page, name, copy.deepcopy(getattr(like, name)))
    return page


def duplicate_page(edition: Edition, page_id: str) -> tuple[Page, list[Story]]:
    """A deep copy of a page with fresh ids for the page, its frames and its stories.

    Every story the page shows is copied (a story threaded on from another page too:
    the copy starts with its first paragraph). Pictures are shared by their hash.
    Raises KeyError when the page does not exist.
    """
    src = edition.page_by_id(page_id)
    page = copy.deepcopy(src)
    page.id = new_id("p")
    story_ids: dict[str, str] = {}
    stories: list[Story] = []
    for f in page.frames:
        f.id = new_id("f")
        if isinstance(f, TextFrame) and f.story_id is not None:
            if f.story_id not in story_ids:
                story_ids[f.story_id] = new_id("s")
                original = edition.stories.get(f.story_id)
                if original is not None:
                    story = copy.deepcopy(original)
                    story.id = story_ids[f.story_id]
                    stories.append(story)
            f.story_id = story_ids[f.story_id]
    return page, stories


def duplicate_page_command(edition: Edition, page_id: str) -> tuple[Page, AddPage]:
    """The duplicate inserted right after the original."""
    page, stories = duplicate_page(edition, page_id)
    index = [p.id for p in edition.pages].index(page_id) + 1
    command = AddPage(page, index, stories)
    command.label = "duplicate page"
    return page, command


def empty_photo_slots(edition: Edition, start_page_id: str) -> list[ImageFrame]:
    """Photo slots without a picture, from the given page on, in page and frame order."""
    ids = [p.id for p in edition.pages]
    start = ids.index(start_page_id) if start_page_id in ids else 0
    return [
        f
        for p in edition.pages[start:]
        for f in p.frames
        if isinstance(f, ImageFrame) and f.role == "photo" and f.asset is None and not f.locked
    ]


def photo_slot_commands(
    edition: Edition, start_page_id: str, assets: list[Asset]
) -> tuple[list[Command], list[Asset]]:
    """Pictures into the empty photo slots in order; returns the commands and the
    pictures left over (more pictures than slots)."""
    slots = empty_photo_slots(edition, start_page_id)
    commands: list[Command] = [
        PlaceImage(f.id, a, fit="fill") for f, a in zip(slots, assets, strict=False)
    ]
    return commands, assets[len(commands) :]


def build_edition(
    paper: str, number: str, date: str, templates: list[PageTemplate | None]
) -> Edition:
    """A new edition, one page per entry (a template, or None for a blank page), built
    through model commands; the caller gives it a fresh History (nothing to undo)."""
    edition = Edition()
    history = History(edition)
    history.execute(SetEditionProperties(paper=paper, number=number, date=date))
    last: Page | None = None
    for template in templates:
        if template is None:
            page = blank_page(last)
            history.execute(AddPage(page, None))
        else:
            page, command = template_page_command(edition, template, None)
            history.execute(command)
        last = page
    history.clear()
    return edition
