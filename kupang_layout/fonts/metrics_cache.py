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

from kupang_layout.common.datacache import (
    file_sha256,
    pack_ints,
    read_cache,
    unpack_ints,
    write_cache,
)
from kupang_layout.fonts.kern_table import KernTable

__all__ = ["MetricFields", "cached_fields", "keep_fields"]

CACHE_KIND: Final = "font-metrics"
#: Raise when the fields or the way they are read change.
CACHE_FORMAT: Final = 4  # 2: kerning pairs; 3: glyph extents and reach; 4: packed

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
#: The kerning pairs, as `KernTable` holds them.
_KERN_FIELDS: Final = ("kern_lefts", "kern_counts", "kern_rights", "kern_values")


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
    kerning: KernTable  # pairs of characters -> adjustment of the first's advance
    extents: dict[str, tuple[int, int, int, int]]  # character -> its glyph's box
    reach: tuple[int, int, int, int]  # left of origin, right of advance, lowest, highest


def _is_int(value: object) -> bool:
    return type(value) is int


def _shape(data: object, sha: str) -> MetricFields | None:
    """The fields in a cache file's data, or None when it is not what `keep_fields` wrote.

    Every value is checked (the file's digest is checked by `read_cache`, but it lies in
    a folder the user can edit): the names and single numbers by type; the long lists
    are packed integers (`datacache.pack_ints`), so they can only come back as ints, and
    their lengths and the characters' range are checked."""
    if not isinstance(data, dict) or data.get("source_sha256") != sha:
        return None
    names = (data.get("family_name"), data.get("style_name"))
    ints = [data.get(name) for name in _INT_FIELDS]
    if not all(isinstance(n, str) for n in names) or not all(map(_is_int, ints)):
        return None
    reach = data.get("reach")
    if not isinstance(reach, list) or len(reach) != 4 or not all(map(_is_int, reach)):
        return None
    try:
        codes, advances = unpack_ints(data.get("codes")), unpack_ints(data.get("advances"))
        kerning = KernTable(*(unpack_ints(data.get(name)) for name in _KERN_FIELDS))
        boxes = [unpack_ints(data.get(name)) for name in _BOX_FIELDS]
    except ValueError:
        return None
    if len(advances) != len(codes) or any(len(values) != len(codes) for values in boxes):
        return None
    for found in (codes, kerning.lefts, kerning.rights):
        if found and not (min(found) >= 0 and max(found) <= _MAX_CODE):
            return None
    chars = list(map(chr, codes))
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
        widths=dict(zip(chars, advances, strict=True)),
        kerning=kerning,
        extents=dict(zip(chars, zip(*boxes, strict=True), strict=True)),
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
    chars = list(fields["widths"])
    kerning = fields["kerning"]
    try:
        packed = {
            "codes": pack_ints([ord(ch) for ch in chars]),
            "advances": pack_ints(list(fields["widths"].values())),
            "kern_lefts": pack_ints(kerning.lefts),
            "kern_counts": pack_ints(kerning.counts),
            "kern_rights": pack_ints(kerning.rights),
            "kern_values": pack_ints(kerning.values),
            **{
                name: pack_ints([fields["extents"].get(ch, (0, 0, 0, 0))[i] for ch in chars])
                for i, name in enumerate(_BOX_FIELDS)
            },
        }
    except ValueError:
        return  # a value beyond 32 bits: read from the file each time
    data = {
        "source": path.name,
        "source_sha256": sha,
        "family_name": fields["family_name"],
        "style_name": fields["style_name"],
        **{name: fields[name] for name in _INT_FIELDS},
        **packed,
        "reach": list(fields["reach"]),
    }
    write_cache(CACHE_KIND, sha, CACHE_FORMAT, data)
