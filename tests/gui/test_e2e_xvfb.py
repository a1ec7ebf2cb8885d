"""The desk's page end to end in the real app under Xvfb, keyboard and mouse only
(tools/e2e_desk_page.py): a new edition, a photo and a manuscript placed with Ctrl+D,
a bold word, Body's size, the photo copied to page 2, the pages exported while the desk
edits on; the script checks the saved edition and the PDFs itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "e2e_desk_page.py"
NEEDS = ("xvfb-run", "xdotool", "import")


@pytest.mark.slow
@pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in NEEDS),
    reason="needs xvfb-run, xdotool and ImageMagick's import",
)
def test_desk_page_with_keyboard_and_mouse_under_xvfb(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    run = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            sys.executable,
            str(SCRIPT),
            str(tmp_path / "shots"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    shots = sorted((tmp_path / "shots").glob("*.png"))
    names = [p.stem.split("-", 1)[1] for p in shots]
    assert "photo-on-page-2" in names and "export-finished" in names, names
    assert all(p.stat().st_size > 10_000 for p in shots)  # screenshots of the screen, not blanks
