"""Preflight stage: the print rules, on the model and display list and on exported PDFs.

`run_preflight(edition, engine, pages)` checks the document (no PDF needed, fast
enough for the GUI to run live); `check_pdf(path)` checks an exported page PDF
the way the printing plant does; `check_pdf_folder(edition, folder)` checks
every PDF in a folder, matched to the edition's pages by file name. Each
returns a list of `Issue`s. No Qt here.
"""

from kupang_layout.preflight.doc_rules import check_page, run_preflight, select_pages
from kupang_layout.preflight.issues import (
    DEFAULT_SETTINGS,
    SEVERITIES,
    Issue,
    PreflightSettings,
    Severity,
    count_by_severity,
    has_errors,
    sort_issues,
)
from kupang_layout.preflight.pdf_check import check_pdf, check_pdf_folder, match_page

__all__ = [
    "DEFAULT_SETTINGS",
    "SEVERITIES",
    "Issue",
    "PreflightSettings",
    "Severity",
    "check_page",
    "check_pdf",
    "check_pdf_folder",
    "count_by_severity",
    "has_errors",
    "match_page",
    "run_preflight",
    "select_pages",
    "sort_issues",
]
