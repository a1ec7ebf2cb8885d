"""GUI stage: the Preferences dialog: language, units, autosave, folders, hyphenation, presets.

General settings are stored by `settings.py`. The hyphenation exceptions are
the desk's own file (`hyphenation_editor.py`). Export presets: the bundled ones
are shown read-only; the desk's own presets live in ``export_presets.json`` in
the user config folder (same format), edited here as JSON and checked with the
exporter's own reader before they are saved. OK and Apply save everything;
nothing is saved while a tab still shows a problem.
"""

from __future__ import annotations

import contextlib
import json
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.common.atomic import FileWriteError, make_folder, write_text_atomically
from kupang_layout.common.messages import write_error_text
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.gui.base.host import WindowHost
from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.gui.base.settings import (
    MAX_AUTOSAVE_SECONDS,
    MIN_AUTOSAVE_SECONDS,
    UNITS,
    app_settings,
    user_presets_path,
)
from kupang_layout.gui.dialogs.hyphenation_editor import HyphenationEditor
from kupang_layout.render.pdf.errors import PresetError
from kupang_layout.render.pdf.presets import PROOF_PRESET, load_presets

CTX = "Preferences"
UNIT_LABELS = {
    "mm": noop(CTX, "Millimetres (mm)"),
    "cm": noop(CTX, "Centimetres (cm)"),
    "pt": noop(CTX, "Points (pt)"),
}
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def check_presets_text(text: str) -> str:
    """'' if the text is a valid presets file whose names do not clash with the built-in
    ones, else the problem."""
    if not text.strip():
        return ""
    builtin = load_presets()
    with temp_dir("kupang-presets-") as tmp:
        path = tmp / "export_presets.json"
        try:
            write_text_atomically(path, text)
        except FileWriteError as exc:
            return write_error_text(exc)
        try:
            presets = load_presets(path)
        except PresetError as exc:
            return str(exc).replace(str(path), user_presets_path().name)
    clash = [name for name in presets if name in builtin]
    if clash:
        return tr(CTX, "The name %1 is used by a built-in preset").replace("%1", repr(clash[0]))
    return ""


def example_presets() -> str:
    """A starting point for the desk's own file: the proof preset under another name."""
    proof = load_presets()[PROOF_PRESET]
    entry = {
        "name": "Proof besar",
        "description": "Proof at 200 ppi for reading on screen",
        "pdfx": False,
        "max_ppi": 200,
        "jpeg_quality": 85,
        "marks": False,
        "tac": proof.tac,
        "filename_pattern": "{paper}_{edition}_{page:02d}_proof200.pdf",
    }
    return json.dumps({"version": 1, "presets": [entry]}, ensure_ascii=False, indent=2) + "\n"


class PresetsPage(QWidget):
    """The bundled presets (read-only) and the desk's own presets file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = user_presets_path()
        self.builtin = QTextBrowser()
        self.builtin.setObjectName("builtin_presets")
        lines = []
        for p in load_presets().values():
            kind = "PDF/X-1a" if p.pdfx else tr(CTX, "not PDF/X")
            marks = tr(CTX, ", crop marks") if p.marks else ""
            lines.append(
                f"<p><b>{p.name}</b> — {kind}{marks}, ≤ {p.max_ppi:g} ppi, JPEG {p.jpeg_quality}, "
                f"{tr(CTX, 'total ink')} {p.tac:g} %, {tr(CTX, 'bleed')} {p.bleed_mm:g} mm<br>"
                f"<tt>{p.filename_pattern}</tt></p>"
            )
        self.builtin.setHtml("".join(lines))
        self.builtin.setMaximumHeight(170)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("user_presets")
        try:
            self.original = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.original = ""
        self.edit.setPlainText(self.original)
        self.edit.setPlaceholderText(tr(CTX, "No presets of your own yet."))
        self.example = QPushButton(tr(CTX, "Insert an &Example"))
        self.example.clicked.connect(lambda: self.edit.setPlainText(example_presets()))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c81e1e")
        self.edit.textChanged.connect(self.check)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr(CTX, "Built-in presets (read-only):")))
        layout.addWidget(self.builtin)
        own = QHBoxLayout()
        own.addWidget(QLabel(tr(CTX, "Your presets (%1):").replace("%1", str(self.path))), 1)
        own.addWidget(self.example)
        layout.addLayout(own)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.problem)
        self.check()

    def check(self) -> bool:
        problem = check_presets_text(self.edit.toPlainText())
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        return not problem

    def save(self) -> bool:
        if not self.check():
            return False
        text = self.edit.toPlainText()
        if text == self.original:
            return True
        if text.strip():
            try:
                make_folder(self.path.parent)
                write_text_atomically(self.path, text)
            except FileWriteError as exc:
                self.problem.setText(write_error_text(exc))
                self.problem.setVisible(True)
                return False
        else:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self.original = text
        return True


class PreferencesHost(WindowHost, Protocol):
    """The window the preferences apply to: it can switch language and redraw its texts."""

    def set_language(self, code: str) -> None: ...

    def retranslate(self) -> None: ...


class PreferencesDialog(QDialog):
    """Edit the preferences; OK and Apply save and apply them at once."""

    def __init__(self, host: PreferencesHost) -> None:
        super().__init__(host.window())
        self.setObjectName("preferences_dialog")
        self.host = host
        self.setWindowTitle(tr(CTX, "Preferences"))
        s = app_settings()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(host.language)))
        self.units = QComboBox()
        for unit in UNITS:
            self.units.addItem(tr(CTX, UNIT_LABELS[unit]), unit)
        self.units.setCurrentIndex(max(0, self.units.findData(s.units)))
        self.autosave = QSpinBox()
        self.autosave.setRange(MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS)
        self.autosave.setSuffix(tr(CTX, " s"))
        self.autosave.setValue(s.autosave_preference)
        self.desk_name = QLineEdit(s.desk_name)
        self.desk_name.setObjectName("desk_name")
        self.templates = QLineEdit(str(s.template_dir))
        browse = QPushButton(tr(CTX, "&Browse…"))
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.templates, 1)
        folder.addWidget(browse)
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(tr(CTX, "Name"), self.desk_name)
        form.addRow(tr(CTX, "Language"), self.language)
        form.addRow(tr(CTX, "Units"), self.units)
        form.addRow(tr(CTX, "Autosave every"), self.autosave)
        note = QLabel(
            tr(
                CTX,
                "A recovery copy is also made after pages, templates or imports change; "
                "your own file is only written when you save.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        form.addRow("", note)
        form.addRow(tr(CTX, "Your templates folder"), folder)
        self.plant_dir = QLineEdit(str(s.plant_dir or ""))
        self.plant_dir.setObjectName("plant_dir")
        self.plant_dir.setPlaceholderText(tr(CTX, "a shared folder of the printing plant"))
        plant_browse = QPushButton(tr(CTX, "B&rowse…"))
        plant_browse.clicked.connect(self._browse_plant)
        plant = QHBoxLayout()
        plant.addWidget(self.plant_dir, 1)
        plant.addWidget(plant_browse)
        form.addRow(tr(CTX, "Printing plant folder"), plant)
        self.paste_styles = QCheckBox(
            tr(CTX, "Bold and italic from a word processor or e-mail become Strong and Emphasis")
        )
        self.paste_styles.setObjectName("paste_bold_italic")
        self.paste_styles.setChecked(s.paste_bold_italic)
        form.addRow(tr(CTX, "Pasted text"), self.paste_styles)
        self.hyphenation = HyphenationEditor()
        self.presets = PresetsPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(general, tr(CTX, "General"))
        self.tabs.addTab(self.hyphenation, tr(CTX, "Hyphenation"))
        self.tabs.addTab(self.presets, tr(CTX, "Export Presets"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(CTX, "OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).setText(tr(CTX, "&Apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(CTX, "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, tr(CTX, "Your templates folder"), self.templates.text()
        )
        if name:
            self.templates.setText(name)

    def _browse_plant(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, tr(CTX, "Printing plant folder"), self.plant_dir.text()
        )
        if name:
            self.plant_dir.setText(name)

    def apply(self) -> bool:
        """Save and apply everything; False (and the tab with the problem shown) if a tab
        has a problem."""
        if not self.hyphenation.check():
            self.tabs.setCurrentWidget(self.hyphenation)
            return False
        if not self.presets.check():
            self.tabs.setCurrentWidget(self.presets)
            return False
        s = app_settings()
        units_changed = s.units != self.units.currentData()
        s.set("ui/units", self.units.currentData())
        s.set("autosave/seconds", self.autosave.value())
        s.set("desk/name", self.desk_name.text().strip())
        s.set("delivery/plant_dir", self.plant_dir.text().strip())
        s.set("editing/paste_bold_italic", self.paste_styles.isChecked())
        folder = self.templates.text().strip()
        s.set("templates/user_dir", folder)
        if self.hyphenation.modified:
            self.hyphenation.save()
            self.host.doc.relayout()
        self.presets.save()
        code = self.language.currentData()
        if code != self.host.language:
            self.host.set_language(code)
        elif units_changed:
            self.host.retranslate()  # the status bar shows lengths too
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()


def install_preferences(host: PreferencesHost, action: QAction | None) -> None:
    """Edit › Preferences… (`action`) opens the dialog for `host`."""
    if action is not None:
        action.triggered.connect(lambda: _run_dialog(PreferencesDialog(host)))


def _run_dialog(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()
