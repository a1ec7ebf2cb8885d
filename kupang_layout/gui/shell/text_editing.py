"""GUI stage: opening a story to edit: in place on the page (a short one), or in the story editor.

A double click on a text frame edits a headline or a caption in place on the
canvas (`canvas/inplace.py`) and a long story in the story editor dock; Edit
Story (Ctrl+E) and Edit in Place open the selected text frame's story.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.canvas.inplace import InplaceEditor, edits_in_place
from kupang_layout.gui.panels.story_editor import StoryEditor
from kupang_layout.model import TextFrame


class TextEditing:
    """Where a story of one window is edited."""

    def __init__(
        self,
        doc: EditionSession,
        canvas: PageCanvas,
        story_editor: StoryEditor,
        story_dock: QDockWidget,
    ) -> None:
        self.doc = doc
        self.canvas = canvas
        self.story_editor = story_editor
        self.story_dock = story_dock
        self.inplace: InplaceEditor | None = None

    def open_text(self, frame_id: str) -> None:
        frame = self.doc.frame(frame_id)
        if not isinstance(frame, TextFrame) or not frame.story_id:
            return
        story = self.doc.edition.stories.get(frame.story_id)
        count = len(story.paragraphs) if story else 0
        if edits_in_place(frame, count):
            self.start_inplace(frame)
        else:
            self.doc.set_selection([frame.id])
            self.story_editor.set_story(frame.story_id)
            self.story_dock.show()
            self.story_editor.edit.setFocus()

    def start_inplace(self, frame: TextFrame) -> None:
        if self.inplace is not None:
            self.inplace.commit()
        self.inplace = InplaceEditor(self.canvas, frame)

    def selected_text_frame(self) -> TextFrame | None:
        frames = [f for f in self.doc.selected_frames() if isinstance(f, TextFrame)]
        return frames[0] if frames else None

    def edit_story(self) -> None:
        frame = self.selected_text_frame()
        if frame is not None and frame.story_id:
            self.story_editor.set_story(frame.story_id)
        self.story_dock.show()
        self.story_editor.edit.setFocus()

    def edit_inplace(self) -> None:
        frame = self.selected_text_frame()
        if frame is not None and frame.story_id:
            self.start_inplace(frame)
