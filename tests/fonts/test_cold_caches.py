"""Tests of the cold-start caches: compiled hyphenation patterns, font metrics, the ICC stream.

Caching must not change a single result: the compiled patterns find pyphen's positions,
the cached metrics give fontTools' values, a page laid out with warm caches has the
golden trace, and a damaged or foreign cache file is ignored and rebuilt.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pyphen
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.common import datacache
from kupang_layout.common.datacache import cache_path, read_cache, write_cache
from kupang_layout.engine.hyphenate import Hyphenator
from kupang_layout.engine.hyphenate_patterns import (
    CACHE_FORMAT,
    CACHE_KIND,
    PatternTable,
    pattern_file,
    pattern_table,
)
from kupang_layout.fonts import FaceEntry, FontFileError, default_registry, metrics_cache
from kupang_layout.fonts import metrics as metrics_module
from kupang_layout.render.pdf import pdfx
from kupang_layout.render.pdf.output_profile import newsprint_profile_bytes
from kupang_layout.resources import resource_path

REPO = Path(__file__).resolve().parents[2]
TEXTS = [
    *sorted((REPO / "tests" / "manuscripts").glob("*.txt")),
    *sorted((REPO / "resources" / "samples" / "manuscripts").glob("*.txt")),
]
ENTRIES = default_registry().entries()
PYPHEN = pyphen.Pyphen(lang="id_ID", left=1, right=1)
LETTERS = "abcdefghijklmnopqrstuvwxyzéèäöüABCDEFGHIJKLMNOPQRSTUVWXYZ'’-"


def corpus_words() -> list[str]:
    words: set[str] = set()
    for path in TEXTS:
        text = path.read_bytes().decode("utf-8", errors="replace")
        words.update(re.findall(r"[^\W\d_]+", text))
    return sorted(words)


def fresh_table() -> PatternTable:
    pattern_table.cache_clear()
    return pattern_table("id_ID")


def pattern_cache_file() -> Path:
    return cache_path(CACHE_KIND, datacache.file_sha256(pattern_file("id_ID")))


# -- hyphenation patterns ---------------------------------------------------------------


def test_compiled_patterns_find_pyphens_positions_in_every_manuscript_word() -> None:
    words = corpus_words()
    assert len(words) > 1000
    compiled = fresh_table()  # compiled now
    cached = fresh_table()  # read back from the cache file
    assert pattern_cache_file().is_file()
    for word in words:
        lower = word.lower()
        expected = [int(i) for i in PYPHEN.positions(lower)]
        assert compiled.positions(lower) == expected, word
        assert cached.positions(lower) == expected, word
        assert cached.positions(word) == [int(i) for i in PYPHEN.positions(word)], word


@given(st.text(alphabet=LETTERS, min_size=1, max_size=30))
def test_compiled_patterns_equal_pyphen_on_any_word(word: str) -> None:
    table = pattern_table("id_ID")
    assert table.positions(word) == [int(i) for i in PYPHEN.positions(word)]


def test_hyphenator_with_cached_patterns_marks_every_word_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh_table()
    warm = Hyphenator()
    assert isinstance(warm._patterns, PatternTable)
    pattern_table.cache_clear()
    monkeypatch.setenv("XDG_CACHE_HOME", str(Path(os.environ["XDG_CACHE_HOME"]) / "other"))
    cold = Hyphenator()
    for word in corpus_words():
        assert warm.points(word) == cold.points(word), word


def test_a_warm_cache_does_not_compile() -> None:
    assert not fresh_table().from_cache  # the first compiles and keeps the table
    table = fresh_table()
    assert table.from_cache, "compiled although the cache holds the patterns"
    assert len(table) == len(pyphen.HyphDict(pattern_file("id_ID")).patterns)


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    head, _, body = data.partition(b"\n")
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1 :])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(os.urandom(4096))
    elif how == "other-format":
        path.write_bytes(head.replace(b" 1 ", b" 99 ") + b"\n" + body)
    elif how == "folder":
        path.unlink()
        path.mkdir()
    elif how == "foreign":  # a valid header over data of another shape
        loaded = json.loads(body)
        loaded["codes"] = {"ab": ""}
        foreign = json.dumps(loaded).encode()
        path.write_bytes(datacache._header(CACHE_KIND, CACHE_FORMAT, foreign) + foreign)
    elif how == "other-source":  # valid, but compiled from another pattern file
        loaded = json.loads(body)
        loaded["source_sha256"] = "0" * 64
        other = json.dumps(loaded).encode()
        path.write_bytes(datacache._header(CACHE_KIND, CACHE_FORMAT, other) + other)
    else:
        raise ValueError(how)


HOW = ["truncated", "flipped", "empty", "garbage", "other-format", "folder", "foreign",
       "other-source"]  # fmt: skip


@pytest.mark.parametrize("how", HOW)
def test_a_damaged_pattern_cache_is_ignored_and_rebuilt(how: str) -> None:
    fresh_table()
    path = pattern_cache_file()
    damage(path, how)
    table = fresh_table()
    assert not table.from_cache, "the damaged cache was trusted"
    assert table.positions("peringatan") == [int(i) for i in PYPHEN.positions("peringatan")]
    if how != "folder":  # a folder in its place is left alone; the patterns still work
        assert read_cache(CACHE_KIND, path.stem, CACHE_FORMAT, lambda d: d) is not None


def test_patterns_work_when_the_cache_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert write_cache("probe", "k", 1, {"a": 1}) is None
    assert fresh_table().positions("masyarakat") == [int(i) for i in PYPHEN.positions("masyarakat")]


def test_unknown_language_is_refused_as_before() -> None:
    with pytest.raises(ValueError, match="no hyphenation patterns"):
        Hyphenator(language="xx_NOPE")


# -- font metrics -----------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.key for e in ENTRIES])
def test_cached_metrics_equal_fonttools(entry: FaceEntry) -> None:
    path, key = entry.path, entry.key
    read = metrics_module._read_fields(path)
    assert metrics_cache.cached_fields(path) is None
    first = metrics_module._read_metrics(path, key)  # read with fontTools, then cached
    cached = metrics_cache.cached_fields(path)
    assert cached == read
    second = metrics_module._read_metrics(path, key)  # from the cache
    for name in ("family_name", "style_name", "units_per_em", "ascender", "descender",
                 "line_gap", "cap_height", "x_height", "notdef_width", "space_width",
                 "hyphen_width"):  # fmt: skip
        assert getattr(first, name) == getattr(second, name), name
    every = "".join(read["widths"]) + "\ufffe\U0001f600"  # and two characters without glyphs
    assert first.char_advances(every, 9.5) == second.char_advances(every, 9.5)
    assert first.advance(every, 11.0) == second.advance(every, 11.0)
    assert first.missing_glyphs(every) == second.missing_glyphs(every)


@given(st.text(min_size=0, max_size=80), st.floats(min_value=4.0, max_value=120.0))
def test_cached_metrics_measure_any_text_as_fonttools(text: str, size: float) -> None:
    entry = ENTRIES[0]
    direct = metrics_module.FontMetrics(
        path=entry.path, key=entry.key, **metrics_module._read_fields(entry.path)
    )
    cached = metrics_module._read_metrics(entry.path, entry.key)
    assert cached.advance(text, size) == direct.advance(text, size)
    assert cached.char_advances(text, size) == direct.char_advances(text, size)
    assert [cached.has_glyph(c) for c in text] == [direct.has_glyph(c) for c in text]


@pytest.mark.parametrize("how", ["truncated", "flipped", "empty", "garbage", "folder"])
def test_a_damaged_metrics_cache_is_read_again(how: str) -> None:
    entry = ENTRIES[0]
    expected = metrics_module._read_fields(entry.path)
    metrics_module._read_metrics(entry.path, entry.key)
    path = cache_path(metrics_cache.CACHE_KIND, datacache.file_sha256(entry.path))
    damage(path, how)
    assert metrics_cache.cached_fields(entry.path) is None
    metrics = metrics_module._read_metrics(entry.path, entry.key)
    assert metrics.space_width == expected["widths"][" "]
    if how != "folder":
        assert metrics_cache.cached_fields(entry.path) == expected


def test_foreign_metrics_data_is_not_trusted() -> None:
    entry = ENTRIES[0]
    metrics_module._read_metrics(entry.path, entry.key)
    sha = datacache.file_sha256(entry.path)
    good = read_cache(metrics_cache.CACHE_KIND, sha, metrics_cache.CACHE_FORMAT, lambda d: d)
    assert isinstance(good, dict)
    codes = datacache.unpack_ints(good["codes"])
    advances = datacache.unpack_ints(good["advances"])
    rights = datacache.unpack_ints(good["kern_rights"])
    counts = datacache.unpack_ints(good["kern_counts"])
    pack = datacache.pack_ints
    for change in ({"advances": pack(advances[:-1])}, {"advances": good["advances"][:-3]},
                   {"codes": pack([-1] * len(codes))}, {"codes": [65] * len(codes)},
                   {"units_per_em": "1000"}, {"source_sha256": "0" * 64},
                   {"family_name": None}, {"advances": [True] * len(advances)},
                   {"codes": pack([0x110000] * len(codes))},
                   {"y_maxs": [1.5] * len(codes)}, {"x_mins": None},
                   {"kern_rights": pack([0x110000] * len(rights))},
                   {"kern_counts": pack([*counts[:-1], counts[-1] + 1])},
                   {"kern_counts": pack([0, *counts[1:]])},
                   {"kern_lefts": pack(list(reversed(datacache.unpack_ints(good["kern_lefts"]))))},
                   {"kern_values": "not base64!"}, {"kern_values": None}):  # fmt: skip
        write_cache(metrics_cache.CACHE_KIND, sha, metrics_cache.CACHE_FORMAT, good | change)
        assert metrics_cache.cached_fields(entry.path) is None, change


def test_a_damaged_font_is_reported_and_never_cached(tmp_path: Path) -> None:
    font = tmp_path / "broken.ttf"
    font.write_bytes(ENTRIES[0].path.read_bytes()[:5000])
    with pytest.raises(FontFileError, match="corrupt"):
        metrics_module.load_metrics(font, "Broken/Regular")
    assert metrics_cache.cached_fields(font) is None
    assert not (Path(os.environ["XDG_CACHE_HOME"]) / "kupang-layout" / "font-metrics").exists()


# -- the ICC output profile -------------------------------------------------------------


def test_shipped_compressed_profile_is_the_profiles_compression() -> None:
    profile = newsprint_profile_bytes()
    shipped = resource_path("icc", pdfx.COMPRESSED_PROFILE).read_bytes()
    assert zlib.decompress(shipped) == profile
    # Made with zlib at level 9 (another zlib build may differ in a byte, never in size much).
    assert len(shipped) <= len(zlib.compress(profile, 9)) * 1.01
    pdfx._compressed_profile.cache_clear()
    assert pdfx._compressed_profile() == shipped


def test_a_missing_compressed_profile_is_made_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfx, "COMPRESSED_PROFILE", "absent.icc.zlib")
    pdfx._compressed_profile.cache_clear()
    try:
        made = pdfx._compressed_profile()
    finally:
        pdfx._compressed_profile.cache_clear()
    assert zlib.decompress(made) == newsprint_profile_bytes()


# -- end to end -------------------------------------------------------------------------

_TRACES = """
import hashlib, sys
from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.trace import trace
edition = build_sample_edition().edition
engine = LayoutEngine()
for p in edition.pages:
    print(p.number, hashlib.sha256(trace(engine.layout_page(edition, p)).encode()).hexdigest())
print("fontTools" in " ".join(sys.modules), "pyphen" in sys.modules)
"""


def test_pages_laid_out_with_cold_and_warm_caches_have_the_golden_traces(tmp_path: Path) -> None:
    import hashlib

    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    runs = [
        subprocess.run(
            [sys.executable, "-c", _TRACES], env=env, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        for _ in range(2)
    ]
    cold, warm = runs
    assert cold[-1] == "True True"  # the caches were filled by fontTools and pyphen
    assert warm[-1] == "False False"  # and then neither was imported
    assert cold[:-1] == warm[:-1]
    golden = REPO / "tests" / "golden"
    for line in warm[:-1]:
        number, digest = line.split()
        text = (golden / f"sample_page_{number}.trace").read_text(encoding="utf-8")
        assert digest == hashlib.sha256(text.encode()).hexdigest(), number
