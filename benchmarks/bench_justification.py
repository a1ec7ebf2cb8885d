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
  ended short; it ends one when it stops short of the right edge.

Targets (issue 16): at most half of pdflatex's very loose lines in the issue's run
(6, so at most 3), widest gap < 0.75 em, at most 2 hyphens in a row, no widow or
orphan.

Run: .venv/bin/python benchmarks/bench_justification.py [--story PATH] [--keep DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_vs_platypus as setting

from kupang_layout.manuscript.apply import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript

# The house column: three 48 mm columns (engine/fixture.py's column and gutter).
setting.COLUMNS, setting.COLUMN_MM, setting.GUTTER_MM = 3, 48.0, 4.5

SIZE = 9.5
VERY_LOOSE_EM = 0.66
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


def measure(path: Path) -> Figures:
    """The figures of one PDF, from its text positions."""
    _, lines = setting.pdf_lines(path)
    body = statistics.mode(round(line.height, 1) for line in lines)
    ordered = sorted(lines, key=lambda ln: (ln.page, ln.column, ln.y))
    pitch = (setting.COLUMN_MM + setting.GUTTER_MM) * setting.RL_MM
    gaps_em: list[float] = []
    widest = 0.0
    very_loose = run = longest = 0
    widows = orphans = 0
    columns: dict[tuple[int, int], list[tuple[bool, bool]]] = {}
    previous_ended = True
    for line in ordered:
        left = setting.LEFT_MM * setting.RL_MM + line.column * pitch
        right = left + setting.COLUMN_MM * setting.RL_MM
        full = line.x1 >= right - setting.EDGE_TOLERANCE
        # A line in another face or size (an attribution) is a paragraph of its own.
        other = abs(line.height - body) > 0.3
        starts = other or previous_ended or line.words[0][0] > left + 1.0
        ends = other or not full
        previous_ended = ends
        columns.setdefault((line.page, line.column), []).append((starts, ends))
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
    keys = sorted(columns)
    for k, key in enumerate(keys):
        col = columns[key]
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
        figures = measure(ours)
        print_figures("Kupang Layout", figures)
        print_figures("ReportLab platypus", measure(platypus))
    for label, name in PEERS_NOT_RUN:
        state = "installed, not run by this script" if installed(name) else "not installed"
        print(f"{label:<22} {state}")
    print(
        f"targets: very loose <= {TARGET_LOOSE}, widest gap < {TARGET_GAP_EM} em, "
        f"hyphen run <= {TARGET_RUN}, no widow or orphan: "
        + ("met" if figures.meets_targets() else "NOT met")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
