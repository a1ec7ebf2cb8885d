"""PDF render stage: the bundled TrueType faces registered with ReportLab under their face keys."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from kupang_layout.fonts import FontError, FontRegistry, default_registry
from kupang_layout.render.pdf.errors import PdfExportError

__all__ = ["SLUG_FACE", "pdf_font"]

#: The face of the slug line printed with the printer's marks.
SLUG_FACE = "Roboto Condensed/Regular"

_lock = threading.Lock()
_registered: dict[str, TTFont] = {}


def pdf_font(face: str, registry: FontRegistry | None = None) -> TTFont:
    """The ReportLab font for a face key ('PT Serif/Bold'), registered once per process.

    ReportLab embeds it as a TrueType subset holding only the glyphs used.
    """
    font = _registered.get(face)
    if font is not None:
        return font
    with _lock:
        font = _registered.get(face)
        if font is not None:
            return font
        try:
            entry = (registry or default_registry()).lookup_key(face)
        except FontError as exc:
            raise PdfExportError(f"cannot embed font {face!r}: {exc}") from exc
        try:
            # Shaping is off: the engine has placed every glyph already.
            font = TTFont(face, str(entry.path), shapable=False, asciiReadable=False)
        except (TTFError, OSError) as exc:
            raise PdfExportError(f"cannot embed font {face!r} from {entry.path}: {exc}") from exc
        pdfmetrics.registerFont(font)
        _registered[face] = font
        return font
