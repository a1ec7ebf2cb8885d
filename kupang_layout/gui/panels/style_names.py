"""GUI stage: the names the desk reads for styles, slot groups and roles (stored keys stay).

A style's stored name is its key in the edition; the house styles' keys are
translated through the `.ts` files (context `StyleName`), the desk's own styles
show as typed. Combo boxes hold the key as item data and show the display name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from kupang_layout.gui.base.i18n import noop, tr

STYLE_CTX = "StyleName"
SLOT_CTX = "SlotName"

HOUSE_STYLE_NAMES = frozenset(
    {
        noop(STYLE_CTX, "Body"),
        noop(STYLE_CTX, "Lead"),
        noop(STYLE_CTX, "Quote"),
        noop(STYLE_CTX, "Attribution"),
        noop(STYLE_CTX, "Headline"),
        noop(STYLE_CTX, "Deck"),
        noop(STYLE_CTX, "Pull Quote"),
        noop(STYLE_CTX, "Pull Quote Attribution"),
        noop(STYLE_CTX, "Photo Credit"),
        noop(STYLE_CTX, "Caption"),
        noop(STYLE_CTX, "Tagline"),
        noop(STYLE_CTX, "Credits"),
        noop(STYLE_CTX, "Folio"),
        noop(STYLE_CTX, "Masthead"),
        noop(STYLE_CTX, "Section"),
        noop(STYLE_CTX, "Teaser"),
        noop(STYLE_CTX, "Teaser Headline"),
        noop(STYLE_CTX, "Dateline"),
        noop(STYLE_CTX, "Emphasis"),
        noop(STYLE_CTX, "Strong"),
        noop(STYLE_CTX, "Credit Label"),
    }
)

VALUE_CTX = "StyleEditor"  # the style editor's words for these values
ALIGNMENT_NAMES = {
    "justify": noop(VALUE_CTX, "Justified"),
    "left": noop(VALUE_CTX, "Left"),
    "right": noop(VALUE_CTX, "Right"),
    "center": noop(VALUE_CTX, "Centred"),
}
FACE_NAMES = {
    "Regular": noop(VALUE_CTX, "Regular"),
    "Italic": noop(VALUE_CTX, "Italic"),
    "Bold": noop(VALUE_CTX, "Bold"),
    "Bold Italic": noop(VALUE_CTX, "Bold Italic"),
}

SWATCH_CTX = "SwatchName"
SWATCH_NAMES = {  # the house swatches (model/color.py); the desk's own show as typed
    "Black": noop(SWATCH_CTX, "Black"),
    "Paper": noop(SWATCH_CTX, "Paper"),
    "Registration": noop(SWATCH_CTX, "Registration"),
    "KT Red": noop(SWATCH_CTX, "KT Red"),
    "KT Blue": noop(SWATCH_CTX, "KT Blue"),
    "Grey 20": noop(SWATCH_CTX, "Grey 20"),
    "Grey 50": noop(SWATCH_CTX, "Grey 50"),
    "Banner Yellow": noop(SWATCH_CTX, "Banner Yellow"),
}

SLOT_NAMES = {
    "main": noop(SLOT_CTX, "Main story"),
    "second": noop(SLOT_CTX, "Second story"),
    "third": noop(SLOT_CTX, "Third story"),
    "teaser1": noop(SLOT_CTX, "Teaser 1"),
    "teaser2": noop(SLOT_CTX, "Teaser 2"),
    "teaser3": noop(SLOT_CTX, "Teaser 3"),
    "page": noop(SLOT_CTX, "Page"),
}

ROLE_NAMES = {
    "headline": noop(SLOT_CTX, "Headline"),
    "deck": noop(SLOT_CTX, "Deck"),
    "section": noop(SLOT_CTX, "Section"),
    "photo_credit": noop(SLOT_CTX, "Photo credit"),
    "caption": noop(SLOT_CTX, "Caption"),
    "dateline": noop(SLOT_CTX, "Dateline"),
    "body": noop(SLOT_CTX, "Body text"),
    "pull_quote": noop(SLOT_CTX, "Pull quote"),
    "tagline": noop(SLOT_CTX, "Tagline"),
    "credits": noop(SLOT_CTX, "Credits"),
    "folio": noop(SLOT_CTX, "Folio"),
}


def style_display_name(name: str) -> str:
    """What the desk reads for the style stored as `name`."""
    return tr(STYLE_CTX, name) if name in HOUSE_STYLE_NAMES else name


def swatch_display_name(name: str) -> str:
    """What the desk reads for the swatch stored as `name` ('Hitam' for Black)."""
    return tr(SWATCH_CTX, SWATCH_NAMES[name]) if name in SWATCH_NAMES else name


def value_display_name(key: str, value: object) -> str | None:
    """An alignment, a face or a swatch as the desk reads it (None: not one of those)."""
    if key == "swatch" and isinstance(value, str):
        return swatch_display_name(value)
    if key == "alignment" and isinstance(value, str) and value in ALIGNMENT_NAMES:
        return tr(VALUE_CTX, ALIGNMENT_NAMES[value])
    if key == "font_face" and isinstance(value, str) and value in FACE_NAMES:
        return tr(VALUE_CTX, FACE_NAMES[value])
    return None


def slot_display_name(slot: str, role: str) -> str:
    """'Berita utama', 'Tiser 1' ...; a role name for frames outside the story slots."""
    if slot in SLOT_NAMES and role not in ("folio", "section", "tagline"):
        return tr(SLOT_CTX, SLOT_NAMES[slot])
    if role in ROLE_NAMES:
        return tr(SLOT_CTX, ROLE_NAMES[role])
    return tr(SLOT_CTX, "Story")


def fill_style_combo(combo: QComboBox, names: list[str]) -> None:
    """Show `names` (stored keys, as item data) by their display names, sorted as shown;
    the combo is refilled only when the names or their display names changed."""
    shown = sorted(((style_display_name(n), n) for n in names), key=lambda t: t[0].casefold())
    current = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if current == shown:
        return
    key = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, name in shown:
        combo.addItem(text, name)
    combo.setCurrentIndex(combo.findData(key) if key is not None else -1)
    combo.blockSignals(False)


def select_style(combo: QComboBox, name: str | None) -> None:
    """Show the style stored as `name` (nothing when None or unknown)."""
    combo.blockSignals(True)
    combo.setCurrentIndex(combo.findData(name) if name is not None else -1)
    combo.blockSignals(False)
