"""GUI stage: the main window's actions, menus and toolbar (texts through Qt translation)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar

from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.gui.base.icons import tool_icon

CTX = "MainWindow"


def _n(text: str) -> str:
    return noop(CTX, text)


@dataclass(frozen=True)
class Spec:
    """One action: id, English text (translated at run time), shortcuts."""

    id: str
    text: str
    keys: tuple[str, ...] = ()
    checkable: bool = False
    checked: bool = False


SPECS: tuple[Spec, ...] = (
    Spec("new", _n("&New Edition"), ("Ctrl+N",)),
    Spec("open", _n("&Open…"), ("Ctrl+O",)),
    Spec("open_shared", _n("Open S&hared Edition…"), ("Ctrl+Shift+O",)),
    Spec("send_plant", _n("Sen&d to the Printing Plant"), ()),
    Spec("save", _n("&Save"), ("Ctrl+S",)),
    Spec("save_as", _n("Save &As…"), ("Ctrl+Shift+S",)),
    Spec("place", _n("&Place…"), ("Ctrl+D", "Ctrl+Shift+P")),
    Spec("export_png", _n("Export Page as &PNG…"), ()),
    Spec("import_manuscript", _n("&Import Manuscript…"), ("Ctrl+I",)),
    Spec("export_pdf", _n("&Export PDF…"), ("Ctrl+Shift+E",)),
    Spec("preferences", _n("Pre&ferences…"), ("Ctrl+,",)),
    Spec("panel_preflight", _n("Pre&flight Panel"), (), True, True),
    Spec("quit", _n("&Quit"), ("Ctrl+Q",)),
    Spec("undo", _n("&Undo"), ("Ctrl+Z",)),
    Spec("redo", _n("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
    Spec("cut", _n("Cu&t"), ("Ctrl+X",)),
    Spec("copy", _n("&Copy"), ("Ctrl+C",)),
    Spec("paste", _n("&Paste"), ("Ctrl+V",)),
    Spec("paste_in_place", _n("Paste in Pl&ace"), ("Ctrl+Alt+Shift+V",)),
    Spec("delete", _n("&Delete"), ()),
    Spec("duplicate", _n("D&uplicate"), ("Ctrl+Alt+Shift+D",)),
    Spec("select_all", _n("Select &All"), ("Ctrl+A",)),
    Spec("deselect", _n("Dese&lect All"), ("Ctrl+Shift+A",)),
    Spec("zoom_in", _n("Zoom &In"), ("Ctrl++", "Ctrl+=")),
    Spec("zoom_out", _n("Zoom &Out"), ("Ctrl+-",)),
    Spec("fit_page", _n("&Fit Page in Window"), ("Ctrl+0",)),
    Spec("actual_size", _n("&Actual Size"), ("Ctrl+1",)),
    Spec("show_bleed", _n("Show &Bleed"), (), True, True),
    Spec("show_margins", _n("Show &Margins"), (), True, True),
    Spec("show_columns", _n("Show &Columns"), (), True, True),
    Spec("show_baseline", _n("Show Baseline &Grid"), ("Ctrl+Alt+'",), True, False),
    Spec("show_guides", _n("Show G&uides"), ("Ctrl+;",), True, True),
    Spec("lock_guides", _n("Loc&k Guides"), ("Ctrl+Alt+;",), True, False),
    Spec("delete_guides", _n("Delete All Guides on Pa&ge"), ()),
    Spec("show_frame_edges", _n("Show &Frame Edges"), ("Ctrl+H",), True, True),
    Spec("snap", _n("&Snap"), ("Ctrl+Shift+;",), True, True),
    Spec("proof_colours", _n("&Proof Colours (Newsprint)"), (), True, False),
    Spec("panel_properties", _n("P&roperties Panel"), (), True, True),
    Spec("panel_story", _n("Story &Editor Panel"), (), True, True),
    Spec("panel_pages", _n("Pa&ges Panel"), (), True, True),
    Spec("panel_plan", _n("Fla&t Plan"), ("Ctrl+Shift+R",), True, False),
    Spec("lang_id", "Bahasa Indonesia", (), True, False),
    Spec("lang_en", "English", (), True, False),
    Spec("prev_page", _n("&Previous Page"), ("PgUp",)),
    Spec("next_page", _n("&Next Page"), ("PgDown",)),
    Spec("add_page", _n("&Add Page"), ()),
    Spec("delete_page", _n("&Delete Page"), ()),
    Spec("duplicate_page", _n("D&uplicate Page"), ()),
    Spec("template_gallery", _n("&Templates…"), ("Ctrl+Shift+T",)),
    Spec("apply_template", _n("Apply Te&mplate to Page…"), ()),
    Spec("save_page_template", _n("&Save Page as Template…"), ()),
    Spec("bring_forward", _n("Bring &Forward"), ("Ctrl+]",)),
    Spec("send_backward", _n("Send &Backward"), ("Ctrl+[",)),
    Spec("bring_front", _n("Bring to F&ront"), ("Ctrl+Shift+]",)),
    Spec("send_back", _n("Send to Bac&k"), ("Ctrl+Shift+[",)),
    Spec("lock", _n("&Lock"), ("Ctrl+L",)),
    Spec("unlock", _n("&Unlock"), ("Ctrl+Alt+L",)),
    Spec("edit_story", _n("Edit in &Story Editor"), ("Ctrl+E",)),
    Spec("edit_inplace", _n("Edit &Headline in Place"), ("F2",)),
    Spec("unlink", _n("&Unlink Frame from Next"), ()),
    Spec("copyfit", _n("&Fit Story to Page"), ("Ctrl+Alt+F",)),
    Spec("about", _n("&About Kupang Layout"), ()),
    Spec("tool_select", _n("Select / Move (V)"), ("V",), True, True),
    Spec("tool_text", _n("Text Frame (T)"), ("T",), True),
    Spec("tool_image", _n("Image Frame (F)"), ("F",), True),
    Spec("tool_rule", _n("Rule (L)"), ("L",), True),
    Spec("tool_box", _n("Box (M)"), ("M",), True),
    Spec("tool_hand", _n("Hand (H, or hold Space)"), ("H",), True),
    Spec("tool_zoom", _n("Zoom (Z)"), ("Z",), True),
)

TOOLS = ("select", "text", "image", "rule", "box", "hand", "zoom")

MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        _n("&File"),
        (
            "new",
            "open",
            "open_shared",
            "save",
            "save_as",
            None,
            "import_manuscript",
            "place",
            "export_png",
            "export_pdf",
            "send_plant",
            None,
            "quit",
        ),
    ),
    (
        _n("&Edit"),
        (
            "undo",
            "redo",
            None,
            "cut",
            "copy",
            "paste",
            "paste_in_place",
            "duplicate",
            "delete",
            None,
            "select_all",
            "deselect",
            None,
            "preferences",
        ),
    ),
    (
        _n("&View"),
        (
            "zoom_in",
            "zoom_out",
            "fit_page",
            "actual_size",
            None,
            "show_bleed",
            "show_margins",
            "show_columns",
            "show_baseline",
            "show_guides",
            "lock_guides",
            "delete_guides",
            "show_frame_edges",
            "snap",
            "proof_colours",
            None,
            "panel_properties",
            "panel_story",
            "panel_preflight",
            "panel_pages",
            "panel_plan",
            None,
            "@language",
        ),
    ),
    (
        _n("&Page"),
        (
            "prev_page",
            "next_page",
            None,
            "add_page",
            "duplicate_page",
            "delete_page",
            None,
            "template_gallery",
            "apply_template",
            "save_page_template",
        ),
    ),
    (
        _n("&Object"),
        (
            "tool_select",
            "tool_text",
            "tool_image",
            "tool_rule",
            "tool_box",
            None,
            "bring_front",
            "bring_forward",
            "send_backward",
            "send_back",
            None,
            "lock",
            "unlock",
        ),
    ),
    (_n("&Text"), ("edit_story", "edit_inplace", None, "unlink", None, "copyfit")),
    (_n("&Help"), ("about",)),
)


class Actions:
    """Creates every QAction once; `retranslate` sets their texts in the current language."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.by_id: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(window)
            action.setObjectName("action_" + spec.id)
            if spec.keys:
                action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setCheckable(spec.checkable)
            action.setChecked(spec.checked)
            if spec.id.startswith("tool_"):
                action.setIcon(tool_icon(spec.id[5:]))
            window.addAction(action)
            self.by_id[spec.id] = action
        self.tool_group = QActionGroup(window)
        for name in TOOLS:
            self.tool_group.addAction(self.by_id["tool_" + name])
        self.lang_group = QActionGroup(window)
        for code in ("id", "en"):
            self.lang_group.addAction(self.by_id["lang_" + code])
        self.menus: list[tuple[QMenu, str]] = []
        self.language_menu: QMenu | None = None

    def __getitem__(self, action_id: str) -> QAction:
        return self.by_id[action_id]

    def build_menus(self, bar: QMenuBar) -> None:
        for title, items in MENUS:
            menu = bar.addMenu("")
            menu.setObjectName("menu_" + title.strip("&").lower())
            self.menus.append((menu, title))
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif item == "@language":
                    self.language_menu = menu.addMenu("")
                    self.language_menu.addAction(self.by_id["lang_id"])
                    self.language_menu.addAction(self.by_id["lang_en"])
                else:
                    menu.addAction(self.by_id[item])

    def build_toolbar(self, bar: QToolBar) -> None:
        for name in TOOLS:
            bar.addAction(self.by_id["tool_" + name])
        bar.addSeparator()

    def retranslate(self) -> None:
        for spec in SPECS:
            action = self.by_id[spec.id]
            text = tr(CTX, spec.text) if not spec.id.startswith("lang_") else spec.text
            action.setText(text)
            if spec.id.startswith("tool_"):
                action.setToolTip(text)
        for menu, title in self.menus:
            menu.setTitle(tr(CTX, title))
        if self.language_menu is not None:
            self.language_menu.setTitle(tr(CTX, "&Language"))
