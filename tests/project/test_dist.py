"""The PyInstaller bundle: it builds from build.spec, carries its resources, and the frozen
program builds and exports the sample edition (spawned export workers included)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest
from conftest import INTAKE_CHECK, REPO, intake_check_available
from PIL import Image

# The bundle is built by `make dist` before these run; a slow machine may take a while.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e .[dist])")

EXE_NAME = "kupang-layout.exe" if sys.platform == "win32" else "kupang-layout"
RESOURCE_DIRS = ("fonts", "templates", "icc", "presets", "samples", "hyphenation", "i18n")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the one-folder bundle from build.spec into a temporary folder."""
    root = tmp_path_factory.mktemp("pyinstaller")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(root / "dist"),
            "--workpath",
            str(root / "build"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    folder = root / "dist" / "kupang-layout"
    assert (folder / EXE_NAME).is_file()
    return folder


def _env(tmp_path: Path, platform: str = "offscreen") -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = platform
    env["KUPANG_LAYOUT_LANG"] = "en"
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


def _frozen(
    bundle: Path, tmp_path: Path, *args: str, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    # Run from a folder outside the repository: nothing may come from the source tree.
    return subprocess.run(
        [str(bundle / EXE_NAME), *args],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _internal(bundle: Path) -> Path:
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def test_bundle_carries_resources_and_leaves_out_unused_qt(bundle: Path) -> None:
    inner = _internal(bundle)
    for name in RESOURCE_DIRS:
        folder = inner / "resources" / name
        assert folder.is_dir() and any(folder.iterdir()), f"resources/{name} missing"
    assert sorted(p.name for p in (inner / "resources" / "fonts").glob("*.ttf")) == sorted(
        p.name for p in (REPO / "resources" / "fonts").glob("*.ttf")
    )
    assert [p.name for p in (inner / "pyphen" / "dictionaries").iterdir()] == ["hyph_id_ID.dic"]
    from PyInstaller.utils.hooks.qt import pyside6_library_info

    qt = inner / pyside6_library_info.qt_rel_dir
    plugins = {p.parent.name + "/" + p.name for p in (qt / "plugins").glob("*/*")}
    if sys.platform.startswith("linux"):
        assert {"platforms/libqoffscreen.so", "platforms/libqxcb.so"} <= plugins
    for dropped in ("imageformats", "iconengines", "platformthemes", "xcbglintegrations"):
        assert not any(p.startswith(dropped + "/") for p in plugins), dropped
    assert not (qt / "translations").exists()
    names = {p.name for p in inner.rglob("*")}
    for lib in ("Qt6Network", "Qt6Svg", "Qt6OpenGL", "Qt6Qml", "Qt6Quick", "WebEngine", "lxml"):
        assert not any(lib in n for n in names), lib
    assert not [p for p in inner.rglob("*") if p.is_symlink() and not p.exists()]


def test_the_bundle_runs_the_engine_the_source_tree_runs(bundle: Path, tmp_path: Path) -> None:
    # Compiled engine modules (setup.py, mypyc) are imported from C; the spec must
    # still carry them, and the frozen program must load them, not fall back.
    from kupang_layout.engine.native import describe

    run = _frozen(bundle, tmp_path, "--version")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith(f"({describe()})")


def test_frozen_demo_exports_three_print_ready_pages(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _frozen(bundle, tmp_path, "demo", "--out", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    pdfs = sorted(out.glob("*.pdf"))
    assert [p.name for p in pdfs] == [f"KupangTimes_612_0{n}.pdf" for n in (1, 2, 3)]
    pages = 0
    for pdf in pdfs:
        with pikepdf.open(pdf) as doc:
            pages += len(doc.pages)
            assert doc.pdf_version == "1.3"
            assert "/OutputIntents" in doc.Root
    assert pages == 3
    if shutil.which("pdffonts"):
        for pdf in pdfs:
            table = subprocess.run(
                ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()[2:]
            assert table, f"{pdf.name}: no fonts listed"
            for row in table:
                # name type encoding emb sub uni object-id gen: emb is the 4th from the end
                assert row.split()[-5] == "yes", f"{pdf.name}: not embedded: {row}"
    if intake_check_available():
        check = subprocess.run(
            [sys.executable, str(INTAKE_CHECK), "--json", *map(str, pdfs)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert check.returncode == 0, check.stdout + check.stderr
        for line in check.stdout.splitlines():
            result = json.loads(line)
            assert result["accepted"] is True, result
            assert result["errors"] == [] and result["warnings"] == [], result


def test_frozen_export_and_render(bundle: Path, tmp_path: Path) -> None:
    """Export runs its pages in spawned worker processes (when there is more than one
    core); the Qt raster renderer draws a page with the bundled fonts."""
    demo = _frozen(bundle, tmp_path, "demo", "--out", str(tmp_path / "demo"))
    assert demo.returncode == 0, demo.stderr
    kpl = tmp_path / "demo" / "sample.kpl"
    out = tmp_path / "export"
    run = _frozen(bundle, tmp_path, "export", str(kpl), "--out", str(out), "--combined")
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(list(out.glob("KupangTimes_612_0?.pdf"))) == 3
    with pikepdf.open(next(out.glob("*_proof.pdf"))) as proof:
        assert len(proof.pages) == 3
    png = tmp_path / "page1.png"
    run = _frozen(bundle, tmp_path, "render", str(kpl), "--page", "1", "--png", str(png))
    assert run.returncode == 0, run.stdout + run.stderr
    with Image.open(png) as image:
        assert image.width > 500 and image.height > 500
        lo, hi = image.convert("L").getextrema()
        assert isinstance(lo, int) and isinstance(hi, int)
        assert hi - lo > 200  # ink on paper, not a blank canvas


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("xvfb-run") is None,
    reason="needs Linux and xvfb-run",
)
def test_frozen_gui_starts_on_x11(bundle: Path, tmp_path: Path) -> None:
    """The desktop app opens a window through the bundled xcb platform plugin."""
    demo = _frozen(bundle, tmp_path, "demo", "--out", str(tmp_path / "demo"))
    assert demo.returncode == 0, demo.stderr
    env = _env(tmp_path, "xcb")
    env["QT_DEBUG_PLUGINS"] = "1"
    log = tmp_path / "gui.log"
    with log.open("w") as handle:
        proc = subprocess.Popen(
            [
                "xvfb-run",
                "-a",
                str(bundle / EXE_NAME),
                "gui",
                str(tmp_path / "demo" / "sample.kpl"),
            ],
            cwd=tmp_path,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 60
            text = ""
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.5)
                text = log.read_text(errors="replace")
                if "libqxcb" in text and "loaded library" in text:
                    time.sleep(3)  # the window is built after the plugin loads
                    break
            assert proc.poll() is None, log.read_text(errors="replace")[-4000:]
        finally:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert 'platforms/libqxcb.so" loaded library' in text, text[-4000:]
    assert "Could not load the Qt platform plugin" not in text
