"""Test helpers for advertisements: ad PDFs made with ReportLab, a page with a booked ad."""

from __future__ import annotations

import io

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.model import BaselineGrid, Margins, Page
from kupang_layout.model.assets import MemoryAssets
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.plan import AdBooking
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.units import mm
from kupang_layout.render.pdf.fonts import SLUG_FACE, pdf_font

AD_CMYK = (0.1, 0.85, 0.95, 0.05)
AD_BLUE = (1.0, 0.6, 0.0, 0.1)
AD_TEXT = "TOKO SINAR JAYA"
BLEED_PT = 9.0
BODY = (
    "Pemerintah Kota Kupang menyiapkan anggaran untuk perbaikan jalan di kawasan Oebobo "
    "dan Kelapa Lima sebelum musim hujan tiba."
)


def make_ad(
    width: float, height: float, *, text: str = AD_TEXT, rgb: bool = False, alpha: bool = False
) -> bytes:
    """A CMYK vector ad (a frame of colour, a blue bar, embedded-font text) whose trim box is
    `width` x `height` points inside a 9 pt bleed; `rgb` paints the bar in RGB, `alpha`
    makes it half transparent."""
    buffer = io.BytesIO()
    font = pdf_font(SLUG_FACE).fontName
    canvas = Canvas(buffer, pagesize=(width + 2 * BLEED_PT, height + 2 * BLEED_PT),
                    initialFontName=font)  # fmt: skip
    canvas.setTrimBox((BLEED_PT, BLEED_PT, width + BLEED_PT, height + BLEED_PT))
    canvas.setFillColorCMYK(*AD_CMYK)
    canvas.rect(0, 0, width + 2 * BLEED_PT, height + 2 * BLEED_PT, stroke=0, fill=1)
    if rgb:
        canvas.setFillColorRGB(0.1, 0.3, 0.9)
    else:
        canvas.setFillColorCMYK(*AD_BLUE)
    if alpha:
        canvas.setFillAlpha(0.5)
    canvas.rect(BLEED_PT + 10, BLEED_PT + 10, width - 20, height / 3, stroke=0, fill=1)
    if alpha:
        canvas.setFillAlpha(1.0)
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont(font, 24)
    canvas.drawString(BLEED_PT + 20, BLEED_PT + height * 0.6, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def make_jpeg_ad(width_pt: float, height_pt: float, dpi: int = 300) -> bytes:
    """A CMYK JPEG ad of the given size at `dpi`."""
    size = (round(width_pt / 72 * dpi), round(height_pt / 72 * dpi))
    image = Image.new("CMYK", size, (20, 200, 230, 10))
    image.paste((255, 150, 0, 20), (size[0] // 8, size[1] // 8, size[0] // 2, size[1] // 2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, dpi=(dpi, dpi))
    return buffer.getvalue()


def ad_page(number: int = 5) -> Page:
    """A broadsheet page (280 x 430 mm, five columns) with a text story in its top half."""
    return Page(
        id=f"page-{number}",
        number=number,
        width=mm(280),
        height=mm(430),
        margins=Margins(mm(15), mm(15), mm(12), mm(12)),
        baseline=BaselineGrid(11.0, 0.0),
        frames=[TextFrame(id="body", rect=Rect(mm(12), mm(15), mm(256), mm(120)),
                          story_id="story", columns=5, gutter=mm(4.5))],
    )  # fmt: skip


def ad_edition(columns: int = 3, depth_mm: float = 100.0) -> tuple[Edition, AdBooking]:
    """An edition with page 5 and a booking of `columns` x `depth_mm` on it (no file yet)."""
    edition = Edition(paper="Kupang Times", number="537", date="2024-10-14",
                      asset_source=MemoryAssets())  # fmt: skip
    edition.pages.append(ad_page())
    edition.stories["story"] = Story(id="story", paragraphs=[Paragraph.plain("Body", BODY)])
    booking = AdBooking(id="ad-sinar", advertiser="Toko Sinar Jaya", page=5, size="custom",
                        columns=columns, depth=mm(depth_mm))  # fmt: skip
    edition.plan.page_count = 8
    edition.plan.ads[booking.id] = booking
    return edition, booking
