"""Preflight stage: checking exported page PDFs the way the printing plant does.

`check_pdf` runs the structure rules (pikepdf), the content rules (RGB operators,
black text overprint, image resolution) and the total ink measurement
(Ghostscript). `pdf_problem` says whether a written file is a whole PDF at all.
`check_pdf_folder` checks every PDF in a folder and ties each
to an edition page by its file name, `{paper}_{edition}_{page:02d}.pdf`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pikepdf

from kupang_layout.model.edition import Edition
from kupang_layout.preflight.issues import DEFAULT_SETTINGS, Issue, PreflightSettings, sort_issues
from kupang_layout.preflight.pdf_content import ContentReader, report_content
from kupang_layout.preflight.pdf_ink import PageInk, check_ink
from kupang_layout.preflight.pdf_report import PdfReport
from kupang_layout.preflight.pdf_structure import (
    ResourceWalker,
    check_boxes,
    check_document,
    page_resources,
)


def pdf_problem(path: Path) -> str | None:
    """Why `path` is not a complete PDF (None when it is one): missing, empty, cut short."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            head = stream.read(8)
            stream.seek(max(0, size - 1024))
            tail = stream.read()
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return exc.strerror or str(exc)
    if not head.startswith(b"%PDF-"):
        return "no PDF header"
    if b"%%EOF" not in tail:
        return "no end of file marker (cut short)"
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) < 1:
                return "no pages"
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        return str(exc) or type(exc).__name__
    return None


_DAMAGE = (pikepdf.PdfError, AttributeError, KeyError, TypeError, ValueError, IndexError)


def check_pdf(
    path: str | os.PathLike[str],
    *,
    settings: PreflightSettings | None = None,
    page: int | None = None,
    expected_size: tuple[float, float] | None = None,
    ink: bool = True,
    measured: list[PageInk] | None = None,
) -> list[Issue]:
    """The PDF rules on one file.

    `page` is the edition page the file holds (its first page, for a file of
    several); `expected_size` the trim (width, height) in points it must have;
    `ink=False` skips the Ghostscript measurement (the slowest rule); `measured`
    receives its figures of each page.
    """
    p = Path(path)
    rep = PdfReport(str(p), settings or DEFAULT_SETTINGS, page)
    try:
        pdf = pikepdf.open(p)
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError, ValueError) as exc:
        rep.error("pdf-unreadable", reason=str(exc) or type(exc).__name__)
        return rep.issues
    with pdf:
        try:
            check_document(pdf, rep)
            for pno, pg in enumerate(pdf.pages, 1):
                check_boxes(pg, pno, rep, expected_size)
                resources = page_resources(pg)
                ResourceWalker(rep, pno).walk(resources)
                found = ContentReader(rep, pno).read_page(pg, resources)
                report_content(found, rep, pno)
        except _DAMAGE as exc:
            # A damaged object (a box that is not four numbers, a dictionary that is
            # an integer...) ends the structure check with one clear issue.
            rep.error("pdf-unreadable", reason=f"{type(exc).__name__}: {exc}")
    if ink:
        check_ink(p, rep, measured)
    return sort_issues(rep.issues)


def _safe_part(text: str) -> str:
    """A file-name part as the exporter writes it: letters, digits, '-', '_' and '+'."""
    return "".join(ch for ch in text if ch.isalnum() or ch in "-_+")


def page_pattern(edition: Edition) -> re.Pattern[str]:
    """The file names of the edition's page PDFs; group 1 is the page number."""
    paper = "".join(edition.paper.split()) or "Paper"
    number = _safe_part(edition.number) or "0"
    return re.compile(
        rf"^{re.escape(_safe_part(paper))}_{re.escape(number)}_(\d+)(?:_[A-Za-z]+)?\.pdf$",
        re.IGNORECASE,
    )


def match_page(edition: Edition, filename: str) -> int | None:
    """The page number a file name is for, or None when it is not one of this edition's."""
    m = page_pattern(edition).match(os.path.basename(filename))
    if m is None:
        return None
    number = int(m.group(1))
    return number if edition.page_by_number(number) is not None else None


def check_pdf_folder(
    edition: Edition,
    folder: str | os.PathLike[str],
    *,
    settings: PreflightSettings | None = None,
    ink: bool = True,
) -> list[Issue]:
    """Every *.pdf in `folder`; files named for a page are checked against that page's trim.

    When some files match the edition's pages, a page without a file is reported
    (warning) and a file matching none is noted (info).
    """
    base = Path(folder)
    files = sorted(f for f in base.iterdir() if f.is_file() and f.suffix.lower() == ".pdf")
    matched = {f: match_page(edition, f.name) for f in files}
    any_match = any(n is not None for n in matched.values())
    issues: list[Issue] = []
    for f in files:
        number = matched[f]
        size = None
        if number is not None:
            pg = edition.page_by_number(number)
            size = (pg.width, pg.height) if pg is not None else None
        elif any_match:
            issues.append(Issue("info", "pdf-no-page-match", file=str(f)))
        issues.extend(check_pdf(f, settings=settings, page=number, expected_size=size, ink=ink))
    if any_match:
        present = {n for n in matched.values() if n is not None}
        paper = "".join(edition.paper.split()) or "Paper"
        number_part = _safe_part(edition.number) or "0"
        for pg in edition.pages:
            if pg.number not in present:
                expected = f"{_safe_part(paper)}_{number_part}_{pg.number:02d}.pdf"
                issues.append(
                    Issue(
                        "warning", "pdf-page-missing", page=pg.number, params={"expected": expected}
                    )
                )
    return sort_issues(issues)
