"""GUI stage: Help › Panduan: the desk's guide (docs/PANDUAN.md) rendered in a window.

The Markdown is shown by a QTextBrowser (`setMarkdown`); its pictures are found
relative to the guide's folder. The guide comes from the source tree or from the
PyInstaller bundle (`kupang_layout.resources.docs_path`, build.spec copies it).
Links to web pages open in the system's browser. One viewer per window; F1 opens it.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget

from kupang_layout.gui.base.i18n import tr
from kupang_layout.resources import docs_path

CTX = "Help"
GUIDE = "PANDUAN.md"


def guide_path() -> Path:
    return docs_path(GUIDE)


class HelpViewer(QDialog):
    """The guide in a window of its own, not modal (the desk reads and works)."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_viewer")
        self.setWindowTitle(tr(CTX, "Kupang Layout Guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.path = path or guide_path()
        self.load()
        self.resize(820, 900)

    def load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            self.browser.setPlainText(
                tr(CTX, "The guide could not be read: %1").replace("%1", f"{self.path} ({exc})")
            )
            return
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.path.parent) + "/"))
        self.browser.setMarkdown(text)


class HelpController:
    """Help › Panduan (F1) of one main window."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.viewer: HelpViewer | None = None
        self.action = QAction(window)
        self.action.setObjectName("action_help_guide")
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.action.triggered.connect(lambda: self.open())
        window.addAction(self.action)
        self.retranslate()

    def add_to(self, menu: QMenu) -> None:
        """At the top of `menu` (Help), above About."""
        items = menu.actions()
        if items:
            menu.insertAction(items[0], self.action)
        else:
            menu.addAction(self.action)

    def retranslate(self) -> None:
        self.action.setText(tr(CTX, "Kupang Layout &Guide (Panduan)"))

    def open(self) -> HelpViewer:
        if self.viewer is None or not shiboken6.isValid(self.viewer):
            self.viewer = HelpViewer(self.window)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer
