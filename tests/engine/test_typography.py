"""Typographer's quotes: straight marks set as curly ones by the engine, text kept as typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.typography import curly_quotes, curly_quotes_runs
from kupang_layout.model import Edition, Page, Paragraph, Rect, Story, TextFrame, mm


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ('"Kalau ikan segar tidak ada," kata dia.', "“Kalau ikan segar tidak ada,” kata dia."),
        ("Hari Jum'at", "Hari Jum’at"),
        ("era '90-an", "era ’90-an"),
        ("Dia bilang 'tidak' tadi", "Dia bilang ‘tidak’ tadi"),
        ("\"Dia bilang 'cukup'\"", "“Dia bilang ‘cukup’”"),
        ("tinggi 5'11\" dan 10°15' LS", "tinggi 5'11\" dan 10°15' LS"),  # primes as typed
        ('jawabnya —"Ya"', "jawabnya —“Ya”"),
        ('("Tidak")', "(“Tidak”)"),
        ("“Sudah” lengkung", "“Sudah” lengkung"),
        ("", ""),
    ],
)
def test_straight_marks_become_curly(typed: str, printed: str) -> None:
    assert curly_quotes(typed) == printed


def test_a_mark_at_a_run_start_looks_at_the_run_before() -> None:
    assert curly_quotes_runs(["Dia berkata ", '"', "ya", '"']) == ["Dia berkata ", "“", "ya", "”"]
    assert curly_quotes_runs(["kata", '"']) == ["kata", "”"]


@given(st.lists(st.text(alphabet="ab 1'\"(—.,", max_size=12), max_size=4))
def test_only_the_marks_change_one_character_for_one(texts: list[str]) -> None:
    out = curly_quotes_runs(texts)
    assert [len(t) for t in out] == [len(t) for t in texts]
    for before, after in zip("".join(texts), "".join(out), strict=True):
        assert before == after or (before in "\"'" and after in "“”‘’")


def test_the_page_prints_curly_quotes_and_the_story_keeps_what_was_typed() -> None:
    typed = '"Kalau ikan segar tidak ada, pembeli juga sepi," kata Maria di pasar Oeba.'
    story = Story(id="s", paragraphs=[Paragraph.plain("Quote", typed)])
    ed = Edition(number="612", date="2024-10-14")
    page = Page(id="p", number=1, width=mm(280), height=mm(430))
    page.frames.append(TextFrame(id="t", rect=Rect(mm(12), mm(50), mm(60), mm(80)), story_id="s"))
    ed.pages.append(page)
    ed.stories["s"] = story
    drawn = " ".join(r.text for r in LayoutEngine().layout_page(ed, page).text_runs())
    assert drawn.startswith("“Kalau") and "sepi,”" in drawn and '"' not in drawn
    assert story.paragraphs[0].text == typed
