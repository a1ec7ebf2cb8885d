"""Model stage: page templates: geometry, slot frames and styles, no content."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from kupang_layout.model.frames import AnyFrame, ImageFrame, TextFrame
from kupang_layout.model.geometry import BaselineGrid, ColumnGrid, Guide, Margins
from kupang_layout.model.ids import new_id
from kupang_layout.model.page import Page
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.styles import CharacterStyle, ParagraphStyle
from kupang_layout.model.template_layout import template_frames

# Roles whose text belongs to the template itself (kept when a page becomes one).
STATIC_ROLES = frozenset({None, "free", "masthead", "folio"})
# A text variable as the engine fills it ({{folio}}, {{page}}, ...; engine/variables.py).
# The model may not import the engine, so the pattern is repeated here.
_VARIABLE = re.compile(r"\{\{\s*[a-z_]+\s*\}\}")


def has_variable(text: str) -> bool:
    """True when `text` holds a text variable such as `{{folio}}`."""
    return "{{" in text and _VARIABLE.search(text) is not None


def template_story(src: Story, role: str | None, fallback_style: str) -> Story:
    """The story a template keeps for a frame of `role`.

    Static roles (free text, masthead, folio) keep their text. A slot's content
    (headline, body, ...) is emptied, except paragraphs holding a text variable
    (`Halaman {{page}}` typed into a section label): those belong to the layout.
    """
    if role in STATIC_ROLES:
        return copy.deepcopy(src)
    kept = [copy.deepcopy(p) for p in src.paragraphs if has_variable(p.text)]
    if not kept:
        style = src.paragraphs[0].style if src.paragraphs else fallback_style
        kept = [Paragraph.plain(style, "")]
    return Story(id=src.id, paragraphs=kept, name=src.name)


@dataclass
class PageTemplate:
    """A saved page layout. Stories hold static text (masthead) or are empty."""

    name: str
    description: str = ""
    width: float = 0.0
    height: float = 0.0
    bleed: float = 0.0
    margins: Margins = field(default_factory=lambda: Margins(0, 0, 0, 0))
    columns: ColumnGrid = field(default_factory=lambda: ColumnGrid(1, 0))
    baseline: BaselineGrid = field(default_factory=lambda: BaselineGrid(11.0, 0.0))
    guides: list[Guide] = field(default_factory=list)
    frames: list[AnyFrame] = field(default_factory=list)
    stories: dict[str, Story] = field(default_factory=dict)
    paragraph_styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    character_styles: dict[str, CharacterStyle] = field(default_factory=dict)
    # copyfit limits and order (model/copyfit_rules.py); {} is the house default
    copyfit: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def instantiate(template: PageTemplate, number: int) -> tuple[Page, list[Story]]:
    """A new page from a template, with fresh ids for the page, frames and stories."""
    story_map: dict[str, str] = {}
    stories: list[Story] = []
    frames: list[AnyFrame] = []
    for f in template.frames:
        nf = copy.deepcopy(f)
        nf.id = new_id("f")
        if isinstance(nf, TextFrame):
            old = nf.story_id
            if old is None or old not in template.stories:
                sid = new_id("s")
                stories.append(Story(id=sid, paragraphs=[Paragraph.plain(nf.paragraph_style, "")]))
                nf.story_id, nf.chain_index = sid, 0
            else:
                if old not in story_map:
                    story_map[old] = new_id("s")
                    src = copy.deepcopy(template.stories[old])
                    src.id = story_map[old]
                    stories.append(src)
                nf.story_id = story_map[old]
        frames.append(nf)
    page = Page(
        id=new_id("p"),
        number=number,
        width=template.width,
        height=template.height,
        template=template.name,
        bleed=template.bleed,
        margins=template.margins,
        columns=template.columns,
        baseline=template.baseline,
        guides=list(template.guides),
        frames=frames,
    )
    if template.copyfit:
        page.extra["copyfit"] = copy.deepcopy(template.copyfit)
    return page, stories


def page_to_template(
    page: Page,
    stories: dict[str, Story],
    paragraph_styles: dict[str, ParagraphStyle],
    character_styles: dict[str, CharacterStyle],
    name: str,
    description: str = "",
) -> PageTemplate:
    """Save a page as a template: frames, styles and static text kept, slot content emptied.

    Text variables (`{{folio}}`, `{{page}}`, ...) are kept wherever they are typed. The
    frames are the template's layout, not the day's fit (`template_layout`): slots that
    closed reopen at their recorded heights, copyfit's sizes go back to their base, and
    no closing or copyfit record stays in a frame.
    """
    frames = template_frames(page.frames, page.height - page.margins.bottom, stories)
    tstories: dict[str, Story] = {}
    for f in frames:
        if isinstance(f, ImageFrame) and f.role not in STATIC_ROLES:
            f.asset, f.scale, f.offset_x, f.offset_y = None, 1.0, 0.0, 0.0
        if isinstance(f, TextFrame) and f.story_id is not None and f.story_id in stories:
            if f.story_id in tstories:
                continue
            src = stories[f.story_id]
            tstories[f.story_id] = template_story(src, f.role, f.paragraph_style)
    return PageTemplate(
        name=name,
        description=description,
        width=page.width,
        height=page.height,
        bleed=page.bleed,
        margins=page.margins,
        columns=page.columns,
        baseline=page.baseline,
        guides=list(page.guides),
        frames=frames,
        stories=tstories,
        paragraph_styles=dict(paragraph_styles),
        character_styles=dict(character_styles),
        copyfit=copy.deepcopy(page.extra.get("copyfit", {})),
    )
