"""`kupang-layout edition ...` and `import --edition FOLDER` end to end, in real processes on real
folders: the plan, manuscripts landing on their own pages, an ad, status, delivery to the
plant (twice, one page changed between), pack/unpack, and page locks held by live and by
SIGKILLed processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from ad_testkit import AD_TEXT, make_ad
from pdf_testkit import INTAKE_CHECK, has_tools

from kupang_layout.model.ads import ad_size
from kupang_layout.resources import resource_path
from kupang_layout.storage import load_edition
from kupang_layout.storage.edition_folder import load_page_file, read_shared_edition

REPO = Path(__file__).resolve().parents[2]
SEED = resource_path("samples", "manuscripts", "02-halaman-2-hutan-mutis.txt")
CITY = resource_path("samples", "manuscripts", "03-halaman-3-kota-lama.txt")
PHOTO = resource_path("samples", "photos", "landscape-mountain-forest.jpg")
needs_tools = pytest.mark.skipif(
    not has_tools("pdftotext") or not INTAKE_CHECK.is_file(),
    reason="pdftotext or the plant's intake check missing",
)

_HOLD = """
import sys, time
from kupang_layout.storage import checkout
folder, key, user = sys.argv[1:4]
checkout.acquire(__import__("pathlib").Path(folder), key, checkout.me(user))
print("held", flush=True)
time.sleep(600)
"""


def kl(*args: str | Path, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a new process (its own user folders from the env)."""
    done = subprocess.run(
        [sys.executable, "-m", "kupang_layout", *(str(a) for a in args)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "KUPANG_LAYOUT_LANG": "id"},
    )
    if check is not None:
        assert done.returncode == check, done.stdout + done.stderr
    return done


def manuscript(tmp: Path, source: Path, page: int, name: str, headline: str | None = None) -> Path:
    """A sample manuscript for edition 537, page `page` (header lines replaced)."""
    lines = source.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith("Edisi:"):
            line = "Edisi: 537"
        elif line.startswith("Halaman "):
            line = f"Halaman {page}"
        elif headline is not None and line.startswith("Judul:"):
            line = f"Judul: {headline}"
        out.append(line)
    path = tmp / name
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def intake(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(INTAKE_CHECK), str(path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0 and "ACCEPTED" in done.stdout, done.stdout + done.stderr


def status_json(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(kl("edition", "status", folder, "--json").stdout)
    return data


def page_row(data: dict[str, object], n: int) -> dict[str, object]:
    pages = data["pages"]
    assert isinstance(pages, list)
    row: dict[str, object] = next(p for p in pages if p["page"] == n)
    return row


@needs_tools
def test_the_desks_day_plan_import_ad_status_send_twice(tmp_path: Path) -> None:
    ed, plant = tmp_path / "KupangTimes_537", tmp_path / "percetakan"
    kl("edition", "new", ed, "--number", "537", "--date", "2026-12-07", "--pages", "16")
    kl("edition", "plan", ed, "--page", "2", "--section", "Lingkungan", "--template",
       "berita-satu", "--assign", "Rina")  # fmt: skip
    kl("edition", "plan", ed, "--book-ad", "BNTT-01", "--advertiser", "Bank NTT", "--page", "5",
       "--columns", "3", "--depth-mm", "100")  # fmt: skip
    # page 5 before page 2, page 3 made but never marked ready
    p5 = manuscript(tmp_path, CITY, 5, "p5.txt")
    kl("import", p5, "--edition", ed, "--template", "berita-satu", "--photo", PHOTO,
       "--user", "Budi")  # fmt: skip
    p2 = manuscript(tmp_path, SEED, 2, "p2.txt")
    out = kl("import", p2, "--edition", ed, "--photo", PHOTO, "--user", "Rina").stdout
    assert "Halaman 2 disimpan" in out  # the plan's template, no --template needed
    kl("import", manuscript(tmp_path, CITY, 3, "p3.txt"), "--edition", ed, "--template",
       "berita-satu", "--photo", PHOTO)  # fmt: skip
    shared = read_shared_edition(ed)
    assert sorted(p.name for p in (ed / "pages").iterdir()) == [
        "page-02.kpl", "page-03.kpl", "page-05.kpl"]  # fmt: skip
    assert [p.number for p in load_page_file(shared, "page-02").pages] == [2]
    # the ad: its locked frame came with the page; the file is placed into it
    page5 = load_page_file(shared, "page-05")
    width, depth = ad_size(page5.pages[0], shared.plan.ads["BNTT-01"])
    ad = tmp_path / "iklan.pdf"
    ad.write_bytes(make_ad(width, depth))
    kl("edition", "plan", ed, "--book-ad", "BNTT-01", "--advertiser", "Bank NTT", "--page", "5",
       "--columns", "3", "--depth-mm", "100", "--file", ad)  # fmt: skip

    table = kl("edition", "status", ed).stdout
    assert "Hal" in table and "kosong" in table and "dikerjakan" in table
    assert "Bank NTT (BNTT-01, 3k x 100 mm)" in table
    data = status_json(ed)
    assert data["number"] == "537" and data["page_count"] == 16
    assert page_row(data, 1)["state"] == "empty"
    assert page_row(data, 2)["state"] == "in_progress" and page_row(data, 2)["section"] == (
        "Lingkungan"
    )
    ads = page_row(data, 5)["ads"]
    assert isinstance(ads, list) and ads[0]["file"] is True

    kl("edition", "plan", ed, "--page", "2", "--ready", "--user", "Rina")
    kl("edition", "plan", ed, "--page", "5", "--ready", "--user", "Budi")
    assert page_row(status_json(ed), 2)["state"] == "ready"
    sent = kl("edition", "send", ed, "--to", plant, "--user", "Rina").stdout
    assert "Halaman 2 terkirim: KupangTimes_537_02.pdf" in sent
    assert sorted(p.name for p in plant.iterdir()) == [
        "KupangTimes_537_02.pdf", "KupangTimes_537_05.pdf"]  # fmt: skip
    assert "Halaman 2" in pdf_text(plant / "KupangTimes_537_02.pdf")
    assert AD_TEXT in pdf_text(plant / "KupangTimes_537_05.pdf")
    for pdf in plant.iterdir():
        intake(pdf)
    assert page_row(status_json(ed), 2)["state"] == "sent"

    # page 5 changes after it was sent: shown as such, and re-sent alone
    first = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in plant.iterdir()}
    kl("import", manuscript(tmp_path, CITY, 5, "p5b.txt", "Kota Lama Dipugar Lagi"), "--edition",
       ed, "--template", "berita-satu", "--photo", PHOTO)  # fmt: skip
    assert "diubah setelah dikirim" in kl("edition", "status", ed).stdout
    assert page_row(status_json(ed), 5)["state"] == "changed"
    again = kl("edition", "send", ed, "--to", plant, "--user", "Rina").stdout
    assert "Halaman 5 terkirim" in again and "Halaman 2 tidak berubah" in again
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in plant.iterdir()}
    assert after["KupangTimes_537_02.pdf"] == first["KupangTimes_537_02.pdf"]
    assert after["KupangTimes_537_05.pdf"][1] != first["KupangTimes_537_05.pdf"][1]
    assert "Dipugar" in pdf_text(plant / "KupangTimes_537_05.pdf")
    intake(plant / "KupangTimes_537_05.pdf")
    log = read_shared_edition(ed).plan.deliveries
    assert [(d.page, d.file) for d in log] == [
        (2, "KupangTimes_537_02.pdf"),
        (5, "KupangTimes_537_05.pdf"),
        (5, "KupangTimes_537_05.pdf"),
    ]
    assert {d.by for d in log} == {"Rina"} and log[1].sha256 != log[2].sha256
    import hashlib

    assert log[2].sha256 == hashlib.sha256(after["KupangTimes_537_05.pdf"][1]).hexdigest()
    json_log = status_json(ed)["deliveries"]
    assert isinstance(json_log, list) and len(json_log) == 3
    # a third send: nothing changed, nothing written
    kl("edition", "send", ed, "--to", plant)
    assert {p.name: p.stat().st_mtime_ns for p in plant.iterdir()} == {
        k: v[0] for k, v in after.items()
    }


@needs_tools
def test_seed_manuscript_into_a_new_kpl_is_page_2_with_folio_halaman_2(tmp_path: Path) -> None:
    kpl = tmp_path / "edisi.kpl"
    ms = manuscript(tmp_path, SEED, 2, "naskah.txt")
    out = kl("import", ms, "--template", "berita-satu", "--photo", PHOTO, "-o", kpl).stdout
    assert "Halaman 2 ditambahkan" in out
    edition = load_edition(kpl)
    assert [p.number for p in edition.pages] == [2] and edition.number == "537"
    assert edition.plan.page_count == 2
    kl("export", kpl, "--out", tmp_path / "pdf")
    pdf = tmp_path / "pdf" / "KupangTimes_537_02.pdf"
    assert pdf.is_file() and not (tmp_path / "pdf" / "KupangTimes_537_01.pdf").exists()
    assert "Halaman 2" in pdf_text(pdf) and "Halaman 1" not in pdf_text(pdf)
    intake(pdf)


def test_a_manuscript_for_another_edition_is_imported_with_a_warning(tmp_path: Path) -> None:
    ed = tmp_path / "ed"
    kl("edition", "new", ed, "--number", "538", "--date", "2026-12-08", "--pages", "12")
    done = kl("import", manuscript(tmp_path, SEED, 4, "a.txt"), "--edition", ed, "--template",
              "berita-satu")  # fmt: skip
    assert "537" in done.stderr and "538" in done.stderr
    assert (ed / "pages" / "page-04.kpl").is_file()


def test_pack_and_unpack_round_trip(tmp_path: Path) -> None:
    ed = tmp_path / "ed"
    kl("edition", "new", ed, "--number", "537", "--date", "2026-12-07", "--pages", "8")
    for n in (2, 5):
        kl("import", manuscript(tmp_path, SEED, n, f"{n}.txt"), "--edition", ed, "--template",
           "berita-satu")  # fmt: skip
    kl("edition", "plan", ed, "--page", "5", "--section", "Kota")
    kpl = tmp_path / "arsip.kpl"
    kl("edition", "pack", ed, "-o", kpl)
    packed = load_edition(kpl)
    assert [p.number for p in packed.pages] == [2, 5] and packed.plan.page_count == 8
    assert packed.plan.entry(5).section == "Kota"
    back = tmp_path / "kembali"
    kl("edition", "unpack", kpl, back)
    shared = read_shared_edition(back)
    assert shared.number == "537" and shared.plan.entry(5).section == "Kota"
    assert sorted(p.name for p in (back / "pages").iterdir()) == ["page-02.kpl", "page-05.kpl"]
    again = load_page_file(shared, "page-05")
    original = load_page_file(read_shared_edition(ed), "page-05")
    assert [f.id for f in again.pages[0].frames] == [f.id for f in original.pages[0].frames]
    assert {s: st.text for s, st in again.stories.items()} == {
        s: st.text for s, st in original.stories.items()
    }
    # unpacking onto an edition is refused
    assert kl("edition", "unpack", kpl, back, check=None).returncode == 2


def _hold(folder: Path, key: str, user: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(folder), key, user], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_page_held_by_another_live_process_is_refused_naming_the_holder(tmp_path: Path) -> None:
    ed = tmp_path / "ed"
    kl("edition", "new", ed, "--number", "537", "--date", "2026-12-07", "--pages", "16")
    proc = _hold(ed, "page-02", "Rina")
    try:
        done = kl("import", manuscript(tmp_path, SEED, 2, "a.txt"), "--edition", ed,
                  "--template", "berita-satu", "--take-over", check=2)  # fmt: skip
        assert "Rina" in done.stderr and "dikerjakan oleh" in done.stderr
        assert not (ed / "pages" / "page-02.kpl").exists()
        row = page_row(status_json(ed), 2)
        assert row["state"] == "in_progress" and row["detail"] == "Rina"
        lock = row["lock"]
        assert isinstance(lock, dict) and lock["user"] == "Rina" and lock["stale"] is False
        assert "Rina" in kl("edition", "status", ed).stdout
    finally:
        proc.kill()
        proc.wait()


def test_a_lock_left_by_a_sigkilled_process_is_stale_and_can_be_taken_over(
    tmp_path: Path,
) -> None:
    ed = tmp_path / "ed"
    kl("edition", "new", ed, "--number", "537", "--date", "2026-12-07", "--pages", "16")
    proc = _hold(ed, "page-02", "Rina")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    lock = page_row(status_json(ed), 2)["lock"]
    assert isinstance(lock, dict) and lock["user"] == "Rina" and lock["stale"] is True
    assert "[basi]" in kl("edition", "status", ed).stdout
    ms = manuscript(tmp_path, SEED, 2, "a.txt")
    refused = kl("import", ms, "--edition", ed, "--template", "berita-satu", check=2)
    assert "basi" in refused.stderr and "--take-over" in refused.stderr
    done = kl("import", ms, "--edition", ed, "--template", "berita-satu", "--take-over",
              "--user", "Budi")  # fmt: skip
    assert "Rina" in done.stderr  # whose lock was taken over is said
    assert (ed / "pages" / "page-02.kpl").is_file()
    assert page_row(status_json(ed), 2)["lock"] is None  # given back after the import


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    ed = tmp_path / "ed"
    kl("edition", "new", ed, "--number", "537", "--date", "2026-12-07", "--pages", "4")
    assert kl("edition", "new", ed, "--number", "537", "--date", "2026-12-07", "--pages", "4",
              check=None).returncode == 2  # fmt: skip
    assert kl("edition", "new", tmp_path / "x", "--number", "1", "--date", "7/12/2026",
              "--pages", "4", check=None).returncode == 2  # fmt: skip
    assert kl("edition", "plan", ed, "--section", "Kota", check=None).returncode == 2
    assert kl("edition", "plan", ed, "--book-ad", "X", "--advertiser", "A", "--page", "2",
              check=None).returncode == 2  # fmt: skip
    assert kl("edition", "status", tmp_path / "nothing", check=None).returncode == 2
    no_page = tmp_path / "tanpa.txt"
    no_page.write_text("Judul: Tanpa halaman\nIsi berita.\n", encoding="utf-8")
    done = kl("import", no_page, "--edition", ed, "--template", "berita-satu", check=2)
    assert "--page" in done.stderr
    assert kl("edition", "send", ed, check=None).returncode == 2  # no plant folder anywhere
