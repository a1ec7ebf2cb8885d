"""Screen and print agree: the Qt renderer against the exported PDF rasterised by pdftoppm.

Both rasters cover the PDF's MediaBox at the same resolution. For every line
of text of the display list (a line = the runs sharing frame, paragraph and
line number) the band around its baseline is cut from both images and:

* the ink bounding boxes (pixels darker than mid-grey) must agree within one
  pixel on every side: the same words on the same lines, so the same breaks;
* the glyph edges must agree within 0.25 pt on average. The measure: the
  column-wise ink profile (sum of darkness per pixel column) of the Qt band is
  cross-correlated with the PDF band's for lags of -4..4 px, and the best lag
  refined to a fraction of a pixel by a parabola through the three best
  correlations; the same with row-wise profiles for the vertical. The mean
  absolute lag over all lines is the average displacement of the glyph ink
  between the two renderings. A control renders the page shifted by a known
  0.5 pt and checks that the measure finds that shift.

Both rasterisers put glyphs on the pixel grid to some degree (poppler's Splash
rasteriser puts each baseline on a whole pixel), so part of what is measured
is rasterisation, not placement; at 300 dpi one pixel is 0.24 pt.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PIL import Image, ImageChops, ImageOps
from PySide6.QtGui import QImage
from qt_samples import sample_edition

from kupang_layout.engine.displaylist import PageDisplayList, TextRun
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.render.qt import render_page_image

pdf_exporter = pytest.importorskip("kupang_layout.render.pdf.exporter")
pdf_presets = pytest.importorskip("kupang_layout.render.pdf.presets")
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not found")

DPI = 300.0
SCALE = DPI / 72.0
MAX_LAG = 4


def _gray(img: QImage) -> Image.Image:
    img = img.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(img.constBits())[: img.bytesPerLine() * img.height()]
    return Image.frombuffer(
        "L", (img.width(), img.height()), data, "raw", "L", img.bytesPerLine(), 1
    ).copy()


def _lines(dl: PageDisplayList) -> list[list[TextRun]]:
    groups: dict[tuple[str, int, int, float], list[TextRun]] = {}
    for run in dl.text_runs():
        if run.words:
            groups.setdefault((run.frame_id, run.paragraph, run.line, round(run.y, 3)), []).append(
                run
            )
    return list(groups.values())


def _band(runs: list[TextRun], margin: float) -> tuple[int, int, int, int]:
    x0 = min(r.words[0].x for r in runs) - 2
    x1 = max(w.x + w.width for r in runs for w in r.words) + 2
    size = max(r.size for r in runs)
    y = runs[0].y
    box = (x0, y - size * 0.8, x1, y + size * 0.25)  # clear of the lines above and below
    return tuple(round((v + margin) * SCALE) for v in box)  # type: ignore[return-value]


def _ink(img: Image.Image) -> Image.Image:
    return ImageOps.invert(img)  # darkness: paper 0, full ink 255


def _profile(img: Image.Image, axis: str) -> list[float]:
    """Mean darkness per column ('x') or per row ('y'), via a box-filter resize."""
    w, h = img.size
    small = img.resize((w, 1) if axis == "x" else (1, h), Image.Resampling.BOX)
    return [float(v) for v in small.tobytes()]


def _lag(a: list[float], b: list[float]) -> float:
    """The shift (pixels, sub-pixel) that best lays profile b onto profile a."""

    def corr(k: int) -> float:
        return sum(a[i] * b[i - k] for i in range(max(0, k), min(len(a), len(b) + k)))

    scores = {k: corr(k) for k in range(-MAX_LAG, MAX_LAG + 1)}
    best = max(scores, key=lambda k: scores[k])
    if -MAX_LAG < best < MAX_LAG:
        left, mid, right = scores[best - 1], scores[best], scores[best + 1]
        denom = left - 2 * mid + right
        if denom != 0:
            return best + 0.5 * (left - right) / denom
    return float(best)


def _compare(
    qt: Image.Image, pdf: Image.Image, dl: PageDisplayList, margin: float
) -> tuple[list[tuple[int, ...]], float, float, int]:
    """(bbox differences per line, mean |x lag| pt, mean |y lag| pt, lines compared)."""
    box_diffs: list[tuple[int, ...]] = []
    lags_x: list[float] = []
    lags_y: list[float] = []
    for runs in _lines(dl):
        band = _band(runs, margin)
        a, b = _ink(qt.crop(band)), _ink(pdf.crop(band))
        ba = a.point(lambda v: 255 if v > 127 else 0).getbbox()
        bb = b.point(lambda v: 255 if v > 127 else 0).getbbox()
        if ba is None or bb is None:
            assert ba == bb, f"ink on one side only at {band}"
            continue
        box_diffs.append(tuple(abs(p - q) for p, q in zip(ba, bb, strict=True)))
        lags_x.append(abs(_lag(_profile(a, "x"), _profile(b, "x"))))
        lags_y.append(abs(_lag(_profile(a, "y"), _profile(b, "y"))))
    n = len(lags_x)
    return box_diffs, sum(lags_x) / n / SCALE, sum(lags_y) / n / SCALE, n


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, qapp) -> tuple:  # type: ignore[no-untyped-def]
    edition = sample_edition(n_words=700)
    dl = LayoutEngine().layout_page(edition, edition.pages[0])
    preset = pdf_presets.get_preset(None)
    margin = preset.bleed + preset.slug
    folder = tmp_path_factory.mktemp("fidelity")
    pdf = folder / "page.pdf"
    pdf_exporter.render_page_pdf(dl, edition, preset, pdf)
    subprocess.run(
        ["pdftoppm", "-r", f"{DPI:g}", "-gray", "-singlefile", str(pdf), str(folder / "pdf")],
        check=True,
    )
    with Image.open(folder / "pdf.pgm") as im:
        pdf_img = im.convert("L")
    qt_img = _gray(render_page_image(dl, edition, DPI, margin=margin))
    w = min(qt_img.width, pdf_img.width)
    h = min(qt_img.height, pdf_img.height)
    assert abs(qt_img.width - pdf_img.width) <= 1 and abs(qt_img.height - pdf_img.height) <= 1
    return dl, edition, margin, qt_img.crop((0, 0, w, h)), pdf_img.crop((0, 0, w, h))


def test_same_lines_same_ink_boxes(rendered: tuple) -> None:  # type: ignore[type-arg]
    dl, _, margin, qt_img, pdf_img = rendered
    diffs, _, _, n = _compare(qt_img, pdf_img, dl, margin)
    assert n > 100
    worst = max(max(d) for d in diffs)
    assert worst <= 1, f"a line's ink box differs by {worst} px"


def test_glyph_edges_agree_within_a_quarter_point(rendered: tuple) -> None:  # type: ignore[type-arg]
    dl, _, margin, qt_img, pdf_img = rendered
    _, lag_x, lag_y, n = _compare(qt_img, pdf_img, dl, margin)
    print(f"\nfidelity over {n} lines: mean |dx| = {lag_x:.3f} pt, mean |dy| = {lag_y:.3f} pt")
    assert lag_x <= 0.25
    assert lag_y <= 0.25
    diff = ImageChops.difference(qt_img, pdf_img)
    mean = sum(i * c for i, c in enumerate(diff.histogram())) / (diff.width * diff.height)
    assert mean < 8.0  # mean grey difference over the whole page, 0..255


def test_the_measure_sees_a_known_shift(rendered: tuple) -> None:  # type: ignore[type-arg]
    """Control: the page drawn 0.5 pt to the right measures as about 0.5 pt."""
    dl, edition, margin, _, pdf_img = rendered
    shifted = _gray(render_page_image(dl, edition, DPI, margin=margin))
    moved = Image.new("L", shifted.size, 255)
    moved.paste(shifted, (round(0.5 * SCALE), 0))
    moved = moved.crop((0, 0, pdf_img.width, pdf_img.height))
    _, lag_x, lag_y, _ = _compare(moved, pdf_img, dl, margin)
    assert lag_x == pytest.approx(round(0.5 * SCALE) / SCALE, abs=0.12)
    assert lag_y <= 0.25
