"""Manuscript stage: parsing the newsroom's plain-text manuscript into a `Manuscript`."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from kupang_layout.errors import KupangError
from kupang_layout.manuscript.credits import parse_credit_line
from kupang_layout.manuscript.dateline import find_glued_dateline, match_dateline, paper_pattern
from kupang_layout.manuscript.decode import decode_manuscript, normalize_newlines, sniff_binary
from kupang_layout.manuscript.headers import HeaderField, HeaderLine, match_header
from kupang_layout.manuscript.messages import format_error
from kupang_layout.manuscript.model import (
    Credit,
    Dateline,
    Manuscript,
    ManuscriptWarning,
    Markup,
    Paragraph,
    PhotoCredit,
)
from kupang_layout.manuscript.quotes import has_mid_line_quote, is_quote_line, split_quote

DEFAULT_PAPER_NAME = "Kupang Times"
# A tagline is at most this many characters long.
TAGLINE_MAX_CHARS = 80
# Characters that end prose. A short last line ending in one of them is kept as body.
_PROSE_END = ".?…;:,"
_CLOSERS = "\"”“'’)]»"
# Longer photo credits or notes suggest a paragraph was glued to the Foto line.
_PHOTO_FIELD_MAX = 60


# Manuscripts larger than this are refused before they are read: a story is a few
# kilobytes, a whole day's copy well under a megabyte; 100 MB took 1.5 GB and 12 s.
MAX_MANUSCRIPT_BYTES = 5 * 1024 * 1024
# A manuscript line is one paragraph; a longer one is a file gone wrong (a missing
# line end, an export glitch), and the edition file refuses runs of 1 000 000.
MAX_LINE_CHARS = 100_000


class ManuscriptError(KupangError):
    """The manuscript file cannot be read at all (missing, unreadable, not text, too big).

    `line` names the manuscript line at fault when there is one.
    """

    def __init__(
        self, path: str, key: str, detail: str = "", *, line: int | None = None, **params: object
    ) -> None:
        self.path = path
        self.key = key
        self.detail = detail
        self.line = line
        self.params = tuple((k, str(v)) for k, v in params.items())
        if line is not None:
            self.params += (("line", str(line)),)
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        """The message for the desk, naming the file, in `id` or `en`."""
        return format_error(self.key, self.path, self.detail, lang, self.params)


@dataclass(frozen=True, slots=True)
class _Line:
    no: int
    text: str


def _w(key: str, line: int | None, **params: object) -> ManuscriptWarning:
    return ManuscriptWarning(key, line, tuple((k, str(v)) for k, v in params.items()))


def _ends_like_prose(text: str) -> bool:
    t = text.rstrip(_CLOSERS) or text
    return t[-1] in _PROSE_END


class _Parser:
    """One parse. Lines are trimmed; blank lines are dropped before anything else."""

    def __init__(self, paper_name: str) -> None:
        self.pattern = paper_pattern(paper_name)
        self.paper_label = " ".join(paper_name.split()).upper()
        self.values: dict[HeaderField, str] = {}
        self.header_line: dict[HeaderField, int] = {}
        self.page: int | None = None
        self.photo: PhotoCredit | None = None
        self.dateline: Dateline | None = None
        self.paragraphs: list[Paragraph] = []
        self.lead_from_photo = False
        self.tagline: _Line | None = None
        self.credits: list[Credit] = []
        self.warnings: list[ManuscriptWarning] = []
        self.markup: list[Markup] = []

    # -- the whole text -------------------------------------------------------------

    def run(self, text: str) -> Manuscript:
        if text.startswith("\ufeff"):
            self.markup.append(Markup(1, "\ufeff", "bom"))
            text = text[1:]
        items = [
            _Line(no, line.strip())
            for no, line in enumerate(normalize_newlines(text).split("\n"), start=1)
            if line.strip()
        ]
        pos = self._header_block(items)
        end = len(items)
        while end > pos and items[end - 1].text.startswith("|"):
            end -= 1
        body, credit_lines = items[pos:end], items[end:]
        tagline_at = self._find_tagline(body, has_credits=bool(credit_lines))
        for i, item in enumerate(body):
            if i == tagline_at:
                self.tagline = item
            else:
                self._body_line(item, first=i == 0)
        for item in credit_lines:
            parsed = parse_credit_line(item.text, item.no)
            if parsed.credit is not None:
                self.credits.append(parsed.credit)
            self.markup.extend(parsed.markup)
            self.warnings.extend(parsed.warnings)
        if not self.paragraphs:
            self.warnings.append(_w("no_body", None))
        return self._result()

    def _result(self) -> Manuscript:
        v = self.values
        warnings = sorted(self.warnings, key=lambda w: (w.line is None, w.line or 0))
        return Manuscript(
            edition=v.get("edition"),
            page=self.page,
            page_label=v.get("page"),
            headline=v.get("headline"),
            deck=v.get("deck"),
            section=v.get("section"),
            photo=self.photo,
            dateline=self.dateline,
            paragraphs=tuple(self.paragraphs),
            tagline=self.tagline.text if self.tagline else None,
            tagline_line=self.tagline.no if self.tagline else None,
            credits=tuple(self.credits),
            warnings=tuple(warnings),
            markup=tuple(self.markup),
        )

    # -- headers --------------------------------------------------------------------

    def _header_block(self, items: list[_Line]) -> int:
        """Read the header lines at the top; return the index of the first body line."""
        pos = 0
        while pos < len(items):
            header = match_header(items[pos].text)
            if header is None:
                break
            pos += 1
            if self._header(items[pos - 1], header):
                break  # a lead was glued to the Foto line: the body has begun
        return pos

    def _header(self, item: _Line, h: HeaderLine) -> bool:
        """Record one header. True when the Foto line carried the lead with it."""
        if not h.valid:
            self.warnings.append(_w("header_invalid", item.no, value=h.value))
            self.paragraphs.append(Paragraph("body", item.text, item.no))
            return False
        first = self.header_line.get(h.field)
        if first is not None:
            self.warnings.append(_w("header_duplicate", item.no, header=h.label, first=first))
            self.paragraphs.append(Paragraph("body", item.text, item.no))
            return False
        self.markup.append(Markup(item.no, h.keyword, "keyword"))
        if not h.value:
            self.warnings.append(_w("header_empty", item.no, header=h.label))
            return False
        self.header_line[h.field] = item.no
        if h.field == "photo":
            return self._photo(item.no, h.value)
        self.values[h.field] = h.value
        if h.field == "page":
            self.page = int(h.value)
        return False

    def _photo(self, no: int, value: str) -> bool:
        """`CREDIT[|NOTE]`, possibly with the dateline and lead glued to its end."""
        lead_text: str | None = None
        glued = find_glued_dateline(value, self.pattern)
        if glued is not None and glued.index is None:
            self.warnings.append(_w("photo_glued_unsplit", no))
        elif glued is not None and glued.index is not None:
            lead_text = value[glued.index :].strip()
            value = value[: glued.index]
            if not glued.certain:
                self.warnings.append(_w("photo_split_uncertain", no, place=glued.place))
        credit, sep, note = value.partition("|")
        if sep:
            self.markup.append(Markup(no, "|", "separator"))
        photo = PhotoCredit(credit.strip() or None, note.strip() or None, no)
        if photo.credit is None:
            self.warnings.append(_w("photo_credit_empty", no))
        longest = max(len(photo.credit or ""), len(photo.note or ""))
        if longest > _PHOTO_FIELD_MAX:
            self.warnings.append(_w("photo_field_long", no, length=longest))
        self.photo = photo
        if lead_text is None:
            return False
        self.lead_from_photo = True
        self._lead(_Line(no, lead_text))
        return True

    # -- body -----------------------------------------------------------------------

    def _find_tagline(self, body: list[_Line], *, has_credits: bool) -> int | None:
        """Index of the tagline in `body`, or None.

        The candidate is the last body line, when it is not the lead, a quote, a
        `|` line or header-like. With a credits block after it, it is the tagline
        when it is at most 80 characters and does not end like prose (`.`, `?`,
        `…`, `;`, `:`, `,`, also before a closing mark); `!` or no punctuation at
        all is a tagline. Short lines ending like prose, and long lines that do
        not, are kept as body with a warning.
        """
        if not body:
            return None
        i = len(body) - 1
        text = body[i].text
        if i == 0 and not self.lead_from_photo:
            return None
        if is_quote_line(text) or text.startswith("|") or match_header(text) is not None:
            return None
        prose = _ends_like_prose(text)
        short = len(text) <= TAGLINE_MAX_CHARS
        no = body[i].no
        if not has_credits:
            if short and not prose:
                self.warnings.append(_w("tagline_without_credits", no))
            return None
        if short and not prose:
            return i
        if short:
            self.warnings.append(_w("tagline_uncertain_short", no, end=text.rstrip(_CLOSERS)[-1:]))
        elif not prose:
            self.warnings.append(_w("tagline_uncertain_long", no, length=len(text)))
        return None

    def _body_line(self, item: _Line, *, first: bool) -> None:
        text = item.text
        lead_missing = first and not self.lead_from_photo
        if is_quote_line(text):
            if lead_missing:
                self.warnings.append(_w("no_lead", item.no))
            self._quote(item)
            return
        if text.startswith("|"):
            if lead_missing:
                self.warnings.append(_w("no_lead", item.no))
            self.warnings.append(_w("pipe_line_in_body", item.no))
            self.paragraphs.append(Paragraph("body", text, item.no))
            return
        header = match_header(text)
        if header is not None:
            self.warnings.append(_w("header_in_body", item.no, header=header.label))
            self.paragraphs.append(Paragraph("body", text, item.no))
            return
        if lead_missing:
            self._lead(item)
            return
        self._check_inline(item)
        self.paragraphs.append(Paragraph("body", text, item.no))

    def _lead(self, item: _Line) -> None:
        m = match_dateline(item.text, self.pattern)
        if m is not None and m.capitals:
            self.dateline = Dateline(m.place, m.paper, m.dash, item.no)
        elif m is not None:
            self.warnings.append(_w("dateline_not_caps", item.no, place=m.place))
        else:
            self.warnings.append(_w("no_dateline", item.no, paper=self.paper_label))
        self._check_inline(item)
        self.paragraphs.append(Paragraph("lead", item.text, item.no))

    def _quote(self, item: _Line) -> None:
        q = split_quote(item.text)
        if q.separator:
            self.markup.append(Markup(item.no, "|", "separator"))
            if not q.clear:
                self.warnings.append(_w("quote_separator_unclear", item.no))
            if q.attribution is None:
                self.warnings.append(_w("quote_attribution_empty", item.no))
        continues = (
            q.attribution is None and bool(self.paragraphs) and self.paragraphs[-1].kind == "quote"
        )
        self.paragraphs.append(Paragraph("quote", q.text, item.no, q.attribution, continues))

    def _check_inline(self, item: _Line) -> None:
        if "|" in item.text:
            self.warnings.append(_w("pipe_in_text", item.no))
        if has_mid_line_quote(item.text):
            self.warnings.append(_w("quote_mid_line", item.no))


def _parse(text: str, paper_name: str, extra: tuple[ManuscriptWarning, ...] = ()) -> Manuscript:
    result = _Parser(paper_name).run(text)
    if not extra:
        return result
    warnings = sorted((*extra, *result.warnings), key=lambda w: (w.line is None, w.line or 0))
    return replace(result, warnings=tuple(warnings))


def parse_manuscript(text: str, paper_name: str = DEFAULT_PAPER_NAME) -> Manuscript:
    """Parse manuscript text. Never raises: odd lines become body paragraphs with a warning.

    `paper_name` comes from the edition settings; the dateline must name it
    (matched ignoring case, written in capitals by the desk's convention).
    """
    return _parse(text, paper_name)


def read_manuscript(
    path: str | os.PathLike[str], paper_name: str = DEFAULT_PAPER_NAME
) -> Manuscript:
    """Read and parse a manuscript file (UTF-8 with/without BOM, else Windows-1252).

    Raises `ManuscriptError` naming the file when it cannot be read or is not
    plain text (a Word document, a PDF).
    """
    name = os.fspath(path)
    data = _read_bounded(name)
    kind = sniff_binary(data)
    if kind is not None:
        raise ManuscriptError(name, "not_text", kind)
    decoded = decode_manuscript(data)
    check_line_lengths(decoded.text, name)
    return _parse(decoded.text, paper_name, decoded.warnings)


def _too_large(name: str, size: int) -> ManuscriptError:
    mb = f"{size / (1024 * 1024):.1f}"
    limit = MAX_MANUSCRIPT_BYTES // (1024 * 1024)
    return ManuscriptError(name, "too_large", size_id=mb.replace(".", ","), size_en=mb, limit=limit)


def _read_bounded(name: str) -> bytes:
    """The file's bytes; a file over MAX_MANUSCRIPT_BYTES is refused before it is read."""
    try:
        with open(name, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_MANUSCRIPT_BYTES:
                raise _too_large(name, size)
            data = fh.read(MAX_MANUSCRIPT_BYTES + 1)  # a pipe or a growing file
    except OSError as exc:
        raise ManuscriptError(name, "unreadable", exc.strerror or str(exc)) from exc
    if len(data) > MAX_MANUSCRIPT_BYTES:
        raise _too_large(name, len(data))
    return data


def check_line_lengths(text: str, name: str) -> None:
    """Refuse a manuscript with a line of more than MAX_LINE_CHARS characters (naming it)."""
    if len(text) <= MAX_LINE_CHARS:
        return
    for no, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ManuscriptError(
                name, "line_too_long", line=no, length=len(line), limit=MAX_LINE_CHARS
            )
