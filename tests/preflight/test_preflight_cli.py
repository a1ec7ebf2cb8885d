"""`kupang-layout preflight`: table and JSON, language, exit codes, --pdf, and exported pages."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import intake_check_available, intake_result
from preflight_helpers import BODY_TEXT, add_image, clean_edition, jpeg_bytes

import kupang_layout.i18n as i18n
from kupang_layout.cli.main import main
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model import Edition, Paragraph
from kupang_layout.preflight import check_pdf, run_preflight
from kupang_layout.preflight.messages import HINTS, MESSAGES
from kupang_layout.storage import save_edition


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    saved = i18n._current
    yield
    i18n._current = saved


def _save(ed: Edition, path: Path) -> Path:
    save_edition(ed, path)
    return path


def _overset(ed: Edition) -> Edition:
    ed.stories["b"].paragraphs = [Paragraph.plain("Body", BODY_TEXT)] * 60
    return ed


def test_clean_edition_exits_0_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _save(clean_edition(), tmp_path / "bersih.kpl")
    assert main(["preflight", str(path)]) == 0
    assert "Tidak ada masalah." in capsys.readouterr().out


def test_errors_exit_1_with_a_table_in_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _save(_overset(clean_edition()), tmp_path / "melimpah.kpl")
    assert main(["preflight", str(path)]) == 1
    out = capsys.readouterr().out
    assert "GALAT" in out and "Teks melimpah" in out and "isi berita" in out
    assert "saran:" in out
    assert "1 galat, 0 peringatan, 0 info." in out


def test_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(_overset(clean_edition()), tmp_path / "melimpah.kpl")
    assert main(["--lang", "en", "preflight", str(path)]) == 1
    out = capsys.readouterr().out
    assert "ERROR" in out and "Overset text" in out and "body text" in out


def test_warnings_alone_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ed = clean_edition()
    ed.stories["c"].paragraphs = []
    path = _save(ed, tmp_path / "kosong.kpl")
    assert main(["preflight", str(path)]) == 0
    assert "PERINGATAN" in capsys.readouterr().out


def test_json_is_the_list_of_issues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ed = _overset(clean_edition())
    path = _save(ed, tmp_path / "melimpah.kpl")
    assert main(["--lang", "en", "preflight", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    expected = run_preflight(ed, LayoutEngine())
    assert [d["rule"] for d in data] == [i.rule for i in expected] == ["overset"]
    assert data[0]["page"] == 1 and data[0]["frame_id"] == "body" and data[0]["role"] == "body"
    assert data[0]["message"] == expected[0].message("en")
    assert data[0]["params"] == expected[0].params


def test_unreadable_edition_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "rusak.kpl"
    bad.write_bytes(b"not a zip")
    assert main(["preflight", str(bad)]) == 2
    assert main(["preflight", str(tmp_path / "tidak-ada.kpl")]) == 2
    err = capsys.readouterr().err
    assert "rusak.kpl" in err and "Traceback" not in err


def test_missing_pdf_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(clean_edition(), tmp_path / "bersih.kpl")
    assert main(["preflight", str(path), "--pdf", str(tmp_path / "tidak-ada")]) == 2
    assert "tidak-ada" in capsys.readouterr().err


def test_cli_runs_as_a_program(tmp_path: Path) -> None:
    path = _save(_overset(clean_edition()), tmp_path / "melimpah.kpl")
    run = subprocess.run(
        [sys.executable, "-m", "kupang_layout", "preflight", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)[0]["rule"] == "overset"


def test_every_message_exists_in_both_languages_with_the_same_fields() -> None:
    import string

    for catalogue in (MESSAGES, HINTS):
        for key, entry in catalogue.items():
            assert set(entry) == {"id", "en"}, key
            fields = [
                {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
                for lang in ("id", "en")
            ]
            assert fields[0] == fields[1], key
    assert set(HINTS) <= set(MESSAGES)


def test_rules_used_in_the_code_have_messages() -> None:
    import re

    root = Path(__file__).resolve().parents[2] / "kupang_layout" / "preflight"
    used: set[str] = set()
    for f in root.glob("*.py"):
        text = f.read_text(encoding="utf-8")
        used |= set(re.findall(r'"((?:pdf-)?[a-z]+(?:-[a-z0-9]+)+)"', text))
    used -= {"utf-8"}
    missing = {u for u in used if u not in MESSAGES and not u.startswith("kupang")}
    assert missing == set()


# -- exported pages (when the PDF exporter is present) -----------------------------------------


def _exporter():  # type: ignore[no-untyped-def]
    return pytest.importorskip("kupang_layout.render.pdf.exporter")


def _export(ed: Edition, folder: Path) -> Path:
    exporter = _exporter()
    presets = pytest.importorskip("kupang_layout.render.pdf.presets")
    preset = presets.get_preset(None)
    page = ed.pages[0]
    dl = LayoutEngine().layout_page(ed, page)
    path = folder / exporter.page_filename(ed, preset, page.number)
    exporter.render_page_pdf(dl, ed, preset, path)
    return path


def test_exported_clean_page_has_no_pdf_error(tmp_path: Path) -> None:
    pdf = _export(clean_edition(), tmp_path / "out")
    issues = check_pdf(pdf)
    assert [i for i in issues if i.severity == "error"] == []


def test_cli_checks_the_export_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ed = clean_edition()
    out = tmp_path / "out"
    _export(ed, out)
    path = _save(ed, tmp_path / "bersih.kpl")
    assert main(["preflight", str(path), "--pdf", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_low_resolution_photo_is_refused_by_the_document_rules_the_pdf_rules_and_the_plant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ed = clean_edition()
    asset = add_image(ed, jpeg_bytes((400, 267), dpi=72), "kecil.jpg")
    photo = ed.pages[0].frames[2]
    assert photo.id == "photo"
    photo.asset = asset.sha256  # type: ignore[union-attr]
    assert [i.rule for i in run_preflight(ed)] == ["image-ppi-low"]
    out = tmp_path / "out"
    pdf = _export(ed, out)
    assert {i.rule for i in check_pdf(pdf) if i.severity == "error"} == {"pdf-image-ppi-low"}
    path = _save(ed, tmp_path / "kecil.kpl")
    assert main(["preflight", str(path), "--pdf", str(out), "--json"]) == 1
    rules = sorted(d["rule"] for d in json.loads(capsys.readouterr().out))
    assert rules == ["image-ppi-low", "pdf-image-ppi-low"]
    if intake_check_available():
        assert intake_result(pdf)["accepted"] is False
