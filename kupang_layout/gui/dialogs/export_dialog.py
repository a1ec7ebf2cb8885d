"""GUI stage: the Export PDF dialog: pages, preset, folder, file names, preflight gate, progress.

Preflight of the chosen pages is shown in the dialog; with errors the export
is possible only after ticking the acknowledgement, and then `preflight.json`
is written beside the PDFs (as `kupang-layout export --force`). The export runs
on an `ExportThread` through the export service (see `export_job.py`, which also
says what Cancel does); pages unchanged since the last export to the folder are
skipped unless "Export all pages again" is ticked.

The dialog is not modal: opened from the menu it hands the running export to the
window's `ExportMonitor` (status bar and Export dock, `panels/export_panel.py`)
and hides itself, so the desk edits on; opened again while it runs, it shows the
export's progress and Cancel. It remembers the last choice of pages, preset,
folder and file names (settings), and refuses a second export into a folder an
export is still writing into.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.common.runtemp import temp_dir
from kupang_layout.common.userdirs import documents_dir
from kupang_layout.engine.displaylist import PageDisplayList
from kupang_layout.gui.base.host import WindowHost, main_window_of
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.dialogs.export_job import (
    ExportOutcome,
    ExportThread,
    claim_folder,
    make_request,
    warm_pool,
)
from kupang_layout.gui.dialogs.export_presets import available_presets, offered_name
from kupang_layout.gui.panels.export_panel import ExportMonitor
from kupang_layout.gui.panels.preflight_panel import COLOURS, severity_icon, summary_text
from kupang_layout.jobs.export import ExportOptions
from kupang_layout.jobs.pages import parse_pages
from kupang_layout.model.page import Page
from kupang_layout.preflight import Issue, check_page, has_errors, sort_issues
from kupang_layout.render.pdf.errors import PdfExportError, PresetError
from kupang_layout.render.pdf.presets import (
    ExportPreset,
    check_filename_pattern,
)

CTX = "Export"
PREVIEW_DPI = 40
WARM_POOL_MS = 1500


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

        # pages
        self.all_pages = QRadioButton(tr(CTX, "&All pages"))
        page = self.doc.page
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
        pages_box = QGroupBox(tr(CTX, "Pages"))
        pl = QVBoxLayout(pages_box)
        pl.addWidget(self.all_pages)
        pl.addWidget(self.current_page)
        row = QHBoxLayout()
        row.addWidget(self.some_pages)
        row.addWidget(self.page_list, 1)
        pl.addLayout(row)

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

        # preflight gate
        self.pf_summary = QLabel()
        self.pf_summary.setObjectName("export_preflight_summary")
        self.pf_list = QListWidget()
        self.pf_list.setObjectName("export_preflight_list")
        self.pf_list.setMaximumHeight(140)
        self.pf_list.setWordWrap(True)
        self.pf_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.acknowledge = QCheckBox(
            tr(
                CTX,
                "Export in spite of the errors (a report, preflight.json, goes beside the PDFs)",
            )
        )
        self.acknowledge.setObjectName("acknowledge_errors")
        pf_box = QGroupBox(tr(CTX, "Preflight"))
        pfl = QVBoxLayout(pf_box)
        pfl.addWidget(self.pf_summary)
        pfl.addWidget(self.pf_list, 1)
        pfl.addWidget(self.acknowledge)

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
        layout.addWidget(pages_box)
        layout.addLayout(form)
        layout.addWidget(pf_box, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.page_group.buttonToggled.connect(lambda *_: self._pages_changed())
        self.page_list.textChanged.connect(self._list_edited)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.pattern.textChanged.connect(lambda _t: self._update_state())
        self.folder.textChanged.connect(lambda _t: self._update_state())
        self.folder.textChanged.connect(self._show_full_folder)
        self.acknowledge.toggled.connect(lambda _on: self._update_state())
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
        if self.current_page.isChecked():
            pages = "current"
        elif self.some_pages.isChecked():
            pages = "list:" + self.page_list.text().strip()
        else:
            pages = "all"
        settings = app_settings()
        settings.set("export/pages", pages)
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
        kind = tr(CTX, "PDF/X-1a for the plant") if preset.pdfx else tr(CTX, "proof, not PDF/X")
        marks = tr(CTX, ", crop marks") if preset.marks else ""
        ghostscript = preset.ink_check == "ghostscript"
        self.preset_note.setText(
            tr(CTX, "%1%2; images up to %3 ppi; total ink %4 %")
            .replace("%1", kind)
            .replace("%2", marks)
            .replace("%3", f"{preset.max_ppi:g}")
            .replace("%4", f"{preset.tac:g}")
            + (tr(CTX, "; ink measured by Ghostscript on every page") if ghostscript else "")
        )
        self._update_state()

    def _list_edited(self, _text: str) -> None:
        if not self.some_pages.isChecked():
            self.some_pages.setChecked(True)  # calls _pages_changed
        else:
            self._pages_changed()

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

    def _pages_changed(self) -> None:
        """Preflight of the chosen pages, as the command line would run it."""
        pages = self.selected_pages() or []
        issues: list[Issue] = []
        for number in pages:
            page = self.doc.edition.page_by_number(number)
            if page is not None:
                dl = self.doc.display_list(page)
                issues += check_page(self.doc.edition, page, self.doc.engine, display_list=dl)
        self.issues = sort_issues(issues)
        lang = self.host.language
        self.pf_list.clear()
        for issue in self.issues:
            if issue.severity == "info":
                continue
            where = tr(CTX, "page %1").replace("%1", str(issue.page)) if issue.page else ""
            frame = issue.frame_label(lang)
            text = f"{where}{' · ' + frame if frame else ''}: {issue.message(lang)}"
            item = QListWidgetItem(severity_icon(issue.severity), text)
            hint = issue.hint(lang)
            if hint:
                item.setToolTip(hint)
            self.pf_list.addItem(item)
        self.pf_summary.setText(summary_text(self.issues))
        errors = has_errors(self.issues)
        warnings = any(i.severity == "warning" for i in self.issues)
        colour = COLOURS["error" if errors else "warning"].name() if errors or warnings else ""
        self.pf_summary.setStyleSheet(f"font-weight: bold; color: {colour}" if colour else "")
        self.pf_list.setVisible(self.pf_list.count() > 0)
        self.acknowledge.setVisible(errors)
        if not errors:
            self.acknowledge.setChecked(False)
        self._update_state()

    def pattern_problem(self) -> str:
        try:
            check_filename_pattern(self.pattern.text())
        except PresetError as exc:
            return exc.reason
        return ""

    def _update_state(self) -> None:
        running = self.job is not None
        pages = self.selected_pages()
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
        blocked = has_errors(self.issues) and not self.acknowledge.isChecked()
        self.export_button.setEnabled(
            not running
            and pages is not None
            and not problem
            and bool(self.folder.text().strip())
            and not blocked
        )
        self.page_list.setStyleSheet(
            "" if pages is not None or not self.some_pages.isChecked() else "color: #c81e1e"
        )

    def _preset_for_pattern(self) -> ExportPreset:
        return replace(self._preset(), filename_pattern=self.pattern.text())

    # -- running ------------------------------------------------------------------
    def start(self) -> None:
        pages = self.selected_pages()
        if pages is None or self.job is not None:
            return
        self._pages_changed()  # the edition may have changed since the dialog opened
        if has_errors(self.issues) and not self.acknowledge.isChecked():
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
        n = len(outcome.exported)
        parts = [
            tr(CTX, "%1 pages exported to %2 in %3 s")
            .replace("%1", str(n))
            .replace("%2", str(self.job.request.out_dir if self.job else ""))
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
        self.status.setText("\n".join(parts))
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
            pixmap = self._qt_preview(first.page)
        if pixmap is None:
            return
        show_preview(self, pixmap, first.path.name if first.path else "")

    def _qt_preview(self, number: int) -> QPixmap | None:
        """Our own display list through the Qt renderer (when pdftoppm is not there)."""
        from kupang_layout.render.qt import render_page_image

        page = self.doc.edition.page_by_number(number)
        dl = self.doc.display_list(page) if page is not None else None
        if dl is None:
            return None
        return QPixmap.fromImage(render_page_image(dl, self.doc.edition, PREVIEW_DPI * 2))


def preview_pixmap(pdf: Path) -> QPixmap | None:
    """The first page of a PDF through pdftoppm, or None without it."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with temp_dir("kupang-preview-") as tmp:
        prefix = tmp / "page"
        run = subprocess.run(
            [tool, "-r", str(PREVIEW_DPI * 2), "-f", "1", "-l", "1", "-png", "-singlefile",
             str(pdf), str(prefix)],
            capture_output=True,
            timeout=60,
            check=False,
        )  # fmt: skip
        png = prefix.with_suffix(".png")
        if run.returncode != 0 or not png.is_file():
            return None
        pixmap = QPixmap(str(png))
    return None if pixmap.isNull() else pixmap


def show_preview(parent: QWidget, pixmap: QPixmap, title: str) -> None:
    box = QDialog(parent)
    box.setObjectName("export_preview")
    box.setWindowTitle(tr(CTX, "Preview: %1").replace("%1", title))
    label = QLabel()
    label.setPixmap(pixmap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    area = QScrollArea()
    area.setWidget(label)
    layout = QVBoxLayout(box)
    layout.addWidget(area)
    box.resize(min(pixmap.width() + 40, 900), min(pixmap.height() + 40, 1000))
    box.show()


class ExportOpener(QObject):
    """File › Export PDF… of one window: one dialog at a time, not modal."""

    def __init__(self, host: WindowHost, monitor: ExportMonitor) -> None:
        super().__init__(host.window())
        self.host = host
        self.monitor = monitor
        self.dialog: ExportDialog | None = None

    def open(self) -> ExportDialog:
        """The dialog: the one still running an export (its progress), else a new one."""
        current = self.dialog
        if current is not None and shiboken6.isValid(current):
            if current.job is not None or current.isVisible():
                current.show()
                current.raise_()
                current.activateWindow()
                return current
            current.deleteLater()
        dialog = ExportDialog(self.host, self.monitor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _closed(self, dialog: ExportDialog) -> None:
        if dialog.job is None and shiboken6.isValid(dialog):
            dialog.deleteLater()
            if self.dialog is dialog:
                self.dialog = None


def install_export(host: WindowHost, action: QAction | None) -> tuple[ExportMonitor, ExportOpener]:
    """File › Export PDF… (`action`) opens the dialog on `host`'s edition; the export runs
    in the background, shown by the window's ExportMonitor (status bar, Export dock)."""
    monitor = ExportMonitor(main_window_of(host), lambda: host.language)
    opener = ExportOpener(host, monitor)
    if action is not None:
        action.triggered.connect(lambda: opener.open())
    # The export's worker processes start once, a few seconds after the app opens
    # (idle, in the background), so the first export does not wait for them.
    QTimer.singleShot(WARM_POOL_MS, warm_pool)
    return monitor, opener
