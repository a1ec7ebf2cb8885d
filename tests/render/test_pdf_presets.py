"""Export presets: the bundled file, file names, and validation that names the bad field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kupang_layout.model.units import mm
from kupang_layout.render.pdf.errors import PresetError
from kupang_layout.render.pdf.presets import (
    DEFAULT_PRESET,
    PROOF_PRESET,
    get_preset,
    load_presets,
    preset_from_dict,
)


def test_bundled_presets_have_print_and_proof() -> None:
    presets = load_presets()
    koran = presets[DEFAULT_PRESET]
    assert koran.pdfx and not koran.marks
    assert (koran.max_ppi, koran.jpeg_quality, koran.tac) == (300, 90, 240)
    assert koran.bleed == pytest.approx(mm(3))
    assert koran.slug == 0.0  # no slug area without marks
    proof = presets[PROOF_PRESET]
    assert not proof.pdfx
    assert (proof.max_ppi, proof.jpeg_quality) == (150, 75)
    marked = [p for p in presets.values() if p.marks]
    assert marked and all(p.slug > 0 for p in marked)


def test_get_preset_defaults_to_print() -> None:
    assert get_preset().name == DEFAULT_PRESET
    with pytest.raises(PresetError, match="no such preset"):
        get_preset("Nope")


def test_filename_pattern() -> None:
    preset = get_preset()
    assert preset.filename("Kupang Times", "612", 3) == "KupangTimes_612_03.pdf"
    assert preset.filename("Kupang Times", "612", 12) == "KupangTimes_612_12.pdf"
    # Characters that are unsafe in file names are dropped.
    assert preset.filename("Kupang Times", "6/12", 1) == "KupangTimes_612_01.pdf"


def _write(tmp_path: Path, presets: object) -> Path:
    path = tmp_path / "presets.json"
    path.write_text(json.dumps({"presets": presets}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("jpeg_quality", 0, "1..100"),
        ("jpeg_quality", 90.5, "integer"),
        ("max_ppi", "300", "number"),
        ("max_ppi", 0, "outside"),
        ("tac", 500, "outside"),
        ("bleed_mm", -1, "outside"),
        ("pdfx", "yes", "true or false"),
        ("filename_pattern", "{paper}_{nope}.pdf", "not a valid pattern"),
        ("filename_pattern", "{paper}.pdf", "must contain {page}"),
        ("colour", "rgb", "unknown field"),
    ],
)
def test_invalid_field_is_named(tmp_path: Path, field: str, value: object, message: str) -> None:
    path = _write(tmp_path, [{"name": "Bad", field: value}])
    with pytest.raises(PresetError) as info:
        load_presets(path)
    assert info.value.field == field
    assert info.value.preset == "Bad"
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_file_level_errors(tmp_path: Path) -> None:
    with pytest.raises(PresetError, match="file not found"):
        load_presets(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"presets": [', encoding="utf-8")
    with pytest.raises(PresetError, match="line 1"):
        load_presets(broken)
    with pytest.raises(PresetError, match="listed twice"):
        load_presets(_write(tmp_path, [{"name": "A"}, {"name": "A"}]))
    with pytest.raises(PresetError, match="empty"):
        load_presets(_write(tmp_path, []))
    with pytest.raises(PresetError) as info:
        load_presets(_write(tmp_path, [{"max_ppi": 300}]))
    assert info.value.field == "name"


def test_minimal_preset_takes_defaults() -> None:
    preset = preset_from_dict({"name": "Minimal"})
    assert preset.pdfx and preset.max_ppi == 300 and preset.tac == 240
    with pytest.raises(PresetError, match="good_ppi"):
        preset_from_dict({"name": "X", "min_ppi": 250, "good_ppi": 200})
