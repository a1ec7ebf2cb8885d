"""GUI stage: the New Edition dialog: paper, edition number, date, and a template per page.

The edition is built through model commands (`page_ops.build_edition`) and
handed to the document with a fresh History: nothing to undo, nothing unsaved.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.page_ops import build_edition
from kupang_layout.gui.base.i18n import tr
from kupang_layout.model import Edition, PageTemplate
from kupang_layout.storage import StorageError, TemplateInfo, TemplateLibrary

CTX = "NewEdition"
MAX_PAGES = 64
BLANK = ""  # combo data of "blank page"
FRONT_PAGE = "halaman-depan"
NEWS_PAGE = "berita-satu"


class NewEditionDialog(QDialog):
    """Asks for the edition's details and each page's template."""

    def __init__(
        self,
        library: TemplateLibrary,
        parent: QWidget | None = None,
        paper: str = "Kupang Times",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_edition")
        self.setWindowTitle(tr(CTX, "New Edition"))
        self.library = library
        self.templates: list[TemplateInfo] = library.list()
        self.paper = QLineEdit(paper)
        self.paper.setObjectName("new_paper")
        self.number = QLineEdit()
        self.number.setObjectName("new_number")
        self.number.setPlaceholderText(tr(CTX, "e.g. 612"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("new_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.count = QSpinBox()
        self.count.setObjectName("new_count")
        self.count.setRange(1, MAX_PAGES)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("new_pages")
        self.table.setHorizontalHeaderLabels([tr(CTX, "Page"), tr(CTX, "Template")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00")
        form = QFormLayout()
        form.addRow(tr(CTX, "Paper name:"), self.paper)
        form.addRow(tr(CTX, "Edition number:"), self.number)
        form.addRow(tr(CTX, "Date:"), self.date)
        form.addRow(tr(CTX, "Number of pages:"), self.count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(CTX, "Create"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.problem.setVisible(bool(library.problems))
        if library.problems:
            self.problem.setText("\n".join(str(p) for p in library.problems))
        self.count.valueChanged.connect(self._set_rows)
        self.count.setValue(4)
        self._set_rows(4)
        self.resize(520, 560)
        self.edition: Edition | None = None

    def _default(self, row: int) -> str:
        names = [t.name for t in self.templates]
        want = FRONT_PAGE if row == 0 else NEWS_PAGE
        if want in names:
            return want
        return names[0] if names else BLANK

    def _set_rows(self, count: int) -> None:
        old = self.table.rowCount()
        self.table.setRowCount(count)
        for row in range(old, count):
            item = QTableWidgetItem(str(row + 1))
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"new_template_{row + 1}")
            combo.addItem(tr(CTX, "(blank page)"), BLANK)
            for info in self.templates:
                label = info.name if info.source == "builtin" else f"{info.name} ★"
                combo.addItem(label, info.name)
                combo.setItemData(combo.count() - 1, info.description, 3)  # tooltip role
            combo.setCurrentIndex(max(0, combo.findData(self._default(row))))
            self.table.setCellWidget(row, 1, combo)

    def set_template(self, page: int, name: str) -> None:
        """Choose the template of page `page` (1-based); '' for a blank page."""
        combo = self.table.cellWidget(page - 1, 1)
        assert isinstance(combo, QComboBox)
        index = combo.findData(name)
        if index < 0:
            raise KeyError(name)
        combo.setCurrentIndex(index)

    def chosen(self) -> list[str]:
        out = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            out.append(str(combo.currentData()))
        return out

    def build(self) -> Edition:
        """The edition as chosen (raises StorageError when a template cannot be read)."""
        cache: dict[str, PageTemplate] = {}
        templates: list[PageTemplate | None] = []
        for name in self.chosen():
            if name == BLANK:
                templates.append(None)
                continue
            if name not in cache:
                cache[name] = self.library.get(name)
            templates.append(cache[name])
        return build_edition(
            self.paper.text().strip() or "Kupang Times",
            self.number.text().strip(),
            self.date.date().toString("yyyy-MM-dd"),
            templates,
        )

    def _accept(self) -> None:
        try:
            self.edition = self.build()
        except StorageError as exc:
            self.problem.setText(str(exc))
            self.problem.setVisible(True)
            return
        self.accept()
