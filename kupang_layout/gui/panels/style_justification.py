"""GUI stage: the styles panel's justification values of a paragraph style, edited in place.

Under the style tree, for the selected paragraph style: word spacing (minimum,
desired, maximum, % of the space), letter spacing (minimum, maximum, % of the em),
glyph scaling (minimum, maximum, %) and optical margin alignment, as InDesign's
Justification dialog has them. Each value shows the style's own setting (black) or
the one it inherits (grey, with where it comes from); a change is one command on the
edition's History (one undo step), the ↺ button gives the value back to the parent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from kupang_layout.editing.styles import value_source
from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.panels.style_names import style_display_name
from kupang_layout.model import DefineParagraphStyle
from kupang_layout.model.styles import ROOT_DEFAULTS

CTX = "StyleJustification"
GREY = "color: #8a8a8a"

#: (field, label, range in %) of the percentages, in InDesign's order.
PERCENT_ROWS: tuple[tuple[str, str, tuple[float, float]], ...] = (
    ("word_space_min", noop(CTX, "Word spacing, minimum"), (0.0, 1000.0)),
    ("word_space_normal", noop(CTX, "Word spacing, desired"), (0.0, 1000.0)),
    ("word_space_max", noop(CTX, "Word spacing, maximum"), (0.0, 1000.0)),
    ("letter_space_min", noop(CTX, "Letter spacing, minimum"), (-100.0, 500.0)),
    ("letter_space_max", noop(CTX, "Letter spacing, maximum"), (-100.0, 500.0)),
    ("glyph_scale_min", noop(CTX, "Glyph scaling, minimum"), (50.0, 200.0)),
    ("glyph_scale_max", noop(CTX, "Glyph scaling, maximum"), (50.0, 200.0)),
)
OPTICAL = "optical_margin"
OPTICAL_LABEL = noop(CTX, "Hanging punctuation (optical margin alignment)")
FIELDS = (*(row[0] for row in PERCENT_ROWS), OPTICAL)


class JustificationEditor(QGroupBox):
    """The justification values of one paragraph style (`show_style`)."""

    def __init__(self, doc: EditionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("style_justification")
        self.doc = doc
        self.name: str | None = None
        self.widgets: dict[str, QDoubleSpinBox | QCheckBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.resets: dict[str, QToolButton] = {}
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        for key, _label, span in PERCENT_ROWS:
            spin = QDoubleSpinBox()
            spin.setRange(*span)
            spin.setDecimals(1)
            spin.setSingleStep(1.0)
            spin.setSuffix(" %")
            spin.setKeyboardTracking(False)  # typed values count when confirmed
            spin.valueChanged.connect(lambda _v, k=key: self._edited(k))
            self._add(form, key, spin)
        check = QCheckBox()
        check.toggled.connect(lambda _on: self._edited(OPTICAL))
        self._add(form, OPTICAL, check)
        self.retranslate()
        self.setVisible(False)

    def _add(self, form: QFormLayout, key: str, widget: QDoubleSpinBox | QCheckBox) -> None:
        widget.setObjectName(f"justification_{key}")
        reset = QToolButton()
        reset.setObjectName(f"justification_{key}_inherit")
        reset.setText("↺")
        reset.clicked.connect(lambda _c=False, k=key: self._inherit(k))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        row.addWidget(reset)
        label = QLabel()
        label.setWordWrap(True)
        form.addRow(label, row)
        self.widgets[key], self.labels[key], self.resets[key] = widget, label, reset

    def retranslate(self) -> None:
        self.setTitle(tr(CTX, "Justification"))
        for key, label, _span in PERCENT_ROWS:
            self.labels[key].setText(tr(CTX, label))
        self.labels[OPTICAL].setText(tr(CTX, OPTICAL_LABEL))
        for reset in self.resets.values():
            reset.setToolTip(tr(CTX, "Inherit this value"))
        self.show_style(self.name)

    # -- showing ----------------------------------------------------------------------
    def show_style(self, name: str | None) -> None:
        """Show paragraph style `name`'s values (None, or a name not in the sheet: hide)."""
        styles = self.doc.edition.paragraph_styles
        self.name = name if name in styles else None
        self.setVisible(self.name is not None)
        if self.name is None:
            return
        for key in FIELDS:
            value, origin = self.value_of(key)
            widget = self.widgets[key]
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(float(value))
            widget.blockSignals(False)
            own = origin is None
            widget.setStyleSheet("" if own else GREY)
            self.labels[key].setStyleSheet("" if own else GREY)
            self.resets[key].setEnabled(own and styles[self.name].based_on is not None)
            tip = "" if own else tr(CTX, "Inherited from %1").replace("%1", origin or "")
            widget.setToolTip(tip)

    def value_of(self, key: str) -> tuple[Any, str | None]:
        """The shown style's value of `key` and where it comes from (None: its own; the
        based-on style's display name, or the house defaults)."""
        assert self.name is not None
        styles = self.doc.edition.paragraph_styles
        source = value_source(styles, self.name, key)
        if source is None:
            return ROOT_DEFAULTS[key], tr(CTX, "the house defaults")
        value = getattr(styles[source], key)
        return value, (None if source == self.name else style_display_name(source))

    # -- editing ----------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        widget = self.widgets[key]
        value = widget.isChecked() if isinstance(widget, QCheckBox) else widget.value()
        self._store(key, value)

    def _inherit(self, key: str) -> None:
        self._store(key, None)

    def _store(self, key: str, value: Any) -> None:
        """Replace the style with `key` set to `value` (None: inherited), one undo step."""
        if self.name is None:
            return
        style = self.doc.edition.paragraph_styles[self.name]
        if getattr(style, key) == value:
            return
        if not self.doc.execute(DefineParagraphStyle(replace(style, **{key: value}))):
            self.show_style(self.name)  # refused (read-only): show what is stored
