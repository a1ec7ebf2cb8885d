"""PDF render stage: paint one display list onto a ReportLab canvas (text, rules, boxes, images).

Page coordinates (points, origin top-left of the trim, y down) become PDF coordinates
(origin bottom-left of the MediaBox, y up) shifted by the bleed and the slug area.
Only fills are used (rules and box edges are filled outlines), so overprint needs the
nonstroking flag `op` alone. Black (100 % K, nothing else) text and rules overprint,
paper white never does, and any ink flagged for overprint does, except where the
overprint would pile more ink than the limit on what was painted below (black text on
a dark box, on a dark photo): there it knocks out, and the painter reports it.

What was painted goes into an `InkLedger` with the most ink each area may carry
(an overprint's together with what lies below it), which decides the overprints and
gives the page's proven ink bound (`ink_bound`), so the plant's ink check needs
Ghostscript only where the bound cannot be proven or is over the limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    Ink,
    Marker,
    PageDisplayList,
    RuleItem,
    TextRun,
)
from kupang_layout.model.color import REGISTRATION
from kupang_layout.render.pdf.fonts import pdf_font
from kupang_layout.render.pdf.forms import PlacedForm, placement_operators
from kupang_layout.render.pdf.ink_bound import (
    ZERO,
    Figures,
    InkBound,
    InkLedger,
    face_ink,
    glyph_area,
    grown,
    ink_figures,
    over,
    replaced_plates,
    unknown_figures,
)
from kupang_layout.render.pdf.text import TextWriter

if TYPE_CHECKING:  # Pillow: the exporter imports the image cache for a page with pictures
    from kupang_layout.render.pdf.image_cache import CachedImage

__all__ = [
    "REGISTRATION_NAME",
    "PageGeometry",
    "PagePainter",
    "PlacedImage",
    "cmyk",
    "overprints",
    "registration_colour",
]

#: The Separation that prints on every plate (crop marks, registration targets).
REGISTRATION_NAME = "All"

Rect = tuple[float, float, float, float]  # left, top, right, bottom in page points

_BLACK_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """Trim size, bleed and slug of one page and the MediaBox they make (points)."""

    width: float
    height: float
    bleed: float
    slug: float

    @property
    def margin(self) -> float:
        """Distance from the MediaBox edge to the trim edge."""
        return self.bleed + self.slug

    @property
    def media_size(self) -> tuple[float, float]:
        return (self.width + 2 * self.margin, self.height + 2 * self.margin)

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        m = self.margin
        return (m, m, m + self.width, m + self.height)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        m = self.margin - self.bleed
        return (m, m, m + self.width + 2 * self.bleed, m + self.height + 2 * self.bleed)

    def x(self, page_x: float) -> float:
        return self.margin + page_x

    def y(self, page_y: float) -> float:
        return self.margin + self.height - page_y


@dataclass(frozen=True, slots=True)
class PlacedImage:
    """An image item with its prepared JPEG and its resolution as drawn."""

    item: ImageItem
    cached: CachedImage
    output_ppi: float
    source_ppi: float


def is_pure_black(ink: Ink) -> bool:
    return (
        ink.c <= _BLACK_TOLERANCE
        and ink.m <= _BLACK_TOLERANCE
        and ink.y <= _BLACK_TOLERANCE
        and ink.k >= 100 - _BLACK_TOLERANCE
    )


def overprints(ink: Ink, black_overprints: bool) -> bool:
    """Whether a fill in `ink` overprints: never for paper, always when flagged."""
    if ink.total <= 0:
        return False
    return ink.overprint or (black_overprints and is_pure_black(ink))


def _unit(value: float) -> float:
    return min(1.0, max(0.0, value / 100.0))


def registration_colour() -> CMYKColorSep:
    """100 % of every ink, as the Separation 'All'."""
    return CMYKColorSep(1, 1, 1, 1, spotName=REGISTRATION_NAME)


def _is_registration(ink: Ink) -> bool:
    return ink.name == REGISTRATION and min(ink.c, ink.m, ink.y, ink.k) >= 100 - _BLACK_TOLERANCE


def cmyk(ink: Ink) -> CMYKColor:
    """The ReportLab colour of an ink (percent to 0..1); the registration swatch is 'All'."""
    if _is_registration(ink):
        return registration_colour()
    return CMYKColor(_unit(ink.c), _unit(ink.m), _unit(ink.y), _unit(ink.k))


class PagePainter:
    """Draws the printing items of one display list; one painter per page.

    `tac` is the total ink limit used to decide where overprinting is safe; `notes`
    collects what the painter had to decide (knock-outs instead of overprint).
    """

    def __init__(
        self, canvas: Canvas, geometry: PageGeometry, text: TextWriter, tac: float = 240.0
    ) -> None:
        self.canvas = canvas
        self.geometry = geometry
        self.text = text
        self.tac = tac
        self.notes: list[str] = []
        self._fill: tuple[float, float, float, float] | None = None
        self._overprint: bool | None = None
        self._ink_keys: dict[Ink, tuple[float, float, float, float]] = {}
        self._last_ink: Ink | None = None  # the ink whose colour is set now
        # What has been painted so far, with the most ink each area may carry.
        self.ledger = InkLedger((0.0, 0.0, geometry.width, geometry.height))
        self._own: dict[Ink, tuple[Figures, Figures]] = {}
        self._kept: dict[Ink, int] = {}  # per ink: the plates its overprint keeps, or -1
        # The last ink planned: its figures, kept plates and whether it overprints
        # without and with black overprinting (runs after runs in one ink compare equal
        # to it, a third of the cost of looking them up by hash).
        self._recent: tuple[Ink, Figures, Figures, int, bool, bool] | None = None

    def ink_bound(self) -> InkBound:
        """The most ink the painted page carries anywhere in its trim (or why unknown)."""
        return self.ledger.bound()

    def begin(self) -> None:
        """Start the page's content: CMYK black fill and stroke, overprint mode 1."""
        c = self.canvas
        black = CMYKColor(0, 0, 0, 1)
        c.setFillColor(black)
        c.setStrokeColor(black)
        self._fill = (0.0, 0.0, 0.0, 1.0)
        self._last_ink = None
        c.setOverprintMask(True)
        self._set_overprint(False)
        self.text.reset_state()

    def _forget_state(self) -> None:
        """After a restored graphics state the colour and overprint are not known here.

        (The character spacing is: no text is drawn between q and Q.)
        """
        self._fill = None
        self._last_ink = None
        self._overprint = None

    def _set_fill(self, ink: Ink) -> None:
        # An equal ink (the engine makes one per run) has the same colour: nothing to set.
        if ink is self._last_ink or ink == self._last_ink:
            return
        self._last_ink = ink
        key = self._ink_keys.get(ink)
        if key is None:
            # The registration swatch gets a key no process colour can have.
            key = (
                (-1.0, -1.0, -1.0, -1.0)
                if _is_registration(ink)
                else (_unit(ink.c), _unit(ink.m), _unit(ink.y), _unit(ink.k))
            )
            self._ink_keys[ink] = key
        if key != self._fill:
            if key[0] < 0:
                self.canvas.setFillColor(registration_colour())
            else:
                # Written as it is: ReportLab's colour check takes a CMYK colour with equal
                # cyan, magenta and yellow for a grey and writes it as black only (50/50/50/100
                # rich black would print as plain black, 30/30/30/0 as 30 % black).
                self.canvas.addLiteral(f"{fp_str(*key)} k")
            self._fill = key

    def _set_overprint(self, on: bool) -> None:
        if on != self._overprint:
            self.canvas.setFillOverprint(on)
            self._overprint = on

    def _figures(self, ink: Ink) -> tuple[Figures, Figures]:
        """An ink's figures rounded up to Ghostscript's steps, and as given."""
        found = self._own.get(ink)
        if found is None:
            own, exact = ink_figures(ink), ink_figures(ink, exact=True)
            found = self._own[ink] = (own, exact)
            # The plates an overprint of it keeps, when it fits the limit on its own.
            fits = exact[4] <= self.tac + 1e-6 and own == over(own, ZERO)
            replaced = replaced_plates(own) & replaced_plates(exact)
            self._kept[ink] = 0b1111 & ~replaced if fits else -1
        return found

    def _plan(
        self, ink: Ink, decide: Rect, area: Rect, black_overprints: bool, what: str
    ) -> tuple[bool, Figures, Figures]:
        """Whether a fill overprints, and the most ink it may then show in `area` (rounded
        up to Ghostscript's steps, and as given).

        It overprints when its ink asks for it and what lies below `decide` (its shape,
        in points) leaves room for it: the stack below counts whole, with the inks as
        given. `area` holds `decide`; what lies below it (grown by a pixel's reach) gives
        the bound. The wider area answers first: when even it leaves room, so does the
        shape. Where no area near has ink on a plate the fill keeps (`plates_near`:
        black text over black text or paper), what lies below cannot show through it:
        it carries its own ink, the answer the stack would give, without adding it up."""
        recent = self._recent
        if recent is None or not (ink is recent[0] or ink == recent[0]):
            own, exact = self._figures(ink)
            recent = (ink, own, exact, self._kept[ink], overprints(ink, False),
                      overprints(ink, True))  # fmt: skip
            self._recent = recent
        _, own, exact, kept, plain, black = recent
        if not (black if black_overprints else plain):
            return False, own, exact
        if kept >= 0 and not self.ledger.plates_near(area) & kept:
            # Nothing near has ink on a plate it keeps: it carries its own ink (black
            # text over black text, over paper); the same as the stack would give.
            return True, own, exact
        below, _ = self.ledger.beneath(area)
        if below[4] > 0.0 and over(exact, below)[4] > self.tac + 1e-6:
            near, name = self.ledger.beneath(decide, reach=0.0, exact=True)
            carried = over(exact, near)
            if carried[4] > self.tac + 1e-6:
                note = (
                    f"{what} in {ink.name or 'black'!r} over {name} knocks out: "
                    f"overprinting would carry {round(carried[4], 1):g} % ink"
                )
                if note not in self.notes:
                    self.notes.append(note)
                return False, own, exact
            # What the decision saw is what later decisions see: the grown area's figure
            # is for the bound only (taken for decisions, a line near a picture would make
            # the next line over it knock out, and so on down the column).
            return True, over(own, below), carried
        return True, over(own, below), over(exact, below)

    def paint(
        self, display_list: PageDisplayList, images: dict[int, PlacedImage | PlacedForm]
    ) -> None:
        """Paint every printing item in order; `images` maps item index to its prepared image
        (or the form of a PDF ad)."""
        for index, item in enumerate(display_list.items):
            if isinstance(item, TextRun):
                self.text_run(item)
            elif isinstance(item, RuleItem):
                self.rule(item)
            elif isinstance(item, BoxItem):
                self.box(item)
            elif isinstance(item, ImageItem):
                placed = images.get(index)
                if isinstance(placed, PlacedForm):
                    self.form(placed)
                elif placed is not None:
                    self.image(placed)
            elif isinstance(item, Marker):
                continue
            else:  # nothing else is drawn; what it would carry is not known here
                self.ledger.unprovable(
                    f"an item the PDF painter does not know ({type(item).__name__})"
                )

    def text_run(self, run: TextRun) -> None:
        if not run.words or run.size <= 0:
            return
        font = pdf_font(run.face)
        self._set_fill(run.ink)
        # Where its glyphs' outlines are (the overprint decision), and where Ghostscript
        # may paint them, a pixel wider (the bound).
        shape = glyph_area(run, face_ink(run.face))
        area = grown(shape, self.ledger.pixel)
        overprint, carried, exact = self._plan(run.ink, shape, area, True, "text")
        self._set_overprint(overprint)
        g = self.geometry
        code = self.text.run_code(run, font, g.margin, g.y(run.y))
        if code:
            self.canvas.addLiteral(code)
            self.ledger.add(area, carried, "text", exact=exact)

    def rule(self, rule: RuleItem) -> None:
        if rule.weight <= 0:
            return
        dx = rule.x2 - rule.x1
        dy = rule.y2 - rule.y1
        length = math.hypot(dx, dy)
        if length <= 0:
            return
        # The stroke as a filled quadrilateral with butt ends.
        nx = -dy / length * rule.weight / 2
        ny = dx / length * rule.weight / 2
        g = self.geometry
        corners = [
            (rule.x1 + nx, rule.y1 + ny),
            (rule.x2 + nx, rule.y2 + ny),
            (rule.x2 - nx, rule.y2 - ny),
            (rule.x1 - nx, rule.y1 - ny),
        ]
        xs = [px for px, _ in corners]
        ys = [py for _, py in corners]
        bounds = (min(xs), min(ys), max(xs), max(ys))
        self._set_fill(rule.ink)
        overprint, carried, exact = self._plan(rule.ink, bounds, bounds, True, "a rule")
        self._set_overprint(overprint)
        path = self.canvas.beginPath()
        path.moveTo(g.x(corners[0][0]), g.y(corners[0][1]))
        for px, py in corners[1:]:
            path.lineTo(g.x(px), g.y(py))
        path.close()
        self.canvas.drawPath(path, stroke=0, fill=1)
        self.ledger.add(bounds, carried, "a rule", exact=exact)

    def box(self, box: BoxItem) -> None:
        g = self.geometry
        if box.width <= 0 or box.height <= 0:
            return
        if box.fill is not None:
            area = (box.x, box.y, box.x + box.width, box.y + box.height)
            self._set_fill(box.fill)
            overprint, carried, exact = self._plan(box.fill, area, area, False, "a box")
            self._set_overprint(overprint)
            self.canvas.rect(
                g.x(box.x), g.y(box.y + box.height), box.width, box.height, stroke=0, fill=1
            )
            name = f"{box.fill.name!r}" if box.fill.name else "a box"
            self.ledger.add(area, carried, name, hides=not overprint, exact=exact)
        if box.stroke is not None and box.stroke_weight > 0:
            # The edge as a frame (outer minus inner rectangle, even-odd), centred on the box.
            half = box.stroke_weight / 2
            outer = (
                box.x - half,
                box.y - half,
                box.x + box.width + half,
                box.y + box.height + half,
            )
            self._set_fill(box.stroke)
            edge_overprints, edge, edge_exact = self._plan(
                box.stroke, outer, outer, True, "a box edge"
            )
            self._set_overprint(edge_overprints)
            path = self.canvas.beginPath()
            path.rect(
                g.x(box.x - half),
                g.y(box.y + box.height + half),
                box.width + 2 * half,
                box.height + 2 * half,
            )
            inner_w = box.width - 2 * half
            inner_h = box.height - 2 * half
            if inner_w > 0 and inner_h > 0:
                path.rect(g.x(box.x + half), g.y(box.y + box.height - half), inner_w, inner_h)
            self.canvas.drawPath(path, stroke=0, fill=1, fillMode=0)
            self.ledger.add(outer, edge, "a box edge", exact=edge_exact)

    def image(self, placed: PlacedImage) -> None:
        item = placed.item
        crop = placed.cached.image.crop
        g = self.geometry
        left = item.img_x + crop[0] * item.img_width
        right = item.img_x + crop[2] * item.img_width
        top = item.img_y + crop[1] * item.img_height
        bottom = item.img_y + crop[3] * item.img_height
        clip_left = max(item.clip_x, item.img_x)
        clip_top = max(item.clip_y, item.img_y)
        clip_right = min(item.clip_x + item.clip_width, item.img_x + item.img_width)
        clip_bottom = min(item.clip_y + item.clip_height, item.img_y + item.img_height)
        c = self.canvas
        self._set_overprint(False)  # a picture knocks out (overprint mode 1 is for fills)
        c.saveState()
        clip = c.beginPath()
        clip.rect(g.x(clip_left), g.y(clip_bottom), clip_right - clip_left, clip_bottom - clip_top)
        c.clipPath(clip, stroke=0, fill=0)
        c.drawImage(str(placed.cached.path), g.x(left), g.y(bottom), right - left, bottom - top)
        c.restoreState()
        self._forget_state()
        # A picture carries what its decoded JPEG holds (measured when it was prepared).
        figures = placed.cached.image.ink
        if figures is None:
            self.ledger.unprovable("a picture whose pixels were not measured")
            figures = unknown_figures(self.tac)
        area = (clip_left, clip_top, clip_right, clip_bottom)
        self.ledger.add(area, figures, "a picture", hides=True)

    def form(self, placed: PlacedForm) -> None:
        """A PDF ad: its trim box on the item's whole-image rect, clipped to what shows.

        The ad's own colours, fonts and overprint settings apply inside the form; the
        page's fill overprint is switched off first so that none of it leaks into an ad
        that does not set its own."""
        item = placed.item
        shown = item.visible_rect()
        if shown is None:
            return
        g = self.geometry
        self._set_overprint(False)
        left, top, right, bottom = shown
        target = (g.x(item.img_x), g.y(item.img_y + item.img_height), item.img_width,
                  item.img_height)  # fmt: skip
        clip = (g.x(left), g.y(bottom), right - left, bottom - top)
        self.canvas.addLiteral(placement_operators(placed.name, placed.box, target, clip))
        # The ad's own ink is not known here: the check measures the page with Ghostscript.
        self.ledger.unprovable("a PDF advertisement")
        self.ledger.add(shown, unknown_figures(self.tac), "an advertisement", hides=True)
