"""Benchmark: lay out the 900-word fixture story; re-lay out after a one-word edit.

Prints medians of repeated runs (one core) and the quality figures of
Knuth-Plass next to first-fit. Targets: whole story <= 30 ms, re-layout after
a one-word edit <= 5 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from kupang_layout.engine.compose import Composer
from kupang_layout.engine.fixture import reference_page
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.linebreak import BreakParams
from kupang_layout.engine.report import quality_report
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript
from kupang_layout.model import History, Run, SetParagraphText

STORY = Path(__file__).resolve().parent.parent / "tests" / "manuscripts" / "long_story_900.txt"
REPEAT = 25


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000.0


def main() -> int:
    manuscript = read_manuscript(STORY)
    paragraphs = body_paragraphs(manuscript)
    words = sum(len(p.text.split()) for p in paragraphs)
    ed, page = reference_page(paragraphs)
    engine = LayoutEngine()
    engine.layout_page(ed, page)  # load fonts and patterns once

    cold_para: list[float] = []
    cold_all: list[float] = []
    for _ in range(REPEAT):
        engine.composer.clear_paragraphs()
        t = time.perf_counter()
        engine.layout_page(ed, page)
        cold_para.append(time.perf_counter() - t)
    for _ in range(REPEAT):
        engine.composer.clear_cache()
        t = time.perf_counter()
        engine.layout_page(ed, page)
        cold_all.append(time.perf_counter() - t)

    history = History(ed)
    index = len(paragraphs) // 2
    original = paragraphs[index].text
    edits: list[float] = []
    engine.layout_page(ed, page)
    for i in range(REPEAT):
        text = original.replace(" ", " kota " if i % 2 == 0 else " desa ", 1)
        history.execute(SetParagraphText("story", index, [Run(text)]))
        t = time.perf_counter()
        engine.layout_page(ed, page)
        edits.append(time.perf_counter() - t)

    print(f"story: {STORY.name}, {words} words, {len(paragraphs)} paragraphs")
    print(f"layout, paragraph cache cold (word cache warm): {median_ms(cold_para):6.1f} ms")
    print(f"layout, every cache cold (hyphenation too):     {median_ms(cold_all):6.1f} ms")
    print(f"re-layout after a one-word edit:                {median_ms(edits):6.2f} ms")
    print()
    variants = (("knuth-plass", None), ("first-fit", BreakParams(mode="first_fit")))
    for label, params in variants:
        ed2, _ = reference_page(body_paragraphs(manuscript))
        eng = LayoutEngine(Composer(params=params))
        q = quality_report("story", eng.layout_story(ed2, "story").flow)
        print(
            f"{label:<12} lines {q.lines:4d}  r mean {q.ratio_mean:5.2f}  r max {q.ratio_max:5.2f}"
            f"  r>1 {q.lines_ratio_above_1:3d}  r>2 {q.lines_ratio_above_2:3d}"
            f"  word-space r>2 {q.lines_word_ratio_above_2:3d}  hyphens {q.hyphenated_lines:3d}"
            f"  run {q.longest_hyphen_run}  widows {q.widows}  orphans {q.orphans}"
            f"  overfull {q.overfull_lines}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
