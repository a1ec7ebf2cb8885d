"""Preflight stage: collecting the issues found in one PDF file (page numbers, no repeats)."""

from __future__ import annotations

from typing import Any

from kupang_layout.preflight.issues import Issue, PreflightSettings, Severity

# Names of colour space families that are not allowed in PDF/X-1a.
BAD_FAMILIES = frozenset({"/DeviceRGB", "/CalRGB", "/Lab", "/ICCBased"})
# Points in a millimetre.
POINTS_PER_MM = 72.0 / 25.4


class PdfReport:
    """Issues of one file. PDF page i (1-based) is edition page `first_page + i - 1`
    when the file was matched to a page, else no edition page."""

    def __init__(self, file: str, settings: PreflightSettings, first_page: int | None) -> None:
        self.file = file
        self.settings = settings
        self.first_page = first_page
        self.issues: list[Issue] = []
        self._seen: set[tuple[str, int | None, tuple[tuple[str, str], ...]]] = set()

    def page_number(self, pdf_page: int | None) -> int | None:
        if self.first_page is None or pdf_page is None:
            return self.first_page
        return self.first_page + pdf_page - 1

    def add(
        self, severity: Severity, rule: str, pdf_page: int | None = None, **params: Any
    ) -> None:
        page = self.page_number(pdf_page)
        key = (rule, pdf_page, tuple(sorted((k, str(v)) for k, v in params.items())))
        if key in self._seen:
            return
        self._seen.add(key)
        self.issues.append(
            Issue(severity, rule, page=page, params=params, file=self.file, pdf_page=pdf_page)
        )

    def error(self, rule: str, pdf_page: int | None = None, **params: Any) -> None:
        self.add("error", rule, pdf_page, **params)

    def warn(self, rule: str, pdf_page: int | None = None, **params: Any) -> None:
        self.add("warning", rule, pdf_page, **params)
