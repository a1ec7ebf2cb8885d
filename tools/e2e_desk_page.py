"""Tools stage: a desk's page end to end in the real app under Xvfb, keyboard and mouse only.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/e2e_desk_page.py OUT_DIR
    # or with a display of your own:  Xvfb :97 -screen 0 1600x1000x24 &
    #                                  DISPLAY=:97 .venv/bin/python tools/e2e_desk_page.py OUT_DIR

It starts the app (`python -m kupang_layout`, as `kupang-layout` with no file)
with a fresh settings folder, sizes its window to the screen, and with xdotool
only (key presses, clicks, drags) makes a new edition from the start screen
(Enter, Enter), places a photo and a manuscript with Ctrl+D (the path typed
into the file dialog, the loaded cursor dragged on the page), bolds the first
word of the story in the story editor (Ctrl+E, Ctrl+Home, Ctrl+Shift+Right,
Ctrl+B), sets the Body style's size in the style editor (F11, a double click on
Body in the styles panel), copies the photo frame to page 2 (a click on it,
Ctrl+C, PgDown, Ctrl+V), saves (Ctrl+S), exports every page in the background
(Ctrl+Shift+E, "export in spite of the errors", Enter) and nudges the copy on
page 2 while the export runs. A screenshot (`import -window root`) is saved
after every step into OUT_DIR as NN-step.png.

Where to click comes from the app itself, not from fixed pixels: started with
KUPANG_LAYOUT_PROBE, the app writes a map of its windows, named widgets and the
page's place on the screen (`gui/shell/probe.py`), so the script works on any
screen size. Each step waits until the app shows its effect; at the end the
saved edition and the PDFs are checked: the photo frame on page 1 with its
photo, the manuscript's story, Body's new size, a bold run, the copied frame on
page 2 nudged, a PDF per page. Exit status 0 when all of it holds, 1 when a check
fails, 2 without xdotool or ImageMagick's import. Needs a display (Xvfb);
`tests/gui/test_e2e_xvfb.py` runs it (marked slow) when xvfb-run and xdotool
are there.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PHOTO = ROOT / "resources" / "samples" / "photos" / "landscape-mountain-forest.jpg"
MANUSCRIPT = ROOT / "resources" / "samples" / "manuscripts" / "02-halaman-2-hutan-mutis.txt"
BODY_NAMES = ("Isi", "Body")  # the Body style's name in the styles panel (id, en)
BODY_SIZE = 10.5  # points, not a size of the house styles
MM = 72.0 / 25.4


class StepFailed(Exception):
    """A step did not show its effect in time."""


class Desk:
    """xdotool on the app's window, where to click read from the app's probe map."""

    def __init__(self, out: Path, probe: Path) -> None:
        self.out = out
        self.probe_path = probe
        self.step = 0
        self.main_id = ""

    # -- the app's map -----------------------------------------------------------
    def probe(self) -> dict[str, Any]:
        try:
            data = json.loads(self.probe_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"windows": [], "focus": None}
        assert isinstance(data, dict)
        return data

    def wait(self, what: str, found: Callable[[dict[str, Any]], Any], timeout: float = 30.0) -> Any:
        """The first truthy found(map) within the timeout."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = found(self.probe())
            if value:
                return value
            time.sleep(0.25)
        self.shot("failed-" + what.replace(" ", "-"))
        raise StepFailed(what)

    @staticmethod
    def window(data: dict[str, Any], cls: str = "", name: str = "") -> dict[str, Any] | None:
        for w in data["windows"]:
            if (cls and w["class"] == cls) or (name and w["name"] == name):
                return w  # type: ignore[no-any-return]
        return None

    @staticmethod
    def main(data: dict[str, Any]) -> dict[str, Any] | None:
        return Desk.window(data, name="MainWindow")

    @staticmethod
    def widget(window: dict[str, Any] | None, name: str) -> dict[str, Any] | None:
        for w in (window or {}).get("widgets", []):
            if w["name"] == name:
                return w  # type: ignore[no-any-return]
        return None

    @staticmethod
    def canvas(data: dict[str, Any]) -> dict[str, Any] | None:
        main = Desk.main(data)
        canvas = main.get("canvas") if main else None
        return canvas if canvas and canvas.get("page") else None

    @staticmethod
    def shown(data: dict[str, Any]) -> dict[str, Any]:
        """The canvas's part of the map (an empty page while none is shown)."""
        return Desk.canvas(data) or {"page": {"number": 0}, "frames": [], "selection": []}

    def page_point(self, x_mm: float, y_mm: float) -> tuple[int, int]:
        """Screen pixels of a point of the current page (millimetres from its top left)."""
        page = self.wait("page shown", self.canvas)["page"]
        ox, oy = page["origin"]
        return round(ox + x_mm * MM * page["scale"]), round(oy + y_mm * MM * page["scale"])

    @staticmethod
    def centre(rect: list[float]) -> tuple[int, int]:
        return round(rect[0] + rect[2] / 2), round(rect[1] + rect[3] / 2)

    # -- keyboard and mouse --------------------------------------------------------
    def run(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30)
        return done.stdout.strip()

    def keys(self, *combos: str, pause: float = 0.4) -> None:
        for combo in combos:
            self.run("key", "--clearmodifiers", combo)
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.5) -> None:
        self.run("type", "--delay", "15", text)
        time.sleep(pause)

    def click(self, x: int, y: int, pause: float = 0.5, double: bool = False) -> None:
        self.run("mousemove", "--sync", str(x), str(y))
        time.sleep(0.2)
        self.run("click", "--repeat", "2" if double else "1", "--delay", "80", "1")
        time.sleep(pause)

    def drag(self, x0: int, y0: int, x1: int, y1: int) -> None:
        self.run("mousemove", "--sync", str(x0), str(y0))
        time.sleep(0.3)
        self.run("mousedown", "1")
        for i in range(1, 11):
            self.run("mousemove", str(x0 + (x1 - x0) * i // 10), str(y0 + (y1 - y0) * i // 10))
            time.sleep(0.05)
        self.run("mouseup", "1")
        time.sleep(0.6)

    def shot(self, name: str) -> Path:
        self.step += 1
        path = self.out / f"{self.step:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=60)
        print(path, flush=True)
        return path

    # -- the app's window and dialogs --------------------------------------------
    def fill_screen(self) -> None:
        """The main window over the whole screen (no window manager under Xvfb does it)."""
        self.wait("main window", self.main, timeout=60.0)
        ids = self.run("search", "--onlyvisible", "--name", "Kupang Layout").split()
        if not ids:
            raise StepFailed("the main window's X window")
        width, height = self.run("getdisplaygeometry").split()
        self.run("windowmove", ids[-1], "0", "0")
        self.run("windowsize", ids[-1], width, height)
        self.main_id = ids[-1]
        self.focus_main()

    def focus_main(self) -> None:
        """The keyboard back on the main window after a dialog closed (with no window
        manager under Xvfb, nobody else gives it back)."""
        self.run("windowfocus", "--sync", self.main_id)
        self.wait("main window active", lambda d: (self.main(d) or {}).get("active"))
        time.sleep(0.3)

    def choose_file(self, path: Path) -> None:
        """The file dialog open: its name field gets the whole path, Enter."""
        dialog = self.wait("file dialog", lambda d: self.window(d, cls="QFileDialog"))
        field = self.widget(dialog, "fileNameEdit")
        if field is not None:
            self.click(*self.centre(field["rect"]), pause=0.3)
        self.keys("ctrl+a")
        self.type(str(path))
        self.keys("Return", pause=0.8)
        if self.window(self.probe(), cls="QFileDialog") is not None:
            self.keys("Return", pause=0.8)  # the first Enter took the completer's choice
        self.wait("file dialog closed", lambda d: self.window(d, cls="QFileDialog") is None)
        self.focus_main()

    def frames(self) -> list[dict[str, Any]]:
        canvas = self.canvas(self.probe())
        return list(canvas["frames"]) if canvas else []

    def new_frame(self, before: list[dict[str, Any]], kind: str) -> dict[str, Any]:
        ids = {f["id"] for f in before}

        def found(data: dict[str, Any]) -> dict[str, Any] | None:
            canvas = self.canvas(data) or {"frames": []}
            new = [f for f in canvas["frames"] if f["id"] not in ids and f["kind"] == kind]
            return new[0] if new else None

        return self.wait("a new " + kind, found)  # type: ignore[no-any-return]


def desk_day(desk: Desk, work: Path) -> dict[str, Any]:
    """Every step of the desk's page; what the checks at the end need."""
    desk.fill_screen()
    desk.wait("start screen", lambda d: desk.widget(desk.main(d), "start_new"))
    desk.shot("start-screen")
    # a new edition from the start screen: Enter on "Edisi Baru", Enter in its dialog
    desk.keys("Return")
    desk.wait("new edition dialog", lambda d: desk.window(d, name="new_edition"))
    desk.keys("Return")
    desk.wait("new edition", lambda d: desk.widget(desk.main(d), "start_new") is None)
    desk.focus_main()
    desk.wait("page fitted", desk.canvas)
    time.sleep(1.0)
    desk.shot("new-edition")

    # the photo: nothing selected (a template slot would take it), Ctrl+D, a drag on the page
    before = desk.frames()
    desk.keys("Escape", "ctrl+shift+a", "ctrl+d")
    desk.choose_file(PHOTO)
    desk.drag(*desk.page_point(20, 40), *desk.page_point(150, 130))
    photo = desk.new_frame(before, "ImageFrame")
    time.sleep(1.0)
    desk.shot("photo-placed")

    # the manuscript: Ctrl+D again, a drag for its frame below the photo
    before = desk.frames()
    desk.keys("Escape", "ctrl+shift+a", "ctrl+d")
    desk.choose_file(MANUSCRIPT)
    desk.drag(*desk.page_point(20, 140), *desk.page_point(150, 400))
    text = desk.new_frame(before, "TextFrame")
    time.sleep(1.0)
    desk.shot("manuscript-placed")

    # bold the first word in the story editor
    desk.click(*desk.centre(text["rect"]))
    desk.wait("text frame selected", lambda d: text["id"] in desk.shown(d)["selection"])
    desk.keys("ctrl+e", pause=0.8)
    desk.wait("story editor focused", lambda d: (d["focus"] or {}).get("class") == "StoryText")
    desk.keys("ctrl+Home", "ctrl+shift+Right", "ctrl+b", pause=0.6)
    desk.shot("bold-word")

    # the Body style's size: F11 shows the styles panel, a double click on Body its editor
    desk.keys("F11", pause=1.0)

    def body_row(data: dict[str, Any]) -> list[float] | None:
        tree = desk.widget(desk.main(data), "styles_tree")
        for row in (tree or {}).get("rows", []):
            if row["text"] in BODY_NAMES:
                return row["rect"]  # type: ignore[no-any-return]
        return None

    desk.shot("styles-panel")
    desk.click(*desk.centre(desk.wait("Body in the styles panel", body_row)), double=True)
    editor = desk.wait("style editor", lambda d: desk.window(d, name="style_editor"))
    size = desk.widget(editor, "style_size")
    if size is None:
        raise StepFailed("the style editor's size field")
    if float(size["text"].split()[0].replace(",", ".")) == BODY_SIZE:
        raise StepFailed(f"Body's size is {BODY_SIZE} before the edit: choose another")
    desk.click(*desk.centre(size["rect"]), pause=0.3)
    desk.keys("ctrl+a")
    desk.type(f"{BODY_SIZE:.1f}")
    desk.shot("body-size")
    desk.keys("Return", pause=1.0)
    desk.wait("style editor closed", lambda d: desk.window(d, name="style_editor") is None)
    desk.focus_main()

    # copy the photo frame to page 2: a click on it, Ctrl+C, PgDown, Ctrl+V
    photo = next(f for f in desk.frames() if f["id"] == photo["id"])
    desk.click(*desk.centre(photo["rect"]))
    desk.wait("photo selected", lambda d: desk.shown(d)["selection"] == [photo["id"]])
    desk.keys("ctrl+c", "Next", pause=0.8)
    desk.wait("page 2", lambda d: desk.shown(d)["page"]["number"] == 2)
    before = desk.frames()
    desk.keys("ctrl+v", pause=0.8)
    desk.new_frame(before, "ImageFrame")
    time.sleep(1.0)
    desk.shot("photo-on-page-2")

    # save: Ctrl+S asks for the new edition's file
    saved = work / "halaman-desk.kpl"
    desk.keys("ctrl+s")
    desk.choose_file(saved)
    desk.wait(
        "saved", lambda d: saved.name in (desk.main(d) or {}).get("title", "") and saved.exists()
    )

    # export every page in the background and go on editing
    desk.keys("ctrl+shift+e", pause=1.0)
    dialog = desk.wait("export dialog", lambda d: desk.window(d, name="export_dialog"))
    desk.shot("export-dialog")
    folder = Path(desk.widget(dialog, "export_folder")["text"])  # type: ignore[index]
    # the new edition's empty slots are preflight errors: the desk exports in spite of them
    tick = desk.widget(dialog, "acknowledge_errors")
    if tick is None:
        raise StepFailed("the export dialog's acknowledge box")
    desk.click(*desk.centre(tick["rect"]), pause=0.3)
    desk.wait(
        "errors acknowledged",
        lambda d: (
            desk.widget(desk.window(d, name="export_dialog"), "acknowledge_errors") or {}
        ).get("checked"),
    )
    desk.keys("Return", pause=0.05)  # Export is the dialog's default button; it hides itself
    # at once the keyboard back on the window (no window manager does it) and the copy on
    # page 2 (still selected) nudged three steps right while the pages export
    desk.run("windowfocus", desk.main_id)
    desk.keys("Right", "Right", "Right", pause=0.05)
    running = desk.widget(desk.main(desk.probe()), "export_status_progress") is not None
    print("the export was", "still running" if running else "done", "after the nudge", flush=True)
    desk.wait("export dialog hidden", lambda d: desk.window(d, name="export_dialog") is None)
    desk.focus_main()
    desk.shot("export-running-while-editing")
    desk.keys("ctrl+s", pause=0.5)  # the nudge saved too
    pages = expected_pages(saved)
    end = time.monotonic() + 180.0
    while time.monotonic() < end and len(list(folder.glob("*.pdf"))) < pages:
        time.sleep(0.5)
    desk.keys("Prior", pause=0.5)
    desk.wait("page 1", lambda d: desk.shown(d)["page"]["number"] == 1)
    time.sleep(1.0)
    desk.shot("export-finished")
    return {"saved": saved, "folder": folder, "photo": photo, "text": text}


def expected_pages(saved: Path) -> int:
    from kupang_layout.storage import load_edition

    return len(load_edition(saved).pages)


def check(result: dict[str, Any]) -> list[str]:
    """What the saved edition and the PDFs must show; the failures."""
    from kupang_layout.model import ImageFrame, TextFrame
    from kupang_layout.storage import load_edition

    ed = load_edition(result["saved"])
    problems = []
    p1, p2 = ed.pages[0], ed.pages[1]
    photo = next((f for f in p1.frames if f.id == result["photo"]["id"]), None)
    if not isinstance(photo, ImageFrame) or photo.asset not in ed.assets:
        problems.append("no photo frame with its photo on page 1")
    elif ed.assets[photo.asset].name != PHOTO.name and PHOTO.stem not in str(photo.asset):
        problems.append(f"page 1's photo is {ed.assets[photo.asset].name}, not {PHOTO.name}")
    text = next((f for f in p1.frames if f.id == result["text"]["id"]), None)
    story = ed.stories.get(text.story_id or "") if isinstance(text, TextFrame) else None
    words = sum(len(p.text.split()) for p in story.paragraphs) if story else 0
    if story is None or words < 100 or "FATUMNASI" not in story.paragraphs[0].text:
        problems.append("the manuscript's story is not in the text frame on page 1")
    if abs((ed.paragraph_styles["Body"].size or 0.0) - BODY_SIZE) > 0.01:
        problems.append(f"Body's size is {ed.paragraph_styles['Body'].size}, not {BODY_SIZE}")
    bold = [r.text for p in (story.paragraphs if story else []) for r in p.runs if r.char_style]
    if "FATUMNASI" not in "".join(bold):
        problems.append(f"the first word is not bold (styled runs: {bold[:3]})")
    copies = [
        f
        for f in p2.frames
        if isinstance(f, ImageFrame) and isinstance(photo, ImageFrame) and f.asset == photo.asset
    ]
    if not copies:
        problems.append("the photo frame was not copied to page 2")
    elif isinstance(photo, ImageFrame):
        copy = copies[0].rect  # pasted in place (a page of the same size), then nudged right
        if not (copy.x > photo.rect.x and abs(copy.y - photo.rect.y) < 0.01):
            problems.append(f"page 2's copy at {copy}, page 1's photo at {photo.rect}")
    pdfs = sorted(result["folder"].glob("*.pdf"))
    if len(pdfs) < len(ed.pages) or any(p.stat().st_size < 1000 for p in pdfs):
        problems.append(f"{len(pdfs)} PDFs in {result['folder']} for {len(ed.pages)} pages")
    return problems


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))  # the checks read the edition with the program's storage
    if shutil.which("xdotool") is None or shutil.which("import") is None:
        print("needs xdotool and ImageMagick's import", file=sys.stderr)
        return 2
    out = Path(argv[1] if len(argv) > 1 else "e2e-shots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="kupang-e2e-"))
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    env.update(XDG_CACHE_HOME=str(home / "cache"), KUPANG_LAYOUT_LANG="id", HOME=str(home))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    probe = home / "probe.json"
    env["KUPANG_LAYOUT_PROBE"] = str(probe)
    (home / "Documents").mkdir()
    # its own process group: the export's worker processes end with it (a terminated app
    # leaves them behind, holding the caller's output pipes open)
    app = subprocess.Popen(
        [sys.executable, "-m", "kupang_layout"], env=env, cwd=str(home), start_new_session=True
    )
    desk = Desk(out, probe)
    started = time.monotonic()
    try:
        try:
            result = desk_day(desk, home)
        except StepFailed as exc:
            print(f"step failed: {exc}", file=sys.stderr)
            return 1
        problems = check(result)
    finally:
        end_app(app, desk)
        if not problems_kept(home):
            shutil.rmtree(home, ignore_errors=True)
    for problem in problems:
        print("FAILED:", problem, file=sys.stderr)
    print(f"{time.monotonic() - started:.0f} s", flush=True)
    return 1 if problems else 0


def end_app(app: subprocess.Popen[bytes], desk: Desk) -> None:
    """The app quit as the desk quits it (Ctrl+Q; the edition is saved, so nothing is
    asked); if it is still there, it and its export workers (its process group) ended."""
    if desk.main_id and app.poll() is None:
        desk.run("windowfocus", desk.main_id)
        desk.keys("ctrl+q")
        with contextlib.suppress(subprocess.TimeoutExpired):
            app.wait(timeout=20)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(app.pid, sig)
        try:
            app.wait(timeout=20)
            break
        except subprocess.TimeoutExpired:
            continue
    time.sleep(0.5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(app.pid, signal.SIGKILL)  # workers the app's end left behind


def problems_kept(home: Path) -> bool:
    """KUPANG_E2E_KEEP=1 keeps the run's folder (settings, edition, PDFs) to look at."""
    if os.environ.get("KUPANG_E2E_KEEP") == "1":
        print("kept", home, file=sys.stderr)
        return True
    return False


if __name__ == "__main__":
    sys.exit(main(sys.argv))
