"""Documents at the load limits: preflight, render and export finish cleanly, bounded in memory.

One edition holds a page per hostile case at the limits of storage/bounds.py
(the largest page with the most columns, the most frames, the most text a page
may show in the tiniest type on the widest measure and on an ordinary one, the
largest type). Each command runs in its own process with its address space
capped at 2 GB; it must end with exit 0, 1 or 2 and a message, never a
traceback, within a generous bound of 10 s a page (a hang guard, not a speed
test: speed is measured in benchmarks/).
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kupang_layout.model import (
    Box,
    Edition,
    Page,
    Paragraph,
    ParagraphStyle,
    Rect,
    Rule,
    Story,
    TextFrame,
    mm,
)
from kupang_layout.storage import save_edition
from kupang_layout.storage.bounds import (
    MAX_BLEED,
    MAX_COLUMNS,
    MAX_FONT_SIZE,
    MAX_FRAMES,
    MAX_PAGE_SIZE,
    MAX_PAGE_TEXT,
    MAX_PARAGRAPH_TEXT,
    MIN_FONT_SIZE,
)

AS_LIMIT = 2 << 30  # bytes of address space per process
RSS_LIMIT_KB = 1 << 20  # 1 GB: the most a command may use for a page
PER_PAGE_S = 10.0
STARTUP_S = 20.0

WORDS = [
    "hujan",
    "deras",
    "yang",
    "mengguyur",
    "kota",
    "kupang",
    "sejak",
    "pagi",
    "membuat",
    "sejumlah",
    "ruas",
    "jalan",
    "tergenang",
    "air",
    "dan",
    "lalu",
    "lintas",
    "tersendat",
]


def text(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < n:
        word = rnd.choice(WORDS) + str(rnd.randrange(100))
        out.append(word)
        total += len(word) + 1
    return " ".join(out)[:n]


def page_story(ed: Edition, sid: str, style: str, seed: int) -> Story:
    count = MAX_PAGE_TEXT // MAX_PARAGRAPH_TEXT
    paragraphs = [Paragraph.plain(style, text(MAX_PARAGRAPH_TEXT, seed + i)) for i in range(count)]
    story = Story(id=sid, paragraphs=paragraphs)
    ed.stories[sid] = story
    return story


def hostile_edition() -> Edition:
    ed = Edition(number="999", date="2024-10-14")
    ed.paragraph_styles["Tiny"] = ParagraphStyle(
        "Tiny", based_on="Body", size=MIN_FONT_SIZE, leading=MIN_FONT_SIZE * 1.2
    )
    ed.paragraph_styles["Huge"] = ParagraphStyle(
        "Huge", based_on="Body", size=MAX_FONT_SIZE, leading=MAX_FONT_SIZE
    )
    side = MAX_PAGE_SIZE

    def page(width: float, height: float, bleed: float = mm(3)) -> Page:
        p = Page(id=f"p{len(ed.pages) + 1}", number=len(ed.pages) + 1, width=width, height=height)
        p.bleed = bleed
        ed.pages.append(p)
        return p

    # 1: the largest page, full bleed, the most columns, a page's worth of text
    p = page(side, side, MAX_BLEED)
    p.frames.append(
        Box(
            id="bleed",
            rect=Rect(-MAX_BLEED, -MAX_BLEED, side + 2 * MAX_BLEED, side + 2 * MAX_BLEED),
        )
    )
    page_story(ed, "columns", "Body", 0)
    p.frames.append(
        TextFrame(
            id="columns", rect=Rect(0, 0, side, side), story_id="columns", columns=MAX_COLUMNS
        )
    )
    # 2: the most frames on one page
    p = page(mm(280), mm(430))
    for i in range(MAX_FRAMES):
        rect = Rect((i % 25) * 30.0, (i // 25) * 30.0, 28.0, 28.0)
        if i % 4 == 0:
            ed.stories[f"s{i}"] = Story(
                id=f"s{i}", paragraphs=[Paragraph.plain("Body", text(300, i))]
            )
            p.frames.append(TextFrame(id=f"f{i}", rect=rect, story_id=f"s{i}"))
        elif i % 4 == 1:
            p.frames.append(Box(id=f"f{i}", rect=rect, fill="KT Red"))
        else:
            p.frames.append(Rule(id=f"f{i}", rect=Rect(rect.x, rect.y, rect.width, 0.0)))
    # 3, 4, 5: a page's worth of text in the tiniest type, on the widest measure, and
    # the largest type
    for sid, style in (("tiny", "Tiny"), ("wide", "Body"), ("huge", "Huge")):
        p = page(side, side)
        page_story(ed, sid, style, 1000 * len(ed.pages))
        p.frames.append(TextFrame(id=sid, rect=Rect(0, 0, side, side), story_id=sid))
    return ed


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.kpl"
    save_edition(hostile_edition(), path)
    return path


def _capped() -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))

    return apply


#: Runs the command as its own child and writes the peak RSS (kB) of that child and its
#: workers to a file: a fresh process's RUSAGE_CHILDREN counts only this command, never a
#: larger process an earlier test waited for.
MEASURE = """
import resource, subprocess, sys
code = subprocess.call([sys.executable, "-m", "kupang_layout.cli.main", *sys.argv[2:]])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def run_cli(
    args: list[str], pages: int, home: Path
) -> tuple[subprocess.CompletedProcess[str], int]:
    """The command in a capped process; returns it and the peak RSS (kB) of the largest
    process of this command (itself or its workers)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KUPANG_LAYOUT_LANG="en")
    env["HOME"] = str(home)
    env.pop("XDG_CACHE_HOME", None)
    peak_file = home / "peak-rss.txt"
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(peak_file), *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_capped(),
        timeout=STARTUP_S + PER_PAGE_S * pages,
    )
    peak = int(peak_file.read_text())
    return proc, peak


def assert_clean(proc: subprocess.CompletedProcess[str], peak_kb: int) -> None:
    assert proc.returncode in (0, 1, 2), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    if proc.returncode == 2:
        assert proc.stderr.strip()  # a message says why
    assert peak_kb < RSS_LIMIT_KB


def test_the_hostile_edition_is_within_the_limits_and_opens(hostile_file: Path) -> None:
    from kupang_layout.storage import load_edition

    assert len(load_edition(hostile_file).pages) == 5


def test_preflight_and_export_finish_cleanly(hostile_file: Path, tmp_path: Path) -> None:
    proc, peak = run_cli(["preflight", str(hostile_file)], 5, tmp_path)
    assert_clean(proc, peak)
    out = tmp_path / "out"
    proc, peak = run_cli(["export", str(hostile_file), "--force", "--out", str(out)], 5, tmp_path)
    assert_clean(proc, peak)
    if proc.returncode == 0:
        assert len(list(out.glob("*.pdf"))) == 5


@pytest.mark.parametrize(("page", "dpi"), [(1, "150"), (3, "20"), (4, "20")])
def test_render_finishes_cleanly(hostile_file: Path, tmp_path: Path, page: int, dpi: str) -> None:
    png = tmp_path / "page.png"
    args = ["render", str(hostile_file), "--page", str(page), "--png", str(png), "--dpi", dpi]
    proc, peak = run_cli(args, 1, tmp_path)
    assert_clean(proc, peak)
    assert proc.returncode == 0 and png.stat().st_size > 0
