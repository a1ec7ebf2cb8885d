"""Preflight: punctuation hanging into the margin by optical margin alignment is not text
outside the margin (as in InDesign); letters outside it still are."""

from __future__ import annotations

from feature_editions import optical_margin

from kupang_layout.model import Rect, mm
from kupang_layout.preflight import run_preflight


def _margin_issues(edition, frame_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        i.rule
        for i in run_preflight(edition)
        if i.frame_id == frame_id and i.rule in ("text-margin", "text-near-trim", "text-trim")
    ]


def test_hanging_punctuation_is_not_text_outside_the_margin() -> None:
    edition = optical_margin()
    page = edition.pages[0]
    body = page.frame("body")
    assert body.rect.x == page.content_rect.x  # the column starts on the margin
    assert _margin_issues(edition, "body") == []


def test_letters_outside_the_margin_are_still_reported() -> None:
    edition = optical_margin()
    body = edition.pages[0].frame("body")
    body.rect = Rect(body.rect.x - mm(3), body.rect.y, body.rect.width, body.rect.height)
    assert _margin_issues(edition, "body") == ["text-margin"]
