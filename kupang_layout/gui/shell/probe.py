"""GUI stage: where the app's widgets are on the screen, for a driver outside it (only when asked).

When the environment variable KUPANG_LAYOUT_PROBE names a file, the running app
writes there, a few times a second, a JSON map of what a person sees: each
window shown (title, place), the widgets that have a name or a caption (buttons,
fields, the styles tree's rows) with their rectangles in screen pixels, the
widget with the keyboard focus, and the canvas: where the current page's point
(0, 0) is on the screen, how many pixels a point is, and the page's frames. The
end-to-end script (`tools/e2e_desk_page.py`) drives the app with the keyboard
and the mouse only; it reads this map to know where to click on any screen size,
instead of fixed pixel coordinates. Without the variable nothing is installed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from kupang_layout.common.atomic import FileWriteError, write_text_atomically
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.model import ImageFrame, TextFrame

ENV = "KUPANG_LAYOUT_PROBE"
INTERVAL_MS = 250


def _rect(widget: QWidget, local: QRect | None = None) -> list[int]:
    r = local if local is not None else widget.rect()
    top_left = widget.mapToGlobal(r.topLeft())
    return [top_left.x(), top_left.y(), r.width(), r.height()]


def _text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def _tree_rows(tree: QTreeWidget) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def walk(item: QTreeWidgetItem) -> None:
        r = tree.visualItemRect(item)
        if r.isValid() and not item.isHidden():
            rows.append({"text": item.text(0), "rect": _rect(tree.viewport(), r)})
        for i in range(item.childCount()):
            child = item.child(i)
            if child is not None:
                walk(child)

    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top is not None:
            walk(top)
    return rows


def _widgets(top: QWidget) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.window() is not top:
            continue
        name = w.objectName()
        named = bool(name) and not name.startswith("qt_")
        text = _text(w)
        if not named and not (isinstance(w, QAbstractButton) and text):
            continue
        entry: dict[str, Any] = {
            "name": name if named else "",
            "class": type(w).__name__,
            "text": text,
            "rect": _rect(w),
            "enabled": w.isEnabled(),
        }
        if isinstance(w, QAbstractButton) and w.isCheckable():
            entry["checked"] = w.isChecked()
        if isinstance(w, QTreeWidget):
            entry["rows"] = _tree_rows(w)
        out.append(entry)
    return out


def _canvas(window: QMainWindow) -> dict[str, Any] | None:
    canvas = getattr(window, "canvas", None)
    doc = getattr(window, "doc", None)
    if not isinstance(canvas, QWidget) or not isinstance(doc, EditionSession):
        return None
    view = getattr(canvas, "view", None)
    page = doc.page
    if view is None or page is None or not canvas.isVisible():
        return {"rect": _rect(canvas), "page": None}
    origin = canvas.mapToGlobal(QPoint(0, 0))
    zoom = float(view.zoom)

    def screen(x: float, y: float) -> list[float]:
        return [origin.x() + view.ox + x * zoom, origin.y() + view.oy + y * zoom]

    frames = []
    for f in page.frames:
        entry: dict[str, Any] = {
            "id": f.id,
            "kind": type(f).__name__,
            "slot": f.slot,
            "role": f.role,
            "rect": [*screen(f.rect.x, f.rect.y), f.rect.width * zoom, f.rect.height * zoom],
        }
        if isinstance(f, ImageFrame):
            entry["asset"] = f.asset
        if isinstance(f, TextFrame):
            entry["story"] = f.story_id
        frames.append(entry)
    return {
        "rect": _rect(canvas),
        "page": {
            "id": page.id,
            "number": page.number,
            "origin": screen(0.0, 0.0),
            "scale": zoom,
            "size": [page.width, page.height],
        },
        "frames": frames,
        "selection": list(doc.selection),
    }


def snapshot() -> dict[str, Any]:
    """The map of the screen as the app shows it now."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    active = app.activeModalWidget() or app.activePopupWidget() or app.activeWindow()
    focus = app.focusWidget()
    windows = []
    for top in app.topLevelWidgets():
        if not top.isVisible() or not top.isWindow():
            continue
        entry: dict[str, Any] = {
            "title": top.windowTitle(),
            "name": top.objectName(),
            "class": type(top).__name__,
            "rect": _rect(top),
            "active": top is active,
            "widgets": _widgets(top),
        }
        if isinstance(top, QMainWindow):
            entry["canvas"] = _canvas(top)
        windows.append(entry)
    return {
        "windows": windows,
        "focus": (
            {"name": focus.objectName(), "class": type(focus).__name__, "rect": _rect(focus)}
            if focus is not None
            else None
        ),
    }


class Probe(QObject):
    """Writes the map to `path` whenever it changed (checked every INTERVAL_MS)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._last = ""
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.write)
        self.timer.start()

    def write(self) -> None:
        text = json.dumps(snapshot(), indent=1)
        if text == self._last:
            return
        try:
            write_text_atomically(self.path, text)
        except FileWriteError:  # the driver's folder is gone: nobody reads the map any more
            self.timer.stop()
            return
        self._last = text


def install_probe() -> Probe | None:
    """The probe, when KUPANG_LAYOUT_PROBE names a file; else nothing."""
    target = os.environ.get(ENV, "")
    return Probe(Path(target)) if target else None
