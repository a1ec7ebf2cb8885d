"""Manuscript stage: the `kupang-layout parse` sub-command's work (JSON or a summary)."""

from __future__ import annotations

import sys
from typing import TextIO

from kupang_layout.manuscript.messages import Lang, format_warning, normalize_lang
from kupang_layout.manuscript.model import Manuscript
from kupang_layout.manuscript.parser import DEFAULT_PAPER_NAME, ManuscriptError, read_manuscript
from kupang_layout.manuscript.to_json import manuscript_to_json

EXIT_OK = 0
EXIT_UNREADABLE = 2

_LABELS: dict[str, tuple[str, str]] = {
    "manuscript": ("Naskah", "Manuscript"),
    "edition": ("Edisi", "Edition"),
    "page": ("Halaman", "Page"),
    "headline": ("Judul", "Headline"),
    "deck": ("Subjudul", "Deck"),
    "section": ("Rubrik", "Section"),
    "photo": ("Foto", "Photo"),
    "dateline": ("Dateline", "Dateline"),
    "paragraphs": ("Paragraf", "Paragraphs"),
    "lead": ("pembuka", "lead"),
    "body": ("isi", "body"),
    "quote": ("kutipan", "quote"),
    "words": ("kata", "words"),
    "tagline": ("Tagline", "Tagline"),
    "credits": ("Kredit", "Credits"),
    "warnings": ("Peringatan", "Warnings"),
    "none": ("tidak ada", "none"),
}


def _label(key: str, lang: Lang) -> str:
    return _LABELS[key][0 if lang == "id" else 1]


def summary(m: Manuscript, path: str, lang: Lang) -> str:
    """A short human-readable account of the parse."""
    dash = "—"
    rows = [f"{_label('manuscript', lang)}: {path}"]
    page = m.page_label if m.page_label is not None else dash
    rows.append(f"{_label('edition', lang)}: {m.edition or dash}    {_label('page', lang)}: {page}")
    for key in ("headline", "deck", "section"):
        rows.append(f"{_label(key, lang)}: {getattr(m, key) or dash}")
    if m.photo is None:
        rows.append(f"{_label('photo', lang)}: {dash}")
    else:
        note = f" ({m.photo.note})" if m.photo.note else ""
        rows.append(f"{_label('photo', lang)}: {m.photo.credit or dash}{note}")
    dl = f"{m.dateline.place}, {m.dateline.paper}" if m.dateline else dash
    rows.append(f"{_label('dateline', lang)}: {dl}")
    counts = {k: sum(1 for p in m.paragraphs if p.kind == k) for k in ("lead", "body", "quote")}
    words = sum(len(p.text.split()) for p in m.paragraphs)
    detail = ", ".join(f"{n} {_label(k, lang)}" for k, n in counts.items())
    rows.append(
        f"{_label('paragraphs', lang)}: {len(m.paragraphs)} ({detail}; "
        f"{words} {_label('words', lang)})"
    )
    rows.append(f"{_label('tagline', lang)}: {m.tagline or dash}")
    rows.append(f"{_label('credits', lang)}:")
    rows.extend(f"  {c.key or '?'}: {', '.join(c.values)}" for c in m.credits)
    if not m.credits:
        rows[-1] += f" {dash}"
    rows.append(f"{_label('warnings', lang)}: {len(m.warnings) or _label('none', lang)}")
    rows.extend(f"  {format_warning(w, lang)}" for w in m.warnings)
    return "\n".join(rows)


def _emit(text: str, stream: TextIO) -> None:
    """Write a line; characters the console cannot show are escaped, not fatal."""
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")


def run_parse(
    path: str,
    as_json: bool,
    lang: str,
    *,
    paper_name: str = DEFAULT_PAPER_NAME,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Parse `path` and print JSON (`as_json`) or a summary. 0 ok, 2 unreadable file."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    code = normalize_lang(lang)
    try:
        m = read_manuscript(path, paper_name)
    except ManuscriptError as exc:
        _emit(exc.message(code), err)
        return EXIT_UNREADABLE
    if as_json:
        try:
            out.write(manuscript_to_json(m, code) + "\n")
        except UnicodeEncodeError:
            out.write(manuscript_to_json(m, code, ascii_only=True) + "\n")
    else:
        _emit(summary(m, path, code), out)
    return EXIT_OK
