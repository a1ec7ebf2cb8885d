"""Manuscript parser invariants: it never raises, and no character of a manuscript is lost.

What the parser may remove (everything else lands in exactly one content field):
  * a leading BOM (U+FEFF);
  * header keywords as typed: `Edisi:`/`Edisi`, `Halaman:`/`Halaman`, `Hal.`/`Hal.:`,
    `Judul:`, `Subjudul:` (`Sub-judul:`), `Rubrik:`, `Foto:` (any case, spaces inside);
  * one `|` per separator: photo credit|note, quote|attribution, the `|` that opens a
    credit line;
  * on credit lines: the `:` after the key, the commas between items of the list keys
    (`Narasi`, `Sumber Literasi`), and trailing commas of the other keys.
Content fields: edition, page_label, headline, deck, section, photo credit and note,
paragraph texts and attributions, tagline, credit keys and values. The dateline is
a view into the lead's text and is not counted again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kupang_layout.manuscript import Manuscript, format_warning, parse_manuscript
from kupang_layout.manuscript.messages import MESSAGES

QUOTE_OPENERS = '"“”„‟'
QUOTE_CLOSERS = '"”“'
DASHES = ["-", "–", "—"]
PLACES = ["OELAMASI", "KUPANG", "SOE", "LABUAN BAJO", "ATAMBUA", "KEFAMENANU", "WAINGAPU"]
LIST_KEYS = {"narasi", "sumber literasi"}
KEYWORD = re.compile(r"(edisi:?|halaman:?|hal\.?:?|sub-*judul:|judul:|rubrik:|foto:)")


def nonspace(*texts: str | None) -> Counter[str]:
    c: Counter[str] = Counter()
    for t in texts:
        if t:
            c.update(ch for ch in t if not ch.isspace())
    return c


def content(m: Manuscript) -> Counter[str]:
    c = nonspace(m.edition, m.page_label, m.headline, m.deck, m.section, m.tagline)
    if m.photo is not None:
        c += nonspace(m.photo.credit, m.photo.note)
    for p in m.paragraphs:
        c += nonspace(p.text, p.attribution)
    for cr in m.credits:
        c += nonspace(cr.key, *cr.values)
    return c


def removed(m: Manuscript) -> Counter[str]:
    return nonspace(*(mk.text for mk in m.markup))


def input_lines(text: str) -> list[str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_markup_is_syntax_only(text: str, m: Manuscript) -> None:
    """Each removed piece is one of the allowed kinds, on a line that can hold it."""
    lines = input_lines(text)
    pipes_used: Counter[int] = Counter()
    for mk in m.markup:
        if mk.kind == "bom":
            assert mk.text == "\ufeff" and mk.line == 1 and text.startswith("\ufeff")
            continue
        source = lines[mk.line - 1].strip()
        if mk.kind == "keyword":
            assert KEYWORD.fullmatch("".join(mk.text.split()).casefold()), mk
            assert source.startswith(mk.text), (mk, source)
        else:
            assert mk.kind == "separator" and mk.text in ("|", ":", ","), mk
            if mk.text == "|":
                pipes_used[mk.line] += 1
                assert pipes_used[mk.line] <= source.count("|"), (mk, source)
            else:
                assert source.startswith("|"), (mk, source)  # only credit lines
                assert mk.text in source


def check_structure(m: Manuscript) -> None:
    lines = [p.line for p in m.paragraphs]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert sum(p.kind == "lead" for p in m.paragraphs) <= 1
    if m.credits and m.paragraphs:
        assert min(c.line for c in m.credits) > max(lines)
    for p in m.paragraphs:
        assert p.text == p.text.strip() and p.text
        assert not p.continues or p.attribution is None
    for w in m.warnings:
        assert f"manuscript.{w.key}" in MESSAGES
        for lang in ("id", "en"):
            assert "{" not in format_warning(w, lang)


# -- (a) arbitrary text -------------------------------------------------------------------

NOISE_CHARS = st.characters(codec="utf-8")
# Arbitrary text, plus text built from the characters the format gives meaning to.
MEANINGFUL = st.text(
    alphabet=st.sampled_from(list('|:,."“”„\n\r\ufeff -–—EdisHalmnJuRkFtoKUPANGTIMES0123 ')),
    max_size=200,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet=NOISE_CHARS), MEANINGFUL))
def test_parse_never_raises_and_accounts_for_every_character(text: str) -> None:
    m = parse_manuscript(text)
    assert nonspace(text) == content(m) + removed(m)
    check_markup_is_syntax_only(text, m)
    check_structure(m)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=NOISE_CHARS), st.text(alphabet=NOISE_CHARS, max_size=20))
def test_any_paper_name_is_safe(text: str, paper: str) -> None:
    m = parse_manuscript(text, paper_name=paper)
    assert nonspace(text) == content(m) + removed(m)


# -- (b) generated manuscripts ------------------------------------------------------------


@dataclass
class Built:
    lines: list[str] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)

    def add(self, line: str, *removed_parts: str) -> None:
        self.lines.append(line)
        self.removed += nonspace(*removed_parts)


LINE_CHARS = st.characters(codec="utf-8", exclude_characters="\r\n")
TEXT = st.text(alphabet=LINE_CHARS, max_size=60)
WORDS = st.text(
    alphabet=st.sampled_from(list("abcdeéfghijklmnoprstuwyz -")), min_size=1, max_size=40
)
CREDIT_CHARS = st.sampled_from(list("ABCDKLMPRSTYabdeiklmnoprstuw ./"))
# First character of a plain line: cannot start a header keyword, a quote or `|`.
SAFE_START = st.sampled_from(list("ABCDGIKLMNOPTUVWYZabcgikmntuw0123456789(é"))
SPACES = st.sampled_from(["", " ", "  ", "\t"])


@st.composite
def plain_line(draw: st.DrawFn) -> str:
    return draw(SPACES) + draw(SAFE_START) + draw(TEXT) + draw(SPACES)


@st.composite
def quote_line(draw: st.DrawFn) -> tuple[str, bool]:
    body = draw(TEXT.map(lambda t: t.replace("|", "")))
    line = draw(st.sampled_from(QUOTE_OPENERS)) + body + draw(st.sampled_from(QUOTE_CLOSERS))
    if draw(st.booleans()):
        return line + draw(SPACES) + "|" + draw(TEXT), True
    return line, False


@st.composite
def noise_line(draw: st.DrawFn) -> tuple[str, bool]:
    """Unicode noise with `|` and quote marks; True when it will lose one `|`."""
    rest = draw(st.text(alphabet=st.one_of(LINE_CHARS, st.sampled_from('|"“”„')), max_size=50))
    if draw(st.booleans()):
        start = draw(st.sampled_from(QUOTE_OPENERS))
        return start + rest, "|" in rest  # a quote line: its first separator goes
    return draw(SAFE_START) + rest, False


@st.composite
def header_lines(draw: st.DrawFn, built: Built) -> bool:
    """Add header lines; return True when the Foto line carries a glued lead."""
    fields = draw(st.permutations(["edition", "page", "headline", "deck", "section", "photo"]))
    fields = fields[: draw(st.integers(0, 6))]
    glued = False
    for name in fields:
        value = draw(TEXT).strip()
        if name == "edition":
            kw = draw(st.sampled_from(["Edisi:", "EDISI :", "edisi:"]))
            built.add(f"{kw} {value}", kw)
        elif name == "page":
            kw = draw(st.sampled_from(["Halaman", "Halaman:", "Hal.", "hal. :", "HALAMAN"]))
            built.add(f"{kw} {draw(st.integers(0, 9999))}", kw)
        elif name in ("headline", "deck", "section"):
            kw = draw(
                st.sampled_from(
                    {
                        "headline": ["Judul:", "JUDUL :"],
                        "deck": ["Subjudul:", "Sub-judul:", "SUB JUDUL:"],
                        "section": ["Rubrik:", "rubrik:"],
                    }[name]
                )
            )
            built.add(f"{kw}{draw(SPACES)}{value}", kw)
        else:
            credit = draw(st.text(alphabet=CREDIT_CHARS, max_size=20))
            note = draw(st.none() | st.text(alphabet=CREDIT_CHARS, max_size=10))
            line, parts = f"Foto:{draw(SPACES)}{credit}", ["Foto:"]
            if note is not None:
                line += "|" + note
                parts.append("|")
            if name == fields[-1] and draw(st.booleans()):
                place = draw(st.sampled_from(PLACES))
                dash = draw(st.sampled_from(DASHES))
                line += f"{draw(SPACES)}{place}, KUPANG TIMES {dash} {draw(WORDS)}"
                glued = True
            built.add(line, *parts)
    return glued


@st.composite
def credit_line(draw: st.DrawFn, built: Built) -> None:
    lead = draw(SPACES) + "|" + draw(SPACES)
    kind = draw(st.sampled_from(["list", "single", "unknown", "keyless", "empty"]))
    if kind == "empty":
        built.add(lead, "|")
        return
    if kind == "keyless":
        value = draw(TEXT.map(lambda t: t.replace(":", "")))
        built.add(lead + value, "|", *trailing_commas(value))
        return
    if kind == "list":
        key = draw(st.sampled_from(["Narasi", "Sumber Literasi", "narasi", "Sumber  literasi"]))
        items = draw(st.lists(TEXT.map(lambda t: t.replace(",", "")), max_size=5))
        value = ",".join(items) + draw(st.sampled_from(["", ",", ", ", " ,,"]))
        built.add(
            f"{lead}{key}{draw(SPACES)}:{draw(SPACES)}{value}", "|", ":", "," * value.count(",")
        )
        return
    if kind == "single":
        key = draw(st.sampled_from(["Text", "Teks", "Editor", "Foto", "TEKS"]))
    else:
        key = draw(TEXT.map(lambda t: t.replace(":", "").strip()))
    value = draw(TEXT) + draw(st.sampled_from(["", ",", " , ,", ",,"]))
    expected = ["|", ":", *trailing_commas(value)]
    if " ".join(key.split()).casefold() in LIST_KEYS:
        expected = ["|", ":", "," * value.count(",")]
    built.add(f"{lead}{key}:{value}", *expected)


def trailing_commas(value: str) -> str:
    """The commas in the run of commas and spaces that ends the value."""
    end = len(value)
    while end and (value[end - 1].isspace() or value[end - 1] == ","):
        end -= 1
    return value[end:]


@st.composite
def manuscript(draw: st.DrawFn) -> tuple[str, Counter[str]]:
    built = Built()
    bom = draw(st.booleans())
    glued = draw(header_lines(built))
    body_lines = 0
    if not glued and draw(st.booleans()):
        place, dash = draw(st.sampled_from(PLACES)), draw(st.sampled_from(DASHES))
        built.add(f"{place}, KUPANG TIMES {dash} {draw(TEXT)}")
        body_lines += 1
    elif not glued and draw(st.booleans()):
        line, sep = draw(quote_line())
        built.add(line, *(["|"] if sep else []))
        body_lines += 1
    for _ in range(draw(st.integers(0, 8))):
        choice = draw(st.sampled_from(["plain", "quote", "noise", "blank", "stray"]))
        if choice == "plain":
            built.add(draw(plain_line()))
        elif choice == "quote":
            line, sep = draw(quote_line())
            built.add(line, *(["|"] if sep else []))
        elif choice == "noise" and (body_lines or glued):
            line, sep = draw(noise_line())
            built.add(line, *(["|"] if sep else []))
        elif choice == "blank":
            built.add(draw(SPACES))
        elif choice == "stray":
            # A `|` line in the middle stays body: a plain line always follows it.
            built.add("|" + draw(TEXT))
            built.add(draw(plain_line()))
        body_lines += 1
    if draw(st.booleans()):
        built.add(draw(st.sampled_from(["Mari Jaga Kebersihan Kota Kupang!", "Kupang Hijau"])))
    for _ in range(draw(st.integers(0, 5))):
        draw(credit_line(built))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(built.lines) + draw(st.sampled_from(["", newline]))
    if bom:
        text = "\ufeff" + text
        built.removed["\ufeff"] += 1
    return text, built.removed


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(manuscript())
def test_generated_manuscripts_lose_nothing(case: tuple[str, Counter[str]]) -> None:
    text, expected_removed = case
    m = parse_manuscript(text)
    assert removed(m) == expected_removed
    assert nonspace(text) == content(m) + expected_removed
    check_markup_is_syntax_only(text, m)
    check_structure(m)
