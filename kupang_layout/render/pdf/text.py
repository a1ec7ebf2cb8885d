"""PDF render stage: text runs as PDF text operators, each word at the engine's position.

Nothing is measured here: every word starts where the engine put it. Within a word the
viewer advances each glyph by the width in the embedded font's widths array plus the
character spacing (Tc = the run's letter-spacing); when the engine's advance for a
character differs from that (kerning, rounding), a TJ adjustment corrects it. A run
with glyph scaling sets the horizontal scale `Tz` (PDF 1.3 reference, §5.2.3): it
scales the glyphs, their widths, Tc and the TJ numbers alike, so Tc and the TJ numbers
are divided by the scale; word positions (Tm, Td) are not scaled.
"""

from __future__ import annotations

from itertools import repeat

from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.engine.displaylist import TextRun

__all__ = ["TextWriter", "num"]

# Adjustments smaller than this (points) are not worth a TJ number.
_TOLERANCE = 0.0005


def num(value: float) -> str:
    """A PDF number with at most three decimals and no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class TextWriter:
    """Emits TextRuns into one canvas (one writer per document: subsets are per document)."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        # ReportLab's document object owns the per-document subset assignments.
        self._doc = canvas._doc
        # (font, size, spacing, text, advances) -> [(subset, 'Tj' or 'TJ' operation)]
        self._words: dict[tuple[object, ...], list[tuple[int, str]]] = {}
        self._widths: dict[str, tuple[dict[int, float], float]] = {}
        self._char_spacing: float | None = None

    def reset_state(self) -> None:
        """Forget the character spacing: the next run sets it (new page, unknown state)."""
        self._char_spacing = None

    def _font_widths(self, font: TTFont) -> tuple[dict[int, float], float]:
        found = self._widths.get(font.fontName)
        if found is None:
            face = font.face
            found = (face.charWidths, float(face.defaultWidth))
            self._widths[font.fontName] = found
        return found

    def _adjustments(
        self,
        font: TTFont,
        text: str,
        advances: tuple[float, ...],
        size: float,
        spacing: float,
        scale: float = 1.0,
    ) -> list[float] | None:
        """TJ numbers after each character (None when the font's advances agree); under
        a horizontal scale the viewer advances (w * size / 1000 + Tc - TJ * size / 1000)
        * scale, with Tc = spacing / scale."""
        if len(advances) != len(text) or len(text) < 2:
            return None
        widths, default_width = self._font_widths(font)
        per_unit = size / 1000.0
        codes = [32 if ch == "\u00a0" else ord(ch) for ch in text]
        # The advance after the last character does not matter: the next word is placed
        # on its own.
        glyph_unit = per_unit * scale
        diffs = [
            a - w * glyph_unit - spacing
            for a, w in zip(
                advances[:-1], map(widths.get, codes[:-1], repeat(default_width)), strict=True
            )
        ]
        if max(diffs) <= _TOLERANCE and min(diffs) >= -_TOLERANCE:
            return None
        inverse = -1000.0 / (size * scale)
        return [d * inverse if abs(d) > _TOLERANCE else 0.0 for d in diffs] + [0.0]

    def _word_ops(
        self,
        font: TTFont,
        text: str,
        advances: tuple[float, ...],
        size: float,
        spacing: float,
        scale: float = 1.0,
    ) -> list[tuple[int, str]]:
        """The show-text operations of one word, per font subset (cached per document)."""
        key = (font.fontName, size, spacing, text, advances, scale)
        found = self._words.get(key)
        if found is not None:
            return found
        adjust = self._adjustments(font, text, advances, size, spacing, scale)
        found = []
        index = 0
        for subset, data in font.splitString(text, self._doc):
            if adjust is None:
                found.append((subset, f"<{data.hex()}> Tj"))
            else:
                parts: list[str] = []
                start = 0
                for j in range(len(data)):
                    value = adjust[index + j]
                    if value != 0.0:
                        parts.append(f"<{data[start : j + 1].hex()}> {num(value)}")
                        start = j + 1
                if start < len(data):
                    parts.append(f"<{data[start:].hex()}>")
                found.append((subset, f"[{' '.join(parts)}] TJ"))
            index += len(data)
        self._words[key] = found
        return found

    def run_code(self, run: TextRun, font: TTFont, x0: float, baseline: float) -> str:
        """The operators (BT .. ET) drawing `run`; x0 and baseline map page to PDF space."""
        size = run.size
        if size <= 0 or not run.words:
            return ""
        spacing = run.letter_spacing
        # The scale as written (three decimals of a percent), so the TJ numbers fit it.
        scale = round(run.h_scale * 100.0, 3) / 100.0 if run.h_scale > 0 else 1.0
        char_spacing = spacing / scale
        ops: list[str] = ["BT"]
        if self._char_spacing is None or abs(char_spacing - self._char_spacing) > 1e-9:
            ops.append(f"{num(char_spacing)} Tc")
            self._char_spacing = char_spacing
        if scale != 1.0:
            ops.append(f"{num(scale * 100.0)} Tz")
        y = f"{baseline:.3f}"
        size_text = num(size)
        current_subset = -1
        previous_x: float | None = None
        word_ops = self._word_ops
        for word in run.words:
            text = word.text
            if not text:
                continue
            x = round(x0 + word.x, 3)
            if previous_x is None:
                ops.append(f"1 0 0 1 {x:.3f} {y} Tm")
            else:
                ops.append(f"{x - previous_x:.3f} 0 Td")
            previous_x = x
            for subset, show in word_ops(font, text, word.advances, size, spacing, scale):
                if subset != current_subset:
                    name = font.getSubsetInternalName(subset, self._doc)
                    ops.append(f"{name} {size_text} Tf")
                    current_subset = subset
                ops.append(show)
        if scale != 1.0:
            ops.append("100 Tz")  # other text on the page is not scaled
        ops.append("ET")
        return " ".join(ops)
