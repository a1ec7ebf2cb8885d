"""Jobs stage: the export's plan: a snapshot of the pages to export, made on the caller's thread.

`plan_export` lays the pages out (or takes the caller's display lists: the app's
are cached), runs the document preflight on them unless the caller already did,
names each file, refuses two pages that would write one file, and computes each
page's content fingerprint (`jobs.fingerprint`, the one delivery compares too).
The plan holds only frozen values and the edition's asset source (assets are
immutable, addressed by SHA-256), so the app may go on editing while a thread
runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.errors import KupangError
from kupang_layout.i18n import tr
from kupang_layout.jobs.export_types import ExportOptions
from kupang_layout.jobs.export_work import placed_assets
from kupang_layout.jobs.fingerprint import content_fingerprint
from kupang_layout.model.assets import Asset, AssetSource
from kupang_layout.model.edition import Edition
from kupang_layout.model.page import Page
from kupang_layout.preflight import check_page, has_errors, sort_issues
from kupang_layout.preflight.issues import Issue
from kupang_layout.render.pdf.errors import PdfExportError
from kupang_layout.render.pdf.exporter import page_filename
from kupang_layout.render.pdf.presets import ExportPreset, get_preset, with_filename_pattern

__all__ = ["DuplicateFileError", "ExportPlan", "PlannedPage", "plan_export"]


class DuplicateFileError(PdfExportError):
    """Two pages would be written to one file (one page would be lost): nothing is written."""


@dataclass(frozen=True)
class PlannedPage:
    number: int
    page_id: str
    file_name: str
    display_list: PageDisplayList | None  # None: the page cannot be exported (`problem`)
    assets: tuple[Asset, ...]
    size: tuple[float, float]  # trim, points
    fingerprint: str
    problem: str | None = None  # translated, without the page prefix


@dataclass(frozen=True)
class ExportPlan:
    out_dir: Path
    options: ExportOptions
    preset: ExportPreset
    paper: str
    number: str
    date: str
    pages: tuple[PlannedPage, ...]
    issues: tuple[Issue, ...]
    asset_source: AssetSource
    exported: datetime

    @property
    def refused(self) -> bool:
        """Preflight errors and the export not forced."""
        return has_errors(list(self.issues)) and not self.options.force


def _refuse_duplicates(edition: Edition, preset: ExportPreset, numbers: list[int]) -> None:
    """A page number given twice, two pages with one number, or a pattern without {page}."""
    by_name: dict[str, list[int]] = {}
    for number in numbers:
        by_name.setdefault(page_filename(edition, preset, number), []).append(number)
    counts = {n: sum(1 for p in edition.pages if p.number == n) for n in set(numbers)}
    for name, pages in by_name.items():
        if len(pages) > 1 or counts[pages[0]] > 1:
            shown = pages if len(pages) > 1 else pages * counts[pages[0]]
            raise DuplicateFileError(
                tr("render.pdf.same_file", pages=", ".join(str(n) for n in shown), name=name)
            )


def plan_export(
    edition: Edition,
    out_dir: Path,
    pages: list[int] | None = None,
    options: ExportOptions | None = None,
    *,
    issues: list[Issue] | None = None,
    display_list: Callable[[Page], PageDisplayList] | None = None,
    engine: LayoutEngine | None = None,
) -> ExportPlan:
    """The snapshot of an export of `pages` (default: all) of `edition` to `out_dir`.

    `issues` is the document preflight of these pages when the caller has it;
    `display_list(page)` gives a page's current display list (default: laid out here
    with `engine`). Raises PresetError for a bad preset or pattern, DuplicateFileError
    when two pages would write one file.
    """
    options = options or ExportOptions()
    lang = options.language
    preset = get_preset(options.preset_name, options.presets_path)
    if options.filename_pattern is not None:
        preset = with_filename_pattern(preset, options.filename_pattern)
    numbers = pages if pages is not None else [p.number for p in edition.pages]
    _refuse_duplicates(edition, preset, numbers)
    engine = engine or LayoutEngine()
    planned: list[PlannedPage] = []
    found: list[Issue] = []
    for number in numbers:
        name = page_filename(edition, preset, number)
        page = edition.page_by_number(number)
        if page is None:
            problem = tr("jobs.export.no_page", lang, page=number)
            planned.append(PlannedPage(number, "", name, None, (), (0.0, 0.0), "", problem))
            continue
        size = (page.width, page.height)
        try:
            dl = display_list(page) if display_list else engine.layout_page(edition, page)
        except KupangError as exc:
            problem = tr("jobs.export.layout_failed", lang, reason=str(exc))
            planned.append(PlannedPage(number, page.id, name, None, (), size, "", problem))
            if issues is None:
                found.extend(check_page(edition, page, engine))
            continue
        if issues is None:
            found.extend(check_page(edition, page, engine, display_list=dl))
        assets = tuple(edition.assets[s] for s in placed_assets(dl) if s in edition.assets)
        print_ = content_fingerprint(edition, dl, preset)  # the one `edition send` compares
        planned.append(PlannedPage(number, page.id, name, dl, assets, size, print_))
    return ExportPlan(
        out_dir=out_dir,
        options=options,
        preset=preset,
        paper=edition.paper,
        number=edition.number,
        date=edition.date,
        pages=tuple(planned),
        issues=tuple(sort_issues(found) if issues is None else issues),
        asset_source=edition.asset_source,
        exported=datetime.now().astimezone(),
    )
