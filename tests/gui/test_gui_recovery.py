"""Autosave and crash recovery: copies while editing, a real app killed and started again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gui_helpers import make_window
from PIL import Image
from qt_samples import sample_edition

from kupang_layout.cli.sample_edition import build_sample_edition
from kupang_layout.gui.shell.recovery import RECOVERY_FILE, find_orphans, recovery_root
from kupang_layout.model import Paragraph, SetParagraphText, SetStoryParagraphs
from kupang_layout.storage import edition_to_json, load_edition, save_edition

REPO = Path(__file__).resolve().parents[2]


def _copies() -> list[Path]:
    root = recovery_root()
    return sorted(root.glob(f"*/{RECOVERY_FILE}")) if root.is_dir() else []


def test_autosave_writes_a_copy_after_a_structural_edit_and_removes_it_when_saved(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=300))
    saver = window.autosave
    assert _copies() == []  # nothing changed, nothing written
    window.ops.add_page()  # structural: a copy soon, without waiting for the interval
    qtbot.waitUntil(lambda: len(_copies()) == 1, timeout=5000)
    saver.wait()
    data = json.loads(_copies()[0].read_text(encoding="utf-8"))
    assert data["document"] == edition_to_json(window.doc.edition)
    assert data["meta"]["origin"] is None
    assert find_orphans() == []  # this app is running: its copy is not offered
    # A text edit is not structural: it waits for the timer (called here directly).
    window.doc.execute(SetParagraphText("s-head", 0, "Judul yang diubah"))
    assert saver.autosave()
    saver.wait()
    data = json.loads(_copies()[0].read_text(encoding="utf-8"))
    assert data["document"] == edition_to_json(window.doc.edition)
    assert not saver.autosave()  # unchanged since the last copy
    # Saved: nothing to recover any more.
    path = tmp_path / "edisi.kpl"
    save_edition(window.doc.edition, path)
    window.doc.history.mark_clean()
    window.doc.set_path(path)
    saver.autosave()
    saver.wait()
    assert _copies() == []
    folder = saver.session.folder if saver.session else None
    assert folder is not None and folder.is_dir()
    saver.finish()  # a clean close
    assert not folder.exists()


def test_the_interval_comes_from_the_preferences(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.gui.base.settings import AUTOSAVE_ENV, app_settings

    monkeypatch.delenv(AUTOSAVE_ENV, raising=False)
    window = make_window(qtbot, sample_edition(n_words=100))
    assert window.autosave.timer.interval() == 60_000
    app_settings().set("autosave/seconds", 120)
    assert window.autosave.timer.interval() == 120_000
    monkeypatch.setenv(AUTOSAVE_ENV, "1.5")
    window.autosave.apply_interval()
    assert window.autosave.timer.interval() == 1500


CHILD = Path(__file__).resolve().parents[1] / "app_child.py"  # the real app, driven


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "KUPANG_LAYOUT_AUTOSAVE_SECONDS": "1",
            "KUPANG_LAYOUT_LANG": "id",
        }
    )
    return env


def _wait_for(condition, timeout: float, proc: subprocess.Popen[bytes]) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise AssertionError(f"the app ended early ({proc.returncode}): {out}")
        time.sleep(0.1)
    raise AssertionError("timed out")


def _recovery_matches(root: Path, expected: Path) -> bool:
    if not expected.is_file():
        return False
    want = json.loads(expected.read_text(encoding="utf-8"))
    for copy in root.glob(f"*/{RECOVERY_FILE}"):
        try:
            got = json.loads(copy.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if got["document"] == want:
            return True
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_an_app_killed_after_edits_is_recovered_at_the_next_start(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = tmp_path / "out"
    out.mkdir()
    original = tmp_path / "edisi.kpl"
    save_edition(build_sample_edition().edition, original)
    before = original.read_bytes()
    photo = tmp_path / "foto-baru.jpg"
    Image.new("RGB", (1200, 800), (40, 90, 160)).save(photo, quality=90)
    root = home / "data" / "kupang-layout" / "recovery"

    app = subprocess.Popen(
        [sys.executable, str(CHILD), "edit", str(out), str(photo), str(original)],
        env=_env(home),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(lambda: _recovery_matches(root, out / "expected.json"), 90, app)
    finally:
        app.send_signal(signal.SIGKILL)  # a crash: no clean close
        app.wait(30)
    assert original.read_bytes() == before  # the user's file is never touched
    expected = json.loads((out / "expected.json").read_text(encoding="utf-8"))

    again = subprocess.run(
        [sys.executable, str(CHILD), "recover", str(out)],
        env=_env(home),
        cwd=REPO,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert again.returncode == 0, again.stdout.decode() + again.stderr.decode()
    question = (out / "question.txt").read_text(encoding="utf-8")
    assert str(original) in question  # which file, and when the copy was made
    assert time.strftime("%Y") in question
    recovered = json.loads((out / "recovered.json").read_text(encoding="utf-8"))
    assert recovered["document"] == expected
    assert recovered["path"] == str(original)
    assert recovered["modified"] is True
    # The picture placed after the last save came back with its bytes.
    back = load_edition(out / "recovered.kpl")
    assert edition_to_json(back) == edition_to_json(back)  # loads cleanly
    new_asset = next(a for a in back.assets.values() if a.name == "foto-baru.jpg")
    assert back.asset_source.read(new_asset.sha256) == photo.read_bytes()
    for asset in back.assets.values():
        assert back.asset_source.has(asset.sha256)
    assert original.read_bytes() == before
    assert list(root.iterdir()) == []  # the clean close removed the copy


def test_a_damaged_copy_is_set_aside_not_offered_forever(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.gui.shell import autosave

    folder = recovery_root() / "20240101-000000-1-abcdef"
    folder.mkdir(parents=True)
    (folder / RECOVERY_FILE).write_text('{"meta": {}, "document": {"format": "x"}}', "utf-8")
    orphans = find_orphans()
    assert [o.folder for o in orphans] == [folder]
    window = make_window(qtbot, sample_edition(n_words=100))
    shown: list[str] = []
    monkeypatch.setattr(autosave.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert not autosave.recover_orphan(window, orphans[0])
    assert shown and RECOVERY_FILE in shown[0]
    assert find_orphans() == []
    assert not folder.exists() and folder.with_name(folder.name + ".damaged").is_dir()
    assert len(window.doc.edition.pages) == 1  # the open edition is untouched
    window.doc.execute(SetStoryParagraphs("s-body", [Paragraph.plain("Body", "x")]))
