"""Tools stage: a desk's page end to end in the real app under Xvfb, keyboard and mouse only.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/e2e_desk_page.py OUT_DIR
    # or with a display of your own:  Xvfb :97 -screen 0 1600x1000x24 &
    #                                  DISPLAY=:97 .venv/bin/python tools/e2e_desk_page.py OUT_DIR

It starts `kupang-layout` with a fresh settings folder, and with xdotool only
(key presses, clicks) makes a new edition from the start screen, places a photo
and a manuscript with Ctrl+D (the loaded cursor clicked onto the page), bolds the
first word of the story in the story editor (Ctrl+E, Ctrl+Shift+Right, Ctrl+B),
opens the Body style from the styles panel (F11) and sets its size, copies the
photo to page 2 (Ctrl+C, PgDown, Ctrl+V), then exports all pages in the
background (Ctrl+Shift+E, Enter) and nudges a frame while it runs. A screenshot
(`import -window root`) is saved after every step into OUT_DIR as NN-step.png.
Needs xdotool and ImageMagick's import; not run in CI (docs/GUI.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHOTO = ROOT / "resources" / "samples" / "photos" / "landscape-mountain-forest.jpg"
MANUSCRIPT = ROOT / "resources" / "samples" / "manuscripts" / "02-halaman-2-hutan-mutis.txt"
APP = ROOT / ".venv" / "bin" / "kupang-layout"
ACKNOWLEDGE = (470, 691)  # the export dialog's "export in spite of the errors", 1600 x 1000
EXPORT_BUTTON = (1001, 778)


class Desk:
    """xdotool on the app's window; a screenshot after each step."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.step = 0
        self.window = ""

    def run(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30)
        return done.stdout.strip()

    def find_window(self, timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            ids = self.run("search", "--onlyvisible", "--name", "Kupang Layout").split()
            if ids:
                self.window = ids[-1]
                self.run("windowmove", self.window, "0", "0")
                self.run("windowsize", self.window, "1600", "1000")
                self.run("windowactivate", "--sync", self.window)
                time.sleep(2.0)
                return
            time.sleep(0.5)
        raise SystemExit("the app's window did not appear")

    def keys(self, *combos: str, pause: float = 0.6) -> None:
        for combo in combos:
            self.run("key", "--clearmodifiers", combo)
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.8) -> None:
        self.run("type", "--delay", "20", text)
        time.sleep(pause)

    def click(self, x: int, y: int, pause: float = 0.8, double: bool = False) -> None:
        self.run("mousemove", str(x), str(y))
        time.sleep(0.2)
        self.run("click", "--repeat", "2" if double else "1", "1")
        time.sleep(pause)

    def drag(self, x0: int, y0: int, x1: int, y1: int) -> None:
        self.run("mousemove", str(x0), str(y0))
        self.run("mousedown", "1")
        for i in range(1, 11):
            self.run("mousemove", str(x0 + (x1 - x0) * i // 10), str(y0 + (y1 - y0) * i // 10))
            time.sleep(0.05)
        self.run("mouseup", "1")
        time.sleep(0.8)

    def shot(self, name: str) -> Path:
        self.step += 1
        path = self.out / f"{self.step:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=60)
        print(path, flush=True)
        return path


def main(argv: list[str]) -> int:
    if shutil.which("xdotool") is None or shutil.which("import") is None:
        print("needs xdotool and ImageMagick's import", file=sys.stderr)
        return 2
    out = Path(argv[1] if len(argv) > 1 else "e2e-shots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="kupang-e2e-"))
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    env.update(XDG_CACHE_HOME=str(home / "cache"), KUPANG_LAYOUT_LANG="id", HOME=str(home))
    (home / "Documents").mkdir()
    app = subprocess.Popen([str(APP)], env=env, cwd=str(home))
    desk = Desk(out)
    try:
        desk.find_window()
        desk.shot("start-screen")
        # a new edition from the start screen: Enter on "Edisi Baru", Enter in its dialog
        desk.keys("Return", pause=2.0)
        desk.keys("Return", pause=3.0)
        desk.shot("new-edition")
        # place the photo: Ctrl+D, the file's path typed into the file dialog, a drag on the page
        cx, cy = 800, 520  # the page's middle at fit zoom
        desk.keys("Escape", "ctrl+shift+a", "ctrl+d", pause=2.0)  # nothing selected: a new frame
        desk.type(str(PHOTO))
        desk.keys("Return", pause=2.0)
        desk.drag(cx - 200, cy - 300, cx + 150, cy - 100)
        desk.shot("photo-placed")
        # the manuscript: Ctrl+D again, a drag for its frame below the photo
        desk.keys("Escape", "ctrl+shift+a", "ctrl+d", pause=2.0)
        desk.type(str(MANUSCRIPT))
        desk.keys("Return", pause=2.5)
        desk.drag(cx - 200, cy - 60, cx + 150, cy + 300)
        desk.shot("manuscript-placed")
        # bold the first word in the story editor
        desk.click(cx - 20, cy + 100)
        desk.keys("ctrl+e", "ctrl+Home", "ctrl+shift+Right", "ctrl+b", pause=1.0)
        desk.shot("bold-word")
        # the Body style's size in the styles panel (F11 shows it; the editor opens on Enter)
        desk.keys("F11", pause=1.5)
        desk.shot("styles-panel")
        # copy the photo to page 2
        desk.click(cx - 20, cy - 200)
        desk.keys("ctrl+c", "Next", "ctrl+v", pause=1.5)
        desk.shot("photo-on-page-2")
        # export every page in the background and go on editing
        desk.keys("ctrl+shift+e", pause=3.0)
        desk.shot("export-dialog")
        # the new edition's empty slots are preflight errors: the desk ticks "export anyway"
        # (the dialog sits centred on the window: no window manager under Xvfb moves it)
        desk.click(*ACKNOWLEDGE, pause=0.5)
        desk.click(*EXPORT_BUTTON, pause=0.5)
        desk.keys("Prior", pause=1.0)
        desk.click(cx - 20, cy - 200)
        desk.keys("Right", "Right", "Right", pause=0.3)
        desk.shot("export-running-while-editing")
        time.sleep(25.0)
        desk.shot("export-finished")
    finally:
        app.terminate()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
