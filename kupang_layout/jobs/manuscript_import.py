"""Jobs stage: importing a manuscript with its photo, as the CLI and the app both do it.

The manuscript stage fills a template's slots (`manuscript.apply`); taking the
photo file in is storage's work (`storage.ingest.add_asset`: checked whole, its
bytes made available to the edition). This job does both in that order, so the
manuscript stage needs no storage and the layers stay one-way.
"""

from __future__ import annotations

from kupang_layout.manuscript import apply as _apply
from kupang_layout.manuscript.apply import ManuscriptApplication
from kupang_layout.manuscript.model import Manuscript
from kupang_layout.model.assets import Asset
from kupang_layout.model.edition import Edition
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage.ingest import add_asset

__all__ = ["apply_manuscript", "apply_to_page"]


def _photo_asset(edition: Edition, photo: bytes | None, photo_name: str) -> Asset | None:
    """The photo's Asset, its bytes made available (raises ImageFileError when bad)."""
    if photo is None:
        return None
    return add_asset(edition, photo, photo_name)


def apply_manuscript(
    edition: Edition,
    template: PageTemplate,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: bytes | None = None,
    photo_name: str = "foto",
    headline_override: str | None = None,
    page_index: int | None = None,
    replace: bool = False,
) -> ManuscriptApplication:
    """A new page from `template` with `manuscript` in its `slot` group, as one command.

    `photo` is the photo file's bytes. Raises IndexError when `replace` names no
    page (before the photo is read) and ImageFileError (from storage) when
    `photo` is not a usable image. See `manuscript.apply.apply_manuscript`.
    """
    _apply.check_replace(edition, page_index, replace)
    asset = _photo_asset(edition, photo, photo_name)
    return _apply.apply_manuscript(
        edition,
        template,
        manuscript,
        slot=slot,
        photo=asset,
        headline_override=headline_override,
        page_index=page_index,
        replace=replace,
    )


def apply_to_page(
    edition: Edition,
    page_id: str,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: bytes | None = None,
    photo_name: str = "foto",
    headline_override: str | None = None,
) -> ManuscriptApplication:
    """Fill the `slot` group of a page already in the edition (a second story, a teaser).

    Raises KeyError when the page does not exist (before the photo is read) and
    ImageFileError for a bad photo.
    """
    edition.page_by_id(page_id)
    asset = _photo_asset(edition, photo, photo_name)
    return _apply.apply_to_page(
        edition,
        page_id,
        manuscript,
        slot=slot,
        photo=asset,
        headline_override=headline_override,
    )
