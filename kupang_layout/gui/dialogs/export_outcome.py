"""GUI stage: a finished export in words, for the Export dialog's status and the Export dock.

How many pages were exported where and how fast, the pages kept as they were
(unchanged since the last export), a cancel, the failures, what the check of the
written PDFs found, and the preflight report.
"""

from __future__ import annotations

from pathlib import Path

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.dialogs.export_job import ExportOutcome
from kupang_layout.gui.panels.preflight_panel import summary_text

CTX = "Export"


def outcome_text(outcome: ExportOutcome, out_dir: Path | str) -> str:
    """The export into `out_dir` as lines of text in the interface's language."""
    n = len(outcome.exported)
    parts = [
        tr(CTX, "%1 pages exported to %2 in %3 s")
        .replace("%1", str(n))
        .replace("%2", str(out_dir))
        .replace("%3", f"{outcome.seconds:.1f}")
    ]
    unchanged = len(outcome.written) - n
    if unchanged:
        parts.append(
            tr(CTX, "%1 pages unchanged since the last export were kept.").replace(
                "%1", str(unchanged)
            )
        )
    if outcome.cancelled:
        parts.append(tr(CTX, "Cancelled: the other pages were not exported."))
    if outcome.failed:
        parts.append(
            tr(CTX, "%1 pages failed: %2")
            .replace("%1", str(len(outcome.failed)))
            .replace("%2", "; ".join(r.error or "" for r in outcome.failed))
        )
    if outcome.pdf_issues:
        parts.append(
            tr(CTX, "The PDF check found: %1").replace("%1", summary_text(outcome.pdf_issues))
        )
    if outcome.report is not None:
        parts.append(tr(CTX, "Report: %1").replace("%1", str(outcome.report)))
    if outcome.report_problem is not None:
        parts.append(outcome.report_problem)
    return "\n".join(parts)
