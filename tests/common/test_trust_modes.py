"""Files anyone on the desk can read: the umask's mode for every file the program writes.

Exported page PDFs, the combined proof, the preflight report, editions and templates
get the mode any new file gets under the user's umask (0644 under 022, 0664 under
0002), and a file written again keeps the mode it had.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from trust_files_helpers import cli, mode, small_edition

SAVE = r"""
import sys
from pathlib import Path
from kupang_layout.resources import resource_path
from kupang_layout.storage import load_edition, load_template, save_edition, save_template
edition, out_kpl, out_kplt = sys.argv[1:4]
save_edition(load_edition(Path(edition)), Path(out_kpl))
save_template(load_template(resource_path("templates", "berita-satu.kplt")), Path(out_kplt))
"""


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_every_file_gets_the_umasks_mode(umask: int, tmp_path: Path) -> None:
    expected = 0o666 & ~umask
    edition = small_edition(tmp_path / "edisi.kpl")
    out = tmp_path / "pdf"
    r = cli("export", str(edition), "--out", str(out), "--force", "--combined", umask=umask)
    assert r.returncode == 0, r.stderr
    files = sorted(out.iterdir())
    assert [p.name for p in files] == [
        "KupangTimes_612_01.pdf",
        "KupangTimes_612_02.pdf",
        "KupangTimes_612_proof.pdf",
        "export-manifest.json",
        "preflight.json",
    ]
    assert {p.name: mode(p) for p in files} == {p.name: expected for p in files}
    kpl, kplt = tmp_path / "baru.kpl", tmp_path / "baru.kplt"
    subprocess.run(
        [sys.executable, "-c", SAVE, str(edition), str(kpl), str(kplt)], check=True, umask=umask
    )
    assert (mode(kpl), mode(kplt)) == (expected, expected)


def test_exporting_again_keeps_the_files_mode(tmp_path: Path) -> None:
    edition = small_edition(tmp_path / "edisi.kpl")
    out = tmp_path / "pdf"
    assert cli("export", str(edition), "--out", str(out), umask=0o022).returncode == 0
    page = out / "KupangTimes_612_01.pdf"
    before = page.stat().st_ino
    assert mode(page) == 0o644
    # Exported again by someone whose umask is strict: the file stays readable by all.
    r = cli("export", str(edition), "--out", str(out), "--all", umask=0o077)
    assert r.returncode == 0, r.stderr
    assert page.stat().st_ino != before  # a new file was put in place
    assert mode(page) == 0o644
