"""Imaging stage: an advertisement delivered as PDF, checked at the door (pikepdf, never drawn).

A PDF ad is not decoded into pixels: it is placed as vector (its first page as a
form XObject). What the door checks is that the file is a readable PDF with at
least one page, not encrypted, with an upright first page of some area. The
asset records the first page's trim box (else crop box, else media box) in PDF
points and the page count; `width_px`/`height_px` of such an asset are the trim
size in whole points (72 per inch), the exact box is in `extra["pdf"]`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from kupang_layout.imaging.errors import ImagingError

__all__ = ["PDF_EXT", "PdfFacts", "is_pdf", "read_pdf_facts"]

#: The extension a PDF asset is stored under.
PDF_EXT = "pdf"
#: The largest page side accepted (points): 5 m, far beyond any newspaper page.
MAX_SIDE_PT = 14_400.0


@dataclass(frozen=True, slots=True)
class PdfFacts:
    """The first page's trim box and media box (x0, y0, x1, y1 in PDF points, y up) and the
    number of pages of the file."""

    trim: tuple[float, float, float, float]
    media: tuple[float, float, float, float]
    pages: int

    @property
    def width(self) -> float:
        return self.trim[2] - self.trim[0]

    @property
    def height(self) -> float:
        return self.trim[3] - self.trim[1]


def is_pdf(data: bytes) -> bool:
    """Whether the bytes announce a PDF (the header may follow up to 1024 bytes of junk)."""
    return b"%PDF-" in data[:1024]


def _box(obj: Any, keys: tuple[Any, ...]) -> tuple[float, float, float, float] | None:
    for key in keys:
        value = obj.get(key)
        if value is None:
            continue
        x0, y0, x1, y1 = (float(v) for v in value)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
    return None


def read_pdf_facts(data: bytes, name: str) -> PdfFacts:
    """Check an ad's PDF bytes and return its first page's boxes and page count.

    Raises ImagingError naming `name`: 'empty', 'pdf-encrypted', 'pdf-damaged',
    'pdf-no-pages', 'pdf-rotated' or 'pdf-no-area'.
    """
    if not data:
        raise ImagingError(name, "empty")
    if not is_pdf(data):
        raise ImagingError(name, "not-image")
    import pikepdf  # only when an ad is checked: most commands never load it
    from pikepdf import Name

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise ImagingError(name, "pdf-encrypted")
            count = len(pdf.pages)
            if count == 0:
                raise ImagingError(name, "pdf-no-pages")
            page = pdf.pages[0].obj
            media = _box(page, (Name.MediaBox,))
            if media is None:
                raise ImagingError(name, "pdf-damaged", "the first page has no MediaBox")
            trim = _box(page, (Name.TrimBox, Name.CropBox)) or media
            rotate = int(page.get(Name.Rotate, 0))
            # The content must parse: a truncated stream is found here, not at export.
            pikepdf.parse_content_stream(pdf.pages[0])
            # A file qpdf had to repair (no cross-reference table, cut short) is not
            # what the advertiser sent: it is refused, to be sent again.
            repaired = pdf.get_warnings()
    except pikepdf.PasswordError as exc:
        raise ImagingError(name, "pdf-encrypted", str(exc)) from exc
    except (pikepdf.PdfError, ValueError, TypeError, KeyError, IndexError) as exc:
        raise ImagingError(name, "pdf-damaged", str(exc)) from exc
    if repaired:
        raise ImagingError(name, "pdf-damaged", str(repaired[0]))
    if rotate % 360:
        raise ImagingError(name, "pdf-rotated", angle=rotate % 360)
    width, height = trim[2] - trim[0], trim[3] - trim[1]
    if not (0 < width <= MAX_SIDE_PT and 0 < height <= MAX_SIDE_PT):
        raise ImagingError(name, "pdf-no-area", width=round(width), height=round(height))
    return PdfFacts(trim, media, count)
