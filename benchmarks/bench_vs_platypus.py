"""Benchmark: our engine and exporter next to ReportLab's platypus on the same story.

Both set the body of tests/manuscripts/long_story_900.txt (lead, body, quotes and
attributions in the house styles) in the same geometry: four 60 mm columns with 4.5 mm
gutters on a 280 x 430 mm page, PT Serif 9.5/11 pt from resources/fonts, justified,
Indonesian hyphenation. Ours: LayoutEngine.layout_page + render_page_pdf. Platypus:
BaseDocTemplate with four Frames, Paragraphs with hyphenationLang='id_ID' (ReportLab
hyphenates through pyphen when it is installed), the same TTFs embedded through TTFont.

Printed: medians of repeated runs in this process and their ratio (wall clock and CPU
time; the goal of issue 13 is ours faster than platypus); what is kept between runs;
the quality of both
PDFs measured the same way from their text positions (pdftotext -bbox); our
engine's own typeset report; whole-process times of the command line.

How a line's looseness is measured from a PDF (the same for both files):
  * pdftotext -bbox gives every word's box; words go into the four columns by the page
    geometry (relative to the trim box) and into lines by their height on the page.
    A line is measured when it has two or more words, is set in the body size (its
    word boxes are as tall as most lines': attributions in Roboto Condensed 8.5 pt are
    left out) and reaches its column's right edge (within 0.5 pt): last lines of
    paragraphs are left out.
  * g = the mean gap between neighbouring words of the line (box to box); s = the
    natural word space of PT Serif Regular at 9.5 pt (hmtx advance of U+0020).
  * ratio r = (g - s) / (0.33 s) when g >= s, and (g - s) / (0.20 s) when g < s:
    1 is a space stretched to 133 % (the house style's maximum word space), -1 a space
    shrunk to 80 % (its minimum). Letter-spacing (ours only) is inside the word boxes,
    so r measures the word spaces alone (a word box ends after its last glyph's
    character spacing, so on a letter-spaced line g is off by that Tc, a fraction of a
    point). Italic has the same space as Regular; the few bold dateline words of the
    lead are measured against it too.
  * A hyphenated line is a justified line whose last word ends in a hyphen; a hyphen
    run is a stretch of such lines one after the other in reading order.

Run: .venv/bin/python benchmarks/bench_vs_platypus.py [--repeat N] [--no-cli]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from fontTools.ttLib import TTFont as ToolsFont
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle as RLStyle
from reportlab.lib.units import mm as RL_MM
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus import Paragraph as RLParagraph

from kupang_layout.common.atomic import write_atomically
from kupang_layout.common.heap import settle_imports
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.report import QualityReport, quality_report
from kupang_layout.fonts.registry import default_registry
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.geometry import BaselineGrid, Margins, Rect
from kupang_layout.model.page import Page
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.styles import (
    ResolvedParagraphStyle,
    apply_character_style,
    resolve_paragraph_style,
)
from kupang_layout.model.units import mm
from kupang_layout.render.pdf import PROOF_PRESET, get_preset, render_page_pdf, render_pages_bytes

REPO = Path(__file__).resolve().parent.parent
STORY = REPO / "tests" / "manuscripts" / "long_story_900.txt"

PAGE_W_MM, PAGE_H_MM = 280.0, 430.0
LEFT_MM, TOP_MM = 12.0, 60.0
COLUMNS, COLUMN_MM, GUTTER_MM = 4, 60.0, 4.5
LEADING = 11.0
SLACK_LINES = 4  # per column beyond what our setting needs, so platypus fits too

STRETCH, SHRINK = 0.33, 0.20  # the house style's word space limits: 133 % and 80 %
EDGE_TOLERANCE = 0.5  # points: a justified line reaches its column's right edge
HYPHENS = ("-", "\u00ad", "\u2010")

_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


# -- the shared setting --------------------------------------------------------------------


def story_paragraphs() -> list[Paragraph]:
    return body_paragraphs(read_manuscript(STORY))


def our_page(paragraphs: list[Paragraph], depth_lines: int) -> tuple[Edition, Page]:
    """The story in one 4 x 60 mm frame `depth_lines` lines deep, on the 11 pt grid."""
    ed = Edition(number="612", date="2024-10-14")
    width = COLUMNS * COLUMN_MM + (COLUMNS - 1) * GUTTER_MM
    page = Page(
        id="bench",
        number=1,
        width=mm(PAGE_W_MM),
        height=mm(PAGE_H_MM),
        margins=Margins(mm(20), mm(15), mm(12), mm(12)),
        baseline=BaselineGrid(LEADING, 0.0),
    )
    page.frames.append(
        TextFrame(
            id="body",
            rect=Rect(mm(LEFT_MM), mm(TOP_MM), mm(width), depth_lines * LEADING),
            story_id="story",
            columns=COLUMNS,
            gutter=mm(GUTTER_MM),
            role="body",
        )
    )
    ed.pages.append(page)
    ed.stories["story"] = Story(id="story", paragraphs=paragraphs)
    return ed, page


def depth_for(paragraphs: list[Paragraph]) -> int:
    """Lines per column: what our setting of the story needs in four columns, plus slack."""
    ed, _ = our_page(paragraphs, 400)
    flow = LayoutEngine().layout_story(ed, "story").flow
    return math.ceil(len(flow.placed) / COLUMNS) + SLACK_LINES


# -- ours --------------------------------------------------------------------------------


def run_ours(ed: Edition, page: Page, path: Path, preset_name: str | None) -> None:
    """Cold: a new engine (no composed paragraphs, no hyphenation cache), then the PDF."""
    display_list = LayoutEngine().layout_page(ed, page)
    render_page_pdf(display_list, ed, get_preset(preset_name), path)


# -- platypus ----------------------------------------------------------------------------


class Platypus:
    """The same story and styles as ReportLab platypus flowables in four frames."""

    def __init__(self, ed: Edition, depth_lines: int) -> None:
        self.ed = ed
        self.depth = depth_lines * LEADING
        self.fonts: dict[str, str] = {}  # our face key -> ReportLab font name
        self.styles: dict[str, RLStyle] = {}
        self.pages = 0

    def font(self, family: str, face: str) -> str:
        entry = default_registry().resolve(family, face)
        name = self.fonts.get(entry.key)
        if name is None:
            name = "RL-" + entry.key.replace("/", "-").replace(" ", "")
            pdfmetrics.registerFont(TTFont(name, str(entry.path)))
            self.fonts[entry.key] = name
        return name

    def style(self, st: ResolvedParagraphStyle) -> RLStyle:
        found = self.styles.get(st.name)
        if found is None:
            found = RLStyle(
                st.name,
                fontName=self.font(st.font_family, st.font_face),
                fontSize=st.size,
                leading=st.leading,
                alignment=_ALIGN.get(st.alignment, TA_LEFT),
                firstLineIndent=st.first_indent,
                leftIndent=st.left_indent,
                rightIndent=st.right_indent,
                spaceBefore=st.space_before,
                spaceAfter=st.space_after,
                keepWithNext=int(st.keep_with_next),
                hyphenationLang="id_ID" if st.hyphenate else "",
            )
            self.styles[st.name] = found
        return found

    def flowables(self, paragraphs: Sequence[Paragraph]) -> list[RLParagraph]:
        out: list[RLParagraph] = []
        for p in paragraphs:
            st = resolve_paragraph_style(self.ed.paragraph_styles, p.style)
            parts: list[str] = []
            for run in p.runs:
                text = escape(run.text)
                cstyle = self.ed.character_styles.get(run.char_style or "")
                if cstyle is not None:
                    rs = apply_character_style(st, cstyle)
                    text = f'<font face="{self.font(rs.font_family, rs.font_face)}">{text}</font>'
                parts.append(text)
            out.append(RLParagraph("".join(parts), self.style(st)))
        return out

    def build(self, paragraphs: Sequence[Paragraph], path: Path) -> None:
        size = (PAGE_W_MM * RL_MM, PAGE_H_MM * RL_MM)
        bottom = size[1] - TOP_MM * RL_MM - self.depth
        frames = [
            Frame(
                (LEFT_MM + i * (COLUMN_MM + GUTTER_MM)) * RL_MM,
                bottom,
                COLUMN_MM * RL_MM,
                self.depth,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=f"col{i + 1}",
            )
            for i in range(COLUMNS)
        ]
        doc = BaseDocTemplate(str(path), pagesize=size, title="platypus")
        doc.addPageTemplates([PageTemplate(id="page", frames=frames)])
        doc.build(self.flowables(paragraphs))
        self.pages = doc.page


# -- quality from a PDF ------------------------------------------------------------------


@dataclass(frozen=True)
class PdfQuality:
    pages: int
    lines: int
    justified: int
    ratio_mean: float
    ratio_max: float
    ratio_min: float
    above_1: int
    above_2: int
    hyphenated: int
    longest_run: int


@dataclass(frozen=True)
class _Line:
    page: int
    column: int
    y: float
    words: tuple[tuple[float, float, str], ...]
    height: float  # the tallest word box: font size x the face's ascent + descent

    @property
    def x1(self) -> float:
        return self.words[-1][1]


def space_width(size: float) -> float:
    """The natural word space of PT Serif Regular at `size` points (hmtx of U+0020)."""
    path = default_registry().resolve("PT Serif", "Regular").path
    font = ToolsFont(str(path), lazy=True)
    glyph = font.getBestCmap()[0x20]
    advance = font["hmtx"][glyph][0]
    return float(advance / font["head"].unitsPerEm * size)


def _trim_origin(path: Path) -> list[tuple[float, float]]:
    """Per page: the trim box's top-left corner in pdftotext's coordinates (from the top
    left of the media box, y down)."""
    with pikepdf.open(path) as pdf:
        out = []
        for page in pdf.pages:
            media = [float(v) for v in page.obj.MediaBox]
            trim = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
            out.append((trim[0] - media[0], media[3] - trim[3]))
        return out


def pdf_lines(path: Path) -> tuple[int, list[_Line]]:
    """Words from pdftotext -bbox, put into the four columns by the page geometry and
    into lines by their vertical position (its own -bbox-layout grouping sometimes joins
    two columns into one line)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True
    ).stdout
    root = ET.fromstring(out)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    origins = _trim_origin(path)
    pitch = (COLUMN_MM + GUTTER_MM) * RL_MM
    left = LEFT_MM * RL_MM
    pages = root.findall(".//h:page", ns)
    lines: list[_Line] = []
    for number, page in enumerate(pages):
        ox, oy = origins[number]
        rows: dict[tuple[int, int], list[tuple[float, float, float, str, float]]] = {}
        for w in page.iterfind(".//h:word", ns):
            x0, x1 = float(w.get("xMin", 0)) - ox, float(w.get("xMax", 0)) - ox
            y = (float(w.get("yMin", 0)) + float(w.get("yMax", 0))) / 2 - oy
            col = math.floor((x0 - left + GUTTER_MM * RL_MM / 2) / pitch)
            if not 0 <= col < COLUMNS:
                continue
            h = float(w.get("yMax", 0)) - float(w.get("yMin", 0))
            rows.setdefault((col, round(y / (LEADING / 2))), []).append(
                (y, x0, x1, w.text or "", h)
            )
        # neighbouring half-leading bins of one line are joined
        merged: dict[tuple[int, float], list[tuple[float, float, float, str, float]]] = {}
        for (col, _), items in sorted(rows.items()):
            y = statistics.fmean(i[0] for i in items)
            key = next((k for k in merged if k[0] == col and abs(k[1] - y) < LEADING / 3), (col, y))
            merged.setdefault(key, []).extend(items)
        for (col, y), items in merged.items():
            words = tuple(sorted((i[1], i[2], i[3]) for i in items))
            lines.append(_Line(number, col, y, words, max(i[4] for i in items)))
    return len(pages), lines


def measure_pdf(path: Path, space: float) -> PdfQuality:
    pages, lines = pdf_lines(path)
    # Body text (PT Serif 9.5 pt) only: lines in another face or size (attributions in
    # Roboto Condensed 8.5 pt) are told apart by their word boxes' height.
    body = statistics.mode(round(line.height, 1) for line in lines)
    ordered = sorted(lines, key=lambda ln: (ln.page, ln.column, ln.y))
    ratios: list[float] = []
    hyphenated = run = longest = 0
    for line in ordered:
        right = (LEFT_MM + line.column * (COLUMN_MM + GUTTER_MM) + COLUMN_MM) * RL_MM
        full = line.x1 >= right - EDGE_TOLERANCE
        if len(line.words) < 2 or not full or abs(line.height - body) > 0.3:
            run = 0
            continue
        gaps = [b[0] - a[1] for a, b in zip(line.words, line.words[1:], strict=False)]
        g = sum(gaps) / len(gaps)
        ratios.append((g - space) / (space * (STRETCH if g >= space else SHRINK)))
        if line.words[-1][2].endswith(HYPHENS):
            hyphenated += 1
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    return PdfQuality(
        pages=pages,
        lines=len(lines),
        justified=len(ratios),
        ratio_mean=statistics.fmean(ratios) if ratios else 0.0,
        ratio_max=max(ratios, default=0.0),
        ratio_min=min(ratios, default=0.0),
        above_1=sum(1 for r in ratios if r > 1.0),
        above_2=sum(1 for r in ratios if r > 2.0),
        hyphenated=hyphenated,
        longest_run=longest,
    )


# -- timing ------------------------------------------------------------------------------


def timed(fn: Callable[[], None]) -> tuple[float, float]:
    """One run: (wall-clock seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def profile_top(fn: Callable[[], None], limit: int = 18) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(limit)
    return text.getvalue()


def export_parts(ed: Edition, page: Page, path: Path, repeat: int) -> tuple[float, float]:
    """Medians (ms) of our export's two parts: the PDF made in memory, and the file
    written the way the exporter writes it (`common.atomic`, with its fsyncs)."""
    display_list = LayoutEngine().layout_page(ed, page)
    preset = get_preset(None)
    data, _ = render_pages_bytes([display_list], ed, preset)
    made: list[float] = []
    written: list[float] = []
    for _ in range(repeat):
        made.append(timed(lambda: render_pages_bytes([display_list], ed, preset) and None)[0])
        written.append(timed(lambda: write_atomically(path, data))[0])
    return statistics.median(made) * 1000.0, statistics.median(written) * 1000.0


def layout_stages(ed: Edition, page: Page, repeat: int) -> list[tuple[str, float]]:
    """Where a cold layout's time goes: every paragraph of the story composed once at the
    column measure, stage by stage, with the calls the Composer makes, timed from
    outside (the engine may be compiled, so nothing inside it is wrapped); then the whole
    layout_page, whose rest is flow, the column-end recompositions and the display list.
    Minimum of `repeat` runs per stage."""
    from kupang_layout.engine.compose import Composer
    from kupang_layout.engine.compose_items import ItemBuilder
    from kupang_layout.engine.compose_set import LineSetter
    from kupang_layout.engine.linebreak import break_lines

    story = ed.stories["story"]
    frame = page.frames[0]
    assert isinstance(frame, TextFrame)
    measure = (frame.rect.width - (COLUMNS - 1) * frame.gutter) / COLUMNS
    best: dict[str, float] = {}
    passes: dict[int, int] = {}
    for _ in range(repeat):
        composer = Composer()
        spent = dict.fromkeys(("styles", "items", "break", "set"), 0.0)
        counted: dict[int, int] = {}
        for paragraph in story.paragraphs:
            t0 = time.perf_counter()
            style = composer.style_of(ed, paragraph)
            segs = composer.segments(ed, paragraph, style, {})
            t1 = time.perf_counter()
            builder = ItemBuilder(composer, style, segs)
            items, pieces = builder.build()
            t2 = time.perf_counter()
            result = break_lines(items, [measure], composer.params)
            t3 = time.perf_counter()
            LineSetter(composer, style, segs, items, pieces, builder.spans).set_lines(
                result, [measure]
            )
            t4 = time.perf_counter()
            spent["styles"] += t1 - t0
            spent["items"] += t2 - t1
            spent["break"] += t3 - t2
            spent["set"] += t4 - t3
            counted[result.passes] = counted.get(result.passes, 0) + 1
        started = time.perf_counter()
        LayoutEngine().layout_page(ed, page)
        spent["whole"] = time.perf_counter() - started
        for key, value in spent.items():
            best[key] = min(best.get(key, value), value)
        passes = counted
    composed = best["styles"] + best["items"] + best["break"] + best["set"]
    shown = ", ".join(f"pass {k}: {v}" for k, v in sorted(passes.items()))
    return [
        ("whole layout_page", best["whole"] * 1000.0),
        (f"{len(story.paragraphs)} paragraphs composed once", composed * 1000.0),
        ("  styles and segments", best["styles"] * 1000.0),
        ("  item lists (words, spaces, hyphenation)", best["items"] * 1000.0),
        (f"  Knuth-Plass breaking ({shown})", best["break"] * 1000.0),
        ("  line setting", best["set"] * 1000.0),
        ("the rest: flow, column-end recompositions, display list",
         (best["whole"] - composed) * 1000.0),
    ]  # fmt: skip


def cli_times(work: Path, repeat: int, depth: int) -> list[tuple[str, float]]:
    """Wall-clock medians of whole `kupang-layout` processes (start-up included)."""
    exe = shutil.which("kupang-layout", path=str(Path(sys.executable).parent)) or "kupang-layout"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KUPANG_LAYOUT_LANG="en")
    demo = work / "demo"

    def run_median(command: list[str], check: bool = True) -> float:
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(command, env=env, check=check, capture_output=True)
            samples.append(time.perf_counter() - started)
        return statistics.median(samples)

    def timed(*args: str) -> float:
        return run_median([exe, *args])

    def timed_ok(*args: str) -> float:  # exit status 1 means "issues found"
        return run_median([exe, *args], check=False)

    rows = [("kupang-layout --version (start-up)", timed("--version"))]
    rows.append(("kupang-layout demo --out DIR", timed("demo", "--out", str(demo))))
    kpl = str(demo / "sample.kpl")
    rows.append(
        (
            "kupang-layout export sample.kpl --pages 1",
            timed("export", kpl, "--out", str(work / "e1"), "--pages", "1"),
        )
    )
    rows.append(
        (
            "kupang-layout export sample.kpl (3 pages)",
            timed("export", kpl, "--out", str(work / "e3")),
        )
    )
    rows.append(("kupang-layout preflight sample.kpl", timed_ok("preflight", kpl)))
    imports = (
        "import kupang_layout.render.pdf, kupang_layout.preflight, kupang_layout.engine.layout"
    )
    rows.append(("python -c 'import (export path)'", run_median([sys.executable, "-c", imports])))
    rows.append(
        (
            "python -c 'import reportlab.platypus'",
            run_median([sys.executable, "-c", "import reportlab.platypus"]),
        )
    )
    for which in ("ours", "ours-proof", "platypus"):
        command = [sys.executable, __file__, "--once", which, str(work / f"once-{which}.pdf")]
        rows.append((f"this script --once {which} (one page)", run_median([*command, str(depth)])))
    return rows


def once(which: str, out: Path, depth: int) -> int:
    """One whole run in a fresh process (for the whole-process figures)."""
    paragraphs = story_paragraphs()
    ed, page = our_page(paragraphs, depth)
    if which == "platypus":
        Platypus(ed, depth).build(paragraphs, out)
    else:
        run_ours(ed, page, out, PROOF_PRESET if which == "ours-proof" else None)
    return 0


# -- report ------------------------------------------------------------------------------


def print_quality(label: str, q: PdfQuality) -> None:
    print(
        f"  {label:<22} pages {q.pages}  lines {q.lines:4d}  justified {q.justified:4d}"
        f"  r mean {q.ratio_mean:5.2f}  r max {q.ratio_max:5.2f}  r min {q.ratio_min:5.2f}"
        f"  r>1 {q.above_1:3d}  r>2 {q.above_2:3d}"
        f"  hyphenated {q.hyphenated:3d}  longest run {q.longest_run}"
    )


def print_report(label: str, q: QualityReport) -> None:
    print(
        f"  {label:<22} lines {q.lines:4d}  justified {q.justified_lines:4d}"
        f"  r mean {q.ratio_mean:5.2f}  r max {q.ratio_max:5.2f}"
        f"  r>1 {q.lines_ratio_above_1:3d}  r>2 {q.lines_ratio_above_2:3d}"
        f"  word-space r max {q.word_ratio_max:5.2f}"
        f"  word-space r>2 {q.lines_word_ratio_above_2:3d}"
        f"  hyphenated {q.hyphenated_lines:3d}  longest run {q.longest_hyphen_run}"
        f"  overset {q.overset_lines}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--cli-repeat", type=int, default=3)
    ap.add_argument("--no-cli", action="store_true", help="skip the whole-process figures")
    ap.add_argument("--profile", action="store_true", help="print where our time goes")
    ap.add_argument(
        "--new-words", action="store_true", help="also time ours with the word caches emptied"
    )
    ap.add_argument("--once", nargs=3, metavar=("WHICH", "PDF", "DEPTH"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.once:
        return once(args.once[0], Path(args.once[1]), int(args.once[2]))
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is needed for the quality figures", file=sys.stderr)
        return 2

    paragraphs = story_paragraphs()
    words = sum(len(p.text.split()) for p in paragraphs)
    depth = depth_for(paragraphs)
    ed, page = our_page(paragraphs, depth)
    platypus = Platypus(ed, depth)
    work = Path(tempfile.mkdtemp(prefix="bench-platypus-"))
    ours_pdf, proof_pdf, rl_pdf = work / "ours.pdf", work / "ours-proof.pdf", work / "platypus.pdf"

    def ours_print() -> None:
        run_ours(ed, page, ours_pdf, None)

    def ours_proof() -> None:
        run_ours(ed, page, proof_pdf, PROOF_PRESET)

    def ours_layout() -> None:
        LayoutEngine().layout_page(ed, page)

    warm_engine = LayoutEngine()

    def ours_warm() -> None:
        warm_engine.layout_page(ed, page)

    def ours_new_words() -> None:
        LayoutEngine().composer.clear_cache()  # hyphenation and word items too
        ours_print()

    def rl_build() -> None:
        platypus.build(paragraphs, rl_pdf)

    def rl_wrap() -> None:
        # platypus's layout alone: wrap and split each paragraph through the frames
        height = depth * LEADING
        for flowable in platypus.flowables(paragraphs):
            flowable.wrap(COLUMN_MM * RL_MM, height)

    # Warm-up: fonts registered, pyphen patterns loaded, modules imported, for both.
    for fn in (ours_print, ours_proof, rl_build):
        fn()
    # As the program's processes do once their modules are in (common.heap): the import
    # heap is left out of full collections. Platypus runs in this process and gains alike.
    settle_imports()

    # Interleaved rounds so drift of the machine hits both alike; each run is timed by
    # the wall clock and by the process's CPU time (which waiting for a core shared with
    # other work does not inflate).
    fns = {
        "ours": ours_print,
        "proof": ours_proof,
        "layout": ours_layout,
        "warm": ours_warm,
        "rl": rl_build,
        "wrap": rl_wrap,
    }
    wall: dict[str, list[float]] = {k: [] for k in fns}
    cpu: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(args.repeat):
        for key, fn in fns.items():
            w, c = timed(fn)
            wall[key].append(w)
            cpu[key].append(c)
    timings = {k: statistics.median(v) * 1000.0 for k, v in wall.items()}
    cpu_ms = {k: statistics.median(v) * 1000.0 for k, v in cpu.items()}

    print(f"story: {STORY.name}, {words} words, {len(paragraphs)} paragraphs")
    print(
        f"setting: {COLUMNS} x {COLUMN_MM:g} mm columns, {GUTTER_MM:g} mm gutters, "
        f"{depth} lines deep; PT Serif 9.5/11 pt, justified, hyphenation id_ID"
    )
    print(f"runs: {args.repeat} each, interleaved, one process (medians)")
    print(
        "kept between runs, as a warm process keeps them for any page: the fonts "
        "(ReportLab's and our metrics), the hyphenation patterns, the items and "
        "hyphenation of each word seen (engine-wide), the compressed ICC profile; "
        "made anew each run: the engine (composed paragraphs, display runs), the PDF "
        "document (font subsets, character codes), the file"
    )
    print()
    print("time per page (layout + PDF written to disk)")
    rl, rl_cpu = timings["rl"], cpu_ms["rl"]
    rows = [
        ("ours, print preset (PDF/X-1a)", "ours"),
        ("ours, proof preset (no PDF/X)", "proof"),
        ("platypus (doc.build)", "rl"),
    ]
    for label, key in rows:
        value = timings[key]
        q1, _, q3 = statistics.quantiles(wall[key], n=4)
        print(
            f"  {label:<34} {value:8.1f} ms   {value / rl:5.2f} x platypus"
            f"   (quartiles {q1 * 1000:.1f}-{q3 * 1000:.1f}; CPU {cpu_ms[key]:.1f} ms,"
            f" {cpu_ms[key] / rl_cpu:.2f} x)"
        )
    print("layout alone")
    print(f"  {'ours: LayoutEngine().layout_page':<34} {timings['layout']:8.1f} ms")
    print(
        f"  {'ours: the same, warm engine':<34} {timings['warm']:8.1f} ms"
        "   (re-layout, nothing changed)"
    )
    print(f"  {'platypus: Paragraph + wrap':<34} {timings['wrap']:8.1f} ms")
    print(
        f"  export alone, ours (print - layout): "
        f"{timings['ours'] - timings['layout']:.1f} ms; "
        f"platypus (build - wrap): {rl - timings['wrap']:.1f} ms"
    )
    memory, writing = export_parts(ed, page, ours_pdf, args.repeat)
    print(
        f"  of our export: the PDF/X-1a file made in memory {memory:.1f} ms, written "
        f"(atomically: a temporary file, fsync, rename, the folder's fsync) {writing:.1f} ms"
    )
    if args.new_words:
        cold = [timed(ours_new_words)[0] for _ in range(max(3, args.repeat // 3))]
        print(
            f"  ours, print, word caches emptied first (words never seen): "
            f"{statistics.median(cold) * 1000:.1f} ms"
        )
    print()

    space = space_width(9.5)
    print(
        f"quality from the PDFs (pdftotext -bbox; natural space {space:.3f} pt; "
        f"r = 1 at 133 %, -1 at 80 % of it)"
    )
    q_ours = measure_pdf(ours_pdf, space)
    q_rl = measure_pdf(rl_pdf, space)
    print_quality("ours", q_ours)
    print_quality("platypus", q_rl)
    print("our engine's typeset report (its own r: word spaces and letter-spacing together)")
    print_report("ours", quality_report("story", LayoutEngine().layout_story(ed, "story").flow))
    print()
    better = {
        "r mean": abs(q_ours.ratio_mean) < abs(q_rl.ratio_mean),
        "r max": q_ours.ratio_max < q_rl.ratio_max,
        "r>1": q_ours.above_1 < q_rl.above_1,
        "r>2": q_ours.above_2 <= q_rl.above_2,
        "hyphenated lines": q_ours.hyphenated < q_rl.hyphenated,
        "longest hyphen run": q_ours.longest_run < q_rl.longest_run,
    }
    print("ours better on: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in better.items()))
    ratio = timings["ours"] / rl
    print(
        f"time goal (ours < platypus): {ratio:.2f} x by the wall clock,"
        f" {cpu_ms['ours'] / rl_cpu:.2f} x by CPU time"
        f" -> {'met' if ratio < 1.0 else 'NOT met'}"
    )

    print()
    print(f"where our layout's time goes (cold engine, fastest of {args.repeat} runs)")
    for label, ms in layout_stages(ed, page, args.repeat):
        print(f"  {label:<44} {ms:7.1f} ms")
    if args.profile:
        print()
        print("cProfile of one cold run, print preset (cumulative):")
        print(profile_top(ours_print))

    if not args.no_cli:
        print("whole processes (wall clock, median of", args.cli_repeat, "runs)")
        for label, seconds in cli_times(work, args.cli_repeat, depth):
            print(f"  {label:<48} {seconds:6.2f} s")
    print()
    print(f"PDFs: {ours_pdf}  {rl_pdf}")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
