"""Storage stage: a shared edition folder to one .kpl edition (pack) and back (unpack).

Packing gathers every page file and the plan into one edition, for the archive or
for sending by e-mail; unpacking splits an edition into page files, keeping the
pages that share a story (a story jumping from page 1 to page 7) in one file so
the jump keeps working.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path

from kupang_layout.model.assets import MemoryAssets
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.plan import FlatPlan
from kupang_layout.storage.edition_folder import (
    SharedEdition,
    create_shared_edition,
    load_page_file,
    page_files,
    page_key,
    read_shared_edition,
    save_page_file,
)
from kupang_layout.storage.errors import DocumentFormatError

__all__ = ["PackResult", "pack_edition", "page_groups", "unpack_edition"]


@dataclass
class PackResult:
    """The packed edition and what packing had to decide (style names defined twice)."""

    edition: Edition
    warnings: list[str] = field(default_factory=list)


def page_groups(edition: Edition) -> list[list[Page]]:
    """The edition's pages in groups that share a story (union-find over story chains),
    each group in page order, the groups in order of their first page."""
    parent = {p.id: p.id for p in edition.pages}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_page_of: dict[str, str] = {}
    for page in edition.pages:
        for frame in page.frames:
            if isinstance(frame, TextFrame) and frame.story_id is not None:
                other = first_page_of.setdefault(frame.story_id, page.id)
                parent[find(page.id)] = find(other)
    groups: dict[str, list[Page]] = {}
    for page in sorted(edition.pages, key=lambda p: p.number):
        groups.setdefault(find(page.id), []).append(page)
    return list(groups.values())


def _group_edition(edition: Edition, pages: list[Page]) -> Edition:
    """An edition holding just `pages`, the stories and pictures they show, all styles."""
    stories = {
        f.story_id
        for p in pages
        for f in p.frames
        if isinstance(f, TextFrame) and f.story_id is not None
    }
    assets = {f.asset for p in pages for f in p.frames if isinstance(f, ImageFrame) and f.asset}
    source = MemoryAssets()
    for sha in assets:
        if sha in edition.assets:
            source.add(sha, edition.asset_source.read(sha))
    return Edition(
        paper=edition.paper,
        number=edition.number,
        date=edition.date,
        pages=[copy.deepcopy(p) for p in pages],
        stories={s: copy.deepcopy(edition.stories[s]) for s in stories if s in edition.stories},
        paragraph_styles=dict(edition.paragraph_styles),
        character_styles=dict(edition.character_styles),
        swatches=dict(edition.swatches),
        assets={a: edition.assets[a] for a in assets if a in edition.assets},
        asset_source=source,
    )


def unpack_edition(edition: Edition, folder: str | os.PathLike[str]) -> SharedEdition:
    """Make a shared edition folder from an edition (the folder must hold no edition).

    Two pages with one number are refused (one of them would have no file)."""
    numbers = [p.number for p in edition.pages]
    if len(numbers) != len(set(numbers)):
        raise DocumentFormatError(str(folder), "pages", "two pages share a number")
    plan = copy.deepcopy(edition.plan)
    if plan.page_count < max(numbers, default=0):
        plan.page_count = max(numbers, default=0)
    shared = create_shared_edition(
        folder, paper=edition.paper, number=edition.number, date=edition.date, plan=plan
    )
    for group in page_groups(edition):
        key = page_key(p.number for p in group)
        save_page_file(shared, key, _group_edition(edition, group))
    return shared


def pack_edition(folder: str | os.PathLike[str]) -> PackResult:
    """One edition holding every page file of a shared edition folder and its plan."""
    shared = read_shared_edition(folder)
    source = MemoryAssets()
    packed = Edition(
        paper=shared.paper,
        number=shared.number,
        date=shared.date,
        plan=copy.deepcopy(shared.plan) if shared.plan else FlatPlan(),
        asset_source=source,
    )
    packed.paragraph_styles = {}
    packed.character_styles = {}
    packed.swatches = {}
    result = PackResult(packed)
    seen_numbers: dict[int, str] = {}
    for key in sorted(page_files(shared)):
        part = load_page_file(shared, key)
        for page in part.pages:
            if page.number in seen_numbers:
                raise DocumentFormatError(
                    str(Path(folder) / "pages"),
                    key,
                    f"page {page.number} is also in {seen_numbers[page.number]}",
                )
            seen_numbers[page.number] = key
        packed.pages.extend(part.pages)
        packed.stories.update(part.stories)
        for kind, mine, theirs in (
            ("paragraph style", packed.paragraph_styles, part.paragraph_styles),
            ("character style", packed.character_styles, part.character_styles),
            ("swatch", packed.swatches, part.swatches),
        ):
            for name, value in theirs.items():
                if name not in mine:
                    mine[name] = value  # type: ignore[assignment]
                elif mine[name] != value:
                    result.warnings.append(
                        f"{kind} {name!r} differs in {key}; the first definition is kept"
                    )
        for sha, asset in part.assets.items():
            if sha not in packed.assets:
                packed.assets[sha] = asset
                source.add(sha, part.asset_source.read(sha))
    packed.pages.sort(key=lambda p: p.number)
    return result
