"""Damaged or unreadable pictures refused at the door (GUI place action, CLI import
--photo) with an Indonesian message naming the file and the reason, nothing added; a
picture that fails later (H1: 60000 x 60000 PNG in a .kpl; H11: truncated JPEG, bytes
not matching their SHA-256) is a preflight error before export, never a traceback."""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from gui_helpers import make_window
from pdf_testkit import jpeg_bytes, png_bytes, synthetic_photo
from PySide6.QtWidgets import QFileDialog
from qt_samples import sample_edition

from kupang_layout.cli.main import main
from kupang_layout.gui.panels.thumbnails import paint_thumbnail
from kupang_layout.imaging import ImagingError, verify_image
from kupang_layout.model import Asset, Edition, ImageFrame, Page, Rect
from kupang_layout.model.assets import MemoryAssets
from kupang_layout.model.units import mm
from kupang_layout.preflight import check_page
from kupang_layout.storage import load_edition, save_edition

MANUSCRIPT = Path(__file__).parents[1] / "manuscripts" / "07_quotes.txt"


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


@pytest.fixture(scope="session")
def bomb_png() -> bytes:
    """A real, valid 60000 x 60000 one-bit PNG (3.6 gigapixels in 440 kB)."""
    side = 60_000
    row = b"\x00" * (1 + side // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def _bad_crc_png() -> bytes:
    data = bytearray(png_bytes(synthetic_photo(200, 120)))
    at = data.index(b"IDAT")
    data[at + 4 + 20] ^= 0x5A  # a byte of the pixel data: its chunk's CRC no longer matches
    return bytes(data)


GOOD_JPEG = jpeg_bytes(synthetic_photo(400, 300))

#: name -> (bytes, reason code, words of the Indonesian reason). The bomb is added below.
REFUSED: dict[str, tuple[bytes, str, str]] = {
    "terpotong.jpg": (GOOD_JPEG[: len(GOOD_JPEG) // 2], "truncated", "terpotong"),
    "crc-rusak.png": (_bad_crc_png(), "damaged", "rusak"),
    "bukan-gambar.jpg": (b"Ini surat pembaca, bukan foto.\n", "not-image", "bukan gambar"),
    "kosong.jpg": (b"", "empty", "kosong"),
}
KINDS = [*REFUSED, "bom-60000.png"]


def _refused_file(tmp_path: Path, kind: str, bomb: bytes) -> tuple[Path, str, str]:
    if kind == "bom-60000.png":
        data, reason, words = bomb, "too-large", "terlalu besar"
    else:
        data, reason, words = REFUSED[kind]
    path = tmp_path / kind
    path.write_bytes(data)
    return path, reason, words


@pytest.mark.parametrize("kind", KINDS)
def test_imaging_gives_the_reason(kind: str, tmp_path: Path, bomb_png: bytes) -> None:
    path, reason, _ = _refused_file(tmp_path, kind, bomb_png)
    with pytest.raises(ImagingError) as info:
        verify_image(path.read_bytes(), kind)
    assert info.value.reason == reason
    assert info.value.text("en") != info.value.text("id")


def test_png_named_jpg_is_placed_as_the_png_it_is() -> None:
    data = png_bytes(synthetic_photo(300, 200))
    facts = verify_image(data, "sebenarnya-png.jpg")
    assert (facts.format, facts.ext, facts.width, facts.height) == ("PNG", "png", 300, 200)


# -- the GUI's place action -----------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_place_action_refuses_with_an_indonesian_message(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, bomb_png: bytes
) -> None:  # type: ignore[no-untyped-def]
    path, _, words = _refused_file(tmp_path, kind, bomb_png)
    window = make_window(qtbot, sample_edition(photo=False))
    doc = window.doc
    doc.set_selection(["f-photo"])
    errors: list[str] = []
    doc.error.connect(errors.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    serial = doc.history.serial
    window.acts["place"].trigger()
    assert len(errors) == 1, errors
    message = errors[0]
    assert str(path) in message and words in message and "ditolak" in message
    assert window.statusBar().currentMessage() == message
    frame = doc.frame("f-photo")
    assert isinstance(frame, ImageFrame) and frame.asset is None
    assert doc.history.serial == serial and not doc.edition.assets


def test_place_action_takes_a_png_named_jpg(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "kiriman.jpg"
    path.write_bytes(png_bytes(synthetic_photo(300, 200)))
    window = make_window(qtbot, sample_edition(photo=False))
    window.doc.set_selection(["f-photo"])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.acts["place"].trigger()
    (asset,) = window.doc.edition.assets.values()
    assert asset.ext == "png" and asset.name == "kiriman.jpg"


# -- the CLI's import --photo -----------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_cli_import_refuses_the_photo_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, bomb_png: bytes
) -> None:
    path, _, words = _refused_file(tmp_path, kind, bomb_png)
    edition = tmp_path / "edisi.kpl"
    base = ["import", str(MANUSCRIPT), "--template", "berita-satu"]
    assert main([*base, "-o", str(edition)]) == 0
    before = edition.read_bytes()
    capsys.readouterr()
    code = main([*base, "--photo", str(path), "--edition", str(edition), "-o", str(edition)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err and words in err and "ditolak" in err and "Traceback" not in err
    assert edition.read_bytes() == before
    fresh = tmp_path / "baru.kpl"
    assert main([*base, "--photo", str(path), "-o", str(fresh)]) == 2
    assert not fresh.exists()


# -- later failures: H1 and H11 ---------------------------------------------------------


def _edition_with_picture(data: bytes, name: str, size: tuple[int, int]) -> Edition:
    source = MemoryAssets()
    edition = Edition(paper="Kupang Times", number="9", date="2024-10-14", asset_source=source)
    sha = hashlib.sha256(data).hexdigest()
    source.add(sha, data)
    ext = name.rsplit(".", 1)[1]
    edition.assets[sha] = Asset(sha, ext, name, size[0], size[1])
    frame = ImageFrame(id="foto", rect=Rect(mm(20), mm(20), mm(80), mm(60)), asset=sha)
    edition.pages.append(Page("p1", 1, mm(200), mm(200), frames=[frame]))
    return edition


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kupang_layout", *args], capture_output=True, text=True
    )


def _no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr + r.stdout, r.stderr


def test_h1_bomb_in_an_edition_is_a_clear_error_everywhere(
    qtbot, tmp_path: Path, bomb_png: bytes
) -> None:  # type: ignore[no-untyped-def]
    edition = _edition_with_picture(bomb_png, "bom.png", (60_000, 60_000))
    kpl = tmp_path / "bom.kpl"
    save_edition(edition, kpl)
    r = _cli("preflight", str(kpl))
    _no_traceback(r)
    assert r.returncode == 1 and "bom.png" in r.stdout + r.stderr
    assert "terlalu besar" in r.stdout + r.stderr
    r = _cli("export", str(kpl), "--out", str(tmp_path / "pdf"))
    _no_traceback(r)
    assert r.returncode != 0 and not list((tmp_path / "pdf").glob("*.pdf"))
    r = _cli("export", str(kpl), "--out", str(tmp_path / "pdf"), "--force")
    _no_traceback(r)
    assert r.returncode != 0 and "bom.png" in r.stderr
    r = _cli("render", str(kpl), "--png", str(tmp_path / "bom-render.png"), "--dpi", "20")
    _no_traceback(r)
    assert r.returncode == 0  # the page renders, with a placeholder for the picture
    # The app: preflight panel, canvas and thumbnail.
    loaded = load_edition(kpl)
    window = make_window(qtbot, loaded)
    issues = window.preflight_dock.panel.run_now()
    unreadable = [i for i in issues if i.rule == "image-unreadable"]
    assert [i.severity for i in unreadable] == ["error"]
    assert unreadable == [
        i for i in check_page(loaded, loaded.pages[0]) if i.rule == "image-unreadable"
    ]
    shot = window.canvas.grab()  # paints the page: a placeholder where the picture is
    assert not shot.isNull()
    dl = window.doc.display_list()
    assert dl is not None
    image = paint_thumbnail(dl, loaded.asset_source, 120)
    assert not image.isNull()


def _tamper(kpl: Path, data: bytes) -> None:
    """Replace the bytes of the edition's one picture, keeping its name (and so its hash)."""
    with zipfile.ZipFile(kpl) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    (name,) = [n for n in entries if n.startswith("assets/")]
    entries[name] = data
    with zipfile.ZipFile(kpl, "w") as zf:
        for entry, content in entries.items():
            zf.writestr(entry, content)


@pytest.mark.parametrize("damage", ["hash-mismatch", "truncated"])
def test_h11_damaged_asset_stops_export_before_it_starts(tmp_path: Path, damage: str) -> None:
    good = jpeg_bytes(synthetic_photo(1600, 1200))
    kpl = tmp_path / "foto.kpl"
    if damage == "hash-mismatch":
        save_edition(_edition_with_picture(good, "foto.jpg", (1600, 1200)), kpl)
        out = tmp_path / "warm"
        r = _cli("export", str(kpl), "--out", str(out))  # warms the prepared-image cache
        assert r.returncode == 0, r.stderr
        _tamper(kpl, jpeg_bytes(synthetic_photo(1600, 1200), quality=40))
        words = "SHA-256"
    else:
        save_edition(_edition_with_picture(good[: len(good) // 2], "foto.jpg", (1600, 1200)), kpl)
        words = "terpotong"
    r = _cli("preflight", str(kpl))
    _no_traceback(r)
    assert r.returncode == 1 and "foto.jpg" in r.stdout and words in r.stdout
    out = tmp_path / "pdf"
    r = _cli("export", str(kpl), "--out", str(out))
    _no_traceback(r)
    assert r.returncode == 1 and not list(out.glob("*.pdf"))  # stopped by the gate
    r = _cli("export", str(kpl), "--out", str(out), "--force")  # even warm: never served
    _no_traceback(r)
    assert r.returncode != 0 and not list(out.glob("*.pdf"))


def test_damaged_cache_file_is_prepared_again(tmp_path: Path) -> None:
    from kupang_layout.render.pdf.image_cache import ImageCache
    from kupang_layout.render.pdf.images import ImageRequest

    data = jpeg_bytes(synthetic_photo(800, 600))
    sha = hashlib.sha256(data).hexdigest()
    request = ImageRequest((0, 0, 1, 1), mm(80), mm(60), 300, 90, 240)
    cache = ImageCache(tmp_path / "cache")
    first = cache.prepare(sha, "a.jpg", lambda: data, request)
    first.path.write_bytes(first.path.read_bytes()[:100])  # the cache file is damaged
    fresh = ImageCache(tmp_path / "cache")
    again = fresh.prepare(sha, "a.jpg", lambda: data, request)
    assert fresh.prepared == 1 and again.path.read_bytes() != first.path.read_bytes()[:100]
    assert io.BytesIO(again.path.read_bytes()).getvalue().startswith(b"\xff\xd8")
    cache.prepare(sha, "a.jpg", lambda: data, request)  # the memory entry is checked too
    assert cache.prepared == 1 or cache.prepared == 2
