"""Manuscripts read without loss (issue 11, H10 and H12): line-by-line decoding, and
manuscripts too big or with a line too long refused naming the file and the line, in the
parser, `kupang-layout parse`, `kupang-layout import` and the app's import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.manuscript import decode_manuscript, read_manuscript
from kupang_layout.manuscript.decode import decode_windows_1252
from kupang_layout.manuscript.messages import format_warning
from kupang_layout.manuscript.parser import MAX_LINE_CHARS, MAX_MANUSCRIPT_BYTES, ManuscriptError

SAMPLES = Path(__file__).resolve().parents[1] / "manuscripts"

MIXED = (
    "Judul: Pelintas Batas Naik Dua Kali Lipat\n"
    "\n"
    "MOTAAIN, KUPANG TIMES – Pos Lintas Batas Negara mencatat lonjakan pelintas.\n"
    "Kepala PLBN Motaain, José da Costa, mengatakan jumlahnya naik.\n"
    "“Kami menambah petugas agar antrean tidak mengular,”|José da Costa (Kepala PLBN)\n"
    "“Petugas kami siaga,” katanya.\n"
    "“Semua berjalan lancar,”|Maria Fernandes (warga)\n"
    "Pelintas mengaku puas. Ia bilang {APOS}antrean sudah pendek.\n"
    "“Terima kasih,”|Yohanes Bere (sopir)\n"
)


def _mixed_bytes() -> bytes:
    """A UTF-8 manuscript with one Windows-1252 right single quote (0x92) on line 8."""
    return MIXED.encode("utf-8").replace(b"{APOS}", b"\x92")


def test_one_windows_byte_leaves_every_other_line_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "naskah.txt"
    path.write_bytes(_mixed_bytes())
    m = read_manuscript(path)
    expected = MIXED.replace("{APOS}", "’").split("\n")
    texts = {p.line: p.text for p in m.paragraphs}
    for line, text in texts.items():
        assert text == expected[line - 1].split("|")[0], line
    quotes = [p for p in m.paragraphs if p.kind == "quote"]
    assert [q.attribution for q in quotes if q.attribution] == [
        "José da Costa (Kepala PLBN)",
        "Maria Fernandes (warga)",
        "Yohanes Bere (sopir)",
    ]
    assert all("â€" not in p.text and "Ã" not in p.text for p in m.paragraphs)
    warnings = [w for w in m.warnings if w.key == "decode_windows_1252"]
    assert [(w.line, dict(w.params)["lines"]) for w in warnings] == [(8, "8")]
    assert "baris 8" in format_warning(warnings[0], "id")


def test_a_wholly_windows_1252_file_still_reads_right_and_names_every_line() -> None:
    data = (SAMPLES / "04_windows1252.txt").read_bytes()
    decoded = decode_manuscript(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text == data.decode("cp1252").replace("\r\n", "\n")
    (warning,) = decoded.warnings
    assert (warning.line, dict(warning.params)["lines"]) == (4, "4-6")
    text = format_warning(warning, "id")
    assert text.startswith("baris 4: ") and "4-6" in text


def test_a_line_mixing_utf8_and_a_windows_byte_keeps_its_utf8_characters() -> None:
    line = "“Kami siap,” kata José".encode() + b" \x96 " + "ujarnya “lagi”".encode()
    decoded = decode_manuscript(b"ok\n" + line + b"\r\n")
    assert decoded.text == "ok\n“Kami siap,” kata José – ujarnya “lagi”\n"
    assert decoded.encoding == "utf-8+cp1252"


# -- property: valid lines unchanged --------------------------------------------------

_LINE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
    max_size=40,
)
_HIGH_BYTE = st.integers(min_value=0x80, max_value=0xFF)


@given(
    lines=st.lists(_LINE_TEXT, min_size=1, max_size=12),
    injections=st.lists(
        st.tuples(st.integers(min_value=0), st.integers(min_value=0), _HIGH_BYTE), max_size=8
    ),
    line_end=st.sampled_from(["\n", "\r\n"]),
)
def test_injected_windows_bytes_change_only_their_lines(
    lines: list[str], injections: list[tuple[int, int, int]], line_end: str
) -> None:
    # Inject each byte at a character boundary of its line (one byte per boundary).
    spots: dict[int, dict[int, int]] = {}
    for line_pick, spot_pick, byte in injections:
        index = line_pick % len(lines)
        spots.setdefault(index, {})[spot_pick % (len(lines[index]) + 1)] = byte
    raw_lines: list[bytes] = []
    expected: list[str] = []
    for index, text in enumerate(lines):
        where = spots.get(index, {})
        raw = b""
        want = ""
        for pos in range(len(text) + 1):
            if pos in where:
                raw += bytes([where[pos]])
                want += decode_windows_1252(bytes([where[pos]]))
            if pos < len(text):
                raw += text[pos].encode("utf-8")
                want += text[pos]
        raw_lines.append(raw)
        expected.append(want)
    data = b"A\n" + line_end.encode().join(raw_lines) + line_end.encode()
    decoded = decode_manuscript(data)
    got = decoded.text.split("\n")
    assert got[0] == "A"
    assert got[1:-1] == expected  # nothing lost, nothing moved
    for index, text in enumerate(lines):
        if index not in spots:
            assert got[index + 1] == text  # a valid line is exactly as typed
    changed = sorted(i + 2 for i in spots)
    if changed:
        (warning,) = decoded.warnings
        assert warning.line == changed[0]
        named = dict(warning.params)["lines"]
        assert _expand(named) == changed
    else:
        assert decoded.warnings == ()


def _expand(ranges: str) -> list[int]:
    out: list[int] = []
    for part in ranges.split(", "):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


# -- H12: big manuscripts -------------------------------------------------------------


def _long_line_manuscript(path: Path) -> Path:
    path.write_text(
        "Judul: Baris Panjang\n\nKUPANG, KUPANG TIMES - Pembuka.\n" + "kata " * 200_000 + "\n",
        encoding="utf-8",
    )
    return path


def test_a_line_over_the_limit_is_refused_naming_the_manuscript_and_line(tmp_path: Path) -> None:
    path = _long_line_manuscript(tmp_path / "panjang.txt")
    with pytest.raises(ManuscriptError) as exc:
        read_manuscript(path)
    assert exc.value.line == 4
    message = exc.value.message("id")
    assert str(path) in message and "baris 4" in message and str(MAX_LINE_CHARS) in message
    ok = tmp_path / "pas.txt"
    ok.write_text("Judul: x\n\n" + "a" * MAX_LINE_CHARS + "\n", encoding="utf-8")
    assert read_manuscript(ok).paragraphs[0].text == "a" * MAX_LINE_CHARS


def test_a_manuscript_over_5_mb_is_refused_up_front(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    path.write_bytes(b"Kalimat berita biasa.\n" * (MAX_MANUSCRIPT_BYTES // 22 + 10))
    with pytest.raises(ManuscriptError) as exc:
        read_manuscript(path)
    assert str(path) in exc.value.message("id") and "5 MB" in exc.value.message("id")
    assert exc.value.key == "too_large"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kupang_layout", *args],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "KUPANG_LAYOUT_LANG": "id"},
    )


def test_cli_parse_and_import_refuse_a_long_line_naming_the_manuscript(tmp_path: Path) -> None:
    path = _long_line_manuscript(tmp_path / "panjang.txt")
    r = _cli("parse", str(path), "--json")
    assert r.returncode == 2 and str(path) in r.stderr and "baris 4" in r.stderr
    out = tmp_path / "E.kpl"
    r = _cli("import", str(path), "--template", "berita-satu", "-o", str(out))
    assert r.returncode == 2, r.stderr
    assert str(path) in r.stderr and "baris 4" in r.stderr
    assert "E.kpl" not in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_app_import_refuses_a_long_line_through_the_menu(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from gui_helpers import make_window
    from PySide6.QtWidgets import QFileDialog

    from kupang_layout.editing.page_ops import build_edition
    from kupang_layout.storage import TemplateLibrary, edition_to_json

    path = _long_line_manuscript(tmp_path / "panjang.txt")
    edition = build_edition("Kupang Times", "1", "", [TemplateLibrary().get("berita-satu")])
    window = make_window(qtbot, edition)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    messages: list[str] = []
    window.doc.error.connect(messages.append)
    before = edition_to_json(window.doc.edition)
    serial = window.doc.history.serial
    window.acts["import_manuscript"].trigger()
    assert messages and str(path) in messages[0] and "baris 4" in messages[0]
    assert window.doc.history.serial == serial
    assert edition_to_json(window.doc.edition) == before
