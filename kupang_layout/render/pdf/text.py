"""PDF render stage: text runs as PDF text operators, each word at the engine's position.

Nothing is measured here: every word starts where the engine put it. Within a word the
viewer advances each glyph by the width in the embedded font's widths array plus the
character spacing (Tc = the run's letter-spacing); when the engine's advance for a
character differs from that (kerning, rounding), a TJ adjustment corrects it. A run
with glyph scaling sets the horizontal scale `Tz` (PDF 1.3 reference, §5.2.3): it
scales the glyphs, their widths, Tc and the TJ numbers alike, so Tc and the TJ numbers
are divided by the scale; word positions (Tm, Td) are not scaled.

Speed: a page has about a thousand words, so the per-word work is kept small. Each
character is looked up once per document and font (`_FaceCodes`: its code in the
subset ReportLab assigned and its width); a word whose characters all lie in one
subset (nearly all) is encoded in one `str.translate` (each character to its code's
hex digits). Each advance is checked against the font's width in a plain loop (compiled:
native floats), a word placed and shown is one string, and a position is rounded to
thousandths without `round`'s decimal conversion where that cannot change the float.
"""

from __future__ import annotations

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


def _thousandths(value: float) -> float:
    """`round(value, 3)`, the same float, without its decimal conversion where it
    cannot differ: value * 1000 is then within far less than 1e-6 of the exact product,
    so when that lies more than 1e-6 from a half the nearest whole number is the one
    `round` takes, and k / 1000 is the float nearest k thousandths, as `round` returns."""
    scaled = value * 1000.0
    if 1.0 <= scaled < 1e9 and abs(scaled - int(scaled) - 0.5) > 1e-6:
        return int(scaled + 0.5) / 1000.0
    return round(value, 3)


class _FaceCodes:
    """One font's characters in one document: the subset and code ReportLab assigned to
    each (its own `splitString` assigns them, in the order they are first shown), the
    glyph's width in the font's widths array (thousandths of the size), and each word
    shown so far encoded (`_Encoded`)."""

    __slots__ = ("_doc", "_font", "codes", "default_width", "first", "widths", "words")

    def __init__(self, font: TTFont, doc: object) -> None:
        self._font = font
        self._doc = doc
        self.codes: dict[str, tuple[int, int]] = {}
        # The characters in subset 0 by code point, each as its code's two hex digits
        # (a table for `str.translate`).
        self.first: dict[int, str] = {}
        self.widths: dict[str, float] = {}
        self.words: dict[str, _Encoded] = {}
        self.default_width = float(font.face.defaultWidth)

    def add(self, chars: str) -> None:
        """Assign each of `chars` (new, different characters) its code and remember its
        width: one call of ReportLab's subset assignment, which assigns them in order as
        one call per character would."""
        pairs = [(subset, code) for subset, data in self._font.splitString(chars, self._doc)
                 for code in data]  # fmt: skip
        char_widths = self._font.face.charWidths
        for ch, found in zip(chars, pairs, strict=True):
            self.codes[ch] = found
            if found[0] == 0:
                self.first[ord(ch)] = f"{found[1]:02x}"
            code = 32 if ch == "\u00a0" else ord(ch)
            self.widths[ch] = float(char_widths.get(code, self.default_width))

    def encode(self, text: str) -> _Encoded:
        """The word's chunks (one per subset: subset, codes in hex, '<hex> Tj') and the
        widths of all its characters but the last."""
        widths = self.widths
        # Every character known and in the first subset, as nearly always: each became
        # two hex digits (a character the table lacks stays one).
        hexed = text.translate(self.first)
        if len(hexed) == 2 * len(text):
            found: _Encoded = (
                ((0, hexed, f"<{hexed}> Tj"),),
                [widths[ch] for ch in text[:-1]],
            )
            self.words[text] = found
            return found
        codes = self.codes
        new = "".join(ch for ch in dict.fromkeys(text) if ch not in codes)
        if new:
            self.add(new)
        entries = [codes[ch] for ch in text]
        chunks: list[tuple[int, str, str]] = []
        start = 0
        count = len(entries)
        while start < count:  # one chunk per subset (almost always one)
            subset = entries[start][0]
            end = start + 1
            while end < count and entries[end][0] == subset:
                end += 1
            data = bytes([e[1] for e in entries[start:end]]).hex()
            chunks.append((subset, data, f"<{data}> Tj"))
            start = end
        found = (tuple(chunks), [widths[ch] for ch in text[:-1]])
        self.words[text] = found
        return found


# A word as shown: its chunks per subset (subset, codes as hex digits, plain show
# operation) and the font's widths of its characters but the last.
_Encoded = tuple[tuple[tuple[int, str, str], ...], list[float]]


def _adjusted(
    chunks: tuple[tuple[int, str, str], ...], adjust: list[float]
) -> list[tuple[int, str]]:
    """TJ operations: each chunk's codes with the adjustment after each character."""
    out: list[tuple[int, str]] = []
    index = 0
    for subset, data, _ in chunks:
        parts: list[str] = []
        cut = 0
        count = len(data) // 2
        for j in range(count):
            value = adjust[index + j] if index + j < len(adjust) else 0.0
            if value != 0.0:
                parts.append(f"<{data[2 * cut : 2 * j + 2]}> {num(value)}")
                cut = j + 1
        if cut < count:
            parts.append(f"<{data[2 * cut :]}>")
        out.append((subset, f"[{' '.join(parts)}] TJ"))
        index += count
    return out


class TextWriter:
    """Emits TextRuns into one canvas (one writer per document: subsets are per document)."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        # ReportLab's document object owns the per-document subset assignments.
        self._doc = canvas._doc
        self._faces: dict[str, _FaceCodes] = {}
        self._names: dict[tuple[str, int], str] = {}
        self._char_spacing: float | None = None

    def reset_state(self) -> None:
        """Forget the character spacing: the next run sets it (new page, unknown state)."""
        self._char_spacing = None

    def _face(self, font: TTFont) -> _FaceCodes:
        found = self._faces.get(font.fontName)
        if found is None:
            found = _FaceCodes(font, self._doc)
            self._faces[font.fontName] = found
        return found

    def _subset_name(self, font: TTFont, subset: int) -> str:
        key = (font.fontName, subset)
        name = self._names.get(key)
        if name is None:
            name = font.getSubsetInternalName(subset, self._doc)
            self._names[key] = name
        return name

    def run_code(self, run: TextRun, font: TTFont, x0: float, baseline: float) -> str:
        """The operators (BT .. ET) drawing `run`; x0 and baseline map page to PDF space.

        TJ numbers follow each character whose advance differs from the font's (a
        plain Tj when all agree); under a horizontal scale the viewer advances (w *
        size / 1000 + Tc - TJ * size / 1000) * scale, with Tc = spacing / scale. The
        advance after a word's last character does not matter: the next word is
        placed on its own."""
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
        previous_x = 0.0
        first = True
        append = ops.append
        face = self._face(font)
        encoded = face.words
        glyph_unit = size / 1000.0 * scale
        inverse = -1000.0 / (size * scale)
        high, low = spacing + _TOLERANCE, spacing - _TOLERANCE
        for word in run.words:
            text = word.text
            if not text:
                continue
            x = _thousandths(x0 + word.x)
            if first:
                place = f"1 0 0 1 {x:.3f} {y} Tm"
                first = False
            else:
                place = f"{x - previous_x:.3f} 0 Td"
            previous_x = x
            found = encoded.get(text)
            chunks, widths = found if found is not None else face.encode(text)
            advances = word.advances
            plain = True
            if widths and len(advances) == len(text):
                # Each advance but the last against the font's width plus the character
                # spacing, within the tolerance.
                for i in range(len(widths)):
                    rest = advances[i] - widths[i] * glyph_unit
                    if rest > high or rest < low:
                        plain = False
                        break
            if plain:
                if len(chunks) == 1 and chunks[0][0] == current_subset:
                    append(f"{place} {chunks[0][2]}")  # the common case: one operation
                    continue
                append(place)
                for subset, _, show in chunks:
                    if subset != current_subset:
                        append(f"{self._subset_name(font, subset)} {size_text} Tf")
                        current_subset = subset
                    append(show)
            else:
                append(place)
                diffs = [
                    a - w * glyph_unit - spacing for a, w in zip(advances[:-1], widths, strict=True)
                ]
                adjust = [d * inverse if abs(d) > _TOLERANCE else 0.0 for d in diffs]
                for subset, show in _adjusted(chunks, adjust):
                    if subset != current_subset:
                        append(f"{self._subset_name(font, subset)} {size_text} Tf")
                        current_subset = subset
                    append(show)
        if scale != 1.0:
            append("100 Tz")  # other text on the page is not scaled
        append("ET")
        return " ".join(ops)
