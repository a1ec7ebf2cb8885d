"""PDF render stage: printer's marks: crop marks, registration targets and the slug line.

All marks are drawn in the registration colour, a Separation called `All` that prints
on every plate, outside the BleedBox (in the slug area the MediaBox adds around it).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from kupang_layout.model.units import mm
from kupang_layout.render.pdf.fonts import SLUG_FACE, pdf_font
from kupang_layout.render.pdf.painter import PageGeometry, registration_colour

__all__ = ["SlugInfo", "draw_marks"]

MARK_WEIGHT = 0.25
SLUG_SIZE = 6.0


@dataclass(frozen=True, slots=True)
class SlugInfo:
    """What the slug line says."""

    paper: str
    edition: str
    page: int
    date: str
    exported: str

    def text(self) -> str:
        parts = [self.paper, f"No. {self.edition}" if self.edition else "", f"page {self.page}"]
        if self.date:
            parts.append(self.date)
        parts.append(f"exported {self.exported}")
        return "  |  ".join(p for p in parts if p)


def draw_marks(canvas: Canvas, geometry: PageGeometry, slug: SlugInfo) -> None:
    """Crop marks at the four corners, a registration target on each side, the slug line."""
    g = geometry
    if g.slug <= 0:
        return
    colour = registration_colour()
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    # The marks print on every plate anyway; overprinting keeps them out of knock-out logic.
    canvas.setFillOverprint(True)
    canvas.setLineWidth(MARK_WEIGHT)
    left, bottom, right, top = g.trim_box
    offset = g.bleed  # marks start where the bleed ends
    length = max(mm(2), g.slug - mm(3))
    lines = []
    for x in (left, right):
        for y, direction in ((bottom, -1), (top, 1)):
            lines.append((x, y + direction * offset, x, y + direction * (offset + length)))
    for y in (bottom, top):
        for x, direction in ((left, -1), (right, 1)):
            lines.append((x + direction * offset, y, x + direction * (offset + length), y))
    canvas.lines(lines)

    radius = min(mm(2.5), g.slug / 4)
    centre_distance = g.bleed + g.slug / 2
    mid_x = (left + right) / 2
    mid_y = (bottom + top) / 2
    for cx, cy in (
        (mid_x, bottom - centre_distance),
        (mid_x, top + centre_distance),
        (left - centre_distance, mid_y),
        (right + centre_distance, mid_y),
    ):
        canvas.circle(cx, cy, radius, stroke=1, fill=0)
        canvas.circle(cx, cy, radius / 2, stroke=0, fill=1)
        reach = radius * 1.6
        canvas.lines([(cx - reach, cy, cx + reach, cy), (cx, cy - reach, cx, cy + reach)])

    font = pdf_font(SLUG_FACE)
    canvas.setFont(font.fontName, SLUG_SIZE)
    baseline = bottom - g.bleed - g.slug / 2 - SLUG_SIZE / 3
    canvas.drawString(left + mm(5), baseline, slug.text())
    canvas.restoreState()
