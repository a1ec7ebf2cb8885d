"""Preflight stage: reading a page's content streams: RGB operators, black text overprint,
and every placed image's effective resolution from the current transformation matrix.

The interpreter follows only what these rules need: q/Q, cm, gs (overprint),
the fill colour (k, g, cs + sc/scn in DeviceCMYK or DeviceGray), the text-showing
operators, and Do into images and forms (a form's /Matrix joins the CTM; its
own resources apply inside it). PDF 1.7 (ISO 32000-1) 8.3.4 gives the matrix
product order: a `cm` operand M makes CTM' = M x CTM.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import pikepdf
from pikepdf import Name

from kupang_layout.preflight.pdf_report import PdfReport
from kupang_layout.preflight.pdf_structure import bad_space, family

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
BLACK = (0.0, 0.0, 0.0, 1.0)
MAX_FORM_DEPTH = 16
TEXT_SHOW = ("Tj", "TJ", "'", '"')
# Abbreviations an inline image may use for its colour space (PDF 1.7, 8.9.7, table 93).
_INLINE_SPACES = {
    "/G": "/DeviceGray",
    "/RGB": "/DeviceRGB",
    "/CMYK": "/DeviceCMYK",
    "/I": "/Indexed",
}


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """The product m x n of two PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


@dataclass(frozen=True, slots=True)
class PlacedImage:
    """One image drawn on a page: pixels and its resolution along each image axis."""

    page: int
    name: str
    width_px: int
    height_px: int
    ppi_x: float
    ppi_y: float
    stencil: bool

    @property
    def ppi(self) -> float:
        return min(self.ppi_x, self.ppi_y)


@dataclass(frozen=True, slots=True)
class _State:
    ctm: Matrix = IDENTITY
    fill: tuple[float, ...] | None = (0.0, 0.0, 0.0, 1.0)
    fill_space: str = "/DeviceGray"
    overprint: bool = False


@dataclass
class ContentFindings:
    """What the content streams of one page showed."""

    images: list[PlacedImage]
    rgb_operators: dict[str, int]
    black_text: int = 0
    black_text_plain: int = 0


def _numbers(operands: Any) -> list[float]:
    out: list[float] = []
    for v in operands:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            return []
    return out


def _ppi(pixels: int, ctm: Matrix, axis: int) -> float:
    """Pixels per inch along an image axis: the unit square's side length in points."""
    a, b, c, d, _, _ = ctm
    length = math.hypot(a, b) if axis == 0 else math.hypot(c, d)
    return pixels * 72.0 / length if length > 0 else math.inf


class ContentReader:
    """Interprets one page's content (and the forms it draws) for the PDF rules."""

    def __init__(self, rep: PdfReport, pno: int) -> None:
        self.rep = rep
        self.pno = pno
        self.found = ContentFindings(images=[], rgb_operators={})

    def read_page(self, page: pikepdf.Page, resources: Any) -> ContentFindings:
        try:
            ops = pikepdf.parse_content_stream(page)
        except pikepdf.PdfError as exc:
            self.rep.error("pdf-unreadable", self.pno, reason=f"content stream: {exc}")
            return self.found
        self._run(ops, resources, _State(), depth=0, active=set())
        return self.found

    def _run(
        self, ops: Any, resources: Any, start: _State, depth: int, active: set[tuple[int, int]]
    ) -> None:
        state = start
        stack: list[_State] = []
        for operands, operator in ops:
            op = str(operator)
            if op == "q":
                stack.append(state)
            elif op == "Q":
                if stack:
                    state = stack.pop()
            elif op == "cm":
                nums = _numbers(operands)
                if len(nums) == 6:
                    state = replace(state, ctm=multiply(tuple(nums), state.ctm))  # type: ignore[arg-type]
            elif op == "gs" and operands:
                state = self._gstate(state, resources, str(operands[0]))
            elif op in ("rg", "RG"):
                self._rgb(op)
                if op == "rg":
                    state = replace(state, fill=None, fill_space="/DeviceRGB")
            elif op == "k":
                nums = _numbers(operands)
                fill = tuple(round(v, 3) for v in nums) if len(nums) == 4 else None
                state = replace(state, fill=fill, fill_space="/DeviceCMYK")
            elif op == "g":
                nums = _numbers(operands)
                fill = (0.0, 0.0, 0.0, round(1 - nums[0], 3)) if len(nums) == 1 else None
                state = replace(state, fill=fill, fill_space="/DeviceGray")
            elif op in ("cs", "CS") and operands:
                name = str(operands[0])
                if name == "/DeviceRGB":
                    self._rgb(f"{op} {name}")
                if op == "cs":
                    state = replace(state, fill=None, fill_space=name)
            elif op in ("sc", "scn"):
                state = replace(state, fill=self._fill(state.fill_space, operands))
            elif op in TEXT_SHOW:
                if state.fill == BLACK:
                    self.found.black_text += 1
                    if not state.overprint:
                        self.found.black_text_plain += 1
            elif op == "Do" and operands:
                self._do(str(operands[0]), resources, state, depth, active)
            elif op == "INLINE IMAGE" and operands:
                self._inline(operands[0], state)

    def _rgb(self, label: str) -> None:
        self.found.rgb_operators[label] = self.found.rgb_operators.get(label, 0) + 1

    @staticmethod
    def _fill(space: str, operands: Any) -> tuple[float, ...] | None:
        nums = _numbers(operands)
        if space == "/DeviceCMYK" and len(nums) == 4:
            return tuple(round(v, 3) for v in nums)
        if space == "/DeviceGray" and len(nums) == 1:
            return (0.0, 0.0, 0.0, round(1 - nums[0], 3))
        return None

    @staticmethod
    def _gstate(state: _State, resources: Any, name: str) -> _State:
        gstates = (resources or {}).get("/ExtGState") or {}
        g = gstates.get(name)
        if g is None:
            return state
        if "/op" in g:
            return replace(state, overprint=bool(g.get("/op")))
        if "/OP" in g:
            return replace(state, overprint=bool(g.get("/OP")))
        return state

    def _do(
        self, name: str, resources: Any, state: _State, depth: int, active: set[tuple[int, int]]
    ) -> None:
        xobjects = (resources or {}).get("/XObject") or {}
        xo = xobjects.get(name)
        if xo is None:
            return
        sub = xo.get("/Subtype")
        if sub == Name("/Image"):
            self._image(name.lstrip("/"), xo, state)
        elif sub == Name("/Form"):
            key = xo.objgen
            if depth >= MAX_FORM_DEPTH or key in active:
                return
            matrix = _numbers(xo.get("/Matrix", pikepdf.Array(IDENTITY)))
            ctm = multiply(tuple(matrix), state.ctm) if len(matrix) == 6 else state.ctm  # type: ignore[arg-type]
            inner = xo.get("/Resources") or resources
            try:
                ops = pikepdf.parse_content_stream(xo)
            except pikepdf.PdfError as exc:
                self.rep.error("pdf-unreadable", self.pno, reason=f"form {name}: {exc}")
                return
            self._run(ops, inner, replace(state, ctm=ctm), depth + 1, active | {key})

    def _image(self, name: str, xo: Any, state: _State) -> None:
        try:
            width, height = int(xo.get("/Width", 0)), int(xo.get("/Height", 0))
        except (TypeError, ValueError):
            return
        stencil = bool(xo.get("/ImageMask", False))
        self._placed(name, width, height, state, stencil)

    def _inline(self, image: Any, state: _State) -> None:
        obj = getattr(image, "obj", None)
        if obj is None:
            return
        try:
            width = int(obj.get("/W", obj.get("/Width", 0)))
            height = int(obj.get("/H", obj.get("/Height", 0)))
        except (TypeError, ValueError):
            return
        stencil = bool(obj.get("/IM", obj.get("/ImageMask", False)))
        cs = obj.get("/CS", obj.get("/ColorSpace"))
        if cs is not None and not stencil:
            if isinstance(cs, Name):
                cs = Name(_INLINE_SPACES.get(str(cs), str(cs)))
            bad = bad_space(cs)
            if bad is None and family(cs) == "/ICCBased":
                bad = "/ICCBased"
            if bad is not None:
                self.rep.error("pdf-image-colour", self.pno, name="inline", family=bad)
        self._placed("inline", width, height, state, stencil)

    def _placed(self, name: str, width: int, height: int, state: _State, stencil: bool) -> None:
        if width <= 0 or height <= 0:
            return
        self.found.images.append(
            PlacedImage(
                page=self.pno,
                name=name,
                width_px=width,
                height_px=height,
                ppi_x=_ppi(width, state.ctm, 0),
                ppi_y=_ppi(height, state.ctm, 1),
                stencil=stencil,
            )
        )


def report_content(found: ContentFindings, rep: PdfReport, pno: int) -> None:
    """Turn what one page's content showed into issues."""
    s = rep.settings
    for label, count in found.rgb_operators.items():
        rep.error("pdf-rgb-operator", pno, operator=label, count=count)
    if found.black_text_plain:
        rep.warn("pdf-black-overprint", pno, plain=found.black_text_plain, total=found.black_text)
    for image in found.images:
        if image.stencil or math.isinf(image.ppi):
            continue
        ppi = math.floor(image.ppi + 0.5)  # whole ppi, as the plant's pdfimages prints it
        if ppi < s.min_ppi:
            rep.error("pdf-image-ppi-low", pno, name=image.name, ppi=ppi, limit=s.min_ppi)
        elif ppi < s.good_ppi:
            rep.warn("pdf-image-ppi-poor", pno, name=image.name, ppi=ppi, limit=s.good_ppi)
