"""Driving the desktop app in tests: a window on a sample edition, exact mouse events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from kupang_layout.gui.base.i18n import install_language
from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.canvas.canvas import PageCanvas
from kupang_layout.gui.shell.main_window import MainWindow
from kupang_layout.model import Edition

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def make_window(qtbot, edition: Edition) -> MainWindow:  # type: ignore[no-untyped-def]
    install_language("id")
    window = MainWindow(EditionSession(edition), "id")
    window.confirm_close = False
    qtbot.addWidget(window)
    window.resize(1400, 950)
    window.show()
    qtbot.waitExposed(window)
    window.canvas.fit_page()
    return window


def at(canvas: PageCanvas, x: float, y: float) -> QPointF:
    """Widget position of a page point (whole pixels, as a real pointer has)."""
    p = canvas.view.to_widget(x, y)
    return QPointF(round(p.x()), round(p.y()))


def mouse(
    widget: QWidget,
    kind: QEvent.Type,
    pos: QPointF,
    button: Qt.MouseButton = LEFT,
    modifiers: Qt.KeyboardModifier = NO_MOD,
) -> None:
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else LEFT
    if kind == QEvent.Type.MouseMove and button == Qt.MouseButton.NoButton:
        held = Qt.MouseButton.NoButton
    event_button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else button
    glob = QPointF(widget.mapToGlobal(pos.toPoint()))
    ev = QMouseEvent(kind, pos, glob, event_button, held, modifiers)
    QApplication.sendEvent(widget, ev)


def drag(
    widget: QWidget,
    start: QPointF,
    end: QPointF,
    modifiers: Qt.KeyboardModifier = NO_MOD,
    steps: int = 8,
) -> None:
    """Press, move in steps, release: one drag."""
    mouse(widget, QEvent.Type.MouseButtonPress, start, LEFT, modifiers)
    for i in range(1, steps + 1):
        t = i / steps
        p = QPointF(
            round(start.x() + (end.x() - start.x()) * t),
            round(start.y() + (end.y() - start.y()) * t),
        )
        mouse(widget, QEvent.Type.MouseMove, p, LEFT, modifiers)
    mouse(widget, QEvent.Type.MouseButtonRelease, end, LEFT, modifiers)


def click(widget: QWidget, pos: QPointF, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    mouse(widget, QEvent.Type.MouseButtonPress, pos, LEFT, modifiers)
    mouse(widget, QEvent.Type.MouseButtonRelease, pos, LEFT, modifiers)


def double_click(widget: QWidget, pos: QPointF) -> None:
    click(widget, pos)
    mouse(widget, QEvent.Type.MouseButtonDblClick, pos)
    mouse(widget, QEvent.Type.MouseButtonRelease, pos)


def ctrl_wheel(widget: QWidget, pos: QPointF, notches: int) -> None:
    ev = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, ev)
