"""GUI stage: the select/move tool: select, move, copy (Alt), resize, crop, guides, threading.

Frames win clicks over ruler guides: a guide is picked only when nothing else is
under the pointer, or with Ctrl+Alt held; a template's column guides (on the
column grid's edges) and locked guides are never picked. Alt-drag copies the
frames (InDesign), except inside an image frame with a photo that is already
the one selected frame, where Alt-drag moves the picture in the frame (crop).

One drag is one undo step: a move is previewed and committed on release as
one command group; a resize or a crop drag runs live inside an open History
group (the text re-flows while the frame changes) that closes on release.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt

from kupang_layout.editing.frame_ops import duplicate_commands, move_commands
from kupang_layout.editing.handles import (
    frame_at,
    frames_in,
    handle_at,
    moving_edges,
    resize_rect,
    rule_rect,
    union,
)
from kupang_layout.editing.snapping import Target, is_column_guide, snap_rect, snap_values
from kupang_layout.gui.canvas.overlays import HANDLE_PX, port_rects
from kupang_layout.gui.canvas.tools import DRAG_THRESHOLD_PX, PointerEvent, Tool
from kupang_layout.model import (
    Guide,
    ImageFrame,
    LinkFrames,
    Rect,
    Rule,
    SetFrameProperties,
    SetFrameRect,
    SetPageProperties,
    TextFrame,
)

GUIDE_HIT_PX = 3.0
_HANDLE_CURSORS = {
    "t": Qt.CursorShape.SizeVerCursor,
    "b": Qt.CursorShape.SizeVerCursor,
    "l": Qt.CursorShape.SizeHorCursor,
    "r": Qt.CursorShape.SizeHorCursor,
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
}


@dataclass
class _Drag:
    mode: str  # move, resize, crop, guide, marquee
    start: tuple[float, float]
    start_pos: QPointF
    ids: list[str] = field(default_factory=list)
    rect: Rect | None = None
    handle: str = ""
    offset: tuple[float, float] = (0.0, 0.0)
    guide: int = -1
    moved: bool = False
    delta: tuple[float, float] = (0.0, 0.0)
    copy: bool = False


class SelectTool(Tool):
    """Select (click, Shift-click, marquee), move, resize, crop and thread frames."""

    name = "select"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas: object) -> None:
        super().__init__(canvas)  # type: ignore[arg-type]
        self._drag: _Drag | None = None
        self.link_source: str | None = None

    @property
    def busy(self) -> bool:
        return self._drag is not None

    # -- hit testing -----------------------------------------------------------
    def _tolerance(self) -> float:
        return HANDLE_PX / self.canvas.view.zoom

    def _port_hit(self, pos: QPointF) -> tuple[TextFrame, str] | None:
        for f in self.canvas.doc.selected_frames():
            if isinstance(f, TextFrame) and f.story_id:
                in_port, out_port = port_rects(self.canvas.view, f)
                if out_port.adjusted(-2, -2, 2, 2).contains(pos):
                    return f, "out"
                if in_port.adjusted(-2, -2, 2, 2).contains(pos):
                    return f, "in"
        return None

    def _guide_hit(self, pos: QPointF) -> int:
        page = self.canvas.doc.page
        options = self.canvas.options
        if page is None or not options.guides or options.guides_locked:
            return -1
        view = self.canvas.view
        for i, g in enumerate(page.guides):
            if is_column_guide(page, g.orientation, g.position):
                continue
            p = view.to_widget(g.position, g.position)
            d = abs(pos.x() - p.x()) if g.orientation == "v" else abs(pos.y() - p.y())
            if d <= GUIDE_HIT_PX:
                return i
        return -1

    def _handle_hit(self, ev: PointerEvent) -> tuple[str, str] | None:
        frames = self.canvas.doc.selected_frames()
        if len(frames) != 1 or frames[0].locked:
            return None
        h = handle_at(frames[0], ev.x, ev.y, self._tolerance() / 2 + 1 / self.canvas.view.zoom)
        return (frames[0].id, h) if h else None

    # -- events ---------------------------------------------------------------
    def press(self, ev: PointerEvent) -> None:
        doc = self.canvas.doc
        page = doc.page
        if page is None or ev.button != Qt.MouseButton.LeftButton:
            return
        start = (ev.x, ev.y)
        if self.link_source is not None:
            self._finish_link(ev)
            return
        handle = self._handle_hit(ev)
        if handle is not None:
            fid, name = handle
            frame = doc.frame(fid)
            assert frame is not None
            self._drag = _Drag("resize", start, ev.pos, [fid], frame.rect, name)
            return
        port = self._port_hit(ev.pos)
        if port is not None:
            if port[1] == "out":
                self.link_source = port[0].id
                self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
                self.canvas.status_message("link")
            return
        guide = self._guide_hit(ev.pos)
        frame = frame_at(page.frames, ev.x, ev.y, self._tolerance())
        if guide >= 0 and (frame is None or (ev.ctrl and ev.alt)):
            self._drag = _Drag("guide", start, ev.pos, guide=guide)
            return
        if frame is None:
            if not ev.shift:
                doc.set_selection([])
            self._drag = _Drag("marquee", start, ev.pos)
            return
        if ev.shift:
            ids = list(doc.selection)
            ids.remove(frame.id) if frame.id in ids else ids.append(frame.id)
            doc.set_selection(ids)
            return
        alone = doc.selection == [frame.id]
        if frame.id not in doc.selection:
            doc.set_selection([frame.id])
        photo = isinstance(frame, ImageFrame) and bool(frame.asset) and not frame.locked
        if ev.alt and photo and alone:
            assert isinstance(frame, ImageFrame)
            self._drag = _Drag(
                "crop", start, ev.pos, [frame.id], offset=(frame.offset_x, frame.offset_y)
            )
            return
        if ev.alt:  # Alt-drag: a copy of the selection (locked frames too)
            ids = [f.id for f in doc.selected_frames()]
            self._drag = _Drag("move", start, ev.pos, ids, copy=True)
            return
        ids = [f.id for f in doc.selected_frames() if not f.locked]
        self._drag = _Drag("move", start, ev.pos, ids)

    def move(self, ev: PointerEvent) -> None:
        d = self._drag
        if d is None:
            self.hover(ev)
            return
        if not d.moved:
            if (ev.pos - d.start_pos).manhattanLength() < DRAG_THRESHOLD_PX:
                return
            d.moved = True
            if d.mode == "resize":
                self.canvas.doc.begin_group("resize")
            elif d.mode == "crop":
                self.canvas.doc.begin_group("crop")
        dx, dy = ev.x - d.start[0], ev.y - d.start[1]
        getattr(self, "_move_" + d.mode)(d, ev, dx, dy)

    def _move_move(self, d: _Drag, ev: PointerEvent, dx: float, dy: float) -> None:
        if not d.ids:
            return
        if ev.shift:  # constrain to the main axis
            dx, dy = (dx, 0.0) if abs(dx) >= abs(dy) else (0.0, dy)
        frames = [f for f in (self.canvas.doc.frame(i) for i in d.ids) if f is not None]
        box = union([f.rect for f in frames])
        targets = self.canvas.snap_targets(d.ids, ev.ctrl)
        lines: tuple[Target, ...] = ()
        if box is not None and targets is not None:
            res = snap_rect(box.moved(dx, dy), targets, self.canvas.snap_tolerance())
            free_x = not ev.shift or dx != 0.0  # Shift: snap along the kept axis only
            free_y = not ev.shift or dy != 0.0
            dx += res.dx if free_x else 0.0
            dy += res.dy if free_y else 0.0
            lines = tuple(
                t
                for t in res.lines
                if (t.orientation == "v" and free_x) or (t.orientation == "h" and free_y)
            )
        d.delta = (dx, dy)
        self.canvas.set_snap_lines(lines)
        self.canvas.set_drag_preview(d.ids, dx, dy)

    def _move_resize(self, d: _Drag, ev: PointerEvent, dx: float, dy: float) -> None:
        frame = self.canvas.doc.frame(d.ids[0])
        if frame is None or d.rect is None:
            return
        px, py = ev.x, ev.y
        targets = self.canvas.snap_targets(d.ids, ev.ctrl)
        if isinstance(frame, Rule):
            (x1, y1), (x2, y2) = (d.rect.x, d.rect.y), (d.rect.right, d.rect.bottom)
            if targets is not None:
                res = snap_values((px,), (py,), targets, self.canvas.snap_tolerance())
                px, py = px + res.dx, py + res.dy
                self.canvas.set_snap_lines(res.lines)
            rect = rule_rect(px, py, x2, y2) if d.handle == "start" else rule_rect(x1, y1, px, py)
        else:
            ex, ey = moving_edges(d.handle)
            if targets is not None:
                res = snap_values(
                    (px,) if ex else (), (py,) if ey else (), targets, self.canvas.snap_tolerance()
                )
                px, py = px + res.dx, py + res.dy
                self.canvas.set_snap_lines(res.lines)
            rect = resize_rect(d.rect, d.handle, px, py, keep_ratio=ev.shift)
        if rect != frame.rect:
            self.canvas.doc.history.execute(SetFrameRect(frame.id, rect))

    def _move_crop(self, d: _Drag, ev: PointerEvent, dx: float, dy: float) -> None:
        ox, oy = d.offset[0] + dx, d.offset[1] + dy
        self.canvas.doc.history.execute(
            SetFrameProperties(d.ids[0], label="crop", offset_x=ox, offset_y=oy)
        )

    def _move_guide(self, d: _Drag, ev: PointerEvent, dx: float, dy: float) -> None:
        page = self.canvas.doc.page
        if page is None:
            return
        g = page.guides[d.guide]
        self.canvas.set_guide_preview(g.orientation, ev.x if g.orientation == "v" else ev.y)

    def _move_marquee(self, d: _Drag, ev: PointerEvent, dx: float, dy: float) -> None:
        x0, y0 = d.start
        self.canvas.set_rubber(
            QRectF(min(x0, ev.x), min(y0, ev.y), abs(ev.x - x0), abs(ev.y - y0)), True
        )

    def release(self, ev: PointerEvent) -> None:
        d, self._drag = self._drag, None
        if d is None:
            return
        doc = self.canvas.doc
        self.canvas.set_snap_lines(())
        if d.mode == "move":
            self.canvas.set_drag_preview([], 0.0, 0.0)
            if d.moved and d.copy:
                commands, new_ids = duplicate_commands(doc.edition, d.ids, *d.delta)
                if doc.execute_all("duplicate", commands):
                    doc.set_selection(new_ids)
            elif d.moved:
                doc.execute_all("move", move_commands(doc.edition, d.ids, *d.delta))
        elif d.mode in ("resize", "crop"):
            doc.end_group()
        elif d.mode == "guide":
            self.canvas.set_guide_preview(None, 0.0)
            if d.moved:
                self._drop_guide(d.guide, ev)
        elif d.mode == "marquee":
            self.canvas.set_rubber(None, False)
            if d.moved and doc.page is not None:
                x0, y0 = d.start
                area = Rect(min(x0, ev.x), min(y0, ev.y), abs(ev.x - x0), abs(ev.y - y0))
                picked = [f.id for f in frames_in(doc.page.frames, area)]
                doc.set_selection((list(doc.selection) if ev.shift else []) + picked)

    def _drop_guide(self, index: int, ev: PointerEvent) -> None:
        page = self.canvas.doc.page
        if page is None:
            return
        guides = list(page.guides)
        g = guides[index]
        pos = ev.x if g.orientation == "v" else ev.y
        limit = page.width if g.orientation == "v" else page.height
        off = page.bleed + 20 / self.canvas.view.zoom
        if pos < -off or pos > limit + off:
            guides.pop(index)  # dragged off the page: removed
        else:
            guides[index] = Guide(g.orientation, pos)
        self.canvas.doc.execute(SetPageProperties(page.id, guides=guides))

    def _finish_link(self, ev: PointerEvent) -> None:
        source, self.link_source = self.link_source, None
        self.canvas.setCursor(self.cursor)
        self.canvas.status_message("")
        page = self.canvas.doc.page
        if page is None or source is None:
            return
        target = frame_at(page.frames, ev.x, ev.y, self._tolerance())
        if isinstance(target, TextFrame) and target.id != source:
            self.canvas.doc.execute(LinkFrames(source, target.id))

    def hover(self, ev: PointerEvent) -> None:
        if self.link_source is not None:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
            return
        handle = self._handle_hit(ev)
        if handle is not None:
            self.canvas.setCursor(_HANDLE_CURSORS.get(handle[1], Qt.CursorShape.CrossCursor))
        elif self._port_hit(ev.pos) is not None:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        elif self._guide_hit(ev.pos) >= 0 and (
            (ev.ctrl and ev.alt) or self._frame_under(ev) is None
        ):
            self.canvas.setCursor(Qt.CursorShape.SplitHCursor)
        else:
            self.canvas.setCursor(self.cursor)

    def _frame_under(self, ev: PointerEvent) -> object:
        page = self.canvas.doc.page
        return None if page is None else frame_at(page.frames, ev.x, ev.y, self._tolerance())

    def double_click(self, ev: PointerEvent) -> None:
        page = self.canvas.doc.page
        if page is None:
            return
        frame = frame_at(page.frames, ev.x, ev.y, self._tolerance())
        if isinstance(frame, TextFrame) and frame.story_id:
            self.canvas.open_text(frame)

    def cancel(self) -> None:
        d, self._drag = self._drag, None
        self.link_source = None
        self.canvas.set_snap_lines(())
        self.canvas.set_rubber(None, False)
        self.canvas.set_guide_preview(None, 0.0)
        self.canvas.set_drag_preview([], 0.0, 0.0)
        if d is not None and d.mode in ("resize", "crop"):
            self.canvas.doc.end_group(cancel=True)
