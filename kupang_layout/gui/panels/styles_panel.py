"""GUI stage: the styles panel: paragraph styles as a based-on tree, character styles, their values.

A click on a style applies it to the text the desk is working on (the story
editor's selected paragraphs or text, else the selected text frames' stories), a
double-click (or Edit) opens the style editor, which the shell wires in
(`dialogs/style_editor.py`) through the panel's signals. Under the tree the
selected style's values are listed: its own in black, inherited ones greyed
with the style they come from, as InDesign shows them; a paragraph style's
justification values are edited right there (`style_justification.py`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.styles import CHARACTER, PARAGRAPH, style_tree, value_source
from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.style_justification import JustificationEditor
from kupang_layout.gui.panels.style_names import style_display_name, value_display_name
from kupang_layout.model.styles import ROOT_DEFAULTS

CTX = "StylesPanel"
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1
NAME_ROLE = int(Qt.ItemDataRole.UserRole) + 2
GREY = "#8a8a8a"

#: The values listed under the tree, in the style editor's order.
SUMMARY_FIELDS = (
    ("font_family", noop(CTX, "Font")),
    ("font_face", noop(CTX, "Face")),
    ("size", noop(CTX, "Size")),
    ("leading", noop(CTX, "Leading")),
    ("alignment", noop(CTX, "Alignment")),
    ("first_indent", noop(CTX, "First-line indent")),
    ("left_indent", noop(CTX, "Left indent")),
    ("right_indent", noop(CTX, "Right indent")),
    ("space_before", noop(CTX, "Space before")),
    ("space_after", noop(CTX, "Space after")),
    ("hyphenate", noop(CTX, "Hyphenate")),
    ("keep_with_next", noop(CTX, "Keep with next")),
    ("keep_together", noop(CTX, "Keep lines together")),
    ("drop_cap_lines", noop(CTX, "Drop cap lines")),
    ("swatch", noop(CTX, "Colour")),
    ("tracking", noop(CTX, "Tracking")),
    ("all_caps", noop(CTX, "All caps")),
)
CHARACTER_FIELDS = ("font_family", "font_face", "size", "swatch", "tracking", "all_caps")


class TextTarget(Protocol):
    """What a style is applied to (the story editor, or the selected frames)."""

    def apply_paragraph_style(self, name: str) -> bool: ...

    def apply_character_style(self, name: str | None) -> bool: ...


def show_value(value: Any, key: str = "") -> str:
    named = value_display_name(key, value)
    if named is not None:
        return named
    if isinstance(value, bool):
        return tr(CTX, "yes") if value else tr(CTX, "no")
    if isinstance(value, float):
        return f"{value:g} pt"
    return str(value)


class StylesPanel(QWidget):
    """The style sheet of the open edition."""

    edit_requested = Signal(str, str)  # kind, name
    new_requested = Signal(str, str)  # kind, based on ("" for none)
    duplicate_requested = Signal(str, str)
    delete_requested = Signal(str, str)

    def __init__(self, doc: EditionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.target: Callable[[], TextTarget | None] = lambda: None
        self.editor: QWidget | None = None  # the open style editor (the shell's dialog)
        self.delete_dialog: QWidget | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setObjectName("styles_tree")
        self.summary = QLabel()
        self.summary.setObjectName("styles_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.delete_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.new_button, self.edit_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.tree, 3)
        box.addLayout(buttons)
        # The selected style's values and its justification scroll when the dock is
        # short, rather than squeezing their rows until the labels are cut.
        self.justification = JustificationEditor(doc)
        details = QWidget()
        details_box = QVBoxLayout(details)
        details_box.setContentsMargins(0, 0, 0, 0)
        details_box.addWidget(self.summary)
        details_box.addWidget(self.justification)
        details_box.addStretch(1)
        self.details = QScrollArea()
        self.details.setObjectName("styles_details")
        self.details.setWidgetResizable(True)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setWidget(details)
        box.addWidget(self.details, 4)
        self.paragraph_root = QTreeWidgetItem(self.tree)
        self.character_root = QTreeWidgetItem(self.tree)
        for root in (self.paragraph_root, self.character_root):
            root.setFlags(Qt.ItemFlag.ItemIsEnabled)
            root.setExpanded(True)
        self._shown: object = None
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.new_button.clicked.connect(self._new)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.duplicate_button.clicked.connect(lambda: self._emit(self.duplicate_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        doc.changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.paragraph_root.setText(0, tr(CTX, "Paragraph styles"))
        self.character_root.setText(0, tr(CTX, "Character styles"))
        self.new_button.setText(tr(CTX, "New…"))
        self.edit_button.setText(tr(CTX, "Edit…"))
        self.duplicate_button.setText(tr(CTX, "Duplicate"))
        self.delete_button.setText(tr(CTX, "Delete…"))
        self.justification.retranslate()
        self._shown = None
        self.refresh()

    # -- the tree ----------------------------------------------------------------
    def refresh(self) -> None:
        ed = self.doc.edition
        shape = (
            [(n, s.based_on) for n, s in ed.paragraph_styles.items()],
            list(ed.character_styles),
            tr(CTX, "Paragraph styles"),
        )
        if shape != self._shown:
            self._shown = shape
            self._rebuild()
        self._show_summary()

    def _rebuild(self) -> None:
        current = self.current()
        self.tree.blockSignals(True)
        for root in (self.paragraph_root, self.character_root):
            root.takeChildren()
        ed = self.doc.edition
        tree = style_tree(ed.paragraph_styles)

        def add(parent: QTreeWidgetItem, names: list[str]) -> None:
            for name in sorted(names, key=lambda n: style_display_name(n).casefold()):
                item = self._item(parent, PARAGRAPH, name)
                add(item, tree.get(name, []))

        add(self.paragraph_root, tree.get(None, []))
        for name in sorted(ed.character_styles, key=lambda n: style_display_name(n).casefold()):
            self._item(self.character_root, CHARACTER, name)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if current is not None:
            self.select(*current)

    def _item(self, parent: QTreeWidgetItem, kind: str, name: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [style_display_name(name)])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, NAME_ROLE, name)
        if style_display_name(name) != name:
            item.setToolTip(0, tr(CTX, "Stored name: %1").replace("%1", name))
        return item

    def items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                if child is not None:
                    out.append(child)
                    walk(child)

        walk(self.paragraph_root)
        walk(self.character_root)
        return out

    def item_of(self, kind: str, name: str) -> QTreeWidgetItem | None:
        for item in self.items():
            if item.data(0, KIND_ROLE) == kind and item.data(0, NAME_ROLE) == name:
                return item
        return None

    def select(self, kind: str, name: str) -> None:
        item = self.item_of(kind, name)
        if item is not None:
            self.tree.setCurrentItem(item)

    def current(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) is None:
            return None
        return str(item.data(0, KIND_ROLE)), str(item.data(0, NAME_ROLE))

    # -- actions -------------------------------------------------------------------
    def _emit(self, signal: Any) -> None:
        current = self.current()
        if current is not None:
            signal.emit(*current)

    def _new(self) -> None:
        current = self.current()
        if current is None:
            item = self.tree.currentItem()
            kind = CHARACTER if item is self.character_root else PARAGRAPH
            self.new_requested.emit(kind, "")
        else:  # a new paragraph style is based on the selected one
            kind, name = current
            self.new_requested.emit(kind, name if kind == PARAGRAPH else "")

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, KIND_ROLE)
        target = self.target()
        if kind is None or target is None:
            return
        name = str(item.data(0, NAME_ROLE))
        if kind == PARAGRAPH:
            target.apply_paragraph_style(name)
        else:
            target.apply_character_style(name)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, KIND_ROLE) is not None:
            self.edit_requested.emit(str(item.data(0, KIND_ROLE)), str(item.data(0, NAME_ROLE)))

    def _selection_changed(self) -> None:
        has = self.current() is not None
        for b in (self.edit_button, self.duplicate_button, self.delete_button):
            b.setEnabled(has)
        self._show_summary()

    # -- what the selected style sets ----------------------------------------------------
    def summary_rows(self) -> list[tuple[str, str, str | None]]:
        """(label, value, inherited from) of the selected style; from None: its own value
        ('' for the defaults of the house)."""
        current = self.current()
        if current is None:
            return []
        kind, name = current
        ed = self.doc.edition
        rows: list[tuple[str, str, str | None]] = []
        if kind == CHARACTER:
            cstyle = ed.character_styles.get(name)
            for key, label in SUMMARY_FIELDS:
                value = getattr(cstyle, key, None) if key in CHARACTER_FIELDS else None
                if value is not None:
                    rows.append((tr(CTX, label), show_value(value, key), None))
            return rows
        styles = ed.paragraph_styles
        if name not in styles:
            return []
        for key, label in SUMMARY_FIELDS:
            source = value_source(styles, name, key)
            value = ROOT_DEFAULTS[key] if source is None else getattr(styles[source], key)
            origin = None if source == name else (style_display_name(source) if source else "")
            rows.append((tr(CTX, label), show_value(value, key), origin))
        return rows

    def _show_summary(self) -> None:
        current = self.current()
        self.justification.show_style(current[1] if current and current[0] == PARAGRAPH else None)
        if current is None:
            self.summary.setText("")
            return
        kind, name = current
        lines = []
        if kind == PARAGRAPH:
            based = self.doc.edition.paragraph_styles.get(name)
            if based is not None and based.based_on:
                lines.append(
                    html.escape(
                        tr(CTX, "Based on: %1").replace("%1", style_display_name(based.based_on))
                    )
                )
        for label, value, origin in self.summary_rows():
            text = html.escape(f"{label}: {value}")
            if origin is None:
                lines.append(text)
            else:
                tip = origin or tr(CTX, "default")
                lines.append(f'<span style="color:{GREY}">{text} ({html.escape(tip)})</span>')
        if kind == CHARACTER and len(lines) == 0:
            lines.append(html.escape(tr(CTX, "Sets nothing: the text keeps its paragraph style")))
        self.summary.setText("<br>".join(lines))
