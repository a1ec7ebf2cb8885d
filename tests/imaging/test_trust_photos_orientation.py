"""Photos exactly as a viewer shows them: the eight EXIF orientations, placed with fit,
fill and a manual crop, compared in the exported PDF and on the canvas with the upright
source cropped the same way; effective ppi against `pdfimages -list`; old editions."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import assert_intake_accepts
from pdf_testkit import exif_jpeg, has_tools
from PIL import Image
from trust_photo_helpers import (
    MODES,
    asymmetric_photo,
    crop_like,
    difference,
    image_item_of,
    is_whole,
    one_photo_edition,
    pdf_image,
    pdfimages_list,
    qimage_to_pil,
    visible_fractions,
    wrong_versions,
)

from kupang_layout.engine.displaylist import ImageItem, PageDisplayList
from kupang_layout.model import Edition
from kupang_layout.render.pdf.exporter import render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.presets import get_preset
from kupang_layout.render.qt.raster import render_page_image
from kupang_layout.storage import load_edition, save_edition

needs_poppler = pytest.mark.skipif(not has_tools("pdfimages"), reason="needs pdfimages")

#: The correct picture differs from its source only by JPEG and the newsprint conversion.
SAME = 0.3
#: ... and every wrong (turned, flipped, squeezed) version differs at least this much more.
APART = 2.5
CASES = [(o, mode) for o in range(1, 9) for mode in MODES]
UPRIGHT = asymmetric_photo()


class Exported:
    """One case exported: the edition, its image item and the page PDF."""

    def __init__(self, edition: Edition, dl: PageDisplayList, item: ImageItem, pdf: Path) -> None:
        self.edition, self.dl, self.item, self.pdf = edition, dl, item, pdf


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, str], Exported]:
    folder = tmp_path_factory.mktemp("orientation")
    cache = ImageCache(folder / "cache")
    out: dict[tuple[int, str], Exported] = {}
    for orientation, mode in CASES:
        data = exif_jpeg(UPRIGHT, orientation)
        edition, page, _ = one_photo_edition(data, f"hp-{orientation}.jpg", mode)
        dl, item = image_item_of(edition, page)
        pdf = folder / f"o{orientation}-{mode}.pdf"
        render_page_pdf(dl, edition, get_preset(None), pdf, image_cache=cache)  # type: ignore[arg-type]
        out[(orientation, mode)] = Exported(edition, dl, item, pdf)  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("orientation", range(1, 9))
def test_asset_records_the_upright_size_and_orientation(orientation: int) -> None:
    edition, _, _ = one_photo_edition(exif_jpeg(UPRIGHT, orientation), "hp.jpg", "fill")
    (asset,) = edition.assets.values()
    assert (asset.width_px, asset.height_px) == UPRIGHT.size  # landscape, whatever is stored
    assert asset.orientation == orientation


def _assert_matches(got: Image.Image, item: ImageItem, where: str) -> None:
    fractions = visible_fractions(item)
    right = difference(got, crop_like(UPRIGHT, fractions, got.size))
    assert right < SAME, f"{where}: differs from the upright source by {right:.2f}"
    squeezed = not is_whole(fractions)
    for label, wrong in wrong_versions(UPRIGHT, fractions, got.size, squeezed).items():
        off = difference(got, wrong)
        assert off > APART * right, f"{where}: as close to the {label} version ({off:.2f})"


@pytest.mark.parametrize(("orientation", "mode"), CASES)
def test_pdf_shows_the_photo_upright_and_unsqueezed(
    exported: dict[tuple[int, str], Exported], orientation: int, mode: str
) -> None:
    case = exported[(orientation, mode)]
    got = pdf_image(case.pdf)
    visible = case.item.visible_rect()
    assert visible is not None
    # Not squeezed: the embedded pixels have the proportions of the area they fill.
    drawn = (visible[2] - visible[0]) / (visible[3] - visible[1])
    assert got.width / got.height == pytest.approx(drawn, rel=0.02)
    _assert_matches(got, case.item, f"PDF, orientation {orientation}, {mode}")


@pytest.mark.parametrize(("orientation", "mode"), CASES)
def test_canvas_shows_the_photo_upright_and_unsqueezed(
    exported: dict[tuple[int, str], Exported], orientation: int, mode: str
) -> None:
    case = exported[(orientation, mode)]
    dpi = 200.0
    page = qimage_to_pil(render_page_image(case.dl, case.edition, dpi, margin=0.0))
    visible = case.item.visible_rect()
    assert visible is not None
    box = tuple(round(v * dpi / 72.0) for v in visible)
    shown = page.crop(box)  # type: ignore[arg-type]
    # One pixel in from each edge: the rounding of the clip to device pixels.
    inner = shown.crop((1, 1, shown.width - 1, shown.height - 1))
    fractions = visible_fractions(case.item)
    fw = (fractions[2] - fractions[0]) / shown.width
    fh = (fractions[3] - fractions[1]) / shown.height
    expected_fractions = (
        fractions[0] + fw,
        fractions[1] + fh,
        fractions[2] - fw,
        fractions[3] - fh,
    )
    right = difference(inner, crop_like(UPRIGHT, expected_fractions, inner.size))
    assert right < SAME, f"canvas, orientation {orientation}, {mode}: {right:.2f}"
    squeezed = not is_whole(fractions)
    for label, wrong in wrong_versions(UPRIGHT, expected_fractions, inner.size, squeezed).items():
        off = difference(inner, wrong)
        assert off > APART * right, f"canvas {orientation} {mode}: like {label} ({off:.2f})"


@needs_poppler
@pytest.mark.parametrize(("orientation", "mode"), CASES)
def test_effective_ppi_equals_pdfimages(
    exported: dict[tuple[int, str], Exported], orientation: int, mode: str
) -> None:
    case = exported[(orientation, mode)]
    (row,) = pdfimages_list(case.pdf)
    for key in ("x-ppi", "y-ppi"):
        assert float(row[key]) == pytest.approx(case.item.effective_ppi, rel=0.01), key


def test_exported_pages_pass_the_plants_intake_check(
    exported: dict[tuple[int, str], Exported],
) -> None:
    # Every orientation once, the three modes in turn.
    assert_intake_accepts([str(exported[(o, MODES[o % 3])].pdf) for o in range(1, 9)])


def _make_legacy(path: Path) -> None:
    """Rewrite a saved edition as the program before orientation wrote it: no
    `orientation`, and the stored (sideways) pixel size."""
    with zipfile.ZipFile(path) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    document = json.loads(entries["document.json"])
    for asset in document["edition"]["assets"]:
        assert asset.pop("orientation") == 6
        asset["width_px"], asset["height_px"] = asset["height_px"], asset["width_px"]
    entries["document.json"] = json.dumps(document).encode("utf-8")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)


@needs_poppler
def test_old_edition_with_a_sideways_size_loads_and_prints_upright(tmp_path: Path) -> None:
    edition, _, _ = one_photo_edition(exif_jpeg(UPRIGHT, 6), "lama.jpg", "fill")
    path = tmp_path / "lama.kpl"
    save_edition(edition, path)
    _make_legacy(path)
    old = load_edition(path)
    (asset,) = old.assets.values()
    width, height = UPRIGHT.size
    assert not asset.settled and (asset.width_px, asset.height_px) == (height, width)
    dl, item = image_item_of(old, old.pages[0])
    assert (item.width_px, item.height_px) == (width, height)  # settled from the bytes
    pdf = tmp_path / "lama.pdf"
    render_page_pdf(dl, old, get_preset(None), pdf, image_cache=ImageCache(tmp_path / "c"))  # type: ignore[arg-type]
    _assert_matches(pdf_image(pdf), item, "old edition")
    (row,) = pdfimages_list(pdf)
    assert float(row["x-ppi"]) == pytest.approx(item.effective_ppi, rel=0.01)
    # Saved again, it stays an old-style asset (its size is still the stored one) and
    # still prints upright after loading.
    save_edition(old, tmp_path / "lagi.kpl")
    again = load_edition(tmp_path / "lagi.kpl")
    _, item2 = image_item_of(again, again.pages[0])
    assert (item2.width_px, item2.height_px) == (width, height)


@needs_poppler
def test_properties_panel_ppi_of_a_phone_photo_equals_pdfimages(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from gui_helpers import make_window
    from PySide6.QtWidgets import QFileDialog
    from qt_samples import sample_edition

    photo = tmp_path / "ponsel.jpg"  # a portrait phone photo: stored landscape, EXIF 6
    photo.write_bytes(exif_jpeg(asymmetric_photo(900, 1200), 6))
    window = make_window(qtbot, sample_edition(photo=False))
    doc = window.doc
    doc.set_selection(["f-photo"])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    window.acts["place"].trigger()
    (asset,) = doc.edition.assets.values()
    assert (asset.width_px, asset.height_px, asset.orientation) == (900, 1200, 6)
    doc.set_selection(["f-photo"])
    shown = float(window.properties.ppi.text().split()[0])
    dl = doc.display_list()
    assert dl is not None
    pdf = tmp_path / "halaman.pdf"
    cache = ImageCache(tmp_path / "cache")
    render_page_pdf(dl, doc.edition, get_preset(None), pdf, image_cache=cache)
    (row,) = pdfimages_list(pdf)
    item = next(i for i in dl.items if isinstance(i, ImageItem))
    visible = item.visible_rect()
    assert visible is not None  # filled: the landscape frame shows a part, unsqueezed
    drawn = (visible[2] - visible[0]) / (visible[3] - visible[1])
    assert int(row["width"]) / int(row["height"]) == pytest.approx(drawn, rel=0.02)
    for key in ("x-ppi", "y-ppi"):
        assert shown == pytest.approx(float(row[key]), rel=0.01), key
