"""GUI stage: canvas tools: the tool protocol, frame creation, hand and zoom.

The select/move tool lives in tool_select.py. Tools get pointer events in page
points and change the model only through EditionSession commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QCursor

from kupang_layout.editing.frame_ops import add_frame_command
from kupang_layout.editing.handles import rule_rect
from kupang_layout.editing.snapping import SnapTargets, Target, snap_point
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas.overlays import ViewOptions
from kupang_layout.gui.canvas.viewport import ViewTransform
from kupang_layout.model import Rect, TextFrame

DRAG_THRESHOLD_PX = 3.0


class ToolCanvas(Protocol):
    """What a tool uses of the canvas it works on (`PageCanvas` has it all).

    The canvas imports the tools; the tools know the canvas only through this.
    """

    doc: EditionSession
    view: ViewTransform
    options: ViewOptions

    def setCursor(self, cursor: Qt.CursorShape | QCursor, /) -> None: ...

    def update(self) -> None: ...

    def snap_tolerance(self) -> float: ...

    def snap_targets(self, exclude: Sequence[str], ctrl_held: bool) -> SnapTargets | None: ...

    def set_snap_lines(self, lines: Sequence[Target]) -> None: ...

    def set_rubber(self, rect: QRectF | None, dashed: bool) -> None: ...

    def set_guide_preview(self, orientation: str | None, position: float) -> None: ...

    def set_drag_preview(self, ids: Sequence[str], dx: float, dy: float) -> None: ...

    def status_message(self, key: str) -> None: ...

    def open_text(self, frame: TextFrame) -> None: ...

    def zoom_step(self, direction: int, anchor: QPointF | None = None) -> None: ...

    def zoom_to_rect(self, rect: QRectF) -> None: ...

    def pan_by(self, dx: float, dy: float) -> None: ...

    def place_done(self) -> None: ...


@dataclass(frozen=True)
class PointerEvent:
    """A mouse event in page points, with the widget position and the modifiers."""

    x: float
    y: float
    pos: QPointF
    button: Qt.MouseButton
    shift: bool = False
    ctrl: bool = False
    alt: bool = False


class Tool:
    """Base tool: does nothing."""

    name = "tool"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas: ToolCanvas) -> None:
        self.canvas = canvas

    @property
    def busy(self) -> bool:
        """True while a drag is in progress."""
        return False

    def press(self, ev: PointerEvent) -> None: ...

    def move(self, ev: PointerEvent) -> None: ...

    def release(self, ev: PointerEvent) -> None: ...

    def hover(self, ev: PointerEvent) -> None:
        self.canvas.setCursor(self.cursor)

    def double_click(self, ev: PointerEvent) -> None: ...

    def cancel(self) -> None: ...


class CreateTool(Tool):
    """Drag out a text frame, image frame, box or rule."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: ToolCanvas, kind: str) -> None:
        super().__init__(canvas)
        self.kind = kind
        self.name = kind
        self._start: tuple[float, float] | None = None
        self._start_pos = QPointF()
        self._rect: Rect | None = None

    @property
    def busy(self) -> bool:
        return self._start is not None

    def _snap(self, ev: PointerEvent) -> tuple[float, float]:
        targets = self.canvas.snap_targets((), ev.ctrl)
        if targets is None:
            self.canvas.set_snap_lines(())
            return ev.x, ev.y
        res = snap_point(ev.x, ev.y, targets, self.canvas.snap_tolerance())
        self.canvas.set_snap_lines(res.lines)
        return ev.x + res.dx, ev.y + res.dy

    def press(self, ev: PointerEvent) -> None:
        if ev.button != Qt.MouseButton.LeftButton or self.canvas.doc.page is None:
            return
        self._start = self._snap(ev)
        self._start_pos = ev.pos
        self._rect = None

    def move(self, ev: PointerEvent) -> None:
        if self._start is None:
            self.hover(ev)
            self._snap(ev)
            self.canvas.update()
            return
        x0, y0 = self._start
        x1, y1 = self._snap(ev)
        if self.kind == "rule":
            rect = rule_rect(x0, y0, x1, y1)
        else:
            w, h = x1 - x0, y1 - y0
            if ev.shift:
                side = max(abs(w), abs(h))
                w = side if w >= 0 else -side
                h = side if h >= 0 else -side
            rect = Rect(min(x0, x0 + w), min(y0, y0 + h), abs(w), abs(h))
        self._rect = rect
        self.canvas.set_rubber(QRectF(rect.x, rect.y, rect.width, rect.height), False)

    def release(self, ev: PointerEvent) -> None:
        if self._start is None:
            return
        rect, self._rect, self._start = self._rect, None, None
        self.canvas.set_rubber(None, False)
        self.canvas.set_snap_lines(())
        page = self.canvas.doc.page
        moved = (ev.pos - self._start_pos).manhattanLength() >= DRAG_THRESHOLD_PX
        if rect is None or page is None or not moved:
            return
        if self.kind != "rule" and (rect.width < 1 or rect.height < 1):
            return
        command, fid = add_frame_command(page, self.kind, rect)
        if self.canvas.doc.execute(command):
            self.canvas.doc.set_selection([fid])

    def cancel(self) -> None:
        self._start, self._rect = None, None
        self.canvas.set_rubber(None, False)
        self.canvas.set_snap_lines(())


class HandTool(Tool):
    """Drag the page around."""

    name = "hand"
    cursor = Qt.CursorShape.OpenHandCursor

    def __init__(self, canvas: ToolCanvas) -> None:
        super().__init__(canvas)
        self._last: QPointF | None = None

    @property
    def busy(self) -> bool:
        return self._last is not None

    def press(self, ev: PointerEvent) -> None:
        self._last = ev.pos
        self.canvas.setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, ev: PointerEvent) -> None:
        if self._last is None:
            self.hover(ev)
            return
        delta = ev.pos - self._last
        self._last = ev.pos
        self.canvas.pan_by(delta.x(), delta.y())

    def release(self, ev: PointerEvent) -> None:
        self._last = None
        self.canvas.setCursor(self.cursor)

    def cancel(self) -> None:
        self._last = None


class ZoomTool(Tool):
    """Click to zoom in (Alt: out) around the pointer; drag a rectangle to zoom to it."""

    name = "zoom"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: ToolCanvas) -> None:
        super().__init__(canvas)
        self._start: tuple[float, float] | None = None
        self._start_pos = QPointF()

    @property
    def busy(self) -> bool:
        return self._start is not None

    def press(self, ev: PointerEvent) -> None:
        self._start = (ev.x, ev.y)
        self._start_pos = ev.pos

    def move(self, ev: PointerEvent) -> None:
        if self._start is None:
            self.hover(ev)
            return
        x0, y0 = self._start
        self.canvas.set_rubber(
            QRectF(min(x0, ev.x), min(y0, ev.y), abs(ev.x - x0), abs(ev.y - y0)), True
        )

    def release(self, ev: PointerEvent) -> None:
        if self._start is None:
            return
        x0, y0 = self._start
        self._start = None
        self.canvas.set_rubber(None, False)
        if (ev.pos - self._start_pos).manhattanLength() >= 3 * DRAG_THRESHOLD_PX:
            self.canvas.zoom_to_rect(
                QRectF(min(x0, ev.x), min(y0, ev.y), abs(ev.x - x0), abs(ev.y - y0))
            )
        else:
            self.canvas.zoom_step(-1 if ev.alt else 1, ev.pos)

    def cancel(self) -> None:
        self._start = None
        self.canvas.set_rubber(None, False)
