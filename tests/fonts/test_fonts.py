"""Tests of the fonts stage: bundled faces, registry look-ups and metrics."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout import resources
from kupang_layout.errors import KupangError
from kupang_layout.fonts import (
    FACES,
    FaceEntry,
    FontFileError,
    FontManifestError,
    FontMetrics,
    FontNotFoundError,
    FontRegistry,
    Measurer,
    default_registry,
    face_key,
    load_metrics,
    metrics_for,
    metrics_for_key,
    split_face_key,
)

ENTRIES = default_registry().entries()
ENTRY_IDS = [entry.key for entry in ENTRIES]

# Letters of Indonesian text (incl. loanword accents and names), punctuation of news copy.
INDONESIAN = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    "éÉèÈêëïîôöüûàâçñÑ"
    ".,;:!?()[]/%&@#*+=<>'\"-"
)
TYPOGRAPHIC = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00ad"


def test_bundled_families_are_the_chosen_ones() -> None:
    registry = default_registry()
    assert registry.families() == ["PT Serif", "Roboto Condensed"]
    for family in registry.families():
        assert registry.faces(family) == list(FACES)


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_every_face_loads(entry: FaceEntry) -> None:
    metrics = metrics_for(entry.family, entry.face)
    assert isinstance(metrics, FontMetrics)
    assert isinstance(metrics, Measurer)
    assert metrics.key == face_key(entry.family, entry.face)
    assert metrics.family_name == entry.family
    assert entry.licence.is_file()


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_face_is_embeddable_truetype(entry: FaceEntry) -> None:
    with TTFont(str(entry.path), lazy=True) as font:
        assert font.sfntVersion == "\x00\x01\x00\x00"
        assert "glyf" in font
        assert "CFF " not in font
        # fsType: no restricted-licence, no-subsetting or bitmap-only bit.
        assert font["OS/2"].fsType & (0x0002 | 0x0100 | 0x0200) == 0


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_advance_matches_hmtx(entry: FaceEntry) -> None:
    with TTFont(str(entry.path), lazy=True) as font:
        upm = font["head"].unitsPerEm
        glyph = font.getBestCmap()[ord("a")]
        width = font["hmtx"][glyph][0]
        space = font["hmtx"][font.getBestCmap()[ord(" ")]][0]
    metrics = metrics_for(entry.family, entry.face)
    assert metrics.units_per_em == upm
    assert metrics.advance("a", 10) == width / upm * 10
    assert metrics.char_advances("aa", 10) == [width / upm * 10] * 2
    assert metrics.advance("a a", 12) == pytest.approx((2 * width + space) / upm * 12, rel=1e-12)
    assert metrics.space_advance(10) == space / upm * 10


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_indonesian_and_typographic_characters_present(entry: FaceEntry) -> None:
    metrics = metrics_for(entry.family, entry.face)
    assert metrics.missing_glyphs(INDONESIAN + TYPOGRAPHIC) == []
    for ch in TYPOGRAPHIC:
        assert metrics.has_glyph(ch), f"{entry.key} lacks U+{ord(ch):04X}"


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_vertical_metrics_are_plausible(entry: FaceEntry) -> None:
    m = metrics_for(entry.family, entry.face)
    assert m.ascender > m.cap_height > m.x_height > 0 > m.descender
    assert m.to_points(m.units_per_em, 9.5) == pytest.approx(9.5)
    assert m.hyphen_advance(10) == m.advance("-", 10)


def test_missing_glyph_measures_as_notdef_and_is_reported() -> None:
    m = metrics_for("PT Serif", "Regular")
    alien = "\U0001f600"  # an emoji: not in a text face
    assert not m.has_glyph(alien)
    assert m.advance(alien, 10) == m.notdef_width / m.units_per_em * 10
    assert m.missing_glyphs(f"a{alien}b{alien}\u4e2d") == [alien, "\u4e2d"]


def test_metrics_are_cached_per_face() -> None:
    assert metrics_for("PT Serif", "Bold") is metrics_for("PT Serif", "Bold")
    assert metrics_for_key("PT Serif/Bold") is metrics_for("PT Serif", "Bold")


text_strategy = st.text(alphabet=INDONESIAN + TYPOGRAPHIC + " \u00e9\U0001f600", max_size=40)


@given(a=text_strategy, b=text_strategy, size=st.floats(min_value=4, max_value=120))
def test_advance_is_additive_and_linear(a: str, b: str, size: float) -> None:
    m = metrics_for("PT Serif", "Italic")
    whole = m.advance(a + b, size)
    # Additive up to the kerning of the pair where the two strings meet.
    seam = m.kern(a[-1], b[0], size) if a and b else 0.0
    assert whole == pytest.approx(
        m.advance(a, size) + m.advance(b, size) + seam, rel=1e-9, abs=1e-9
    )
    assert whole == pytest.approx(sum(m.char_advances(a + b, size)), rel=1e-9, abs=1e-9)
    assert m.advance(a, 2 * size) == pytest.approx(2 * m.advance(a, size), rel=1e-9, abs=1e-9)
    assert len(m.char_advances(a, size)) == len(a)


def test_missing_family_raises_naming_it() -> None:
    with pytest.raises(FontNotFoundError, match="Times Kupang") as info:
        metrics_for("Times Kupang", "Regular")
    assert info.value.family == "Times Kupang"
    assert info.value.face == "Regular"
    assert "PT Serif" in str(info.value)  # the message lists what exists


def test_missing_face_raises_naming_family_and_face() -> None:
    with pytest.raises(FontNotFoundError, match=r"'PT Serif'.*'Black'"):
        default_registry().lookup("PT Serif", "Black")


def test_face_key_round_trip() -> None:
    assert face_key("PT Serif", "Bold Italic") == "PT Serif/Bold Italic"
    assert split_face_key(face_key("Roboto Condensed", "Bold")) == ("Roboto Condensed", "Bold")
    with pytest.raises(ValueError, match="not a face key"):
        split_face_key("PT Serif")


def _copy_face(tmp_path: Path, face: str, name: str) -> FaceEntry:
    source = default_registry().lookup("PT Serif", face)
    target = tmp_path / name
    shutil.copyfile(source.path, target)
    return FaceEntry("Test Serif", face, target, source.licence)


def test_fallback_substitutes_weight_before_slant(tmp_path: Path) -> None:
    registry = FontRegistry(
        [
            _copy_face(tmp_path, "Regular", "r.ttf"),
            _copy_face(tmp_path, "Bold", "b.ttf"),
        ]
    )
    assert registry.resolve("Test Serif", "Bold Italic").face == "Bold"
    assert registry.resolve("Test Serif", "Italic").face == "Regular"
    assert registry.resolve("Test Serif", "Bold").face == "Bold"
    with pytest.raises(FontNotFoundError, match="Italic"):
        registry.lookup("Test Serif", "Italic")
    with pytest.raises(FontNotFoundError, match="Other"):
        registry.resolve("Other", "Regular")
    with pytest.raises(FontNotFoundError, match="Semibold"):
        registry.resolve("Test Serif", "Semibold")


def test_corrupted_file_raises_font_file_error(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.ttf"
    garbage.write_bytes(b"\x00\x01\x00\x00" + bytes(range(256)) * 8)
    with pytest.raises(FontFileError, match=r"garbage\.ttf: corrupt or not a TrueType font"):
        load_metrics(garbage)

    truncated = tmp_path / "truncated.ttf"
    data = default_registry().path("PT Serif", "Regular").read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    with pytest.raises(FontFileError, match=r"truncated\.ttf: corrupt") as info:
        load_metrics(truncated)
    assert info.value.path == truncated


def test_missing_file_raises_font_file_error(tmp_path: Path) -> None:
    with pytest.raises(FontFileError, match="not found"):
        load_metrics(tmp_path / "absent.ttf")


def test_embedding_restricted_font_is_rejected(tmp_path: Path) -> None:
    restricted = tmp_path / "restricted.ttf"
    with TTFont(str(default_registry().path("PT Serif", "Regular"))) as font:
        font["OS/2"].fsType = 0x0002
        font.save(str(restricted))
    with pytest.raises(FontFileError, match="forbids embedding"):
        load_metrics(restricted)


def test_cff_font_is_rejected(tmp_path: Path) -> None:
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "a"])
    builder.setupCharacterMap({ord("a"): "a"})
    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0))
    pen.lineTo((400, 0))
    pen.lineTo((400, 500))
    pen.closePath()
    charstrings = {".notdef": T2CharStringPen(500, None).getCharString(), "a": pen.getCharString()}
    builder.setupCFF("TestCFF-Regular", {"FullName": "Test CFF"}, charstrings, {})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "a": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Test CFF", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    path = tmp_path / "cff.otf"
    builder.save(str(path))
    with pytest.raises(FontFileError, match="CFF"):
        load_metrics(path)


def _write_manifest(folder: Path, fonts: object) -> Path:
    manifest = folder / "fonts.json"
    manifest.write_text(json.dumps({"fonts": fonts}), encoding="utf-8")
    return manifest


def test_manifest_errors_name_the_problem(tmp_path: Path) -> None:
    entry = _copy_face(tmp_path, "Regular", "r.ttf")
    shutil.copyfile(entry.licence, tmp_path / "LICENSE.txt")
    good = {"family": "X", "face": "Regular", "file": "r.ttf", "licence": "LICENSE.txt"}
    registry = FontRegistry.from_manifest(_write_manifest(tmp_path, [good]))
    assert registry.path("X", "Regular") == tmp_path / "r.ttf"

    with pytest.raises(FontManifestError, match="'licence'"):
        FontRegistry.from_manifest(_write_manifest(tmp_path, [{**good, "licence": 3}]))
    with pytest.raises(FontManifestError, match="listed twice"):
        FontRegistry.from_manifest(_write_manifest(tmp_path, [good, good]))
    with pytest.raises(FontManifestError, match="unknown face 'Heavy'"):
        FontRegistry.from_manifest(_write_manifest(tmp_path, [{**good, "face": "Heavy"}]))
    with pytest.raises(FontManifestError, match=r"nope\.ttf not found"):
        FontRegistry.from_manifest(_write_manifest(tmp_path, [{**good, "file": "nope.ttf"}]))
    broken = tmp_path / "broken.json"
    broken.write_text('{"fonts": [\n  {"family": }\n]}', encoding="utf-8")
    with pytest.raises(FontManifestError, match="line 2"):
        FontRegistry.from_manifest(broken)


def test_resource_path_from_source_and_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (resources.resource_path("fonts", "fonts.json")).is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("fonts") == tmp_path / "resources" / "fonts"


def test_font_errors_are_user_facing_errors() -> None:
    with pytest.raises(KupangError):
        metrics_for("Times Kupang", "Regular")
