"""GUI stage: the page canvas: a QWidget with its own view transform over a cached page image.

Page content is drawn only by the Qt renderer from the engine's display list
(cached in a PageLayer); grids, guides, selection and snap lines are drawn over
it in widget pixels. A frame being moved is left out of the cached image and
painted live at its offset, so a drag never re-renders the whole page. Around
the page lies the pasteboard (`overlays.pasteboard_rect`): frames beside the
page are drawn, picked and moved there like any other; only print stops at the
bleed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from kupang_layout.editing.frame_ops import delete_commands, move_commands
from kupang_layout.editing.snapping import ALL_KINDS, SnapTargets, Target, page_targets
from kupang_layout.engine.displaylist import Marker, PageDisplayList
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas import images, overlays
from kupang_layout.gui.canvas.page_layer import PageLayer
from kupang_layout.gui.canvas.tool_place import Loaded, PlaceTool
from kupang_layout.gui.canvas.tool_select import SelectTool
from kupang_layout.gui.canvas.tools import CreateTool, HandTool, PointerEvent, Tool, ZoomTool
from kupang_layout.gui.canvas.viewport import ViewTransform
from kupang_layout.model import Rect, TextFrame
from kupang_layout.model.units import mm
from kupang_layout.render.qt import ImageProxies, InkColours, PagePainter, PaintOptions

SNAP_PX = 6.0
NUDGE = mm(0.5)
NUDGE_BIG = mm(5.0)
TOOL_NAMES = ("select", "text", "image", "rule", "box", "hand", "zoom")


class PageCanvas(QWidget):
    """Shows the current page of a EditionSession and lets the tools edit it."""

    zoom_changed = Signal(float)
    pointer_moved = Signal(float, float)
    view_changed = Signal()
    tool_changed = Signal(str)
    text_requested = Signal(str)
    message = Signal(str)

    def __init__(self, doc: EditionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.view = ViewTransform(unit=self.logicalDpiX() / 72.0)
        self.options = overlays.ViewOptions()
        self.proxies = ImageProxies(background=True)
        self.proxies.ready.connect(self._proxy_ready)
        self._proxies_serial = 0
        self.inks = InkColours()
        self.renderer = PagePainter(inks=self.inks, proxies=self.proxies)
        self.layer = PageLayer(self.renderer)
        self.tools: dict[str, Tool] = {
            "select": SelectTool(self),
            "text": CreateTool(self, "text"),
            "image": CreateTool(self, "image"),
            "rule": CreateTool(self, "rule"),
            "box": CreateTool(self, "box"),
            "hand": HandTool(self),
            "zoom": ZoomTool(self),
        }
        self.place_tool = PlaceTool(self)
        self.tool: Tool = self.tools["select"]
        self._space_hand = False
        self._fitted = False
        self.snap_lines: tuple[Target, ...] = ()
        self.rubber: tuple[QRectF, bool] | None = None
        self.guide_preview: tuple[str, float] | None = None
        self.drag_ids: frozenset[str] = frozenset()
        self.drag_delta = (0.0, 0.0)
        self._overset: tuple[PageDisplayList, set[str]] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 200)
        doc.changed.connect(self.update)
        doc.selection_changed.connect(self.update)
        doc.page_changed.connect(self.fit_page)

    # -- tools --------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        if self.tool.busy:
            self.tool.cancel()
        self.tool = self.tools[name]
        self.setCursor(self.tool.cursor)
        self.tool_changed.emit(name)

    def load_place(self, items: list[Loaded]) -> None:
        """Place (Ctrl+D) with nothing selected: the cursor carries `items` until each is
        clicked or dragged onto the page (tool_place.py)."""
        if not items:
            return
        if self.tool.busy:
            self.tool.cancel()
        self.tool = self.place_tool
        self.place_tool.load(items)
        self.setFocus()

    def place_done(self) -> None:
        """The loaded cursor is empty (or put down with Esc): back to Select."""
        self.place_tool.items = []
        self.set_tool("select")

    @property
    def placing(self) -> bool:
        return self.tool is self.place_tool

    def visible_area(self) -> Rect:
        """The part of page space the canvas shows."""
        r = self.view.visible_page_rect(self.width(), self.height())
        return Rect(r.x(), r.y(), r.width(), r.height())

    def _active_tool(self) -> Tool:
        return self.tools["hand"] if self._space_hand else self.tool

    # -- services for tools ---------------------------------------------------
    def snap_tolerance(self) -> float:
        return SNAP_PX / self.view.zoom

    def snap_targets(self, exclude: Sequence[str], ctrl_held: bool) -> SnapTargets | None:
        page = self.doc.page
        if page is None or ctrl_held or not self.options.snap:
            return None
        kinds = set(ALL_KINDS)
        if not self.options.baseline:
            kinds.discard("baseline")
        if not self.options.guides:
            kinds.discard("guide")
        return page_targets(page, exclude, frozenset(kinds))

    def set_snap_lines(self, lines: Sequence[Target]) -> None:
        if tuple(lines) != self.snap_lines:
            self.snap_lines = tuple(lines)
            self.update()

    def set_rubber(self, rect: QRectF | None, dashed: bool) -> None:
        self.rubber = (rect, dashed) if rect is not None else None
        self.update()

    def set_guide_preview(self, orientation: str | None, position: float) -> None:
        self.guide_preview = (orientation, position) if orientation else None
        self.update()

    def set_drag_preview(self, ids: Sequence[str], dx: float, dy: float) -> None:
        self.drag_ids = frozenset(ids)
        self.drag_delta = (dx, dy)
        self.update()

    def status_message(self, key: str) -> None:
        self.message.emit(key)

    def open_text(self, frame: TextFrame) -> None:
        self.text_requested.emit(frame.id)

    # -- view -------------------------------------------------------------
    def _view_moved(self) -> None:
        self.update()
        self.view_changed.emit()
        self.zoom_changed.emit(self.view.percent)

    def fit_page(self) -> None:
        page = self.doc.page
        if page is None:
            return
        b = page.bleed
        self.view.fit(
            QRectF(-b, -b, page.width + 2 * b, page.height + 2 * b), self.width(), self.height()
        )
        self._fitted = True
        self._view_moved()

    def actual_size(self) -> None:
        self.set_zoom_percent(100.0)

    def set_zoom_percent(self, percent: float, anchor: QPointF | None = None) -> None:
        centre = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        self.view.zoom_at(self.view.zoom_for_percent(percent), centre)
        self._view_moved()

    def zoom_step(self, direction: int, anchor: QPointF | None = None) -> None:
        self.set_zoom_percent(self.view.step(direction), anchor)

    def zoom_to_rect(self, rect: QRectF) -> None:
        if rect.width() > 0 and rect.height() > 0:
            self.view.fit(rect, self.width(), self.height(), 8.0)
            self._view_moved()

    def pan_by(self, dx: float, dy: float) -> None:
        self.view.ox += dx
        self.view.oy += dy
        self._view_moved()

    def set_view_option(self, name: str, on: bool) -> None:
        setattr(self.options, name, on)
        if name == "proof_colours":
            self.inks.proof = on
            self.layer.invalidate()
        self.update()

    def _proxy_ready(self, sha: str) -> None:
        self._proxies_serial += 1
        self.update()

    # -- painting -----------------------------------------------------------
    def overset_frames(self) -> set[str]:
        dl = self.doc.display_list()
        if dl is None:
            return set()
        if self._overset is None or self._overset[0] is not dl:  # once per display list
            frames = {m.frame_id for m in dl.items if isinstance(m, Marker) and m.kind == "overset"}
            self._overset = (dl, frames)
        return set(self._overset[1])

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        page = self.doc.page
        dl = self.doc.display_list()
        if page is None or dl is None:
            p.fillRect(self.rect(), overlays.DESK)
            p.end()
            return
        view = self.view
        dpr = self.devicePixelRatioF()
        # Whole device pixels for the page origin, so the cached image is never resampled.
        view.ox = round(view.ox * dpr) / dpr
        view.oy = round(view.oy * dpr) / dpr
        options = PaintOptions(
            markers=True, frame_edges=self.options.frame_edges, hidden_frames=self.drag_ids
        )
        visible = view.visible_page_rect(self.width(), self.height())
        board = overlays.pasteboard_rect(page)
        self.layer.ensure(
            dl,
            self.doc.edition.asset_source,
            view.zoom,
            dpr,
            visible,
            options,
            self._proxies_serial,
            board,
        )
        covered = self.layer.draw(p, QPointF(view.ox, view.oy), view.zoom)
        overlays.draw_pasteboard(
            p,
            overlays.page_area(view, page),
            view.rect_to_widget(board.x(), board.y(), board.width(), board.height()),
            covered,
            QRectF(self.rect()),
        )
        if self.drag_ids:
            dx, dy = self.drag_delta
            p.save()
            p.setTransform(QTransform().translate(dx, dy) * view.transform())
            self.renderer.paint(
                p,
                dl,
                self.doc.edition.asset_source,
                PaintOptions(markers=True, frame_edges=True, only_frames=self.drag_ids),
            )
            p.restore()
        overlays.draw_page_guides(p, view, page, self.options)
        selected = self.doc.selected_frames()
        if self.drag_ids:
            dx, dy = self.drag_delta
            moved = []
            for f in selected:
                moved.append(replace(f, rect=f.rect.moved(dx, dy)) if f.id in self.drag_ids else f)
            selected = moved
        overlays.draw_threads(p, view, self.doc.edition, page, selected)
        overlays.draw_selection(p, view, self.doc.edition, selected, self.overset_frames())
        if self.snap_lines:
            overlays.draw_snap_lines(p, view, page, self.snap_lines)
        if self.rubber is not None:
            overlays.draw_rubber_band(p, view, *self.rubber)
        if self.guide_preview is not None:
            overlays.draw_guide_preview(p, view, page, *self.guide_preview)
        p.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._fitted:
            self.fit_page()
        else:
            self.view_changed.emit()

    # -- mouse ----------------------------------------------------------------
    def _event(self, ev: QMouseEvent) -> PointerEvent:
        pos = ev.position()
        x, y = self.view.to_page(pos)
        mods = ev.modifiers()
        return PointerEvent(
            x,
            y,
            pos,
            ev.button(),
            bool(mods & Qt.KeyboardModifier.ShiftModifier),
            bool(mods & Qt.KeyboardModifier.ControlModifier),
            bool(mods & Qt.KeyboardModifier.AltModifier),
        )

    def mousePressEvent(self, ev: QMouseEvent) -> None:
        self.setFocus()
        if ev.button() == Qt.MouseButton.MiddleButton:
            self._space_hand = True
            self.tools["hand"].press(self._event(ev))
            return
        self._active_tool().press(self._event(ev))

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:
        pe = self._event(ev)
        self.pointer_moved.emit(pe.x, pe.y)
        self._active_tool().move(pe)

    def mouseReleaseEvent(self, ev: QMouseEvent) -> None:
        tool = self._active_tool()
        tool.release(self._event(ev))
        if ev.button() == Qt.MouseButton.MiddleButton:
            self._space_hand = False
            self.setCursor(self.tool.cursor)

    def mouseDoubleClickEvent(self, ev: QMouseEvent) -> None:
        self._active_tool().double_click(self._event(ev))

    def wheelEvent(self, ev: QWheelEvent) -> None:
        delta = ev.angleDelta()
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120.0
            if steps:
                self.view.zoom_at(self.view.zoom * (1.15**steps), ev.position())
                self._view_moved()
        elif ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.pan_by(delta.y() / 2.0, 0.0)
        else:
            self.pan_by(delta.x() / 2.0, delta.y() / 2.0)
        ev.accept()

    # -- keyboard ---------------------------------------------------------------
    def keyPressEvent(self, ev: QKeyEvent) -> None:
        key = Qt.Key(ev.key())
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Space and not ev.isAutoRepeat() and not self.tool.busy:
            self._space_hand = True
            self.setCursor(self.tools["hand"].cursor)
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and self.doc.selection:
            step = NUDGE_BIG if shift else NUDGE
            dx, dy = arrows[key]
            self.doc.execute_all(
                "nudge", move_commands(self.doc.edition, self.doc.selection, dx * step, dy * step)
            )
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.doc.selection:
            self.doc.execute_all("delete", delete_commands(self.doc.edition, self.doc.selection))
            return
        if key == Qt.Key.Key_Escape and self.placing and not self.tool.busy:
            self.place_done()
            return
        if key == Qt.Key.Key_Escape:
            if self._active_tool().busy or getattr(self.tool, "link_source", None):
                self._active_tool().cancel()
            else:
                self.doc.set_selection([])
            return
        super().keyPressEvent(ev)

    def keyReleaseEvent(self, ev: QKeyEvent) -> None:
        if ev.key() == Qt.Key.Key_Space and not ev.isAutoRepeat() and self._space_hand:
            self.tools["hand"].cancel()
            self._space_hand = False
            self.setCursor(self.tool.cursor)
            return
        super().keyReleaseEvent(ev)

    # -- drops ----------------------------------------------------------------
    def dragEnterEvent(self, ev: QDragEnterEvent) -> None:
        if images.image_paths(ev.mimeData()):
            ev.acceptProposedAction()

    def dragMoveEvent(self, ev: QDragMoveEvent) -> None:
        if images.image_paths(ev.mimeData()):
            ev.acceptProposedAction()

    def dropEvent(self, ev: QDropEvent) -> None:
        paths = images.image_paths(ev.mimeData())
        if not paths:
            return
        x, y = self.view.to_page(ev.position())
        images.place_files(self.doc, paths, x, y)
        ev.acceptProposedAction()
