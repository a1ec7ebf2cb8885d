"""Engine stage: set broken lines: glue and glyph scale by the adjustment ratio,
letter-spacing, word x.

Glyph scaling follows pdfTeX's font expansion (Hàn Thế Thành, "Micro-typographic
extensions to the TeX typesetting system", PhD thesis, Masaryk University, Brno, 2000,
ch. 3 "Font expansion"): the boxes' expansion counts with the word spaces' stretch and
shrink, and one adjustment ratio sets both, so every glyph of a line gets the same
horizontal scale (a PDF `Tz` per line). Unlike pdfTeX's font instances in steps, the
scale is continuous (PDF's `Tz` and Qt's transform take any value).

Optical margin alignment (Thành 2000, ch. 2): the breaker has counted what a line's
first and last characters hang into the margins (`Line.lead`, `Line.hang`); the
setter places the material that far past the measure and moves the line left by
its lead (`_hang`, `_drawn_hang`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from kupang_layout.engine.compose_items import ComposerLike, Item, Piece, Segment, WordSpan
from kupang_layout.engine.compose_rules import PROTRUDE_LEFT, PROTRUDE_RIGHT
from kupang_layout.engine.displaylist import PlacedWord
from kupang_layout.engine.linebreak import Box, BreakResult, Glue, Penalty
from kupang_layout.engine.lines import ComposedLine, Fragment
from kupang_layout.model.styles import ResolvedParagraphStyle


def _letter_spaced(
    advances: tuple[float, ...], ls_em: float, size: float, scale: float = 1.0, width: float = 0.0
) -> tuple[tuple[float, ...], float]:
    """Advances scaled by `scale` with `ls_em` ems of letter-spacing after each
    character, and the width that adds (`width`: the advances' sum)."""
    count = float(len(advances))  # a float times a float: no generic multiplication
    if scale != 1.0:
        ls = ls_em * size
        return tuple([v * scale + ls for v in advances]), width * (scale - 1.0) + ls * count
    if not ls_em:
        return advances, 0.0
    ls = ls_em * size
    return tuple([v + ls for v in advances]), ls * count


def _hang(
    frags: list[tuple[int, list[PlacedWord]]],
    x: float,
    justified: bool,
    lead: float,
    h: float,
    ls: float,
) -> float:
    """Optical margin alignment, left side: the line's first character hangs into the
    left margin by its `compose_rules` protrusion of its drawn advance (`h`, `ls` as in
    `_drawn_hang`). On a justified line the breaker counted `lead` (pdfTeX's
    \\protrudechars=2: the line's material already reaches that much past the
    measure), less what a loose line gave back; the small difference to the drawn
    protrusion goes to the word spaces. A line that is not justified only moves left.
    An indented line does not hang. Returns where the line's material ends."""
    first = frags[0][1][0]
    if first.x != 0.0 or not first.text or not first.advances:
        return x
    factor = PROTRUDE_LEFT.get(first.text[0], 0.0)
    if not factor:
        return x
    drawn = first.advances[0]
    left = factor * drawn
    extra = 0.0
    if justified:
        natural = (drawn - ls) / h if h > 0 else drawn
        left = max(0.0, left - max(0.0, factor * natural - lead))
        extra = left - lead
    gaps = sum(len(ws) for _, ws in frags) - 1
    share = extra / gaps if gaps > 0 else 0.0
    k = 0
    for _, ws in frags:
        for j, w in enumerate(ws):
            ws[j] = PlacedWord(w.text, w.x - left + k * share, w.advances)
            k += 1
    return x - left + (extra if gaps > 0 else 0.0)


def _drawn_hang(last: PlacedWord, hang: float, h: float, ls: float, hyphen: bool) -> float:
    """How far the line's last character hangs as drawn: its protrusion times its drawn
    advance (glyph scale `h` and letter-spacing `ls` included, as pdfTeX expands the
    protrusion of an expanded font), less what a loose line gave back (`set_line`). The
    breaker counted the protrusion of the natural advance (`hang`); `hyphen`: the line
    ends with a hyphen added at a hyphenation point, drawn at its natural advance."""
    factor = PROTRUDE_RIGHT.get(last.text[-1], 0.0) if last.text else 0.0
    if not factor or not last.advances:
        return hang
    drawn = last.advances[-1]
    natural = drawn if hyphen else (drawn - ls) / h if h > 0 else drawn
    return max(0.0, factor * drawn - max(0.0, factor * natural - hang))


def _spread(frags: list[tuple[int, list[PlacedWord]]], x: float, extra: float) -> float:
    """Give `extra` width to the line's word spaces (its words move right by their share);
    returns where the line's material ends."""
    gaps = sum(len(ws) for _, ws in frags) - 1
    if gaps <= 0 or not extra:
        return x
    share = extra / gaps
    k = 0
    for _, ws in frags:
        for j, w in enumerate(ws):
            if k:
                ws[j] = PlacedWord(w.text, w.x + k * share, w.advances)
            k += 1
    return x + extra


class LineSetter:
    """Turns the breaker's lines into ComposedLines (x relative to the measure's left)."""

    def __init__(
        self,
        composer: ComposerLike,
        style: ResolvedParagraphStyle,
        segs: Sequence[Segment],
        items: Sequence[Item],
        pieces: dict[int, Piece],
        spans: dict[int, WordSpan] | None = None,
    ) -> None:
        self.c = composer
        self.style = style
        # As a tuple and a list: indexed by the compiled setter without the generic
        # sequence protocol (a Sequence's item is a method call).
        self.segs: tuple[Segment, ...] = tuple(segs)
        self.items: list[Item] = items if isinstance(items, list) else list(items)
        self.pieces = pieces
        self.spans = spans or {}
        self._starts = list(self.spans)  # in item order (spans are made in order)
        # The style's settings read for every line, read once: the resolved style is an
        # interpreted record, each of its attributes a dictionary lookup when compiled.
        self._alignment = style.alignment
        self._scale_max = style.glyph_scale_max
        self._scale_min = style.glyph_scale_min
        self._ls_max = style.letter_space_max
        self._ls_min = style.letter_space_min
        self._optical = style.optical_margin
        self._left_indent = style.left_indent
        # A face's ascent and descent in points, with the size they are for (`_vertical`).
        self._extents: dict[str, tuple[float, float, float]] = {}

    def set_lines(
        self,
        result: BreakResult,
        widths: Sequence[float],
        indents: Sequence[float] = (),
        continued: bool = False,
    ) -> list[ComposedLine]:
        """Set each line at its width (the last width repeats) and extra left indent.
        `continued`: the first line starts with the rest of a word broken above."""
        out: list[ComposedLine] = []
        n = len(result.lines)
        for li, line in enumerate(result.lines):
            out.append(
                self._set(
                    line.start,
                    line.break_index,
                    line.ratio,
                    line.letter_ratio,
                    widths[li] if li < len(widths) else widths[-1],
                    li == n - 1,
                    line.hyphenated,
                    indents[li] if li < len(indents) else 0.0,
                    continued,
                    line.hang,
                    line.lead,
                )
            )
            continued = line.hyphenated
        return out

    def _set(
        self,
        start: int,
        stop: int,
        ratio: float,
        letter_ratio: float,
        width: float,
        last: bool,
        hyphenated: bool,
        indent: float,
        continued: bool,
        hang: float = 0.0,
        lead: float = 0.0,
    ) -> ComposedLine:
        items = self.items
        pieces = self.pieces
        segs = self.segs
        alignment = self._alignment
        # A paragraph's last line is set at its natural width, unless the breaker made
        # it shrink (as TeX does: the finishing glue only stretches).
        justify = alignment == "justify" and (not last or ratio < 0)
        # Skip what a break discards at the start of a line (glue, penalties).
        a = start
        while a < stop and type(items[a]) is not Box:
            a += 1
        brk = items[stop] if stop < len(items) else None
        hyphen_width = brk.width if isinstance(brk, Penalty) else 0.0
        glue_r = ratio if justify else 0.0
        letter_r = letter_ratio if justify else 0.0
        if abs(letter_r) > 1.0:
            glue_r, letter_r = self._cap_letters(a, stop, glue_r, letter_r)
        # Glyph scaling takes its share of the first tier at the same ratio as the glue.
        h = 1.0
        if glue_r and (self._scale_max > 100.0 or self._scale_min < 100.0):
            h, glue_r = self._glyph_scale(a, stop, glue_r)
        # Letter-spacing per character, the same for every box of a segment.
        ls_em = 0.0
        if letter_r > 0:
            ls_em = letter_r * max(0.0, self._ls_max) / 100.0
        elif letter_r < 0:
            ls_em = letter_r * max(0.0, -self._ls_min) / 100.0
        # Place the boxes; sum the line's flexibility on the way (for its ratio).
        frags: list[tuple[int, list[PlacedWord]]] = []
        x = nat = flex_y = flex_z = 0.0
        cur_word = cur_seg = -1
        words = 0
        spans = self.spans
        i = a
        while i < stop:
            it = items[i]
            if isinstance(it, Penalty):
                i += 1
                continue
            if isinstance(it, Glue):
                w, y, z = it.width, it.stretch, it.shrink
                nat += w
                flex_y += y
                flex_z += z
                x += w + (glue_r * y if glue_r >= 0 else glue_r * z)
                cur_word = -1
                i += 1
                continue
            span = spans.get(i)
            if span is not None and span.end <= stop:
                # A word not broken on this line: placed whole, its inner breaks skipped.
                si = span.seg
                r = span.recipe
                nat += r.width
                flex_y += r.stretch + r.xstretch
                flex_z += r.shrink + r.xshrink
                adv, spacing = _letter_spaced(r.advances, ls_em, segs[si].size, h, r.width)
                words += 1
                if not frags or frags[-1][0] != si:
                    frags.append((si, []))
                frags[-1][1].append(PlacedWord(r.text, x, adv))
                cur_word, cur_seg = span.word, si
                x += r.width + spacing
                i = span.end
                continue
            i += 1
            w, y, z = it.width, it.stretch + it.xstretch, it.shrink + it.xshrink
            nat += w
            flex_y += y
            flex_z += z
            piece = pieces.get(i - 1) or self._piece_in_span(i - 1)
            if piece is None:  # the first-line indent box
                x += w
                continue
            si = piece.seg
            adv, spacing = _letter_spaced(piece.advances, ls_em, segs[si].size, h, w)
            if piece.word == cur_word and si == cur_seg:
                ws = frags[-1][1]
                prev = ws[-1]
                ws[-1] = PlacedWord(prev.text + piece.text, prev.x, prev.advances + adv)
            else:
                if piece.word != cur_word:
                    words += 1
                if not frags or frags[-1][0] != si:
                    frags.append((si, []))
                frags[-1][1].append(PlacedWord(piece.text, x, adv))
            cur_word, cur_seg = piece.word, si
            x += w + spacing
        if hyphen_width > 0 and frags:
            # The break's width is the hyphen and the change of kerning before it
            # (`compose_items`): the last letter gets that change, the hyphen its advance.
            seg = segs[frags[-1][0]]
            hyphen = self.c.metrics(seg.face).hyphen_advance(seg.size)
            ws = frags[-1][1]
            tail = ws[-1]
            end = tail.advances[-1] + hyphen_width - hyphen
            ws[-1] = PlacedWord(tail.text + "-", tail.x, (*tail.advances[:-1], end, hyphen))
            x += hyphen_width
            nat += hyphen_width
        # A justified line reaches past the measure by what its first and last characters
        # hang into the margins (`lead`, `hang`: the breaker's); judged before the first
        # one moves left.
        if not justify:
            hang = lead = 0.0
        reach = width + hang + lead
        overfull = x > reach + 0.01
        if hang > 0 and frags:
            size = segs[frags[-1][0]].size
            drawn = _drawn_hang(frags[-1][1][-1], hang, h, ls_em * size, hyphen_width > 0)
            x = _spread(frags, x, drawn - hang)
        if self._optical and alignment == "justify" and frags:
            ls = ls_em * segs[frags[0][0]].size
            x = _hang(frags, x, justify, lead, h, ls)
        total_r = 0.0
        if justify:
            slack = reach - nat
            if slack >= 0:
                total_r = slack / flex_y if flex_y > 0 else 0.0
            else:
                total_r = slack / flex_z if flex_z > 0 else -1.0e9
        # Alignment inside the measure.
        offset = self._left_indent + indent
        free = width - x
        if alignment == "right":
            offset += free
        elif alignment == "center":
            offset += free / 2.0
        fragments = tuple(
            Fragment(
                segs[si].face, segs[si].size, segs[si].ink, tuple(ws), ls_em * segs[si].size, h
            )
            for si, ws in frags
        )
        ascent, descent = self._vertical(fragments)
        if continued and words:
            words -= 1
        return ComposedLine(
            fragments=fragments,
            x_offset=offset,
            width=x,
            ascent=ascent,
            descent=descent,
            ratio=total_r,
            word_ratio=glue_r,
            justified=justify,
            hyphenated=hyphenated,
            word_count=words,
            break_item=stop,
            overfull=overfull,
        )

    def _piece_in_span(self, i: int) -> Piece | None:
        """The piece of a word of one segment that box i stands for (a word broken
        across lines is placed piece by piece)."""
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            return None
        span = self.spans[self._starts[k]]
        if i >= span.end:
            return None
        m = span.recipe.materials.get(i - span.first)
        return None if m is None else Piece(span.seg, m.text, m.advances, span.word)

    def _glyph_scale(self, a: int, stop: int, glue_r: float) -> tuple[float, float]:
        """(horizontal glyph scale, word-space ratio) for a line whose first tier (word
        spaces and glyph scaling) is set at `glue_r`. Past the tier's limit (|r| > 1,
        a last-resort line) the glyphs stay at their limit and the word spaces take
        the rest."""
        st = self.style
        up = glue_r > 0
        limit = (st.glyph_scale_max - 100.0 if up else 100.0 - st.glyph_scale_min) / 100.0
        limit = max(0.0, limit)
        if abs(glue_r) <= 1.0:
            return 1.0 + glue_r * limit, glue_r
        glue = boxes = 0.0
        for i in range(a, stop):
            it = self.items[i]
            if isinstance(it, Glue):
                glue += it.stretch if up else it.shrink
            elif isinstance(it, Box):
                boxes += it.xstretch if up else it.xshrink
        sign = 1.0 if up else -1.0
        if glue <= 0:
            return 1.0 + sign * limit, glue_r
        return 1.0 + sign * limit, (glue_r * (glue + boxes) - sign * boxes) / glue

    def _cap_letters(
        self, a: int, stop: int, glue_r: float, letter_r: float
    ) -> tuple[float, float]:
        """Keep letter-spacing inside the style's range; the word spaces take the rest.

        The breaker's last-resort pass may report a line looser (or tighter) than
        both tiers allow; the excess goes to the word spaces, never to the letters.
        """
        wy = wz = ly = lz = 0.0
        for i in range(a, stop):
            it = self.items[i]
            if isinstance(it, Glue):
                wy += it.stretch
                wz += it.shrink
            elif not isinstance(it, Penalty):
                ly += it.stretch
                lz += it.shrink
                wy += it.xstretch
                wz += it.xshrink
        capped = max(-1.0, min(1.0, letter_r))
        if letter_r > 0:
            extra = (letter_r - capped) * ly
            glue_r = glue_r + extra / wy if wy > 0 else glue_r
        else:
            extra = (capped - letter_r) * lz
            glue_r = glue_r - extra / wz if wz > 0 else glue_r
        return glue_r, capped

    def _vertical(self, fragments: Sequence[Fragment]) -> tuple[float, float]:
        if not fragments:
            size = self.style.size
            m = self.c.metrics(f"{self.style.font_family}/{self.style.font_face}")
            return m.to_points(m.ascender, size), -m.to_points(m.descender, size)
        asc = desc = 0.0
        extents = self._extents
        for f in fragments:
            got = extents.get(f.face)
            if got is None or got[0] != f.size:
                m = self.c.metrics(f.face)
                got = (f.size, m.to_points(m.ascender, f.size), -m.to_points(m.descender, f.size))
                extents[f.face] = got
            asc = max(asc, got[1])
            desc = max(desc, got[2])
        return asc, desc
