"""Copy and paste between two running copies of the program, through the X11 clipboard.

Qt's offscreen platform has no clipboard shared between processes; an X server (Xvfb)
has one. Process A copies a photo frame and a headline frame with its own paragraph
style; process B, another edition, pastes them and saves: B's file has both frames,
the headline's text, its style and the photo's bytes. Skipped without Xvfb."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from qt_samples import sample_edition

from kupang_layout.model import Edition, ImageFrame, Page, ParagraphStyle, TextFrame, mm
from kupang_layout.storage import load_edition, save_edition

CHILD = Path(__file__).resolve().parents[1] / "clipboard_child.py"
HEADLINE = "Jalan Oebobo Diperbaiki Sebelum Musim Hujan"

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server; its display name (the server picks a free number)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 30.0)
        number = os.read(read, 32).decode().strip() if ready else ""
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read)
        server.terminate()
        server.wait(timeout=20)


def _env(display: str, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env.update(
        {
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "KUPANG_LAYOUT_LANG": "id",
        }
    )
    return env


def _start(scenario: str, out: Path, edition: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    out.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [sys.executable, str(CHILD), scenario, str(out), str(edition)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _wait_for(path: Path, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            return
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise AssertionError(f"the app ended early ({proc.returncode}): {out}")
        time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"{path.name} did not appear")


def test_frames_pasted_from_another_running_copy_of_the_program(
    display: str, tmp_path: Path
) -> None:
    source = sample_edition(n_words=120)
    source.paragraph_styles["Sorotan"] = ParagraphStyle("Sorotan", based_on="Body", size=13.0)
    source.stories["s-head"].paragraphs[0].style = "Sorotan"
    a_file = tmp_path / "halaman-a.kpl"
    save_edition(source, a_file)
    other = Edition(number="613")
    other.pages.append(Page("q1", 1, mm(280), mm(430)))
    b_file = tmp_path / "halaman-b.kpl"
    save_edition(other, b_file)
    a_out, b_out = tmp_path / "a", tmp_path / "b"

    copier = _start("copy", a_out, a_file, _env(display, tmp_path / "home-a"))
    paster: subprocess.Popen[bytes] | None = None
    try:
        _wait_for(a_out / "copied.json", copier)
        copied = json.loads((a_out / "copied.json").read_text(encoding="utf-8"))
        assert copied["frames"] and HEADLINE in copied["text"]  # plain text for other programs
        paster = _start("paste", b_out, b_file, _env(display, tmp_path / "home-b"))
        _wait_for(b_out / "pasted.json", paster)
        assert paster.wait(timeout=60) == 0
        pasted = json.loads((b_out / "pasted.json").read_text(encoding="utf-8"))
    finally:
        (a_out / "done").touch()
        for proc in (copier, paster):
            if proc is not None and proc.poll() is None:
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
    assert len(pasted["pasted"]) == 2 and not pasted["modified"]  # pasted, then saved

    saved = load_edition(b_file)
    frames = saved.pages[0].frames
    assert sorted(f.kind for f in frames) == ["image", "text"]
    img = next(f for f in frames if isinstance(f, ImageFrame))
    text = next(f for f in frames if isinstance(f, TextFrame))
    by_id = {f.id: f for f in source.pages[0].frames}
    photo, head = by_id["f-photo"], by_id["f-head"]
    assert img.rect == photo.rect and text.rect == head.rect  # same page size: same place
    assert isinstance(photo, ImageFrame) and img.asset == photo.asset
    assert img.asset in saved.assets
    photo_bytes = saved.asset_source.read(img.asset or "")
    assert photo_bytes == source.asset_source.read(photo.asset or "")
    story = saved.stories[text.story_id or ""]
    assert [p.text for p in story.paragraphs] == [HEADLINE]
    assert story.paragraphs[0].style == "Sorotan"
    style = saved.paragraph_styles["Sorotan"]
    assert style.size == 13.0 and style.based_on == "Body"
