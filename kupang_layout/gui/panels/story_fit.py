"""GUI stage: the story editor's Fit (Paskan): the button, the fitting, what it did in words.

Fit fits the editor's story (or, with none, the current page's main story) to its
page within the template's limits as one undo step; the steps taken and what is
left show under the text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton

from kupang_layout.editing.copyfit import Copyfit, fit_target, planned_copyfit
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.story_typing import TypingGroups

CTX = "StoryEditor"


class StoryFit(QObject):
    """The Fit button (`button`, beside the style picker) and its result (`label`, under
    the text) for the story `story_id()` names."""

    def __init__(
        self,
        doc: EditionSession,
        story_id: Callable[[], str | None],
        typing: TypingGroups,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.story_id = story_id
        self.typing = typing
        self.button = QPushButton()
        self.button.setObjectName("story_fit")
        self.button.clicked.connect(self.fit_story)
        self.label = QLabel()
        self.label.setObjectName("story_fit_result")
        self.label.setWordWrap(True)
        self.label.hide()

    def retranslate(self) -> None:
        self.button.setText(tr(CTX, "Fit"))
        self.button.setToolTip(
            tr(
                CTX,
                "Fit the story to its page within the template's limits "
                "(one undo step); what is left is offered as a choice",
            )
        )

    def fit_story(self) -> Copyfit | None:
        """Fit this story (or, with none, the current page's main story) as one undo
        step; the steps taken and what is left show under the text."""
        self.typing.close()
        target = fit_target(self.doc.edition, self.story_id(), self.doc.page_id)
        if target is None:
            self._show([tr(CTX, "No story body to fit on this page")])
            return None
        cmd = planned_copyfit(self.doc.edition, *target)
        if not cmd.measured:  # a teaser or a slot group with no body on the page
            self._show([tr(CTX, "No story body to fit on this page")])
            return None
        if cmd.changes and not self.doc.execute(cmd):
            return None
        self._show(cmd.summary() or [tr(CTX, "The story fits")])
        return cmd

    def _show(self, lines: list[str]) -> None:
        self.label.setText("\n".join(lines))
        self.label.setVisible(bool(lines))
