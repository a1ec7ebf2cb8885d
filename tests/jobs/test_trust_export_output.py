"""Export that never loses a page, and output folders that cannot be used (H3, H5, H8, H11, H15).

Every case runs the real command line in a subprocess (Indonesian, the default) or the
real `export_edition`, and then looks at the files: what is there, what is not, what
was left alone.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from trust_files_helpers import cli, damage_assets, small_edition

from kupang_layout.jobs import export_plan, export_work
from kupang_layout.jobs.export import export_edition_file as export_edition
from kupang_layout.render.pdf.exporter import PageExportResult

PAGE1 = "KupangTimes_612_01.pdf"
PAGE2 = "KupangTimes_612_02.pdf"


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_edition(tmp_path_factory.mktemp("edisi") / "edisi.kpl")


@contextlib.contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A small tmpfs at `folder` (root only), or skip with the reason."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def no_temporaries(folder: Path) -> None:
    left = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    assert left == [], f"temporary files left in {folder}: {left}"


# -- folders that cannot be used ---------------------------------------------------------
def test_out_naming_a_file(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "bukan-folder"
    out.write_text("isi lama")
    r = cli("export", str(edition), "--out", str(out))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert str(out) in r.stderr and "bukan folder" in r.stderr
    assert out.read_text() == "isi lama"


def test_out_a_folder_that_cannot_be_made(edition: Path) -> None:
    r = cli("export", str(edition), "--out", "/proc/x", "--force")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert "/proc/x" in r.stderr and "tidak dapat dibuat" in r.stderr


def test_force_into_a_read_only_folder(edition: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "size=1m,ro") as out:
        r = cli("export", str(edition), "--out", str(out), "--force")
        assert r.returncode == 2, r.stdout + r.stderr
        assert "Traceback" not in r.stderr
        assert str(out) in r.stderr and "hanya-baca" in r.stderr
        assert list(out.iterdir()) == []


def test_force_into_a_full_folder_keeps_what_was_there(edition: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", "size=200k") as out:
        old_pdf, old_report = b"%PDF-1.3 ekspor kemarin", b'{"kemarin": true}'
        (out / PAGE1).write_bytes(old_pdf)
        (out / "preflight.json").write_bytes(old_report)
        filler = out / "isi"
        with contextlib.suppress(OSError), open(filler, "wb") as stream:
            while True:
                stream.write(b"\0" * 4096)
                stream.flush()
        r = cli("export", str(edition), "--out", str(out), "--force")
        assert r.returncode == 2, r.stdout + r.stderr
        assert "Traceback" not in r.stderr
        assert "disk penuh" in r.stderr and str(out) in r.stderr
        # Nothing half-written: the old files whole, no new empty ones, no temporaries.
        assert (out / PAGE1).read_bytes() == old_pdf
        assert (out / "preflight.json").read_bytes() == old_report
        assert sorted(p.name for p in out.iterdir()) == [PAGE1, "isi", "preflight.json"]
        filler.unlink()
        no_temporaries(out)


# -- links and things that are not files -------------------------------------------------
def test_links_in_the_output_folder_are_replaced_not_written_through(
    edition: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    secret, other = elsewhere / "rahasia.json", elsewhere / "lain.pdf"
    secret.write_text("jangan ditimpa")
    other.write_text("jangan ditimpa juga")
    out = tmp_path / "pdf"
    out.mkdir()
    (out / "preflight.json").symlink_to(secret)
    (out / PAGE1).symlink_to(other)
    r = cli("export", str(edition), "--out", str(out), "--force")
    assert r.returncode == 0, r.stdout + r.stderr
    assert secret.read_text() == "jangan ditimpa"
    assert other.read_text() == "jangan ditimpa juga"
    for name in ("preflight.json", PAGE1):
        st = os.lstat(out / name)
        assert stat.S_ISREG(st.st_mode), name
    assert (out / PAGE1).read_bytes().startswith(b"%PDF-")


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_folder(path: Path) -> None:
    path.mkdir()


def make_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")


@pytest.mark.parametrize("make", [make_fifo, make_folder, make_device])
def test_a_page_target_that_is_not_a_file_is_refused(
    make: object, edition: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pdf"
    out.mkdir()
    target = out / PAGE1
    assert callable(make)
    make(target)
    kind = stat.S_IFMT(os.lstat(target).st_mode)
    r = cli("export", str(edition), "--out", str(out))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert str(target) in r.stderr
    assert stat.S_IFMT(os.lstat(target).st_mode) == kind  # left alone
    assert (out / PAGE2).is_file()  # the other page is exported
    no_temporaries(out)


def test_a_report_target_that_is_a_fifo_is_refused(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    out.mkdir()
    os.mkfifo(out / "preflight.json")
    r = cli("export", str(edition), "--out", str(out), "--force")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "preflight.json" in r.stderr and "bukan berkas biasa" in r.stderr
    assert stat.S_ISFIFO(os.lstat(out / "preflight.json").st_mode)
    assert (out / PAGE1).is_file() and (out / PAGE2).is_file()


# -- one file per page, never a page lost ------------------------------------------------
def test_two_pages_in_one_file_are_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """A pattern that gives pages 1 and 10 one name, or a page asked for twice: refused."""
    path = small_edition(tmp_path / "sebelas.kpl", numbers=tuple(range(1, 12)))
    out = tmp_path / "pdf"
    with pytest.raises(export_plan.DuplicateFileError) as caught:
        export_edition(path, out, None, None, False, None, filename_pattern="KT_{page!s:.1}.pdf")
    assert "KT_1.pdf" in str(caught.value) and "1, 10, 11" in str(caught.value)
    assert "tidak ada yang diekspor" in str(caught.value)
    with pytest.raises(export_plan.DuplicateFileError, match=r"KupangTimes_612_02\.pdf"):
        export_edition(path, out, [2, 2], None, False, None)
    assert not out.exists()


def test_a_failed_page_keeps_its_earlier_pdf(tmp_path: Path) -> None:
    path = small_edition(tmp_path / "foto.kpl", numbers=(1, 2), photo_on=2)
    out = tmp_path / "pdf"
    assert cli("export", str(path), "--out", str(out)).returncode == 0
    earlier = (out / PAGE2).read_bytes()
    damage_assets(path)  # page 2's photo no longer matches its hash
    # --all: the pages are unchanged in the model (same display list, same asset hash)
    r = cli("export", str(path), "--out", str(out), "--force", "--all")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert (out / PAGE2).read_bytes() == earlier
    assert PAGE2 in r.stderr and "BUKAN versi baru" in r.stderr
    assert (out / PAGE1).is_file()
    no_temporaries(out)


def test_every_page_file_is_checked_after_the_run(
    edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that says it wrote a page it did not write (or wrote half) is caught."""
    real = export_work.render_page_pdf

    def lying(*args: object, **kwargs: object) -> PageExportResult:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        assert result.path is not None
        if result.page == 1:
            result.path.unlink()
        else:
            data = result.path.read_bytes()
            result.path.write_bytes(data[: len(data) // 2])
        return result

    monkeypatch.setattr(export_work, "render_page_pdf", lying)
    out = tmp_path / "pdf"
    results = export_edition(edition, out, None, None, False, None, max_workers=1)
    assert [(r.page, r.ok, r.path) for r in results] == [(1, False, None), (2, False, None)]
    assert results[0].error is not None and "tidak ada setelah ekspor" in results[0].error
    assert results[1].error is not None and "bukan PDF yang utuh" in results[1].error
