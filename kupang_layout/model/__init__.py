"""Model stage: the edition as plain data, and the undoable commands that change it.

This package imports neither Qt nor ReportLab (a test enforces it).

The names are imported when first used (`common.lazy`): reading an edition
(`kupang_layout.model.edition`) never imports the undoable commands.
"""

from typing import TYPE_CHECKING

from kupang_layout.common.lazy import lazy_exports

if TYPE_CHECKING:  # for mypy and PyInstaller, which read these imports
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

_EXPORTS = {
    "Asset": ".assets",
    "AssetSource": ".assets",
    "MemoryAssets": ".assets",
    "MissingAssetError": ".assets",
    "Swatch": ".color",
    "default_swatches": ".color",
    "Command": ".command",
    "CommandError": ".command",
    "CompositeCommand": ".command",
    "AddFrame": ".commands_frames",
    "LinkFrames": ".commands_frames",
    "PlaceImage": ".commands_frames",
    "RemoveFrame": ".commands_frames",
    "ReorderFrame": ".commands_frames",
    "SetFrameProperties": ".commands_frames",
    "SetFrameRect": ".commands_frames",
    "UnlinkFrame": ".commands_frames",
    "AddPage": ".commands_pages",
    "MovePage": ".commands_pages",
    "RemovePage": ".commands_pages",
    "ReplacePage": ".commands_pages",
    "SetEditionProperties": ".commands_pages",
    "SetPageProperties": ".commands_pages",
    "AddStory": ".commands_text",
    "DefineCharacterStyle": ".commands_text",
    "DefineParagraphStyle": ".commands_text",
    "DefineSwatch": ".commands_text",
    "InsertParagraph": ".commands_text",
    "RemoveParagraph": ".commands_text",
    "SetParagraphStyleName": ".commands_text",
    "SetParagraphText": ".commands_text",
    "SetStoryParagraphs": ".commands_text",
    "Edition": ".edition",
    "FIT_MODES": ".frames",
    "SLOT_ROLES": ".frames",
    "AnyFrame": ".frames",
    "Box": ".frames",
    "Frame": ".frames",
    "ImageFrame": ".frames",
    "Rule": ".frames",
    "TextFrame": ".frames",
    "BaselineGrid": ".geometry",
    "ColumnGrid": ".geometry",
    "Guide": ".geometry",
    "Margins": ".geometry",
    "Rect": ".geometry",
    "History": ".history",
    "new_id": ".ids",
    "Page": ".page",
    "Paragraph": ".story",
    "Run": ".story",
    "Story": ".story",
    "CharacterStyle": ".styles",
    "ParagraphStyle": ".styles",
    "ResolvedParagraphStyle": ".styles",
    "StyleError": ".styles",
    "resolve_paragraph_style": ".styles",
    "PageTemplate": ".template",
    "instantiate": ".template",
    "page_to_template": ".template",
    "mm": ".units",
    "to_mm": ".units",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

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
