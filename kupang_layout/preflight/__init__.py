"""Preflight stage: the print rules, on the model and display list and on exported PDFs.

`run_preflight(edition, engine, pages)` checks the document (no PDF needed, fast
enough for the GUI to run live); `check_pdf(path)` checks an exported page PDF
the way the printing plant does; `check_pdf_folder(edition, folder)` checks
every PDF in a folder, matched to the edition's pages by file name. Each
returns a list of `Issue`s. No Qt here. The names are imported when first used
(`common.lazy`): checking a document never loads pikepdf, reading an issue list
never loads the engine.
"""

from typing import TYPE_CHECKING

from kupang_layout.common.lazy import lazy_exports

if TYPE_CHECKING:
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

_EXPORTS = {
    "check_page": ".doc_rules",
    "run_preflight": ".doc_rules",
    "select_pages": ".doc_rules",
    "DEFAULT_SETTINGS": ".issues",
    "SEVERITIES": ".issues",
    "Issue": ".issues",
    "PreflightSettings": ".issues",
    "Severity": ".issues",
    "count_by_severity": ".issues",
    "has_errors": ".issues",
    "sort_issues": ".issues",
    "check_pdf": ".pdf_check",
    "check_pdf_folder": ".pdf_check",
    "match_page": ".pdf_check",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

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
