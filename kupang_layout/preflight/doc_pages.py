"""Preflight stage: edition rules on page numbers (two pages sharing a number)."""

from __future__ import annotations

from kupang_layout.preflight.context import PageContext
from kupang_layout.preflight.issues import Issue

__all__ = ["page_number_rules"]


def page_number_rules(ctx: PageContext) -> list[Issue]:
    """An error on a page whose number another page of the edition also has: the
    export names its files by page number, so one of the pages would not be printed."""
    number = ctx.page.number
    places = [i + 1 for i, p in enumerate(ctx.edition.pages) if p.number == number]
    if len(places) < 2:
        return []
    own = next(i + 1 for i, p in enumerate(ctx.edition.pages) if p is ctx.page)
    others = ", ".join(str(i) for i in places if i != own)
    return [ctx.issue("error", "page-number-duplicate", None, number=number, others=others)]
