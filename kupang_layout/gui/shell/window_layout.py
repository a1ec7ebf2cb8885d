"""GUI stage: the main window's layout: size, place, docks and zoom remembered; the page refitted.

The window remembers itself in the app's settings (size and place, the docks'
layout, the zoom) when it closes and takes them back when the next one opens;
the page is fitted again when the *window* is resized while it is fitted (a dock
opening or closing leaves the zoom alone, as in InDesign).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow

from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.base.settings import app_settings
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.canvas.viewport import ViewTransform

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
STATE_VERSION = 1  # of the dock layout saved; a layout of another version is not restored
FIT_TOLERANCE = 1e-3


class WindowLayout(QObject):
    """The layout of one main window: restored, saved, and the fit kept on a resize."""

    def __init__(self, window: QMainWindow, canvas: PageCanvas, doc: EditionSession) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = canvas
        self.doc = doc
        self.docks_sized = False  # the docks' first-show sizes given (or the desk's restored)
        self.state_before_start: QByteArray | None = None  # the start screen hid the docks
        self.zoom_to_restore: float | None = None
        self._window_size = QSize()

    def watch(self) -> None:
        """From now on a window resize refits a fitted page."""
        self._window_size = self.window.size()  # a canvas resize with another: the window's
        self.canvas.installEventFilter(self)

    # -- the window as the desk left it ------------------------------------------------
    def restore(self) -> bool:
        """Size, place and docks of the last window closed (True if docks were restored);
        its zoom is kept for the first show (None: fitted)."""
        settings = app_settings()
        geometry = settings.bytes_value(GEOMETRY_KEY)
        if geometry:
            self.window.restoreGeometry(QByteArray(geometry))
        self.zoom_to_restore = settings.zoom
        state = settings.bytes_value(STATE_KEY)
        if state and self.window.restoreState(QByteArray(state), STATE_VERSION):
            self.docks_sized = True  # the desk's own sizes, not the first-show defaults
            return True
        return False

    def save(self) -> None:
        settings = app_settings()
        settings.set_bytes(GEOMETRY_KEY, bytes(self.window.saveGeometry().data()))
        if self.state_before_start is not None:  # the start screen hid the docks
            state = self.state_before_start
        else:
            state = self.window.saveState(STATE_VERSION)
        settings.set_bytes(STATE_KEY, bytes(state.data()))
        settings.set_zoom(None if self.is_fitted() else self.canvas.view.percent)

    def first_show(self, side: list[QDockWidget], bottom: list[QDockWidget]) -> None:
        """The docks' sizes the first time a window shows (the page gets the room, the docks
        a column), and the zoom the desk left the last window at."""
        if not self.docks_sized:
            self.docks_sized = True
            self.window.resizeDocks(side, [320] * len(side), Qt.Orientation.Horizontal)
            self.window.resizeDocks(side, [300, 600][: len(side)], Qt.Orientation.Vertical)
            self.window.resizeDocks(bottom, [170] * len(bottom), Qt.Orientation.Vertical)
        zoom, self.zoom_to_restore = self.zoom_to_restore, None
        if zoom is not None:
            self.canvas.set_zoom_percent(zoom)

    # -- the start screen hides the docks ------------------------------------------------
    def hide_docks(self) -> None:
        self.state_before_start = self.window.saveState(STATE_VERSION)
        for dock in self.window.findChildren(QDockWidget):
            dock.hide()

    def show_docks(self) -> None:
        state, self.state_before_start = self.state_before_start, None
        if state is not None:
            self.window.restoreState(state, STATE_VERSION)

    # -- fitted ---------------------------------------------------------------------------
    def is_fitted(self) -> bool:
        """Whether the view is the page fitted in the canvas (what Fit Page gives)."""
        return self.fits(self.canvas.width(), self.canvas.height())

    def fits(self, width: float, height: float) -> bool:
        page = self.doc.page
        if page is None:
            return True
        b = page.bleed
        fitted = ViewTransform(unit=self.canvas.view.unit)
        fitted.fit(QRectF(-b, -b, page.width + 2 * b, page.height + 2 * b), width, height)
        v = self.canvas.view
        return (
            abs(fitted.zoom - v.zoom) <= FIT_TOLERANCE * fitted.zoom
            and abs(fitted.ox - v.ox) < 0.5
            and abs(fitted.oy - v.oy) < 0.5
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Fit again when the *window* is resized while the page is fitted (Fit Page, a
        new page). A dock opening or closing leaves the zoom alone, as in InDesign."""
        if obj is self.canvas and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            old = event.oldSize()
            window_resized = self.window.size() != self._window_size
            self._window_size = self.window.size()
            was_fitted = (
                old.width() > 0 and old.height() > 0 and self.fits(old.width(), old.height())
            )
            if window_resized and was_fitted:
                self.canvas.fit_page()  # fit mode: the page fills the new size too
        return False
