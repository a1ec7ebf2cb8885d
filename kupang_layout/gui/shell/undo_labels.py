"""GUI stage: the Undo and Redo menu items named after the action ("Urungkan Pindahkan bingkai").

The model's commands and the GUI's undo groups carry short English labels
("move frame", "nudge", "edit text"); this table gives each the text the desk
reads, translated through the .ts files (context "UndoLabel"). A label not in
the table (a property's field name, say) leaves the item plain: "Urungkan",
never an English word in the Indonesian menu.
"""

from __future__ import annotations

from kupang_layout.gui.base.i18n import noop, tr

CTX = "UndoLabel"


def _n(text: str) -> str:
    return noop(CTX, text)


#: label as the model or the GUI records it -> the English text shown (translated).
LABELS: dict[str, str] = {
    "move frame": _n("Move Frame"),
    "move": _n("Move Frame"),
    "nudge": _n("Move Frame"),
    "resize": _n("Resize Frame"),
    "crop": _n("Crop Image"),
    "add frame": _n("Add Frame"),
    "delete frame": _n("Delete Frame"),
    "delete": _n("Delete Frame"),
    "duplicate": _n("Duplicate"),
    "paste": _n("Paste"),
    "place": _n("Place"),
    "place image": _n("Place Image"),
    "place photos": _n("Place Photos"),
    "add picture": _n("Add Picture"),
    "arrange": _n("Arrange"),
    "lock": _n("Lock"),
    "unlock": _n("Unlock"),
    "link frames": _n("Thread Frames"),
    "unlink frames": _n("Unthread Frames"),
    "chain order": _n("Thread Frames"),
    "frame properties": _n("Frame Properties"),
    "edit": _n("Edit"),
    "edit text": _n("Edit Text"),
    "typing": _n("Typing"),
    "replace text": _n("Replace Text"),
    "new paragraph": _n("New Paragraph"),
    "delete paragraph": _n("Delete Paragraph"),
    "add story": _n("Add Story"),
    "paragraph style": _n("Paragraph Style"),
    "character style": _n("Character Style"),
    "change style": _n("Edit Style"),
    "rename style": _n("Rename Style"),
    "duplicate style": _n("Duplicate Style"),
    "delete style": _n("Delete Style"),
    "change swatch": _n("Edit Swatch"),
    "add page": _n("Add Page"),
    "delete page": _n("Delete Page"),
    "duplicate page": _n("Duplicate Page"),
    "move page": _n("Move Page"),
    "renumber pages": _n("Renumber Pages"),
    "page setup": _n("Page Setup"),
    "apply template": _n("Apply Template"),
    "edition settings": _n("Edition Settings"),
    "plan page": _n("Plan Page"),
    "plan pages": _n("Plan Pages"),
    "book ad": _n("Book Ad"),
    "cancel ad": _n("Cancel Ad"),
    "place ad": _n("Place Ad"),
    "import manuscript": _n("Import Manuscript"),
    "copyfit": _n("Copyfit"),
    "delete guides": _n("Delete Guides"),
    "add asset": _n("Add Picture"),
}


def action_text(label: str | None) -> str:
    """The label's name in the current language, or "" when it has none."""
    if not label:
        return ""
    text = LABELS.get(label.strip().lower())
    return tr(CTX, text) if text is not None else ""


def undo_text(label: str | None) -> str:
    """'Urungkan Pindahkan bingkai' (or 'Urungkan' alone)."""
    name = action_text(label)
    return tr(CTX, "&Undo %1").replace("%1", name) if name else tr("MainWindow", "&Undo")


def redo_text(label: str | None) -> str:
    """'Ulangi Pindahkan bingkai' (or 'Ulangi' alone)."""
    name = action_text(label)
    return tr(CTX, "&Redo %1").replace("%1", name) if name else tr("MainWindow", "&Redo")
