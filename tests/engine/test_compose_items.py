"""The item builder's word splitting: any run of word-separating characters is one space."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from kupang_layout.engine.compose import Composer
from kupang_layout.engine.compose_items import ItemBuilder, Segment
from kupang_layout.engine.fixture import reference_page
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.parser import read_manuscript

STORY = Path(__file__).parents[1] / "manuscripts" / "long_story_900.txt"
SEPARATORS = re.compile("[ \t\n\r\u2002\u2003\u2009\u200a]+")

TEXTS = [
    ("Kota  Kupang\t\thari ini", "sudah\u2002 mulai"),
    ("  awal", "tengah\n\r", "\u2003akhir  "),
    ("kata", "sam-bung", " lagi\u2009\u200a"),
    ("\t", "satu", "", "dua"),
    ("tanpa\u00a0pisah", "di\u202fsini"),
]


@pytest.mark.parametrize("texts", TEXTS)
def test_separator_runs_build_as_one_space(texts: tuple[str, ...]) -> None:
    ed, _ = reference_page(body_paragraphs(read_manuscript(STORY)))
    composer = Composer()
    paragraph = ed.stories["story"].paragraphs[1]
    style = composer.style_of(ed, paragraph)
    model = composer.segments(ed, paragraph, style, {})[0]

    def built(parts: list[str]) -> tuple[list[object], list[int]]:
        segs: list[Segment] = [replace(model, text=t) for t in parts]
        builder = ItemBuilder(composer, style, segs)
        items, _ = builder.build()
        return list(items), sorted(builder.spans)

    single = [SEPARATORS.sub(" ", t) for t in texts]
    assert built(list(texts)) == built(single)
