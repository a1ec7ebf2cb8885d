"""GUI stage: who works on a shared page: the message bar over the page and the take-over question.

"Dikerjakan oleh Rina (PC-LAYOUT-2) sejak 14.02": the bar names the holder of the
page file's lock (`storage.checkout`); a stale lock gets a Take Over button, and
taking it over always asks first.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kupang_layout.gui.base.i18n import tr
from kupang_layout.jobs.desk_plan import since_text
from kupang_layout.storage.checkout import Holder

CTX = "SharedEdition"


class MessageBar(QFrame):
    """The yellow bar over the page: who works on it; a take-over button for a stale lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setStyleSheet(
            "#message_bar { background: #fff4c2; border-bottom: 1px solid #d8c56a; }"
        )
        self.label = QLabel()
        self.label.setObjectName("message_bar_text")
        self.label.setWordWrap(True)
        self.take_over = QPushButton()
        self.take_over.setObjectName("take_over")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_over)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def show_text(self, text: str, can_take_over: bool) -> None:
        self.label.setText(text)
        self.take_over.setText(tr(CTX, "Take Over…"))
        self.take_over.setVisible(can_take_over)
        self.show()


def locked_text(holder: Holder, stale: bool) -> str:
    """'Dikerjakan oleh Rina (PC-LAYOUT-2) sejak 14.02' (and that it is stale, if so)."""
    text = (
        tr(CTX, "Being worked on by %1 (%2) since %3")
        .replace("%1", holder.user)
        .replace("%2", holder.host)
        .replace("%3", since_text(holder.since))
    )
    if stale:
        return (
            text
            + " — "
            + tr(
                CTX,
                "the lock is stale (not refreshed, or its program has ended): it can be taken over",
            )
        )
    return text + " — " + tr(CTX, "opened read-only")


def confirm_take_over(parent: QWidget, holder: Holder) -> bool:
    """Ask before taking a stale lock over; True when the desk chose Take Over."""
    box = QMessageBox(parent)
    box.setObjectName("take_over_box")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr(CTX, "Take Over Page"))
    box.setText(
        tr(
            CTX,
            "%1 (%2) has had this page since %3, but the lock is stale: the program that "
            "held it has ended or stopped answering.",
        )
        .replace("%1", holder.user)
        .replace("%2", holder.host)
        .replace("%3", since_text(holder.since))
    )
    box.setInformativeText(
        tr(
            CTX,
            "Take it over only if %1 is not working on it any more. Work that was not "
            "saved on that computer cannot be saved over yours.",
        ).replace("%1", holder.user)
    )
    yes = box.addButton(tr(CTX, "Take Over"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("take_over_yes")
    no = box.addButton(tr(CTX, "Open Read-Only"), QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("take_over_no")
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
