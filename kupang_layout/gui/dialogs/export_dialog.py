"""GUI stage: the Export PDF dialog: pages, preset, folder, file names, preflight gate, progress.

Preflight of the chosen pages (`export_pages.py`) is shown in the dialog; with
errors the export is possible only after ticking the acknowledgement
(`export_preflight.py`), and then `preflight.json` is written beside the PDFs
(as `kupang-layout export --force`). The export runs on an `ExportThread`
through the export service (see `export_job.py`, which also says what Cancel
does); pages unchanged since the last export to the folder are skipped unless
"Export all pages again" is ticked. What it did is told in the status line
(`export_outcome.py`); Preview shows the first page written (`export_preview.py`).

The dialog is not modal: opened from the menu (`export_opener.py`) it hands the
running export to the window's `ExportMonitor` (status bar and Export dock,
`panels/export_panel.py`) and hides itself, so the desk edits on; opened again
while it runs, it shows the export's progress and Cancel. It remembers the last
choice of pages, preset, folder and file names (settings), and refuses a second
export into a folder an export is still writing into.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from kupang_layout.common.userdirs import documents_dir
from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.gui.base.host import WindowHost
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.dialogs.export_job import (
    ExportOutcome,
    ExportThread,
    claim_folder,
    make_request,
)
from kupang_layout.gui.dialogs.export_outcome import outcome_text
from kupang_layout.gui.dialogs.export_pages import PageChoice
from kupang_layout.gui.dialogs.export_preflight import PreflightGate, preflight_issues
from kupang_layout.gui.dialogs.export_presets import available_presets, offered_name, preset_summary
from kupang_layout.gui.dialogs.export_preview import preview_pixmap, qt_preview, show_preview
from kupang_layout.gui.panels.export_panel import ExportMonitor
from kupang_layout.jobs.export import ExportOptions
from kupang_layout.model.page import Page
from kupang_layout.preflight import Issue, has_errors
from kupang_layout.render.pdf.errors import PdfExportError, PresetError
from kupang_layout.render.pdf.presets import (
    ExportPreset,
    check_filename_pattern,
)

CTX = "Export"


def default_folder(doc: EditionSession) -> Path:
    saved = app_settings().export_value("folder")
    if saved:
        return Path(saved)
    if doc.path is not None:
        return doc.path.parent / "PDF"
    return documents_dir() / "Kupang Layout PDF"


class ExportDialog(QDialog):
    """Choose and run one export of the open edition."""

    def __init__(self, host: WindowHost, monitor: ExportMonitor | None = None) -> None:
        super().__init__(host.window())
        self.setObjectName("export_dialog")
        self.host = host
        self.monitor = monitor  # given: the export goes on in the background
        self.doc = host.doc
        self.job: ExportThread | None = None
        self.outcome: ExportOutcome | None = None
        self.issues: list[Issue] = []
        self.setWindowTitle(tr(CTX, "Export PDF"))
        self.presets, preset_problem = available_presets()

        self.page_choice = PageChoice(self.doc)

        # preset, folder, names
        self.preset = QComboBox()
        for name in self.presets:
            self.preset.addItem(name, name)
        self.preset.setCurrentIndex(max(0, self.preset.findData(offered_name(self.presets))))
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        self.preset_note.setStyleSheet("color: #555")
        self.folder = QLineEdit(str(default_folder(self.doc)))
        self.folder.setObjectName("export_folder")
        self.folder.setMinimumWidth(360)
        self.folder_full = QLabel()  # the whole path, however long (the field may cut it)
        self.folder_full.setObjectName("export_folder_full")
        self.folder_full.setWordWrap(True)
        self.folder_full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_full.setStyleSheet("color: #555")
        browse = QPushButton(tr(CTX, "&Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.pattern = QLineEdit(
            app_settings().export_value("pattern", "") or self._preset().filename_pattern
        )
        self._pattern_of_preset = self.pattern.text()
        self.example = QLabel()
        self.combined = QCheckBox(tr(CTX, "Also make one combined &proof PDF of these pages"))
        self.reexport_all = QCheckBox(tr(CTX, "Export all pages &again (also the unchanged)"))
        self.reexport_all.setObjectName("reexport_all")
        form = QFormLayout()
        form.addRow(tr(CTX, "Preset"), self.preset)
        form.addRow("", self.preset_note)
        form.addRow(tr(CTX, "Folder"), folder_row)
        form.addRow("", self.folder_full)
        form.addRow(tr(CTX, "File names"), self.pattern)
        form.addRow("", self.example)
        form.addRow("", self.combined)
        form.addRow("", self.reexport_all)
        if preset_problem:
            bad = QLabel(
                tr(CTX, "Your presets file was not read: %1").replace("%1", preset_problem)
            )
            bad.setWordWrap(True)
            bad.setStyleSheet("color: #c81e1e")
            form.addRow("", bad)

        self.preflight = PreflightGate()

        # progress and buttons
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("export_status")
        self.preview_button = QPushButton(tr(CTX, "Pre&view"))
        self.open_button = QPushButton(tr(CTX, "&Open Folder"))
        self.export_button = QPushButton(tr(CTX, "&Export"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(tr(CTX, "Close"))
        self.background_button = QPushButton(tr(CTX, "&Hide (export goes on)"))
        self.background_button.setObjectName("export_background")
        self.background_button.setVisible(False)
        self.background_button.clicked.connect(self.hide)
        for button in (self.preview_button, self.open_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.background_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_choice)
        layout.addLayout(form)
        layout.addWidget(self.preflight, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.page_choice.changed.connect(self._pages_changed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.pattern.textChanged.connect(lambda _t: self._update_state())
        self.folder.textChanged.connect(lambda _t: self._update_state())
        self.folder.textChanged.connect(self._show_full_folder)
        self.preflight.acknowledge.toggled.connect(lambda _on: self._update_state())
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.close)
        self.open_button.clicked.connect(self.open_folder)
        self.preview_button.clicked.connect(self.preview)
        self._preset_changed()
        self._pages_changed()
        self._show_full_folder(self.folder.text())
        self.resize(700, 680)

    # -- choices ------------------------------------------------------------------
    def _preset(self) -> ExportPreset:
        return self.presets[self.preset.currentData()][0]

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr(CTX, "Export Folder"), self.folder.text())
        if name:
            self.folder.setText(name)

    def out_dir(self) -> Path:
        """The folder as typed, made absolute ('~' and relative names resolved)."""
        return Path(self.folder.text().strip()).expanduser().absolute()

    def _show_full_folder(self, text: str) -> None:
        full = str(self.out_dir()) if text.strip() else ""
        self.folder_full.setText(full)
        self.folder.setToolTip(full)

    def remember(self) -> None:
        """The choices, for the next time the dialog opens (also in a new session)."""
        settings = app_settings()
        settings.set("export/pages", self.page_choice.setting())
        settings.set("export/folder", str(self.out_dir()))
        settings.set("export/preset", self.preset.currentData())
        pattern = self.pattern.text()
        settings.set(
            "export/pattern", "" if pattern == self._preset().filename_pattern else pattern
        )

    def _preset_changed(self, _index: int = 0) -> None:
        preset = self._preset()
        if self.pattern.text() == self._pattern_of_preset:  # not changed by hand
            self.pattern.setText(preset.filename_pattern)
        self._pattern_of_preset = preset.filename_pattern
        self.preset_note.setText(preset_summary(preset))
        self._update_state()

    def _pages_changed(self) -> None:
        """Preflight of the chosen pages, as the command line would run it."""
        self.issues = preflight_issues(self.doc, self.page_choice.selected_pages() or [])
        self.preflight.show_issues(self.issues, self.host.language)
        self._update_state()

    def pattern_problem(self) -> str:
        try:
            check_filename_pattern(self.pattern.text())
        except PresetError as exc:
            return exc.reason
        return ""

    def _update_state(self) -> None:
        running = self.job is not None
        pages = self.page_choice.selected_pages()
        problem = self.pattern_problem()
        if problem:
            self.example.setText(tr(CTX, "Not a valid pattern: %1").replace("%1", problem))
            self.example.setStyleSheet("color: #c81e1e")
        else:
            ed = self.doc.edition
            sample = self._preset_for_pattern().filename(
                ed.paper, ed.number, (pages or [1])[0], ed.date
            )
            self.example.setText(tr(CTX, "e.g. %1").replace("%1", sample))
            self.example.setStyleSheet("color: #555")
        blocked = self.preflight.blocks(self.issues)
        self.export_button.setEnabled(
            not running
            and pages is not None
            and not problem
            and bool(self.folder.text().strip())
            and not blocked
        )
        self.page_choice.show_valid(pages)

    def _preset_for_pattern(self) -> ExportPreset:
        return replace(self._preset(), filename_pattern=self.pattern.text())

    # -- running ------------------------------------------------------------------
    def start(self) -> None:
        pages = self.page_choice.selected_pages()
        if pages is None or self.job is not None:
            return
        self._pages_changed()  # the edition may have changed since the dialog opened
        if self.preflight.blocks(self.issues):
            return
        out_dir = self.out_dir()
        name = self.preset.currentData()
        self.remember()
        self.doc.end_group()
        options = ExportOptions(
            preset_name=name,
            presets_path=self.presets[name][1],
            filename_pattern=self.pattern.text(),
            combined=self.combined.isChecked(),
            force=has_errors(self.issues),
            reexport_all=self.reexport_all.isChecked(),
            language=self.host.language,
        )
        try:  # the snapshot, here on the GUI thread: the desk may edit on meanwhile
            request = make_request(
                self.doc.edition,
                out_dir,
                pages,
                options,
                issues=self.issues,
                display_list=self._display_list,
            )
        except PdfExportError as exc:  # a bad pattern or preset, two pages in one file
            self._failed(str(exc))
            return
        if not claim_folder(out_dir):  # one export at a time into one folder
            self._failed(
                tr(
                    CTX, "An export into %1 is still running; wait for it or choose another folder."
                ).replace("%1", str(out_dir))
            )
            return
        self.outcome = None
        self.job = ExportThread(request)
        self.job.progress.connect(self._progress)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._thread_finished)
        self.progress.setRange(0, len(pages))
        self.progress.setValue(0)
        self.status.setText(tr(CTX, "Exporting %1 pages…").replace("%1", str(len(pages))))
        self.close_button.setText(tr(CTX, "Cancel"))
        self.preview_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self._update_state()
        if self.monitor is not None:
            self.monitor.track(self.job, out_dir, len(pages))
            self.background_button.setVisible(True)
        self.job.start()
        if self.monitor is not None:
            self.hide()  # the export goes on in the background: the desk edits on

    def _display_list(self, page: Page) -> PageDisplayList:
        dl = self.doc.display_list(page)
        if dl is None:  # only without a page; the plan asks for real pages
            raise PdfExportError(f"page {page.number} has no display list")
        return dl

    def cancel(self) -> None:
        if self.job is not None and not self.job.cancelling:
            self.job.cancel()
            self.status.setText(tr(CTX, "Cancelling: the pages being written are finished…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(message)  # translated by the service: '[3/24] halaman 2: …'

    def _done(self, outcome: ExportOutcome) -> None:
        self.outcome = outcome
        out_dir = self.job.request.out_dir if self.job else ""
        self.status.setText(outcome_text(outcome, out_dir))
        if self.monitor is not None:
            self.monitor.report(self.status.text())
        self.open_button.setEnabled(True)
        self.preview_button.setEnabled(bool(outcome.written))

    def _failed(self, text: str) -> None:
        self.status.setText(tr(CTX, "The export failed: %1").replace("%1", text))
        if self.monitor is not None and self.job is not None:
            self.monitor.report(self.status.text())

    def _thread_finished(self) -> None:
        self.job = None
        self.close_button.setText(tr(CTX, "Close"))
        self.background_button.setVisible(False)
        self._update_state()
        if self.monitor is not None and not self.isVisible():
            self.deleteLater()  # hidden while it ran: the panel has its report

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:  # Close is Cancel while exporting
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:  # Esc
        if self.job is not None:
            self.cancel()
            return
        super().reject()

    # -- afterwards ----------------------------------------------------------------
    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text().strip()))

    def preview(self) -> None:
        if self.outcome is None or not self.outcome.written:
            return
        first = self.outcome.written[0]
        pixmap = preview_pixmap(first.path) if first.path is not None else None
        if pixmap is None:
            pixmap = qt_preview(self.doc, first.page)
        if pixmap is None:
            return
        show_preview(self, pixmap, first.path.name if first.path else "")
