"""Tests for Indonesian hyphenation (engine stage).

Expected breaks are written by hand from KBBI / PUEBI syllables, then cut by the
default minimums (2 letters before a break, 3 after): KBBI ``ke.se.hat.an`` is
expected as ``ke-se-hatan``. In `mark`, ``-`` is a soft break, ``|`` a hard one.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kupang_layout.engine.hyphenate import (
    CLITICS,
    HyphenationFileError,
    HyphenationWarning,
    Hyphenator,
    HyphenPoint,
    builtin_exceptions_path,
    default_exceptions,
    default_hyphenator,
    load_exceptions,
    parse_exception_entry,
    split_word,
    strip_soft_hyphens,
)

SHY = "\u00ad"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def hyph(tmp_path_factory: pytest.TempPathFactory) -> Hyphenator:
    """The built-in list only (a user file that does not exist)."""
    missing = tmp_path_factory.mktemp("user") / "hyphenation.txt"
    problems: list[HyphenationFileError] = []
    table = default_exceptions(missing, problems)
    assert problems == []
    return Hyphenator(2, 3, table)


# Plain words: KBBI syllables, cut by left_min=2 / right_min=3.
KBBI_WORDS = {
    # The three the patterns get wrong.
    "peringatan": "pe-ri-ngatan",
    "masyarakat": "ma-sya-ra-kat",
    "musyawarah": "mu-sya-wa-rah",
    # Digraphs ng, ny, sy, kh are one consonant.
    "menyanyi": "me-nya-nyi",
    "menyanyikan": "me-nya-nyi-kan",
    "pengurus": "pe-ngu-rus",
    "mengalami": "me-nga-lami",
    "mengunduh": "me-ngun-duh",
    "pengamanan": "pe-nga-manan",
    "syarat": "sya-rat",
    "isyarat": "isya-rat",
    "khusus": "khu-sus",
    "akhirnya": "akhir-nya",
    "bakhil": "ba-khil",
    "tanyakan": "ta-nya-kan",
    "kenyang": "ke-nyang",
    "dengan": "de-ngan",
    "pembangunan": "pem-ba-ngunan",
    "pengangguran": "pe-ngang-guran",
    "penyelenggaraan": "pe-nye-leng-ga-raan",
    # Everyday news words.
    "pemerintah": "pe-me-rin-tah",
    "pemerintahan": "pe-me-rin-tahan",
    "kabupaten": "ka-bu-pa-ten",
    "kecamatan": "ke-ca-matan",
    "kesehatan": "ke-se-hatan",
    "pendidikan": "pen-di-dikan",
    "pariwisata": "pa-ri-wi-sata",
    "wisatawan": "wi-sa-ta-wan",
    "pelabuhan": "pe-la-buhan",
    "penerbangan": "pe-ner-bangan",
    "keberangkatan": "ke-be-rang-katan",
    "pertandingan": "per-tan-dingan",
    "menghasilkan": "meng-ha-sil-kan",
    "berikutnya": "be-ri-kut-nya",
    "infrastruktur": "in-fra-struk-tur",
    "kesejahteraan": "ke-se-jah-te-raan",
    "perusahaan": "pe-ru-sa-haan",
    "peraturan": "pe-ra-turan",
    "perikanan": "pe-ri-kanan",
    "perbaikan": "per-ba-ikan",
    "miliaran": "mi-li-aran",
    "ketidakadilan": "ke-ti-dak-a-dilan",
    "sekretaris": "se-kre-ta-ris",
    "ekstrem": "eks-trem",
    "menstabilkan": "men-sta-bil-kan",
    "selatan": "se-la-tan",
    "tenggara": "teng-gara",
    "mangga": "mangga",
    "akhir": "akhir",
    "Inpres": "In-pres",
    # Places in NTT.
    "Kupang": "Ku-pang",
    "Oelamasi": "Oe-la-masi",
    "Atambua": "Atam-bua",
    "Waingapu": "Wai-ngapu",
    "Maumere": "Mau-mere",
    "Larantuka": "La-ran-tuka",
    "Kefamenanu": "Ke-fa-me-nanu",
    "Labuan": "La-buan",
    "Naikoten": "Nai-ko-ten",
    "Soe": "Soe",
    "Ndao": "Ndao",
    "Rote": "Rote",
    # Foreign words.
    "smartphone": "smart-phone",
    "online": "on-line",
    "update": "up-date",
    "download": "down-load",
    "livestreaming": "live-stream-ing",
    "marketplace": "mar-ket-place",
    "festival": "fes-ti-val",
    "Times": "Times",
}


@pytest.mark.parametrize(("word", "expected"), sorted(KBBI_WORDS.items()))
def test_kbbi_words(hyph: Hyphenator, word: str, expected: str) -> None:
    assert hyph.mark(word) == expected
    assert all(p.kind == "soft" for p in hyph.points(word))


def test_enough_hand_written_words() -> None:
    assert len(KBBI_WORDS) + len(HOUSE_STYLE) + len(NEVER) >= 60


def test_builtin_list_fixes_what_the_patterns_get_wrong(hyph: Hyphenator) -> None:
    raw = pyphen.Pyphen(lang="id_ID", left=1, right=1)
    kbbi = {"peringatan": "pe-ri-ngat-an", "masyarakat": "ma-sya-ra-kat",
            "musyawarah": "mu-sya-wa-rah"}  # fmt: skip
    lenient = Hyphenator(1, 1, load_exceptions([builtin_exceptions_path()]))
    for word, syllables in kbbi.items():
        assert raw.inserted(word) != syllables
        assert lenient.mark(word) == syllables


# House style: hard hyphens (soft "·", hard "|").
HOUSE_STYLE = {
    "kata-kata": "kata-|kata",
    "pulau-pulau": "pu·lau-|pu·lau",
    "rumah-rumah": "ru·mah-|ru·mah",
    "yel-yel": "yel-|yel",
    "di-jadwalkan": "di-jad·wal·kan",
    "di-unggah": "di-ung·gah",
    "nama-nya": "nama-nya",
    "Sebelum-nya": "Se·be·lum-nya",
    "rumah-ku": "ru·mah-ku",
    "bawa-lah": "bawa-lah",
    "siapa-pun": "si·apa-pun",
    "anak-anaknya": "anak-|anak·nya",
    "Kupang-Soe": "Ku·pang-|Soe",
    "undang-undang": "un·dang-|un·dang",
    "COVID-19": "COVID-19",
    "pukul-10.00": "pu·kul-10.00",
}


@pytest.mark.parametrize(("word", "expected"), sorted(HOUSE_STYLE.items()))
def test_house_style_hyphens(hyph: Hyphenator, word: str, expected: str) -> None:
    assert hyph.mark(word, soft="·", hard="|") == expected


def test_hard_points_follow_the_hyphen(hyph: Hyphenator) -> None:
    points = hyph.points("kata-kata")
    assert points == (HyphenPoint(5, "hard"),)
    assert split_word("kata-kata", points[0]) == ("kata-", "kata")


def test_clitics_never_stand_alone(hyph: Hyphenator) -> None:
    for clitic in CLITICS:
        assert all(p.kind != "hard" for p in hyph.points(f"rumah-{clitic}"))


def test_hard_minimums_are_parameters() -> None:
    lenient = Hyphenator(2, 3, {}, hard_left_min=2, hard_right_min=2)
    assert HyphenPoint(3, "hard") in lenient.points("di-unggah")
    assert all(p.kind != "hard" for p in lenient.points("nama-nya"))  # still a clitic


# Words that never break.
NEVER = [
    "KUPANG",
    "NTT",
    "BMKG",
    "PERINGATAN",
    "Rp150.000",
    "2024",
    "Liga3",
    "https://kupangtimes.id/berita/2024",
    "www.kupangtimes.id",
    "kupangtimes.id",
    "nttprov.go.id",
    "redaksi@kupangtimes.id",
    "dan/atau",
]


@pytest.mark.parametrize("word", NEVER)
def test_never_hyphenated(hyph: Hyphenator, word: str) -> None:
    assert hyph.points(word) == ()


def test_hyphenate_false_keeps_only_hard_breaks_and_soft_hyphens(hyph: Hyphenator) -> None:
    assert hyph.points("masyarakat", hyphenate=False) == ()
    assert hyph.points("kata-kata", hyphenate=False) == (HyphenPoint(5, "hard"),)
    assert hyph.points(f"Ku{SHY}pang", hyphenate=False) == (HyphenPoint(3, "soft"),)


def test_soft_hyphens_are_the_only_breaks(hyph: Hyphenator) -> None:
    word = f"pe{SHY}ringatan"
    assert hyph.points(word) == (HyphenPoint(3, "soft"),)
    assert split_word(word, HyphenPoint(3, "soft")) == ("pe-", "ringatan")
    # Even in capitals or next to digits: the desk put it there.
    assert hyph.points(f"KU{SHY}PANG") == (HyphenPoint(3, "soft"),)
    # A soft hyphen at the edge of a word is no break (and does not stop hyphenation).
    assert hyph.points(f"{SHY}Kupang{SHY}") == (HyphenPoint(3, "soft"),)
    assert strip_soft_hyphens(f"ma{SHY}sya{SHY}ra{SHY}kat") == "masyarakat"


def test_no_break_space_is_never_a_break(hyph: Hyphenator) -> None:
    word = f"Labuan{NBSP}Bajo"
    points = hyph.points(word)
    assert points == (HyphenPoint(2, "soft"),)  # La-buan; Bajo is too short
    assert hyph.mark(f"Timor{NBSP}Tengah{NBSP}Selatan") == f"Ti-mor{NBSP}Te-ngah{NBSP}Se-la-tan"
    assert hyph.points(f"Rp{NBSP}150.000") == ()


def test_punctuation_around_words(hyph: Hyphenator) -> None:
    assert hyph.mark("(Kupang),") == "(Ku-pang),"
    assert hyph.mark('"masyarakat,"') == '"ma-sya-ra-kat,"'
    assert hyph.mark("peringatan.") == "pe-ri-ngatan."
    assert hyph.mark("«kata-kata»") == "«kata-|kata»"
    word = "(Kupang),"
    point = hyph.points(word)[0]
    assert split_word(word, point) == ("(Ku-", "pang),")


def test_case_is_preserved(hyph: Hyphenator) -> None:
    assert hyph.mark("Masyarakat") == "Ma-sya-ra-kat"
    assert hyph.points("MaSyArAkAt") == hyph.points("masyarakat")
    assert hyph.points("Peringatan") == hyph.points("peringatan")


def test_listed_stem_covers_clitic_suffix(hyph: Hyphenator) -> None:
    assert hyph.mark("peringatannya") == "pe-ri-ngat-an-nya"
    assert hyph.mark("masyarakatlah") == "ma-sya-ra-kat-lah"


def test_minimum_lengths_are_parameters() -> None:
    table = {"peringatan": (2, 4, 8)}
    assert Hyphenator(3, 3, table).mark("peringatan") == "peri-ngatan"
    assert Hyphenator(2, 2, table).mark("peringatan") == "pe-ri-ngat-an"
    assert Hyphenator(1, 1, table).mark("peringatan") == "pe-ri-ngat-an"


def test_user_file_overrides_builtin(tmp_path: Path) -> None:
    user = tmp_path / "hyphenation.txt"
    user.write_text(
        "# desk list\nma-sya-rakat  # the desk prefers fewer breaks\nKupang\nbe-ri-ta\n",
        encoding="utf-8",
    )
    problems: list[HyphenationFileError] = []
    table = default_exceptions(user, problems)
    assert problems == []
    h = Hyphenator(2, 3, table)
    assert h.mark("masyarakat") == "ma-sya-rakat"
    assert h.mark("Kupang") == "Kupang"
    assert h.mark("berita") == "be-rita"
    assert h.mark("musyawarah") == "mu-sya-wa-rah"  # built-in entry still there


def test_default_hyphenator_reads_the_user_file(tmp_path: Path) -> None:
    user = tmp_path / "hyphenation.txt"
    user.write_text("Oelamasi\n", encoding="utf-8")
    h = default_hyphenator(2, 3, user)
    assert h is default_hyphenator(2, 3, user)
    assert h.mark("Oelamasi") == "Oelamasi"
    default_hyphenator.cache_clear()


def test_bad_lines_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(
        "pe-ri-ngat-an\npe--ri\n-awal\nakhir-\ndua kata\nab3c\n\n# ok\nmu-sya-wa-rah\n",
        encoding="utf-8",
    )
    problems: list[HyphenationFileError] = []
    table = load_exceptions([path], problems)
    assert table == {"peringatan": (2, 4, 8), "musyawarah": (2, 5, 7)}
    assert [p.line for p in problems] == [2, 3, 4, 5, 6]
    assert all(str(p).startswith(f"{path}:") for p in problems)
    assert str(problems[0]).startswith(f"{path}:2: ")
    with pytest.raises(HyphenationFileError, match=r"bad\.txt:2:"):
        load_exceptions([path], strict=True)
    with pytest.warns(HyphenationWarning) as record:
        load_exceptions([path])
    assert [str(w.message).rsplit(".txt:", 1)[1].split(":")[0] for w in record] == [
        "2", "3", "4", "5", "6"
    ]  # fmt: skip


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "latin1.txt"
    binary.write_bytes("pe-ri\xe9\n".encode("latin-1"))
    problems: list[HyphenationFileError] = []
    assert load_exceptions([tmp_path / "missing.txt", binary], problems) == {}
    assert len(problems) == 1 and problems[0].line == 0
    assert "UTF-8" in str(problems[0])


def test_parse_exception_entry() -> None:
    assert parse_exception_entry("Pe-ri-ngat-an") == ("peringatan", (2, 4, 8))
    assert parse_exception_entry("guide") == ("guide", ())
    for bad in ("", "a--b", "-ab", "ab-", "a b", "a1b", "---"):
        with pytest.raises(ValueError):
            parse_exception_entry(bad)


def test_builtin_list_is_clean_and_large() -> None:
    problems: list[HyphenationFileError] = []
    table = load_exceptions([builtin_exceptions_path()], problems)
    assert problems == []
    assert len(table) >= 60
    for word in ("peringatan", "masyarakat", "musyawarah"):
        assert word in table


def test_results_are_cached(hyph: Hyphenator) -> None:
    first = hyph.points("pertandingan")
    assert hyph.points("pertandingan") is first


SYLLABLES = ["ba", "ka", "ma", "pa", "ta", "la", "ra", "sa", "in", "an", "un", "me", "pe",
             "ke", "ber", "ter", "nga", "nya", "sya", "kha", "ngi", "nyu", "syu", "khi",
             "i", "o", "e", "ung", "ang", "ing", "kan", "lah"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=6), st.integers(1, 3))
def test_invariants_on_made_up_words(syllables: list[str], left: int) -> None:
    word = "".join(syllables)
    h = Hyphenator(left, 3, {})
    points = h.points(word)
    indices = [p.index for p in points]
    assert indices == sorted(set(indices))
    low = word.lower()
    for i in indices:
        assert left <= i <= len(word) - 3
        # Never inside a digraph that a vowel follows.
        assert not (low[i - 1 : i + 1] in {"ng", "ny", "sy", "kh"} and low[i + 1] in "aeiou")
    # Every fragment holds a vowel.
    bounds = [0, *indices, len(word)]
    for a, b in itertools.pairwise(bounds):
        assert any(ch in "aeiou" for ch in low[a:b])
    # Capitals never break; the capitalised word breaks like the lower-case one.
    assert h.points(word.upper()) == ()
    assert h.points(word.capitalize()) == points
