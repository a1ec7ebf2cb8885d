"""Advertisements placed as they arrive: the door, placing in the booked frame, the export
(vector, the ad's own CMYK, text still text, the plant's intake check) and preflight."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from ad_testkit import AD_BLUE, AD_CMYK, AD_TEXT, ad_edition, make_ad, make_jpeg_ad
from conftest import intake_result
from pdf_testkit import INTAKE_CHECK, has_tools

from kupang_layout.editing.ads import ad_frame_of, cancel_ad, place_ad, take_ad_file
from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model.ads import AD_ROLE, ad_size
from kupang_layout.model.command import CommandError
from kupang_layout.model.edition import Edition
from kupang_layout.model.history import History
from kupang_layout.model.units import mm
from kupang_layout.preflight.doc_rules import check_page
from kupang_layout.preflight.issues import Issue
from kupang_layout.render.pdf.exporter import page_filename, render_page_pdf
from kupang_layout.render.pdf.forms import form_name
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.presets import get_preset
from kupang_layout.storage import ImageFileError, load_edition, save_edition

TOOLS = has_tools("gs", "pdfimages", "pdftotext")
needs_tools = pytest.mark.skipif(
    not TOOLS or not INTAKE_CHECK.is_file(), reason="gs, poppler-utils or the intake check missing"
)


def _placed(
    data: bytes | None = None,
    *,
    name: str = "sinar.pdf",
    size_mm: tuple[float, float] | None = None,
) -> tuple[Edition, str]:
    """Page 5 with the 3-column x 100 mm booking placed with `data` (a right-size ad by
    default, or one of `size_mm`)."""
    edition, booking = ad_edition()
    width, height = ad_size(edition.pages[0], booking)
    if size_mm is not None:
        width, height = mm(size_mm[0]), mm(size_mm[1])
    asset = take_ad_file(edition, data if data is not None else make_ad(width, height), name)
    History(edition).execute(place_ad(edition, booking.id, asset))
    return edition, booking.id


def _export(edition: Edition, folder: Path) -> Path:
    preset = get_preset()
    page = edition.pages[0]
    path = folder / page_filename(edition, preset, page.number)
    dl = LayoutEngine().layout_page(edition, page)
    render_page_pdf(dl, edition, preset, path, image_cache=ImageCache(folder / "cache"))
    return path


def _ad_issues(edition: Edition) -> list[Issue]:
    return [i for i in check_page(edition, edition.pages[0]) if i.rule.startswith("ad-")]


# -- the door ------------------------------------------------------------------------------


def test_a_pdf_ad_becomes_an_asset_with_its_trim_size_in_points() -> None:
    edition, _ = ad_edition()
    asset = take_ad_file(edition, make_ad(430.3, 283.46), "sinar.pdf")
    assert asset.ext == "pdf" and asset.name == "sinar.pdf"
    assert (asset.width_px, asset.height_px) == (430, 283)
    assert asset.extra["pdf"] == {"trim": [9.0, 9.0, 439.3, 292.46], "pages": 1}
    assert asset.sha256 not in edition.assets  # registered by the placing command


def test_the_photo_path_still_refuses_a_pdf() -> None:
    from kupang_layout.storage import add_asset

    edition, _ = ad_edition()
    with pytest.raises(ImageFileError) as caught:
        add_asset(edition, make_ad(100, 100), "iklan.pdf")
    assert caught.value.reason == "unsupported-format"


def _encrypted(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="rahasia", user=""))
    return out.getvalue()


def _no_pages() -> bytes:
    out = io.BytesIO()
    pikepdf.new().save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: _encrypted(make_ad(100, 100)), "pdf-encrypted"),
        (_no_pages, "pdf-no-pages"),
        (lambda: make_ad(100, 100)[:-400], "pdf-damaged"),
        (lambda: make_ad(100, 100)[:3000], "pdf-damaged"),
        (lambda: b"", "empty"),
    ],
)
def test_a_bad_pdf_ad_is_refused_at_the_door(make: object, reason: str) -> None:
    edition, _ = ad_edition()
    data = make()  # type: ignore[operator]
    with pytest.raises(ImageFileError) as caught:
        take_ad_file(edition, data, "rusak.pdf")
    assert caught.value.reason == reason
    assert "rusak.pdf" in str(caught.value)


def test_a_pdf_ad_survives_save_and_load(tmp_path: Path) -> None:
    edition, booking_id = _placed()
    path = tmp_path / "edisi.kpl"
    save_edition(edition, path)
    again = load_edition(path)
    sha = again.plan.ads[booking_id].asset
    assert sha is not None and again.assets[sha].ext == "pdf"
    assert again.assets[sha].extra["pdf"]["pages"] == 1
    assert again.asset_source.read(sha) == edition.asset_source.read(sha)


# -- placing ----------------------------------------------------------------------------------


def test_placing_adds_the_locked_booked_frame_with_fit_as_one_undo_step() -> None:
    edition, booking = ad_edition()
    history = History(edition)
    asset = take_ad_file(edition, make_ad(*ad_size(edition.pages[0], booking)), "sinar.pdf")
    before = len(edition.pages[0].frames)
    history.execute(place_ad(edition, booking.id, asset))
    frame = ad_frame_of(edition, booking.id)
    assert frame is not None and frame.locked and frame.role == AD_ROLE and frame.fit == "fit"
    assert frame.asset == asset.sha256 and frame.name == "Toko Sinar Jaya"
    assert (frame.rect.width, frame.rect.height) == ad_size(edition.pages[0], booking)
    assert edition.plan.ads[booking.id].asset == asset.sha256
    assert asset.sha256 in edition.assets
    history.undo()
    assert len(edition.pages[0].frames) == before
    assert edition.plan.ads[booking.id].asset is None and asset.sha256 not in edition.assets
    history.redo()
    assert ad_frame_of(edition, booking.id) is frame


def test_a_new_file_replaces_the_old_one_in_the_same_frame() -> None:
    edition, booking_id = _placed()
    frame = ad_frame_of(edition, booking_id)
    assert frame is not None
    newer = take_ad_file(edition, make_ad(*ad_size(edition.pages[0], edition.plan.ads[booking_id]),
                                          text="DISKON 50%"), "sinar-v2.pdf")  # fmt: skip
    History(edition).execute(place_ad(edition, booking_id, newer))
    assert ad_frame_of(edition, booking_id) is frame and frame.asset == newer.sha256
    assert len([f for f in edition.pages[0].frames if f.role == AD_ROLE]) == 1


def test_an_ad_on_a_page_not_made_yet_is_refused() -> None:
    edition, booking = ad_edition()
    edition.plan.ads[booking.id] = dataclasses.replace(booking, page=7)
    with pytest.raises(CommandError):
        place_ad(edition, booking.id)


def test_cancelling_an_ad_removes_its_frame_and_undo_brings_both_back() -> None:
    edition, booking_id = _placed()
    history = History(edition)
    history.execute(cancel_ad(edition, booking_id))
    assert booking_id not in edition.plan.ads and ad_frame_of(edition, booking_id) is None
    history.undo()
    assert booking_id in edition.plan.ads and ad_frame_of(edition, booking_id) is not None


# -- the export: vector, the ad's own CMYK, text still text, accepted by the plant --------------


@needs_tools
def test_exported_pdf_ad_is_vector_cmyk_text_and_passesintake_result(tmp_path: Path) -> None:
    edition, booking_id = _placed()
    path = _export(edition, tmp_path)
    result = intake_result(path)
    assert result["accepted"] is True and result["errors"] == [], result
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert AD_TEXT in text
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                            text=True).stdout.splitlines()[2:]  # fmt: skip
    assert images == []  # nothing rasterised
    sha = edition.plan.ads[booking_id].asset
    assert sha is not None
    with pikepdf.open(path) as pdf:
        form = pdf.pages[0].Resources.XObject["/" + form_name(sha)]
        assert form.Subtype == "/Form"
        ops = pikepdf.parse_content_stream(form)
        fills = {tuple(round(float(v), 3) for v in operands) for operands, op in ops
                 if str(op) == "k"}  # fmt: skip
        assert {AD_CMYK, AD_BLUE} <= fills
        assert not [op for _, op in ops if str(op) in ("rg", "RG", "sc", "scn", "cs")]
        page_ops = [str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0])]
        assert "Do" in page_ops
        assert pdf.pdf_version == "1.3"
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\b", row) for row in rows), fonts


@needs_tools
def test_the_ad_lands_on_its_booked_place(tmp_path: Path) -> None:
    """The ad's trim box fills the frame exactly: rendered, its colour starts at the frame."""
    from PIL import Image

    edition, booking_id = _placed()
    path = _export(edition, tmp_path)
    subprocess.run(["pdftoppm", "-r", "36", "-png", "-singlefile", "-cropbox", str(path),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    frame = ad_frame_of(edition, booking_id)
    assert frame is not None
    with Image.open(tmp_path / "page.png") as png:
        image = png.convert("RGB")
    scale = 36 / 72
    margin = get_preset().bleed + get_preset().slug
    inside = image.getpixel(
        (round((frame.rect.x + margin + 3) * scale), round((frame.rect.y + margin + 3) * scale))
    )
    outside = image.getpixel(
        (round((frame.rect.x + margin - 4) * scale), round((frame.rect.y + margin + 20) * scale))
    )
    assert inside[0] > 150 and inside[1] < 120  # the ad's red frame
    assert min(outside) > 240  # paper


# -- preflight ---------------------------------------------------------------------------------


def test_a_right_ad_has_no_errors() -> None:
    edition, _ = _placed()
    assert [i for i in _ad_issues(edition) if i.is_error] == []


def test_an_rgb_pdf_ad_is_an_error_naming_the_advertiser() -> None:
    edition, _ = ad_edition()
    width, height = ad_size(edition.pages[0], edition.plan.ads["ad-sinar"])
    edition, _ = _placed(make_ad(width, height, rgb=True), name="sinar-rgb.pdf")
    errors = [i for i in _ad_issues(edition) if i.rule == "ad-colour"]
    assert errors and all(i.is_error for i in errors)
    for lang in ("id", "en"):
        assert "Toko Sinar Jaya" in errors[0].message(lang)
        assert "sinar-rgb.pdf" in errors[0].message(lang)


def test_a_transparent_pdf_ad_is_an_error() -> None:
    edition, _ = ad_edition()
    width, height = ad_size(edition.pages[0], edition.plan.ads["ad-sinar"])
    edition, _ = _placed(make_ad(width, height, alpha=True))
    issues = [i for i in _ad_issues(edition) if i.rule == "ad-transparency"]
    assert issues and issues[0].is_error and "Toko Sinar Jaya" in issues[0].message("en")


def test_a_wrong_size_ad_is_an_error_and_its_scaling_a_warning() -> None:
    edition, _ = _placed(size_mm=(150.0, 90.0))  # booked 151.8 x 100 mm
    issues = {i.rule: i for i in _ad_issues(edition)}
    size = issues["ad-size"]
    assert size.is_error
    assert size.params["booked_width"] == 151.8 and size.params["height"] == 90.0
    assert "Toko Sinar Jaya" in size.message("id") and "sinar.pdf" in size.message("id")
    assert issues["ad-scaled"].severity == "warning"


def test_an_ad_within_a_millimetre_is_not_a_size_error() -> None:
    edition, _ = _placed(size_mm=(151.3, 100.4))
    assert "ad-size" not in {i.rule for i in _ad_issues(edition)}


def test_a_cropped_ad_is_a_warning() -> None:
    edition, booking_id = _placed()
    frame = ad_frame_of(edition, booking_id)
    assert frame is not None
    frame.fit, frame.scale = "manual", 1.2  # someone enlarged it by hand
    issues = {i.rule: i for i in _ad_issues(edition)}
    assert issues["ad-cropped"].severity == "warning"
    assert issues["ad-scaled"].params["scale_x"] == 120.0


def test_a_booking_without_file_and_a_frame_without_booking() -> None:
    edition, _ = ad_edition()
    issues = _ad_issues(edition)
    assert [(i.rule, i.params["advertiser"]) for i in issues] == [("ad-no-file", "Toko Sinar Jaya")]
    edition, booking_id = _placed()
    del edition.plan.ads[booking_id]  # the booking cancelled, the frame left behind
    issues = _ad_issues(edition)
    assert [i.rule for i in issues] == ["ad-unbooked"]
    assert "Toko Sinar Jaya" in issues[0].message("id")


def test_the_picture_rules_leave_a_pdf_ad_alone() -> None:
    edition, _ = _placed()
    rules = {i.rule for i in check_page(edition, edition.pages[0])}
    assert not rules & {"image-ppi-low", "image-ppi-poor", "image-unreadable", "image-upscaled"}


# -- a JPEG ad goes the photo way --------------------------------------------------------------


@needs_tools
def test_a_jpeg_ad_is_placed_as_a_photo(tmp_path: Path) -> None:
    edition, booking = ad_edition()
    width, height = ad_size(edition.pages[0], booking)
    edition, booking_id = _placed(make_jpeg_ad(width, height), name="sinar.jpg")
    sha = edition.plan.ads[booking_id].asset
    assert sha is not None and edition.assets[sha].ext == "jpg"
    dl = LayoutEngine().layout_page(edition, edition.pages[0])
    item = next(i for i in dl.items if isinstance(i, ImageItem))
    assert item.asset == sha and round(item.effective_ppi) == 300
    assert [i for i in _ad_issues(edition) if i.is_error] == []
    path = _export(edition, tmp_path)
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                            text=True).stdout.splitlines()[2:]  # fmt: skip
    assert len(listed) == 1 and " cmyk " in listed[0]
    assert intake_result(path)["accepted"] is True
