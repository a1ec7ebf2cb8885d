"""Benchmark: whole-process `kupang-layout export` of the demo edition, and its ratio
to exporting the same pages one process per page (wall clock, median of runs)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 3


def cli(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "kupang_layout", *args],
        check=True,
        capture_output=True,
    )


def timed(fn: object) -> float:
    samples = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cli("demo", "--out", str(work / "demo"))
        kpl = work / "demo" / "sample.kpl"
        pages = 3

        def whole() -> None:
            cli("export", str(kpl), "--out", str(work / "whole"))

        def per_page() -> None:
            for n in range(1, pages + 1):
                cli("export", str(kpl), "--out", str(work / "each"), "--pages", str(n))

        t_whole = timed(whole)
        t_each = timed(per_page)
    print(f"export of the {pages}-page demo edition, one process: {t_whole:6.2f} s")
    print(f"the same pages, one process per page:          {t_each:6.2f} s")
    print(f"ratio (one process / one per page):            {t_whole / t_each:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
