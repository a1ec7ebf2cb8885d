"""Fonts stage: a face's kerning pairs read from its GPOS `kern` feature or its `kern` table.

What HarfBuzz (the reference shaper) applies to a pair of characters of one word in
Latin script, flattened into a table of pairs: the pair-adjustment lookups (GPOS
lookup type 2, formats 1 and 2, class-based pairs included, through extension
lookups) that the `kern` feature of the `latn` (else `DFLT`) script's default
language system lists, each lookup applied as HarfBuzz does (its subtables in order,
the first that matches the pair wins; a class-based subtable matches every pair
whose first glyph it covers), the lookups' values summed. A face without a GPOS
`kern` feature uses its TrueType `kern` table (format 0), as HarfBuzz does.

Only the first glyph's x-advance (Value1.XAdvance) is read: that is all the
Latin fonts we ship use for kerning. Pairs are kept for the characters a Latin
newspaper sets (Basic Latin to Latin Extended-B, general punctuation, currency
signs), keyed by the two characters as a string, in font units, zeros left out.
`tests/fonts/test_kerning.py` checks the table against uharfbuzz's shaping.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

__all__ = ["KERN_REPERTOIRE", "in_repertoire", "read_kerning"]

#: Code point ranges whose pairs are kept.
KERN_REPERTOIRE: Final = ((0x20, 0x24F), (0x2010, 0x205F), (0x20A0, 0x20BF))

_PAIR_ADJUSTMENT: Final = 2
_EXTENSION: Final = 9


def in_repertoire(code: int) -> bool:
    """True if pairs with this character are kept in the kerning table."""
    return any(lo <= code <= hi for lo, hi in KERN_REPERTOIRE)


def _kern_lookups(gpos: Any) -> list[int]:
    """Indexes of the lookups of the `kern` feature of latn's (else DFLT's) default LangSys."""
    scripts = {rec.ScriptTag: rec.Script for rec in gpos.ScriptList.ScriptRecord}
    script = scripts.get("latn") or scripts.get("DFLT")
    if script is None or script.DefaultLangSys is None:
        return []
    features = gpos.FeatureList.FeatureRecord
    lookups: list[int] = []
    for fi in script.DefaultLangSys.FeatureIndex:
        rec = features[fi]
        if rec.FeatureTag == "kern":
            lookups.extend(rec.Feature.LookupListIndex)
    return sorted(set(lookups))


def _subtables(lookup: Any) -> Iterable[Any]:
    for sub in lookup.SubTable:
        if lookup.LookupType == _EXTENSION:
            if sub.ExtensionLookupType != _PAIR_ADJUSTMENT:
                continue
            sub = sub.ExtSubTable
        elif lookup.LookupType != _PAIR_ADJUSTMENT:
            continue
        yield sub


def _x_advance(value: Any) -> int:
    return int(getattr(value, "XAdvance", 0) or 0) if value is not None else 0


def _apply_lookup(
    lookup: Any, glyphs: dict[str, list[str]], out: dict[tuple[str, str], int]
) -> None:
    """Add one lookup's adjustments to `out` (glyph pairs); first matching subtable wins."""
    done: set[tuple[str, str]] = set()
    names = list(glyphs)
    for sub in _subtables(lookup):
        covered = sub.Coverage.glyphs
        if sub.Format == 1:
            for first, pair_set in zip(covered, sub.PairSet, strict=False):
                if first not in glyphs:
                    continue
                for rec in pair_set.PairValueRecord:
                    key = (first, rec.SecondGlyph)
                    if rec.SecondGlyph not in glyphs or key in done:
                        continue
                    done.add(key)
                    value = _x_advance(rec.Value1)
                    if value:
                        out[key] = out.get(key, 0) + value
        elif sub.Format == 2:
            class1 = sub.ClassDef1.classDefs
            class2 = sub.ClassDef2.classDefs
            rows = sub.Class1Record
            for first in covered:
                if first not in glyphs:
                    continue
                row = rows[class1.get(first, 0)].Class2Record
                for second in names:
                    key = (first, second)
                    if key in done:
                        continue
                    done.add(key)
                    c2 = class2.get(second, 0)
                    value = _x_advance(row[c2].Value1) if c2 < len(row) else 0
                    if value:
                        out[key] = out.get(key, 0) + value


def _gpos_pairs(font: TTFont, glyphs: dict[str, list[str]]) -> dict[tuple[str, str], int] | None:
    if "GPOS" not in font:
        return None
    gpos = font["GPOS"].table
    if gpos.ScriptList is None or gpos.FeatureList is None or gpos.LookupList is None:
        return None
    indexes = _kern_lookups(gpos)
    if not indexes:
        return None
    out: dict[tuple[str, str], int] = {}
    for li in indexes:
        _apply_lookup(gpos.LookupList.Lookup[li], glyphs, out)
    return out


def _kern_table_pairs(font: TTFont, glyphs: dict[str, list[str]]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    if "kern" not in font:
        return out
    for table in font["kern"].kernTables:
        if getattr(table, "format", None) != 0 or not getattr(table, "coverage", 1) & 1:
            continue  # only horizontal format-0 subtables
        for (left, right), value in table.kernTable.items():
            if left in glyphs and right in glyphs and value:
                out[(left, right)] = out.get((left, right), 0) + int(value)
    return out


def read_kerning(font: TTFont, cmap: dict[int, str]) -> dict[str, int]:
    """Kerning of the face's character pairs in font units, keyed by the two characters."""
    glyphs: dict[str, list[str]] = {}
    for code, name in sorted(cmap.items()):
        if in_repertoire(code):
            glyphs.setdefault(name, []).append(chr(code))
    by_glyph = _gpos_pairs(font, glyphs)
    if by_glyph is None:
        by_glyph = _kern_table_pairs(font, glyphs)
    pairs: dict[str, int] = {}
    for (left, right), value in by_glyph.items():
        if not value:
            continue
        for a in glyphs[left]:
            for b in glyphs[right]:
                pairs[a + b] = value
    return pairs
