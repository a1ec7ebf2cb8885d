"""Jobs stage: the export report, `preflight.json` beside the PDFs (issues, each page's ink)."""

from __future__ import annotations

import json
from pathlib import Path

from kupang_layout.common.atomic import write_text_atomically
from kupang_layout.jobs.export_types import PageOutcome, ink_text
from kupang_layout.preflight.issues import Issue

__all__ = ["REPORT_NAME", "report_data", "write_report"]

REPORT_NAME = "preflight.json"


def report_data(
    issues: list[Issue],
    pdf_issues: list[Issue],
    lang: str | None,
    pages: list[PageOutcome] | None = None,
) -> dict[str, object]:
    """The report's content: the document's and the files' issues, and how each page's
    total ink was verified (pages without a verdict are left out)."""
    data: dict[str, object] = {
        "document": [i.to_dict(lang) for i in issues],
        "pdf": [i.to_dict(lang) for i in pdf_issues],
    }
    if pages:
        data["ink"] = [
            {
                "page": o.page,
                "file": o.file_name,
                **o.ink.to_dict(),
                "message": ink_text(o.page, o.ink, lang),
            }
            for o in pages
            if o.ink is not None
        ]
    return data


def write_report(
    out_dir: Path,
    issues: list[Issue],
    pdf_issues: list[Issue],
    lang: str | None,
    pages: list[PageOutcome] | None = None,
) -> Path:
    """preflight.json beside the PDFs (atomically; a link planted there is replaced, never
    written through): the issues, and how each page's total ink was verified. Raises
    FileWriteError."""
    text = json.dumps(report_data(issues, pdf_issues, lang, pages), ensure_ascii=False, indent=2)
    return write_text_atomically(out_dir / REPORT_NAME, text)
