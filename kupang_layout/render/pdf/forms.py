"""PDF render stage: a foreign PDF page (an advertisement) placed as a form XObject, as vector.

ReportLab cannot read PDF files, so the page is drawn in two steps. While
painting, `placement_operators` writes the operators that show a named form at
its place on the page (`q <matrix> cm /Name Do Q`, inside the frame's clip).
When the file is finished, `attach_forms` copies the first page of each ad
file into the new PDF as a form XObject under that name, with pikepdf. The ad
keeps its own content streams, fonts and colours: nothing is rasterised or
converted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Name

from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.errors import KupangError
from kupang_layout.imaging import ImagingError
from kupang_layout.model.ads import is_pdf_asset
from kupang_layout.model.assets import MissingAssetError
from kupang_layout.model.edition import Edition
from kupang_layout.render.pdf.errors import ImageError

__all__ = [
    "AdPdfError",
    "PdfPageBox",
    "PlacedForm",
    "attach_forms",
    "form_name",
    "placed_form",
    "placement_operators",
    "read_page_box",
]


class AdPdfError(ValueError):
    """An ad file that cannot be read as a PDF page (the message says why, in English)."""


@dataclass(frozen=True, slots=True)
class PdfPageBox:
    """The first page's trim box in PDF points (x0, y0, x1, y1) and the page count."""

    x0: float
    y0: float
    x1: float
    y1: float
    pages: int

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True, slots=True)
class PlacedForm:
    """An image item whose asset is a PDF (an ad): drawn as the form XObject `name` (its
    first page, attached when the file is finished), vector, never rasterised. `data`
    is the ad file's bytes (for `attach_forms`)."""

    item: ImageItem
    name: str
    box: PdfPageBox
    data: bytes


def placed_form(item: ImageItem, edition: Edition, label: str) -> PlacedForm | None:
    """The form of an image item whose asset is a PDF, or None for a picture.

    The bytes are read and proven to be the asset's (SHA-256); raises ImageError
    naming `label` for a missing, changed or unreadable ad file."""
    asset = edition.assets.get(item.asset)
    if asset is None or not is_pdf_asset(asset):
        return None
    from kupang_layout.imaging.assets import check_hash  # Pillow: only a page with an ad

    try:
        data = edition.asset_source.read(item.asset)
        check_hash(data, item.asset, label)
        box = read_page_box(data)
    except MissingAssetError as exc:
        raise ImageError(label, "the file is missing from the edition") from exc
    except ImagingError as exc:
        raise ImageError(label, exc.text("en")) from exc
    except AdPdfError as exc:
        raise ImageError(label, str(exc)) from exc
    except (OSError, KupangError) as exc:
        raise ImageError(label, f"cannot read the file ({exc})") from exc
    return PlacedForm(item, form_name(item.asset), box, data)


def form_name(sha256: str) -> str:
    """The resource name an ad file is known by in a page: /KAd<first 16 hex digits>."""
    return f"KAd{sha256[:16]}"


def _box(page: pikepdf.Page) -> tuple[float, float, float, float]:
    for key in (Name.TrimBox, Name.CropBox, Name.MediaBox):
        if key in page.obj:
            x0, y0, x1, y1 = (float(v) for v in page.obj[key])
            return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
    raise AdPdfError("the first page has no MediaBox")


def read_page_box(data: bytes) -> PdfPageBox:
    """The trim box (else crop box, else media box) of the first page of a PDF."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) == 0:
                raise AdPdfError("the PDF has no pages")
            page = pdf.pages[0]
            if int(page.obj.get(Name.Rotate, 0)) % 360:
                raise AdPdfError("the first page is rotated; the ad must be delivered upright")
            x0, y0, x1, y1 = _box(page)
            count = len(pdf.pages)
    except pikepdf.PdfError as exc:
        raise AdPdfError(f"not a readable PDF ({exc})") from exc
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        raise AdPdfError("the first page has no area")
    return PdfPageBox(x0, y0, x1, y1, count)


def placement_operators(
    name: str,
    box: PdfPageBox,
    target: tuple[float, float, float, float],
    clip: tuple[float, float, float, float],
) -> str:
    """PDF operators that show form `name` with its trim box on `target` (x, y, w, h in PDF
    space, y up), clipped to `clip` (the same form)."""
    tx, ty, tw, th = target
    sx, sy = tw / box.width, th / box.height
    cx, cy, cw, ch = clip
    return (
        f"q {cx:.4f} {cy:.4f} {cw:.4f} {ch:.4f} re W n "
        f"{sx:.6f} 0 0 {sy:.6f} {tx - box.x0 * sx:.4f} {ty - box.y0 * sy:.4f} cm "
        f"/{name} Do Q"
    )


def attach_forms(pdf: pikepdf.Pdf, forms: dict[str, bytes]) -> None:
    """Put each ad's first page into every page of `pdf` that shows it, as a form XObject.

    `forms` maps the resource name (see `form_name`) to the ad file's bytes. A page
    shows a form when its content names it; a form is copied into the file once.
    """
    made: dict[str, pikepdf.Object] = {}
    for page in pdf.pages:
        content = page.obj.get(Name.Contents)
        if content is None:
            continue
        streams = list(content) if isinstance(content, pikepdf.Array) else [content]
        code = b"".join(s.read_bytes() for s in streams)
        for name, data in forms.items():
            if f"/{name} Do".encode() not in code:
                continue
            if name not in made:
                made[name] = _copy_form(pdf, data)
            resources = page.obj.get(Name.Resources)
            if resources is None:
                resources = pikepdf.Dictionary()
                page.obj[Name.Resources] = resources
            xobjects = resources.get(Name.XObject)
            if xobjects is None:
                xobjects = pikepdf.Dictionary()
                resources[Name.XObject] = xobjects
            xobjects[Name("/" + name)] = made[name]


def _copy_form(target: pikepdf.Pdf, data: bytes) -> pikepdf.Object:
    try:
        with pikepdf.open(io.BytesIO(data)) as source:
            form = source.pages[0].as_form_xobject()
            return target.copy_foreign(form)
    except pikepdf.PdfError as exc:
        raise AdPdfError(f"not a readable PDF ({exc})") from exc
