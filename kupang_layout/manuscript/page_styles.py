"""Manuscript stage: the styles and swatches a page needs that the edition lacks.

A page made from a template, or filled with a manuscript, names paragraph styles
(its frames' and the house styles of a manuscript's text), character styles and
swatches; `style_commands` defines those the edition does not have yet, from the
template's own or else the house defaults. The manuscript importer
(`manuscript.apply`) and applying another template (`manuscript.retemplate`)
define the same set.
"""

from __future__ import annotations

from kupang_layout.model.color import default_swatches
from kupang_layout.model.command import Command
from kupang_layout.model.commands_text import (
    DefineCharacterStyle,
    DefineParagraphStyle,
    DefineSwatch,
)
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, Box, ImageFrame, Rule, TextFrame
from kupang_layout.model.styles import default_character_styles, default_paragraph_styles
from kupang_layout.model.template import PageTemplate

__all__ = ["style_commands"]

# The house styles a manuscript's text is set in (`manuscript.house_format`).
_MANUSCRIPT_PSTYLES = (
    "Lead",
    "Body",
    "Quote",
    "Attribution",
    "Pull Quote",
    "Pull Quote Attribution",
    "Credits",
    "Teaser",
)
_MANUSCRIPT_CSTYLES = ("Dateline", "Credit Label", "Strong")


def _frame_swatches(f: AnyFrame) -> list[str | None]:
    if isinstance(f, TextFrame):
        return [f.fill]
    if isinstance(f, ImageFrame):
        return [f.stroke]
    if isinstance(f, Rule):
        return [f.swatch]
    if isinstance(f, Box):
        return [f.fill, f.stroke]
    return []


def style_commands(
    edition: Edition, frames: list[AnyFrame], template: PageTemplate | None
) -> list[Command]:
    """Define the paragraph and character styles and swatches that `frames` (and the
    manuscript's house styles) need and the edition lacks: the template's own, else the
    house defaults."""
    commands: list[Command] = []
    pdefaults = default_paragraph_styles()
    own = dict(template.paragraph_styles) if template is not None else {}
    wanted = {f.paragraph_style for f in frames if isinstance(f, TextFrame)}
    wanted.update(_MANUSCRIPT_PSTYLES)
    defined: set[str] = set(edition.paragraph_styles)
    queue = sorted(wanted)
    while queue:
        name = queue.pop(0)
        if name in defined:
            continue
        style = own.get(name) or pdefaults.get(name)
        if style is None:
            continue
        defined.add(name)
        commands.append(DefineParagraphStyle(style))
        if style.based_on is not None:
            queue.append(style.based_on)
    cdefaults = default_character_styles()
    cown = dict(template.character_styles) if template is not None else {}
    for name in _MANUSCRIPT_CSTYLES:
        if name not in edition.character_styles:
            cstyle = cown.get(name) or cdefaults[name]
            commands.append(DefineCharacterStyle(cstyle))
    swatches = default_swatches()
    names = {s for f in frames for s in _frame_swatches(f) if s is not None}
    for ps in list(edition.paragraph_styles.values()) + list(own.values()):
        if ps.swatch is not None:
            names.add(ps.swatch)
    for name in sorted(names):
        if name not in edition.swatches and name in swatches:
            commands.append(DefineSwatch(swatches[name]))
    return commands
