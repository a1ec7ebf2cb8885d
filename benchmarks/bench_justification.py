"""Benchmark: how well the justified text is set, measured from the exported PDFs.

The seed story of the benchmarks (tests/manuscripts/long_story_900.txt, lead, body,
quotes and attributions in the house styles) in the house column: three 48 mm
columns, 4.5 mm gutters, PT Serif 9.5/11 pt, justified, Indonesian hyphenation
(the geometry of `bench_vs_platypus.py` with the house column). Ours: LayoutEngine +
render_page_pdf; peers where installed: ReportLab platypus (same fonts, same
geometry); pdflatex, WeasyPrint and Scribus are looked for and reported as "not
installed" when absent (their figures from the issue's run are quoted in
benchmarks/README.md).

Everything is measured from each PDF's text positions (pdftotext -bbox, the line
and column grouping of `bench_vs_platypus.pdf_lines`), never from the engine's own
numbers:

* a justified line: two words or more, in the body size, reaching its column's right
  edge (within 0.5 pt); its word gap g is the mean distance between neighbouring word
  boxes; a *very loose* line has g > 0.66 em (em = 9.5 pt);
* the widest word gap of any justified line, in em;
* the longest run of consecutive lines (reading order) ending in a hyphen after a
  letter (a dash typed as a hyphen, as in a dateline, is not one);
* widows and orphans: a column whose first line ends a paragraph begun in the column
  before (widow), or whose last line starts a paragraph that goes on in the next one
  (orphan). A line starts a paragraph when it is indented or follows a line that
  ended short or is indented by the body's first-line indent (a quote's smaller left
  indent is not one); it ends one when it stops short of the right edge.

The seed page is measured the same way: the first sample manuscript without its
`Rubrik`, `Judul` and `Subjudul` lines (as `tests/editing/test_copyfit_seed.py` makes
it), imported with its photo into the template `berita-satu` and copyfitted, exported
with the print preset; its body's columns are the chain's frames' columns.

Targets (issue 16): on the story, at most half of pdflatex's very loose lines in the
issue's run (6, so at most 3), widest gap < 0.75 em, at most 2 hyphens in a row, no
widow or orphan; on the seed page, no very loose line.

Run: .venv/bin/python benchmarks/bench_justification.py [--story PATH] [--keep DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_vs_platypus as setting

from kupang_layout.editing.copyfit import copyfit_command
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.jobs.manuscript_import import apply_manuscript
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript
from kupang_layout.model import History
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.page import Page
from kupang_layout.render.pdf import get_preset, render_page_pdf
from kupang_layout.storage import TemplateLibrary

# The house column: three 48 mm columns (engine/fixture.py's column and gutter).
setting.COLUMNS, setting.COLUMN_MM, setting.GUTTER_MM = 3, 48.0, 4.5

SIZE = 9.5
FIRST_INDENT = 9.5  # the house body's first-line indent, points
VERY_LOOSE_EM = 0.66
SAMPLES = setting.REPO / "resources" / "samples"
SEED = SAMPLES / "manuscripts" / "01-halaman-1-gelombang-tinggi.txt"
SEED_PHOTO = SAMPLES / "photos" / "sea-boats-evening.jpg"
TARGET_SEED_LOOSE = 0
TARGET_LOOSE, TARGET_GAP_EM, TARGET_RUN = 3, 0.75, 2
PEERS_NOT_RUN = (("pdflatex", "pdflatex"), ("WeasyPrint", "weasyprint"), ("Scribus", "scribus"))


@dataclass(frozen=True)
class Figures:
    justified: int
    very_loose: int
    mean_gap_em: float
    widest_gap_em: float
    longest_hyphen_run: int
    widows: int
    orphans: int

    def meets_targets(self) -> bool:
        return (
            self.very_loose <= TARGET_LOOSE
            and self.widest_gap_em < TARGET_GAP_EM
            and self.longest_hyphen_run <= TARGET_RUN
            and self.widows == 0
            and self.orphans == 0
        )


Column = tuple[float, float, float, float]
"""A column's left, right, top and bottom edge in points from the trim's top left."""


@dataclass(frozen=True)
class Line:
    page: int
    column: int
    y: float
    words: tuple[tuple[float, float, str], ...]  # x0, x1, text
    height: float  # the tallest word box: font size x the face's ascent + descent

    @property
    def x1(self) -> float:
        return self.words[-1][1]


def story_columns() -> list[Column]:
    """The columns of the story's setting (`bench_vs_platypus`'s geometry, ours and
    platypus's alike)."""
    top = setting.TOP_MM * setting.RL_MM
    pitch = (setting.COLUMN_MM + setting.GUTTER_MM) * setting.RL_MM
    left = setting.LEFT_MM * setting.RL_MM
    width = setting.COLUMN_MM * setting.RL_MM
    return [(left + i * pitch, left + i * pitch + width, top, 1e9) for i in range(setting.COLUMNS)]


def frame_columns(page: Page, role: str = "body") -> list[Column]:
    """The columns of the frames of one role on a page, in the chain's reading order."""
    frames = sorted(
        (f for f in page.frames if isinstance(f, TextFrame) and f.role == role),
        key=lambda f: f.chain_index,
    )
    out: list[Column] = []
    for f in frames:
        width = (f.rect.width - 2 * f.inset - (f.columns - 1) * f.gutter) / f.columns
        for i in range(f.columns):
            x = f.rect.x + f.inset + i * (width + f.gutter)
            out.append((x, x + width, f.rect.y, f.rect.y + f.rect.height))
    return out


def read_lines(path: Path, columns: Sequence[Column]) -> list[Line]:
    """The words of a PDF (pdftotext -bbox) in the given columns, grouped into lines by
    their vertical position (a word belongs to the column holding its left end and its
    middle; half a line of slack above and below the column)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True
    ).stdout
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    origins = setting._trim_origin(path)
    lines: list[Line] = []
    slack = setting.LEADING / 2
    for number, pg in enumerate(ET.fromstring(out).findall(".//h:page", ns)):
        ox, oy = origins[number]
        rows: dict[int, list[tuple[float, float, float, str, float]]] = {}
        for w in pg.iterfind(".//h:word", ns):
            x0, x1 = float(w.get("xMin", 0)) - ox, float(w.get("xMax", 0)) - ox
            y0, y1 = float(w.get("yMin", 0)) - oy, float(w.get("yMax", 0)) - oy
            y = (y0 + y1) / 2
            col = next(
                (k for k, (left, right, top, bottom) in enumerate(columns)
                 if left - 3.0 <= x0 < right and top - slack <= y <= bottom + slack),
                None,
            )  # fmt: skip
            if col is not None:
                rows.setdefault(col, []).append((y, x0, x1, w.text or "", y1 - y0))
        for col, items in rows.items():
            items.sort()
            group: list[tuple[float, float, float, str, float]] = []
            for item in [*items, None]:
                if group and (item is None or item[0] - group[0][0] > setting.LEADING / 3):
                    words = tuple(sorted((i[1], i[2], i[3]) for i in group))
                    y = statistics.fmean(i[0] for i in group)
                    lines.append(Line(number, col, y, words, max(i[4] for i in group)))
                    group = []
                if item is not None:
                    group.append(item)
    return lines


def measure(path: Path, columns: Sequence[Column]) -> Figures:
    """The figures of one PDF's text in `columns`, from its text positions."""
    lines = read_lines(path, columns)
    body = statistics.mode(round(line.height, 1) for line in lines)
    ordered = sorted(lines, key=lambda ln: (ln.page, ln.column, ln.y))
    gaps_em: list[float] = []
    widest = 0.0
    very_loose = run = longest = 0
    widows = orphans = 0
    by_column: dict[tuple[int, int], list[tuple[bool, bool]]] = {}
    previous_ended = True
    for line in ordered:
        left, right, _top, _bottom = columns[line.column]
        full = line.x1 >= right - setting.EDGE_TOLERANCE
        # A line in another face or size (an attribution) is a paragraph of its own.
        other = abs(line.height - body) > 0.3
        # The body's first-line indent (9.5 pt); a quote's left indent (6 pt) is less.
        starts = other or previous_ended or line.words[0][0] > left + FIRST_INDENT - 1.0
        ends = other or not full
        previous_ended = ends
        by_column.setdefault((line.page, line.column), []).append((starts, ends))
        if len(line.words) < 2 or not full or abs(line.height - body) > 0.3:
            run = 0
            continue
        gaps = [b[0] - a[1] for a, b in zip(line.words, line.words[1:], strict=False)]
        g = sum(gaps) / len(gaps) / SIZE
        gaps_em.append(g)
        widest = max(widest, max(gaps) / SIZE)
        very_loose += g > VERY_LOOSE_EM
        last = line.words[-1][2]
        if last.endswith(setting.HYPHENS) and len(last) > 1 and last[-2].isalnum():
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    keys = sorted(by_column)
    for k, key in enumerate(keys):
        col = by_column[key]
        if k > 0 and col[0][1] and not col[0][0]:
            widows += 1  # a paragraph's last line alone at the head of a column
        if k < len(keys) - 1 and col[-1][0] and not col[-1][1]:
            orphans += 1  # a paragraph's first line alone at the foot of a column
    return Figures(
        justified=len(gaps_em),
        very_loose=very_loose,
        mean_gap_em=statistics.fmean(gaps_em) if gaps_em else 0.0,
        widest_gap_em=widest,
        longest_hyphen_run=longest,
        widows=widows,
        orphans=orphans,
    )


def print_figures(label: str, f: Figures) -> None:
    print(
        f"{label:<22} justified {f.justified:4d}  very loose {f.very_loose:3d}"
        f"  mean gap {f.mean_gap_em:.3f} em  widest {f.widest_gap_em:.3f} em"
        f"  hyphen run {f.longest_hyphen_run}  widows {f.widows}  orphans {f.orphans}"
    )


def installed(module_or_command: str) -> bool:
    if shutil.which(module_or_command):
        return True
    return importlib.util.find_spec(module_or_command) is not None


def seed_page() -> tuple[Edition, Page, int]:
    """The seed page (see the module docstring) and its story's word count."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not re.match(r"(Rubrik|Judul|Subjudul):", ln)]
    ed = Edition(paper="Kupang Times", number="612", date="2024-10-14")
    History(ed).execute(
        apply_manuscript(
            ed,
            TemplateLibrary().get("berita-satu"),
            parse_manuscript("\n".join(kept) + "\n"),
            photo=SEED_PHOTO.read_bytes(),
            photo_name=SEED_PHOTO.name,
            number=1,
            fit=copyfit_command,
        )
    )
    page = ed.pages[0]
    body = next(f for f in page.frames if isinstance(f, TextFrame) and f.role == "body")
    paragraphs = ed.stories[body.story_id].paragraphs if body.story_id else []
    words = sum(len("".join(r.text for r in p.runs).split()) for p in paragraphs)
    return ed, page, words


def measure_seed_page(out: Path) -> Figures:
    """Export the seed page with the print preset and measure its body."""
    ed, page, words = seed_page()
    path = out / "seed_page.pdf"
    render_page_pdf(LayoutEngine().layout_page(ed, page), ed, get_preset(None), path)
    columns = frame_columns(page)
    print(f"seed page: {SEED.name} in berita-satu, {words} words, {len(columns)} body columns")
    figures = measure(path, columns)
    print_figures("Kupang Layout", figures)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", type=Path, default=setting.STORY)
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder")
    args = parser.parse_args(argv)
    paragraphs = body_paragraphs(read_manuscript(args.story))
    depth = setting.depth_for(paragraphs)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        ed, page = setting.our_page(paragraphs, depth)
        ours = out / "ours.pdf"
        setting.run_ours(ed, page, ours, None)  # the print preset (PDF/X-1a)
        platypus = out / "platypus.pdf"
        setting.Platypus(ed, depth).build(paragraphs, platypus)
        words = sum(len(p.text.split()) for p in paragraphs)
        print(f"story: {args.story.name}, {words} words; 3 x 48 mm, PT Serif 9.5/11 pt")
        columns = story_columns()
        figures = measure(ours, columns)
        print_figures("Kupang Layout", figures)
        print_figures("ReportLab platypus", measure(platypus, columns))
        seed = measure_seed_page(out)
    for label, name in PEERS_NOT_RUN:
        state = "installed, not run by this script" if installed(name) else "not installed"
        print(f"{label:<22} {state}")
    print(
        f"targets: very loose <= {TARGET_LOOSE}, widest gap < {TARGET_GAP_EM} em, "
        f"hyphen run <= {TARGET_RUN}, no widow or orphan: "
        + ("met" if figures.meets_targets() else "NOT met")
    )
    print(
        f"seed page target: very loose <= {TARGET_SEED_LOOSE}: "
        + ("met" if seed.very_loose <= TARGET_SEED_LOOSE else "NOT met")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
