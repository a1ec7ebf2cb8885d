"""PDF render stage: export display lists to page PDFs (PDF/X-1a) and to a combined proof."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.common.atomic import FileWriteError, make_folder, write_atomically
from kupang_layout.engine.displaylist import (
    ImageItem,
    Ink,
    PageDisplayList,
    item_inks,
)
from kupang_layout.model.assets import MissingAssetError
from kupang_layout.model.edition import Edition
from kupang_layout.model.units import to_mm
from kupang_layout.render.pdf.errors import ImageError, PdfExportError
from kupang_layout.render.pdf.fonts import SLUG_FACE, pdf_font
from kupang_layout.render.pdf.forms import PlacedForm, placed_form
from kupang_layout.render.pdf.ink_bound import InkBound
from kupang_layout.render.pdf.marks import SlugInfo, draw_marks
from kupang_layout.render.pdf.painter import PageGeometry, PagePainter, PlacedImage
from kupang_layout.render.pdf.pdfx import DocumentInfo, FlateFilter, attach_ads, prepare_document
from kupang_layout.render.pdf.presets import ExportPreset
from kupang_layout.render.pdf.text import TextWriter
from kupang_layout.storage.errors import StorageError

if TYPE_CHECKING:  # Pillow, imported when a page has a picture (see _prepare_page)
    from kupang_layout.render.pdf.image_cache import ImageCache

__all__ = [
    "ImageFigure",
    "PageExportResult",
    "page_filename",
    "render_page_pdf",
    "render_pages_bytes",
    "write_combined_proof",
]


@dataclass(frozen=True, slots=True)
class ImageFigure:
    """One placed picture: its own resolution as placed and the resolution in the PDF."""

    asset: str
    name: str
    source_ppi: float
    output_ppi: float
    width_px: int
    height_px: int
    mode: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageExportResult:
    """What exporting one page produced: the file, warnings, image figures or an error.

    `write_error` is set when the page was made but its file could not be written (a
    full disk, a read-only folder...): an output problem, not a problem of the page.
    """

    page: int
    page_id: str
    path: Path | None
    warnings: tuple[str, ...] = ()
    images: tuple[ImageFigure, ...] = ()
    error: str | None = None
    seconds: float = 0.0
    write_error: FileWriteError | None = None
    ink: InkBound | None = None  # the painter's proven ink bound of the page

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class _PageWork:
    display_list: PageDisplayList
    geometry: PageGeometry
    images: dict[int, PlacedImage | PlacedForm]
    warnings: list[str]
    figures: list[ImageFigure]
    ink: InkBound | None = None


def page_filename(edition: Edition, preset: ExportPreset, page: int) -> str:
    """The file name of a page PDF, e.g. KupangTimes_612_03.pdf."""
    return preset.filename(edition.paper, edition.number, page, edition.date)


@contextmanager
def _plain_streams() -> Iterator[None]:
    """Binary streams without ASCII85 (ReportLab's default makes every stream 25 % larger)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _asset_name(edition: Edition, sha: str) -> str:
    asset = edition.assets.get(sha)
    return asset.name if asset is not None and asset.name else sha[:12]


def _ink_warnings(display_list: PageDisplayList, tac: float) -> list[str]:
    seen: dict[str, Ink] = {}
    for item in display_list.printing():
        for ink in item_inks(item):
            if ink.total > tac + 1e-6:
                seen.setdefault(f"{ink.name}|{ink.total:g}", ink)
    return [
        f"colour {ink.name or 'unnamed'!r} carries {ink.total:g} % ink, over the {tac:g} % limit"
        for ink in seen.values()
    ]


def _prepare_page(
    display_list: PageDisplayList,
    edition: Edition,
    preset: ExportPreset,
    image_cache: ImageCache | None,
) -> _PageWork:
    page_bleed = display_list.bleed
    geometry = PageGeometry(display_list.width, display_list.height, preset.bleed, preset.slug)
    warnings: list[str] = []
    if page_bleed + 0.01 < preset.bleed:
        warnings.append(
            f"the page's bleed is {to_mm(page_bleed):.1f} mm; pictures and boxes reach only "
            f"that far into the {preset.bleed_mm:g} mm bleed"
        )
    warnings.extend(_ink_warnings(display_list, preset.tac))
    images: dict[int, PlacedImage | PlacedForm] = {}
    figures: list[ImageFigure] = []
    for index, item in enumerate(display_list.items):
        if not isinstance(item, ImageItem):
            continue
        name = _asset_name(edition, item.asset)
        form = placed_form(item, edition, name)  # a PDF ad: vector, not the picture path
        if form is not None:
            images[index] = form
            continue
        # The picture path (Pillow, the colour conversion, the image cache) is imported
        # by the first page that has a picture: a page of text never loads it.
        from kupang_layout.render.pdf.image_cache import default_image_cache
        from kupang_layout.render.pdf.images import request_for

        request = request_for(item, preset.max_ppi, preset.jpeg_quality, preset.tac)
        if request is None:
            warnings.append(f"picture {name!r} lies outside its frame and is not drawn")
            continue

        def read(sha: str = item.asset, label: str = name) -> bytes:
            try:
                return edition.asset_source.read(sha)
            except MissingAssetError as exc:
                raise ImageError(label, "the file is missing from the edition") from exc
            except (OSError, StorageError) as exc:
                raise ImageError(label, f"cannot read the file ({exc})") from exc

        cache = image_cache if image_cache is not None else default_image_cache()
        cached = cache.prepare(item.asset, name, read, request)

        prepared = cached.image
        drawn_w = (prepared.crop[2] - prepared.crop[0]) * item.img_width
        drawn_h = (prepared.crop[3] - prepared.crop[1]) * item.img_height
        output_ppi = min(
            prepared.width_px / (drawn_w / 72.0), prepared.height_px / (drawn_h / 72.0)
        )
        source_ppi = min(
            prepared.source_width / (item.img_width / 72.0),
            prepared.source_height / (item.img_height / 72.0),
        )
        images[index] = PlacedImage(item, cached, output_ppi, source_ppi)
        figures.append(
            ImageFigure(
                asset=item.asset,
                name=name,
                source_ppi=round(source_ppi, 1),
                output_ppi=round(output_ppi, 1),
                width_px=prepared.width_px,
                height_px=prepared.height_px,
                mode=prepared.mode,
                notes=prepared.notes,
            )
        )
        if source_ppi < preset.min_ppi:
            warnings.append(
                f"picture {name!r} is {source_ppi:.0f} ppi as placed; "
                f"the plant refuses less than {preset.min_ppi:g} ppi"
            )
        elif source_ppi < preset.good_ppi:
            warnings.append(
                f"picture {name!r} is {source_ppi:.0f} ppi as placed; "
                f"{preset.good_ppi:g} ppi or more is recommended"
            )
    return _PageWork(display_list, geometry, images, warnings, figures)


def _draw(
    canvas: Canvas, text: TextWriter, work: _PageWork, slug: SlugInfo | None, tac: float
) -> None:
    g = work.geometry
    canvas.setPageSize(g.media_size)
    canvas.setTrimBox(g.trim_box)
    canvas.setBleedBox(g.bleed_box)
    painter = PagePainter(canvas, g, text, tac)
    painter.begin()
    if slug is not None:
        draw_marks(canvas, g, slug)
        painter.begin()
    # Nothing of the page shows beyond the bleed.
    canvas.saveState()
    left, bottom, right, top = g.bleed_box
    clip = canvas.beginPath()
    clip.rect(left, bottom, right - left, top - bottom)
    canvas.clipPath(clip, stroke=0, fill=0)
    painter.paint(work.display_list, work.images)
    canvas.restoreState()
    canvas.showPage()
    work.warnings.extend(painter.notes)
    work.ink = painter.ink_bound()


def _faces(display_lists: Sequence[PageDisplayList]) -> set[str]:
    return {run.face for dl in display_lists for run in dl.text_runs()}


def render_pages_bytes(
    display_lists: Sequence[PageDisplayList],
    edition: Edition,
    preset: ExportPreset,
    *,
    image_cache: ImageCache | None = None,
    exported: datetime | None = None,
    title: str | None = None,
    pdfx: bool | None = None,
) -> tuple[bytes, list[PageExportResult]]:
    """Render pages into one PDF in memory; PDF/X finishing when the preset (or `pdfx`) says.

    Returns the PDF and one result per page (without a path). Raises ImageError for an
    unusable picture and PdfExportError for other failures.
    """
    started = time.perf_counter()
    data, works = _render(
        display_lists,
        edition,
        preset,
        image_cache=image_cache,
        exported=exported,
        title=title,
        pdfx=pdfx,
    )
    seconds = time.perf_counter() - started
    return data, [
        PageExportResult(
            page=w.display_list.number,
            page_id=w.display_list.page_id,
            path=None,
            warnings=tuple(w.warnings),
            images=tuple(w.figures),
            seconds=seconds,
            ink=w.ink,
        )
        for w in works
    ]


def _render(
    display_lists: Sequence[PageDisplayList],
    edition: Edition,
    preset: ExportPreset,
    *,
    image_cache: ImageCache | None,
    exported: datetime | None,
    title: str | None,
    pdfx: bool | None,
) -> tuple[bytes, list[_PageWork]]:
    if not display_lists:
        raise PdfExportError("nothing to export: no pages")
    moment = (exported or datetime.now()).astimezone()
    works = [_prepare_page(dl, edition, preset, image_cache) for dl in display_lists]
    # Only the faces drawn are parsed (a face costs a cold process 2 to 4 ms); the first
    # is the canvas's initial font, which keeps Helvetica out of the file.
    faces = sorted(_faces(display_lists) | ({SLUG_FACE} if preset.marks else set()))
    initial = faces[0] if faces else SLUG_FACE
    for face in faces or [initial]:
        pdf_font(face)
    stamp = moment.strftime("%Y-%m-%d %H:%M")
    buffer = io.BytesIO()
    with _plain_streams():
        first = works[0].geometry
        canvas = Canvas(
            buffer,
            pagesize=first.media_size,
            # Not ReportLab's level-6 compression: its streams take pdfx.FlateFilter.
            pageCompression=0,
            enforceColorSpace="sep_cmyk",
            # A TrueType face as the initial font keeps Helvetica out of the file.
            initialFontName=initial,
            pdfVersion=(1, 3),
        )
        canvas._doc.defaultStreamFilters = [FlateFilter()]
        text = TextWriter(canvas)
        for work in works:
            slug = None
            if preset.marks:
                slug = SlugInfo(
                    paper=edition.paper,
                    edition=edition.number,
                    page=work.display_list.number,
                    date=edition.date,
                    exported=stamp,
                )
            _draw(canvas, text, work, slug, preset.tac)
        if title is None:
            number = f" {edition.number}" if edition.number else ""
            title = f"{edition.paper}{number}, page {display_lists[0].number}"
        want_pdfx = preset.pdfx if pdfx is None else pdfx
        info = DocumentInfo(title=title, created=moment, subject=edition.date)
        prepare_document(canvas, info, want_pdfx)
        canvas.save()
    forms = {p.name: p.data for w in works for p in w.images.values() if isinstance(p, PlacedForm)}
    if forms:
        return attach_ads(buffer.getvalue(), forms, want_pdfx), works
    return buffer.getvalue(), works


def _write(path: Path, data: bytes) -> None:
    """The one atomic writer: the old file stays until the new one is complete."""
    make_folder(path.parent)
    write_atomically(path, data)


def render_page_pdf(
    display_list: PageDisplayList,
    edition: Edition,
    preset: ExportPreset,
    path: Path,
    *,
    image_cache: ImageCache | None = None,
    exported: datetime | None = None,
) -> PageExportResult:
    """Write one page as a PDF (PDF/X-1a:2001 with the print preset) to `path`.

    Raises ImageError or PdfExportError (nothing is written then), FileWriteError when
    the file cannot be written; an existing file at `path` is replaced only when the new
    one is complete (and keeps its mode; a new file gets the umask's).
    """
    started = time.perf_counter()
    data, results = render_pages_bytes(
        [display_list], edition, preset, image_cache=image_cache, exported=exported
    )
    _write(path, data)
    return replace(results[0], path=path, seconds=time.perf_counter() - started)


def write_combined_proof(
    display_lists: Sequence[PageDisplayList],
    edition: Edition,
    preset: ExportPreset,
    path: Path,
    *,
    image_cache: ImageCache | None = None,
    exported: datetime | None = None,
) -> list[PageExportResult]:
    """Write all pages into one proof PDF (never PDF/X: it is not for the plant)."""
    started = time.perf_counter()
    number = f" {edition.number}" if edition.number else ""
    data, results = render_pages_bytes(
        display_lists,
        edition,
        preset,
        image_cache=image_cache,
        exported=exported,
        title=f"{edition.paper}{number}, proof",
        pdfx=False,
    )
    _write(path, data)
    seconds = time.perf_counter() - started
    return [replace(r, path=path, seconds=seconds) for r in results]
