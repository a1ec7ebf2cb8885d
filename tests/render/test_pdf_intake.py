"""The printing plant's intake check accepts exported pages without errors or warnings."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import intake_result
from pdf_testkit import (
    INTAKE_CHECK,
    SAMPLE_PHOTOS,
    edition_with,
    has_tools,
    jpeg_bytes,
    sample_page,
    synthetic_photo,
)
from PIL import Image

from kupang_layout.render.pdf.exporter import page_filename, render_page_pdf
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.presets import ExportPreset, get_preset, load_presets

pytestmark = pytest.mark.skipif(
    not INTAKE_CHECK.is_file() or not has_tools("gs", "pdfimages"),
    reason="the plant's intake check, gs or pdfimages is not available",
)


def _photos() -> list[str]:
    found = sorted(p.name for p in SAMPLE_PHOTOS.glob("*.jpg")) if SAMPLE_PHOTOS.is_dir() else []
    return found or ["synthetic"]


def _export(tmp_path: Path, photo_name: str, preset: ExportPreset) -> Path:
    if photo_name == "synthetic":
        data = jpeg_bytes(synthetic_photo(2400, 1600))
    else:
        data = (SAMPLE_PHOTOS / photo_name).read_bytes()
    size = _open(data).size
    edition, shas = edition_with({photo_name: data})
    path = tmp_path / page_filename(edition, preset, 3)
    render_page_pdf(
        sample_page(shas[photo_name], size),
        edition,
        preset,
        path,
        image_cache=ImageCache(tmp_path / "cache"),
    )
    return path


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize("photo", _photos())
def test_print_page_passesintake_result(tmp_path: Path, photo: str) -> None:
    path = _export(tmp_path, photo, get_preset())
    assert path.name == "KupangTimes_612_03.pdf"
    result = intake_result(path)
    assert result["errors"] == [] and result["warnings"] == [], result
    assert result["accepted"] is True
    figures = result["figures"]
    assert isinstance(figures, dict)
    assert figures["pdf_version"] == "1.3"
    assert figures["max_tac_p999"] <= 240


def test_page_with_marks_passesintake_result(tmp_path: Path) -> None:
    preset = next(p for p in load_presets().values() if p.marks and p.pdfx)
    result = intake_result(_export(tmp_path, _photos()[0], preset))
    assert result["errors"] == [] and result["warnings"] == [], result


def test_intake_still_sees_a_low_resolution_picture(tmp_path: Path) -> None:
    """Control: the check is live here; a 320 px picture across 190 mm is refused."""
    low = Path(__file__).parents[1] / "data" / "low_res_320.jpg"
    data = low.read_bytes() if low.is_file() else jpeg_bytes(synthetic_photo(320, 213))
    edition, shas = edition_with({"low.jpg": data})
    path = tmp_path / "low.pdf"
    result_export = render_page_pdf(
        sample_page(shas["low.jpg"], _open(data).size),
        edition,
        get_preset(),
        path,
        image_cache=ImageCache(tmp_path / "cache"),
    )
    assert any("ppi" in w for w in result_export.warnings)
    result = intake_result(path)
    assert result["accepted"] is False
    assert any("ppi" in e for e in result["errors"])  # type: ignore[union-attr]
