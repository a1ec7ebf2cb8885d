"""Test helpers: one small hand-built edition per engine feature, for the feature traces.

Each builder returns an edition whose layout exercises exactly one feature of the
engine (widow and orphan control, the hyphen limit, balancing, keep options,
typographer's quotes, a story jumping to another page, kerning, glyph scaling,
rivers, the short-word rule, hyphens off column ends, proper names, the word-gap
limit), so a change to that feature changes that feature's trace only. Their body
style is pinned (`pinned_body`): a new house default changes no trace.
"""

from __future__ import annotations

from collections.abc import Callable

from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.geometry import BaselineGrid, Margins, Rect
from kupang_layout.model.page import Page
from kupang_layout.model.story import Paragraph, Run, Story
from kupang_layout.model.styles import ParagraphStyle, default_paragraph_styles
from kupang_layout.model.units import mm

TEXT = (
    "Ratusan warga Desa Fatumnasi, Kecamatan Fatumnasi, Kabupaten Timor Tengah Selatan, "
    "menanam sepuluh ribu bibit pohon ampupu di lereng Gunung Mutis. Penanaman itu "
    "dilakukan untuk memulihkan kawasan hutan yang rusak akibat kebakaran dan "
    "penggembalaan ternak lepas selama beberapa tahun terakhir.",
    "Kegiatan dimulai sejak pukul tujuh pagi. Warga, yang sebagian besar masih mengenakan "
    "selimut tenun untuk menahan udara dingin pegunungan, berjalan kaki sekitar dua "
    "kilometer dari permukiman menuju lokasi penanaman.",
    "Ampupu merupakan pohon asli Pulau Timor yang tumbuh di ketinggian di atas seribu lima "
    "ratus meter. Hutan ampupu di kawasan Mutis dikenal sebagai salah satu penyangga tata "
    "air terpenting di Pulau Timor.",
    "Selain menahan air hujan, tegakan ampupu yang rapat juga menangkap kabut. Butiran air "
    "dari kabut yang menempel di daun menetes ke tanah dan menambah cadangan air tanah.",
)


def _page(number: int, page_id: str) -> Page:
    return Page(
        id=page_id,
        number=number,
        width=mm(280),
        height=mm(430),
        margins=Margins(mm(20), mm(15), mm(12), mm(12)),
        baseline=BaselineGrid(11.0, 0.0),
    )


def pinned_body() -> ParagraphStyle:
    """The body style the feature traces are made with, every value written out: a
    change of a house default (`default_paragraph_styles`, `ROOT_DEFAULTS`) moves no
    feature's trace. A feature that needs another value sets it in its own style."""
    return ParagraphStyle(
        "Body", font_family="PT Serif", font_face="Regular", size=9.5, leading=11.0,
        alignment="justify", first_indent=9.5, left_indent=0.0, right_indent=0.0,
        space_before=0.0, space_after=0.0, hyphenate=True, hyphen_left_min=2,
        hyphen_right_min=3, max_consecutive_hyphens=2, keep_with_next=False,
        keep_together=False, swatch="Black", word_space_min=80.0, word_space_normal=100.0,
        word_space_max=133.0, letter_space_min=-1.0, letter_space_max=2.0,
        glyph_scale_min=98.0, glyph_scale_max=102.0, optical_margin=False, tracking=0.0,
        align_to_grid=True, drop_cap_lines=0, all_caps=False, shrink_to_fit_min_size=0.0,
        max_lines=0,
    )  # fmt: skip


def pinned_styles() -> dict[str, ParagraphStyle]:
    """The house style sheet with `pinned_body` for its body (the other body styles,
    Lead, Quote, Attribution, Teaser, are based on it)."""
    styles = default_paragraph_styles()
    styles["Body"] = pinned_body()
    return styles


def _edition(*pages: Page) -> Edition:
    ed = Edition(number="612", date="2024-10-14", paragraph_styles=pinned_styles())
    ed.pages.extend(pages)
    return ed


def _frame(
    frame_id: str, x_mm: float, y_mm: float, w_mm: float, h_mm: float, **kw: object
) -> TextFrame:
    frame = TextFrame(
        id=frame_id,
        rect=Rect(mm(x_mm), mm(y_mm), mm(w_mm), mm(h_mm)),
        story_id="story",
        role="body",
    )
    for key, value in kw.items():
        setattr(frame, key, value)
    return frame


def _body(texts: tuple[str, ...] | list[str], style: str = "Body") -> list[Paragraph]:
    return [Paragraph.plain(style, t) for t in texts]


def _lines_deep(lines: int) -> float:
    """The frame depth in mm that holds `lines` body lines (11 pt grid, first baseline
    one line below the top)."""
    return (lines + 1) * 11 / 72 * 25.4


def widow_orphan() -> Edition:
    """Three 48 mm columns 13 lines deep. Set naively, the 8-line second paragraph would
    leave its last line alone at the head of column 2 (a widow), and the 7-line fourth
    paragraph its first line alone at the foot of column 2 (an orphan)."""
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 153, _lines_deep(13), columns=3, gutter=mm(4.5)))
    ed = _edition(page)
    ed.stories["story"] = Story(id="story", paragraphs=_body([TEXT[3], TEXT[1], TEXT[0], TEXT[2]]))
    return ed


def hyphen_limit() -> Edition:
    """A narrow 30 mm column where many lines want a hyphen; at most one in a row."""
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 30, 200))
    ed = _edition(page)
    ed.paragraph_styles["Body One Hyphen"] = ParagraphStyle(
        "Body One Hyphen", based_on="Body", max_consecutive_hyphens=1
    )
    ed.stories["story"] = Story(id="story", paragraphs=_body(TEXT[:2], "Body One Hyphen"))
    return ed


def balance() -> Edition:
    """A short story in a three-column frame that balances its columns."""
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 153, 200, columns=3, gutter=mm(4.5), balance=True))
    ed = _edition(page)
    ed.stories["story"] = Story(id="story", paragraphs=_body(TEXT))
    return ed


def keep_options() -> Edition:
    """Three columns 10 lines deep: a subhead (keep with next) would end column 1 with
    one line of its paragraph after it; a kept-together paragraph would straddle
    columns 2 and 3."""
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 153, _lines_deep(10), columns=3, gutter=mm(4.5)))
    ed = _edition(page)
    ed.paragraph_styles["Subhead"] = ParagraphStyle(
        "Subhead", based_on="Body", font_face="Bold", first_indent=0.0, keep_with_next=True
    )
    ed.paragraph_styles["Kept"] = ParagraphStyle("Kept", based_on="Body", keep_together=True)
    paragraphs = [
        Paragraph.plain("Body", TEXT[1]),
        Paragraph.plain("Subhead", "Hutan penyangga"),
        Paragraph.plain("Body", TEXT[2]),
        Paragraph.plain("Kept", TEXT[3]),
    ]
    ed.stories["story"] = Story(id="story", paragraphs=paragraphs)
    return ed


def quotes() -> Edition:
    """Straight quotation marks, apostrophes and primes set as a typographer would."""
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 48, 60))
    ed = _edition(page)
    text = (
        '"Kalau hutan di atas rusak, mata air di bawah ikut mati," kata dia. Warga '
        "menyebutnya 'hutan bonsai' sejak '90-an; tingginya 5' 6\"."
    )
    ed.stories["story"] = Story(id="story", paragraphs=[Paragraph("Body", [Run(text)])])
    return ed


def jump() -> Edition:
    """A story that starts on page 1 and goes on in a frame on page 2 (a jump)."""
    one = _page(1, "p1")
    one.frames.append(_frame("start", 12, 60, 48, _lines_deep(8)))
    two = _page(2, "p2")
    two.frames.append(_frame("rest", 12, 60, 48, 200, chain_index=1))
    ed = _edition(one, two)
    ed.stories["story"] = Story(id="story", paragraphs=_body(TEXT))
    return ed


# Paragraphs of the seed story (tests/manuscripts/long_story_900.txt) for the compositor's
# rules: set in 48 mm, the first has a river that the composer mends.
RIVER_TEXT = (
    "Terkait tarif, Perumda Tirta Lontar memastikan tidak ada kenaikan harga bagi "
    "pelanggan rumah tangga yang tersambung ke jaringan Kolhua. Tarif yang berlaku tetap "
    "mengacu pada peraturan wali kota tahun 2023, yakni sekitar Rp4.500 per meter kubik "
    "untuk pemakaian hingga 10 meter kubik per bulan."
)
SHORT_WORD_TEXT = (
    "Ia datang ke pasar di Oeba pagi itu. Di sana ia membeli ikan dan sayur, lalu ia "
    "pergi ke rumah ibunya di Oesapa. Ya, ia selalu ke sana tiap pekan. Di rumah itu ia "
    "makan siang dan ia tidur sebentar sebelum ia pulang ke kota di sore hari."
)
PROPER_NAME_TEXT = (
    "Rombongan dari Fatumnasi, Oelnasi dan Kolhua bertemu di Soe bersama pejabat "
    "Perumda Tirta Lontar, Dinas Kehutanan Nusa Tenggara Timur dan Balai Konservasi "
    "Sumber Daya Alam Kupang untuk membahas Mutis-Timau."
)
COLUMN_END_TEXT = TEXT[0] + " " + TEXT[1]
# The seed story's paragraph whose best setting within the tolerance needs three hyphens
# in a row; the last resort set its first line with 0.85 em word gaps.
GAP_LIMIT_TEXT = (
    "Maria berharap pipa dari Bendungan Kolhua segera menjangkau permukiman-nya. Ia "
    "mengaku sudah mendaftar sebagai pelanggan baru sejak tahun lalu, tetapi hingga kini "
    "belum ada kepastian kapan sambungan ke rumah-nya di-pasang."
)
HEADLINE = "AVATAR Tiba di TOYOTA Kupang"


def kerning() -> Edition:
    """A 40 pt Roboto Condensed Bold headline set right-aligned: every word's x depends
    on the kerned widths of the words after it (AV, TA, Ti, TO, YO, Ku...)."""
    page = _page(1, "p1")
    page.frames.append(_frame("head", 12, 40, 250, 40))
    ed = _edition(page)
    ed.paragraph_styles["Judul"] = ParagraphStyle(
        "Judul", based_on="Body", font_family="Roboto Condensed", font_face="Bold",
        size=40.0, leading=44.0, alignment="right", hyphenate=False,
    )  # fmt: skip
    ed.stories["story"] = Story(id="story", paragraphs=_body([HEADLINE], "Judul"))
    return ed


def glyph_scaling() -> Edition:
    """Two 48 mm columns of the same text: the house style scales glyphs 98-102 % with
    the word spaces; the second story's style does not scale at all."""
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 48, 200))
    other = _frame("plain", 70, 60, 48, 200)
    other.story_id = "plain"
    page.frames.append(other)
    ed = _edition(page)
    ed.paragraph_styles["Body Unscaled"] = ParagraphStyle(
        "Body Unscaled", based_on="Body", glyph_scale_min=100.0, glyph_scale_max=100.0
    )
    ed.stories["story"] = Story(id="story", paragraphs=_body(TEXT[:2]))
    ed.stories["plain"] = Story(id="plain", paragraphs=_body(TEXT[:2], "Body Unscaled"))
    return ed


def _one_column(text: str, width_mm: float = 48.0, depth_mm: float = 200.0) -> Edition:
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, width_mm, depth_mm))
    ed = _edition(page)
    ed.stories["story"] = Story(id="story", paragraphs=_body([text]))
    return ed


def rivers() -> Edition:
    """A paragraph whose best breaking lines up word gaps over three lines; the composer
    breaks it again without the river."""
    return _one_column(RIVER_TEXT)


def short_words() -> Edition:
    """A paragraph full of two-letter words (ia, di, ke, Di, Ia, Ya): none ends a line."""
    return _one_column(SHORT_WORD_TEXT)


def proper_names() -> Edition:
    """Long place and institution names in a 44 mm column: none is hyphenated (the best
    breaking without the rule hyphenates Perumda, Kehutanan and Sumber)."""
    return _one_column(PROPER_NAME_TEXT, 44.0)


def gap_limit() -> Edition:
    """A paragraph that cannot be set within the tolerance (it would need three hyphens
    in a row) in 48 mm: the emergency pass keeps its word gaps within the limit."""
    return _one_column(GAP_LIMIT_TEXT)


def column_end_hyphen(lines: int = 8) -> Edition:
    """Three 40 mm columns 8 lines deep on a page: no column (and not the page's last)
    ends with a hyphenated word. (7 lines deep, keeping the hyphen off one column's end
    would set a line looser than the tolerance: there the hyphen stays.)"""
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 128, _lines_deep(lines), columns=3, gutter=mm(4)))
    ed = _edition(page)
    ed.stories["story"] = Story(id="story", paragraphs=_body([COLUMN_END_TEXT]))
    return ed


def optical_margin() -> Edition:
    """Quotations in two 48 mm columns: a style with optical margin alignment hangs
    quotes, commas, full stops and hyphens into the margins; the second story's style
    (the house lead) does not."""
    text = (
        '"Kalau hutan di atas rusak, mata air di bawah ikut mati," kata dia. "Kami jaga '
        'hutan ini bersama, karena air untuk seluruh kampung datang dari sini," kata '
        "Ketua Adat Fatumnasi, yang sudah dua puluh tahun memimpin penjagaan hutan."
    )
    page = _page(1, "p1")
    page.frames.append(_frame("body", 12, 60, 48, 200))
    other = _frame("flush", 70, 60, 48, 200)
    other.story_id = "flush"
    page.frames.append(other)
    ed = _edition(page)
    ed.paragraph_styles["Lead Hanging"] = ParagraphStyle(
        "Lead Hanging", based_on="Lead", optical_margin=True
    )
    ed.stories["story"] = Story(id="story", paragraphs=_body([text], "Lead Hanging"))
    ed.stories["flush"] = Story(id="flush", paragraphs=_body([text], "Lead"))
    return ed


FEATURES: dict[str, Callable[[], Edition]] = {
    "widow_orphan": widow_orphan,
    "hyphen_limit": hyphen_limit,
    "balance": balance,
    "keep_options": keep_options,
    "quotes": quotes,
    "jump": jump,
    "kerning": kerning,
    "glyph_scaling": glyph_scaling,
    "rivers": rivers,
    "short_words": short_words,
    "proper_names": proper_names,
    "column_end_hyphen": column_end_hyphen,
    "optical_margin": optical_margin,
    "gap_limit": gap_limit,
}
