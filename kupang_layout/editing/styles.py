"""Editing stage: the style sheet as the desk edits it: define, duplicate, rename, delete, apply.

Qt-free. Every function returns model commands; the GUI executes them on History
(as one undo step each). The house styles (the default style sheet the manuscript
importer, the templates and Ctrl+B / Ctrl+I fill by name) can be edited but not
renamed or deleted.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kupang_layout.model import (
    CharacterStyle,
    Command,
    DefineCharacterStyle,
    DefineParagraphStyle,
    Edition,
    ParagraphStyle,
    SetParagraphStyleName,
    Story,
)
from kupang_layout.model.commands_styles import (
    DeleteStyle,
    RenameStyle,
    SetCharacterStyleRange,
    TextPos,
)
from kupang_layout.model.styles import (
    ROOT_DEFAULTS,
    default_character_styles,
    default_paragraph_styles,
)

PARAGRAPH = "paragraph"
CHARACTER = "character"
BOLD_STYLE = "Strong"  # Ctrl+B
ITALIC_STYLE = "Emphasis"  # Ctrl+I
HOUSE_PARAGRAPH_STYLES = frozenset(default_paragraph_styles())
HOUSE_CHARACTER_STYLES = frozenset(default_character_styles())

AnyStyle = ParagraphStyle | CharacterStyle


class StyleEditError(ValueError):
    """A style edit the desk cannot make (a house style deleted, a name taken)."""

    def __init__(self, key: str, name: str) -> None:
        super().__init__(f"{key}: {name}")
        self.key = key  # "protected", "exists", "empty", "missing", "replacement"
        self.name = name


def sheet(edition: Edition, kind: str) -> dict[str, Any]:
    """The paragraph or character style sheet."""
    return dict(edition.paragraph_styles if kind == PARAGRAPH else edition.character_styles)


def is_house_style(kind: str, name: str) -> bool:
    return name in (HOUSE_PARAGRAPH_STYLES if kind == PARAGRAPH else HOUSE_CHARACTER_STYLES)


def unique_name(existing: object, base: str) -> str:
    """`base`, or `base 2`, `base 3`, ... whichever is not in `existing`."""
    names = set(existing)  # type: ignore[call-overload]
    if base not in names:
        return base
    n = 2
    while f"{base} {n}" in names:
        n += 1
    return f"{base} {n}"


# -- the style tree and inheritance ---------------------------------------------------------
def style_tree(styles: dict[str, ParagraphStyle]) -> dict[str | None, list[str]]:
    """Children by parent (None: the roots), names sorted; a missing parent counts as a root."""
    tree: dict[str | None, list[str]] = {}
    for name, s in styles.items():
        parent = s.based_on if s.based_on in styles else None
        tree.setdefault(parent, []).append(name)
    for names in tree.values():
        names.sort(key=str.casefold)
    return tree


def value_source(styles: dict[str, ParagraphStyle], name: str, key: str) -> str | None:
    """The style in `name`'s based_on chain that sets `key` (None: the root default)."""
    seen: set[str] = set()
    current: str | None = name
    while current is not None and current not in seen and current in styles:
        seen.add(current)
        style = styles[current]
        if getattr(style, key) is not None:
            return current
        current = style.based_on
    return None


def inherited_value(styles: dict[str, ParagraphStyle], based_on: str | None, key: str) -> Any:
    """The value a style based on `based_on` gets for `key` when it does not set it."""
    if based_on is None:
        return ROOT_DEFAULTS[key]
    source = value_source(styles, based_on, key)
    return ROOT_DEFAULTS[key] if source is None else getattr(styles[source], key)


def would_cycle(styles: dict[str, ParagraphStyle], name: str, based_on: str | None) -> bool:
    """Whether basing `name` on `based_on` makes a circle."""
    seen: set[str] = set()
    current = based_on
    while current is not None and current not in seen:
        if current == name:
            return True
        seen.add(current)
        parent = styles.get(current)
        current = parent.based_on if parent is not None else None
    return False


# -- changing the style sheet -------------------------------------------------------------
def define_commands(
    edition: Edition, kind: str, old_name: str | None, style: AnyStyle
) -> list[Command]:
    """Commands that store `style` (new when `old_name` is None; renamed when its name
    differs from `old_name`). Checked: a name taken, empty, a house style renamed, a circle."""
    styles = sheet(edition, kind)
    name = style.name.strip()
    if not name:
        raise StyleEditError("empty", name)
    style = replace(style, name=name)
    commands: list[Command] = []
    if old_name is None or old_name != name:
        if name in styles:
            raise StyleEditError("exists", name)
        if old_name is not None:
            if is_house_style(kind, old_name):
                raise StyleEditError("protected", old_name)
            commands.append(RenameStyle(kind, old_name, name))
    if isinstance(style, ParagraphStyle):
        pstyles = dict(edition.paragraph_styles)
        if old_name is not None and old_name != name:
            pstyles = {(name if k == old_name else k): v for k, v in pstyles.items()}
        if would_cycle(pstyles, name, style.based_on) or style.based_on == name:
            raise StyleEditError("cycle", name)
        commands.append(DefineParagraphStyle(style))
    else:
        commands.append(DefineCharacterStyle(style))
    return commands


def duplicate_command(
    edition: Edition, kind: str, name: str, copy_word: str
) -> tuple[str, Command]:
    """A copy of style `name` named '<name> <copy_word>' (numbered when taken)."""
    styles = sheet(edition, kind)
    if name not in styles:
        raise StyleEditError("missing", name)
    new = unique_name(styles, f"{name} {copy_word}")
    copy_style = replace(styles[name], name=new)
    command: Command = (
        DefineParagraphStyle(copy_style)
        if isinstance(copy_style, ParagraphStyle)
        else DefineCharacterStyle(copy_style)
    )
    command.label = "duplicate style"
    return new, command


def delete_command(edition: Edition, kind: str, name: str, replacement: str | None) -> Command:
    """Delete `name`; what used it takes `replacement` (a character style may take None)."""
    styles = sheet(edition, kind)
    if name not in styles:
        raise StyleEditError("missing", name)
    if is_house_style(kind, name):
        raise StyleEditError("protected", name)
    if replacement == name or (replacement is None and kind == PARAGRAPH):
        raise StyleEditError("replacement", name)
    if replacement is not None and replacement not in styles:
        raise StyleEditError("missing", replacement)
    return DeleteStyle(kind, name, replacement)


def uses(edition: Edition, kind: str, name: str) -> int:
    """How many paragraphs (paragraph style) or runs (character style) use `name`."""
    n = 0
    for story in edition.stories.values():
        for para in story.paragraphs:
            if kind == PARAGRAPH:
                n += para.style == name
            else:
                n += sum(1 for r in para.runs if r.char_style == name and r.text)
    return n


# -- applying styles to text -------------------------------------------------------------
def paragraph_style_commands(story: Story, first: int, last: int, name: str) -> list[Command]:
    """Give paragraphs first..last (inclusive) paragraph style `name`."""
    last = min(last, len(story.paragraphs) - 1)
    return [
        SetParagraphStyleName(story.id, i, name)
        for i in range(max(0, first), last + 1)
        if story.paragraphs[i].style != name
    ]


def character_styles_in(story: Story, start: TextPos, end: TextPos) -> set[str | None]:
    """The character styles of the characters from `start` to `end`."""
    (p0, o0), (p1, o1) = min(start, end), max(start, end)
    found: set[str | None] = set()
    for i in range(p0, min(p1, len(story.paragraphs) - 1) + 1):
        lo = o0 if i == p0 else 0
        hi = o1 if i == p1 else len(story.paragraphs[i].text)
        pos = 0
        for r in story.paragraphs[i].runs:
            a, b = pos, pos + len(r.text)
            pos = b
            if a < hi and lo < b:
                found.add(r.char_style)
    return found


def character_style_command(
    story: Story, start: TextPos, end: TextPos, name: str | None
) -> Command | None:
    """Apply character style `name` (None: none) to the range; None when the range is empty."""
    if min(start, end) == max(start, end):
        return None
    return SetCharacterStyleRange(story.id, start, end, name)


def toggle_character_style(story: Story, start: TextPos, end: TextPos, name: str) -> Command | None:
    """Ctrl+B / Ctrl+I: the range takes `name`, or loses it when all of it has it already."""
    if min(start, end) == max(start, end):
        return None
    has = character_styles_in(story, start, end)
    return SetCharacterStyleRange(story.id, start, end, None if has == {name} else name)
