"""GUI stage: the styles dock and its dialogs: edit, new, duplicate, delete with replacement, apply.

`install_styles` puts the styles panel in a dock and decides what a click on a
style applies to: the story editor's selection when the desk last worked there,
else the selected text frames (every paragraph of their stories, as InDesign
applies a style to a frame selected with the selection tool).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.styles import (
    CHARACTER,
    PARAGRAPH,
    StyleEditError,
    delete_command,
    duplicate_command,
    is_house_style,
    paragraph_style_commands,
    uses,
)
from kupang_layout.gui.base.host import WindowHost, main_window_of
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.dialogs.style_editor import StyleEditor
from kupang_layout.gui.panels.story_editor import StoryEditor
from kupang_layout.gui.panels.style_names import fill_style_combo, style_display_name
from kupang_layout.gui.panels.styles_panel import StylesPanel, TextTarget
from kupang_layout.model import Command, TextFrame
from kupang_layout.model.commands_styles import SetCharacterStyleRange

CTX = "StylesPanel"


class DeleteStyleDialog(QDialog):
    """Delete a style: the desk picks the style that takes its place."""

    def __init__(
        self, doc: EditionSession, kind: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("delete_style")
        self.doc, self.kind, self.name = doc, kind, name
        sheet = doc.edition.paragraph_styles if kind == PARAGRAPH else doc.edition.character_styles
        count = uses(doc.edition, kind, name)
        what = tr(CTX, "paragraphs") if kind == PARAGRAPH else tr(CTX, "pieces of text")
        self.setWindowTitle(tr(CTX, "Delete Style"))
        text = (
            tr(CTX, "Delete %1? %2 %3 use it. Replace it with:")
            .replace("%1", style_display_name(name))
            .replace("%2", str(count))
            .replace("%3", what)
        )
        self.replacement = QComboBox()
        self.replacement.setObjectName("replacement")
        fill_style_combo(self.replacement, [n for n in sheet if n != name])
        if kind == CHARACTER:
            self.replacement.insertItem(0, tr(CTX, "[No character style]"), "")
            self.replacement.setCurrentIndex(0)
        else:
            parent_style = doc.edition.paragraph_styles[name].based_on
            index = self.replacement.findData(parent_style or "Body")
            self.replacement.setCurrentIndex(max(0, index))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(CTX, "Delete"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(CTX, "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        box = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        box.addWidget(label)
        box.addWidget(self.replacement)
        box.addWidget(buttons)

    def accept(self) -> None:
        data = self.replacement.currentData()
        replacement = data if isinstance(data, str) and data else None
        try:
            command = delete_command(self.doc.edition, self.kind, self.name, replacement)
        except StyleEditError:
            return
        self.doc.execute(command)
        super().accept()


class FramesTarget:
    """Styles applied to the selected text frames: every paragraph of their stories."""

    def __init__(self, doc: EditionSession) -> None:
        self.doc = doc

    def _stories(self) -> list[str]:
        ids = [f.story_id for f in self.doc.selected_frames() if isinstance(f, TextFrame)]
        return list(dict.fromkeys(i for i in ids if i and i in self.doc.edition.stories))

    def apply_paragraph_style(self, name: str) -> bool:
        commands: list[Command] = []
        for sid in self._stories():
            story = self.doc.edition.stories[sid]
            commands += paragraph_style_commands(story, 0, len(story.paragraphs) - 1, name)
        self.doc.execute_all("paragraph style", commands)
        return bool(self._stories())

    def apply_character_style(self, name: str | None) -> bool:
        commands: list[Command] = []
        for sid in self._stories():
            story = self.doc.edition.stories[sid]
            if story.paragraphs:
                end = (len(story.paragraphs) - 1, len(story.paragraphs[-1].text))
                commands.append(SetCharacterStyleRange(sid, (0, 0), end, name))
        self.doc.execute_all("character style", commands)
        return bool(commands)


class StylesDock(QDockWidget):
    """The dock holding the styles panel (View › Styles, F11)."""

    def __init__(self, panel: StylesPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dock_styles")
        self.panel = panel
        self.setWidget(panel)
        self.toggleViewAction().setShortcut("F11")
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr(CTX, "Styles"))
        self.panel.retranslate()


def install_styles(host: WindowHost, story_editor: StoryEditor, canvas: QWidget) -> StylesDock:
    """The styles dock (right, beside the story editor) and its dialogs."""
    window = main_window_of(host)
    doc = host.doc
    panel = StylesPanel(doc)
    dock = StylesDock(panel, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    frames = FramesTarget(doc)
    last = {"editor": False}

    def focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
        if not (shiboken6.isValid(canvas) and shiboken6.isValid(story_editor)):
            return  # the window is gone (the connection goes with the application)
        if new is story_editor.edit:
            last["editor"] = True
        elif new is not None and (new is canvas or canvas.isAncestorOf(new)):
            last["editor"] = False

    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(focus_changed)
        dock.destroyed.connect(lambda *_: app.focusChanged.disconnect(focus_changed))

    def target() -> TextTarget | None:
        if last["editor"] and story_editor.story() is not None:
            return story_editor
        if frames._stories():
            return frames
        return story_editor if story_editor.story() is not None else None

    panel.target = target

    def open_editor(kind: str, name: str | None, based_on: str | None) -> None:
        editor = StyleEditor(doc, kind, name, based_on, window)
        panel.editor = editor
        editor.finished.connect(lambda _r: editor.deleteLater())
        editor.open()

    def duplicate(kind: str, name: str) -> None:
        new, command = duplicate_command(doc.edition, kind, name, tr(CTX, "copy"))
        if doc.execute(command):
            panel.select(kind, new)

    def delete(kind: str, name: str) -> None:
        if is_house_style(kind, name):
            host.statusBar().showMessage(
                tr(CTX, "%1 is a house style: it can be edited, not deleted").replace(
                    "%1", style_display_name(name)
                ),
                6000,
            )
            return
        dialog = DeleteStyleDialog(doc, kind, name, window)
        panel.delete_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    panel.edit_requested.connect(lambda kind, name: open_editor(kind, name, None))
    panel.new_requested.connect(lambda kind, based: open_editor(kind, None, based or None))
    panel.duplicate_requested.connect(duplicate)
    panel.delete_requested.connect(delete)
    return dock
