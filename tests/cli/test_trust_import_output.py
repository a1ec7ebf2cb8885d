"""Importing into an edition that cannot be written (H6) or onto something that is not a
file (H15): exit 2 with a message naming the file, the old edition intact, nothing
replaced. The real command line in a subprocess, on real mounts where root can make them."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from trust_files_helpers import cli, small_edition

REPO = Path(__file__).resolve().parents[2]
MANUSCRIPT = REPO / "tests" / "manuscripts" / "07_quotes.txt"


@contextlib.contextmanager
def read_only_tmpfs(folder: Path, edition_name: str) -> Iterator[Path]:
    """A tmpfs holding an edition, then remounted read-only (root only), or skip."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()}")
    try:
        small_edition(folder / edition_name)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder / edition_name
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_import_in_place_on_a_read_only_file_system(tmp_path: Path) -> None:
    with read_only_tmpfs(tmp_path / "ro", "E.kpl") as edition:
        before = edition.read_bytes()
        run = cli(
            "import", str(MANUSCRIPT), "--template", "berita-satu",
            "--edition", str(edition), "-o", str(edition), "--page", "2",
        )  # fmt: skip
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        assert str(edition) in run.stderr
        assert "hanya-baca" in run.stderr or "hanya baca" in run.stderr
        assert edition.read_bytes() == before
        assert sorted(p.name for p in edition.parent.iterdir()) == ["E.kpl"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_import_onto_a_device_node_is_refused_and_the_device_left_alone(tmp_path: Path) -> None:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    device = tmp_path / "E.kpl"
    os.mknod(device, 0o666 | 0o020000, os.makedev(1, 3))  # a character device like /dev/null
    run = cli("import", str(MANUSCRIPT), "--template", "berita-satu", "-o", str(device))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert str(device) in run.stderr
    assert device.is_char_device()


def test_import_onto_a_fifo_is_refused(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("no fifos here")
    fifo = tmp_path / "E.kpl"
    os.mkfifo(fifo)
    run = cli("import", str(MANUSCRIPT), "--template", "berita-satu", "-o", str(fifo))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert str(fifo) in run.stderr
    assert fifo.is_fifo()
