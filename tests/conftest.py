"""Test set-up: Qt offscreen, the repository paths, the plant's intake check."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: no time limit per example (shared, noisy machines); on CI (CI=true) the
# examples are derived from each test's name, so a run there is reproducible, while runs
# on a developer's machine keep drawing new ones.
settings.register_profile(
    "dev", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("dev"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KUPANG_LAYOUT_LANG", "id")

REPO = Path(__file__).resolve().parent.parent


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test old code: a compiled engine module older than its source."""
    from kupang_layout.engine.native import stale_modules

    stale = stale_modules()
    if stale:
        pytest.exit(
            "compiled engine modules are older than their sources: "
            + ", ".join(stale)
            + " (run `make setup` to compile them again)",
            returncode=2,
        )


INTAKE_CHECK = (REPO / ".." / "shared" / "printer" / "intake_check.py").resolve()


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep user data (templates, autosave, caches) out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


def intake_check_available() -> bool:
    return INTAKE_CHECK.is_file() and bool(shutil.which("gs")) and bool(shutil.which("pdfimages"))


def assert_intake_accepts(pdfs: Iterable[str | Path]) -> None:
    """The plant's intake check accepts every one of `pdfs` (skips the test where the
    check or its tools are not here)."""
    if not intake_check_available():
        pytest.skip("the plant's intake check or its tools are not here")
    check = subprocess.run(
        [sys.executable, str(INTAKE_CHECK), "--json", *map(str, pdfs)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def intake_result(path: Path) -> dict[str, object]:
    """The plant's intake check's verdict on one PDF (its JSON line), accepted or not."""
    run = subprocess.run(
        [sys.executable, str(INTAKE_CHECK), "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    result = json.loads(run.stdout.splitlines()[0])
    assert isinstance(result, dict)
    return result


@pytest.fixture(autouse=True)
def _empty_clipboard() -> Iterator[None]:
    """Empty the system clipboard after each test while the application lives.

    Under Qt's offscreen platform (the tests'), mime data left on the clipboard makes
    the process end with a segmentation fault at exit even though every test passed
    (PySide6 6.11; under X11 it does not). Only where a test has made the app."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.clipboard().clear()
