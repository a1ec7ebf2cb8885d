"""The compiled engine (mypyc, setup.py) lays out exactly what the pure-Python engine does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from kupang_layout.engine.native import COMPILED_ELSEWHERE, compiled_modules, stale_modules

REPO = Path(__file__).resolve().parents[2]

# Lays out every page of the sample edition and a 4-column page of the long story (the
# speed benchmark's setting) and prints a digest of each display list, every number to
# the last bit.
PROGRAM = r"""
import dataclasses, hashlib, json, re, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import kupang_layout.engine.native as native
from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.engine.layout import LayoutEngine
import bench_vs_platypus as bench

ids = {}

def canon(o):
    # Numbers by their exact bits (an int and the equal float alike); frame and story
    # ids (random per build) by their order of appearance.
    if isinstance(o, bool) or o is None:
        return o
    if isinstance(o, (int, float)):
        return float(o).hex()
    if isinstance(o, str):
        if re.fullmatch(r"[fs]-[0-9a-f]{12}", o):
            return ids.setdefault(o, f"id{len(ids)}")
        return o
    if isinstance(o, (tuple, list)):
        fields = getattr(o, "_fields", None)
        if fields:
            return [type(o).__name__, {k: canon(getattr(o, k)) for k in fields}]
        return [canon(x) for x in o]
    fields = {f.name: canon(getattr(o, f.name)) for f in dataclasses.fields(o)}
    return [type(o).__name__, fields]

def digest(dl):
    return hashlib.sha256(json.dumps(canon(dl.items)).encode()).hexdigest()

print(native.describe())
edition = build_sample_edition().edition
engine = LayoutEngine()
for page in edition.pages:
    ids.clear()
    print(page.number, digest(engine.layout_page(edition, page)))
paragraphs = bench.story_paragraphs()
ed, page = bench.our_page(paragraphs, bench.depth_for(paragraphs))
print("story", digest(LayoutEngine().layout_page(ed, page)))
"""


def _run(source_root: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(source_root), str(REPO / "benchmarks")],
        capture_output=True,
        text=True,
        env=env,
        cwd=source_root,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def test_compiled_and_pure_python_engines_give_the_same_display_lists(tmp_path: Path) -> None:
    pure = tmp_path / "pure"
    shutil.copytree(
        REPO / "kupang_layout",
        pure / "kupang_layout",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"),
    )
    (pure / "resources").symlink_to(REPO / "resources")
    here = _run(REPO)
    there = _run(pure)
    assert there[0] == "engine: pure Python"
    assert here[0].startswith("engine:")
    assert len(here) == len(there) == 5
    assert here[1:] == there[1:]


def test_no_compiled_module_is_older_than_its_source() -> None:
    assert stale_modules() == []
    # What is compiled is what setup.py lists (or nothing, without a compiler).
    listed = {
        Path(line.strip().strip('",')).stem
        for line in (REPO / "setup.py").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith('"kupang_layout/engine/')
    }
    assert set(compiled_modules()) in (set(), listed)


def test_the_stale_check_knows_every_module_compiled_outside_the_engine() -> None:
    lines = (REPO / "setup.py").read_text(encoding="utf-8").splitlines()
    elsewhere = {
        line.strip().strip('",').removeprefix("kupang_layout/")
        for line in lines
        if line.strip().startswith('"kupang_layout/') and "/engine/" not in line
    }
    assert elsewhere == set(COMPILED_ELSEWHERE)
