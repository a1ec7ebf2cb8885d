"""GUI stage: the editor of the desk's hyphenation exceptions (one word a line, ``pe-ri-ngat-an``).

The text is checked as it is typed with the engine's own reader
(`engine.hyphenate_lists.load_exceptions`), so a problem is shown with the line
number the engine would report. Saving writes the file atomically, clears the
hyphenation caches and lays the edition out again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.common.atomic import FileWriteError, make_folder, write_text_atomically
from kupang_layout.common.messages import write_error_text
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.engine import layout as engine_layout
from kupang_layout.engine.hyphenate import default_hyphenator
from kupang_layout.engine.hyphenate_lists import (
    HyphenationFileError,
    load_exceptions,
    user_exceptions_path,
)
from kupang_layout.gui.base.i18n import noop, tr

CTX = "Hyphenation"
# The engine's problem templates (engine.hyphenate_lists), marked for translation; a
# test keeps this list equal to the engine's.
PROBLEM_TEMPLATES = (
    noop(CTX, "empty entry"),
    noop(CTX, "one word per line expected, got {entry}"),
    noop(CTX, "unexpected character {char} in {entry}"),
    noop(CTX, "hyphens must stand between letters in {entry}"),
    noop(CTX, "no letters in {entry}"),
    noop(CTX, "not UTF-8 text ({reason})"),
    noop(CTX, "cannot read file: {reason}"),
)
CHECK_DELAY_MS = 300
LINE_ROLE = Qt.ItemDataRole.UserRole


def check_exceptions(text: str) -> tuple[int, list[tuple[int, str]]]:
    """(number of words, [(line, problem)]) of an exception list's text."""
    problems: list[HyphenationFileError] = []
    with temp_dir("kupang-hyphenation-") as tmp:
        path = tmp / "hyphenation.txt"
        write_text_atomically(path, text)
        table = load_exceptions([path], problems)
    return len(table), [(p.line, problem_text(p)) for p in problems]


def problem_text(problem: HyphenationFileError) -> str:
    """The problem in the interface's language (the engine's English if untranslatable)."""
    try:
        return tr(CTX, problem.template).format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return problem.message


def write_exceptions(text: str, path: Path | None = None) -> Path:
    """Write the list atomically (the program's one writer). Raises FileWriteError."""
    target = path if path is not None else user_exceptions_path()
    make_folder(target.parent)
    return write_text_atomically(target, text if text.endswith("\n") or not text else text + "\n")


def forget_hyphenation() -> None:
    """Drop every cached hyphenator so the new list is read (the open document's own
    engine is cleared by `EditionSession.relayout`)."""
    default_hyphenator.cache_clear()
    engine_layout.default_engine().composer.clear_cache()


class HyphenationEditor(QWidget):
    """The exception list with its problems, line by line."""

    checked = Signal()

    def __init__(self, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path if path is not None else user_exceptions_path()
        self.intro = QLabel(
            tr(
                CTX,
                "One word a line, hyphens where it may break (pe-ri-ngat-an); a word "
                "without hyphens never breaks; # starts a comment. These words override "
                "the built-in list.",
            )
        )
        self.intro.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("hyphenation_text")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.edit.setFont(mono)
        self.status = QLabel()
        self.status.setObjectName("hyphenation_status")
        self.problems = QListWidget()
        self.problems.setObjectName("hyphenation_problems")
        self.problems.setMaximumHeight(110)
        self.problems.itemClicked.connect(self._go_to_line)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.problems)
        self.found: list[tuple[int, str]] = []
        self.words = 0
        try:
            self.original = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.original = ""
        except (OSError, UnicodeDecodeError) as exc:
            self.original = ""
            self.status.setText(str(exc))
        self.edit.setPlainText(self.original)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check)
        self.edit.textChanged.connect(self.timer.start)
        self.check()

    @property
    def modified(self) -> bool:
        return self.edit.toPlainText() != self.original

    def check(self) -> bool:
        """Validate the text now; True if it has no problems."""
        self.timer.stop()
        self.words, self.found = check_exceptions(self.edit.toPlainText())
        self.problems.clear()
        for line, message in self.found:
            text = tr(CTX, "Line %1: %2").replace("%1", str(line)).replace("%2", message)
            item = QListWidgetItem(text)
            item.setData(LINE_ROLE, line)
            self.problems.addItem(item)
        self.problems.setVisible(bool(self.found))
        if self.found:
            self.status.setText(
                tr(CTX, "%1 problems: fix them before saving").replace("%1", str(len(self.found)))
            )
            self.status.setStyleSheet("color: #c81e1e; font-weight: bold")
        else:
            self.status.setText(tr(CTX, "%1 words").replace("%1", str(self.words)))
            self.status.setStyleSheet("")
        self.checked.emit()
        return not self.found

    def _go_to_line(self, item: QListWidgetItem) -> None:
        line = item.data(LINE_ROLE)
        if not isinstance(line, int) or line < 1:
            return
        block = self.edit.document().findBlockByLineNumber(line - 1)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    def save(self) -> bool:
        """Write the list if it is valid; True when saved (or nothing changed)."""
        if not self.check():
            return False
        if not self.modified:
            return True
        text = self.edit.toPlainText()
        try:
            write_exceptions(text, self.path)
        except FileWriteError as exc:
            self.status.setText(write_error_text(exc))
            self.status.setStyleSheet("color: #c81e1e; font-weight: bold")
            return False
        self.original = text
        forget_hyphenation()
        return True
