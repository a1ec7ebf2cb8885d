"""The whole app in Indonesian: walk every window, dock, menu and dialog, fail on English.

The list of the program's English strings is built from its catalogues: every source
string of the .ts catalogue, the English side of every `messages.py` entry, Qt's own
strings the program translates (standard buttons, file dialogs ...), and the English
names the model and the engine use (slot roles, swatches, the copyfit statuses). A
string that is the same in both languages ("Folio", "Status", "PDF") is no evidence
and is left out: every Indonesian text of the catalogues is dropped from the list.

The real main window then opens the sample edition in the Indonesian UI; every menu's
actions, every dock and every dialog the app opens (through its action, inspected and
closed by a timer while its `exec()` runs; message boxes brought up by harmless
failures) give their visible texts: window titles, labels, buttons, menu texts,
tooltips, table headers and cells, tree items, combo items, placeholders and the status
bar. Any text that is, or contains, an English string fails the test with where it was
seen.
"""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from kupang_layout import i18n
from kupang_layout.gui.base.i18n import QT_CATALOGUE, catalogue_path, read_ts, tr
from kupang_layout.gui.base.i18n_tool import all_messages
from kupang_layout.gui.shell.main_window import MainWindow

MESSAGE_MODULES = (
    "kupang_layout.common.messages",
    "kupang_layout.imaging.messages",
    "kupang_layout.storage.messages",
    "kupang_layout.manuscript.messages",
    "kupang_layout.preflight.messages",
    "kupang_layout.render.pdf.messages",
    "kupang_layout.jobs.messages",
    "kupang_layout.cli.messages",
)

# English words the program keeps as they are in the Indonesian UI: proper names,
# units, file kinds and keyboard keys (written on the keys of every keyboard).
KEPT = {
    "kupang layout",
    "kupang times",
    "english",
    "bahasa indonesia",
    "pdf",
    "png",
    "jpeg",
    "tiff",
    "cmyk",
    "rgb",
    "icc",
    "ppi",
    "mm",
    "pt",
    "ok",
    "esc",
    "ctrl",
    "shift",
    "alt",
    "enter",
}

# English names that reach the screen from outside the catalogues when a wrap is missing:
# the model's slot roles and slot groups, the house swatches, the engine's copyfit status.
MODEL_WORDS = (
    "main photo",
    "photo",
    "headline",
    "body",
    "caption",
    "photo credit",
    "pull quote",
    "tagline",
    "credits",
    "deck",
    "section",
    "teaser",
    "masthead",
    "free",
    "main",
    "second",
    "third",
    "Black",
    "Paper",
    "Registration",
    "KT Red",
    "KT Blue",
    "Grey 20",
    "Grey 50",
    "Banner Yellow",
    "fits",
    "{n} lines short",
    "+{n} lines over",
    "Regular",
    "Italic",
    "Bold",
    "Bold Italic",
    "Justified",
    "Centred",
    "Left",
    "Right",
)

PARAM = re.compile(r"%\d|\{[a-z_0-9]*\}")


def normal(text: str) -> str:
    """A text as compared: mnemonics, ellipses, end colons and spacing dropped, casefolded."""
    text = re.sub(r"<[^>]+>", " ", text)  # rich text
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = text.replace("…", " ").replace("...", " ")
    text = re.sub(r"\s+", " ", text).strip().rstrip(":").strip()
    return text.casefold()


class EnglishList:
    """The program's English strings (those that differ from their Indonesian text)."""

    def __init__(self) -> None:
        pairs: list[tuple[str, str]] = []  # (english, indonesian)
        indonesian = read_ts(catalogue_path("id", "ts"))
        for m in all_messages():
            pairs.append((m[1], indonesian.get(m, "")))
        for mod in MESSAGE_MODULES:
            importlib.import_module(mod)
        for entry in i18n.MESSAGES.values():
            pairs.append((entry["en"], entry["id"]))
        qt_ts = catalogue_path("id", "ts", QT_CATALOGUE)
        for ctx in ET.parse(qt_ts).getroot().iter("context"):
            for msg in ctx.iter("message"):
                pairs.append((msg.findtext("source") or "", msg.findtext("translation") or ""))
        known_id = {normal(i) for _, i in pairs if i}
        for _, i in pairs:  # each line of a long Indonesian text is Indonesian too
            known_id.update(normal(line) for line in i.splitlines())
        self.exact: set[str] = set()
        self.templates: list[tuple[str, re.Pattern[str]]] = []
        self.phrases: list[tuple[str, re.Pattern[str]]] = []
        english = [e for e, _ in pairs] + list(MODEL_WORDS)
        for e in english:
            for line in [e, *e.splitlines()]:
                self._add(line, known_id)

    def _add(self, text: str, known_id: set[str]) -> None:
        n = normal(text)
        if not n or n in known_id or n in KEPT:
            return
        literal = PARAM.sub(" ", n)
        if len(re.sub(r"[^a-z]", "", literal)) < 3:
            return  # nothing English in it but params and signs
        if PARAM.search(n):
            parts = [re.escape(p) for p in PARAM.split(n)]
            pattern = re.compile(".+?".join(parts))
            if all(len(p.strip()) < 3 for p in PARAM.split(n)):
                return
            self.templates.append((text, pattern))
            return
        self.exact.add(n)
        if len(n.split()) >= 2 and len(n) >= 8:
            self.phrases.append((text, re.compile(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])")))

    def english_in(self, text: str) -> str | None:
        """The English string `text` is or contains, else None."""
        for candidate in [text, *text.splitlines()]:
            n = normal(candidate)
            if not n:
                continue
            if n in self.exact:
                return candidate
            for source, pattern in self.templates:
                if pattern.fullmatch(n):
                    return source
            for source, pattern in self.phrases:
                if pattern.search(n):
                    return source
        return None


# -- collecting what is shown ------------------------------------------------------------


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # a list widget's model hides columnCount
        return 0 if parent.isValid() else 1
    return model.columnCount(parent)


def _model_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    for orientation in (Qt.Orientation.Horizontal,):
        for c in range(_columns(model, QModelIndex())):
            value = model.headerData(c, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield f"{where} header {c}", value

    def walk(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for r in range(min(model.rowCount(parent), 200)):
            for c in range(_columns(model, parent)):
                index = model.index(r, c, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield f"{where} row {r} col {c}", value
                if c == 0 and depth < 4 and _columns(model, index) and model.hasChildren(index):
                    yield from walk(index, depth + 1)

    yield from walk(QModelIndex(), 0)


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{where} › {action.text()}", action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield f"{where} › {action.text()} (tooltip)", action.toolTip()
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_texts(sub, f"{where} › {sub.title()}")


def widget_texts(root: QWidget, where: str) -> Iterator[tuple[str, str]]:
    """Every text `root` and its visible children show."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root):
            continue
        name = f"{where}/{type(w).__name__}({w.objectName()})"
        if w.isWindow() or isinstance(w, QDockWidget):
            yield f"{name} title", w.windowTitle()
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
            if w.lineEdit() is not None:
                yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QAbstractSpinBox):
            yield f"{name} special", w.specialValueText()
            for attr in ("suffix", "prefix"):
                fn = getattr(w, attr, None)
                if fn is not None:
                    yield f"{name} {attr}", fn()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
                yield f"{name} tab {i} tooltip", w.tabToolTip(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
        elif isinstance(w, QAbstractItemView):
            yield from _model_texts(w, name)
        if isinstance(w, QMainWindow):
            yield f"{name} status bar", w.statusBar().currentMessage()
            for menu in w.menuBar().findChildren(QMenu):
                if menu.parent() is w.menuBar():
                    yield from _menu_texts(menu, f"{name} menu {menu.title()}")
        for action in w.actions():
            if isinstance(action, QAction) and not isinstance(w, QMenu) and action.toolTip():
                yield f"{name} action tooltip", action.toolTip()


class Walk:
    """Collects what is shown and where; reports the English found."""

    def __init__(self, english: EnglishList) -> None:
        self.english = english
        self.found: dict[str, str] = {}  # English text shown -> where it was first seen
        self.seen: list[str] = []  # the windows walked, in order

    def inspect(self, root: QWidget, where: str) -> None:
        self.seen.append(where)
        # Data, not interface: a style's stored key, shown labelled as such (the house
        # styles' keys stay English in the file, DECISIONS).
        stored = tr("StylesPanel", "Stored name: %1").split("%1")[0]
        for place, text in widget_texts(root, where):
            if not text or text.startswith(stored):
                continue
            hit = self.english.english_in(text)
            if hit is not None:
                self.found.setdefault(text if hit == text else f"{text} (~ {hit!r})", place)


def _close(widget: QWidget) -> None:
    if isinstance(widget, QMessageBox):
        widget.done(0)  # any button's answer is 'no': nothing harmful runs
    elif isinstance(widget, QDialog):
        widget.reject()
    else:
        widget.close()


def _dialog_windows(before: set[int]) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and isinstance(w, QDialog) and id(w) not in before
    ]


def open_and_walk(
    walk: Walk,
    where: str,
    trigger: Callable[[], None],
    inside: Callable[[QWidget], None] | None = None,
) -> bool:
    """Run `trigger`; every dialog it brings up (modal `exec()` or shown) is inspected,
    `inside` runs on the first one, and each is closed. True if one came up."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    handled: list[QWidget] = []

    def look() -> None:
        for dialog in _dialog_windows(before):
            if dialog in handled:
                continue
            handled.append(dialog)
            QApplication.processEvents()
            name = f"{where} [{dialog.windowTitle() or type(dialog).__name__}]"
            walk.inspect(dialog, name)
            if inside is not None and len(handled) == 1:
                inside(dialog)
            _close(dialog)
        if not handled:
            tries.append(1)
            if len(tries) < 40:
                QTimer.singleShot(25, look)

    tries: list[int] = []
    QTimer.singleShot(0, look)
    trigger()
    for _ in range(10):
        QApplication.processEvents()
    if not handled:  # a non-modal dialog shown after the trigger returned
        look()
    for dialog in _dialog_windows(before):  # anything left over (a message box)
        walk.inspect(dialog, f"{where} [{dialog.windowTitle()}]")
        _close(dialog)
    QApplication.processEvents()
    return bool(handled)


# -- the walk ----------------------------------------------------------------------------

DIALOG_ACTIONS = (
    "new",
    "open",
    "open_shared",
    "save_as",
    "import_manuscript",
    "place",
    "export_png",
    "export_pdf",
    "preferences",
    "template_gallery",
    "apply_template",
    "save_page_template",
    "about",
)


def _sample_edition():  # type: ignore[no-untyped-def]
    from kupang_layout.cli.sample_edition import build_sample_edition

    return build_sample_edition().edition


def _click_buttons_opening_dialogs(walk: Walk, dialog: QWidget, where: str) -> None:
    """Inside a dialog: the buttons that open another window (their text ends in '…')."""
    for button in dialog.findChildren(QAbstractButton):
        text = button.text()
        if button.isVisibleTo(dialog) and button.isEnabled() and text.endswith(("…", "...")):
            open_and_walk(walk, f"{where} › {text}", button.click)


@pytest.fixture(scope="module")
def english() -> EnglishList:
    return EnglishList()


def test_the_english_list_catches_english(english: EnglishList) -> None:
    """The list knows the program's English (and not its Indonesian)."""
    assert english.english_in("Cancel") == "Cancel"
    assert english.english_in("&Save") is not None
    assert english.english_in("main photo") is not None
    assert english.english_in("7 lines short") is not None
    assert english.english_in("Page layout for the print edition") is not None
    assert english.english_in("Tata letak halaman untuk edisi cetak") is None
    assert english.english_in("Batal") is None
    assert english.english_in("Simpan") is None
    assert english.english_in("Folio") is None
    assert english.english_in("Kupang Layout") is None
    assert len(english.exact) > 500


def test_qt_standard_buttons_and_file_dialog_are_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_window_language = make_window(qtbot, _sample_edition())
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Discard
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
        | QDialogButtonBox.StandardButton.Apply
        | QDialogButtonBox.StandardButton.Reset
    )
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {
        "OK",
        "Batal",
        "Simpan",
        "Buang",
        "Tutup",
        "Ya",
        "Tidak",
        "Terapkan",
        "Atur Ulang",
    }
    assert QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    make_window_language.set_language("en")
    try:
        box2 = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box2)
        assert box2.buttons()[0].text().replace("&", "") == "Cancel"
    finally:
        make_window_language.set_language("id")


def test_every_window_dialog_and_menu_is_indonesian(
    qtbot, english: EnglishList, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    window: MainWindow = make_window(qtbot, _sample_edition())
    walk = Walk(english)
    # every dock shown, every page visited once
    for action_id in ("panel_properties", "panel_story", "panel_preflight", "panel_pages"):
        window.acts[action_id].setChecked(True)
    window.acts["panel_plan"].setChecked(True)
    for dock in window.findChildren(QDockWidget):
        dock.show()
    QApplication.processEvents()
    # a photo frame and then a text frame selected: the properties and the story editor
    page = window.doc.page
    assert page is not None
    for frame in page.frames:
        if frame.role in ("photo", "body", "headline"):
            window.doc.set_selection([frame.id])
            QApplication.processEvents()
            walk.inspect(window, f"main window, {frame.role} frame selected")
    window.edit_story()
    QApplication.processEvents()
    walk.inspect(window, "main window")
    for dock in window.findChildren(QDockWidget):
        walk.inspect(dock, f"dock {dock.objectName()}")
    # every dialog an action opens
    for action_id in DIALOG_ACTIONS:
        action = window.acts[action_id]
        if not action.isEnabled():
            continue
        where = f"action {action_id} ({action.text()})"
        open_and_walk(
            walk,
            where,
            action.trigger,
            lambda d, w=where: _click_buttons_opening_dialogs(walk, d, w),
        )
    # the styles dock's dialogs: new and edit a style
    for button in window.styles_dock.findChildren(QAbstractButton):
        if button.isVisibleTo(window.styles_dock) and button.isEnabled():
            open_and_walk(walk, f"styles dock › {button.text() or button.toolTip()}", button.click)
    # a harmless failure: a file that is not an edition, opened through the boundary
    bad = tmp_path / "bukan-edisi.kpl"
    bad.write_text("this is not an edition", encoding="utf-8")
    assert open_and_walk(walk, "opening a damaged file", lambda: window.ops.open(bad))
    walk.inspect(window, "main window at the end")
    assert len(walk.seen) > 10
    report = "\n".join(f"{text!r}  seen at {where}" for text, where in sorted(walk.found.items()))
    assert not walk.found, f"English in the Indonesian UI ({len(walk.found)}):\n{report}"
