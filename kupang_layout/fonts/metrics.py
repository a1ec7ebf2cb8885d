"""Fonts stage: per-face metrics and advance widths read once from a TrueType file.

fontTools is imported only to read a file whose metrics are not cached yet: what is
read (names, vertical metrics, the advance of every character in the cmap, the
kerning pairs of `fonts.kerning`, the glyphs' boxes of `fonts.glyph_extents`) is kept
in the user cache folder per font file hash (`fonts.metrics_cache`). Text is measured
with the font's pair kerning: the advance of a character includes its kerning with the
next character of the same string (what HarfBuzz gives for the pair; no ligatures, no
other shaping).
"""

from __future__ import annotations

import functools
import itertools
import operator
import struct
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol, runtime_checkable

from kupang_layout.fonts.errors import FontFileError
from kupang_layout.fonts.glyph_extents import read_extents
from kupang_layout.fonts.kern_table import KernTable
from kupang_layout.fonts.kerning import read_kerning
from kupang_layout.fonts.metrics_cache import MetricFields, cached_fields, keep_fields
from kupang_layout.fonts.registry import FontRegistry, default_registry, face_key

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

__all__ = ["FontMetrics", "Measurer", "load_metrics", "metrics_for", "metrics_for_key"]

# OS/2 fsType bits (OpenType spec, OS/2 table, "fsType"): restricted-licence embedding,
# no subsetting, bitmap-only embedding. Any of them makes a font unusable for PDF export,
# which embeds subsets of the outlines.
_FSTYPE_RESTRICTED: Final = 0x0002
_FSTYPE_NO_SUBSETTING: Final = 0x0100
_FSTYPE_BITMAP_ONLY: Final = 0x0200


# Tables the metrics are read from; a file lacking one is damaged or not a font.
_REQUIRED_TABLES: Final = ("head", "hhea", "hmtx", "maxp", "cmap", "OS/2", "name")

# Errors fontTools raises while parsing a damaged or truncated file (besides TTLibError).
_PARSE_ERRORS: Final = (
    struct.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AssertionError,
    AttributeError,
)


@runtime_checkable
class Measurer(Protocol):
    """What the typesetting engine needs to measure text in one face.

    Sizes are in points; results are points as floats, unrounded. An implementation may
    shape text (kerning, ligatures) as long as advance() equals what a renderer draws.
    """

    def advance(self, text: str, size: float) -> float:
        """Width of text set at size."""
        ...

    def char_advances(self, text: str, size: float) -> list[float]:
        """Width of each character of text set at size."""
        ...

    def has_glyph(self, ch: str) -> bool:
        """True if the face maps the character to a glyph."""
        ...

    def missing_glyphs(self, text: str) -> list[str]:
        """Characters of text the face has no glyph for, each once, in order of appearance."""
        ...


class FontMetrics:
    """Metrics of one face; measures text by summing kerned advance widths (no ligatures).

    Vertical metrics are in font units (divide by units_per_em and multiply by the size,
    or use to_points()). ascender/descender come from the hhea table (descender is
    negative); cap_height and x_height from OS/2, or from the H and x glyph outlines
    when OS/2 lacks them. Characters without a glyph measure as the .notdef glyph, which
    a renderer would draw.
    """

    __slots__ = (
        "_em",
        "_extents",
        "_kern",
        "_kern_rows",
        "_notdef_em",
        "_reach",
        "ascender",
        "cap_height",
        "descender",
        "family_name",
        "hyphen_width",
        "key",
        "line_gap",
        "notdef_width",
        "path",
        "space_width",
        "style_name",
        "units_per_em",
        "x_height",
    )

    def __init__(
        self,
        *,
        path: Path,
        key: str,
        family_name: str,
        style_name: str,
        units_per_em: int,
        ascender: int,
        descender: int,
        line_gap: int,
        cap_height: int,
        x_height: int,
        notdef_width: int,
        widths: dict[str, int],
        kerning: KernTable | Mapping[str, int] | None = None,
        extents: dict[str, tuple[int, int, int, int]] | None = None,
        reach: tuple[int, int, int, int] | None = None,
    ) -> None:
        if units_per_em <= 0:
            raise FontFileError(path, f"invalid unitsPerEm {units_per_em}")
        self.path = path
        self.key = key
        self.family_name = family_name
        self.style_name = style_name
        self.units_per_em = units_per_em
        self.ascender = ascender
        self.descender = descender
        self.line_gap = line_gap
        self.cap_height = cap_height
        self.x_height = x_height
        self.notdef_width = notdef_width
        upm = float(units_per_em)
        # Advances are stored in em so that one multiplication by the size scales a sum.
        # (map and zip: the same divisions, made in C; a face has thousands of entries)
        self._em: dict[str, float] = dict(
            zip(widths, map(operator.truediv, widths.values(), itertools.repeat(upm)), strict=True)
        )
        self._notdef_em = notdef_width / upm
        # Kerning pairs in font units; a left character's entries (the adjustment of its
        # advance, in em, keyed by the right character) are made when a text first has it
        # (two threads making the same entries at once make equal ones: no lock needed).
        if kerning is None:
            kerning = KernTable([], [], [], [])
        elif not isinstance(kerning, KernTable):
            kerning = KernTable.from_pairs(kerning)
        self._kern = kerning
        self._kern_rows: dict[str, dict[str, float]] = {}
        self.space_width = widths.get(" ", notdef_width)
        self.hyphen_width = widths.get("-", notdef_width)
        self._extents: dict[str, tuple[int, int, int, int]] = extents or {}
        self._reach = reach

    @property
    def glyph_extents(self) -> Mapping[str, tuple[int, int, int, int]]:
        """Each mapped character's glyph box (xMin, yMin, xMax, yMax) from its origin,
        font units (empty when not read)."""
        return self._extents

    @property
    def glyph_reach(self) -> tuple[int, int, int, int] | None:
        """How far any glyph reaches, font units: left of its origin, right of its advance
        (both >= 0), its lowest and highest point; None when not read."""
        return self._reach

    def em_advances(self) -> Mapping[str, float]:
        """Each mapped character's advance width without kerning, in em."""
        return self._em

    @property
    def notdef_em(self) -> float:
        """The advance of the .notdef glyph (drawn for a character without glyph), em."""
        return self._notdef_em

    def __repr__(self) -> str:
        return f"FontMetrics({self.key or self.family_name!r}, {self.path.name!r})"

    def to_points(self, units: float, size: float) -> float:
        """Convert a value in font units to points at the given size."""
        return units / self.units_per_em * size

    def advance(self, text: str, size: float) -> float:
        """Width of text at size in points: the characters' advance widths and the
        kerning of each pair of neighbours."""
        em = self._em
        width = sum(map(em.get, text, itertools.repeat(self._notdef_em)))
        if len(text) > 1:
            width += sum(itertools.starmap(self._kern_em, itertools.pairwise(text)))
        return width * size

    def char_advances(self, text: str, size: float) -> list[float]:
        """Width in points of each character of text at size, kerned with the next one."""
        em = self._em
        notdef = self._notdef_em
        out = [em.get(ch, notdef) * size for ch in text]
        if len(self._kern) and len(text) > 1:
            rows = self._kern_rows
            for i, (left, right) in enumerate(itertools.pairwise(text)):
                row = rows.get(left)
                if row is None:
                    row = self._kern_row(left)
                k = row.get(right)
                if k is not None:
                    out[i] += k * size
        return out

    def kern(self, left: str, right: str, size: float) -> float:
        """The kerning (points, usually negative) between two characters at size."""
        return self._kern_em(left, right) * size

    @property
    def kerning(self) -> KernTable:
        """The face's kerning pairs, font units."""
        return self._kern

    def _kern_em(self, left: str, right: str) -> float:
        """The kerning of a pair, em (0.0 for a pair the face does not kern)."""
        row = self._kern_rows.get(left)
        if row is None:
            row = self._kern_row(left)
        return row.get(right, 0.0)

    def _kern_row(self, left: str) -> dict[str, float]:
        rights, values = self._kern.row(left)
        upm = float(self.units_per_em)
        em = map(operator.truediv, values, itertools.repeat(upm))
        row = dict(zip(map(chr, rights), em, strict=True))
        self._kern_rows[left] = row
        return row

    def has_glyph(self, ch: str) -> bool:
        """True if the face's cmap maps the character to a glyph."""
        return ch in self._em

    def missing_glyphs(self, text: str) -> list[str]:
        """Characters of text without a glyph, each once, in order of first appearance."""
        em = self._em
        return [ch for ch in dict.fromkeys(text) if ch not in em]

    def space_advance(self, size: float) -> float:
        """Width of U+0020 SPACE at size in points."""
        return self.space_width / self.units_per_em * size

    def hyphen_advance(self, size: float) -> float:
        """Width of U+002D HYPHEN-MINUS (the hyphen added at a line break) at size."""
        return self.hyphen_width / self.units_per_em * size


def _check_print_usable(font: TTFont, path: Path) -> None:
    """Reject damaged files and fonts ReportLab cannot embed (CFF, restrictive fsType)."""
    missing = [tag for tag in _REQUIRED_TABLES if tag not in font]
    if missing:
        raise FontFileError(
            path, f"corrupt or not a TrueType font (missing tables: {', '.join(missing)})"
        )
    if "glyf" not in font or "loca" not in font:
        kind = "CFF (PostScript) outlines" if "CFF " in font or "CFF2" in font else "no outlines"
        raise FontFileError(path, f"{kind}; a TrueType font with glyf outlines is required")
    fs_type = int(font["OS/2"].fsType)
    if fs_type & _FSTYPE_RESTRICTED:
        raise FontFileError(path, f"licence forbids embedding (OS/2 fsType {fs_type:#06x})")
    if fs_type & (_FSTYPE_NO_SUBSETTING | _FSTYPE_BITMAP_ONLY):
        raise FontFileError(
            path, f"licence forbids subset outline embedding (OS/2 fsType {fs_type:#06x})"
        )


def _glyph_top(font: TTFont, cmap: dict[int, str], ch: str) -> int:
    """Top of the outline of ch's glyph in font units (0 if absent or empty)."""
    name = cmap.get(ord(ch))
    if name is None:
        return 0
    glyph = font["glyf"][name]
    glyph.recalcBounds(font["glyf"])
    return int(getattr(glyph, "yMax", 0))


def _read_fields(path: Path) -> MetricFields:
    """What FontMetrics is made of, read from the file with fontTools."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        _check_print_usable(font, path)
        cmap: dict[int, str] | None = font.getBestCmap()
        if not cmap:
            raise FontFileError(path, "no Unicode cmap subtable")
        hmtx = font["hmtx"].metrics
        glyph_order = font.getGlyphOrder()
        notdef_width = int(hmtx[glyph_order[0]][0])
        widths = {chr(code): int(hmtx[name][0]) for code, name in cmap.items()}
        os2 = font["OS/2"]
        cap_height = int(getattr(os2, "sCapHeight", 0)) if os2.version >= 2 else 0
        x_height = int(getattr(os2, "sxHeight", 0)) if os2.version >= 2 else 0
        if cap_height <= 0:
            cap_height = _glyph_top(font, cmap, "H")
        if x_height <= 0:
            x_height = _glyph_top(font, cmap, "x")
        hhea = font["hhea"]
        names = font["name"]
        extents, reach = read_extents(font, cmap)
        return {
            "family_name": str(names.getBestFamilyName() or ""),
            "style_name": str(names.getBestSubFamilyName() or ""),
            "units_per_em": int(font["head"].unitsPerEm),
            "ascender": int(hhea.ascent),
            "descender": int(hhea.descent),
            "line_gap": int(hhea.lineGap),
            "cap_height": cap_height,
            "x_height": x_height,
            "notdef_width": notdef_width,
            "widths": widths,
            "kerning": KernTable.from_pairs(read_kerning(font, cmap)),
            "extents": extents,
            "reach": reach,
        }


def _read_metrics(path: Path, key: str) -> FontMetrics:
    """The face's metrics: from the cache when it holds this file, else read and kept."""
    fields = cached_fields(path)
    if fields is None:
        from fontTools.ttLib import TTLibError

        try:
            fields = _read_fields(path)
        except TTLibError as exc:
            raise FontFileError(path, f"corrupt or not a TrueType font ({exc})") from exc
        keep_fields(path, fields)
    return FontMetrics(path=path, key=key, **fields)


@functools.cache
def load_metrics(path: Path, key: str = "") -> FontMetrics:
    """Read a TrueType file once (cached per path and face id, and across processes per
    file hash in the user cache folder).

    Raises FontFileError if the file is missing, unreadable, corrupt, has CFF outlines or
    forbids embedding.
    """
    try:
        return _read_metrics(path, key)
    except FileNotFoundError as exc:
        raise FontFileError(path, "file not found") from exc
    except OSError as exc:
        raise FontFileError(path, f"cannot read: {exc.strerror or exc}") from exc
    except _PARSE_ERRORS as exc:
        raise FontFileError(path, f"corrupt or not a TrueType font ({exc})") from exc


def metrics_for(family: str, face: str, registry: FontRegistry | None = None) -> FontMetrics:
    """Metrics of exactly this registered face (no fallback; see FontRegistry.resolve)."""
    entry = (registry if registry is not None else default_registry()).lookup(family, face)
    return load_metrics(entry.path, face_key(entry.family, entry.face))


def metrics_for_key(key: str, registry: FontRegistry | None = None) -> FontMetrics:
    """Metrics for a face id made by face_key(), e.g. ``"PT Serif/Bold"``."""
    entry = (registry if registry is not None else default_registry()).lookup_key(key)
    return load_metrics(entry.path, entry.key)
