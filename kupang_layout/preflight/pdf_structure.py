"""Preflight stage: PDF/X-1a structure of a page PDF (document keys, page boxes, resources).

Read with pikepdf. What is checked is what the printing plant's intake check
looks at (docs/PREFLIGHT.md has the table), plus a few holes it leaves open:
Indexed images and spot colours on an RGB base, and shadings in RGB.
"""

from __future__ import annotations

from typing import Any

import pikepdf
from pikepdf import Name

from kupang_layout.preflight.pdf_report import BAD_FAMILIES, POINTS_PER_MM, PdfReport

PDFX_INFO_KEYS = ("/Title", "/CreationDate", "/ModDate")
MAX_VERSION = (1, 4)
_NORMAL_BLEND = ("/Normal", "/Compatible")


def family(cs: Any) -> str:
    """The family name of a colour space object ('/DeviceCMYK', '/ICCBased', ...)."""
    if isinstance(cs, pikepdf.Array):
        return str(cs[0]) if len(cs) else ""
    return str(cs) if cs is not None else ""


def icc_components(cs: Any) -> int | None:
    """N of an ICCBased colour space, None for other spaces or a broken profile."""
    if isinstance(cs, pikepdf.Array) and len(cs) > 1 and str(cs[0]) == "/ICCBased":
        try:
            return int(cs[1].get("/N", 0))
        except (TypeError, ValueError, AttributeError):
            return None
    return None


def bad_space(cs: Any) -> str | None:
    """The offending family when a colour space is RGB, Lab or colour ICC, else None.

    Indexed, Separation and DeviceN spaces are judged by their base or alternate.
    A one-component ICC space (grey) is allowed.
    """
    fam = family(cs)
    if fam in BAD_FAMILIES:
        if fam == "/ICCBased" and icc_components(cs) == 1:
            return None
        return fam
    if fam == "/Indexed" and isinstance(cs, pikepdf.Array) and len(cs) > 1:
        return bad_space(cs[1])
    if fam in ("/Separation", "/DeviceN") and isinstance(cs, pikepdf.Array) and len(cs) > 2:
        return bad_space(cs[2])
    return None


def _version(text: str) -> tuple[int, int]:
    major, _, minor = text.partition(".")
    try:
        return int(major), int(minor or 0)
    except ValueError:
        return (99, 0)


def check_document(pdf: pikepdf.Pdf, rep: PdfReport) -> None:
    """Version, output intent, Info keys, file ID, forms, JavaScript, OpenAction."""
    version = str(pdf.pdf_version)
    if _version(version) > MAX_VERSION:
        rep.error("pdf-version", version=version)
    intents = pdf.Root.get("/OutputIntents")
    pdfx = [oi for oi in (intents or []) if oi.get("/S") == Name("/GTS_PDFX")]
    if not pdfx:
        rep.error("pdf-no-output-intent")
    else:
        oi = pdfx[0]
        if "/OutputConditionIdentifier" not in oi:
            rep.error("pdf-output-intent-id")
        profile = oi.get("/DestOutputProfile")
        if profile is None:
            rep.warn("pdf-output-intent-no-profile")
        elif int(profile.get("/N", 0)) != 4:
            rep.error("pdf-output-intent-profile")
    info = pdf.docinfo
    xv = str(info.get("/GTS_PDFXVersion", ""))
    if not xv.startswith("PDF/X-1"):
        rep.error("pdf-pdfx-version", value=xv)
    if info.get("/Trapped") not in (Name("/True"), Name("/False")):
        rep.error("pdf-trapped")
    for key in PDFX_INFO_KEYS:
        if key not in info:
            rep.error("pdf-info-missing", key=key[1:])
    if "/ID" not in pdf.trailer:
        rep.error("pdf-no-id")
    if "/AcroForm" in pdf.Root:
        rep.error("pdf-forms")
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        rep.error("pdf-javascript")
    if "/OpenAction" in pdf.Root:
        rep.warn("pdf-open-action")


def _box(page: pikepdf.Page, key: str) -> list[float] | None:
    value = page.obj.get(key)
    if value is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in value)
    return [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]


def check_boxes(
    page: pikepdf.Page,
    pno: int,
    rep: PdfReport,
    expected_size: tuple[float, float] | None,
) -> None:
    """Annotations, TrimBox, BleedBox, the bleed on every side, the trim size."""
    s = rep.settings
    annots = page.obj.get("/Annots")
    if annots:
        rep.error("pdf-annotations", pno, count=len(annots))
    media = _box(page, "/MediaBox") or [0.0, 0.0, 0.0, 0.0]
    trim = _box(page, "/TrimBox")
    bleed = _box(page, "/BleedBox")
    if trim is None:
        rep.error("pdf-no-trimbox", pno)
        return
    width_mm = (trim[2] - trim[0]) / POINTS_PER_MM
    height_mm = (trim[3] - trim[1]) / POINTS_PER_MM
    if expected_size is not None:
        ew, eh = (v / POINTS_PER_MM for v in expected_size)
        tol = s.trim_tolerance_mm
        if abs(width_mm - ew) > tol or abs(height_mm - eh) > tol:
            rep.error(
                "pdf-trim-size",
                pno,
                width=width_mm,
                height=height_mm,
                expected_width=ew,
                expected_height=eh,
            )
    if s.bleed_mm <= 0:
        return
    if bleed is None:
        rep.error("pdf-no-bleedbox", pno)
        return
    least = min(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
    least_mm = least / POINTS_PER_MM
    if least_mm < s.bleed_mm - 0.05:
        rep.error("pdf-bleed-small", pno, bleed=round(least_mm, 2), need=s.bleed_mm)
    eps = 0.01
    if (
        bleed[0] < media[0] - eps
        or bleed[1] < media[1] - eps
        or bleed[2] > media[2] + eps
        or bleed[3] > media[3] + eps
    ):
        rep.error("pdf-bleed-outside-media", pno)


def _embedded(font: Any) -> bool:
    descriptors = [font.get("/FontDescriptor")]
    descriptors += [d.get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
    return any(
        fd is not None and any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for fd in descriptors
    )


def _transparent_gstate(gs: Any) -> bool:
    blend = gs.get("/BM", Name("/Normal"))
    if isinstance(blend, pikepdf.Array):
        blend = blend[0] if len(blend) else Name("/Normal")
    return (
        float(gs.get("/ca", 1)) < 1
        or float(gs.get("/CA", 1)) < 1
        or gs.get("/SMask", Name("/None")) != Name("/None")
        or str(blend) not in _NORMAL_BLEND
    )


def _filters(stream: Any) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return [str(v) for v in value]
    return [str(value)]


class ResourceWalker:
    """Walks a page's resources and the forms, patterns and shadings they reach."""

    def __init__(self, rep: PdfReport, pno: int) -> None:
        self.rep = rep
        self.pno = pno
        self.seen: set[tuple[int, int]] = set()

    def _first_visit(self, obj: Any) -> bool:
        key = obj.objgen
        if key == (0, 0):
            return True
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def walk(self, res: Any, where: str = "") -> None:
        if res is None or not isinstance(res, pikepdf.Dictionary) or not self._first_visit(res):
            return
        self._fonts(res, where)
        self._colour_spaces(res, where)
        self._gstates(res, where)
        self._xobjects(res, where)
        self._shadings(res, where)
        self._patterns(res, where)

    def _fonts(self, res: Any, where: str) -> None:
        for fname, font in (res.get("/Font") or {}).items():
            label = str(font.get("/BaseFont", fname))
            if font.get("/Subtype") == Name("/Type3"):
                self.rep.warn("pdf-font-type3", self.pno, font=f"{where}{fname}")
            elif not _embedded(font):
                self.rep.error("pdf-font-not-embedded", self.pno, font=label.lstrip("/"))

    def _colour_spaces(self, res: Any, where: str) -> None:
        for cname, cs in (res.get("/ColorSpace") or {}).items():
            bad = bad_space(cs)
            if bad is None:
                continue
            if family(cs) in ("/Separation", "/DeviceN"):
                self.rep.error("pdf-spot-alternate", self.pno, name=f"{where}{cname}")
            else:
                self.rep.error("pdf-colour-space", self.pno, name=f"{where}{cname}", family=bad)

    def _gstates(self, res: Any, where: str) -> None:
        for gname, gs in (res.get("/ExtGState") or {}).items():
            if _transparent_gstate(gs):
                self.rep.error("pdf-transparency", self.pno, name=f"{where}{gname}")

    def _xobjects(self, res: Any, where: str) -> None:
        for xname, xo in (res.get("/XObject") or {}).items():
            sub = xo.get("/Subtype")
            label = f"{where}{xname}".lstrip("/")
            if sub == Name("/Image"):
                self._image(xo, label)
            elif sub == Name("/Form") and self._first_visit(xo):
                if "/Group" in xo:
                    self.rep.error("pdf-transparency-group", self.pno, name=label)
                self.walk(xo.get("/Resources"), f"{label}/")

    def _image(self, xo: Any, label: str) -> None:
        cs = xo.get("/ColorSpace")
        fam = family(cs)
        bad = bad_space(cs)
        # The plant lists images with pdfimages, which calls any ICC image "icc" and
        # refuses it, grey ones included.
        if bad is None and fam == "/ICCBased":
            bad = fam
        if bad is not None:
            self.rep.error("pdf-image-colour", self.pno, name=label, family=bad)
        if "/SMask" in xo or isinstance(xo.get("/Mask"), pikepdf.Stream):
            self.rep.error("pdf-soft-mask", self.pno, name=label)
        if "/LZWDecode" in _filters(xo):
            self.rep.error("pdf-lzw", self.pno, name=label)

    def _shadings(self, res: Any, where: str) -> None:
        for sname, sh in (res.get("/Shading") or {}).items():
            bad = bad_space(sh.get("/ColorSpace"))
            if bad is not None:
                self.rep.error("pdf-colour-space", self.pno, name=f"{where}{sname}", family=bad)

    def _patterns(self, res: Any, where: str) -> None:
        for pname, pat in (res.get("/Pattern") or {}).items():
            if not self._first_visit(pat):
                continue
            shading = pat.get("/Shading")
            if shading is not None:
                bad = bad_space(shading.get("/ColorSpace"))
                if bad is not None:
                    self.rep.error("pdf-colour-space", self.pno, name=f"{where}{pname}", family=bad)
            self.walk(pat.get("/Resources"), f"{where}{pname}/")


def page_resources(page: pikepdf.Page) -> Any:
    """The page's resources, inherited from the page tree when the page has none."""
    node: Any = page.obj
    for _ in range(64):
        res = node.get("/Resources")
        if res is not None:
            return res
        node = node.get("/Parent")
        if node is None:
            return None
    return None
