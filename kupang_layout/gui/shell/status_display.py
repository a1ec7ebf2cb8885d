"""GUI stage: the document's state in the main window: title, status bar, Undo/Redo names.

The title names the edition (a star while it has unsaved changes) and the page;
the status bar's permanent labels show the zoom, the pointer's place on the page
and the selection's size in the desk's unit; Undo and Redo carry the name of the
step they would take back or do again (`undo_labels.py`).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QLabel, QStatusBar

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import UNIT_DECIMALS, current_unit, to_unit
from kupang_layout.gui.shell.actions import Actions
from kupang_layout.gui.shell.undo_labels import redo_text, undo_text

CTX = "MainWindow"


class StatusHost(Protocol):
    """The window whose title and status bar show the document's state."""

    def statusBar(self) -> QStatusBar: ...

    def setWindowTitle(self, title: str) -> None: ...


class DocumentStatus:
    """The title, the status bar's labels and the Undo/Redo names of one window."""

    def __init__(self, host: StatusHost, doc: EditionSession, acts: Actions) -> None:
        self.host = host
        self.doc = doc
        self.acts = acts
        self.zoom_label, self.pos_label, self.size_label = QLabel(), QLabel(), QLabel()
        for w in (self.size_label, self.pos_label, self.zoom_label):
            w.setMinimumWidth(120)
            host.statusBar().addPermanentWidget(w)

    def show_zoom(self, percent: float) -> None:
        self.zoom_label.setText(tr(CTX, "Zoom: %1 %").replace("%1", f"{percent:.0f}"))

    def show_pointer(self, x: float, y: float) -> None:
        u, d = current_unit(), UNIT_DECIMALS[current_unit()]
        self.pos_label.setText(f"X {to_unit(x, u):.{d}f}  Y {to_unit(y, u):.{d}f} {u}")

    def show_selection(self) -> None:
        frames = self.doc.selected_frames()
        if not frames:
            self.size_label.setText(tr(CTX, "No selection"))
            return
        x0 = min(f.rect.x for f in frames)
        y0 = min(f.rect.y for f in frames)
        w = max(f.rect.right for f in frames) - x0
        h = max(f.rect.bottom for f in frames) - y0
        u, d = current_unit(), UNIT_DECIMALS[current_unit()]
        self.size_label.setText(f"{to_unit(w, u):.{d}f} × {to_unit(h, u):.{d}f} {u}")

    def canvas_message(self, key: str) -> None:
        if key == "link":
            self.host.statusBar().showMessage(
                tr(CTX, "Click a text frame to thread the story into it (Esc cancels)")
            )
        else:
            self.host.statusBar().clearMessage()

    def model_changed(self) -> None:
        self.show_selection()
        self.update_title()
        h = self.doc.history
        writable = not self.doc.read_only  # a page someone else works on (shared_edition.py)
        self.acts["undo"].setEnabled(writable and (h.can_undo or self.doc.in_group))
        self.acts["redo"].setEnabled(writable and h.can_redo)
        self.name_undo_redo()

    def name_undo_redo(self) -> None:
        """'Urungkan Pindahkan bingkai' / 'Ulangi …' (undo_labels.py)."""
        h = self.doc.history
        group = getattr(self.doc, "_group", None)  # an open group (a drag, typing) is undone first
        label = getattr(group, "label", None) if self.doc.in_group else h.undo_label
        self.acts["undo"].setText(undo_text(label))
        self.acts["redo"].setText(redo_text(h.redo_label))

    def update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else tr(CTX, "Untitled")
        star = "*" if self.doc.history.is_modified else ""
        page = self.doc.page
        page_text = tr(CTX, "page %1 of %2").replace("%1", str(page.number if page else 0))
        page_text = page_text.replace("%2", str(len(self.doc.edition.pages)))
        self.host.setWindowTitle(f"{name}{star} ({page_text}) — Kupang Layout")

    def retranslate(self, zoom_percent: float) -> None:
        self.show_zoom(zoom_percent)
        self.name_undo_redo()
        self.show_selection()
        self.update_title()
