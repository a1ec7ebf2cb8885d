"""GUI stage: the style editor (a paragraph or character style's values, previewed live).

Each value shows either the style's own setting (black) or the one it inherits
(grey, with where it comes from; the ↺ button gives a value back to the parent),
as InDesign's style options do. Every change is previewed at once inside a
History group; OK replaces the preview with the checked commands as one undo
step, Cancel undoes the preview.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.styles import (
    CHARACTER,
    PARAGRAPH,
    StyleEditError,
    define_commands,
    inherited_value,
    is_house_style,
    unique_name,
    value_source,
    would_cycle,
)
from kupang_layout.fonts import default_registry
from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.style_names import (
    ALIGNMENT_NAMES,
    FACE_NAMES,
    fill_style_combo,
    select_style,
    style_display_name,
    swatch_display_name,
)
from kupang_layout.model import (
    CharacterStyle,
    DefineCharacterStyle,
    DefineParagraphStyle,
    ParagraphStyle,
)
from kupang_layout.model.styles import ALIGNMENTS, FACES, ROOT_DEFAULTS

CTX = "StyleEditor"
GREY = "color: #8a8a8a"

#: (field, label, kind of widget, range) in the dialog's order; pt for lengths.
PARAGRAPH_ROWS: list[tuple[str, str, str, tuple[float, float]]] = [
    ("font_family", noop(CTX, "Font family"), "family", (0, 0)),
    ("font_face", noop(CTX, "Face"), "face", (0, 0)),
    ("size", noop(CTX, "Size"), "pt", (1.0, 400.0)),
    ("leading", noop(CTX, "Leading"), "pt", (1.0, 400.0)),
    ("alignment", noop(CTX, "Alignment"), "alignment", (0, 0)),
    ("first_indent", noop(CTX, "First-line indent"), "pt", (-200.0, 500.0)),
    ("left_indent", noop(CTX, "Left indent"), "pt", (0.0, 500.0)),
    ("right_indent", noop(CTX, "Right indent"), "pt", (0.0, 500.0)),
    ("space_before", noop(CTX, "Space before"), "pt", (0.0, 500.0)),
    ("space_after", noop(CTX, "Space after"), "pt", (0.0, 500.0)),
    ("hyphenate", noop(CTX, "Hyphenate"), "bool", (0, 0)),
    ("hyphen_left_min", noop(CTX, "Letters before a hyphen at least"), "int", (1, 10)),
    ("hyphen_right_min", noop(CTX, "Letters after a hyphen at least"), "int", (1, 10)),
    ("max_consecutive_hyphens", noop(CTX, "Hyphens in a row at most"), "int", (0, 10)),
    ("keep_with_next", noop(CTX, "Keep with next paragraph"), "bool", (0, 0)),
    ("keep_together", noop(CTX, "Keep lines together"), "bool", (0, 0)),
    ("drop_cap_lines", noop(CTX, "Drop cap lines"), "int", (0, 10)),
    ("swatch", noop(CTX, "Colour"), "swatch", (0, 0)),
]
CHARACTER_ROWS = [
    r for r in PARAGRAPH_ROWS if r[0] in ("font_family", "font_face", "size", "swatch")
]
CHARACTER_ROWS.append(("all_caps", noop(CTX, "All caps"), "bool", (0, 0)))


class ValueRow:
    """One value of the style: its widget, its label and the ↺ (inherit) button."""

    def __init__(
        self, key: str, label: str, kind: str, span: tuple[float, float], swatches: list[str]
    ) -> None:
        self.key, self.kind = key, kind
        self.label = QLabel(tr(CTX, label))
        self.reset = QToolButton()
        self.reset.setText("↺")
        self.reset.setToolTip(tr(CTX, "Inherit this value"))
        self.widget: QWidget
        if kind == "pt":
            spin = QDoubleSpinBox()
            spin.setRange(*span)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setSuffix(" pt")
            self.widget = spin
        elif kind == "int":
            ispin = QSpinBox()
            ispin.setRange(int(span[0]), int(span[1]))
            self.widget = ispin
        elif kind == "bool":
            self.widget = QCheckBox()
        else:
            combo = QComboBox()
            if kind == "family":
                for family in default_registry().families():
                    combo.addItem(family, family)
            elif kind == "face":
                for face in FACES:
                    combo.addItem(tr(CTX, FACE_NAMES[face]), face)
            elif kind == "alignment":
                for a in ALIGNMENTS:
                    combo.addItem(tr(CTX, ALIGNMENT_NAMES[a]), a)
            else:
                for s in swatches:
                    combo.addItem(swatch_display_name(s), s)
            self.widget = combo
        self.widget.setObjectName("style_" + key)

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QDoubleSpinBox):
            return round(w.value(), 2)
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        assert isinstance(w, QComboBox)
        return w.currentData()

    def show(self, value: Any, own: bool, origin: str) -> None:
        w = self.widget
        w.blockSignals(True)
        if isinstance(w, QDoubleSpinBox):
            w.setValue(float(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index < 0 and value is not None:
                w.addItem(str(value), value)  # a desk font or swatch not listed
                index = w.count() - 1
            w.setCurrentIndex(index)
        w.blockSignals(False)
        self.look(own, origin)

    def look(self, own: bool, origin: str) -> None:
        """Black for the style's own value, grey (with where it comes from) for an inherited one."""
        w = self.widget
        style = "" if own else GREY
        w.setStyleSheet(style)
        self.label.setStyleSheet(style)
        tip = "" if own else tr(CTX, "Inherited from %1").replace("%1", origin)
        w.setToolTip(tip)
        self.label.setToolTip(tip)
        self.reset.setEnabled(own)

    def connect(self, slot: Any) -> None:
        w = self.widget
        if isinstance(w, (QDoubleSpinBox, QSpinBox)):
            w.valueChanged.connect(slot)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(slot)
        elif isinstance(w, QComboBox):
            w.activated.connect(slot)


class StyleEditor(QDialog):
    """Edits one paragraph or character style (or a new one) of the session's edition."""

    def __init__(
        self,
        doc: EditionSession,
        kind: str,
        name: str | None,
        based_on: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("style_editor")
        self.doc, self.kind, self.old_name = doc, kind, name
        ed = doc.edition
        sheet: dict[str, Any] = dict(
            ed.paragraph_styles if kind == PARAGRAPH else ed.character_styles
        )
        if name is not None:
            style: ParagraphStyle | CharacterStyle = sheet[name]
        else:
            new = unique_name(sheet, tr(CTX, "New Style"))
            style = (
                ParagraphStyle(new, based_on=based_on or None)
                if kind == PARAGRAPH
                else CharacterStyle(new)
            )
        self.preview_name = style.name
        self.own: dict[str, Any] = {
            f.name: getattr(style, f.name)
            for f in fields(style)
            if f.name not in ("name", "based_on", "extra") and getattr(style, f.name) is not None
        }
        self.extra = dict(style.extra)
        self.based_on: str | None = getattr(style, "based_on", None)
        self._key = ("style-edit", id(self))
        self.name_edit = QLineEdit(style.name)
        self.name_edit.setObjectName("style_name")
        if name is not None and is_house_style(kind, name):
            self.name_edit.setReadOnly(True)
            self.name_edit.setText(style_display_name(name))
            self.name_edit.setToolTip(tr(CTX, "A house style keeps its name"))
        self.based_combo = QComboBox()
        self.based_combo.setObjectName("style_based_on")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c00000")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr(CTX, "Name"), self.name_edit)
        if kind == PARAGRAPH:
            form.addRow(tr(CTX, "Based on"), self.based_combo)
            self._fill_based_on()
        swatches = list(ed.swatches)
        self.rows: dict[str, ValueRow] = {}
        for key, label, wkind, span in PARAGRAPH_ROWS if kind == PARAGRAPH else CHARACTER_ROWS:
            row = ValueRow(key, label, wkind, span, swatches)
            self.rows[key] = row
            line = QHBoxLayout()
            line.addWidget(row.widget, 1)
            line.addWidget(row.reset)
            form.addRow(row.label, line)
            row.connect(lambda *_a, k=key: self._edited(k))
            row.reset.clicked.connect(lambda _c=False, k=key: self._inherit(k))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(CTX, "OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(CTX, "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(buttons)
        title = tr(CTX, "Paragraph Style") if kind == PARAGRAPH else tr(CTX, "Character Style")
        self.setWindowTitle(f"{title}: {style_display_name(style.name)}")
        self.based_combo.activated.connect(lambda _i: self._based_on_chosen())
        self._show_values()
        if name is None:
            self._preview()  # a new style exists (and can be applied) while it is edited

    # -- values ------------------------------------------------------------------------
    def _fill_based_on(self) -> None:
        styles = self.doc.edition.paragraph_styles
        me = self.old_name or self.preview_name
        names = [n for n in styles if n != me and not would_cycle(styles, me, n)]
        fill_style_combo(self.based_combo, names)
        self.based_combo.insertItem(0, tr(CTX, "[No style]"), "")
        select_style(self.based_combo, self.based_on or "")

    def _inherited(self, key: str) -> tuple[Any, str]:
        """The value `key` takes when the style does not set it, and where it comes from."""
        if self.kind == CHARACTER:
            return ROOT_DEFAULTS[key], tr(CTX, "the paragraph style")
        styles = self.doc.edition.paragraph_styles
        source = value_source(styles, self.based_on, key) if self.based_on else None
        value = inherited_value(styles, self.based_on, key)
        return value, style_display_name(source) if source else tr(CTX, "the house defaults")

    def _show_values(self) -> None:
        for key, row in self.rows.items():
            if key in self.own:
                row.show(self.own[key], True, "")
            else:
                row.show(*self._inherited_shown(key))

    def _inherited_shown(self, key: str) -> tuple[Any, bool, str]:
        value, origin = self._inherited(key)
        return value, False, origin

    def _edited(self, key: str) -> None:
        self.own[key] = self.rows[key].value()
        self.rows[key].look(True, "")  # the typed text stays as it is
        self._preview()

    def _inherit(self, key: str) -> None:
        self.own.pop(key, None)
        self.rows[key].show(*self._inherited_shown(key))
        self._preview()

    def _based_on_chosen(self) -> None:
        data = self.based_combo.currentData()
        self.based_on = data if isinstance(data, str) and data else None
        self._show_values()
        self._preview()

    def set_value(self, key: str, value: Any) -> None:
        """Set one value as if typed (tests, scripts)."""
        self.rows[key].show(value, True, "")
        self._edited(key)

    # -- the style ------------------------------------------------------------------------
    def edited_style(self, name: str | None = None) -> ParagraphStyle | CharacterStyle:
        """The style as the dialog shows it."""
        typed = self.name_edit.text().strip()
        if self.old_name is not None and is_house_style(self.kind, self.old_name):
            typed = self.old_name
        values = dict(self.own)
        if self.kind == PARAGRAPH:
            return ParagraphStyle(
                name or typed, based_on=self.based_on, extra=dict(self.extra), **values
            )
        return CharacterStyle(name or typed, extra=dict(self.extra), **values)

    def _preview(self) -> None:
        style = replace(self.edited_style(self.preview_name))
        command = (
            DefineParagraphStyle(style)
            if isinstance(style, ParagraphStyle)
            else DefineCharacterStyle(style)
        )
        self.doc.continue_group(self._key, "change style", [command])

    def _end_preview(self) -> None:
        if self.doc.group_key() == self._key:
            self.doc.end_group(cancel=True)

    def accept(self) -> None:
        style = self.edited_style()
        self._end_preview()
        try:
            commands = define_commands(self.doc.edition, self.kind, self.old_name, style)
        except StyleEditError as exc:
            self.error.setText(self._error_text(exc))
            self._preview()
            return
        if commands:
            self.doc.execute_all("change style", commands)
        super().accept()

    def reject(self) -> None:
        self._end_preview()
        super().reject()

    @staticmethod
    def _error_text(exc: StyleEditError) -> str:
        texts = {
            "exists": noop(CTX, "A style named %1 exists already."),
            "empty": noop(CTX, "The style needs a name."),
            "protected": noop(CTX, "%1 is a house style: it keeps its name."),
            "cycle": noop(CTX, "%1 cannot be based on a style based on it."),
        }
        text = texts.get(exc.key, noop(CTX, "The style cannot be saved: %1"))
        return tr(CTX, text).replace("%1", style_display_name(exc.name))
