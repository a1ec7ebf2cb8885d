"""GUI stage: the Export dialog's preflight gate: the chosen pages' issues, and the acknowledgement.

With errors among the issues the export is possible only after ticking the
acknowledgement; `preflight.json` then goes beside the PDFs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.preflight_panel import COLOURS, severity_icon, summary_text
from kupang_layout.preflight import Issue, check_page, has_errors, sort_issues

CTX = "Export"


def preflight_issues(doc: EditionSession, pages: list[int]) -> list[Issue]:
    """Preflight of the pages, as the command line would run it."""
    issues: list[Issue] = []
    for number in pages:
        page = doc.edition.page_by_number(number)
        if page is not None:
            dl = doc.display_list(page)
            issues += check_page(doc.edition, page, doc.engine, display_list=dl)
    return sort_issues(issues)


class PreflightGate(QGroupBox):
    """The summary and the list of the issues (not the infos), and the acknowledgement."""

    def __init__(self) -> None:
        super().__init__(tr(CTX, "Preflight"))
        self.summary = QLabel()
        self.summary.setObjectName("export_preflight_summary")
        self.issue_list = QListWidget()
        self.issue_list.setObjectName("export_preflight_list")
        self.issue_list.setMaximumHeight(140)
        self.issue_list.setWordWrap(True)
        self.issue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.acknowledge = QCheckBox(
            tr(
                CTX,
                "Export in spite of the errors (a report, preflight.json, goes beside the PDFs)",
            )
        )
        self.acknowledge.setObjectName("acknowledge_errors")
        pfl = QVBoxLayout(self)
        pfl.addWidget(self.summary)
        pfl.addWidget(self.issue_list, 1)
        pfl.addWidget(self.acknowledge)

    def show_issues(self, issues: list[Issue], lang: str) -> None:
        """Show `issues` in `lang`; the acknowledgement only with errors, else unticked."""
        self.issue_list.clear()
        for issue in issues:
            if issue.severity == "info":
                continue
            where = tr(CTX, "page %1").replace("%1", str(issue.page)) if issue.page else ""
            frame = issue.frame_label(lang)
            text = f"{where}{' · ' + frame if frame else ''}: {issue.message(lang)}"
            item = QListWidgetItem(severity_icon(issue.severity), text)
            hint = issue.hint(lang)
            if hint:
                item.setToolTip(hint)
            self.issue_list.addItem(item)
        self.summary.setText(summary_text(issues))
        errors = has_errors(issues)
        warnings = any(i.severity == "warning" for i in issues)
        colour = COLOURS["error" if errors else "warning"].name() if errors or warnings else ""
        self.summary.setStyleSheet(f"font-weight: bold; color: {colour}" if colour else "")
        self.issue_list.setVisible(self.issue_list.count() > 0)
        self.acknowledge.setVisible(errors)
        if not errors:
            self.acknowledge.setChecked(False)

    def blocks(self, issues: list[Issue]) -> bool:
        """Whether `issues` stop the export: errors, not acknowledged."""
        return has_errors(issues) and not self.acknowledge.isChecked()
