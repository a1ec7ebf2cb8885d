"""Editing stage: text pasted from a word processor or e-mail: plain paragraphs, bold and italic.

Qt-free. `clean_paragraphs` turns pasted plain text into the story's paragraphs
(a line a paragraph). `rich_paragraphs` reads the clipboard's HTML (what
LibreOffice, Word, Gmail or Thunderbird put there) into the same paragraphs
plus where the text was bold or italic; `paste_style_commands` gives those
ranges the house character styles (bold -> Strong, italic -> Emphasis, both ->
Strong), so a paste can be one undo step with its styles.

The HTML is read with the standard library's `html.parser`: the clipboard
needs only the text, the block breaks and two inline properties, and the
parser is tolerant of what word processors write (unclosed tags, Word's
conditional comments and `o:p` tags). A full HTML5 parser (html5lib, lxml)
would be a new dependency of the packaged app for no better answer here.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from html.parser import HTMLParser

from kupang_layout.editing.styles import BOLD_STYLE, ITALIC_STYLE, character_styles_in
from kupang_layout.model import Command, Story
from kupang_layout.model.commands_styles import SetCharacterStyleRange, TextPos

__all__ = [
    "FaceRange",
    "RichParagraph",
    "clean_inline",
    "clean_paragraphs",
    "paste_style_commands",
    "rich_paragraphs",
]

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffc]")
_LINE_BREAKS = re.compile("\r\n|\r|[\u2028\u2029\x0b\x0c\x85]")


# -- plain text -----------------------------------------------------------------------
def clean_paragraphs(text: str) -> list[str]:
    """Plain paragraphs from pasted text: one a line, empty lines dropped.

    Soft hyphens, zero-width characters and object marks go; tabs and control
    characters become spaces, runs of spaces one space, and each line is trimmed.
    Everything else is kept exactly as typed (quotes, dashes, hard hyphens)."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    out = []
    for line in text.split("\n"):
        chars = [
            " " if (c == "\t" or unicodedata.category(c) in ("Cc", "Zl", "Zp")) else c for c in line
        ]
        cleaned = re.sub(" {2,}", " ", "".join(chars)).strip()
        if cleaned:
            out.append(cleaned)
    return out


def clean_inline(text: str) -> str:
    """Pasted text for a one-line editor (a headline): its paragraphs joined by a space."""
    return " ".join(clean_paragraphs(text))


# -- the clipboard's HTML ----------------------------------------------------------------
BOLD = 1
ITALIC = 2


@dataclass(frozen=True)
class FaceRange:
    """Characters [start, end) of a paragraph that were bold and/or italic."""

    start: int
    end: int
    bold: bool
    italic: bool

    @property
    def style(self) -> str:
        """The house character style: Strong for bold (also bold italic), else Emphasis."""
        return BOLD_STYLE if self.bold else ITALIC_STYLE


@dataclass(frozen=True)
class RichParagraph:
    """A pasted paragraph's clean text and its bold/italic ranges (sorted, apart)."""

    text: str
    faces: tuple[FaceRange, ...] = ()

    def style_ranges(self) -> list[tuple[int, int, str]]:
        """(start, end, house character style), neighbours of one style joined."""
        out: list[tuple[int, int, str]] = []
        for r in self.faces:
            if out and out[-1][1] == r.start and out[-1][2] == r.style:
                out[-1] = (out[-1][0], r.end, r.style)
            else:
                out.append((r.start, r.end, r.style))
        return out


_HTML_SPACE = str.maketrans({c: " " for c in "\t\n\r\f"})
_PRE_SPACE = str.maketrans({"\t": " ", "\f": " ", "\r": "\n"})


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BLOCKS = _names(
    "address article aside blockquote body caption center dd div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hr html li listing main nav ol p pre"
    " section table tbody thead tfoot tr ul"
)
_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_SKIP = _names("head script style title template noscript object xml")
_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"i", "em", "cite", "dfn", "var"})
_CELLS = frozenset({"td", "th"})
_SCOPES = {"p": _names("div td th li blockquote body"), "li": _names("ul ol")}


@dataclass(frozen=True)
class _Open:
    tag: str
    face: int
    skip: bool
    pre: bool


def _weight(value: str, face: int) -> int:
    if value in ("bold", "bolder"):
        return face | BOLD
    if value in ("normal", "lighter", "initial"):
        return face & ~BOLD
    if value.isdigit():
        return face | BOLD if int(value) >= 600 else face & ~BOLD
    return face  # inherit, unset, anything unknown


def _slant(value: str, face: int) -> int:
    if value.startswith(("italic", "oblique")):
        return face | ITALIC
    if value in ("normal", "initial"):
        return face & ~ITALIC
    return face


def _css(style: str, face: int) -> tuple[int, bool]:
    """The face after an inline `style` attribute, and whether it hides the element.

    Only the exact properties count: Word's `mso-bidi-font-weight:normal` says
    nothing about the Latin text."""
    hidden = False
    for decl in style.split(";"):
        name, _, value = decl.partition(":")
        name = name.strip().lower()
        value = value.lower().replace("!important", "").strip()
        if name == "font-weight":
            face = _weight(value, face)
        elif name == "font-style":
            face = _slant(value, face)
        elif name == "font":  # the shorthand resets both
            words = value.split()
            face &= ~(BOLD | ITALIC)
            for w in words:
                face = _slant(w, face) if w.startswith(("italic", "oblique")) else face
                face = _weight(w, face) if w in ("bold", "bolder") or w.isdigit() else face
        elif (name, value) in (("display", "none"), ("mso-hide", "all")):
            hidden = True
    return face, hidden


class _Reader(HTMLParser):
    """The HTML's text as a browser shows it, a face for each character; "\n" a block break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.chars: list[str] = []
        self.faces: list[int] = []

    def _state(self) -> _Open:
        return self.stack[-1] if self.stack else _Open("", 0, False, False)

    def _add(self, text: str, face: int) -> None:
        self.chars.extend(text)
        self.faces.extend([face] * len(text))

    def _close(self, tag: str, scope: Collection[str] = ()) -> bool:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return True
            if self.stack[i].tag in scope:
                return False
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._close("head")
        if tag in _SCOPES:  # a new paragraph or list item closes the open one
            self._close(tag, _SCOPES[tag])
        state = self._state()
        if not state.skip:
            if tag in _BLOCKS or tag == "br":
                self._add("\n", 0)
            elif tag in _CELLS:
                self._add(" ", 0)
        if tag in _VOID:
            return
        face = state.face
        face |= BOLD if tag in _BOLD_TAGS else 0
        face |= ITALIC if tag in _ITALIC_TAGS else 0
        style = next((v for k, v in attrs if k == "style" and v), "")
        face, hidden = _css(style, face)
        skip = state.skip or hidden or tag in _SKIP
        self.stack.append(_Open(tag, face, skip, state.pre or tag in ("pre", "listing")))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self._close(tag)
        if tag in _BLOCKS and not self._state().skip:
            self._add("\n", 0)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Word's `<![if !supportLists]>`, `<![endif]>` and any other `<![...>`: skipped to
        the next '>', as a browser reads it (the standard library raises on keywords it
        does not know)."""
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        state = self._state()
        if not state.skip:
            table = _PRE_SPACE if state.pre else _HTML_SPACE
            self._add(data.translate(table), state.face)


_SPACE_RUN = re.compile("\u00a0*[ ][ \u00a0]*")


def _collapse(text: str, faces: list[int]) -> tuple[str, list[int]]:
    """A run of spaces with no-break spaces among them is one space (an editor's way of
    keeping spaces apart); a no-break space on its own is kept."""
    out: list[str] = []
    out_faces: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        out.append(text[pos : m.start()])
        out_faces.extend(faces[pos : m.start()])
        out.append(" ")
        out_faces.append(faces[m.start()])
        pos = m.end()
    out.append(text[pos:])
    out_faces.extend(faces[pos:])
    return "".join(out), out_faces


def _clean_with_faces(text: str, faces: list[int]) -> list[tuple[str, list[int]]]:
    """`clean_paragraphs`, character by character, carrying each kept character's face."""
    lines: list[tuple[str, list[int]]] = []
    line: list[str] = []
    line_faces: list[int] = []

    def finish() -> None:
        lo, hi = 0, len(line)
        while lo < hi and line[lo].isspace():
            lo += 1
        while hi > lo and line[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            lines.append(("".join(line[lo:hi]), line_faces[lo:hi]))
        line.clear()
        line_faces.clear()

    for c, face in zip(text, faces, strict=True):
        if c == "\n" or _LINE_BREAKS.fullmatch(c):
            finish()
            continue
        if _INVISIBLE.fullmatch(c):
            continue
        if c == "\t" or unicodedata.category(c) in ("Cc", "Zl", "Zp"):
            c = " "
        if c == " " and line and line[-1] == " ":
            continue
        line.append(c)
        line_faces.append(face)
    finish()
    return lines


def _ranges(text: str, faces: list[int]) -> tuple[FaceRange, ...]:
    out: list[FaceRange] = []
    pos = 0
    for face, group in itertools.groupby(faces):
        n = len(list(group))
        start, end = pos, pos + n
        pos = end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if face and end > start:
            out.append(FaceRange(start, end, bool(face & BOLD), bool(face & ITALIC)))
    return tuple(out)


def _strip_cf_html(html: str) -> str:
    """Drop Windows' CF_HTML header (Version:, StartHTML: ...) if a program left it on."""
    if html.startswith("Version:") and "StartHTML:" in html[:400]:
        first = html.find("<")
        return html[first:] if first >= 0 else ""
    return html


def rich_paragraphs(html: str) -> list[RichParagraph]:
    """The paragraphs of clipboard HTML with their bold and italic ranges.

    A block (p, div, li, h1-h6, tr ...) or a <br> ends a line, a line is a paragraph
    as in `clean_paragraphs`, whose cleaning the text gets after HTML's own white
    space rule (spaces, tabs and newlines in the source are one space). Bold:
    <b>, <strong>, font-weight bold or >= 600; italic: <i>, <em>, <cite>, <dfn>,
    <var>, font-style italic or oblique; an element's style attribute overrides its
    tag (Google Docs wraps everything in <b style="font-weight:normal">). Headings
    are not taken as bold: they are paragraphs, given a paragraph style by the desk.
    <head>, <style>, <script>, comments and hidden elements are dropped."""
    reader = _Reader()
    reader.feed(_strip_cf_html(html))
    reader.close()
    text, faces = _collapse("".join(reader.chars), reader.faces)
    return [
        RichParagraph(line, _ranges(line, line_faces))
        for line, line_faces in _clean_with_faces(text, faces)
    ]


def paste_style_commands(
    story: Story, at: TextPos, pasted: list[RichParagraph], known: Collection[str]
) -> list[Command]:
    """The character styles of text pasted at `at` (its first paragraph at that offset):
    the pasted text first loses any character style it took from its neighbour, then
    the bold and italic ranges get Strong and Emphasis (styles the edition lacks,
    `known`, are left out)."""
    if not pasted:
        return []
    p0, o0 = at
    last = len(pasted) - 1
    end: TextPos = (p0 + last, (o0 if last == 0 else 0) + len(pasted[-1].text))
    commands: list[Command] = []
    if end != at and character_styles_in(story, at, end) != {None}:
        commands.append(SetCharacterStyleRange(story.id, at, end, None))
    for i, para in enumerate(pasted):
        base = o0 if i == 0 else 0
        for start, stop, name in para.style_ranges():
            if name in known:
                commands.append(
                    SetCharacterStyleRange(
                        story.id, (p0 + i, base + start), (p0 + i, base + stop), name
                    )
                )
    return commands
