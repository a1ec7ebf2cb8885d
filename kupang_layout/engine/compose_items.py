"""Engine stage: styled text of one paragraph to Knuth–Plass boxes, glue and penalties.

Follows Knuth & Plass 1981, "Breaking Paragraphs into Lines" (Software—Practice
and Experience 11(11)): words are boxes, spaces are glue, hyphenation points
are flagged penalties, and the paragraph ends with penalty(0, ∞), glue(0, ∞, 0),
penalty(0, −∞). Ragged alignments use the paper's ragged-right construction
(§"Variations on the theme"): every space becomes glue(0, R, 0), penalty(0, 0),
glue(space, −R, 0), so the same total-fit search gives an even rag. In
justified text each box may also stretch and shrink a little by
letter-spacing; the line setter uses that only after the word spaces. With optical
margin alignment the builder also records how far a line ending at each break (or
starting with each word) would hang into the margin, for the breaker (`hangs`,
`leads`; pdfTeX's \\protrudechars=2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol, final

from kupang_layout.engine.compose_rules import (
    PROPER_NAME_PENALTY,
    PROTRUDE_LEFT,
    PROTRUDE_RIGHT,
    SHORT_INITIAL_PENALTY,
    SHORT_WORD_PENALTY,
    word_flags,
)
from kupang_layout.engine.displaylist import Ink
from kupang_layout.engine.hyphenate import Hyphenator
from kupang_layout.engine.linebreak import Box, BreakParams, Glue, Penalty
from kupang_layout.engine.linebreak_items import (
    Alignment,
    hyphen_break,
    interword,
    paragraph_end,
    paragraph_start,
)
from kupang_layout.fonts.metrics import FontMetrics
from kupang_layout.model.styles import ResolvedParagraphStyle

SOFT_HYPHEN = "\u00ad"
RAGGED_STRETCH_SPACES = 3.0  # R in the ragged-right construction, in word spaces

Item = Box | Glue | Penalty


@dataclass(frozen=True, slots=True)
class Material:
    """A box of a word with the text it draws and that text's advances."""

    box: Box
    text: str
    advances: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Recipe:
    """A word's items in one segment (boxes for its pieces, the breaks between them),
    what each box stands for, and the word whole (text, advances, summed box widths and
    letter-spacing range), which the line setter places in one go when the word is
    not broken."""

    items: tuple[Item, ...]
    materials: dict[int, Material]  # by the offset of its box in `items`
    text: str
    advances: tuple[float, ...]
    width: float
    stretch: float
    shrink: float
    xstretch: float = 0.0
    xshrink: float = 0.0
    # Optical margin alignment: by item offset, how far a line ending at that break
    # hangs into the right margin (its hyphen); how far the word's last character
    # hangs when a line ends after the word, its first when a line starts with it.
    hangs: tuple[tuple[int, float], ...] = ()
    tail: float = 0.0
    head: float = 0.0

    @classmethod
    def of(cls, entries: Sequence[Material | tuple[Item, ...]]) -> Recipe:
        items: list[Item] = []
        materials: dict[int, Material] = {}
        for entry in entries:
            if isinstance(entry, Material):
                materials[len(items)] = entry
                items.append(entry.box)
            else:
                items.extend(entry)
        boxes = list(materials.values())
        return cls(
            tuple(items),
            materials,
            "".join(m.text for m in boxes),
            tuple(a for m in boxes for a in m.advances),
            sum(m.box.width for m in boxes),
            sum(m.box.stretch for m in boxes),
            sum(m.box.shrink for m in boxes),
            sum(m.box.xstretch for m in boxes),
            sum(m.box.xshrink for m in boxes),
        )


@final
class WordSpan:
    """A whole word of one segment at items[first:end] (its pieces and inner breaks).

    A plain class (native when compiled: made without the named tuple's interpreted
    `__new__`; one per word of every composition)."""

    __slots__ = ("end", "first", "recipe", "seg", "word")

    def __init__(self, first: int, end: int, seg: int, word: int, recipe: Recipe) -> None:
        self.first = first
        self.end = end
        self.seg = seg
        self.word = word
        self.recipe = recipe


# The characters that separate words: the space and these (editing/overset.py has the
# same set).
_OTHER_SPACES = "\t\n\r\u2002\u2003\u2009\u200a"


def _tokens(text: str) -> list[str]:
    """The text split at each word-separating character: the words, with an empty
    token between two separators in a row and at either end after or before one
    (`ItemBuilder.build` skips them; a split at runs of separators by a regular
    expression took the compiled builder more time than the rest of it)."""
    for ch in _OTHER_SPACES:
        if ch in text:
            text = text.replace(ch, " ")
    return text.split(" ")


_ALIGNMENTS: dict[str, Alignment] = {
    "justify": "justify",
    "left": "left",
    "right": "right",
    "center": "center",
}


class ComposerLike(Protocol):
    params: BreakParams
    hyphenator: Hyphenator | None
    word_recipes: dict[tuple[object, ...], dict[str, Recipe]]

    def hyphenator_for(self, style: ResolvedParagraphStyle) -> Hyphenator: ...

    def metrics(self, face: str) -> FontMetrics: ...


@dataclass(frozen=True, slots=True)
class Segment:
    """Text in one face, size and ink (a run after styles and variables)."""

    text: str
    face: str
    size: float
    ink: Ink
    tracking: float  # extra advance per character, points

    def __init__(
        self,
        text: str,
        face: str,
        size: float,
        ink: Ink,
        tracking: float,
    ) -> None:
        # Written out: see `lines.ComposedLine.__init__`.
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "face", face)
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "ink", ink)
        object.__setattr__(self, "tracking", tracking)


@dataclass(slots=True)
class Piece:
    """What a Box stands for: characters of one segment."""

    seg: int
    text: str
    advances: tuple[float, ...]
    word: int

    def __init__(
        self,
        seg: int,
        text: str,
        advances: tuple[float, ...],
        word: int,
    ) -> None:
        # Written out (compiled: fields set in place; the dataclass's own runs interpreted).
        self.seg = seg
        self.text = text
        self.advances = advances
        self.word = word


class ItemBuilder:
    """Styled text to the Knuth–Plass item list."""

    def __init__(
        self, composer: ComposerLike, style: ResolvedParagraphStyle, segs: Sequence[Segment]
    ) -> None:
        self.c = composer
        self.style = style
        self.segs = segs
        self.justify = style.alignment == "justify"
        self.hyphenator = composer.hyphenator_for(style)
        # Optical margin alignment, right side: by break index, how far a line ending
        # there hangs into the margin (`linebreak.break_lines(..., hangs=...)`).
        self.optical = self.justify and style.optical_margin
        self.hangs: dict[int, float] = {}
        self.leads: dict[int, float] = {}  # by box index: a line starting there hangs left
        self._tail = 0.0  # how far the last word built hangs when a line ends after it
        self.alignment: Alignment = _ALIGNMENTS.get(style.alignment, "justify")
        self.rag = 0.0
        if not self.justify and segs:
            first = segs[0]
            self.rag = RAGGED_STRETCH_SPACES * composer.metrics(first.face).space_advance(
                first.size
            )
        self.items: list[Item] = []
        # What each box stands for: a word of one segment as a span (by the index of
        # its first item), the boxes of a word that changes segment as pieces.
        self.spans: dict[int, WordSpan] = {}
        self.pieces: dict[int, Piece] = {}
        self.word_count = 0
        self._books: dict[int, dict[str, Recipe]] = {}
        self._book_seg = -1  # the segment of the last book asked for (most words ask
        self._book: dict[str, Recipe] = {}  # for the same one as the word before)
        # A space's items by segment: without a break cost (most spaces), and with one.
        self._plain_spaces: dict[int, tuple[Item, ...]] = {}
        self._spaces: dict[tuple[int, float], tuple[Item, ...]] = {}
        # House rules (`compose_rules`): does the next word start a sentence; the cost
        # of a break after the word just built.
        self._sentence_start = True
        self._break_cost = 0.0

    def build(self) -> tuple[list[Item], dict[int, Piece]]:
        """The item list and the pieces of words in several segments (the words of
        one segment are in `spans` after this)."""
        st = self.style
        self.items.extend(paragraph_start(self.alignment, self.rag))
        if st.first_indent and st.alignment in ("justify", "left"):
            self.items.append(Box(st.first_indent))
        word: list[tuple[int, str]] = []
        for si, seg in enumerate(self.segs):
            tokens = _tokens(seg.text)
            for ti, tok in enumerate(tokens):
                if ti > 0 and word:  # a separator stood before this token
                    self._word(word)
                    word = []
                    self._space(si)
                if tok:
                    word.append((si, tok))
        if word:
            self._word(word)
        while self.items and not isinstance(self.items[-1], Box):
            self.items.pop()  # trailing spaces
        self._finish()
        return self.items, self.pieces

    def _space(self, si: int) -> None:
        cost = self._break_cost
        if self._tail > 0.0:
            self.hangs[len(self.items)] = self._tail  # the space's break (glue or penalty)
        if not cost:  # no key tuple made for a plain space
            glue = self._plain_spaces.get(si)
            if glue is None:
                glue = self._space_items(si)
                self._plain_spaces[si] = glue
            self.items.extend(glue)
            return
        glue = self._spaces.get((si, cost))
        if glue is None:
            glue = _costly(self._space_items(si), cost, self.alignment)
            self._spaces[(si, cost)] = glue
        self.items.extend(glue)

    def _space_items(self, si: int) -> tuple[Item, ...]:
        seg = self.segs[si]
        space = self.c.metrics(seg.face).space_advance(seg.size) + seg.tracking
        st = self.style
        normal = space * st.word_space_normal / 100.0
        if self.justify:
            stretch = space * max(0.0, st.word_space_max - st.word_space_normal) / 100.0
            shrink = space * max(0.0, st.word_space_normal - st.word_space_min) / 100.0
            return interword("justify", normal, stretch, shrink, 0.0)
        return interword(self.alignment, normal, 0.0, 0.0, self.rag)

    def _word(self, parts: list[tuple[int, str]]) -> None:
        wi = self.word_count
        self.word_count += 1
        whole = parts[0][1] if len(parts) == 1 else "".join(t for _, t in parts)
        capitalised, ends, short = word_flags(whole)
        initial = self._sentence_start or whole[0] in '"“‘„«'
        proper = capitalised and not initial
        self._sentence_start = ends
        self._break_cost = 0.0
        if short and not ends:
            self._break_cost = SHORT_INITIAL_PENALTY if initial else SHORT_WORD_PENALTY
        if len(parts) == 1:
            si, text = parts[0]
            name = "\x01" + text if proper else text
            recipe = self._recipes(si).get(name)
            if recipe is None:
                recipe = self._recipe(si, text, 0, self._cuts(text), proper)
                self._recipes(si)[name] = recipe
            items = self.items
            first = len(items)
            items.extend(recipe.items)
            if recipe.text:
                self.spans[first] = WordSpan(first, len(items), si, wi, recipe)
            self._hang(first, recipe, True)
            return
        cuts = self._cuts(whole)
        pos = 0
        for si, t in parts:  # a word in several segments: placed piece by piece
            recipe = self._recipe(si, t, pos, cuts, proper)
            first = len(self.items)
            self._emit(si, recipe, wi)
            self._hang(first, recipe, pos == 0)
            pos += len(t)

    def _hang(self, first: int, recipe: Recipe, starts: bool) -> None:
        """Record the hangs of a word's breaks (its items start at `first`) and, for its
        first part (`starts`), how far its first character hangs left."""
        for offset, width in recipe.hangs:
            self.hangs[first + offset] = width
        if starts and recipe.head > 0.0 and recipe.materials:
            self.leads[first + min(recipe.materials)] = recipe.head
        if recipe.text or recipe.items:
            self._tail = recipe.tail

    def _cuts(self, text: str) -> dict[int, str]:
        points = self.hyphenator.points(text, hyphenate=self.style.hyphenate)
        return {p.index: p.kind for p in points if 0 < p.index < len(text)}

    def _recipes(self, si: int) -> dict[str, Recipe]:
        if si == self._book_seg:
            return self._book
        book = self._books.get(si)
        if book is None:
            seg = self.segs[si]
            key = (seg.face, seg.size, seg.tracking, self.alignment, self.rag,
                   self.style.letter_space_min, self.style.letter_space_max,
                   self.style.glyph_scale_min, self.style.glyph_scale_max,
                   self.style.hyphenate, self.style.hyphen_left_min,
                   self.style.hyphen_right_min, self.c.params.hyphen_penalty,
                   self.c.params.exhyphen_penalty, self.c.hyphenator is None,
                   self.optical)  # fmt: skip
            book = self.c.word_recipes.setdefault(key, {})
            self._books[si] = book
        self._book_seg, self._book = si, book
        return book

    def _recipe(
        self, si: int, text: str, offset: int, cuts: dict[int, str], proper: bool = False
    ) -> Recipe:
        """Boxes and breaks for the characters text[...] of one segment (cacheable).

        The word is measured whole, so each box's last advance holds its kerning with
        the next box's first character; a hyphenation point's width is the hyphen and
        the change of that kerning (the pair before the hyphen instead of the pair
        across the break), so a broken word measures exactly what is drawn."""
        seg = self.segs[si]
        metrics = self.c.metrics(seg.face)
        bounds = sorted(k - offset for k in cuts if offset < k <= offset + len(text))
        if not bounds or bounds[-1] != len(text):
            bounds.append(len(text))
        chunks: list[str] = []
        start = 0
        for k in bounds:
            chunks.append(text[start:k].replace(SOFT_HYPHEN, ""))
            start = k
        whole = "".join(chunks)
        advances = metrics.char_advances(whole, seg.size)
        if seg.tracking:
            advances = [a + seg.tracking for a in advances]
        out: list[Material | tuple[Item, ...]] = []
        pos = 0
        for k, chunk in zip(bounds, chunks, strict=True):
            if chunk:
                out.append(self._box(chunk, seg, advances[pos : pos + len(chunk)]))
                pos += len(chunk)
            if k < len(text) or (k + offset) in cuts:
                kind = cuts[k + offset]
                left = whole[pos - 1] if pos > 0 else ""
                right = whole[pos] if pos < len(whole) else ""
                fix = 0.0
                if kind != "hard" and left:
                    fix = metrics.kern(left, "-", seg.size) - metrics.kern(left, right, seg.size)
                out.append(self._hyphen_point(seg, metrics, kind, fix, proper))
        recipe = Recipe.of(out)
        if not self.optical:
            return recipe
        return self._with_hangs(recipe, metrics.hyphen_advance(seg.size))

    @staticmethod
    def _with_hangs(recipe: Recipe, hyphen: float) -> Recipe:
        """The recipe with its hangs (optical margin alignment; pdfTeX's protrusion,
        Hàn Thế Thành 2000, ch. 2, by `compose_rules.PROTRUDE_RIGHT` and `PROTRUDE_LEFT`):
        a hyphenation point's hyphen, a hard hyphen, the word's last and first
        characters."""
        hangs: list[tuple[int, float]] = []
        for offset, item in enumerate(recipe.items):
            if not isinstance(item, Penalty) or not item.flagged:
                continue
            if item.width > 0:  # a hyphenation point: the hyphen it adds
                hangs.append((offset, PROTRUDE_RIGHT.get("-", 0.0) * hyphen))
                continue
            before = recipe.materials.get(offset - 1)
            if before is not None and before.text:  # after a hard hyphen
                width = PROTRUDE_RIGHT.get(before.text[-1], 0.0) * before.advances[-1]
                if width > 0:
                    hangs.append((offset, width))
        tail = head = 0.0
        if recipe.text:
            tail = PROTRUDE_RIGHT.get(recipe.text[-1], 0.0) * recipe.advances[-1]
            head = PROTRUDE_LEFT.get(recipe.text[0], 0.0) * recipe.advances[0]
        return replace(recipe, hangs=tuple(hangs), tail=tail, head=head)

    def _emit(self, si: int, recipe: Recipe, wi: int) -> None:
        """The items of one segment's part of a word, each box recorded as a piece."""
        items = self.items
        base = len(items)
        items.extend(recipe.items)
        for offset, m in recipe.materials.items():
            self.pieces[base + offset] = Piece(si, m.text, m.advances, wi)

    def _box(self, text: str, seg: Segment, advances: Sequence[float]) -> Material:
        """A box of text: its letter-spacing range (second tier) and its glyph-scaling
        range (first tier: pdfTeX's font expansion, Thành 2000, ch. 3, where a box's
        stretch is its width times the expansion limit)."""
        stretch = shrink = xstretch = xshrink = 0.0
        width = sum(advances)
        st = self.style
        if self.justify:
            em = seg.size * len(text)
            stretch = em * max(0.0, st.letter_space_max) / 100.0
            shrink = em * max(0.0, -st.letter_space_min) / 100.0
            xstretch = width * max(0.0, st.glyph_scale_max - 100.0) / 100.0
            xshrink = width * max(0.0, 100.0 - st.glyph_scale_min) / 100.0
        return Material(Box(width, stretch, shrink, -1, xstretch, xshrink), text, tuple(advances))

    def _hyphen_point(
        self, seg: Segment, metrics: FontMetrics, kind: str, fix: float, proper: bool
    ) -> tuple[Item, ...]:
        p = self.c.params
        if kind == "hard":
            width, penalty = 0.0, p.exhyphen_penalty
        else:
            width, penalty = metrics.hyphen_advance(seg.size) + fix, p.hyphen_penalty
        if proper and kind != "hard":  # a name's own hyphen (Mutis-Timau) may break
            penalty = max(penalty, PROPER_NAME_PENALTY)
        return hyphen_break(self.alignment, width, penalty, self.rag)

    def _finish(self) -> None:
        self.items.extend(paragraph_end())


def _costly(space: tuple[Item, ...], cost: float, alignment: Alignment) -> tuple[Item, ...]:
    """A word space whose break costs `cost` (a house rule): in justified text a penalty
    before the glue (the glue is then no break of its own), in ragged text the
    construction's own break penalty."""
    if alignment == "justify":
        return (Penalty(0.0, cost, False, -1), *space)
    return tuple(
        Penalty(it.width, cost, it.flagged, it.ref)
        if isinstance(it, Penalty) and not it.flagged and it.penalty == 0.0
        else it
        for it in space
    )
