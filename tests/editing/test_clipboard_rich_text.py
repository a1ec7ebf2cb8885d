"""Pasted HTML from word processors and mail: paragraphs, bold and italic, the house styles."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.editing.clipboard import (
    RichParagraph,
    clean_paragraphs,
    paste_style_commands,
    rich_paragraphs,
)
from kupang_layout.model import Edition, History, Paragraph, Run, Story

# What LibreOffice Writer 7.6 puts on the clipboard (text/html) on Linux.
LIBREOFFICE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/>
<title></title><meta name="generator" content="LibreOffice 7.6.4.1 (Linux)"/>
<style type="text/css">
\t@page { size: 21cm 29.7cm; margin: 2cm }
\tp { line-height: 115%; margin-bottom: 0.25cm; background: transparent }
</style></head><body lang="id-ID" link="#000080" vlink="#800000" dir="ltr">
<p style="line-height: 100%; margin-bottom: 0cm"><font face="Liberation Serif"><b>KUPANG,</b>
<b>Pos</b> &ndash; Pemerintah Provinsi NTT menetapkan <i>status siaga</i> banjir
di&nbsp;tiga kabupaten.</font></p>
<p style="line-height: 100%; margin-bottom: 0cm"><br/>
</p>
<p style="line-height: 100%; margin-bottom: 0cm"><b><i>Catatan redaksi:</i></b>
<strong>jalan&nbsp;&nbsp; ditutup</strong> <em>sementara</em>.</p>
</body></html>"""

# Microsoft Word (Windows, through Qt: the CF_HTML header left on), with its
# conditional comments, o:p tags, mso-bidi properties and a style sheet saying bold.
WORD = (
    "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000002222\r\n"
    "StartFragment:0000001200\r\nEndFragment:0000002180\r\n"
    """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]-->
<style><!--
p.MsoNormal, li.MsoNormal {margin:0cm; font-size:12.0pt; font-weight:bold;}
--></style></head>
<body lang=EN-US style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal><b style='mso-bidi-font-weight:normal'><span lang=ID
style='font-size:11.0pt'>Atambua</span></b><span lang=ID style='font-size:11.0pt'>
&#8211; Warga <i style='mso-bidi-font-style:normal'>menolak</i> relokasi<o:p></o:p></span></p>
<p class=MsoNormal><span lang=ID><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><span lang=ID style='font-weight:bold'>Kata </span><span lang=ID
style='font-style:italic;font-weight:normal'>kunci</span><span lang=ID>&nbsp;dan<span
style='mso-spacerun:yes'>&nbsp;&nbsp; </span>akhir<span style='display:none;mso-hide:all'>
tersembunyi</span>.<o:p></o:p></span></p>
<!--EndFragment-->
</body></html>"""
)

# Gmail in a browser: divs and <br>s, <b>/<i>, &nbsp; keeping two spaces apart.
GMAIL = (
    '<meta http-equiv="content-type" content="text/html; charset=utf-8">'
    '<div dir="ltr">Yth. Redaksi,<div><br></div><div>Berikut <b>rilis</b> kami:'
    " <i>Festival Tenun Ikat</i> dibuka&nbsp; besok.</div><div><br></div>"
    "<div><b><i>Salam hangat</i></b>,<br>Humas&nbsp;Pemkot</div>"
    '<div><br></div>-- <br><div dir="ltr" class="gmail_signature">'
    '<span style="color:rgb(34,34,34);font-weight:400;font-style:normal">Maria &amp; tim'
    "</span></div></div>"
)

# Thunderbird: paragraphs, <br>, <strong>/<em>, a signature, a script it would never run.
THUNDERBIRD = """<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8">
<script>document.write("<b>jangan</b>")</script></head><body>
<p>Mohon dimuat <strong>besok pagi</strong>,<br>
<em>terima kasih</em>.</p><!-- <b>komentar</b> -->
<div class="moz-signature">-- <br>Humas Undana</div></body></html>"""

# Google Docs wraps everything in a <b> that is not bold.
GOOGLE_DOCS = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-7a1c">'
    '<p dir="ltr"><span style="font-weight:400;font-style:normal;">Harga </span>'
    '<span style="font-weight:700;font-style:normal;">naik</span>'
    '<span style="font-weight:400;font-style:italic;"> lagi</span></p></b>'
)

# Kupang Layout's own story editor (a QTextEdit) when the desk copies from it.
QT_EDITOR = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN" "http://www.w3.org/TR/REC-html40/strict.dtd">\n'
    '<html><head><meta name="qrichtext" content="1" /><meta charset="utf-8" />'
    '<style type="text/css">\np, li { white-space: pre-wrap; }\n</style></head>'
    "<body style=\" font-family:'PT Serif'; font-size:11pt; font-weight:400;"
    ' font-style:normal;">\n<p style=" margin-top:0px; margin-bottom:6px;"><!--StartFragment-->'
    '<span style=" font-weight:700;">Dari</span> Kupang <span style=" font-style:italic;">ke'
    "</span> Dili<!--EndFragment--></p></body></html>"
)


def _styled(p: RichParagraph) -> list[tuple[str, str]]:
    return [(p.text[a:b], name) for a, b, name in p.style_ranges()]


def test_libreoffice_writer() -> None:
    paras = rich_paragraphs(LIBREOFFICE)
    assert [p.text for p in paras] == [
        "KUPANG, Pos \u2013 Pemerintah Provinsi NTT menetapkan status siaga banjir"
        " di\u00a0tiga kabupaten.",
        "Catatan redaksi: jalan ditutup sementara.",
    ]
    assert _styled(paras[0]) == [
        ("KUPANG,", "Strong"),
        ("Pos", "Strong"),
        ("status siaga", "Emphasis"),
    ]
    # bold italic is Strong; a run of no-break spaces with a space is one space
    assert _styled(paras[1]) == [
        ("Catatan redaksi:", "Strong"),
        ("jalan ditutup", "Strong"),
        ("sementara", "Emphasis"),
    ]
    assert paras[1].faces[0].bold and paras[1].faces[0].italic


def test_word_with_its_header_comments_and_bidi_properties() -> None:
    paras = rich_paragraphs(WORD)
    assert [p.text for p in paras] == [
        "Atambua \u2013 Warga menolak relokasi",
        "Kata kunci\u00a0dan akhir.",
    ]
    # mso-bidi-font-weight:normal does not undo <b>; the style sheet's bold is not read
    assert _styled(paras[0]) == [("Atambua", "Strong"), ("menolak", "Emphasis")]
    assert _styled(paras[1]) == [("Kata", "Strong"), ("kunci", "Emphasis")]
    assert "Version" not in paras[0].text and "tersembunyi" not in paras[1].text


def test_gmail() -> None:
    paras = rich_paragraphs(GMAIL)
    assert [p.text for p in paras] == [
        "Yth. Redaksi,",
        "Berikut rilis kami: Festival Tenun Ikat dibuka besok.",
        "Salam hangat,",
        "Humas\u00a0Pemkot",
        "--",
        "Maria & tim",
    ]
    assert _styled(paras[1]) == [("rilis", "Strong"), ("Festival Tenun Ikat", "Emphasis")]
    assert _styled(paras[2]) == [("Salam hangat", "Strong")]
    assert all(not p.faces for p in paras[3:])  # font-weight:400 is not bold


def test_thunderbird_drops_script_and_comments() -> None:
    paras = rich_paragraphs(THUNDERBIRD)
    assert [p.text for p in paras] == [
        "Mohon dimuat besok pagi,",
        "terima kasih.",
        "--",
        "Humas Undana",
    ]
    assert _styled(paras[0]) == [("besok pagi", "Strong")]
    assert _styled(paras[1]) == [("terima kasih", "Emphasis")]


def test_style_attribute_overrides_the_tag() -> None:
    (para,) = rich_paragraphs(GOOGLE_DOCS)
    assert para.text == "Harga naik lagi"
    assert _styled(para) == [("naik", "Strong"), ("lagi", "Emphasis")]


def test_the_story_editors_own_copy() -> None:
    (para,) = rich_paragraphs(QT_EDITOR)
    assert para.text == "Dari Kupang ke Dili"
    assert _styled(para) == [("Dari", "Strong"), ("ke", "Emphasis")]


def test_weights_slants_and_shorthand() -> None:
    html_text = (
        '<p><span style="font-weight:600">a</span> <span style="FONT-WEIGHT: Bold !important">'
        'b</span> <span style="font-weight:500">c</span> <span style="font: italic 12px Arial">'
        'd</span> <b><span style="font:12px Arial">e</span></b> <span style="font-style:oblique">'
        "f</span> <cite>g</cite> <strong><em>h</em></strong><b>i</b></p>"
    )
    (para,) = rich_paragraphs(html_text)
    assert para.text == "a b c d e f g hi"
    assert _styled(para) == [
        ("a", "Strong"),
        ("b", "Strong"),
        ("d", "Emphasis"),
        ("f", "Emphasis"),
        ("g", "Emphasis"),
        ("hi", "Strong"),  # bold italic then bold: one Strong range
    ]


def test_unclosed_tags_and_lists() -> None:
    paras = rich_paragraphs("<ul><li>satu <b>dua<li>tiga</ul><p>empat<p><i>lima")
    assert [p.text for p in paras] == ["satu dua", "tiga", "empat", "lima"]
    assert _styled(paras[0]) == [("dua", "Strong")]
    assert not paras[1].faces and _styled(paras[3]) == [("lima", "Emphasis")]


def test_nothing_readable() -> None:
    assert rich_paragraphs("") == []
    assert rich_paragraphs("<style>p{}</style><!-- x --><img src=a.png>") == []


# -- the property: the text of clean_paragraphs, ranges inside and apart ------------------
BOLD_OPEN = ["<b>", "<strong>", '<span style="font-weight:700">', '<span style="font-weight:bold">']
BOLD_CLOSE = ["</b>", "</strong>", "</span>", "</span>"]
ITALIC_OPEN = ["<i>", "<em>", '<span style="font-style:italic">']
ITALIC_CLOSE = ["</i>", "</em>", "</span>"]
NOISE = [
    "",
    "<!-- <b>x</b> -->",
    "<style>b{}</style>",
    '<script>var s="<i>";</script>',
    "<o:p></o:p>",
]
CHARS = st.one_of(
    st.sampled_from("ab xyz\t\n\r\u00a0\u00ad\u200b\u2013\u201c'\"&<>;\x0b\u2028\x01\x85"),
    st.characters(codec="utf-8"),
)
segment = st.tuples(
    st.text(CHARS, max_size=8),
    st.booleans(),
    st.booleans(),
    st.integers(0, 3),
    st.integers(0, 2),
    st.sampled_from(NOISE),
    st.booleans(),  # a <br> after it
)
document = st.tuples(
    st.lists(st.lists(segment, max_size=5), max_size=5),
    st.sampled_from(["p", "div", "li"]),
)


def _html_of(doc: tuple[list[list[tuple[str, bool, bool, int, int, str, bool]]], str]) -> str:
    paragraphs, tag = doc
    out = []
    for segments in paragraphs:
        out.append(f"<{tag}>")
        for text, bold, italic, b, i, noise, br in segments:
            inner = html.escape(text)
            if italic:
                inner = ITALIC_OPEN[i] + inner + ITALIC_CLOSE[i]
            if bold:
                inner = BOLD_OPEN[b] + inner + BOLD_CLOSE[b]
            out.append(inner + noise + ("<br>" if br else ""))
        out.append(f"</{tag}>")
    return "".join(out)


_WS_RUN = re.compile("\u00a0*[ \t\n\r\f][ \t\n\r\f\u00a0]*")


def _shown_text(doc: tuple[list[list[tuple[str, bool, bool, int, int, str, bool]]], str]) -> str:
    """The HTML's text as a browser shows it: white space runs one space, a block or <br>
    a line."""
    lines: list[str] = []
    for segments in doc[0]:
        parts: list[str] = [""]
        for text, *_, br in segments:
            parts[-1] += text
            if br:
                parts.append("")
        lines.extend(_WS_RUN.sub(" ", part) for part in parts)
    return "\n".join(lines)


def _visible(text: str) -> str:
    """The characters cleaning keeps as they are (not spaces, invisibles or controls)."""
    return "".join(
        c
        for c in text
        if not c.isspace()
        and c not in "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffc"
        and unicodedata.category(c) not in ("Cc", "Zl", "Zp")
    )


@given(document)
def test_property_text_is_clean_paragraphs_ranges_inside_and_apart(doc) -> None:  # type: ignore[no-untyped-def]
    paras = rich_paragraphs(_html_of(doc))
    assert [p.text for p in paras] == clean_paragraphs(_shown_text(doc))
    strong: list[str] = []
    emphasis: list[str] = []
    for p in paras:
        last = 0
        for r in p.faces:
            assert last <= r.start < r.end <= len(p.text)
            assert r.bold or r.italic
            last = r.end
        for a, b, name in p.style_ranges():
            (strong if name == "Strong" else emphasis).append(p.text[a:b])
    # the bold text, and only it, is Strong; italic that is not bold is Emphasis
    segments = [s for para in doc[0] for s in para]
    assert _visible("".join(strong)) == _visible("".join(t for t, b, *_ in segments if b))
    assert _visible("".join(emphasis)) == _visible(
        "".join(t for t, b, i, *_ in segments if i and not b)
    )


MARKUP = st.sampled_from(
    [
        "<![",
        "<!",
        "</",
        "<",
        ">",
        "]",
        "--",
        "<!--",
        "-->",
        "<![if !supportLists]>",
        "<![endif]>",
        "<![CDATA[",
        "]]>",
        "<![foo[",
        "<b>",
        "</b>",
        "<i>",
        "<p",
        "a b",
        "=",
        "'",
        '"',
        "&",
        "&#",
        ";",
        "<?",
        "?>",
        "<script>",
        "</script>",
        "<style>",
        "<!DOCTYPE",
        "\x00",
        "<br/>",
    ]
)


@given(st.lists(MARKUP, max_size=30).map("".join))
def test_any_markup_is_read_without_an_error(text: str) -> None:
    for p in rich_paragraphs(text):
        assert p.text == p.text.strip() and p.text
        assert all(0 <= r.start < r.end <= len(p.text) for r in p.faces)


# -- the commands: one step with the text --------------------------------------------------
def test_paste_style_commands_restyle_the_pasted_text_only() -> None:
    ed = Edition()
    story = Story(
        "s-1",
        [
            Paragraph("Body", [Run("Awal "), Run("tebal", "Strong"), Run(" akhir")]),
            Paragraph.plain("Body", "Kedua"),
        ],
    )
    ed.stories[story.id] = story
    history = History(ed)
    pasted = rich_paragraphs("<p>x <b>Bb</b> y</p><p><i>Ii</i> z</p>")
    # as the editor's text edit leaves it: the paste inside "tebal", taking its style
    story.paragraphs[0].runs = [Run("Awal "), Run("tebx Bb y", "Strong")]
    story.paragraphs.insert(1, Paragraph("Body", [Run("Ii zal", "Strong"), Run(" akhir")]))
    before = [[(r.text, r.char_style) for r in p.runs] for p in story.paragraphs]
    with history.group("paste"):
        for c in paste_style_commands(story, (0, 8), pasted, ed.character_styles):
            history.execute(c)
    runs = [[(r.text, r.char_style) for r in p.runs if r.text] for p in story.paragraphs]
    assert runs[0] == [
        ("Awal ", None),
        ("teb", "Strong"),
        ("x ", None),
        ("Bb", "Strong"),
        (" y", None),
    ]
    assert runs[1] == [("Ii", "Emphasis"), (" z", None), ("al", "Strong"), (" akhir", None)]
    assert runs[2] == [("Kedua", None)]
    history.undo()  # one step
    assert [[(r.text, r.char_style) for r in p.runs] for p in story.paragraphs] == before
    # an edition without the house styles: the text stays, nothing is restyled to them
    cmds = paste_style_commands(story, (0, 8), pasted, known=())
    assert len(cmds) == 1 and cmds[0].style is None  # type: ignore[attr-defined]
