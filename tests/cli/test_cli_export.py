"""`kupang-layout export` and `preflight` on the sample edition, read back and checked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import assert_intake_accepts

from kupang_layout.jobs.export_manifest import load_manifest
from kupang_layout.jobs.export_types import ink_text
from kupang_layout.jobs.pages import parse_pages
from kupang_layout.manuscript.apply import PLACEHOLDER_HEADLINE
from kupang_layout.model import History, Paragraph, SetStoryParagraphs
from kupang_layout.storage import load_edition, save_edition


def cli(
    *args: str, cwd: Path | None = None, lang: str | None = "en"
) -> subprocess.CompletedProcess[str]:
    language = ["--lang", lang] if lang else []  # None: the default language
    return subprocess.run(
        [sys.executable, "-m", "kupang_layout", *language, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    r = cli("demo", "--out", str(out))
    assert r.returncode == 0, r.stderr
    return out / "sample.kpl"


def test_parse_pages() -> None:
    assert parse_pages("1,3-5") == [1, 3, 4, 5]
    assert parse_pages("2, 2,1") == [1, 2]
    for bad in ("0", "3-1", "x", "1,,2"):
        with pytest.raises(ValueError):
            parse_pages(bad)


def test_export_selected_pages_pass_the_plants_check(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    r = cli("export", str(sample), "--out", str(out), "--pages", "1,3")
    assert r.returncode == 0, r.stderr
    pdfs = sorted(out.glob("*.pdf"))
    assert [p.name for p in pdfs] == ["KupangTimes_612_01.pdf", "KupangTimes_612_03.pdf"]
    assert "[2/2]" in r.stdout
    assert_intake_accepts(pdfs)


def printed_ink(out: Path, stdout: str, lang: str) -> dict[int, str]:
    """Each page's recorded ink verdict, as its line must read; asserts each is printed."""
    lines = {}
    for entry in load_manifest(out).values():
        assert entry.ink is not None
        lines[entry.page] = ink_text(entry.page, entry.ink, lang)
        assert any(line.strip() == lines[entry.page] for line in stdout.splitlines()), stdout
    return lines


def test_export_prints_how_each_pages_ink_was_verified_in_indonesian_by_default(
    sample: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pdf"
    r = cli("export", str(sample), "--out", str(out), "--pages", "1,3", lang=None)
    assert r.returncode == 0, r.stderr
    lines = printed_ink(out, r.stdout, "id")
    assert sorted(lines) == [1, 3]
    assert all(line.startswith(f"halaman {n}: tinta total") for n, line in lines.items())
    # An unchanged page is listed with the verdict recorded when it was exported.
    again = cli("export", str(sample), "--out", str(out), "--pages", "1,3", lang=None)
    assert again.returncode == 0, again.stderr
    assert printed_ink(out, again.stdout, "id") == lines


def test_ink_check_ghostscript_measures_every_page_said_in_english(
    sample: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pdf"
    r = cli("export", str(sample), "--out", str(out), "--pages", "1,2", "--ink-check=ghostscript")
    assert r.returncode == 0, r.stderr
    lines = printed_ink(out, r.stdout, "en")
    assert sorted(lines) == [1, 2]
    for entry in load_manifest(out).values():
        assert entry.ink is not None and entry.ink.way == "ghostscript", entry.ink
        assert "measured by Ghostscript" in lines[entry.page]
    bad = cli("export", str(sample), "--out", str(out), "--ink-check", "always")
    assert bad.returncode == 2 and "--ink-check" in bad.stderr and "Traceback" not in bad.stderr


def test_export_refuses_on_preflight_errors_unless_forced(sample: Path, tmp_path: Path) -> None:
    edition = load_edition(sample)
    page = edition.pages[1]
    headline = next(f for f in page.frames if f.role == "headline")
    History(edition).execute(
        SetStoryParagraphs(headline.story_id, [Paragraph.plain("Headline", PLACEHOLDER_HEADLINE)])  # type: ignore[attr-defined,arg-type]
    )
    broken = tmp_path / "broken.kpl"
    save_edition(edition, broken)
    out = tmp_path / "pdf"
    r = cli("export", str(broken), "--out", str(out), "--pages", "2")
    assert r.returncode == 1
    assert "refused" in r.stderr and not list(out.glob("*.pdf"))
    r = cli("export", str(broken), "--out", str(out), "--pages", "2", "--force")
    assert r.returncode == 0, r.stderr
    report = json.loads((out / "preflight.json").read_text(encoding="utf-8"))
    assert any(i["severity"] == "error" for i in report["document"])
    assert (out / "KupangTimes_612_02.pdf").is_file()


def test_export_bad_page_list_is_usage_error(sample: Path, tmp_path: Path) -> None:
    r = cli("export", str(sample), "--out", str(tmp_path), "--pages", "9")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = cli("export", str(tmp_path / "missing.kpl"), "--out", str(tmp_path))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_typeset_report_prints_every_story(sample: Path) -> None:
    r = cli("typeset-report", str(sample), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    body = [d for d in data if d["story"].startswith("p2 body")]
    assert body and body[0]["lines"] > 100
    assert all(d["longest_hyphen_run"] <= 2 for d in data)
    r = cli("typeset-report", str(sample))
    assert r.returncode == 0 and "copyfit" in r.stdout
