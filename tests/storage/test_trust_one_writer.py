"""One writer per edition at a time (issue 11, H14): the command line's import holds the
edition's lock for its read-modify-write, and a save that would overwrite a change it has
not seen is refused (nothing written; the command line keeps the work aside)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from kupang_layout.cli.main import main
from kupang_layout.editing.page_ops import build_edition
from kupang_layout.storage import (
    ConcurrentChangeError,
    TemplateLibrary,
    load_edition,
    read_revision,
    save_edition,
    seen_revision,
)

REPO = Path(__file__).resolve().parents[2]
IMPORTS_PER_PROCESS = 20


def _new_edition(path: Path) -> None:
    edition = build_edition(
        "Kupang Times", "612", "2024-10-14", [TemplateLibrary().get("berita-satu")]
    )
    save_edition(edition, path)


def _headlines(path: Path) -> list[str]:
    edition = load_edition(path)
    out = []
    for page in edition.pages:
        for f in page.frames:
            if getattr(f, "role", None) == "headline" and f.slot == "main":
                out.append(edition.stories[f.story_id].text)  # type: ignore[attr-defined]
    return out


def test_a_stale_save_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "E.kpl"
    _new_edition(path)
    mine, theirs = load_edition(path), load_edition(path)
    assert seen_revision(mine, path) == read_revision(path)
    theirs.number = "613"
    save_edition(theirs, path)
    before = path.read_bytes()
    mine.number = "999"
    with pytest.raises(ConcurrentChangeError) as exc:
        save_edition(mine, path)
    assert exc.value.file == str(path.resolve())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["E.kpl", "E.kpl.bak"]
    assert load_edition(path).number == "613"
    save_edition(mine, path, overwrite_changes=True)  # the desk chose to overwrite
    assert load_edition(path).number == "999"
    save_edition(theirs, tmp_path / "lain.kpl")  # Save As elsewhere is never refused


_STALE_CHILD = textwrap.dedent(
    """
    import sys
    from kupang_layout.storage import ConcurrentChangeError, load_edition, save_edition
    edition = load_edition(sys.argv[1])
    print("loaded", flush=True)
    sys.stdin.readline()
    edition.number = "dari-proses-lain"
    try:
        save_edition(edition, sys.argv[1])
    except ConcurrentChangeError:
        print("refused", flush=True)
    else:
        print("saved", flush=True)
    """
)


def test_a_stale_save_from_another_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "E.kpl"
    _new_edition(path)
    child = subprocess.Popen(
        [sys.executable, "-c", _STALE_CHILD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == "loaded"
    edition = load_edition(path)
    edition.number = "dari-sini"
    save_edition(edition, path)
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "refused"
    assert child.wait() == 0
    assert load_edition(path).number == "dari-sini"


def test_cli_import_refused_by_a_change_it_did_not_see_keeps_the_work_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "E.kpl"
    _new_edition(path)
    from kupang_layout.cli import open_edition

    real_load = open_edition.load_edition

    def load_then_someone_else_saves(p: str):  # type: ignore[no-untyped-def]
        edition = real_load(p)
        other = real_load(p)  # a writer that does not take the lock (another computer)
        other.number = "613"
        save_edition(other, p)
        return edition

    monkeypatch.setattr(open_edition, "load_edition", load_then_someone_else_saves)
    manuscript = REPO / "tests" / "manuscripts" / "07_quotes.txt"
    code = main(
        [
            *("import", str(manuscript), "--template", "berita-satu"),
            *("--edition", str(path), "-o", str(path), "--page", "2"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "diubah oleh program lain" in err and str(path.resolve()) in err
    conflicts = sorted(tmp_path.glob("E.conflict-*.kpl"))
    assert len(conflicts) == 1 and conflicts[0].name in err
    assert load_edition(path).number == "613" and len(load_edition(path).pages) == 1
    kept = load_edition(conflicts[0])
    assert len(kept.pages) == 2  # the import's work, kept aside


_WORKER = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from pathlib import Path
    from kupang_layout.cli.main import main
    edition, folder, tag, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    results = []
    for i in range(count):
        headline = f"Impor {tag}-{i}"
        manuscript = folder / f"naskah-{tag}-{i}.txt"
        manuscript.write_text(
            f"Judul: {headline}\\n\\nKUPANG, KUPANG TIMES - Berita {tag} nomor {i}.\\n"
            "Paragraf isi.\\n",
            encoding="utf-8",
        )
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["import", str(manuscript), "--template", "berita-satu",
                         "--edition", edition, "-o", edition])
        results.append({"headline": headline, "code": code, "stderr": err.getvalue()})
    print(json.dumps(results))
    """
)


def test_two_processes_importing_twenty_times_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "E.kpl"
    _new_edition(path)
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _WORKER,
                str(path),
                str(tmp_path),
                tag,
                str(IMPORTS_PER_PROCESS),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={**os.environ, "KUPANG_LAYOUT_LANG": "id"},
        )
        for tag in ("A", "B")
    ]
    results = []
    for w in workers:
        out, err = w.communicate()
        assert w.returncode == 0, err
        results.extend(json.loads(out))
    assert len(results) == 2 * IMPORTS_PER_PROCESS
    landed = {r["headline"] for r in results if r["code"] == 0}
    refused = [r for r in results if r["code"] != 0]
    for r in refused:  # a refusal says so, in Indonesian, and names the edition
        assert r["code"] == 2 and str(path.resolve()) in r["stderr"], r
        assert "program lain" in r["stderr"], r
    on_file = _headlines(path)
    assert set(on_file) - {""} == landed  # every import that said "saved" is in the file
    assert len(on_file) == 1 + len(landed)
    assert len(landed) + len(refused) == 2 * IMPORTS_PER_PROCESS
    print(f"\n{len(landed)} imports landed, {len(refused)} refused")
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
