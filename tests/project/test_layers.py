"""The one-way import rule: model and engine load neither Qt nor ReportLab."""

from __future__ import annotations

import subprocess
import sys

import pytest

FORBIDDEN = ("PySide6", "reportlab")


def _modules_after_import(module: str) -> set[str]:
    code = (
        f"import sys, {module}\nprint('\\n'.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(out.split())


@pytest.mark.parametrize(
    "module",
    [
        "kupang_layout.model",
        "kupang_layout.fonts",
        "kupang_layout.storage",
        "kupang_layout.manuscript",
        "kupang_layout.manuscript.apply",
        "kupang_layout.engine",
        "kupang_layout.engine.layout",
        "kupang_layout.engine.report",
        "kupang_layout.engine.trace",
    ],
)
def test_lower_layers_import_no_qt_or_reportlab(module: str) -> None:
    loaded = _modules_after_import(module)
    for name in FORBIDDEN:
        assert name not in loaded, f"{module} pulled in {name}"


@pytest.mark.parametrize("module", ["kupang_layout.preflight", "kupang_layout.render.pdf"])
def test_print_side_imports_no_qt(module: str) -> None:
    assert "PySide6" not in _modules_after_import(module)


def test_qt_renderer_imports_no_reportlab() -> None:
    assert "reportlab" not in _modules_after_import("kupang_layout.render.qt")
