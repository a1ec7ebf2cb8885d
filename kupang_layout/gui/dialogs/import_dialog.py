"""GUI stage: importing a manuscript onto a page, and the report of what went where.

The manuscript fills one slot group of the page as `kupang-layout import`
does (one undo step). The report lists every slot filled, what found no slot,
what stayed empty, and every line the parser warned about. For a warned line
the desk may name what it really is (body, quote, tagline, headline...);
"Apply Again" puts the import back as one undo step with those lines moved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.copyfit import Copyfit, copyfit_command
from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.manuscript import Manuscript, ManuscriptError, format_warning, read_manuscript
from kupang_layout.manuscript.apply import (
    PLACEHOLDER_HEADLINE,
    ManuscriptApplication,
    apply_to_page,
)
from kupang_layout.manuscript.reassign import Kind, choices_for, reassign_all, text_at
from kupang_layout.manuscript.slot_plan import slot_roles
from kupang_layout.model import Page, TextFrame

CTX = "ImportDialog"

ROLE_NAMES: dict[str, str] = {
    "section": noop(CTX, "Section"),
    "headline": noop(CTX, "Headline"),
    "deck": noop(CTX, "Deck"),
    "photo": noop(CTX, "Photo"),
    "photo_credit": noop(CTX, "Photo credit"),
    "body": noop(CTX, "Body"),
    "lead": noop(CTX, "Lead"),
    "quote": noop(CTX, "Quote"),
    "pull_quote": noop(CTX, "Pull quote"),
    "teaser": noop(CTX, "Teaser"),
    "tagline": noop(CTX, "Tagline"),
    "credits": noop(CTX, "Credits"),
    "folio": noop(CTX, "Folio"),
}


def role_name(role: str) -> str:
    return tr(CTX, ROLE_NAMES[role]) if role in ROLE_NAMES else role


def story_groups(page: Page) -> list[str]:
    """The page's slot groups that take a story ('page' left out), in frame order."""
    return [g for g in slot_roles(page.frames) if g != "page"]


def free_group(doc: EditionSession, page: Page) -> str | None:
    """The first slot group whose headline (or body) is still empty."""
    for group in story_groups(page):
        for f in page.frames:
            if (
                isinstance(f, TextFrame)
                and f.slot == group
                and f.role in ("headline", "body", "teaser")
            ):
                story = doc.edition.stories.get(f.story_id or "")
                if story is None or not story.text.strip():
                    return group
    return None


class ImportReport(QDialog):
    """What went where, the parser's warnings, and the desk's answers to them."""

    def __init__(
        self,
        doc: EditionSession,
        manuscript: Manuscript,
        path: Path,
        page_id: str,
        slot: str,
        lang: str = "id",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_report")
        self.doc = doc
        self.original = manuscript
        self.manuscript = manuscript
        self.path = path
        self.page_id = page_id
        self.slot = slot
        self.lang = lang
        self.application: ManuscriptApplication | None = None
        self._serial = -1
        self.choices: dict[int, Kind] = {}
        self._row_lines: dict[int, int] = {}
        self.setWindowTitle(tr(CTX, "Manuscript Imported"))
        self.resize(820, 620)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.placements = QTableWidget(0, 2)
        self.placements.setObjectName("import_placements")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.warnings_label = QLabel()
        self.warnings = QTableWidget(0, 3)
        self.warnings.setObjectName("import_warnings")
        for table in (self.placements, self.warnings):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setWordWrap(True)
            table.horizontalHeader().setStretchLastSection(True)
        self.placements.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.warnings.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.warnings.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.warnings.setColumnWidth(1, 380)
        self.apply_again = QPushButton(tr(CTX, "Apply Again"))
        self.apply_again.setObjectName("import_apply_again")
        self.apply_again.setToolTip(
            tr(CTX, "Import the manuscript again with the kinds chosen above (one undo step)")
        )
        self.apply_again.clicked.connect(self.reapply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.apply_again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.placements, 3)
        layout.addWidget(self.notes)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings, 2)
        layout.addWidget(buttons)

    # -- applying -------------------------------------------------------------------
    def apply(self) -> bool:
        """Fill the slot group from the manuscript (with the desk's choices) as one step;
        a previous application of this dialog, if still the last step, is replaced."""
        manuscript = reassign_all(self.original, self.choices)
        if self.application is not None and self.doc.history.serial == self._serial:
            self.doc.undo()
        try:
            app = apply_to_page(self.doc.edition, self.page_id, manuscript, slot=self.slot)
        except KeyError:
            return False
        app.commands.append(copyfit_command(app.page_id, app.slot))  # fitted in the same step
        if not self.doc.execute(app):
            return False
        self.manuscript = manuscript
        self.application = app
        self._serial = self.doc.history.serial
        self.doc.set_page(self.page_id)
        self.show_report()
        return True

    def reapply(self) -> None:
        for row in range(self.warnings.rowCount()):
            combo = self.warnings.cellWidget(row, 2)
            line = self._row_lines.get(row)
            if isinstance(combo, QComboBox) and line is not None:
                kind = combo.currentData()
                if kind:
                    self.choices[line] = kind
        self.apply()

    # -- showing ----------------------------------------------------------------------
    def show_report(self) -> None:
        app = self.application
        if app is None:
            return
        self.summary.setText(
            tr(CTX, "%1 went onto page %2, slot group “%3”.")
            .replace("%1", self.path.name)
            .replace("%2", str(app.page_number))
            .replace("%3", app.slot)
        )
        self.placements.setHorizontalHeaderLabels([tr(CTX, "Slot"), tr(CTX, "What went in")])
        self.placements.setRowCount(len(app.placements))
        for row, p in enumerate(app.placements):
            what = p.text
            if p.paragraphs > 1:
                what = (
                    tr(CTX, "%1 paragraphs, %2 words: ")
                    .replace("%1", str(p.paragraphs))
                    .replace("%2", str(p.words))
                    + what
                )
            self.placements.setItem(row, 0, QTableWidgetItem(role_name(p.role)))
            self.placements.setItem(row, 1, QTableWidgetItem(what))
        notes: list[str] = []
        if app.unplaced:
            notes.append(
                tr(CTX, "No slot on this page for: %1").replace(
                    "%1", ", ".join(role_name(r) for r in app.unplaced)
                )
            )
        if app.empty:
            notes.append(
                tr(CTX, "Left empty (not in the manuscript): %1").replace(
                    "%1", ", ".join(role_name(r) for r in app.empty)
                )
            )
        if app.placeholder_headline:
            notes.append(
                tr(
                    CTX, "The manuscript has no headline: the page shows %1 until you write one."
                ).replace("%1", PLACEHOLDER_HEADLINE)
            )
        if app.edition_mismatch is not None:
            number, wanted = app.edition_mismatch
            notes.append(
                tr(CTX, "The manuscript is for edition %1, this edition is %2.")
                .replace("%1", wanted)
                .replace("%2", number)
            )
        notes += [line for c in app.commands if isinstance(c, Copyfit) for line in c.summary()]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self._show_warnings()

    def _show_warnings(self) -> None:
        m = self.original
        self.warnings_label.setText(
            tr(CTX, "The manuscript reader was unsure of %1 lines:").replace(
                "%1", str(len(m.warnings))
            )
            if m.warnings
            else tr(CTX, "The manuscript reader was sure of every line.")
        )
        self.warnings.setHorizontalHeaderLabels(
            [tr(CTX, "Line"), tr(CTX, "Note"), tr(CTX, "The line is")]
        )
        self.warnings.setRowCount(len(m.warnings))
        self.warnings.setVisible(bool(m.warnings))
        self._row_lines = {}
        for row, w in enumerate(m.warnings):
            self.warnings.setItem(row, 0, QTableWidgetItem(str(w.line or "")))
            note = format_warning(w, self.lang)
            text = text_at(m, w.line)
            item = QTableWidgetItem(note + (f"\n“{_short(text)}”" if text else ""))
            item.setToolTip(text or note)
            self.warnings.setItem(row, 1, item)
            choices = choices_for(m, w)
            if not choices or w.line is None:
                self.warnings.setCellWidget(row, 2, QLabel("—"))
                continue
            self._row_lines[row] = w.line
            combo = QComboBox()
            combo.setObjectName(f"import_kind_{w.line}")
            for kind in choices:
                combo.addItem(role_name(kind), kind)
            chosen = self.choices.get(w.line, choices[0])
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.warnings.setCellWidget(row, 2, combo)
        self.warnings.resizeRowsToContents()


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the flow: read, choose the slot group, apply, report ----------------------------------


def choose_group(
    parent: QWidget, doc: EditionSession, page: Page, wanted: str | None
) -> str | None:
    """The slot group to fill: `wanted` if the page has it, the only one, or the desk's pick."""
    groups = story_groups(page)
    if wanted in groups:
        return wanted
    if len(groups) == 1:
        return groups[0]
    if not groups:
        return None
    default = free_group(doc, page) or groups[0]
    name, ok = QInputDialog.getItem(
        parent,
        tr(CTX, "Import Manuscript"),
        tr(CTX, "Slot group to fill on page %1:").replace("%1", str(page.number)),
        groups,
        groups.index(default),
        False,
    )
    return name if ok else None


def import_manuscript(
    parent: QWidget,
    doc: EditionSession,
    path: Path,
    page_id: str,
    slot: str | None = None,
    lang: str = "id",
    show: bool = True,
) -> ImportReport | None:
    """Read `path`, fill a slot group of the page (one undo step) and show the report.

    Problems (unreadable file, a page without slots) go to `doc.error`. With
    show=False the report is made but not run (tests drive it).
    """
    try:
        page = doc.edition.page_by_id(page_id)
    except KeyError:
        return None
    try:
        manuscript = read_manuscript(path, doc.edition.paper)
    except ManuscriptError as exc:
        doc.error.emit(exc.message(lang))
        return None
    group = choose_group(parent, doc, page, slot)
    if group is None:
        if not story_groups(page):
            doc.error.emit(
                tr(CTX, "Page %1 has no template slots: apply a template to it first.").replace(
                    "%1", str(page.number)
                )
            )
        return None
    report = ImportReport(doc, manuscript, path, page_id, group, lang, parent)
    if not report.apply():
        return None
    if show:
        report.exec()
    return report
