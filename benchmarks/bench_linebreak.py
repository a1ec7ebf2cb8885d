"""Benchmark: Knuth-Plass line breaking of a synthetic 150-word paragraph at 48 mm."""

from __future__ import annotations

import random
import statistics
import sys
import time

from kupang_layout.engine.linebreak import BreakParams, BreakResult, break_lines
from kupang_layout.engine.linebreak_items import Box, Glue, Item, Penalty, paragraph_end

PT_PER_CHAR = 4.5
EM = 9.0
MM = 72.0 / 25.4
WIDTH = 48 * MM


def paragraph(words: int, seed: int = 1) -> list[Item]:
    """Justified items: words of 2..12 letters, a hyphenation point every 3+ letters."""
    rng = random.Random(seed)
    items: list[Item] = [Box(EM)]  # paragraph indent
    for k in range(words):
        if k:
            items.append(Glue(2.5, 1.5, 0.8, ref=k))
        length = rng.choice((2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12))
        cuts = list(range(3, length - 2, 3)) if length >= 6 else []
        last = 0
        for cut in [*cuts, length]:
            chars = cut - last
            items.append(Box(chars * PT_PER_CHAR, chars * 0.02 * EM, chars * 0.01 * EM, ref=k))
            if cut != length:
                items.append(Penalty(3.0, 50.0, True, ref=k))
            last = cut
    items.extend(paragraph_end())
    return items


def _median_ms(items: list[Item], params: BreakParams, runs: int) -> tuple[float, BreakResult]:
    result = break_lines(items, [WIDTH], params)
    timings: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        break_lines(items, [WIDTH], params)
        timings.append(time.perf_counter() - t0)
    return statistics.median(timings) * 1000, result


def main(runs: int = 200) -> int:
    items = paragraph(150)
    print(f"150 words, {len(items)} items, width {WIDTH:.1f} pt (48 mm), {runs} runs each")
    cases = [
        ("optimal, defaults", BreakParams()),
        ("optimal, emergency_stretch 1 em", BreakParams(emergency_stretch=EM)),
        ("optimal, tolerance 400", BreakParams(tolerance=400)),
        ("first_fit", BreakParams(mode="first_fit")),
    ]
    for name, params in cases:
        ms, result = _median_ms(items, params, runs)
        print(
            f"{name:34s} median {ms:6.2f} ms  ({len(result.lines)} lines, pass "
            f"{result.passes}, {result.hyphenated_lines} hyphenated, "
            f"{result.overfull} overfull)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
