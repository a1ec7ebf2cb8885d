"""GUI stage: the properties panel of the selection (geometry in the chosen unit, text, images)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kupang_layout.editing.frame_ops import move_commands
from kupang_layout.editing.handles import union
from kupang_layout.engine.displaylist import ImageItem
from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import (
    UNIT_DECIMALS,
    app_settings,
    current_unit,
    from_unit,
    to_unit,
)
from kupang_layout.gui.panels.style_names import fill_style_combo, select_style
from kupang_layout.model import (
    FIT_MODES,
    SLOT_ROLES,
    ImageFrame,
    Rect,
    Rule,
    SetFrameProperties,
    SetFrameRect,
    TextFrame,
)
from kupang_layout.model.frames import EMPTY_SLOT_MODES
from kupang_layout.model.units import mm

CTX = "Properties"
LOW_PPI = 150.0
GOOD_PPI = 200.0

ROLE_LABELS = {
    "headline": noop("Roles", "Headline"),
    "deck": noop("Roles", "Deck"),
    "section": noop("Roles", "Section"),
    "photo": noop("Roles", "Photo"),
    "photo_credit": noop("Roles", "Photo credit"),
    "caption": noop("Roles", "Caption"),
    "dateline": noop("Roles", "Dateline"),
    "body": noop("Roles", "Body text"),
    "pull_quote": noop("Roles", "Pull quote"),
    "tagline": noop("Roles", "Tagline"),
    "credits": noop("Roles", "Credits"),
    "folio": noop("Roles", "Folio"),
    "masthead": noop("Roles", "Masthead"),
    "teaser": noop("Roles", "Teaser"),
    "free": noop("Roles", "Free"),
    "ad": noop("Roles", "Advertisement"),
}
FIT_LABELS = {
    "fill": noop(CTX, "Fill frame"),
    "fit": noop(CTX, "Fit inside"),
    "stretch": noop(CTX, "Stretch"),
    "manual": noop(CTX, "Manual"),
}
EMPTY_SLOT_LABELS = {
    "keep": noop(CTX, "Keep the space"),
    "collapse": noop(CTX, "Close up"),
    "hide": noop(CTX, "Hide the frame"),
}


def ppi_colour(ppi: float) -> str:
    """Red below 150 ppi, amber below 200, green otherwise."""
    if ppi < LOW_PPI:
        return "#d02020"
    if ppi < GOOD_PPI:
        return "#d08000"
    return "#208040"


def _spin(lo: float, hi: float, decimals: int = 1, suffix: str = "") -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setDecimals(decimals)
    s.setSuffix(suffix)
    s.setKeyboardTracking(False)
    return s


class PropertiesPanel(QWidget):
    """Shows and edits the selected frames' properties through commands."""

    def __init__(self, doc: EditionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._filling = False
        self.x_spin, self.y_spin = (
            _spin(-1000, 2000, suffix=" mm"),
            _spin(-1000, 2000, suffix=" mm"),
        )
        self.w_spin, self.h_spin = _spin(0, 2000, suffix=" mm"), _spin(0, 2000, suffix=" mm")
        self.geometry_box = QGroupBox()
        self.geometry_form = QFormLayout(self.geometry_box)
        self.columns = QSpinBox()
        self.columns.setRange(1, 12)
        self.gutter = _spin(0, 100, suffix=" mm")
        self.inset = _spin(0, 100, suffix=" mm")
        self.balance = QCheckBox()
        self.pstyle = QComboBox()
        self.role = QComboBox()
        self.empty_slot = QComboBox()
        self.empty_slot.setObjectName("prop_empty_slot")
        self.text_box = QGroupBox()
        self.text_form = QFormLayout(self.text_box)
        self.fit = QComboBox()
        self.scale = _spin(1, 1000, 1, " %")
        self.ppi = QLabel()
        self.off_x, self.off_y = _spin(-1000, 1000, suffix=" mm"), _spin(-1000, 1000, suffix=" mm")
        self.image_box = QGroupBox()
        self.image_form = QFormLayout(self.image_box)
        self.weight = _spin(0, 50, 2, " pt")
        self.rule_box = QGroupBox()
        self.rule_form = QFormLayout(self.rule_box)
        self.empty = QLabel()
        layout = QVBoxLayout(self)
        for w in (self.empty, self.geometry_box, self.text_box, self.image_box, self.rule_box):
            layout.addWidget(w)
        layout.addStretch(1)
        self._build_rows()
        self._connect()
        self._lengths = {  # limits in mm
            self.x_spin: (-1000, 2000),
            self.y_spin: (-1000, 2000),
            self.w_spin: (0, 2000),
            self.h_spin: (0, 2000),
            self.gutter: (0, 100),
            self.inset: (0, 100),
            self.off_x: (-1000, 1000),
            self.off_y: (-1000, 1000),
        }
        self._apply_units()
        app_settings().changed.connect(self._setting_changed)
        self.retranslate()
        doc.changed.connect(self.refresh)
        doc.selection_changed.connect(self.refresh)
        self.refresh()

    def _setting_changed(self, key: str) -> None:
        if key == "ui/units":
            self._apply_units()
            self.refresh()

    def _apply_units(self) -> None:
        """Lengths in the unit chosen in Preferences (mm, cm or pt)."""
        unit = current_unit()
        self._filling = True
        try:
            for spin, (lo, hi) in self._lengths.items():
                spin.setDecimals(UNIT_DECIMALS[unit])
                spin.setRange(to_unit(mm(lo), unit), to_unit(mm(hi), unit))
                spin.setSuffix(" " + unit)
        finally:
            self._filling = False

    def _build_rows(self) -> None:
        rows = (
            (self.geometry_form, noop(CTX, "X"), self.x_spin),
            (self.geometry_form, noop(CTX, "Y"), self.y_spin),
            (self.geometry_form, noop(CTX, "Width"), self.w_spin),
            (self.geometry_form, noop(CTX, "Height"), self.h_spin),
            (self.geometry_form, noop(CTX, "When the slot is empty"), self.empty_slot),
            (self.text_form, noop(CTX, "Columns"), self.columns),
            (self.text_form, noop(CTX, "Gutter"), self.gutter),
            (self.text_form, noop(CTX, "Inset"), self.inset),
            (self.text_form, "", self.balance),
            (self.text_form, noop(CTX, "Paragraph style"), self.pstyle),
            (self.text_form, noop(CTX, "Slot role"), self.role),
            (self.image_form, noop(CTX, "Fit"), self.fit),
            (self.image_form, noop(CTX, "Scale"), self.scale),
            (self.image_form, noop(CTX, "Effective resolution"), self.ppi),
            (self.image_form, noop(CTX, "Crop offset X"), self.off_x),
            (self.image_form, noop(CTX, "Crop offset Y"), self.off_y),
            (self.rule_form, noop(CTX, "Weight"), self.weight),
        )
        self._labels: list[tuple[QLabel, str]] = []
        for form, text, widget in rows:
            label = QLabel()
            self._labels.append((label, text))
            form.addRow(label, widget)

    def retranslate(self) -> None:
        for label, text in self._labels:
            label.setText(tr(CTX, text) if text else "")
        self.geometry_box.setTitle(tr(CTX, "Position and size"))
        self.text_box.setTitle(tr(CTX, "Text frame"))
        self.balance.setText(tr(CTX, "Balance columns"))
        self.image_box.setTitle(tr(CTX, "Image frame"))
        self.rule_box.setTitle(tr(CTX, "Rule"))
        self.empty.setText(tr(CTX, "Nothing selected"))
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        self._filling = True
        self.role.clear()
        self.role.addItem(tr(CTX, "(none)"), None)
        for r in SLOT_ROLES:
            self.role.addItem(tr("Roles", ROLE_LABELS.get(r, r)), r)
        self.empty_slot.clear()
        for mode in EMPTY_SLOT_MODES:
            self.empty_slot.addItem(tr(CTX, EMPTY_SLOT_LABELS[mode]), mode)
        self.fit.clear()
        for f in FIT_MODES:
            self.fit.addItem(tr(CTX, FIT_LABELS.get(f, f)), f)
        self._filling = False

    # -- editing ------------------------------------------------------------------
    def _connect(self) -> None:
        for s in (self.x_spin, self.y_spin, self.w_spin, self.h_spin):
            s.valueChanged.connect(self._geometry_edited)

        def prop(name: str, convert: Callable[[Any], Any]) -> Callable[[Any], None]:
            return lambda value: self._set(name, convert(value))

        self.columns.valueChanged.connect(prop("columns", int))
        self.gutter.valueChanged.connect(prop("gutter", from_unit))
        self.inset.valueChanged.connect(prop("inset", from_unit))
        self.balance.toggled.connect(prop("balance", bool))
        self.pstyle.activated.connect(
            lambda _i: self._set("paragraph_style", self.pstyle.currentData())
        )
        self.role.activated.connect(lambda _i: self._set("role", self.role.currentData()))
        self.empty_slot.activated.connect(
            lambda _i: self._set("empty_slot", self.empty_slot.currentData())
        )
        self.fit.activated.connect(lambda _i: self._set("fit", self.fit.currentData()))
        self.scale.valueChanged.connect(prop("scale", lambda v: v / 100.0))
        self.off_x.valueChanged.connect(prop("offset_x", from_unit))
        self.off_y.valueChanged.connect(prop("offset_y", from_unit))
        self.weight.valueChanged.connect(prop("weight", float))

    def _set(self, name: str, value: Any) -> None:
        if self._filling:
            return
        commands = []
        for f in self.doc.selected_frames():
            if hasattr(f, name) and getattr(f, name) != value:
                commands.append(SetFrameProperties(f.id, label=name, **{name: value}))
        if commands:
            self.doc.execute_all(name, list(commands))

    def _geometry_edited(self) -> None:
        if self._filling:
            return
        frames = self.doc.selected_frames()
        if not frames:
            return
        x, y = from_unit(self.x_spin.value()), from_unit(self.y_spin.value())
        if len(frames) == 1:
            f = frames[0]
            rect = Rect(x, y, from_unit(self.w_spin.value()), from_unit(self.h_spin.value()))
            if isinstance(f, Rule):  # a rule runs along one axis
                rect = (
                    Rect(x, y, rect.width, 0.0)
                    if f.rect.height == 0
                    else Rect(x, y, 0.0, rect.height)
                )
            if rect != f.rect and not f.locked:
                self.doc.execute(SetFrameRect(f.id, rect))
            return
        box = union([f.rect for f in frames])
        if box is not None:
            ids = [f.id for f in frames]
            self.doc.execute_all("move", move_commands(self.doc.edition, ids, x - box.x, y - box.y))

    # -- showing --------------------------------------------------------------------
    def refresh(self) -> None:
        frames = self.doc.selected_frames()
        self._filling = True
        try:
            self.empty.setVisible(not frames)
            self.geometry_box.setVisible(bool(frames))
            box = union([f.rect for f in frames])
            unit = current_unit()  # once: each call looks the settings file up
            if box is not None:
                for s, v in (
                    (self.x_spin, box.x),
                    (self.y_spin, box.y),
                    (self.w_spin, box.width),
                    (self.h_spin, box.height),
                ):
                    _show(s, round(to_unit(v, unit), 2))
                single = len(frames) == 1
                self.w_spin.setEnabled(single)
                self.h_spin.setEnabled(single)
                modes = {f.empty_slot for f in frames}
                mode = modes.pop() if len(modes) == 1 else None
                self.empty_slot.setCurrentIndex(self.empty_slot.findData(mode))
            f = frames[0] if len(frames) == 1 else None
            self.text_box.setVisible(isinstance(f, TextFrame))
            self.image_box.setVisible(isinstance(f, ImageFrame))
            self.rule_box.setVisible(isinstance(f, Rule))
            if isinstance(f, TextFrame):
                self._show_text(f, unit)
            elif isinstance(f, ImageFrame):
                self._show_image(f)
            elif isinstance(f, Rule):
                self.weight.setValue(f.weight)
        finally:
            self._filling = False

    def _show_text(self, f: TextFrame, unit: str) -> None:
        _show(self.columns, f.columns)
        _show(self.gutter, round(to_unit(f.gutter, unit), 2))
        _show(self.inset, round(to_unit(f.inset, unit), 2))
        self.balance.setChecked(f.balance)
        fill_style_combo(self.pstyle, list(self.doc.edition.paragraph_styles))  # shown translated
        select_style(self.pstyle, f.paragraph_style)
        idx = self.role.findData(f.role)
        self.role.setCurrentIndex(max(0, idx))

    def _show_image(self, f: ImageFrame) -> None:
        self.fit.setCurrentIndex(max(0, self.fit.findData(f.fit)))
        self.scale.setValue(f.scale * 100.0)
        self.off_x.setValue(round(to_unit(f.offset_x), 2))
        self.off_y.setValue(round(to_unit(f.offset_y), 2))
        dl = self.doc.display_list()
        item = None
        if dl is not None:
            item = next(
                (i for i in dl.items if isinstance(i, ImageItem) and i.frame_id == f.id), None
            )
        if item is None:
            self.ppi.setText(tr(CTX, "no image"))
            self.ppi.setStyleSheet("")
        else:
            ppi = item.effective_ppi
            self.ppi.setText(f"{ppi:.0f} ppi")
            self.ppi.setStyleSheet(f"color: {ppi_colour(ppi)}; font-weight: bold")


def _show(spin: QSpinBox | QDoubleSpinBox, value: float) -> None:
    """Show `value` in `spin`; Qt repaints a spin box on every setValue, even to the value
    it shows, and the panel is refreshed on every keystroke in the story editor."""
    shown = round(value, spin.decimals()) if isinstance(spin, QDoubleSpinBox) else value
    if spin.value() != shown:
        spin.setValue(value)  # type: ignore[arg-type]
