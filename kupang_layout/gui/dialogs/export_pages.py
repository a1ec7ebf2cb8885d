"""GUI stage: the Export dialog's choice of pages: all, the current one, or a list (1,3-5).

The choice is remembered in the settings (`setting`, read back when the dialog
opens); typing in the list chooses the list.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.jobs.pages import parse_pages

CTX = "Export"


class PageChoice(QGroupBox):
    """Which pages of the open edition to export; `changed` on every change of choice."""

    changed = Signal()

    def __init__(self, doc: EditionSession, parent: QWidget | None = None) -> None:
        super().__init__(tr(CTX, "Pages"), parent)
        self.doc = doc
        self.all_pages = QRadioButton(tr(CTX, "&All pages"))
        page = doc.page
        self.current_page = QRadioButton(
            tr(CTX, "&Current page (%1)").replace("%1", str(page.number if page else "—"))
        )
        self.some_pages = QRadioButton(tr(CTX, "&Pages:"))
        self.page_list = QLineEdit()
        self.page_list.setPlaceholderText(tr(CTX, "e.g. 1,3-5"))
        self.page_group = QButtonGroup(self)
        for b in (self.all_pages, self.current_page, self.some_pages):
            self.page_group.addButton(b)
        self.all_pages.setChecked(True)
        remembered = app_settings().export_value("pages", "all")
        if remembered == "current":
            self.current_page.setChecked(True)
        elif remembered.startswith("list:"):
            self.page_list.setText(remembered[5:])
            self.some_pages.setChecked(True)
        pl = QVBoxLayout(self)
        pl.addWidget(self.all_pages)
        pl.addWidget(self.current_page)
        row = QHBoxLayout()
        row.addWidget(self.some_pages)
        row.addWidget(self.page_list, 1)
        pl.addLayout(row)
        self.page_group.buttonToggled.connect(lambda *_: self.changed.emit())
        self.page_list.textChanged.connect(self._list_edited)

    def _list_edited(self, _text: str) -> None:
        if not self.some_pages.isChecked():
            self.some_pages.setChecked(True)  # emits changed
        else:
            self.changed.emit()

    def selected_pages(self) -> list[int] | None:
        """The chosen page numbers, or None if the list is not valid."""
        numbers = [p.number for p in self.doc.edition.pages]
        if self.all_pages.isChecked():
            return numbers
        if self.current_page.isChecked():
            page = self.doc.page
            return [page.number] if page is not None else None
        try:
            wanted = parse_pages(self.page_list.text())
        except ValueError:
            return None
        return wanted if wanted and all(n in numbers for n in wanted) else None

    def setting(self) -> str:
        """The choice as the settings keep it: 'all', 'current' or 'list:' and the list."""
        if self.current_page.isChecked():
            return "current"
        if self.some_pages.isChecked():
            return "list:" + self.page_list.text().strip()
        return "all"

    def show_valid(self, pages: list[int] | None) -> None:
        """The list in red while it is chosen and names no valid pages (`pages` is None)."""
        self.page_list.setStyleSheet(
            "" if pages is not None or not self.some_pages.isChecked() else "color: #c81e1e"
        )
