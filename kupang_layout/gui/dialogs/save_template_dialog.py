"""GUI stage: the name-and-description dialog of a template made from the current page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kupang_layout.gui.base.i18n import tr

CTX = "TemplateGallery"


class SaveTemplateDialog(QDialog):
    """Name and description of a template made from the current page.

    The name starts empty (a page's template is often a built-in one, whose name
    cannot be taken). Save with an empty name or a name the library has already
    (built-in or the desk's own) keeps the dialog open with what was typed and
    says why (`problem`)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        name: str = "",
        taken: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("save_template_dialog")
        self.setWindowTitle(tr(CTX, "Save Page as Template"))
        self.taken = taken
        self.name = QLineEdit(name)
        self.name.setObjectName("template_name")
        self.name.setPlaceholderText(tr(CTX, "e.g. Hutan, one story with a wide photo"))
        self.problem = QLabel()
        self.problem.setObjectName("template_name_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c81e1e")
        self.problem.hide()
        self.description = QPlainTextEdit()
        self.description.setObjectName("template_description")
        self.description.setFixedHeight(90)
        form = QFormLayout(self)
        form.addRow(tr(CTX, "Name:"), self.name)
        form.addRow("", self.problem)
        form.addRow(tr(CTX, "Description:"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        name = self.name.text().strip()
        problem = tr(CTX, "Give the template a name.") if not name else None
        if problem is None and self.taken is not None:
            problem = self.taken(name)
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            self.name.setFocus()
            self.name.selectAll()
            return  # open, with what was typed
        super().accept()
