"""Preflight stage: the document rules of an edition's pages (model and display list, no PDF).

Fast enough to run live: one display list per page from the engine the caller
passes in (its paragraph cache makes a re-check after an edit cheap); image
headers are read once per asset.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.errors import KupangError
from kupang_layout.fonts.registry import FontRegistry, default_registry
from kupang_layout.model.edition import Edition
from kupang_layout.model.page import Page
from kupang_layout.model.styles import StyleError
from kupang_layout.preflight.context import PageContext
from kupang_layout.preflight.doc_ads import ad_rules, without_pdf_ads
from kupang_layout.preflight.doc_graphics import bleed_rules, image_rules, ink_rules
from kupang_layout.preflight.doc_model import asset_rules, font_rules, slot_rules
from kupang_layout.preflight.doc_pages import page_number_rules
from kupang_layout.preflight.doc_placement import placement_rules, wholly_outside
from kupang_layout.preflight.doc_text import (
    overprint_rules,
    overset_rules,
    position_rules,
    rich_black_rules,
    run_font_rules,
)
from kupang_layout.preflight.issues import DEFAULT_SETTINGS, Issue, PreflightSettings, sort_issues


def select_pages(edition: Edition, pages: Iterable[Page | int] | None) -> list[Page]:
    """The pages to check: all, or the given Page objects / page numbers, in edition order."""
    if pages is None:
        return list(edition.pages)
    wanted_ids: set[str] = set()
    wanted_numbers: set[int] = set()
    for p in pages:
        if isinstance(p, Page):
            wanted_ids.add(p.id)
        else:
            wanted_numbers.add(int(p))
    return [p for p in edition.pages if p.id in wanted_ids or p.number in wanted_numbers]


def check_page(
    edition: Edition,
    page: Page,
    engine: LayoutEngine | None = None,
    *,
    display_list: PageDisplayList | None = None,
    settings: PreflightSettings | None = None,
    registry: FontRegistry | None = None,
) -> list[Issue]:
    """Every document rule on one page (unsorted).

    Pass the page's current `display_list` when the caller already has it (the
    canvas does) and it is laid out again only for overset stories.
    """
    engine = engine if engine is not None else LayoutEngine()
    ctx = PageContext(edition, page, settings or DEFAULT_SETTINGS)
    registry = registry if registry is not None else default_registry()
    parked = pasteboard_frames(page)
    out = slot_rules(ctx) + asset_rules(ctx) + font_rules(ctx, registry)
    out = [i for i in out if i.frame_id not in parked] + page_number_rules(ctx)
    if display_list is None:
        try:
            display_list = engine.layout_page(edition, page)
        except (KupangError, StyleError) as exc:
            out.append(ctx.issue("error", "layout-failed", None, reason=str(exc)))
            return out
    whole_list = display_list
    if parked:
        kept = tuple(i for i in display_list.items if i.frame_id not in parked)
        display_list = replace(display_list, items=kept)
    reported_fonts = {str(i.params.get("font")) for i in out if i.rule == "font-missing"}
    out += overset_rules(ctx, display_list, engine)
    out += position_rules(ctx, display_list, registry)
    out += rich_black_rules(ctx, display_list)
    out += overprint_rules(ctx, display_list)
    out += run_font_rules(ctx, display_list, registry, reported_fonts)
    out += image_rules(ctx, without_pdf_ads(ctx, display_list))  # pixels' rules
    out += ad_rules(ctx, display_list)
    out += bleed_rules(ctx, display_list)
    out += ink_rules(ctx, display_list)
    out = [i for i in out if i.frame_id not in parked] if parked else out
    cut_text = frozenset(i.frame_id for i in out if i.rule == "text-trim")
    return out + placement_rules(ctx, whole_list, cut_text)


def pasteboard_frames(page: Page) -> set[str]:
    """Frames wholly outside the bleed: parked on the pasteboard, never printed (the PDF
    is trimmed at the bleed), so only the placement rules (doc_placement) report them."""
    return {f.id for f in page.frames if wholly_outside(page, f.rect)}


def run_preflight(
    edition: Edition,
    engine: LayoutEngine | None = None,
    pages: Iterable[Page | int] | None = None,
    *,
    settings: PreflightSettings | None = None,
    registry: FontRegistry | None = None,
) -> list[Issue]:
    """The document rules on the edition's pages (or the given ones), sorted by page."""
    engine = engine if engine is not None else LayoutEngine()
    issues: list[Issue] = []
    for page in select_pages(edition, pages):
        issues.extend(check_page(edition, page, engine, settings=settings, registry=registry))
    return sort_issues(issues)
