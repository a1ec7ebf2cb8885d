"""Benchmark: cold start of Kupang Layout next to ReportLab platypus and pdflatex, in one run.

The setting is the seed story of the benchmarks (tests/manuscripts/long_story_900.txt,
934 words: lead, body, quotes and attributions in the house styles) in the house column:
three 48 mm columns with 4.5 mm gutters, 330 mm deep, on a 280 x 430 mm page, PT Serif
9.5/11 from resources/fonts, justified, Indonesian hyphenation.

Two figures per program, each the median of --runs fresh processes:

* new process, whole command: from starting the interpreter to the PDF on disk.
  Ours is ``python -m kupang_layout export ONE-PAGE.kpl --out DIR --all`` (the command a
  desk types, ``--all`` so that every run draws the page again instead of finding it
  unchanged; it includes the preflight gate and the plant's check of the written PDF; the
  page's ink is proven by the painter, so Ghostscript is not run: how it was verified,
  and what Ghostscript's measurement would have cost, are printed under the table).
  Platypus is this script's own child (``--child platypus-whole``), which imports only
  ReportLab and reads the story's paragraphs and styles from a JSON file. pdflatex,
  where installed, sets the same text in multicol (its default fonts; it is only run,
  never installed here).
* inside the process, cold: in a fresh process, after importing the program's API
  modules, the first layout + PDF (ours: ``layout_page`` + ``render_page_pdf`` with the
  PDF/X-1a preset; platypus: registering the fonts + ``doc.build``; pdflatex: its
  ``\\pdfelapsedtime`` from the document's start to its end).

Under the table, the floor of any Python program that writes the page with these
libraries: a fresh interpreter that only imports ReportLab's canvas, pikepdf (the check
of the written PDF) and Pillow, and exits; and the share of our process spent creating
its dataclasses (the standard library's `dataclasses` compiles each class's methods at
import).

The caches in the user cache folder (hyphenation patterns, font metrics) are warm, as
on a desk's computer after the first run; ``--cold-caches`` points the program at an
empty cache folder for every process instead (the price of the very first run).

Python's compiled bytecode is taken as installed: with PYTHONDONTWRITEBYTECODE set (and no
__pycache__ written before) every process compiles the program's sources again, about
0.2 s; the script says so when it is set (PYTHONPYCACHEPREFIX keeps the files out of the
tree).

Run: .venv/bin/python benchmarks/bench_cold.py [--runs N] [--cold-caches] [--importtime]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STORY = REPO / "tests" / "manuscripts" / "long_story_900.txt"

PAGE_W_MM, PAGE_H_MM = 280.0, 430.0
LEFT_MM, TOP_MM = 12.0, 60.0
COLUMNS, COLUMN_MM, GUTTER_MM = 3, 48.0, 4.5
DEPTH_MM = 330.0
LEADING = 11.0
MM = 72.0 / 25.4


# -- the setting (parent only: imports the program) ---------------------------------------


def seed_edition() -> object:
    """The seed story in one 3 x 48 mm frame on a one-page edition."""
    from kupang_layout.manuscript.house_format import body_paragraphs
    from kupang_layout.manuscript.parser import read_manuscript
    from kupang_layout.model.edition import Edition
    from kupang_layout.model.frames import TextFrame
    from kupang_layout.model.geometry import BaselineGrid, Margins, Rect
    from kupang_layout.model.page import Page
    from kupang_layout.model.story import Story
    from kupang_layout.model.units import mm

    ed = Edition(number="612", date="2024-10-14")
    width = COLUMNS * COLUMN_MM + (COLUMNS - 1) * GUTTER_MM
    page = Page(
        id="seed",
        number=1,
        width=mm(PAGE_W_MM),
        height=mm(PAGE_H_MM),
        margins=Margins(mm(20), mm(15), mm(12), mm(12)),
        baseline=BaselineGrid(LEADING, 0.0),
    )
    page.frames.append(
        TextFrame(
            id="body",
            rect=Rect(mm(LEFT_MM), mm(TOP_MM), mm(width), mm(DEPTH_MM)),
            story_id="story",
            columns=COLUMNS,
            gutter=mm(GUTTER_MM),
            role="body",
        )
    )
    ed.pages.append(page)
    ed.stories["story"] = Story(id="story", paragraphs=body_paragraphs(read_manuscript(STORY)))
    return ed


def platypus_spec(ed: object) -> dict[str, object]:
    """The story's paragraphs as ReportLab markup and its resolved styles, as plain data."""
    from xml.sax.saxutils import escape

    from kupang_layout.fonts.registry import default_registry
    from kupang_layout.model.edition import Edition
    from kupang_layout.model.styles import apply_character_style, resolve_paragraph_style

    assert isinstance(ed, Edition)
    fonts: dict[str, str] = {}

    def font(family: str, face: str) -> str:
        entry = default_registry().resolve(family, face)
        name = "RL-" + entry.key.replace("/", "-").replace(" ", "")
        fonts[name] = str(entry.path)
        return name

    styles: dict[str, dict[str, object]] = {}
    paragraphs: list[tuple[str, str]] = []
    for p in ed.stories["story"].paragraphs:
        st = resolve_paragraph_style(ed.paragraph_styles, p.style)
        styles[st.name] = {
            "fontName": font(st.font_family, st.font_face),
            "fontSize": st.size,
            "leading": st.leading,
            "alignment": {"justify": 4, "left": 0, "right": 2, "center": 1}.get(st.alignment, 0),
            "firstLineIndent": st.first_indent,
            "leftIndent": st.left_indent,
            "rightIndent": st.right_indent,
            "spaceBefore": st.space_before,
            "spaceAfter": st.space_after,
            "keepWithNext": int(st.keep_with_next),
            "hyphenationLang": "id_ID" if st.hyphenate else "",
        }
        parts = []
        for run in p.runs:
            text = escape(run.text)
            cstyle = ed.character_styles.get(run.char_style or "")
            if cstyle is not None:
                rs = apply_character_style(st, cstyle)
                text = f'<font face="{font(rs.font_family, rs.font_face)}">{text}</font>'
            parts.append(text)
        paragraphs.append((st.name, "".join(parts)))
    return {"fonts": fonts, "styles": styles, "paragraphs": paragraphs}


def latex_source(spec: dict[str, object]) -> str:
    """The same text in three columns with pdflatex's default fonts at 9.5/11."""
    paragraphs = spec["paragraphs"]
    assert isinstance(paragraphs, list)
    body = []
    for _, markup in paragraphs:
        text = re.sub(r"<[^>]+>", "", markup)
        text = text.replace("&amp;", "\\&").replace("&lt;", "<").replace("&gt;", ">")
        text = re.sub(r"([%$#_{}])", r"\\\1", text)
        body.append(text)
    width = COLUMNS * COLUMN_MM + (COLUMNS - 1) * GUTTER_MM
    return "\n".join(
        [
            "\\documentclass{article}",
            "\\usepackage[utf8]{inputenc}\\usepackage[T1]{fontenc}",
            "\\IfFileExists{hyph-id.tex}{\\usepackage[indonesian]{babel}}{}",
            f"\\usepackage[paperwidth={PAGE_W_MM}mm,paperheight={PAGE_H_MM}mm,"
            f"left={LEFT_MM}mm,top={TOP_MM}mm,textwidth={width}mm,textheight={DEPTH_MM}mm]"
            "{geometry}",
            "\\usepackage{multicol}\\setlength{\\columnsep}{4.5mm}",
            "\\pagestyle{empty}",
            "\\begin{document}\\pdfresettimer",
            "\\fontsize{9.5}{11}\\selectfont",
            "\\begin{multicols}{3}",
            "\n\n".join(body),
            "\\end{multicols}",
            "\\immediate\\write16{ELAPSED \\the\\pdfelapsedtime}",
            "\\end{document}",
            "",
        ]
    )


# -- children (fresh processes) -----------------------------------------------------------


def child_platypus(spec_path: str, out: str) -> float:
    """Import ReportLab, read the spec, register the fonts, build: returns the cold build."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    started = time.perf_counter()
    for name, path in spec["fonts"].items():
        pdfmetrics.registerFont(TTFont(name, path))
    styles = {name: ParagraphStyle(name, **kw) for name, kw in spec["styles"].items()}
    flowables = [Paragraph(markup, styles[style]) for style, markup in spec["paragraphs"]]
    size = (PAGE_W_MM * MM, PAGE_H_MM * MM)
    depth = DEPTH_MM * MM
    bottom = size[1] - TOP_MM * MM - depth
    frames = [
        Frame(
            (LEFT_MM + i * (COLUMN_MM + GUTTER_MM)) * MM,
            bottom,
            COLUMN_MM * MM,
            depth,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"col{i + 1}",
        )
        for i in range(COLUMNS)
    ]
    doc = BaseDocTemplate(out, pagesize=size, title="platypus")
    doc.addPageTemplates([PageTemplate(id="page", frames=frames)])
    doc.build(flowables)
    return time.perf_counter() - started


def child_ours(kpl: str, out: str, settle: bool = True) -> float:
    """Import the API, load the edition (not timed), then the first layout + PDF/X-1a.

    Like the program's own processes (the command line once the command's modules are
    imported, each export worker once warm), the child settles its import heap first
    (`common.heap.settle_imports`, gc.freeze); ``settle=False`` shows the figure without."""
    from kupang_layout.common.heap import settle_imports
    from kupang_layout.engine.layout import layout_page
    from kupang_layout.render.pdf.exporter import render_page_pdf
    from kupang_layout.render.pdf.presets import get_preset
    from kupang_layout.storage import load_edition

    edition = load_edition(Path(kpl))
    preset = get_preset(None)
    if settle:
        settle_imports()
    started = time.perf_counter()
    display_list = layout_page(edition, edition.pages[0])
    render_page_pdf(display_list, edition, preset, Path(out))
    return time.perf_counter() - started


# -- the parent ---------------------------------------------------------------------------


def run_timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


class Runner:
    def __init__(self, work: Path, runs: int, cold_caches: bool) -> None:
        self.work = work
        self.runs = runs
        self.cold_caches = cold_caches
        self.count = 0

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        if self.cold_caches:
            self.count += 1
            env["XDG_CACHE_HOME"] = str(self.work / f"cache-{self.count}")
        return env

    def median(self, cmd: list[str], parse: bool = False) -> tuple[float, float | None]:
        """Median wall time of `runs` processes, and of the child's own figure if `parse`."""
        walls: list[float] = []
        inner: list[float] = []
        for _ in range(self.runs):
            wall, out = run_timed(cmd, self.env(), self.work)
            walls.append(wall)
            if parse:
                found = re.search(r"^COLD ([0-9.]+)$", out, re.MULTILINE)
                if found:
                    inner.append(float(found.group(1)))
        return statistics.median(walls), statistics.median(inner) if inner else None


#: A fresh interpreter importing only the libraries the export needs, and exiting.
FLOOR = "import reportlab.pdfgen.canvas, pikepdf, PIL.Image"

_DATACLASS_TIMER = """
import dataclasses, runpy, sys, time
original = dataclasses._process_class
spent = [0.0, 0]
def timed(cls, *args, **kwargs):
    started = time.perf_counter()
    try:
        return original(cls, *args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - started
        spent[1] += 1
dataclasses._process_class = timed
sys.argv = ["kupang_layout", *sys.argv[1:]]
try:
    runpy.run_module("kupang_layout", run_name="__main__")
finally:
    print(f"DATACLASSES {spent[1]} {spent[0]:.6f}")
"""


def dataclass_time(cmd_args: list[str], runner: Runner) -> tuple[int, float]:
    """How many dataclasses the export command creates and the median time it takes."""
    counts: list[int] = []
    times: list[float] = []
    for _ in range(runner.runs):
        _, out = run_timed(
            [sys.executable, "-c", _DATACLASS_TIMER, *cmd_args], runner.env(), runner.work
        )
        found = re.search(r"^DATACLASSES (\d+) ([0-9.]+)$", out, re.MULTILINE)
        if found:
            counts.append(int(found.group(1)))
            times.append(float(found.group(2)))
    return (max(counts), statistics.median(times)) if times else (0, 0.0)


def ink_verdict(folder: Path) -> str:
    """How the exported page's ink was verified, from the export manifest."""
    data = json.loads((folder / "export-manifest.json").read_text(encoding="utf-8"))
    verdicts = [page.get("ink") or {} for page in data["pages"].values()]
    return ", ".join(f"{v.get('way', 'not checked')} ({v.get('total')} %)" for v in verdicts)


def ink_check_time(folder: Path, runs: int) -> float:
    """Median time Ghostscript's ink measurement would take on the exported page."""
    from kupang_layout.preflight.pdf_check import check_pdf

    pdf = next(folder.glob("*.pdf"))
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        check_pdf(pdf)
        middle = time.perf_counter()
        check_pdf(pdf, ink=False)
        samples.append((middle - started) - (time.perf_counter() - middle))
    return statistics.median(samples)


def fmt(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds:.3f} s"


def import_times(kpl: Path, out: Path, limit: int) -> None:
    """`python -X importtime` of the export command: the slowest imports (cumulative)."""
    cmd = [sys.executable, "-X", "importtime", "-m", "kupang_layout", "export", str(kpl)]
    done = subprocess.run(
        [*cmd, "--out", str(out)], capture_output=True, text=True, check=True, cwd=kpl.parent
    )
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(2)), len(m.group(3)) // 2, m.group(4)))
    total = sum(c for c, depth, _ in rows if depth == 0)
    print(f"\n-X importtime of `export`: {len(rows)} modules, {total / 1e6:.3f} s at top level")
    tops = sorted((r for r in rows if r[1] == 0), reverse=True)[:limit]
    for cumulative, _, name in tops:
        print(f"  {cumulative / 1e3:8.1f} ms  {name}")
    loaded = {name for _, _, name in rows}
    for prefix in ("PySide6", "kupang_layout.gui", "kupang_layout.manuscript", "fontTools"):
        hits = sorted(n for n in loaded if n == prefix or n.startswith(prefix + "."))
        print(f"  {prefix}: {len(hits)} modules")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-caches", action="store_true")
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument("--child", choices=["platypus", "ours", "ours-unsettled"])
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.child == "platypus":
        print(f"COLD {child_platypus(*args.paths):.6f}")
        return 0
    if args.child in ("ours", "ours-unsettled"):
        print(f"COLD {child_ours(*args.paths, settle=args.child == 'ours'):.6f}")
        return 0

    from kupang_layout.storage import save_edition

    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        work = Path(tmp)
        ed = seed_edition()
        kpl = work / "seed.kpl"
        save_edition(ed, kpl)  # type: ignore[arg-type]
        spec = platypus_spec(ed)
        spec_path = work / "platypus.json"
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        runner = Runner(work, args.runs, args.cold_caches)
        py = sys.executable
        me = str(Path(__file__).resolve())

        # Warm the user caches and the OS file cache once (not timed).
        run_timed([py, "-m", "kupang_layout", "export", str(kpl), "--out", "w"], runner.env(), work)
        export = [py, "-m", "kupang_layout", "export", str(kpl), "--out", "o", "--all"]
        ours_whole, _ = runner.median(export)
        floor, _ = runner.median([py, "-c", FLOOR])
        classes, class_time = dataclass_time(["export", str(kpl), "--out", "d", "--all"], runner)
        ink = ink_check_time(work / "o", args.runs)
        verdict = ink_verdict(work / "o")
        _, ours_cold = runner.median([py, me, "--child", "ours", str(kpl), "ours.pdf"], True)
        _, unsettled = runner.median(
            [py, me, "--child", "ours-unsettled", str(kpl), "ours.pdf"], True
        )
        rl_whole, rl_cold = runner.median(
            [py, me, "--child", "platypus", str(spec_path), "rl.pdf"], True
        )
        latex = shutil.which("pdflatex")
        tex_whole: float | None = None
        tex_cold: float | None = None
        if latex:
            (work / "seed.tex").write_text(latex_source(spec), encoding="utf-8")
            cmd = [latex, "-interaction=batchmode", "-halt-on-error", "seed.tex"]
            tex_whole, _ = runner.median(cmd)
            log = (work / "seed.log").read_text(encoding="latin-1")
            found = re.search(r"ELAPSED (\d+)", log)
            tex_cold = int(found.group(1)) / 65536 if found else None

        print(f"seed story {STORY.name}, {COLUMNS} x {COLUMN_MM:g} mm, PT Serif 9.5/11; ", end="")
        print(f"median of {args.runs} processes; caches {'cold' if args.cold_caches else 'warm'}")
        print()
        print("| | new process, whole command | inside the process, cold |")
        print("|---|---|---|")
        if latex:
            print(f"| pdflatex (multicol) | {fmt(tex_whole)} | {fmt(tex_cold)} |")
        else:
            print("| pdflatex | not installed | not installed |")
        print(f"| ReportLab platypus | {fmt(rl_whole)} | {fmt(rl_cold)} |")
        print(f"| Kupang Layout (`export`) | {fmt(ours_whole)} | {fmt(ours_cold)} |")
        print()
        print(f"ours in-process without settling the import heap (gc.freeze): {fmt(unsettled)}")
        libraries = "ReportLab's canvas, pikepdf and Pillow"
        print(f"floor: a new Python process importing {libraries}: {fmt(floor)}")
        print(f"of our whole command, creating its {classes} dataclasses: {fmt(class_time)}")
        print(f"the page's ink verified by: {verdict}")
        print(f"Ghostscript's ink measurement of the page, were it run: {fmt(ink)}")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("PYTHONDONTWRITEBYTECODE is set: every process compiles the sources again")
        if rl_cold and ours_cold:
            print(f"ours / platypus: whole {ours_whole / rl_whole:.2f} x, ", end="")
            print(f"cold in-process {ours_cold / rl_cold:.2f} x")
        if tex_whole:
            print(f"ours / pdflatex: whole {ours_whole / tex_whole:.2f} x", end="")
            print(f" (the floor alone: {floor / tex_whole:.2f} x)")
        else:
            print("ours / pdflatex: pdflatex not installed")
        if args.importtime:
            import_times(kpl, work / "it", 15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
