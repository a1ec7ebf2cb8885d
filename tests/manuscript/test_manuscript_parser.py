"""Manuscript parser: hand-written expectations for each sample manuscript and rule."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kupang_layout.manuscript import (
    Credit,
    Dateline,
    Manuscript,
    ManuscriptError,
    Paragraph,
    PhotoCredit,
    decode_manuscript,
    format_warning,
    manuscript_to_dict,
    parse_attribution,
    parse_manuscript,
    read_manuscript,
)
from kupang_layout.manuscript.cli_parse import run_parse

SAMPLES = Path(__file__).resolve().parents[1] / "manuscripts"


def load(name: str) -> Manuscript:
    return read_manuscript(SAMPLES / name)


def warning_keys(m: Manuscript) -> list[tuple[str, int | None]]:
    return [(w.key, w.line) for w in m.warnings]


# -- the desk's example from the specification ------------------------------------------

DESK_EXAMPLE = """Edisi: 612
Halaman 3
Foto: Dok. KT|ArsipOELAMASI, KUPANG TIMES - Pemerintah Kabupaten Kupang meresmikan jembatan baru di Desa Oelnasi, Senin, (14/10/24) siang.
Bupati Kupang, di-dampingi oleh Kepala Dinas Pekerjaan Umum, memotong pita di ujung jembatan sepanjang 45 meter itu.
"Jembatan ini akan memperpendek waktu tempuh warga ke pasar,”|Kepala Dinas PU (Pemkab Kupang)
"Kami sudah menunggu jembatan ini sejak lama,"
“Kami berterima kasih atas perhatian pemerintah,”|Kepala Desa Oelnasi (Pemdes Oelnasi), Oelnasi, Senin, (14/10/24).
Pembangunan jembatan itu menelan biaya sekitar dua miliar rupiah dari dana alokasi khusus.
Mari Jaga Kebersihan Kota Kupang!
| Narasi: Pemerintah, Infrastruktur, Daerah,
|Text: R.M.L
| Sumber Literasi: Pemkab Kupang, Dinas PU,
"""  # noqa: E501


def test_desk_example_json() -> None:
    d = manuscript_to_dict(parse_manuscript(DESK_EXAMPLE), "id")
    assert d == {
        "edition": "612",
        "page": 3,
        "headline": None,
        "deck": None,
        "section": None,
        "photo": {"credit": "Dok. KT", "note": "Arsip"},
        "dateline": {"place": "OELAMASI", "paper": "KUPANG TIMES"},
        "paragraphs": [
            {
                "kind": "lead",
                "text": "OELAMASI, KUPANG TIMES - Pemerintah Kabupaten Kupang meresmikan jembatan "
                "baru di Desa Oelnasi, Senin, (14/10/24) siang.",
                "attribution": None,
            },
            {
                "kind": "body",
                "text": "Bupati Kupang, di-dampingi oleh Kepala Dinas Pekerjaan Umum, memotong "
                "pita di ujung jembatan sepanjang 45 meter itu.",
                "attribution": None,
            },
            {
                "kind": "quote",
                "text": '"Jembatan ini akan memperpendek waktu tempuh warga ke pasar,”',
                "attribution": "Kepala Dinas PU (Pemkab Kupang)",
            },
            {
                "kind": "quote",
                "text": '"Kami sudah menunggu jembatan ini sejak lama,"',
                "attribution": None,
            },
            {
                "kind": "quote",
                "text": "“Kami berterima kasih atas perhatian pemerintah,”",
                "attribution": "Kepala Desa Oelnasi (Pemdes Oelnasi), Oelnasi, Senin, (14/10/24).",
            },
            {
                "kind": "body",
                "text": "Pembangunan jembatan itu menelan biaya sekitar dua miliar rupiah dari "
                "dana alokasi khusus.",
                "attribution": None,
            },
        ],
        "tagline": "Mari Jaga Kebersihan Kota Kupang!",
        "credits": [
            {"key": "Narasi", "values": ["Pemerintah", "Infrastruktur", "Daerah"]},
            {"key": "Text", "values": ["R.M.L"]},
            {"key": "Sumber Literasi", "values": ["Pemkab Kupang", "Dinas PU"]},
        ],
        "warnings": [],
    }


def test_desk_example_continuing_quote_is_flagged_in_the_dataclass() -> None:
    m = parse_manuscript(DESK_EXAMPLE)
    quotes = [p for p in m.paragraphs if p.kind == "quote"]
    assert [q.continues for q in quotes] == [False, True, False]


# -- sample manuscripts ----------------------------------------------------------------


def test_01_glued_dateline_with_note() -> None:
    m = load("01_glued_dateline.txt")
    assert (m.edition, m.page, m.page_label) == ("731", 4, "4")
    assert (m.headline, m.deck, m.section) == (None, None, None)
    assert m.photo == PhotoCredit("Dok. KT", "Arsip", 3)
    assert m.photo.is_file_photo
    assert m.dateline == Dateline("BAUMATA", "KUPANG TIMES", "-", 3)
    assert m.paragraphs == (
        Paragraph(
            "lead",
            "BAUMATA, KUPANG TIMES - Pemerintah Kabupaten Kupang mulai memperbaiki saluran "
            "irigasi Bendungan Baumata yang rusak diterjang banjir awal tahun ini, Selasa, "
            "(11/3/25) pagi.",
            3,
        ),
        Paragraph(
            "body",
            "Perbaikan saluran sepanjang 1,2 kilometer itu di-kerjakan oleh Dinas Pekerjaan "
            "Umum dan di-targetkan selesai sebelum musim tanam kedua.",
            4,
        ),
        Paragraph(
            "quote",
            '"Petani di sini sudah tiga bulan tidak bisa mengairi sawah,"',
            5,
            "Ketua Kelompok Tani Sehati (Poktan Sehati Baumata)",
        ),
        Paragraph(
            "quote",
            '"Kalau saluran ini jalan lagi, kami bisa tanam padi bulan Mei,"',
            6,
            None,
            True,
        ),
        Paragraph(
            "body",
            "Dinas PU menyebut biaya perbaikan berasal dari dana tanggap darurat provinsi.",
            8,
        ),
    )
    assert (m.tagline, m.tagline_line) == ("Air Lancar, Petani Sejahtera!", 9)
    assert m.credits == (
        Credit("Narasi", ("Pertanian", "Infrastruktur", "Daerah"), 10, "topics"),
        Credit("Text", ("Y.K.T",), 11, "writer"),
        Credit("Sumber Literasi", ("Dinas PU Kabupaten Kupang", "Poktan Sehati"), 12, "sources"),
    )
    assert m.warnings == ()


def test_02_crlf_en_dash_and_all_text_headers() -> None:
    raw = (SAMPLES / "02_crlf_en_dash.txt").read_bytes()
    assert b"\r\n" in raw  # the sample really is CRLF
    m = load("02_crlf_en_dash.txt")
    assert m.section == "Ekonomi"
    assert m.headline == "Harga Ikan di Pasar Oeba Turun Jelang Musim Angin Timur"
    assert m.deck == "Nelayan mengeluh hasil tangkapan menumpuk, pedagang kesulitan menjual"
    assert (m.edition, m.page, m.page_label) == ("732", 5, "5")
    assert m.photo == PhotoCredit("KT/Maria Bunga", "Properti", 6)
    assert m.dateline == Dateline("KUPANG", "KUPANG TIMES", "–", 7)
    assert [(p.kind, p.line) for p in m.paragraphs] == [
        ("lead", 7),
        ("body", 8),
        ("quote", 10),
        ("body", 11),
    ]
    assert m.paragraphs[0].text == (
        "KUPANG, KUPANG TIMES – Harga ikan tongkol di Pasar Ikan Oeba turun hampir separuh "
        "dalam sepekan terakhir."
    )
    assert m.paragraphs[2] == Paragraph(
        "quote",
        "“Pembeli sepi, ikan menumpuk di kotak es,”",
        10,
        "Yohanes Lado (Pedagang Ikan Pasar Oeba), Kupang, Rabu, (12/3/25).",
    )
    assert all("\r" not in p.text for p in m.paragraphs)
    assert m.tagline is None
    assert m.credits == (
        Credit("Narasi", ("Ekonomi", "Perikanan"), 12, "topics"),
        Credit("Teks", ("M.B",), 13, "writer"),
        Credit("Editor", ("A.N",), 14, "editor"),
    )
    assert m.credit("writer") == Credit("Teks", ("M.B",), 13, "writer")
    assert m.warnings == ()


def test_03_bom_em_dash_curly_and_low_quotes() -> None:
    assert (SAMPLES / "03_bom_em_dash.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    m = load("03_bom_em_dash.txt")
    assert (m.edition, m.page, m.page_label) == ("733", 7, "7")
    assert m.photo == PhotoCredit("Humas Pemprov NTT", None, 3)
    assert not m.photo.is_file_photo
    assert m.dateline == Dateline("ATAMBUA", "KUPANG TIMES", "—", 4)
    assert m.paragraphs[2:4] == (
        Paragraph(
            "quote",
            "“Festival ini adalah jembatan persaudaraan dua bangsa,”",
            6,
            "Gubernur NTT (Pemprov NTT), Atambua, Jumat, (14/3/25).",
        ),
        Paragraph(
            "quote",
            "„Kami ingin anak-anak muda bangga pada budaya-nya sendiri,“",
            7,
            "Ketua Panitia (Dinas Pariwisata Belu)",
        ),
    )
    assert [p.kind for p in m.paragraphs] == ["lead", "body", "quote", "quote", "body"]
    assert (m.tagline, m.tagline_line) == ("Budaya Kita, Jati Diri Kita", 9)
    assert [c.key for c in m.credits] == ["Narasi", "Text"]
    assert m.warnings == ()
    assert m.markup[0].kind == "keyword"  # the BOM was dropped by decoding, not parsed
    assert all("\ufeff" not in p.text for p in m.paragraphs)


def test_04_windows_1252_is_read_with_a_warning() -> None:
    raw = (SAMPLES / "04_windows1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    m = load("04_windows1252.txt")
    assert warning_keys(m) == [("decode_windows_1252", 4)]
    assert m.dateline == Dateline("MOTAAIN", "KUPANG TIMES", "–", 4)
    assert m.paragraphs[1].text == (
        "Kepala PLBN Motaain, José da Costa, mengatakan jumlah pelintas naik dua kali lipat "
        "di-banding bulan lalu."
    )
    assert m.paragraphs[2] == Paragraph(
        "quote",
        "“Kami menambah petugas agar antrean tidak mengular,”",
        6,
        "José da Costa (Kepala PLBN Motaain)",
    )
    assert m.photo == PhotoCredit("Dok. Pribadi", None, 3)
    assert m.credits == (
        Credit("Narasi", ("Perbatasan", "Pemerintahan"), 8, "topics"),
        Credit("Teks", ("J.S",), 9, "writer"),
    )


def test_05_no_header_and_unknown_credit_keys() -> None:
    m = load("05_no_header.txt")
    assert (m.edition, m.page, m.headline, m.deck, m.section, m.photo) == (None,) * 6
    assert m.dateline == Dateline("WAINGAPU", "KUPANG TIMES", "-", 1)
    assert [(p.kind, p.line, p.attribution) for p in m.paragraphs] == [
        ("lead", 1, None),
        ("body", 2, None),
        ("quote", 3, "Kepala Stasiun Meteorologi Umbu Mehang Kunda (BMKG)"),
        ("body", 4, None),
    ]
    assert m.tagline is None
    assert m.credits == (
        Credit("Narasi", ("Lingkungan", "Cuaca"), 5, "topics"),
        Credit("Text", ("U.R",), 6, "writer"),
        Credit("Kontributor", ("Umbu Rara",), 7, None),
        Credit("Fotografer", ("Ana Tamu",), 8, None),
    )
    assert m.warnings == ()


def test_06_glued_dateline_after_credit_without_note() -> None:
    m = load("06_glued_no_note.txt")
    assert m.photo == PhotoCredit("Istimewa", None, 3)
    assert m.dateline == Dateline("SOE", "KUPANG TIMES", "—", 3)
    assert m.paragraphs[0] == Paragraph(
        "lead",
        "SOE, KUPANG TIMES — Puluhan warga Kota Soe antre sejak subuh untuk mendapatkan minyak "
        "tanah bersubsidi di pangkalan Kelurahan Kampung Baru, Kamis, (20/3/25).",
        3,
    )
    assert m.paragraphs[2].attribution == (
        "Maria Nenobais (Warga Kampung Baru), Soe, Kamis, (20/3/25)."
    )
    assert m.tagline is None
    assert m.warnings == ()


def test_07_quotes_with_and_without_attribution() -> None:
    m = load("07_quotes.txt")
    assert m.headline == "Pedagang Pasar Alok Tolak Relokasi"
    assert (m.edition, m.page, m.photo) == ("736", None, None)
    assert m.paragraphs[1:] == (
        Paragraph("quote", '"Kami tidak di-ajak bicara sama sekali,"', 4),
        Paragraph(
            "body",
            "Para pedagang menilai lokasi baru terlalu jauh dari permukiman dan belum memiliki "
            "akses angkutan umum.",
            5,
        ),
        Paragraph(
            "quote",
            '"Kalau pasar pindah, pembeli tidak akan datang,"',
            6,
            "Koordinator Pedagang (Forum Pedagang Pasar Alok), Maumere, Senin, (24/3/25).",
        ),
        Paragraph("quote", '"Kami minta pemerintah menunda rencana itu,"', 7, None, True),
        Paragraph(
            "quote", "“Kami akan pelajari aspirasi ini,”", 8, "Ketua DPRD Sikka (DPRD Sikka)"
        ),
        Paragraph(
            "body",
            "DPRD berjanji memanggil Dinas Perindustrian dan Perdagangan dalam rapat dengar "
            "pendapat pekan depan.",
            9,
        ),
    )
    assert m.warnings == ()


def test_08_short_last_line_with_full_stop_is_body_with_warning() -> None:
    m = load("08_tagline_uncertain.txt")
    assert m.tagline is None
    assert m.paragraphs[-1] == Paragraph(
        "body", "Cuaca di-perkirakan membaik hingga akhir bulan.", 6
    )
    assert warning_keys(m) == [("tagline_uncertain_short", 6)]
    assert m.warnings[0].param("end") == "."


def test_09_unsure_lines_are_kept_as_body_with_warnings() -> None:
    m = load("09_odd_lines.txt")
    assert m.headline is None  # the Judul line is in the body, not a header
    assert m.section == "Kota"
    assert [(p.kind, p.line) for p in m.paragraphs] == [
        ("lead", 4),
        ("body", 5),
        ("body", 6),
        ("body", 7),
        ("body", 8),
        ("body", 9),
    ]
    assert m.paragraphs[1].text == "Judul: Penertiban PKL El Tari"
    assert m.paragraphs[3].text == "| Narasi: Kota"
    assert m.paragraphs[4].text == (
        "Pedagang di-beri waktu tiga hari untuk membongkar lapak-nya sendiri|sebelum petugas "
        "turun tangan."
    )
    assert m.tagline is None
    assert warning_keys(m) == [
        ("header_in_body", 5),
        ("quote_mid_line", 6),
        ("pipe_line_in_body", 7),
        ("pipe_in_text", 8),
        ("tagline_uncertain_long", 9),
    ]
    assert m.credits == (
        Credit("Narasi", ("Kota", "Perdagangan"), 10, "topics"),
        Credit("Text", ("R.M.L",), 11, "writer"),
    )


def test_10_credit_variants() -> None:
    m = load("10_credit_variants.txt")
    assert m.photo == PhotoCredit("KT/Yosef Ama", "Arsip", 3)
    assert m.tagline == "Datang, Hormati, Lestarikan!"
    assert m.credits == (
        Credit("Narasi", ("Pariwisata", "Budaya", "Daerah"), 7, "topics"),
        Credit("Teks", ("Y.A",), 8, "writer"),
        Credit("Editor", ("M.T",), 9, "editor"),
        Credit("Foto", ("Yosef Ama",), 10, "photo"),
        Credit("Tata Letak", ("R.M.L",), 11, None),
        Credit("", ("Kerja sama dengan Dinas Pariwisata Ngada",), 12, None),
    )
    assert warning_keys(m) == [("credit_without_key", 12), ("credit_empty", 13)]


def test_11_no_credits_block_means_no_tagline() -> None:
    m = load("11_no_credits.txt")
    assert m.headline == "Air Bersih Mengalir ke Kelurahan Alak"
    assert m.section == "Kota"
    assert (m.edition, m.page) == (None, None)
    assert m.photo == PhotoCredit("PDAM Kota Kupang", "Properti", 3)
    assert m.tagline is None
    assert m.credits == ()
    assert m.paragraphs[-1] == Paragraph("body", "Mari Hemat Air", 6)
    assert m.paragraphs[-2] == Paragraph(
        "quote", '"Dulu kami beli air tangki Rp150 ribu per minggu,"', 5, "Warga Alak"
    )
    assert warning_keys(m) == [("tagline_without_credits", 6)]


def test_12_multiword_place_unspaced_dash_and_quote_separator_problems() -> None:
    m = load("12_multiword_place.txt")
    assert (m.page, m.page_label, m.edition) == (12, "12", "740")
    assert m.deck == (
        "Pelabuhan baru di-harapkan memperlancar arus wisatawan ke Taman Nasional Komodo"
    )
    assert m.dateline == Dateline("LABUAN BAJO", "KUPANG TIMES", "–", 4)
    assert m.paragraphs[2:4] == (
        Paragraph(
            "quote",
            '"Ini pintu gerbang pariwisata super prioritas," ujar Menteri Perhubungan.',
            6,
            "Menteri Perhubungan",
        ),
        Paragraph("quote", '"Kami siap melayani wisatawan,"', 7, None, True),
    )
    assert (m.tagline, m.tagline_line) == ("Labuan Bajo Bersih, Wisatawan Betah!", 9)
    assert warning_keys(m) == [("quote_separator_unclear", 6), ("quote_attribution_empty", 7)]


def test_13_header_problems() -> None:
    m = load("13_header_problems.txt")
    assert (m.edition, m.headline, m.page, m.section) == ("741", None, None, "Olahraga")
    assert m.dateline is None
    assert m.paragraphs == (
        Paragraph("body", "Halaman: tiga", 3),
        Paragraph("body", "Edisi: 742", 4),
        Paragraph(
            "lead",
            "Kupang, KUPANG TIMES - Tim sepak bola NTT berlatih intensif di Stadion Oepoi "
            "menjelang laga perdana El Tari Memorial Cup.",
            6,
        ),
        Paragraph("body", "Pelatih menyiapkan 25 pemain dari berbagai kabupaten.", 7),
    )
    assert warning_keys(m) == [
        ("header_empty", 2),
        ("header_invalid", 3),
        ("header_duplicate", 4),
        ("dateline_not_caps", 6),
        ("tagline_uncertain_short", 7),
    ]
    assert m.warnings[2].param("first") == "1"
    assert m.warnings[3].param("place") == "Kupang"


def test_14_body_starting_with_a_quote_has_no_lead() -> None:
    m = load("14_starts_with_quote.txt")
    assert (m.section, m.page) == ("Opini", 11)
    assert m.lead is None
    assert m.dateline is None
    assert m.paragraphs[0] == Paragraph(
        "quote",
        '"Air adalah hidup," begitu pesan para tetua di Pulau Sabu kepada anak cucu-nya.',
        3,
    )
    assert [c.key for c in m.credits] == ["Text", "Narasi"]
    assert warning_keys(m) == [("no_lead", 3)]


def test_long_story() -> None:
    m = load("long_story_900.txt")
    assert (m.edition, m.page, m.section) == ("745", 1, "Utama")
    assert m.headline == (
        "Bendungan Kolhua Mulai Alirkan Air, Krisis Air Bersih Kota Kupang Belum Usai"
    )
    assert m.photo == PhotoCredit("Dok. KT", "Arsip", 6)
    assert m.dateline == Dateline("KUPANG", "KUPANG TIMES", "-", 7)
    words = sum(len(p.text.split()) for p in m.paragraphs)
    assert 850 <= words <= 950
    assert len(m.paragraphs) == 26
    assert [p.line for p in m.paragraphs if p.kind == "quote"] == [9, 14, 15, 18, 21, 23, 27, 32]
    assert [p.line for p in m.paragraphs if p.continues] == [15]
    assert m.tagline == "Hemat Air, Selamatkan Masa Depan Kupang!"
    assert [c.key for c in m.credits] == ["Narasi", "Text", "Editor", "Sumber Literasi"]
    assert m.credits[3].values == (
        "Perumda Tirta Lontar",
        "BWS Nusa Tenggara II",
        "DPRD Kota Kupang",
    )
    assert m.warnings == ()
    text = "\n".join(p.text for p in m.paragraphs)
    for form in ("di-jadwalkan", "nama-nya", "Sebelum-nya", "rapat-rapat", "tetangga-tetangga-nya"):
        assert form in text


# -- rules on small inputs ---------------------------------------------------------------


@pytest.mark.parametrize("dash", ["-", "–", "—", "--"])
@pytest.mark.parametrize("spacing", [(" ", " "), ("", ""), ("  ", " ")])
def test_dateline_dashes(dash: str, spacing: tuple[str, str]) -> None:
    before, after = spacing
    lead = f"OELAMASI, KUPANG TIMES{before}{dash}{after}Warga merayakan panen."
    m = parse_manuscript(lead)
    assert m.dateline == Dateline("OELAMASI", "KUPANG TIMES", dash, 1)
    assert m.paragraphs == (Paragraph("lead", lead, 1),)


@pytest.mark.parametrize(
    ("line", "page", "label"),
    [
        ("Halaman 3", 3, "3"),
        ("Halaman: 3", 3, "3"),
        ("Hal. 3", 3, "3"),
        ("Hal.3", 3, "3"),
        ("HALAMAN 03", 3, "03"),
        ("halaman : 14", 14, "14"),
    ],
)
def test_page_header_variants(line: str, page: int, label: str) -> None:
    m = parse_manuscript(f"{line}\nKUPANG, KUPANG TIMES - Isi berita.")
    assert (m.page, m.page_label) == (page, label)
    assert [p.kind for p in m.paragraphs] == ["lead"]


def test_words_that_only_look_like_headers_start_the_body() -> None:
    m = parse_manuscript("Hal ini menjadi perhatian warga Kupang.\nHalaman rumah warga tergenang.")
    assert m.page is None
    assert [p.kind for p in m.paragraphs] == ["lead", "body"]


def test_headers_in_any_order_and_case() -> None:
    m = parse_manuscript(
        "SUBJUDUL: Deck\nrubrik: Daerah\nJudul : Kepala Berita\nSub-judul: dua\nEdisi 99\n"
        "KUPANG, KUPANG TIMES - Isi."
    )
    assert (m.deck, m.section, m.headline, m.edition) == ("Deck", "Daerah", "Kepala Berita", "99")
    assert warning_keys(m)[0] == ("header_duplicate", 4)


def test_glued_dateline_with_space_after_note() -> None:
    m = parse_manuscript("Foto: Dok. KT|Arsip  OELAMASI, KUPANG TIMES - Isi berita.")
    assert m.photo == PhotoCredit("Dok. KT", "Arsip", 1)
    assert m.paragraphs == (Paragraph("lead", "OELAMASI, KUPANG TIMES - Isi berita.", 1),)
    assert m.warnings == ()


def test_glued_multiword_place_after_credit() -> None:
    m = parse_manuscript("Foto: IstimewaLABUAN BAJO, KUPANG TIMES — Isi berita.")
    assert m.photo == PhotoCredit("Istimewa", None, 1)
    assert m.dateline == Dateline("LABUAN BAJO", "KUPANG TIMES", "—", 1)
    assert m.warnings == ()


def test_glued_after_all_caps_credit_is_split_with_a_warning() -> None:
    m = parse_manuscript("Foto: Dok. KT OELAMASI, KUPANG TIMES - Isi berita.")
    # "Dok. KT OELAMASI" cannot be told apart from "Dok." + "KT OELAMASI": the desk checks.
    assert m.photo == PhotoCredit("Dok.", None, 1)
    assert m.paragraphs[0].text == "KT OELAMASI, KUPANG TIMES - Isi berita."
    assert warning_keys(m) == [("photo_split_uncertain", 1)]
    assert m.warnings[0].param("place") == "KT OELAMASI"


def test_glued_right_after_pipe_has_no_note() -> None:
    m = parse_manuscript("Foto: Dok. KT|OELAMASI, KUPANG TIMES - Isi berita.")
    assert m.photo == PhotoCredit("Dok. KT", None, 1)
    assert m.dateline is not None and m.dateline.place == "OELAMASI"
    assert warning_keys(m) == [("photo_split_uncertain", 1)]


def test_glued_without_capital_place_is_not_split() -> None:
    m = parse_manuscript("Foto: Dok. KT|Arsipkupang, KUPANG TIMES - Isi.\nBaris kedua panjang.")
    assert m.photo == PhotoCredit("Dok. KT", "Arsipkupang, KUPANG TIMES - Isi.", 1)
    assert m.paragraphs == (Paragraph("lead", "Baris kedua panjang.", 2),)
    assert warning_keys(m) == [("photo_glued_unsplit", 1), ("no_dateline", 2)]


def test_long_photo_note_is_flagged() -> None:
    note = "Arsip Pemerintah Kabupaten Kupang meresmikan jembatan baru di Desa Oelnasi"
    m = parse_manuscript(f"Foto: Dok. KT|{note}\nKUPANG, KUPANG TIMES - Isi.")
    assert m.photo == PhotoCredit("Dok. KT", note, 1)
    assert warning_keys(m) == [("photo_field_long", 1)]


def test_photo_line_without_credit() -> None:
    m = parse_manuscript("Foto: |Arsip\nKUPANG, KUPANG TIMES - Isi.")
    assert m.photo == PhotoCredit(None, "Arsip", 1)
    assert warning_keys(m) == [("photo_credit_empty", 1)]


def test_paper_name_comes_from_the_caller() -> None:
    text = "ENDE, POS FLORES - Isi berita dari Ende."
    assert parse_manuscript(text).dateline is None
    assert warning_keys(parse_manuscript(text)) == [("no_dateline", 1)]
    m = parse_manuscript(text, paper_name="Pos Flores")
    assert m.dateline == Dateline("ENDE", "POS FLORES", "-", 1)
    glued = parse_manuscript("Foto: Dok. PF|ArsipENDE, POS FLORES - Isi.", paper_name="Pos Flores")
    assert glued.photo == PhotoCredit("Dok. PF", "Arsip", 1)
    assert glued.dateline is not None and glued.dateline.place == "ENDE"


def test_paper_name_is_matched_ignoring_case_and_kept_as_written() -> None:
    m = parse_manuscript("KUPANG, Kupang  Times - Isi.")
    assert m.dateline == Dateline("KUPANG", "Kupang  Times", "-", 1)


def test_space_before_the_comma() -> None:
    m = parse_manuscript("KUPANG , KUPANG TIMES - Isi.")
    assert m.dateline == Dateline("KUPANG", "KUPANG TIMES", "-", 1)


def test_place_with_dots_and_spaces() -> None:
    m = parse_manuscript("KEFAMENANU - T.T.U., KUPANG TIMES - Isi.")
    assert m.dateline is not None
    assert m.dateline.place == "KEFAMENANU - T.T.U."


def test_unattributed_quote_after_body_does_not_continue() -> None:
    m = parse_manuscript('KUPANG, KUPANG TIMES - Isi.\nBadan.\n"Kata warga."\n„Lagi.“')
    assert [(p.kind, p.continues) for p in m.paragraphs] == [
        ("lead", False),
        ("body", False),
        ("quote", False),
        ("quote", True),
    ]


def test_quote_with_closing_mark_then_spaces_then_pipe() -> None:
    m = parse_manuscript('KUPANG, KUPANG TIMES - Isi.\n"Siap,"  |  Bupati Kupang  ')
    assert m.paragraphs[1] == Paragraph("quote", '"Siap,"', 2, "Bupati Kupang")
    assert m.warnings == ()


def test_pipe_inside_attribution_is_kept() -> None:
    m = parse_manuscript('KUPANG, KUPANG TIMES - Isi.\n"Siap,"|Bupati|Kupang')
    assert m.paragraphs[1].attribution == "Bupati|Kupang"


def test_nothing_at_all() -> None:
    for text in ("", "\n\n  \n", "\ufeff", "\r\n\r\n"):
        m = parse_manuscript(text)
        assert m.paragraphs == () and m.credits == ()
        assert warning_keys(m) == [("no_body", None)]


def test_strange_single_lines_never_raise() -> None:
    for text in ("|", '"', "Foto:|", "Edisi:", "Foto: ,KUPANG TIMES -", "“|", "|:", "|,:,"):
        parse_manuscript(text)


def test_blank_lines_are_ignored_and_line_numbers_count_them() -> None:
    m = parse_manuscript("\n\nEdisi: 1\n\n\nKUPANG, KUPANG TIMES - Isi.\n\n")
    assert m.edition == "1"
    assert m.paragraphs == (Paragraph("lead", "KUPANG, KUPANG TIMES - Isi.", 6),)


def test_bom_in_text_is_markup_not_content() -> None:
    m = parse_manuscript("\ufeffEdisi: 5\r\nKUPANG, KUPANG TIMES - Isi.\r\n")
    assert m.edition == "5"
    assert m.markup[0].kind == "bom"
    assert m.paragraphs[0].line == 2


def test_tagline_rules() -> None:
    def tagline(last: str) -> str | None:
        return parse_manuscript(f"KUPANG, KUPANG TIMES - Isi.\n{last}\n| Text: A").tagline

    assert tagline("Kupang Bersih, Kupang Sehat") == "Kupang Bersih, Kupang Sehat"
    assert tagline("Mari Jaga Kebersihan!") == "Mari Jaga Kebersihan!"
    assert tagline("Sudahkah Anda memilah sampah?") is None
    assert tagline("Kata dia singkat.") is None
    assert tagline("x" * 80) == "x" * 80
    assert tagline("x" * 81) is None
    assert tagline('"Hidup Kupang!"') is None  # a quote is never the tagline
    assert parse_manuscript("KUPANG, KUPANG TIMES - Isi!\n| Text: A").tagline is None  # lead


# -- warnings, JSON, decoding, files, CLI -----------------------------------------------


def test_format_warning_in_both_languages() -> None:
    m = load("12_multiword_place.txt")
    w = m.warnings[1]
    assert format_warning(w, "id") == "baris 7: atribusi kosong setelah '|'"
    assert format_warning(w, "en") == "line 7: empty attribution after '|'"
    assert format_warning(w) == format_warning(w, "id")
    no_body = parse_manuscript("").warnings[0]
    assert format_warning(no_body, "en") == "the manuscript has no body paragraphs"


def test_every_warning_key_has_both_languages() -> None:
    from kupang_layout.manuscript.messages import MESSAGES

    for key, entry in MESSAGES.items():
        if key == "manuscript.error.other":
            continue  # "{path}: {detail}", the same in both languages
        id_text, en_text = entry["id"], entry["en"]
        assert id_text and en_text and id_text != en_text, key


def test_json_keys_and_language() -> None:
    m = load("13_header_problems.txt")
    d_id = manuscript_to_dict(m, "id")
    d_en = manuscript_to_dict(m, "en")
    assert list(d_id) == [
        "edition",
        "page",
        "headline",
        "deck",
        "section",
        "photo",
        "dateline",
        "paragraphs",
        "tagline",
        "credits",
        "warnings",
    ]
    assert d_id["photo"] is None and d_id["dateline"] is None
    assert d_id["warnings"][0] == "baris 2: kepala naskah 'Judul' kosong"  # type: ignore[index]
    assert d_en["warnings"][0] == "line 2: header 'Judul' is empty"  # type: ignore[index]
    json.dumps(d_id)


def test_decode_variants() -> None:
    assert decode_manuscript(b"\xef\xbb\xbfA\r\nB\rC\n").text == "A\nB\nC\n"
    assert decode_manuscript("Ä\n".encode("utf-16")).text == "Ä\n"
    d = decode_manuscript(b"ok\nJos\xe9 \x93x\x94 \x81\n")
    assert d.encoding == "cp1252"
    assert d.text == "ok\nJosé “x” \x81\n"
    assert [(w.key, w.line) for w in d.warnings] == [("decode_windows_1252", 2)]


def test_read_manuscript_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "hilang.txt"
    with pytest.raises(ManuscriptError) as exc:
        read_manuscript(missing)
    assert str(missing) in str(exc.value)
    assert str(missing) in exc.value.message("id")
    assert "tidak dapat dibaca" in exc.value.message("id")
    with pytest.raises(ManuscriptError):
        read_manuscript(tmp_path)  # a folder
    docx = tmp_path / "naskah.docx"
    docx.write_bytes(b"PK\x03\x04rest-of-zip")
    with pytest.raises(ManuscriptError) as exc2:
        read_manuscript(docx)
    assert "ZIP/DOCX" in exc2.value.message("en") and str(docx) in exc2.value.message("en")


def test_run_parse_json_and_summary() -> None:
    path = str(SAMPLES / "08_tagline_uncertain.txt")
    out, err = io.StringIO(), io.StringIO()
    assert run_parse(path, True, "en", stdout=out, stderr=err) == 0
    data = json.loads(out.getvalue())
    assert data["dateline"] == {"place": "LEWOLEBA", "paper": "KUPANG TIMES"}
    assert data["warnings"][0].startswith("line 6: ")
    out = io.StringIO()
    assert run_parse(path, False, "id", stdout=out, stderr=err) == 0
    text = out.getvalue()
    assert "Dateline: LEWOLEBA, KUPANG TIMES" in text
    assert "Paragraf: 3 (1 pembuka, 2 isi, 0 kutipan" in text
    assert "baris 6: " in text
    assert err.getvalue() == ""


def test_run_parse_unreadable_file_exits_2(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    missing = str(tmp_path / "tidak-ada.txt")
    assert run_parse(missing, True, "id", stdout=out, stderr=err) == 2
    assert missing in err.getvalue()
    assert out.getvalue() == ""


def test_run_parse_survives_a_console_that_cannot_show_curly_quotes() -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    assert run_parse(str(SAMPLES / "07_quotes.txt"), True, "id", stdout=out) == 0
    out.flush()
    data = json.loads(raw.getvalue().decode("ascii"))
    assert data["paragraphs"][5]["text"] == "“Kami akan pelajari aspirasi ini,”"


def test_parse_attribution_parts() -> None:
    a = parse_attribution("Kepala Desa Oelnasi (Pemdes Oelnasi), Oelnasi, Senin, (14/10/24).")
    assert (a.speaker, a.role, a.place, a.date) == (
        "Kepala Desa Oelnasi",
        "Pemdes Oelnasi",
        "Oelnasi",
        "Senin, (14/10/24)",
    )
    b = parse_attribution("Kepala Dinas PU (Pemkab Kupang)")
    assert (b.speaker, b.role, b.place, b.date) == ("Kepala Dinas PU", "Pemkab Kupang", None, None)
    c = parse_attribution("Warga Alak, Kupang, 3 Maret 2025")
    assert (c.speaker, c.role, c.place, c.date) == ("Warga Alak", None, "Kupang", "3 Maret 2025")
