"""Model stage: the edition as plain data, and the undoable commands that change it.

This package imports neither Qt nor ReportLab (a test enforces it).
"""

from kupang_layout.model.assets import Asset, AssetSource, MemoryAssets, MissingAssetError
from kupang_layout.model.color import Swatch, default_swatches
from kupang_layout.model.command import Command, CommandError, CompositeCommand
from kupang_layout.model.commands_frames import (
    AddFrame,
    LinkFrames,
    PlaceImage,
    RemoveFrame,
    ReorderFrame,
    SetFrameProperties,
    SetFrameRect,
    UnlinkFrame,
)
from kupang_layout.model.commands_pages import (
    AddPage,
    MovePage,
    RemovePage,
    ReplacePage,
    SetEditionProperties,
    SetPageProperties,
)
from kupang_layout.model.commands_text import (
    AddStory,
    DefineCharacterStyle,
    DefineParagraphStyle,
    DefineSwatch,
    InsertParagraph,
    RemoveParagraph,
    SetParagraphStyleName,
    SetParagraphText,
    SetStoryParagraphs,
)
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import (
    FIT_MODES,
    SLOT_ROLES,
    AnyFrame,
    Box,
    Frame,
    ImageFrame,
    Rule,
    TextFrame,
)
from kupang_layout.model.geometry import BaselineGrid, ColumnGrid, Guide, Margins, Rect
from kupang_layout.model.history import History
from kupang_layout.model.ids import new_id
from kupang_layout.model.page import Page
from kupang_layout.model.story import Paragraph, Run, Story
from kupang_layout.model.styles import (
    CharacterStyle,
    ParagraphStyle,
    ResolvedParagraphStyle,
    StyleError,
    resolve_paragraph_style,
)
from kupang_layout.model.template import PageTemplate, instantiate, page_to_template
from kupang_layout.model.units import mm, to_mm

__all__ = [
    "FIT_MODES",
    "SLOT_ROLES",
    "AddFrame",
    "AddPage",
    "AddStory",
    "AnyFrame",
    "Asset",
    "AssetSource",
    "BaselineGrid",
    "Box",
    "CharacterStyle",
    "ColumnGrid",
    "Command",
    "CommandError",
    "CompositeCommand",
    "DefineCharacterStyle",
    "DefineParagraphStyle",
    "DefineSwatch",
    "Edition",
    "Frame",
    "Guide",
    "History",
    "ImageFrame",
    "InsertParagraph",
    "LinkFrames",
    "Margins",
    "MemoryAssets",
    "MissingAssetError",
    "MovePage",
    "Page",
    "PageTemplate",
    "Paragraph",
    "ParagraphStyle",
    "PlaceImage",
    "Rect",
    "RemoveFrame",
    "RemovePage",
    "RemoveParagraph",
    "ReorderFrame",
    "ReplacePage",
    "ResolvedParagraphStyle",
    "Rule",
    "Run",
    "SetEditionProperties",
    "SetFrameProperties",
    "SetFrameRect",
    "SetPageProperties",
    "SetParagraphStyleName",
    "SetParagraphText",
    "SetStoryParagraphs",
    "Story",
    "StyleError",
    "Swatch",
    "TextFrame",
    "UnlinkFrame",
    "default_swatches",
    "instantiate",
    "mm",
    "new_id",
    "page_to_template",
    "resolve_paragraph_style",
    "to_mm",
]
