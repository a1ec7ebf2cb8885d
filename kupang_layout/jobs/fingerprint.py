"""Jobs stage: a page's content fingerprint: what decides whether it changed since it was sent.

The fingerprint covers what the plant would receive: the page's laid-out display
list (every printing item at its position, so text, styles, pictures by their
SHA-256 and the folio are all in it), the edition's name, number and date (the
file name and the PDF's info), the export preset's settings and the program's
version (a new version may set or draw the same page differently, so every page
counts as changed once after an update). Two pages with one fingerprint give the
same PDF but for its creation time; saving a page without changing it keeps its
fingerprint.
"""

from __future__ import annotations

import hashlib

import kupang_layout
from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.model.edition import Edition
from kupang_layout.render.pdf.presets import ExportPreset

__all__ = ["content_fingerprint", "page_fingerprint"]

#: Bump when the recipe changes: every page then counts as changed once.
_RECIPE = "kupang-layout page fingerprint 1"


def content_fingerprint(
    edition: Edition, display_list: PageDisplayList, preset: ExportPreset
) -> str:
    """'sha256:<hex>' of the page as delivered (see the module's docstring)."""
    h = hashlib.sha256()
    for part in (
        _RECIPE,
        kupang_layout.__version__,  # read at call time: the program that lays the page out
        edition.paper,
        edition.number,
        edition.date,
        repr(preset),
        f"{display_list.number} {display_list.width!r} {display_list.height!r}",
        f"{display_list.bleed!r}",
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    for item in display_list.printing():
        h.update(repr(item).encode("utf-8"))
        h.update(b"\n")
    return "sha256:" + h.hexdigest()


def page_fingerprint(edition: Edition, number: int, preset: ExportPreset) -> str | None:
    """The fingerprint of page `number` laid out now (None when the edition has no such
    page): what delivery and the plan's status compare with the one sent. It holds the
    program's version through `content_fingerprint`."""
    from kupang_layout.engine.layout import layout_page

    page = edition.page_by_number(number)
    if page is None:
        return None
    return content_fingerprint(edition, layout_page(edition, page), preset)
