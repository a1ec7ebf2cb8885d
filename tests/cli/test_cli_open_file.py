"""`kupang-layout FILE.kpl` (a double-click on an edition file) and `kupang-layout FOLDER`
(a shared edition) open the app on it; the app opens a folder as a shared edition."""

from __future__ import annotations

from pathlib import Path

import pytest

from kupang_layout.cli.main import main
from kupang_layout.model import Edition
from kupang_layout.storage import save_edition
from kupang_layout.storage.edition_folder import create_shared_edition


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    seen: list[str | None] = []
    import kupang_layout.gui.shell.app as app

    monkeypatch.setattr(app, "run", lambda path=None, lang=None: seen.append(path) or 0)
    return seen


def test_a_kpl_as_the_only_argument_opens_the_app_on_it(
    tmp_path: Path, opened: list[str | None]
) -> None:
    path = tmp_path / "KupangTimes_537.kpl"
    save_edition(Edition(number="537"), path)
    assert main([str(path)]) == 0
    assert opened == [str(path)]


def test_a_shared_edition_folder_opens_the_app_on_it(
    tmp_path: Path, opened: list[str | None]
) -> None:
    folder = tmp_path / "KT537"
    create_shared_edition(folder, number="537")
    assert main([str(folder)]) == 0
    assert opened == [str(folder)]


def test_other_single_arguments_stay_commands(tmp_path: Path, opened: list[str | None]) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing.kpl")])  # not a file: argparse says so
    assert opened == []


def test_the_app_opens_a_folder_as_a_shared_edition(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kupang_layout.gui.shell.app import open_window

    folder = tmp_path / "KT537"
    create_shared_edition(folder, number="537")
    window = open_window(folder, "id")
    qtbot.addWidget(window)
    assert window.shared.shared is not None
    assert window.shared.shared.folder == folder
    assert window.shared.dock.isVisibleTo(window)
