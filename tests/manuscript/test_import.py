"""`kupang-layout import`: a manuscript into a template's slots, read back from the saved .kpl."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kupang_layout.cli.main import main
from kupang_layout.jobs.manuscript_import import apply_manuscript, apply_to_page
from kupang_layout.manuscript import (
    Manuscript,
    parse_attribution,
    parse_manuscript,
    read_manuscript,
)
from kupang_layout.manuscript.apply import PLACEHOLDER_HEADLINE
from kupang_layout.manuscript.slot_plan import slot_roles
from kupang_layout.model import Edition, History, ImageFrame, Page, Paragraph, TextFrame
from kupang_layout.resources import resource_path
from kupang_layout.storage import (
    TemplateLibrary,
    edition_to_json,
    load_edition,
    validate_edition,
)

REPO = Path(__file__).resolve().parents[2]
LONG = REPO / "tests" / "manuscripts" / "long_story_900.txt"
PHOTO = resource_path("samples", "photos", "landscape-mountain-forest.jpg")
_LIBRARY = TemplateLibrary()

SHORT = """Edisi: 612
Halaman 3
Rubrik: Daerah
Judul: Jembatan Oelnasi Di-resmikan
Subjudul: Waktu tempuh warga ke pasar turun dari satu jam menjadi 15 menit
Foto: Dok. KT|Arsip
OELAMASI, KUPANG TIMES - Pemerintah Kabupaten Kupang meresmikan jembatan baru di Desa Oelnasi, Senin, (14/10/24) siang.
Bupati Kupang memotong pita di ujung jembatan sepanjang 45 meter itu.
"Jembatan ini akan memperpendek waktu tempuh warga ke pasar,"|Kepala Dinas PU (Pemkab Kupang)
"Kami sudah menunggu jembatan ini sejak lama,"
"Kami berterima kasih atas perhatian pemerintah,"|Kepala Desa Oelnasi (Pemdes Oelnasi), Oelnasi, Senin, (14/10/24).
Pembangunan jembatan itu menelan biaya sekitar dua miliar rupiah.
Mari Jaga Kebersihan Kota Kupang!
| Narasi: Pemerintah, Infrastruktur, Daerah,
|Text: R.M.L
| Kerja sama: Dinas PU
| Sumber Literasi: Pemkab Kupang, Dinas PU,
"""  # noqa: E501


def write(tmp_path: Path, text: str, name: str = "naskah.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(*args: str | Path) -> int:
    return main(["import", *(str(a) for a in args)])


def frames(page: Page, role: str, slot: str = "main") -> list[TextFrame]:
    return [
        f for f in page.frames if isinstance(f, TextFrame) and f.role == role and f.slot == slot
    ]


def paragraphs(ed: Edition, page: Page, role: str, slot: str = "main") -> list[Paragraph]:
    found = frames(page, role, slot)
    assert found, f"no {role} frame in slot {slot}"
    sid = found[0].story_id
    assert sid is not None
    return ed.stories[sid].paragraphs


def text(ed: Edition, page: Page, role: str, slot: str = "main") -> str:
    return "\n".join(p.text for p in paragraphs(ed, page, role, slot))


@pytest.fixture
def long_import(tmp_path: Path) -> tuple[Edition, Manuscript]:
    out = tmp_path / "out.kpl"
    code = run_import(LONG, "--template", "berita-satu", "--photo", PHOTO, "-o", out)
    assert code == 0
    return load_edition(out), read_manuscript(LONG)


def test_slots_hold_the_right_pieces(long_import: tuple[Edition, Manuscript]) -> None:
    ed, m = long_import
    assert len(ed.pages) == 1
    page = ed.pages[0]
    assert page.template == "berita-satu"
    assert ed.number == m.edition
    assert text(ed, page, "headline") == m.headline
    assert text(ed, page, "deck") == m.deck
    assert text(ed, page, "section") == m.section
    assert text(ed, page, "tagline") == m.tagline
    assert m.photo is not None
    assert text(ed, page, "photo_credit") == f"Foto: {m.photo.credit} ({m.photo.note})"
    assert text(ed, page, "folio", "page") == "{{folio}}"
    photo = next(f for f in page.frames if isinstance(f, ImageFrame) and f.slot == "main")
    assert photo.asset in ed.assets and photo.fit == "fill"
    assert ed.asset_source.read(photo.asset) == PHOTO.read_bytes()


def test_body_keeps_every_word_in_house_styles(long_import: tuple[Edition, Manuscript]) -> None:
    ed, m = long_import
    body = paragraphs(ed, ed.pages[0], "body")
    expected: list[tuple[str, str]] = []
    for p in m.paragraphs:
        style = {"lead": "Lead", "body": "Body", "quote": "Quote"}[p.kind]
        expected.append((style, p.text))
        if p.attribution:
            expected.append(("Attribution", p.attribution))
    assert [(p.style, p.text) for p in body] == expected
    # every frame of the chain shows the same story
    chain = frames(ed.pages[0], "body")
    assert len(chain) >= 2 and len({f.story_id for f in chain}) == 1


def test_dateline_is_a_bold_run(long_import: tuple[Edition, Manuscript]) -> None:
    ed, m = long_import
    lead = paragraphs(ed, ed.pages[0], "body")[0]
    assert m.dateline is not None and m.lead is not None
    assert lead.style == "Lead"
    first, rest = lead.runs[0], lead.runs[1:]
    assert first.char_style == "Dateline"
    assert first.text.startswith(m.dateline.place) and first.text.endswith(m.dateline.dash)
    assert all(r.char_style is None for r in rest)
    assert lead.text == m.lead.text
    assert ed.character_styles["Dateline"].font_face == "Bold"


def test_dateline_split_of_the_desk_example(tmp_path: Path) -> None:
    out = tmp_path / "o.kpl"
    assert run_import(write(tmp_path, SHORT), "--template", "berita-satu", "-o", out) == 0
    ed = load_edition(out)
    lead = paragraphs(ed, ed.pages[0], "body")[0]
    assert lead.runs[0].text == "OELAMASI, KUPANG TIMES -"
    assert lead.runs[1].text.startswith(" Pemerintah Kabupaten Kupang")
    assert lead.runs[1].char_style is None


def test_quote_then_attribution_line(tmp_path: Path) -> None:
    out = tmp_path / "o.kpl"
    assert run_import(write(tmp_path, SHORT), "--template", "berita-satu", "-o", out) == 0
    ed = load_edition(out)
    body = paragraphs(ed, ed.pages[0], "body")
    styles = [p.style for p in body]
    assert styles == [
        "Lead",
        "Body",
        "Quote",
        "Attribution",
        "Quote",
        "Quote",
        "Attribution",
        "Body",
    ]
    assert body[3].text == "Kepala Dinas PU (Pemkab Kupang)"
    assert body[5].text.startswith('"Kami berterima kasih')
    assert body[6].text.startswith("Kepala Desa Oelnasi (Pemdes Oelnasi), Oelnasi")


def test_pull_quote_is_the_first_attributed_quote(long_import: tuple[Edition, Manuscript]) -> None:
    ed, m = long_import
    first = next(p for p in m.paragraphs if p.kind == "quote" and p.attribution)
    assert first.attribution is not None
    pull = paragraphs(ed, ed.pages[0], "pull_quote")
    assert [p.style for p in pull] == ["Pull Quote", "Pull Quote Attribution"]
    quote = pull[0].text
    assert first.text.startswith(quote.rstrip('"”'))
    assert quote[-1] == first.text[-1]  # the closing mark stays
    assert not quote.rstrip('"”').endswith(",")  # the comma before it goes
    who = parse_attribution(first.attribution)
    assert pull[1].text == f"{who.speaker} ({who.role})"


def test_tagline_and_credits(tmp_path: Path) -> None:
    out = tmp_path / "o.kpl"
    assert run_import(write(tmp_path, SHORT), "--template", "berita-satu", "-o", out) == 0
    ed = load_edition(out)
    page = ed.pages[0]
    assert text(ed, page, "tagline") == "Mari Jaga Kebersihan Kota Kupang!"
    tagline_frame = frames(page, "tagline")[0]
    assert tagline_frame.fill == "KT Red"
    credits = paragraphs(ed, page, "credits")
    labels = [p.runs[0].text for p in credits]
    assert labels == ["Narasi:", "Teks:", "Kerja sama:", "Sumber:"]
    assert all(p.runs[0].char_style == "Credit Label" for p in credits)
    assert credits[0].text == "Narasi: Pemerintah, Infrastruktur, Daerah"
    assert credits[1].text == "Teks: R.M.L"
    assert credits[3].text == "Sumber: Pemkab Kupang, Dinas PU"
    assert ed.character_styles["Credit Label"].font_face == "Bold"


def test_missing_headline_leaves_placeholder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    no_headline = SHORT.replace("Judul: Jembatan Oelnasi Di-resmikan\n", "")
    out = tmp_path / "o.kpl"
    assert run_import(write(tmp_path, no_headline), "--template", "berita-satu", "-o", out) == 0
    ed = load_edition(out)
    assert text(ed, ed.pages[0], "headline") == PLACEHOLDER_HEADLINE
    assert PLACEHOLDER_HEADLINE in capsys.readouterr().err
    # --headline gives one
    out2 = tmp_path / "o2.kpl"
    code = run_import(
        write(tmp_path, no_headline), "--template", "berita-satu", "--headline", "Baru", "-o", out2
    )
    assert code == 0
    assert text(load_edition(out2), load_edition(out2).pages[0], "headline") == "Baru"


def test_edition_and_page_add_then_replace(tmp_path: Path) -> None:
    ed_path = tmp_path / "edisi.kpl"
    first = write(tmp_path, SHORT.replace("Halaman 3\n", "Halaman 1\n"), "a.txt")
    assert (
        run_import(first, "--template", "berita-satu", "--date", "2024-10-14", "-o", ed_path) == 0
    )
    ed = load_edition(ed_path)
    assert [p.number for p in ed.pages] == [1] and ed.date == "2024-10-14"

    second = write(tmp_path, LONG.read_text(encoding="utf-8"), "b.txt")
    code = run_import(
        second, "--template", "berita-dua", "--edition", ed_path, "--page", "2", "-o", ed_path
    )
    assert code == 0
    ed = load_edition(ed_path)
    assert [p.template for p in ed.pages] == ["berita-satu", "berita-dua"]
    assert text(ed, ed.pages[1], "headline") == read_manuscript(LONG).headline
    assert ed.date == "2024-10-14"

    replacement = write(tmp_path, SHORT.replace("Jembatan Oelnasi", "Jembatan Baru"), "c.txt")
    code = run_import(
        replacement, "--template", "berita-dua", "--edition", ed_path, "--page", "1", "-o", ed_path
    )
    assert code == 0
    ed = load_edition(ed_path)
    assert [p.template for p in ed.pages] == ["berita-dua", "berita-dua"]
    assert [p.number for p in ed.pages] == [1, 2]
    assert text(ed, ed.pages[0], "headline") == "Jembatan Baru Di-resmikan"
    assert text(ed, ed.pages[1], "headline") == read_manuscript(LONG).headline


def test_page_from_manuscript_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ed_path = tmp_path / "edisi.kpl"
    headerless = write(tmp_path, SHORT.replace("Halaman 3\n", ""), "a.txt")
    assert run_import(headerless, "--template", "berita-satu", "-o", ed_path) == 0
    code = run_import(headerless, "--template", "berita-satu", "--edition", ed_path, "-o", ed_path)
    assert code == 0
    assert len(load_edition(ed_path).pages) == 2  # no page anywhere: a new last page
    # `Halaman 3` in the header: the new page is page 3, no --page needed
    third = write(tmp_path, SHORT.replace("Oelnasi Di", "Tiga Di"), "c.txt")
    assert run_import(third, "--template", "berita-dua", "--edition", ed_path, "-o", ed_path) == 0
    ed = load_edition(ed_path)
    assert [p.template for p in ed.pages] == ["berita-satu", "berita-satu", "berita-dua"]
    assert text(ed, ed.pages[2], "headline") == "Jembatan Tiga Di-resmikan"
    # `Halaman 7` is page 7 although pages 4-6 are not made yet (issue 14: a manuscript
    # lands where it says; it used to become page 4 with a warning): nothing renumbered,
    # the plan holds 7 pages, the folio says 7
    capsys.readouterr()
    seventh = write(tmp_path, SHORT.replace("Halaman 3", "Halaman 7"), "d.txt")
    assert run_import(seventh, "--template", "berita-dua", "--edition", ed_path, "-o", ed_path) == 0
    ed = load_edition(ed_path)
    assert [p.number for p in ed.pages] == [1, 2, 3, 7]
    assert ed.plan.page_count == 7
    assert "Halaman 7 ditambahkan" in capsys.readouterr().out


def test_slot_of_an_existing_page_is_filled(tmp_path: Path) -> None:
    ed_path = tmp_path / "edisi.kpl"
    assert run_import(LONG, "--template", "berita-dua", "--page", "1", "-o", ed_path) == 0
    before = load_edition(ed_path)
    second = write(tmp_path, SHORT)
    code = run_import(
        second,
        "--template",
        "berita-dua",
        "--edition",
        ed_path,
        "--page",
        "1",
        "--slot",
        "second",
        "-o",
        ed_path,
    )
    assert code == 0
    ed = load_edition(ed_path)
    assert len(ed.pages) == 1 and ed.pages[0].id == before.pages[0].id
    page = ed.pages[0]
    assert text(ed, page, "headline", "second") == "Jembatan Oelnasi Di-resmikan"
    assert text(ed, page, "headline", "main") == read_manuscript(LONG).headline


def test_apply_is_one_undoable_step() -> None:
    ed = Edition()
    history = History(ed)
    template = TemplateLibrary().get("halaman-depan")
    m = read_manuscript(LONG)
    app = apply_manuscript(ed, template, m, photo=PHOTO.read_bytes(), photo_name="p.jpg")
    history.execute(app)
    assert len(ed.pages) == 1 and ed.assets and ed.number == m.edition
    teaser = apply_to_page(ed, app.page_id, m, slot="teaser1")
    history.execute(teaser)
    assert teaser.placements and not teaser.unplaced
    history.undo()
    history.undo()
    assert ed.pages == [] and ed.stories == {} and ed.assets == {} and ed.number == ""
    history.redo()
    assert len(ed.pages) == 1


def test_teaser_gets_lead_and_jump_line() -> None:
    ed = Edition()
    template = TemplateLibrary().get("halaman-depan")
    m = read_manuscript(LONG)
    app = apply_manuscript(ed, template, read_manuscript(LONG), page_index=0)
    app.do(ed)
    teaser = apply_to_page(ed, app.page_id, m, slot="teaser2")
    teaser.do(ed)
    paras = paragraphs(ed, ed.pages[0], "teaser", "teaser2")
    assert m.lead is not None and paras[0].text == m.lead.text
    assert paras[0].runs[0].char_style == "Dateline"
    assert m.page is not None
    if m.page != ed.pages[0].number:
        assert paras[-1].text == f"Selengkapnya di halaman {m.page}"
    assert text(ed, ed.pages[0], "headline", "teaser2") == m.headline
    assert frames(ed.pages[0], "headline", "teaser2")[0].paragraph_style == "Teaser Headline"
    assert set(slot_roles(ed.pages[0].frames)) == {"page", "main", "teaser1", "teaser2"}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["MISSING", "--template", "berita-satu"], "MISSING"),
        (["MS", "--template", "no-such-template"], "no-such-template"),
        (["MS", "--template", "berita-satu", "--photo", "BADPHOTO"], "BADPHOTO"),
        (["MS", "--template", "berita-satu", "--photo", "NOPHOTO"], "NOPHOTO"),
        (["MS", "--template", "berita-satu", "--date", "2024-13-45"], "2024-13-45"),
        (["MS", "--template", "berita-satu", "--date", "14/10/2024"], "14/10/2024"),
        (["MS", "--template", "berita-satu", "--page", "0"], "0"),
        (["MS", "--template", "berita-satu", "--slot", "teaser9"], "teaser9"),
        (["MS", "--template", "berita-satu", "--edition", "NOEDITION"], "NOEDITION"),
        (["WORDDOC", "--template", "berita-satu"], "WORDDOC"),
    ],
)
def test_clear_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    ms = write(tmp_path, SHORT)
    bad = tmp_path / "rusak.jpg"
    bad.write_bytes(b"this is not a jpeg")
    word = tmp_path / "naskah.docx"
    word.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    paths = {
        "MS": str(ms),
        "MISSING": str(tmp_path / "tidak-ada.txt"),
        "BADPHOTO": str(bad),
        "NOPHOTO": str(tmp_path / "tidak-ada.jpg"),
        "NOEDITION": str(tmp_path / "tidak-ada.kpl"),
        "WORDDOC": str(word),
    }
    real = [paths.get(a, a) for a in args]
    out = tmp_path / "out.kpl"
    assert run_import(*real, "-o", out) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert paths.get(needle, needle).split("/")[-1] in err
    assert not out.exists()


def test_english_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.kpl"
    assert main(["--lang", "en", "import", str(write(tmp_path, SHORT)), "--template",
                 "berita-satu", "-o", str(out)]) == 0  # fmt: skip
    shown = capsys.readouterr().out
    assert "Headline" in shown and "Edition saved" in shown
    assert main(["import", str(write(tmp_path, SHORT)), "--template", "berita-satu", "-o",
                 str(out)]) == 0  # fmt: skip
    assert "Judul" in capsys.readouterr().out


_LINES = st.one_of(
    st.sampled_from(
        [
            "Judul: Jembatan Baru",
            "Subjudul: Warga senang",
            "Rubrik: Daerah",
            "Foto: Dok. KT|Arsip",
            "Edisi: 612",
            "Halaman 2",
            "SOE, KUPANG TIMES - Warga menanam pohon.",
            '"Kami senang,"|Kepala Desa (Pemdes), Soe, Senin, (14/10/24).',
            '"Lanjut lagi,"',
            "Mari Menanam!",
            "| Narasi: Lingkungan, Daerah,",
            "| Text: R.M.L",
            "| Kunci Lain: nilai",
            "|",
        ]
    ),
    st.text(alphabet=st.sampled_from(list("aAbB zZ:|,.-\"“”'0123")), max_size=50),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_LINES, max_size=14), name=st.sampled_from(sorted(["berita-satu",
       "berita-dua", "halaman-depan", "broadsheet-tujuh"])))  # fmt: skip
def test_any_manuscript_applies_keeps_its_words_and_undoes(lines: list[str], name: str) -> None:
    m = parse_manuscript("\n".join(lines))
    ed = Edition()
    before = edition_to_json(ed)
    history = History(ed)
    app = apply_manuscript(ed, _LIBRARY.get(name), m)
    history.execute(app)
    validate_edition(ed)  # every style, swatch and story the page names exists
    body = paragraphs(ed, ed.pages[0], "body")
    expected: list[str] = []
    for p in m.paragraphs:
        expected.append(p.text)
        if p.attribution:
            expected.append(p.attribution)
    got = [p.text for p in body]
    assert got == (expected or [""])
    leads = [p for p in body if p.style == "Lead"]
    assert [p.text for p in leads] == ([m.lead.text] if m.lead else [])
    for lead in leads:
        dated = [r for r in lead.runs if r.char_style == "Dateline"]
        assert len(dated) == (1 if m.dateline else 0)
    headline = text(ed, ed.pages[0], "headline")
    assert headline == (m.headline or PLACEHOLDER_HEADLINE)
    history.undo()
    after = edition_to_json(ed)
    assert after == before
