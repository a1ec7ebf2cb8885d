"""GUI stage: the start screen shown when no edition is open: recent editions, New, Open,
Open Shared Edition (as InDesign's Home screen).

The screen only asks: each button emits a signal the main window connects to its
own actions (so the same dialogs, questions and error boundary run), and a
recent edition is opened by a click (or Enter) on it. The list is
`common.recent`'s, without the files that are gone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kupang_layout import __version__
from kupang_layout.common.recent import existing_recent
from kupang_layout.gui.base.i18n import tr

CTX = "StartScreen"
PATH_ROLE = Qt.ItemDataRole.UserRole


class StartScreen(QWidget):
    """What the desk sees before an edition is open."""

    new_requested = Signal()
    open_requested = Signal()
    open_shared_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_screen")
        self.setAutoFillBackground(True)
        self.title = QLabel("Kupang Layout")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555")
        self.new_button = QPushButton()
        self.new_button.setObjectName("start_new")
        self.open_button = QPushButton()
        self.open_button.setObjectName("start_open")
        self.shared_button = QPushButton()
        self.shared_button.setObjectName("start_open_shared")
        for b in (self.new_button, self.open_button, self.shared_button):
            b.setMinimumHeight(40)
            b.setMinimumWidth(220)
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.shared_button.clicked.connect(self.open_shared_requested)
        self.recent_title = QLabel()
        bold = QFont(self.recent_title.font())
        bold.setBold(True)
        self.recent_title.setFont(bold)
        self.recent = QListWidget()
        self.recent.setObjectName("start_recent")
        self.recent.setMinimumWidth(420)
        self.recent.itemActivated.connect(self._chosen)
        self.recent.itemClicked.connect(self._chosen)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #777")

        buttons = QVBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.shared_button)
        buttons.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(self.recent_title)
        recent.addWidget(self.recent, 1)
        recent.addWidget(self.empty)
        row = QHBoxLayout()
        row.addLayout(buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setStyleSheet("color: #ccc")
        row.addWidget(line)
        row.addLayout(recent, 1)
        box = QWidget()
        box.setMaximumWidth(900)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(16)
        inner.addLayout(row, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(box, 4)
        column.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.subtitle.setText(
            tr(CTX, "Page layout for the print edition of Kupang Times · version %1").replace(
                "%1", __version__
            )
        )
        self.new_button.setText(tr(CTX, "&New Edition"))
        self.open_button.setText(tr(CTX, "&Open…"))
        self.shared_button.setText(tr(CTX, "Open S&hared Edition…"))
        self.recent_title.setText(tr(CTX, "Recent editions"))
        self.empty.setText(tr(CTX, "No edition opened recently."))

    def refresh(self) -> None:
        """The recent editions, newest first (files that are gone are left out)."""
        self.recent.clear()
        for path in existing_recent():
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        has = self.recent.count() > 0
        self.recent.setVisible(has)
        self.empty.setVisible(not has)

    def paths(self) -> list[Path]:
        return [Path(str(self.recent.item(i).data(PATH_ROLE))) for i in range(self.recent.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(Path(str(item.data(PATH_ROLE))))
