"""Engine stage: set broken lines: glue by the adjustment ratio, letter-spacing, word x."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kupang_layout.engine.compose_items import ComposerLike, Item, Piece, Segment
from kupang_layout.engine.displaylist import PlacedWord
from kupang_layout.engine.linebreak import BreakResult, Glue, Penalty
from kupang_layout.engine.lines import ComposedLine, Fragment
from kupang_layout.model.styles import ResolvedParagraphStyle


class LineSetter:
    """Turns the breaker's lines into ComposedLines (x relative to the measure's left)."""

    def __init__(
        self,
        composer: ComposerLike,
        style: ResolvedParagraphStyle,
        segs: Sequence[Segment],
        items: Sequence[Item],
        pieces: dict[int, Piece],
    ) -> None:
        self.c = composer
        self.style = style
        self.segs = segs
        self.items = items
        self.pieces = pieces

    def set_lines(
        self, result: BreakResult, widths: Sequence[float], indents: Sequence[float] = ()
    ) -> list[ComposedLine]:
        """Set each line at its width (the last width repeats) and extra left indent."""
        out: list[ComposedLine] = []
        n = len(result.lines)
        continued = False  # the line starts with the rest of a word broken above
        for li, line in enumerate(result.lines):
            last = li == n - 1
            width = widths[li] if li < len(widths) else widths[-1]
            set_line = self._set(line.start, line.break_index, line.ratio, line.letter_ratio,
                                 width, last, line.hyphenated)  # fmt: skip
            if li < len(indents) and indents[li]:
                set_line = replace(set_line, x_offset=set_line.x_offset + indents[li])
            if continued and set_line.word_count:
                set_line = replace(set_line, word_count=set_line.word_count - 1)
            out.append(set_line)
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
    ) -> ComposedLine:
        items = self.items
        st = self.style
        justify = st.alignment == "justify" and not last
        # Skip what a break discards at the start of a line (glue, penalties).
        a = start
        while a < stop and not self._is_box(a):
            a += 1
        brk = items[stop] if stop < len(items) else None
        hyphen_width = brk.width if isinstance(brk, Penalty) else 0.0
        glue_r = ratio if justify else 0.0
        letter_r = letter_ratio if justify else 0.0
        total_r = 0.0
        if justify:
            total_r = self._total_ratio(a, stop, width, hyphen_width)
        if abs(letter_r) > 1.0:
            glue_r, letter_r = self._cap_letters(a, stop, glue_r, letter_r)
        # Place the boxes.
        frags: list[tuple[int, list[PlacedWord]]] = []
        x = 0.0
        cur_word = -1
        cur_seg = -1
        ls_for: dict[int, float] = {}
        words = 0
        for i in range(a, stop):
            it = items[i]
            if isinstance(it, Glue):
                x += it.width + (glue_r * it.stretch if glue_r >= 0 else glue_r * it.shrink)
                cur_word = -1
                continue
            if isinstance(it, Penalty):
                continue
            piece = self.pieces.get(i)
            if piece is None:  # the first-line indent box
                x += it.width
                continue
            ls = letter_r * (it.stretch if letter_r >= 0 else it.shrink) / max(1, len(piece.text))
            ls_for[piece.seg] = ls
            adv = [v + ls for v in piece.advances] if ls else piece.advances
            if piece.word == cur_word and piece.seg == cur_seg and frags:
                w = frags[-1][1][-1]
                frags[-1][1][-1] = PlacedWord(w.text + piece.text, w.x, w.advances + tuple(adv))
            else:
                if piece.word != cur_word:
                    words += 1
                if not frags or frags[-1][0] != piece.seg:
                    frags.append((piece.seg, []))
                frags[-1][1].append(PlacedWord(piece.text, x, tuple(adv)))
            cur_word, cur_seg = piece.word, piece.seg
            x += sum(adv)
        if hyphen_width > 0 and frags:
            ws = frags[-1][1]
            w = ws[-1]
            ws[-1] = PlacedWord(w.text + "-", w.x, (*w.advances, hyphen_width))
            x += hyphen_width
        line_width = x
        # Alignment inside the measure.
        offset = st.left_indent
        free = width - line_width
        if st.alignment == "right":
            offset += free
        elif st.alignment == "center":
            offset += free / 2.0
        fragments = tuple(
            Fragment(self.segs[si].face, self.segs[si].size, self.segs[si].ink, tuple(ws),
                     ls_for.get(si, 0.0))
            for si, ws in frags
        )  # fmt: skip
        ascent, descent = self._vertical(fragments)
        return ComposedLine(
            fragments=fragments,
            x_offset=offset,
            width=line_width,
            ascent=ascent,
            descent=descent,
            ratio=total_r,
            word_ratio=glue_r,
            justified=justify,
            hyphenated=hyphenated,
            word_count=words,
            break_item=stop,
            overfull=line_width > width + 0.01,
        )

    def _total_ratio(self, a: int, stop: int, width: float, hyphen_width: float) -> float:
        """r = (l - L) / (Y + Y2) or / (Z + Z2): the line judged on all its flexibility."""
        nat, y, z = hyphen_width, 0.0, 0.0
        for i in range(a, stop):
            it = self.items[i]
            if isinstance(it, Penalty):
                continue
            nat += it.width
            y += it.stretch
            z += it.shrink
        slack = width - nat
        if slack >= 0:
            return slack / y if y > 0 else 0.0
        return slack / z if z > 0 else -1.0e9

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
        capped = max(-1.0, min(1.0, letter_r))
        if letter_r > 0:
            extra = (letter_r - capped) * ly
            glue_r = glue_r + extra / wy if wy > 0 else glue_r
        else:
            extra = (capped - letter_r) * lz
            glue_r = glue_r - extra / wz if wz > 0 else glue_r
        return glue_r, capped

    def _is_box(self, i: int) -> bool:
        it = self.items[i]
        return not isinstance(it, (Glue, Penalty))

    def _vertical(self, fragments: Sequence[Fragment]) -> tuple[float, float]:
        if not fragments:
            size = self.style.size
            m = self.c.metrics(f"{self.style.font_family}/{self.style.font_face}")
            return m.to_points(m.ascender, size), -m.to_points(m.descender, size)
        asc = desc = 0.0
        for f in fragments:
            m = self.c.metrics(f.face)
            asc = max(asc, m.to_points(m.ascender, f.size))
            desc = max(desc, -m.to_points(m.descender, f.size))
        return asc, desc
