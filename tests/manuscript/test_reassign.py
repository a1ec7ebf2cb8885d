"""The desk's corrections to a parse: a warned line moved to another kind, nothing lost."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kupang_layout.manuscript import Manuscript, read_manuscript
from kupang_layout.manuscript.apply import apply_to_page
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.reassign import (
    KINDS,
    choices_for,
    kind_at,
    reassign,
    reassign_all,
    text_at,
)
from kupang_layout.model import Edition, History, instantiate
from kupang_layout.storage import TemplateLibrary

MANUSCRIPTS = Path(__file__).resolve().parents[1] / "manuscripts"


def _read(name: str) -> Manuscript:
    return read_manuscript(MANUSCRIPTS / name)


def _words(m: Manuscript) -> list[str]:
    """Every word of the manuscript's movable pieces and header fields, sorted."""
    parts = [p.text for p in m.paragraphs] + [p.attribution or "" for p in m.paragraphs]
    parts += [m.tagline or "", m.headline or "", m.deck or "", m.section or ""]
    return sorted(w for part in parts for w in part.replace("|", " ").split())


def test_uncertain_tagline_made_the_tagline() -> None:
    m = _read("08_tagline_uncertain.txt")
    (w,) = [w for w in m.warnings if w.key == "tagline_uncertain_short"]
    assert kind_at(m, w.line) == "body" and m.tagline is None
    text = text_at(m, w.line)
    fixed = reassign(m, w.line or 0, "tagline")
    assert fixed.tagline == text and fixed.tagline_line == w.line
    assert kind_at(fixed, w.line) == "tagline"
    assert all(p.line != w.line for p in fixed.paragraphs)
    assert _words(fixed) == _words(m)


def test_choices_start_with_the_current_kind_and_offer_only_empty_headers() -> None:
    m = _read("09_odd_lines.txt")
    assert m.section is not None and m.headline is None
    for w in m.warnings:
        choices = choices_for(m, w)
        assert choices[0] == kind_at(m, w.line)
        assert "section" not in choices and "headline" in choices
        assert len(set(choices)) == len(choices)
    credit_warnings = [w for w in _read("10_credit_variants.txt").warnings]
    assert credit_warnings and all(
        choices_for(_read("10_credit_variants.txt"), w) == () for w in credit_warnings
    )


def test_a_filled_header_is_not_overwritten() -> None:
    m = _read("09_odd_lines.txt")
    line = m.paragraphs[-1].line
    with pytest.raises(ValueError):
        reassign(m, line, "section")
    with pytest.raises(ValueError):
        reassign(m, 9999, "body")


def test_line_made_headline_fills_the_empty_headline() -> None:
    m = _read("09_odd_lines.txt")
    p = m.paragraphs[1]
    fixed = reassign(m, p.line, "headline")
    assert fixed.headline == p.text
    assert _words(fixed) == _words(m)


def test_new_lead_demotes_the_old_one() -> None:
    m = _read("14_starts_with_quote.txt")
    body = next(p for p in m.paragraphs if p.kind == "body")
    fixed = reassign(m, body.line, "lead")
    assert [p.line for p in fixed.paragraphs if p.kind == "lead"] == [body.line]
    assert [p.line for p in fixed.paragraphs] == sorted(p.line for p in fixed.paragraphs)


def test_quote_made_body_reads_on_and_a_piped_line_made_quote_splits() -> None:
    m = _read("12_multiword_place.txt")
    quote = next(p for p in m.paragraphs if p.kind == "quote" and p.attribution)
    as_body = reassign(m, quote.line, "body")
    body = next(p for p in as_body.paragraphs if p.line == quote.line)
    assert body.text == f"{quote.text} {quote.attribution}" and body.attribution is None
    piped = reassign(
        as_body.__class__(paragraphs=(replace(body, text="“Siap,” | Ani, warga"),)),
        quote.line,
        "quote",
    )
    back = piped.paragraphs[0]
    assert (back.kind, back.text, back.attribution) == ("quote", "“Siap,”", "Ani, warga")


def test_reassigned_manuscript_applies_the_line_in_its_new_slot() -> None:
    m = _read("08_tagline_uncertain.txt")
    (w,) = m.warnings
    fixed = reassign_all(m, {w.line or 0: "tagline"})
    edition = Edition()
    page, stories = instantiate(TemplateLibrary().get("berita-satu"), 1)
    edition.pages.append(page)
    for s in stories:
        edition.stories[s.id] = s
    History(edition).execute(apply_to_page(edition, page.id, fixed))
    tagline = next(f for f in page.frames if f.role == "tagline")
    assert edition.stories[tagline.story_id or ""].text == fixed.tagline
    assert fixed.tagline not in [p.text for p in body_paragraphs(fixed)]


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(
        ["09_odd_lines.txt", "12_multiword_place.txt", "13_header_problems.txt", "07_quotes.txt"]
    ),
    picks=st.lists(st.tuples(st.integers(0, 30), st.sampled_from(KINDS)), max_size=6),
)
def test_moves_never_lose_a_word(name: str, picks: list[tuple[int, str]]) -> None:
    m = _read(name)
    current = m
    for index, kind in picks:
        movable = [p.line for p in current.paragraphs] + (
            [current.tagline_line] if current.tagline_line is not None else []
        )
        line = movable[index % len(movable)]
        try:
            current = reassign(current, line, kind)  # type: ignore[arg-type]
        except ValueError:
            assert kind in ("headline", "deck", "section")
            assert getattr(current, kind) is not None
            continue
        assert kind_at(current, line) in (kind, None)
        assert _words(current) == _words(m)
