"""Preflight PDF rules on small PDFs built here with ReportLab, compared with the plant's check.

Each file is a PDF/X-1a-like page (finished with pikepdf) with one fault added;
our check must report exactly that fault as an error, and the plant's intake
check (when it and its tools are present) must refuse the same files and accept
the same files.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from conftest import intake_check_available, intake_result
from pikepdf import Array, Dictionary, Name, String
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.fonts import default_registry
from kupang_layout.model import Edition, Page, mm
from kupang_layout.preflight import Issue, check_pdf, check_pdf_folder, match_page
from kupang_layout.preflight.pdf_ink import page_ink
from kupang_layout.resources import resource_path

TRIM_W, TRIM_H, BLEED = mm(120), mm(90), mm(3)
FONT = "PreflightSerif"

needs_plant = pytest.mark.skipif(
    not intake_check_available(), reason="the plant's intake check or its tools are missing"
)


@dataclass(frozen=True)
class Faults:
    rgb_text: bool = False
    no_trimbox: bool = False
    helvetica: bool = False
    annotation: bool = False
    transparency: bool = False
    image_ppi: float = 300.0
    heavy_ink: bool = False
    black_overprint: bool = True
    bleed_mm: float = 3.0
    rgb_inline_image: bool = False
    version: str = "1.3"


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = default_registry().path("PT Serif", "Regular")
        pdfmetrics.registerFont(TTFont(FONT, str(path)))
    return FONT


def _cmyk_image(pixels: int) -> ImageReader:
    return ImageReader(Image.new("CMYK", (pixels, pixels), (40, 10, 0, 20)))


def _finish(data: bytes, path: Path, version: str) -> None:
    """The PDF/X-1a keys: Info, Trapped, GTS_PDFXVersion, output intent with a CMYK profile."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        info[Name.Title] = String("Uji preflight")
        info[Name.Trapped] = Name("/False")
        info[Name("/GTS_PDFXVersion")] = String("PDF/X-1:2001")
        profile = pikepdf.Stream(
            pdf, resource_path("icc", "KupangNewsprint-TR002.icc").read_bytes()
        )
        profile[Name.N] = 4
        intent = Dictionary(
            Type=Name.OutputIntent,
            S=Name("/GTS_PDFX"),
            OutputConditionIdentifier=String("CGATS TR 002"),
            DestOutputProfile=profile,
        )
        pdf.Root[Name.OutputIntents] = Array([pdf.make_indirect(intent)])
        pdf.save(path, force_version=version)


def make_pdf(path: Path, faults: Faults = Faults()) -> Path:
    """A small page: CMYK box, black text, a CMYK picture; plus the faults asked for."""
    bleed = mm(faults.bleed_mm)
    buf = io.BytesIO()
    c = Canvas(
        buf,
        pagesize=(TRIM_W + 2 * bleed, TRIM_H + 2 * bleed),
        initialFontName=_font(),
        pdfVersion=(1, 3),
    )
    if not faults.no_trimbox:
        c.setTrimBox((bleed, bleed, bleed + TRIM_W, bleed + TRIM_H))
        c.setBleedBox((0, 0, TRIM_W + 2 * bleed, TRIM_H + 2 * bleed))
    c.translate(bleed, bleed)
    c.setFillColorCMYK(0.2, 0.5, 0.0, 0.0)
    c.rect(mm(5), mm(5), mm(40), mm(20), stroke=0, fill=1)
    c.saveState()
    c.setFillColorCMYK(0, 0, 0, 1)
    if faults.black_overprint:
        c.setFillOverprint(True)
    c.setFont(_font(), 10)
    c.drawString(mm(5), mm(80), "Kupang Times")
    c.restoreState()
    # A 1 inch picture with `image_ppi` pixels across.
    c.drawImage(_cmyk_image(round(faults.image_ppi)), mm(60), mm(40), 72, 72)
    if faults.rgb_text:
        c.setFillColorRGB(0.9, 0.1, 0.1)
        c.setFont(_font(), 10)
        c.drawString(mm(5), mm(70), "merah RGB")
    if faults.helvetica:
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont("Helvetica", 10)
        c.drawString(mm(5), mm(60), "Helvetica")
    if faults.annotation:
        c.linkURL("https://example.com", (mm(5), mm(50), mm(40), mm(55)), relative=1)
    if faults.transparency:
        c.saveState()
        c.setFillAlpha(0.5)
        c.setFillColorCMYK(0, 0.5, 0, 0)
        c.rect(mm(50), mm(5), mm(20), mm(20), stroke=0, fill=1)
        c.restoreState()
    if faults.heavy_ink:
        c.setFillColorCMYK(1, 1, 1, 0)
        c.rect(mm(0), mm(30), TRIM_W, mm(40), stroke=0, fill=1)
    if faults.rgb_inline_image:
        c.drawInlineImage(Image.new("RGB", (80, 80), (200, 0, 0)), mm(90), mm(5), 20, 20)
    c.showPage()
    c.save()
    _finish(buf.getvalue(), path, faults.version)
    return path


def errors(issues: list[Issue]) -> set[str]:
    return {i.rule for i in issues if i.severity == "error"}


def plant(path: Path) -> dict[str, object]:
    return intake_result(path)


# -- one fault at a time ---------------------------------------------------------------------

CASES = {
    "rgb-text": (Faults(rgb_text=True), "pdf-rgb-operator", "DeviceRGB colour operator"),
    "no-trimbox": (Faults(no_trimbox=True), "pdf-no-trimbox", "no TrimBox"),
    "helvetica": (Faults(helvetica=True), "pdf-font-not-embedded", "Helvetica is not embedded"),
    "annotation": (Faults(annotation=True), "pdf-annotations", "annotations"),
    "transparency": (Faults(transparency=True), "pdf-transparency", "transparency"),
    "image-100-ppi": (Faults(image_ppi=100), "pdf-image-ppi-low", "image at 100 ppi"),
    "ink-300": (Faults(heavy_ink=True), "pdf-ink", "total ink"),
    "bleed-1mm": (Faults(bleed_mm=1.0), "pdf-bleed-small", "bleed 1.00 mm"),
    "version-1.5": (Faults(version="1.5"), "pdf-version", "PDF version 1.5"),
    "rgb-inline-image": (Faults(rgb_inline_image=True), "pdf-image-colour", "image in rgb"),
}


def test_the_baseline_page_passes(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "baik.pdf")
    assert check_pdf(path) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_fault_is_reported_as_exactly_its_error(tmp_path: Path, case: str) -> None:
    faults, rule, _ = CASES[case]
    issues = check_pdf(make_pdf(tmp_path / f"{case}.pdf", faults))
    assert errors(issues) == {rule}
    assert all(i.file.endswith(f"{case}.pdf") for i in issues)
    for issue in issues:
        assert issue.message("id") != issue.message("en")


def test_image_at_180_ppi_is_only_a_warning(tmp_path: Path) -> None:
    issues = check_pdf(make_pdf(tmp_path / "p180.pdf", Faults(image_ppi=180)))
    assert [(i.severity, i.rule, i.params["ppi"]) for i in issues] == [
        ("warning", "pdf-image-ppi-poor", 180)
    ]


def test_black_text_without_overprint_warns(tmp_path: Path) -> None:
    issues = check_pdf(make_pdf(tmp_path / "knock.pdf", Faults(black_overprint=False)))
    assert [(i.severity, i.rule) for i in issues] == [("warning", "pdf-black-overprint")]
    assert issues[0].params == {"plain": 1, "total": 1}


def test_ink_check_can_be_skipped(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "tinta.pdf", Faults(heavy_ink=True))
    assert errors(check_pdf(path, ink=False)) == set()


def test_file_that_is_not_a_pdf_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.3\nthis is not a pdf")
    issues = check_pdf(bad)
    assert [i.rule for i in issues] == ["pdf-unreadable"]


def test_missing_pdfx_keys_are_each_reported(tmp_path: Path) -> None:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(TRIM_W, TRIM_H), initialFontName=_font())
    c.setTrimBox((0, 0, TRIM_W, TRIM_H))
    c.showPage()
    c.save()
    path = tmp_path / "polos.pdf"
    path.write_bytes(buf.getvalue())
    found = errors(check_pdf(path, ink=False))
    assert {"pdf-no-output-intent", "pdf-pdfx-version", "pdf-no-bleedbox"} <= found


# -- the ink measurement -----------------------------------------------------------------------


def _reference_percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks, written out plainly."""
    s = sorted(values)
    rank = q / 100 * (len(s) - 1)
    lo = math.floor(rank)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (rank - lo)


def test_page_ink_matches_a_plain_computation(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    size = (97, 61)
    plates = []
    raw = []
    for k in range(4):
        values = [rng.choice((0, 40, 128, 255, 255, 255)) for _ in range(size[0] * size[1])]
        img = Image.new("L", size)
        img.putdata(values)
        p = tmp_path / f"p1({k}).tif"
        img.save(p)
        plates.append(p)
        raw.append(values)
    totals = [sum((255 - plate[i]) / 2.55 for plate in raw) for i in range(size[0] * size[1])]
    got = page_ink(1, plates, tac=240, percentile=99.9)
    assert got.percentile == pytest.approx(_reference_percentile(totals, 99.9), abs=1e-6)
    assert got.maximum == pytest.approx(max(totals))
    over = sum(v > 242 for v in totals) / len(totals) * 100
    assert got.share_over == pytest.approx(over)


# -- matching files to pages ---------------------------------------------------------------------


def _edition() -> Edition:
    ed = Edition(paper="Kupang Times", number="612")
    ed.pages = [Page(id=f"p{n}", number=n, width=TRIM_W, height=TRIM_H) for n in (1, 2, 3)]
    return ed


def test_file_names_match_pages() -> None:
    ed = _edition()
    assert match_page(ed, "KupangTimes_612_02.pdf") == 2
    assert match_page(ed, "/x/y/KupangTimes_612_03_proof.pdf") == 3
    assert match_page(ed, "KupangTimes_612_09.pdf") is None  # no such page
    assert match_page(ed, "KupangTimes_611_02.pdf") is None  # another edition
    assert match_page(ed, "halaman2.pdf") is None


def test_folder_check_ties_files_to_pages(tmp_path: Path) -> None:
    ed = _edition()
    ed.pages[1].width = mm(280)  # page 2 is not the size its PDF was made at
    make_pdf(tmp_path / "KupangTimes_612_01.pdf")
    make_pdf(tmp_path / "KupangTimes_612_02.pdf", Faults(rgb_text=True))
    make_pdf(tmp_path / "lain.pdf")
    issues = check_pdf_folder(ed, tmp_path, ink=False)
    got = sorted((i.severity, i.rule, i.page, Path(i.file).name if i.file else "") for i in issues)
    assert got == [
        ("error", "pdf-rgb-operator", 2, "KupangTimes_612_02.pdf"),
        ("error", "pdf-trim-size", 2, "KupangTimes_612_02.pdf"),
        ("info", "pdf-no-page-match", None, "lain.pdf"),
        ("warning", "pdf-page-missing", 3, ""),
    ]


# -- the plant agrees ----------------------------------------------------------------------------


@needs_plant
def test_plant_accepts_the_baseline_page(tmp_path: Path) -> None:
    result = plant(make_pdf(tmp_path / "baik.pdf"))
    assert result["accepted"] is True, result


# The plant reads pdfimages' listing expecting two tokens in the object-ID column; an
# inline image shows "[inline]" there and is skipped, so it misses inline RGB images.
PLANT_BLIND = {"rgb-inline-image"}


@needs_plant
@pytest.mark.parametrize("case", sorted(set(CASES) - PLANT_BLIND))
def test_plant_refuses_what_we_refuse_for_the_same_reason(tmp_path: Path, case: str) -> None:
    faults, _, plant_words = CASES[case]
    path = make_pdf(tmp_path / f"{case}.pdf", faults)
    ours = check_pdf(path)
    result = plant(path)
    assert result["accepted"] is False
    assert bool(errors(ours)) is True
    plant_errors = [str(e) for e in result["errors"]]  # type: ignore[attr-defined]
    assert any(plant_words in e for e in plant_errors), plant_errors


@needs_plant
def test_inline_rgb_image_is_refused_by_us_though_the_plant_lets_it_through(
    tmp_path: Path,
) -> None:
    path = make_pdf(tmp_path / "inline.pdf", Faults(rgb_inline_image=True))
    assert errors(check_pdf(path)) == {"pdf-image-colour"}
    assert plant(path)["accepted"] is True


@needs_plant
def test_plant_warns_about_black_text_we_warn_about(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "knock.pdf", Faults(black_overprint=False))
    result = plant(path)
    assert result["accepted"] is True
    assert any("not set to overprint" in str(w) for w in result["warnings"])  # type: ignore[attr-defined]
    assert [i.rule for i in check_pdf(path)] == ["pdf-black-overprint"]


@needs_plant
def test_plant_and_we_read_the_same_image_resolution(tmp_path: Path) -> None:
    for ppi in (149.4, 149.6, 199.5, 201):
        path = make_pdf(tmp_path / f"r{ppi}.pdf", Faults(image_ppi=ppi))
        result = plant(path)
        lowest = result["figures"]["lowest_image_ppi"]  # type: ignore[index]
        ours = [i for i in check_pdf(path, ink=False) if i.rule.startswith("pdf-image-ppi")]
        if lowest < 200:
            assert [i.params["ppi"] for i in ours] == [lowest]
        else:
            assert ours == []


# -- holes the plant leaves open -----------------------------------------------------------------


def _append_content(path: Path, content: bytes, resources: dict[str, object]) -> None:
    """Draw `content` on top of page 1 with extra XObject resources."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        xobjects = page.obj.Resources.get("/XObject")
        if xobjects is None:
            xobjects = Dictionary()
            page.obj.Resources[Name.XObject] = xobjects
        for name, obj in resources.items():
            xobjects[Name(name)] = obj if not callable(obj) else obj(pdf)
        page.contents_add(pikepdf.Stream(pdf, content), prepend=False)
        pdf.save(path)


def test_indexed_rgb_image_is_refused(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "indexed.pdf")

    def image(pdf: pikepdf.Pdf) -> pikepdf.Stream:
        palette = pikepdf.String(bytes([255, 0, 0, 0, 0, 255]))
        img = pikepdf.Stream(pdf, bytes([0, 1] * 300 * 150))
        img.Type = Name.XObject
        img.Subtype = Name.Image
        img.Width, img.Height, img.BitsPerComponent = 300, 300, 8
        img.ColorSpace = Array([Name.Indexed, Name.DeviceRGB, 1, palette])
        return img

    _append_content(path, b"q 72 0 0 72 200 100 cm /Idx Do Q", {"/Idx": image})
    issues = check_pdf(path, ink=False)
    assert [(i.rule, i.params.get("family")) for i in issues] == [
        ("pdf-image-colour", "/DeviceRGB")
    ]
    if intake_check_available():  # a hole in the plant's check (docs/PREFLIGHT.md)
        assert plant(path)["accepted"] is True


def test_rgb_set_directly_or_inside_a_form_is_refused(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "form.pdf")

    def form(pdf: pikepdf.Pdf) -> pikepdf.Stream:
        f = pikepdf.Stream(pdf, b"1 0 0 rg 0 0 10 10 re f")
        f.Type = Name.XObject
        f.Subtype = Name.Form
        f.BBox = Array([0, 0, 10, 10])
        return f

    _append_content(path, b"q /DeviceRGB cs 0 1 0 sc 0 0 5 5 re f Q q /Fm Do Q", {"/Fm": form})
    issues = check_pdf(path, ink=False)
    assert sorted((i.rule, i.params["operator"]) for i in issues) == [
        ("pdf-rgb-operator", "cs /DeviceRGB"),
        ("pdf-rgb-operator", "rg"),
    ]
    if intake_check_available():  # a hole in the plant's check (docs/PREFLIGHT.md)
        assert plant(path)["accepted"] is True


def test_image_drawn_inside_a_scaled_form_gets_the_combined_resolution(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scaled.pdf")

    def form(pdf: pikepdf.Pdf) -> pikepdf.Stream:
        img = pikepdf.Stream(pdf, bytes([0, 0, 0, 255]) * 300 * 300)
        img.Type, img.Subtype = Name.XObject, Name.Image
        img.Width, img.Height, img.BitsPerComponent = 300, 300, 8
        img.ColorSpace = Name.DeviceCMYK
        f = pikepdf.Stream(pdf, b"q 72 0 0 72 0 0 cm /Im Do Q")
        f.Type, f.Subtype = Name.XObject, Name.Form
        f.BBox = Array([0, 0, 72, 72])
        f.Matrix = Array([2, 0, 0, 2, 0, 0])  # doubles the picture: 150 ppi
        f.Resources = Dictionary(XObject=Dictionary(Im=img))
        return f

    _append_content(path, b"q 0.5 0 0 0.5 10 10 cm /Fm Do Q", {"/Fm": form})
    # 0.5 x 2 = 1: the 300 px picture is one inch wide again.
    assert check_pdf(path, ink=False) == []
    _append_content(path, b"q 1.5 0 0 1.5 10 10 cm /Fm Do Q", {})
    issues = check_pdf(path, ink=False)
    # 1.5 x 2 = 3: three inches, 100 ppi.
    assert [(i.rule, i.params["ppi"]) for i in issues] == [("pdf-image-ppi-low", 100)]
    if intake_check_available():
        assert plant(path)["figures"]["lowest_image_ppi"] == 100  # type: ignore[index]


def test_damaged_objects_give_one_clear_error_not_a_crash(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "rusak.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.TrimBox = Name("/Foo")
        pdf.pages[0].obj.Resources.Font = 7
        pdf.save(path)
    issues = check_pdf(path, ink=False)
    assert [i.rule for i in issues] == ["pdf-unreadable"]
    assert issues[0].params["reason"].startswith("TypeError")
