"""The page PDF read back: boxes, fonts, colour, PDF/X-1a keys, text positions, overprint."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pdf_testkit import (
    BLACK,
    BLEED,
    KT_RED,
    PAGE_H,
    PAGE_W,
    PAPER,
    display_list,
    edition_with,
    has_tools,
    jpeg_bytes,
    operators,
    placed_words,
    render_png,
    sample,
    sample_page,
    synthetic_photo,
    text_draws,
)
from PIL import Image

from kupang_layout.engine.displaylist import (
    BoxItem,
    Ink,
    PageDisplayList,
    PlacedWord,
    RuleItem,
    TextRun,
)
from kupang_layout.fonts.metrics import metrics_for_key
from kupang_layout.model.units import mm
from kupang_layout.render.pdf.exporter import (
    PageExportResult,
    render_page_pdf,
    write_combined_proof,
)
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.output_profile import newsprint_profile_bytes
from kupang_layout.render.pdf.presets import ExportPreset, get_preset, load_presets

POPPLER = has_tools("pdfinfo", "pdffonts", "pdfimages", "pdftoppm")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PageDisplayList]:
    tmp = tmp_path_factory.mktemp("doc")
    photo = synthetic_photo(900, 600)
    edition, shas = edition_with({"photo.jpg": jpeg_bytes(photo)})
    dl = sample_page(shas["photo.jpg"], photo.size)
    path = tmp / "KupangTimes_612_03.pdf"
    render_page_pdf(dl, edition, get_preset(), path, image_cache=ImageCache(tmp / "cache"))
    return path, dl


def _marks_preset() -> ExportPreset:
    return next(p for p in load_presets().values() if p.marks and p.pdfx)


def _pdfinfo_boxes(path: Path) -> dict[str, list[float]]:
    out = subprocess.run(
        ["pdfinfo", "-box", str(path)], capture_output=True, text=True, check=True
    ).stdout
    boxes = {}
    for name in ("MediaBox", "TrimBox", "BleedBox"):
        m = re.search(rf"^{name}:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out, re.M)
        assert m, out
        boxes[name] = [float(v) for v in m.groups()]
    return boxes


@needs_poppler
def test_boxes_trim_plus_bleed(exported: tuple[Path, PageDisplayList]) -> None:
    path, _ = exported
    boxes = _pdfinfo_boxes(path)
    b = BLEED
    assert boxes["MediaBox"] == pytest.approx([0, 0, PAGE_W + 2 * b, PAGE_H + 2 * b], abs=0.01)
    assert boxes["TrimBox"] == pytest.approx([b, b, b + PAGE_W, b + PAGE_H], abs=0.01)
    assert boxes["BleedBox"] == pytest.approx(boxes["MediaBox"], abs=0.01)
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            assert "/TrimBox" in page.obj and "/BleedBox" in page.obj


@needs_poppler
def test_boxes_with_marks_add_a_slug_area(tmp_path: Path) -> None:
    preset = _marks_preset()
    photo = synthetic_photo(300, 200)
    edition, shas = edition_with({"p.jpg": jpeg_bytes(photo)})
    path = tmp_path / "marks.pdf"
    render_page_pdf(
        sample_page(shas["p.jpg"], photo.size),
        edition,
        preset,
        path,
        image_cache=ImageCache(tmp_path / "c"),
    )
    boxes = _pdfinfo_boxes(path)
    m = preset.bleed + preset.slug
    assert boxes["MediaBox"] == pytest.approx([0, 0, PAGE_W + 2 * m, PAGE_H + 2 * m], abs=0.01)
    assert boxes["TrimBox"] == pytest.approx([m, m, m + PAGE_W, m + PAGE_H], abs=0.01)
    s = preset.slug
    assert boxes["BleedBox"] == pytest.approx(
        [s, s, s + PAGE_W + 2 * preset.bleed, s + PAGE_H + 2 * preset.bleed], abs=0.01
    )
    with pikepdf.open(path) as pdf:
        spaces = pdf.pages[0].Resources.ColorSpace
        registration = spaces["/All"]
        assert str(registration[0]) == "/Separation" and str(registration[1]) == "/All"
        assert str(registration[2]) == "/DeviceCMYK"
        # The marks lie outside the BleedBox: every line the marks draw starts beyond it.
        ops = operators(pdf)
        assert "SCN" in ops and "scn" in ops
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Kupang Times" in text and "page 3" in text and "exported" in text
    assert "2024-05-01" in text


@needs_poppler
def test_fonts_embedded_as_subsets_and_no_helvetica(
    exported: tuple[Path, PageDisplayList],
) -> None:
    path, _ = exported
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    names = [row.split()[0] for row in rows]
    assert len(rows) == 5
    for row in rows:
        cols = row.split()
        assert cols[-5:-2] == ["yes", "yes", "yes"], row  # emb, sub, uni
        assert re.match(r"^[A-Z]{6}\+", cols[0]), row
    assert {n.split("+")[1] for n in names} == {
        "PTSerif-Regular",
        "PTSerif-Bold",
        "PTSerif-Italic",
        "RobotoCondensed-Bold",
        "RobotoCondensed-Regular",
    }
    raw = path.read_bytes()
    assert b"Helvetica" not in raw


def test_only_cmyk_grey_and_separation_colour(exported: tuple[Path, PageDisplayList]) -> None:
    path, _ = exported
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            ops = operators(pdf)
            assert not {"rg", "RG", "sc", "SC", "scn", "SCN"} & set(ops)
            assert "k" in ops
            resources = page.obj.Resources
            for cs in (resources.get("/ColorSpace") or {}).values():
                assert str(cs[0]) == "/Separation" and str(cs[2]) == "/DeviceCMYK"
            for name, xobject in resources.XObject.items():
                assert xobject.Subtype == "/Image", name
                assert str(xobject.ColorSpace) in ("/DeviceCMYK", "/DeviceGray"), name
                assert "/SMask" not in xobject and "/Mask" not in xobject
                filters = xobject.Filter
                names = (
                    [str(f) for f in filters]
                    if isinstance(filters, pikepdf.Array)
                    else [str(filters)]
                )
                assert names == ["/DCTDecode"], names  # JPEG passed through, no ASCII85
            for gs in resources.ExtGState.values():
                assert float(gs.get("/CA", 1)) == 1 and float(gs.get("/ca", 1)) == 1
                assert "/SMask" not in gs and "/BM" not in gs
            assert "/Annots" not in page.obj


def test_pdfx_1a_document_keys(exported: tuple[Path, PageDisplayList]) -> None:
    path, _ = exported
    assert path.read_bytes().startswith(b"%PDF-1.3")
    raw = path.read_bytes()
    assert b"/ObjStm" not in raw and b"/XRefStm" not in raw and b"/LZWDecode" not in raw
    assert b"\nxref\n" in raw or b"\rxref" in raw
    with pikepdf.open(path) as pdf:
        assert pdf.pdf_version == "1.3"
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "CGATS TR 002"
        assert str(intent.RegistryName) and str(intent.Info)
        profile = intent.DestOutputProfile
        assert int(profile.N) == 4
        assert profile.read_bytes() == newsprint_profile_bytes()
        info = pdf.docinfo
        assert str(info.GTS_PDFXVersion) == "PDF/X-1:2001"
        assert str(info.GTS_PDFXConformance) == "PDF/X-1a:2001"
        assert info.Trapped == pikepdf.Name("/False")
        assert str(info.Title) == "Kupang Times 612, page 3"
        for key in ("/Creator", "/Producer", "/CreationDate", "/ModDate"):
            assert key in info
        assert str(info.CreationDate).startswith("D:20")
        assert "/ID" in pdf.trailer and len(pdf.trailer.ID) == 2
        assert "/Metadata" not in pdf.Root and "/AcroForm" not in pdf.Root
        # Ours whole: ReportLab's Author and Keywords placeholders are not written.
        assert set(info.keys()) == {
            "/Title", "/Subject", "/Creator", "/Producer", "/CreationDate", "/ModDate",
            "/Trapped", "/GTS_PDFXVersion", "/GTS_PDFXConformance",
        }  # fmt: skip


def test_a_page_without_ads_is_not_opened_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file ReportLab saves is the finished page: only ads in PDF go through pikepdf."""
    import kupang_layout.render.pdf.exporter as exporter

    def refuse(*args: object) -> bytes:
        raise AssertionError("a page without ads was opened again with pikepdf")

    monkeypatch.setattr(exporter, "attach_ads", refuse)
    photo = synthetic_photo(300, 200)
    edition, shas = edition_with({"photo.jpg": jpeg_bytes(photo)})
    path = tmp_path / "page.pdf"
    render_page_pdf(sample_page(shas["photo.jpg"], photo.size), edition, get_preset(), path)
    with pikepdf.open(path) as pdf:
        assert pdf.pdf_version == "1.3" and len(pdf.Root.OutputIntents) == 1


def test_words_at_engine_positions(exported: tuple[Path, PageDisplayList]) -> None:
    path, dl = exported
    with pikepdf.open(path) as pdf:
        draws = text_draws(pdf)
    expected = [
        (BLEED + w.x, BLEED + PAGE_H - run.y, run) for run in dl.text_runs() for w in run.words
    ]
    assert len(draws) == len(expected)
    for draw, (x, y, run) in zip(draws, expected, strict=True):
        assert draw.x == pytest.approx(x, abs=0.002)
        assert draw.y == pytest.approx(y, abs=0.002)
        assert draw.size == run.size
        assert draw.char_spacing == pytest.approx(run.letter_spacing)


@needs_poppler
def test_text_extracts_with_unicode(exported: tuple[Path, PageDisplayList]) -> None:
    path, dl = exported
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for run in dl.text_runs()[:20]:
        for word in run.words:
            assert word.text in text


def test_black_text_overprints_and_paper_does_not(
    exported: tuple[Path, PageDisplayList],
) -> None:
    path, _ = exported
    with pikepdf.open(path) as pdf:
        draws = text_draws(pdf)
        gstates = pdf.pages[0].Resources.ExtGState
        assert any(int(g.get("/OPM", 0)) == 1 for g in gstates.values())
    black = [d for d in draws if d.fill == (0, 0, 0, 1)]
    white = [d for d in draws if d.fill == (0, 0, 0, 0)]
    assert black and white
    assert all(d.overprint for d in black)
    assert not any(d.overprint for d in white)


def test_letter_spacing_and_engine_advances(tmp_path: Path) -> None:
    """Tc carries letter-spacing; a character whose advance differs gets a TJ adjustment."""
    face, size = "PT Serif/Regular", 10.0
    spaced = placed_words(face, size, "Kupang", mm(10), letter_spacing=0.5)
    # The font's own advances (each character measured alone: no kerning) ...
    plain = [metrics_for_key(face).advance(ch, size) for ch in "AVATAR"]
    # ... and pretend the engine kerned 'A' 'V' by -0.6 pt: the first advance is shorter.
    advances = (plain[0] - 0.6, *plain[1:])
    items = [
        TextRun(face, size, BLACK, mm(20), spaced, 0.5),
        TextRun(face, size, BLACK, mm(30), (PlacedWord("AVATAR", mm(10), advances),)),
    ]
    edition, _ = edition_with({})
    path = tmp_path / "t.pdf"
    render_page_pdf(
        display_list(items, 1, mm(100), mm(50)),
        edition,
        get_preset(),
        path,
        image_cache=ImageCache(tmp_path / "c"),
    )
    with pikepdf.open(path) as pdf:
        draws = text_draws(pdf)
    assert draws[0].char_spacing == 0.5 and draws[0].operator == "Tj"
    assert draws[1].char_spacing == 0.0 and draws[1].operator == "TJ"
    numbers = [float(v) for v in draws[1].operands[0] if not isinstance(v, pikepdf.String)]
    assert numbers == [pytest.approx(0.6 * 1000 / size, abs=0.01)]


def test_rules_and_boxes(tmp_path: Path) -> None:
    w, h = mm(100), mm(60)
    blue = Ink("KT Blue", 100, 60, 0, 10)
    items = [
        BoxItem(mm(10), mm(10), mm(30), mm(20), KT_RED),
        BoxItem(mm(50), mm(10), mm(30), mm(20), None, stroke=blue, stroke_weight=2.0),
        RuleItem(mm(10), mm(40), mm(90), mm(40), 1.0, BLACK),
        RuleItem(mm(10), mm(45), mm(90), mm(55), 0.5, blue),
    ]
    edition, _ = edition_with({})
    path = tmp_path / "r.pdf"
    render_page_pdf(
        display_list(items, 1, w, h),
        edition,
        get_preset(),
        path,
        image_cache=ImageCache(tmp_path / "c"),
    )
    with pikepdf.open(path) as pdf:
        ops = operators(pdf)
    assert "S" not in ops and "s" not in ops  # strokes are drawn as filled outlines
    if not POPPLER:
        return
    png = Image.open(render_png(path, tmp_path / "r", dpi=144)).convert("RGB")
    red = sample(png, mm(25), mm(20), 144, BLEED)
    assert red[0] > 200 and red[1] < 80 and red[2] < 80
    inside_frame = sample(png, mm(65), mm(20), 144, BLEED)
    assert inside_frame == (255, 255, 255)
    edge = sample(png, mm(50), mm(20), 144, BLEED)
    assert edge[2] > edge[0] + 60  # blue frame edge
    rule = sample(png, mm(50), mm(40), 144, BLEED)
    assert max(rule) < 80
    blank = sample(png, mm(50), mm(35), 144, BLEED)
    assert blank == (255, 255, 255)


def test_black_over_dark_box_knocks_out_and_says_so(tmp_path: Path) -> None:
    blue = Ink("KT Blue", 100, 60, 0, 10)
    items = [
        BoxItem(mm(5), mm(5), mm(80), mm(30), blue),
        TextRun(
            "PT Serif/Bold", 14, BLACK, mm(20), placed_words("PT Serif/Bold", 14, "Di atas", mm(10))
        ),
        TextRun(
            "PT Serif/Bold", 14, BLACK, mm(45), placed_words("PT Serif/Bold", 14, "Di luar", mm(10))
        ),
        BoxItem(mm(5), mm(50), mm(80), mm(10), Ink("Grey 20", 0, 0, 0, 20)),
        TextRun("PT Serif/Bold", 9, BLACK, mm(57), placed_words("PT Serif/Bold", 9, "Abu", mm(10))),
    ]
    edition, _ = edition_with({})
    path = tmp_path / "k.pdf"
    result = render_page_pdf(
        display_list(items, 1, mm(100), mm(70)),
        edition,
        get_preset(),
        path,
        image_cache=ImageCache(tmp_path / "c"),
    )
    with pikepdf.open(path) as pdf:
        draws = text_draws(pdf)
    on_blue = draws[:2]
    off = draws[2:4]
    on_grey = draws[4:]
    assert not any(d.overprint for d in on_blue)  # 170 % + 100 % would exceed 240 %
    assert all(d.overprint for d in off)
    assert all(d.overprint for d in on_grey)  # 20 % + 100 % is fine
    assert any("knocks out" in w and "KT Blue" in w for w in result.warnings)


def test_ink_over_limit_is_reported(tmp_path: Path) -> None:
    rich = Ink("Registration", 100, 100, 100, 100)
    items = [BoxItem(mm(5), mm(5), mm(10), mm(10), rich)]
    edition, _ = edition_with({})
    result = render_page_pdf(
        display_list(items, 1, mm(50), mm(50)),
        edition,
        get_preset(),
        tmp_path / "i.pdf",
        image_cache=ImageCache(tmp_path / "c"),
    )
    assert any("'Registration' carries 400 %" in w for w in result.warnings)


@needs_poppler
def test_rendered_page_looks_right(exported: tuple[Path, PageDisplayList], tmp_path: Path) -> None:
    path, _ = exported
    png = Image.open(render_png(path, tmp_path / "page", dpi=50)).convert("RGB")
    media = (PAGE_W + 2 * BLEED) * 50 / 72
    assert png.size[0] == round(media)
    banner = sample(png, mm(200), mm(5), 50, BLEED)
    assert banner[0] > 180 and banner[1] < 90  # red banner
    bleed_corner = sample(png, -mm(2), -mm(2), 50, BLEED)
    assert bleed_corner[0] > 180 and bleed_corner[1] < 90  # banner extends into the bleed
    photo = [sample(png, mm(12) + mm(f * 165), mm(58) + mm(20), 50, BLEED) for f in (0.3, 0.6)]
    assert photo[0] != photo[1] and all(p != (255, 255, 255) for p in photo)


def test_proof_preset_is_not_pdfx(tmp_path: Path) -> None:
    photo = synthetic_photo(300, 200)
    edition, shas = edition_with({"p.jpg": jpeg_bytes(photo)})
    path = tmp_path / "proof.pdf"
    render_page_pdf(
        sample_page(shas["p.jpg"], photo.size),
        edition,
        get_preset("Proof"),
        path,
        image_cache=ImageCache(tmp_path / "c"),
    )
    with pikepdf.open(path) as pdf:
        assert "/OutputIntents" not in pdf.Root
        assert "/GTS_PDFXVersion" not in pdf.docinfo
        assert "/TrimBox" in pdf.pages[0].obj


def test_combined_proof(tmp_path: Path) -> None:
    photo = synthetic_photo(300, 200)
    edition, shas = edition_with({"p.jpg": jpeg_bytes(photo)})
    pages = [sample_page(shas["p.jpg"], photo.size, n) for n in (1, 2, 3)]
    path = tmp_path / "proof.pdf"
    results = write_combined_proof(
        pages, edition, get_preset("Proof"), path, image_cache=ImageCache(tmp_path / "c")
    )
    assert [r.page for r in results] == [1, 2, 3]
    assert all(isinstance(r, PageExportResult) and r.path == path for r in results)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 3
        assert "/OutputIntents" not in pdf.Root
        for page in pdf.pages:
            assert "/TrimBox" in page.obj and "/BleedBox" in page.obj
        # Same fonts on every page share one embedded subset per face.
        fonts = {str(f.BaseFont) for p in pdf.pages for f in p.Resources.Font.values()}
        assert len(fonts) == 5


def test_white_and_overprint_flags_follow_the_ink() -> None:
    from kupang_layout.render.pdf.painter import overprints

    assert overprints(BLACK, black_overprints=True)
    assert not overprints(BLACK, black_overprints=False)
    assert not overprints(PAPER, black_overprints=True)
    assert not overprints(Ink("Paper", 0, 0, 0, 0, overprint=True), black_overprints=True)
    assert overprints(Ink("Spot", 0, 50, 0, 0, overprint=True), black_overprints=False)
    assert not overprints(Ink("Rich", 40, 0, 0, 100), black_overprints=True)


def test_unknown_face_is_named(tmp_path: Path) -> None:
    from kupang_layout.render.pdf.errors import PdfExportError

    words = (PlacedWord("Halo", 10.0, (5.0, 5.0, 5.0, 5.0)),)
    items = [TextRun("Comic Sans/Regular", 10, BLACK, 20.0, words)]
    edition, _ = edition_with({})
    with pytest.raises(PdfExportError, match="Comic Sans/Regular"):
        render_page_pdf(
            display_list(items, 1, mm(50), mm(50)),
            edition,
            get_preset(),
            tmp_path / "f.pdf",
            image_cache=ImageCache(tmp_path / "c"),
        )
    assert not (tmp_path / "f.pdf").exists()


def test_registration_swatch_prints_as_all_separation(tmp_path: Path) -> None:
    registration = Ink("Registration", 100, 100, 100, 100)
    items = [BoxItem(mm(5), mm(5), mm(10), mm(10), registration)]
    edition, _ = edition_with({})
    path = tmp_path / "reg.pdf"
    render_page_pdf(
        display_list(items, 1, mm(50), mm(50)),
        edition,
        get_preset(),
        path,
        image_cache=ImageCache(tmp_path / "c"),
    )
    with pikepdf.open(path) as pdf:
        spaces = pdf.pages[0].Resources.ColorSpace
        assert [str(v[1]) for v in spaces.values()] == ["/All"]
        assert "scn" in operators(pdf)
