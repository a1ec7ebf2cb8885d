"""The engine end to end on small pages: words, measures, overset, variables, images."""

from __future__ import annotations

import re

import pytest
from feature_editions import pinned_styles

from kupang_layout.engine.displaylist import ImageItem, Marker, TextRun
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.report import quality_report
from kupang_layout.engine.trace import trace
from kupang_layout.model import (
    Asset,
    Box,
    Edition,
    History,
    ImageFrame,
    Page,
    Paragraph,
    Rect,
    Run,
    SetParagraphText,
    Story,
    TextFrame,
    mm,
)

TEXT = (
    "Pemerintah Kabupaten Kupang meresmikan jembatan baru di Desa Oelnasi, Senin siang. "
    "Bupati Kupang, di-dampingi oleh Kepala Dinas Pekerjaan Umum, memotong pita di ujung "
    "jembatan sepanjang 45 meter itu. Pembangunan jembatan itu menelan biaya sekitar dua "
    "miliar rupiah dari dana alokasi khusus, dan warga berharap perjalanan ke pasar "
    "menjadi lebih singkat selama musim hujan."
)


def edition_with(frames: list, stories: dict[str, Story]) -> tuple[Edition, Page]:  # type: ignore[type-arg]
    # The pinned body (no hanging punctuation): these tests measure lines against the
    # frame's edges, whatever the house defaults become.
    ed = Edition(number="612", date="2024-10-14", paragraph_styles=pinned_styles())
    page = Page(id="p", number=3, width=mm(280), height=mm(430))
    page.frames.extend(frames)
    ed.pages.append(page)
    ed.stories.update(stories)
    return ed, page


def words_of(runs: list[TextRun]) -> list[str]:
    """The words as drawn, with line-end hyphens joined back."""
    out: list[str] = []
    carry = ""
    for r in runs:
        for w in r.words:
            text = carry + w.text
            carry = ""
            if w is r.words[-1] and text.endswith("-") and not text.endswith("--"):
                carry = text[:-1]
                continue
            out.append(text)
    if carry:
        out.append(carry + "-")
    return out


def body_page(text: str = TEXT, width_mm: float = 47.6) -> tuple[Edition, Page, TextFrame]:
    story = Story(id="s", paragraphs=[Paragraph.plain("Lead", text)])
    frame = TextFrame(id="t", rect=Rect(mm(12), mm(50), mm(width_mm), mm(200)), story_id="s")
    ed, page = edition_with([frame], {"s": story})
    return ed, page, frame


def test_every_word_is_drawn_once_in_order() -> None:
    ed, page, _ = body_page()
    runs = list(LayoutEngine().layout_page(ed, page).text_runs())
    drawn = words_of(runs)
    # hyphenation may split "di-dampingi" at its hard hyphen: join what the house style joins
    assert "".join(drawn) == "".join(TEXT.split())


def test_justified_lines_fill_the_measure_exactly() -> None:
    ed, page, frame = body_page()
    runs = list(LayoutEngine().layout_page(ed, page).text_runs())
    right = frame.rect.right
    lines = sorted({r.y for r in runs})
    for y in lines[:-1]:
        last = [r for r in runs if r.y == y][-1]
        end = last.words[-1].x + last.words[-1].width
        assert end == pytest.approx(right, abs=0.01)
    last_line = [r for r in runs if r.y == lines[-1]][-1]
    assert last_line.words[-1].x + last_line.words[-1].width < right


def test_a_paragraph_going_on_into_a_wider_frame_is_set_again_at_its_width() -> None:
    # A story jumps from a 47.6 mm column (a few lines deep) into a 90 mm frame on the same
    # page, mid-paragraph: the lines there fill 90 mm, not the 47.6 mm they had.
    story = Story(id="s", paragraphs=[Paragraph.plain("Body", TEXT)])
    narrow = TextFrame(id="a", rect=Rect(mm(12), mm(50), mm(47.6), 4 * 11.0 + 3), story_id="s")
    wide = TextFrame(id="b", rect=Rect(mm(12), mm(150), mm(90), mm(100)), story_id="s",
                     chain_index=1)  # fmt: skip
    ed, page = edition_with([narrow, wide], {"s": story})
    runs = list(LayoutEngine().layout_page(ed, page).text_runs())
    assert "".join(words_of(runs)) == "".join(TEXT.split())  # nothing lost or doubled
    for frame in (narrow, wide):
        mine = [r for r in runs if r.frame_id == frame.id]
        ys = sorted({r.y for r in mine})
        assert len(ys) >= 2
        for y in ys[:-1] if frame is wide else ys:  # the paragraph's last line is ragged
            last = [r for r in mine if r.y == y][-1]
            end = last.words[-1].x + last.words[-1].width
            assert end == pytest.approx(frame.rect.right, abs=0.01), (frame.id, y)
    # the engine reports its own lines as justified and not overfull
    layout = LayoutEngine().layout_story(ed, "s")
    assert not any(pl.line.overfull for pl in layout.flow.placed)


def test_overset_of_a_paragraph_set_again_in_a_wider_frame_counts_every_word_once() -> None:
    story = Story(id="s", paragraphs=[Paragraph.plain("Body", TEXT)])
    narrow = TextFrame(id="a", rect=Rect(mm(12), mm(50), mm(47.6), 4 * 11.0 + 3), story_id="s")
    wide = TextFrame(id="b", rect=Rect(mm(12), mm(150), mm(90), 2 * 11.0 + 3), story_id="s",
                     chain_index=1)  # fmt: skip
    ed, _ = edition_with([narrow, wide], {"s": story})
    flow = LayoutEngine().layout_story(ed, "s").flow
    assert flow.overset_lines > 0
    placed = sum(pl.line.word_count for pl in flow.placed)
    assert placed + flow.overset_words == len(TEXT.split())


def test_letter_spacing_stays_in_the_style_range() -> None:
    ed, page, _ = body_page()
    style = ed.paragraph_styles["Body"]
    limit = 9.5 * (style.letter_space_max or 2.0) / 100 + 1e-9
    for r in LayoutEngine().layout_page(ed, page).text_runs():
        assert -9.5 * 0.01 - 1e-9 <= r.letter_spacing <= limit


def test_dateline_run_in_bold_shares_the_baseline() -> None:
    story = Story(id="s", paragraphs=[Paragraph(style="Lead", runs=[
        Run("OELAMASI, KUPANG TIMES -", "Dateline"), Run(" " + TEXT)])])  # fmt: skip
    frame = TextFrame(id="t", rect=Rect(mm(12), mm(50), mm(47.6), mm(200)), story_id="s")
    ed, page = edition_with([frame], {"s": story})
    runs = list(LayoutEngine().layout_page(ed, page).text_runs())
    first = [r for r in runs if r.y == runs[0].y]
    assert first[0].face == "PT Serif/Bold"
    assert any(r.face == "PT Serif/Regular" for r in runs)


def test_overset_is_marked_and_counted() -> None:
    story = Story(id="s", paragraphs=[Paragraph.plain("Body", TEXT) for _ in range(6)])
    frame = TextFrame(id="t", rect=Rect(mm(12), mm(50), mm(47.6), mm(40)), story_id="s")
    ed, page = edition_with([frame], {"s": story})
    engine = LayoutEngine()
    dl = engine.layout_page(ed, page)
    markers = [m for m in dl.items if isinstance(m, Marker) and m.kind == "overset"]
    layout = engine.layout_story(ed, "s")
    assert layout.flow.overset_lines > 0
    assert markers and markers[0].label == f"+{layout.flow.overset_lines}"
    report = quality_report("s", layout.flow)
    assert report.copyfit == f"+{layout.flow.overset_lines} lines over"
    placed_words = sum(pl.line.word_count for pl in layout.flow.placed)
    assert placed_words + layout.flow.overset_words == 6 * len(TEXT.split())


def test_headline_shrinks_to_fit_its_lines() -> None:
    long = "Jembatan Oelnasi Diresmikan, Warga Desa Tak Lagi Menyeberangi Sungai Saat Banjir"
    story = Story(id="h", paragraphs=[Paragraph.plain("Headline", long)])
    frame = TextFrame(id="t", rect=Rect(mm(12), mm(20), mm(180), mm(40)), story_id="h")
    ed, page = edition_with([frame], {"h": story})
    engine = LayoutEngine()
    layout = engine.layout_story(ed, "h")
    assert layout.size_scale < 1.0
    assert len(layout.flow.placed) <= 2 and layout.flow.overset_lines == 0
    size = next(iter(engine.layout_page(ed, page).text_runs())).size
    assert 24.0 <= size < 40.0


def test_folio_variable_follows_the_page() -> None:
    story = Story(id="f", paragraphs=[Paragraph.plain("Folio", "{{folio}}")])
    frame = TextFrame(id="t", rect=Rect(mm(12), mm(415), mm(256), mm(6)), story_id="f")
    ed, page = edition_with([frame], {"f": story})
    text = " ".join(r.text for r in LayoutEngine().layout_page(ed, page).text_runs())
    assert text == "KUPANG TIMES | Edisi 612 | Halaman 3 | Senin, 14 Oktober 2024"


def test_photo_touching_the_trim_runs_into_the_bleed_and_fills() -> None:
    asset = Asset("a" * 64, "jpg", "foto.jpg", 3000, 2000)
    frame = ImageFrame(id="i", rect=Rect(0, 0, mm(280), mm(150)), asset=asset.sha256)
    ed, page = edition_with([frame], {})
    ed.assets[asset.sha256] = asset
    item = next(i for i in LayoutEngine().layout_page(ed, page).items if isinstance(i, ImageItem))
    assert item.clip_x == pytest.approx(-mm(3)) and item.clip_y == pytest.approx(-mm(3))
    assert item.clip_width == pytest.approx(mm(286))
    assert item.img_x <= item.clip_x + 1e-6 and item.img_y <= item.clip_y + 1e-6
    assert item.img_x + item.img_width >= item.clip_x + item.clip_width - 1e-6
    assert item.img_y + item.img_height >= item.clip_y + item.clip_height - 1e-6
    assert item.effective_ppi == pytest.approx(3000 / (item.img_width / 72))


def test_box_inside_the_page_does_not_grow() -> None:
    box = Box(id="b", rect=Rect(mm(20), mm(20), mm(50), mm(10)), fill="Grey 20")
    ed, page = edition_with([box], {})
    line = trace(LayoutEngine().layout_page(ed, page)).splitlines()[1]
    assert re.match(r"box 56\.69,56\.69 141\.73x28\.35 fill=Grey 20", line)


def test_editing_one_paragraph_recomposes_only_that_paragraph() -> None:
    story = Story(id="s", paragraphs=[Paragraph.plain("Body", TEXT) for _ in range(8)])
    frame = TextFrame(id="t", rect=Rect(mm(12), mm(50), mm(256), mm(300)), story_id="s",
                      columns=5, gutter=mm(4.5))  # fmt: skip
    ed, page = edition_with([frame], {"s": story})
    engine = LayoutEngine()
    engine.layout_page(ed, page)
    before = engine.composer.compositions
    History(ed).execute(SetParagraphText("s", 4, TEXT + " Tambahan."))
    engine.layout_page(ed, page)
    assert engine.composer.compositions - before == 1


def test_layout_is_deterministic() -> None:
    ed, page, _ = body_page()
    assert trace(LayoutEngine().layout_page(ed, page)) == trace(
        LayoutEngine().layout_page(ed, page)
    )


def test_drop_cap_spans_three_lines() -> None:
    from kupang_layout.model import ParagraphStyle

    ed, page, frame = body_page()
    ed.paragraph_styles["Lead DC"] = ParagraphStyle("Lead DC", based_on="Lead", drop_cap_lines=3)
    ed.stories["s"].paragraphs[0].style = "Lead DC"
    runs = list(LayoutEngine().layout_page(ed, page).text_runs())
    initial = next(r for r in runs if r.line == -1)
    body = [r for r in runs if r.line >= 0]
    ys = sorted({r.y for r in body})
    assert initial.text == "P" and initial.size > 20
    assert initial.y == pytest.approx(ys[2])  # baseline on the third line
    right_of_initial = initial.words[0].x + initial.words[0].width
    for r in body:
        if r.y in ys[:3]:
            assert r.words[0].x > right_of_initial
    assert min(r.words[0].x for r in body if r.y == ys[3]) == pytest.approx(frame.rect.x)
    assert "".join(words_of(body)) == "".join(TEXT.split())[1:]


def test_vertical_centre_puts_equal_space_above_and_below() -> None:
    story = Story(id="g", paragraphs=[Paragraph.plain("Tagline", "Mari Jaga Kebersihan!")])
    frame = TextFrame(id="t", rect=Rect(mm(12), mm(380), mm(256), mm(14)), story_id="g",
                      vertical_align="center", fill="KT Red")  # fmt: skip
    ed, page = edition_with([frame], {"g": story})
    engine = LayoutEngine()
    run = next(iter(engine.layout_page(ed, page).text_runs()))
    line = engine.layout_story(ed, "g").flow.placed[0].line
    above = (run.y - line.ascent) - frame.rect.y
    below = frame.rect.bottom - (run.y + line.descent)
    assert above == pytest.approx(below, abs=0.01)
