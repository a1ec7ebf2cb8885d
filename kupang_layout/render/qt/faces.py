"""Render stage (Qt): the bundled faces as Qt raw fonts at a large reference size.

Qt gets page text subtly wrong unless told exactly what to do: it rounds a
font's pixel size to a whole pixel, kerns and forms ligatures by default, and a
family name may pick a system copy of a face. So every face is loaded from its
bundled TrueType file, opened once at REFERENCE_PX pixels with hinting,
kerning and ligatures off, and drawn under a scale transform; glyphs are
placed one by one at the x the engine computed (the font's kerning is already
in the engine's advances), so Qt never measures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QPainterPath, QRawFont

from kupang_layout.fonts import FontError, default_registry

#: Pixel size the raw fonts are opened at; glyphs are drawn scaled by size / REFERENCE_PX.
REFERENCE_PX = 1000


class QtFontError(RuntimeError):
    """A bundled face could not be loaded into Qt."""


@dataclass
class QtFace:
    """One face ready for drawing: the raw font and cached glyph outlines.

    `raw` comes from QRawFont.fromFont (it draws at any size). When the face Qt
    picked is not the bundled file (a system copy of another version), `raw` is
    the file's own raw font and `outlines_only` is set: glyphs are then drawn as
    cached outlines, because a raw font opened from a file draws nothing above
    64 px.
    """

    key: str
    path: Path
    raw: QRawFont
    outlines_only: bool = False
    _paths: dict[int, QPainterPath] = field(default_factory=dict, repr=False)
    _glyphs: dict[str, int] = field(default_factory=dict, repr=False)

    def glyph_indexes(self, text: str) -> list[int]:
        """One glyph index per character of `text` (cmap only: no shaping)."""
        out: list[int] = []
        missing = [ch for ch in text if ch not in self._glyphs]
        if missing:
            for ch in set(missing):
                idx = self.raw.glyphIndexesForString(ch)
                self._glyphs[ch] = int(idx[0]) if len(idx) == 1 else 0
        for ch in text:
            out.append(self._glyphs[ch])
        return out

    def outline(self, glyph: int) -> QPainterPath:
        """The glyph's outline at REFERENCE_PX, origin on the baseline."""
        path = self._paths.get(glyph)
        if path is None:
            path = self.raw.pathForGlyph(glyph)
            self._paths[glyph] = path
        return path


def _font_for(family: str, face: str) -> QFont:
    font = QFont(family)
    font.setStyleName(face)
    font.setPixelSize(REFERENCE_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    font.setFeature(QFont.Tag("liga"), 0)
    font.setFeature(QFont.Tag("kern"), 0)
    font.setStyleStrategy(
        QFont.StyleStrategy(
            QFont.StyleStrategy.NoFontMerging.value | QFont.StyleStrategy.PreferOutline.value
        )
    )
    return font


def _same_table(a: QRawFont, b: QRawFont, tag: str) -> bool:
    ta, tb = a.fontTable(tag).data(), b.fontTable(tag).data()
    return bool(ta) and ta == tb


class QtFaces:
    """Face key ('PT Serif/Bold') -> QtFace, loading each bundled file once."""

    def __init__(self) -> None:
        self._faces: dict[str, QtFace] = {}
        self._registered: set[Path] = set()

    def _register_all(self) -> None:
        # Every face of the registry goes in first, so setStyleName can pick among them.
        for entry in default_registry().entries():
            if entry.path in self._registered:
                continue
            if QFontDatabase.addApplicationFont(str(entry.path)) < 0:
                raise QtFontError(f"Qt could not load the font file {entry.path}")
            self._registered.add(entry.path)

    def face(self, key: str) -> QtFace:
        """The face for a display-list face key; raises QtFontError if unknown."""
        got = self._faces.get(key)
        if got is not None:
            return got
        try:
            entry = default_registry().lookup_key(key)
        except (FontError, ValueError) as exc:
            raise QtFontError(f"unknown face {key!r}: {exc}") from exc
        self._register_all()
        from_file = QRawFont(str(entry.path), REFERENCE_PX, QFont.HintingPreference.PreferNoHinting)
        if not from_file.isValid():
            raise QtFontError(f"Qt could not read the font file {entry.path}")
        raw = QRawFont.fromFont(_font_for(entry.family, entry.face))
        # Check that Qt chose the bundled file itself: 'head' holds the file's
        # checksum and dates, 'hmtx' the advances the engine used.
        if (
            raw.isValid()
            and _same_table(raw, from_file, "head")
            and _same_table(raw, from_file, "hmtx")
        ):
            qt_face = QtFace(key, entry.path, raw)
        else:
            qt_face = QtFace(key, entry.path, from_file, outlines_only=True)
        self._faces[key] = qt_face
        return qt_face


_DEFAULT: QtFaces | None = None


def default_faces() -> QtFaces:
    """The process-wide face cache (needs a QGuiApplication)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = QtFaces()
    return _DEFAULT
