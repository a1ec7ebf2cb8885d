"""A page's content fingerprint holds the program's version: after an update that may set
the page differently, the export manifest and delivery count the page as changed."""

from __future__ import annotations

import pytest
from feature_editions_fit import collapse

import kupang_layout
from kupang_layout.engine.layout import layout_page
from kupang_layout.jobs.fingerprint import content_fingerprint, page_fingerprint
from kupang_layout.render.pdf.presets import get_preset


def test_both_fingerprints_change_with_the_program_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ed = collapse()
    page = ed.pages[0]
    preset = get_preset()
    dl = layout_page(ed, page)
    content = content_fingerprint(ed, dl, preset)
    whole = page_fingerprint(ed, page.number, preset)
    # the same program and page: the same fingerprints (nothing else moves them)
    assert content_fingerprint(ed, layout_page(ed, page), preset) == content
    assert page_fingerprint(ed, page.number, preset) == whole == content
    monkeypatch.setattr(kupang_layout, "__version__", kupang_layout.__version__ + ".post1")
    assert content_fingerprint(ed, dl, preset) != content
    updated = page_fingerprint(ed, page.number, preset)
    assert updated is not None and updated != whole
    monkeypatch.undo()
    assert page_fingerprint(ed, page.number, preset) == whole
