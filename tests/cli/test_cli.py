"""The command line's contract: exit codes, language, no tracebacks."""

from __future__ import annotations

import subprocess
import sys

from kupang_layout import __version__
from kupang_layout.cli.main import main


def run_cli(*args: str, env_lang: str | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_lang:
        env["KUPANG_LAYOUT_LANG"] = env_lang
    return subprocess.run(
        [sys.executable, "-m", "kupang_layout", *args], capture_output=True, text=True, env=env
    )


def test_version() -> None:
    r = run_cli("--version")
    assert r.returncode == 0
    assert __version__ in r.stdout


def test_bad_usage_exits_2_without_traceback() -> None:
    r = run_cli("no-such-command")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr


def test_language_indonesian_by_default_and_english_selectable(capsys) -> None:  # type: ignore[no-untyped-def]
    r = run_cli("--lang", "en", "templates", "show", "no-such-template")
    assert "Traceback" not in r.stderr
    r_id = run_cli("templates", "show", "no-such-template", env_lang="id")
    r_en = run_cli("templates", "show", "no-such-template", env_lang="en")
    assert r_id.stderr != r_en.stderr
    assert r_id.returncode == r_en.returncode == 2


def test_main_returns_int_for_every_subcommand_help() -> None:
    for cmd in (
        "gui",
        "demo",
        "parse",
        "import",
        "export",
        "preflight",
        "render",
        "typeset-report",
        "templates",
    ):
        try:
            main([cmd, "--help"])
        except SystemExit as exc:
            assert exc.code == 0
