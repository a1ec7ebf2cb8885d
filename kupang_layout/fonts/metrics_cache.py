"""Fonts stage: the font metrics the engine reads, cached per font file hash (no fontTools).

Reading a face with fontTools (importing its table modules, parsing ``cmap``,
``hmtx``, ``OS/2``, ``name``) costs a cold process about 0.1 s. What `FontMetrics`
is made of (names, units per em, vertical metrics, the advance of every character
the cmap maps, the kerning pairs of `fonts.kerning`, each character's glyph extent and
the face's glyph reach of `fonts.glyph_extents`) is kept as a `datacache` file keyed by
the SHA-256 of the font file, so a changed file is read again. Only files that
passed every check (a TrueType font whose licence allows embedding) are cached:
problems are found by reading the file, every time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, TypedDict

from kupang_layout.common.datacache import file_sha256, read_cache, write_cache

__all__ = ["MetricFields", "cached_fields", "keep_fields"]

CACHE_KIND: Final = "font-metrics"
#: Raise when the fields or the way they are read change.
CACHE_FORMAT: Final = 3  # 2: kerning pairs; 3: glyph extents and reach

_INT_FIELDS: Final = (
    "units_per_em",
    "ascender",
    "descender",
    "line_gap",
    "cap_height",
    "x_height",
    "notdef_width",
)
_MAX_CODE: Final = 0x10FFFF
#: The glyph box of each character, one list each, in the order of `codes`.
_BOX_FIELDS: Final = ("x_mins", "y_mins", "x_maxs", "y_maxs")


class MetricFields(TypedDict):
    """What a FontMetrics is made of besides its path and face id."""

    family_name: str
    style_name: str
    units_per_em: int
    ascender: int
    descender: int
    line_gap: int
    cap_height: int
    x_height: int
    notdef_width: int
    widths: dict[str, int]
    kerning: dict[str, int]  # two characters -> adjustment of the first's advance
    extents: dict[str, tuple[int, int, int, int]]  # character -> its glyph's box
    reach: tuple[int, int, int, int]  # left of origin, right of advance, lowest, highest


def _is_int(value: object) -> bool:
    return type(value) is int


def _all_ints(values: list[object]) -> bool:
    """Every value a plain int (`bool` is not): one pass in C over a long list."""
    return set(map(type, values)) <= {int}


def _shape(data: object, sha: str) -> MetricFields | None:
    """The fields in a cache file's data, or None when it is not what `keep_fields` wrote.

    Every value is checked for its type (the file's digest is checked by `read_cache`,
    but it lies in a folder the user can edit); the checks run over whole lists at once,
    since a face holds thousands of characters and tens of thousands of kerning pairs."""
    if not isinstance(data, dict) or data.get("source_sha256") != sha:
        return None
    names = (data.get("family_name"), data.get("style_name"))
    ints = [data.get(name) for name in _INT_FIELDS]
    codes, advances = data.get("codes"), data.get("advances")
    if not all(isinstance(n, str) for n in names) or not all(map(_is_int, ints)):
        return None
    if not isinstance(codes, list) or not isinstance(advances, list):
        return None
    if len(codes) != len(advances) or not _all_ints(advances) or not _all_ints(codes):
        return None
    if codes and not (min(codes) >= 0 and max(codes) <= _MAX_CODE):
        return None
    kerning = data.get("kerning")
    # JSON object keys are always strings: their length and the values' type are left.
    if not isinstance(kerning, dict) or not _all_ints(list(kerning.values())):
        return None
    if kerning and set(map(len, kerning)) != {2}:
        return None
    boxes, reach = [data.get(name) for name in _BOX_FIELDS], data.get("reach")
    if not isinstance(reach, list) or len(reach) != 4 or not all(map(_is_int, reach)):
        return None
    for values in boxes:
        if not isinstance(values, list) or len(values) != len(codes):
            return None
        if not _all_ints(values):
            return None
    return MetricFields(
        family_name=str(names[0]),
        style_name=str(names[1]),
        units_per_em=int(data["units_per_em"]),
        ascender=int(data["ascender"]),
        descender=int(data["descender"]),
        line_gap=int(data["line_gap"]),
        cap_height=int(data["cap_height"]),
        x_height=int(data["x_height"]),
        notdef_width=int(data["notdef_width"]),
        widths=dict(zip(map(chr, codes), advances, strict=True)),
        kerning=kerning,
        extents=dict(zip(map(chr, codes), zip(*boxes, strict=True), strict=True)),
        reach=(int(reach[0]), int(reach[1]), int(reach[2]), int(reach[3])),
    )


def cached_fields(path: Path) -> MetricFields | None:
    """The cached metrics of the font file at `path`, or None (OSError if it cannot be read)."""
    sha = file_sha256(path)
    return read_cache(CACHE_KIND, sha, CACHE_FORMAT, lambda data: _shape(data, sha))


def keep_fields(path: Path, fields: MetricFields) -> None:
    """Cache the metrics just read from `path` (silently skipped if the cache cannot be written)."""
    try:
        sha = file_sha256(path)
    except OSError:
        return
    data = {
        "source": path.name,
        "source_sha256": sha,
        "family_name": fields["family_name"],
        "style_name": fields["style_name"],
        **{name: fields[name] for name in _INT_FIELDS},
        "codes": [ord(ch) for ch in fields["widths"]],
        "advances": list(fields["widths"].values()),
        "kerning": fields["kerning"],
        **{
            name: [fields["extents"].get(ch, (0, 0, 0, 0))[i] for ch in fields["widths"]]
            for i, name in enumerate(_BOX_FIELDS)
        },
        "reach": list(fields["reach"]),
    }
    write_cache(CACHE_KIND, sha, CACHE_FORMAT, data)
