"""GUI stage: the template gallery: previews of the built-in and the user's templates.

From here the desk makes a new page from a template, applies a template to the
current page (its content moves into the new slots, the rest to the
pasteboard), saves the current page as a template, and renames, deletes,
imports and exports the user's .kplt files. The list and its previews are
`template_previews.TemplatePreviewList`, the details beside it
`template_details.details_html`, the name asked when saving
`save_template_dialog.SaveTemplateDialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.common.runtemp import temp_dir
from kupang_layout.editing.page_ops import template_page_command
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.dialogs.save_template_dialog import SaveTemplateDialog
from kupang_layout.gui.dialogs.template_details import details_html
from kupang_layout.gui.dialogs.template_previews import TemplatePreviewList
from kupang_layout.manuscript.retemplate import Retemplate, retemplate_page
from kupang_layout.model import Page, page_to_template
from kupang_layout.preflight.doc_rules import pasteboard_frames
from kupang_layout.storage import (
    StorageError,
    TemplateInfo,
    TemplateLibrary,
    TemplateLibraryError,
    save_template,
)

CTX = "TemplateGallery"
TEMPLATE_FILTER = "Kupang Layout Template (*.kplt)"


def page_without_pasteboard(page: Page) -> Page:
    """The page with the frames parked beside it left out (a template does not keep them)."""
    parked = pasteboard_frames(page)
    return replace(page, frames=[f for f in page.frames if f.id not in parked])


class TemplateGallery(QDialog):
    """The gallery. `message` reports what an action did (for the status bar)."""

    message = Signal(str)

    def __init__(
        self,
        doc: EditionSession,
        library: Callable[[], TemplateLibrary] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("template_gallery")
        self.setWindowTitle(tr(CTX, "Templates"))
        self.doc = doc
        self.make_library = library or TemplateLibrary
        self.library = self.make_library()
        self.last_save_dialog: SaveTemplateDialog | None = None
        self.last_result: Retemplate | None = None
        self.list = TemplatePreviewList()
        self.list.currentItemChanged.connect(lambda *_: self._show_details())
        self.list.itemDoubleClicked.connect(lambda _item: self.new_page())
        self.details = QLabel()
        self.details.setObjectName("template_details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumWidth(240)
        self.buttons: dict[str, QPushButton] = {}
        side = QVBoxLayout()
        side.addWidget(self.details, 1)
        labels = {
            "new_page": tr(CTX, "New Page from Template"),
            "apply": tr(CTX, "Apply to Current Page"),
            "save_page": tr(CTX, "Save Current Page as Template…"),
            "rename": tr(CTX, "Rename…"),
            "delete": tr(CTX, "Delete"),
            "import": tr(CTX, "Import…"),
            "export": tr(CTX, "Export…"),
        }
        for name, text in labels.items():
            b = QPushButton(text)
            b.setObjectName("template_" + name)
            side.addWidget(b)
            self.buttons[name] = b
            if name in ("apply", "save_page", "delete"):
                side.addSpacing(8)
        self.buttons["new_page"].clicked.connect(self.new_page)
        self.buttons["apply"].clicked.connect(self.apply_to_page)
        self.buttons["save_page"].clicked.connect(self.save_page)
        self.buttons["rename"].clicked.connect(self.rename)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["import"].clicked.connect(self.import_file)
        self.buttons["export"].clicked.connect(self.export_file)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr(CTX, "Close"))
        close.rejected.connect(self.reject)
        side.addWidget(close)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(side)
        self.resize(1220, 720)
        self.reload()

    # -- the list -----------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """List the library again (after a change) and paint the previews."""
        current = select or self.list.selected_name()
        self.library = self.make_library()
        self.list.show_templates(self.library, current, self.doc.edition)
        if self.library.problems:
            self.message.emit("; ".join(str(p) for p in self.library.problems))
        self._show_details()

    def _selected_info(self) -> TemplateInfo | None:
        name = self.list.selected_name()
        if name is None:
            return None
        try:
            return self.library.info(name)
        except TemplateLibraryError:
            return None

    def _show_details(self) -> None:
        info = self._selected_info()
        user = info is not None and info.source == "user"
        for name in ("rename", "delete"):
            self.buttons[name].setEnabled(user)
        for name in ("new_page", "apply", "export"):
            self.buttons[name].setEnabled(info is not None)
        self.buttons["apply"].setEnabled(info is not None and self.doc.page is not None)
        self.buttons["save_page"].setEnabled(self.doc.page is not None)
        if info is None:
            self.details.setText("")
            return
        try:
            t = self.library.get(info.name)
        except StorageError as exc:
            self.details.setText(str(exc))
            return
        self.details.setText(details_html(info, t))

    # -- actions ----------------------------------------------------------------------------
    # (dialog questions go through these methods, so tests can answer them)
    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok and value.strip() else None

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, tr(CTX, "Import Template"), "", TEMPLATE_FILTER)
        return Path(name) if name else None

    def ask_save_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr(CTX, "Export Template"), suggested, TEMPLATE_FILTER
        )
        return Path(name) if name else None

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, tr(CTX, "Templates"), text)
        return answer == QMessageBox.StandardButton.Yes

    def name_taken(self, name: str) -> str | None:
        """Why `name` cannot be a new template's (a built-in's or one of the desk's), or None."""
        for info in self.library.list():
            if info.name.casefold() == name.casefold():
                if info.source == "user":
                    return tr(
                        CTX, "You have a template called %1 already; choose another name."
                    ).replace("%1", info.name)
                return tr(CTX, "%1 is a built-in template; choose another name.").replace(
                    "%1", info.name
                )
        return None

    def ask_save_template(self, suggested: str) -> tuple[str, str] | None:
        dialog = SaveTemplateDialog(self, suggested, self.name_taken)
        self.last_save_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name.text().strip():
            return None
        return dialog.name.text().strip(), dialog.description.toPlainText().strip()

    def error(self, text: str) -> None:
        QMessageBox.warning(self, tr(CTX, "Templates"), text)

    # --
    def new_page(self) -> str | None:
        """A page from the selected template after the current page; closes the gallery."""
        name = self.list.selected_name()
        if name is None:
            return None
        try:
            template = self.library.get(name)
        except StorageError as exc:
            self.error(str(exc))
            return None
        ids = [p.id for p in self.doc.edition.pages]
        index = ids.index(self.doc.page_id) + 1 if self.doc.page_id in ids else None
        page, command = template_page_command(self.doc.edition, template, index)
        if not self.doc.execute(command):
            return None
        self.doc.set_page(page.id)
        self.message.emit(
            tr(CTX, "Page %1 added from template %2")
            .replace("%1", str(page.number))
            .replace("%2", name)
        )
        self.accept()
        return page.id

    def apply_to_page(self) -> Retemplate | None:
        """The selected template on the current page, its content moved along; one step."""
        name, page = self.list.selected_name(), self.doc.page
        if name is None or page is None:
            return None
        try:
            template = self.library.get(name)
        except StorageError as exc:
            self.error(str(exc))
            return None
        previous = None
        if page.template:
            try:
                previous = self.library.get(page.template)
            except StorageError:
                previous = None  # the old template is gone: its rules and boxes go with it
        command = retemplate_page(self.doc.edition, page.id, template, previous=previous)
        if not self.doc.execute(command):
            return None
        self.last_result = command
        parked = command.parked
        text = tr(CTX, "Template %1 applied to page %2.").replace("%1", name)
        text = text.replace("%2", str(page.number))
        if parked:
            text += " " + tr(
                CTX, "%1 pieces found no slot and wait on the pasteboard left of the page."
            ).replace("%1", str(len(parked)))
        self.message.emit(text)
        self.accept()
        return command

    def save_page(self) -> TemplateInfo | None:
        page = self.doc.page
        if page is None:
            return None
        answer = self.ask_save_template("")  # never the page's (often built-in) template name
        if answer is None:
            return None
        name, description = answer
        e = self.doc.edition
        template = page_to_template(
            page_without_pasteboard(page),
            e.stories,
            e.paragraph_styles,
            e.character_styles,
            name,
            description,
        )
        try:
            with temp_dir("kupang-template-") as folder:
                path = folder / "template.kplt"
                save_template(template, path)
                info = self.library.import_file(path)
        except StorageError as exc:
            self.error(str(exc))
            return None
        self.reload(select=info.name)
        self.message.emit(tr(CTX, "Template %1 saved").replace("%1", info.name))
        return info

    def rename(self) -> TemplateInfo | None:
        info = self._selected_info()
        if info is None or info.source != "user":
            return None
        new = self.ask_text(tr(CTX, "Rename Template"), tr(CTX, "New name:"), info.name)
        if new is None or new == info.name:
            return None
        try:
            renamed = self.library.rename(info.name, new)
        except StorageError as exc:
            self.error(str(exc))
            return None
        self.reload(select=renamed.name)
        return renamed

    def delete(self) -> bool:
        info = self._selected_info()
        if info is None or info.source != "user":
            return False
        if not self.confirm(tr(CTX, "Delete the template %1?").replace("%1", info.name)):
            return False
        try:
            self.library.delete(info.name)
        except StorageError as exc:
            self.error(str(exc))
            return False
        self.reload()
        return True

    def import_file(self) -> TemplateInfo | None:
        path = self.ask_open_path()
        if path is None:
            return None
        try:
            info = self.library.import_file(path)
        except TemplateLibraryError as exc:
            # most often the name is taken: offer another one
            new = self.ask_text(
                tr(CTX, "Import Template"),
                tr(CTX, "%1\nImport under another name:").replace("%1", str(exc)),
            )
            if new is None:
                return None
            try:
                info = self.library.import_file(path, name=new)
            except StorageError as again:
                self.error(str(again))
                return None
        except StorageError as exc:
            self.error(str(exc))
            return None
        self.reload(select=info.name)
        return info

    def export_file(self) -> Path | None:
        name = self.list.selected_name()
        if name is None:
            return None
        path = self.ask_save_path(f"{name}.kplt")
        if path is None:
            return None
        if path.suffix.lower() != ".kplt":
            path = path.with_suffix(".kplt")
        try:
            self.library.export(name, path)
        except StorageError as exc:
            self.error(str(exc))
            return None
        self.message.emit(
            tr(CTX, "Template %1 exported to %2").replace("%1", name).replace("%2", str(path))
        )
        return path

    def done(self, result: int) -> None:
        self.list.shutdown()
        super().done(result)
