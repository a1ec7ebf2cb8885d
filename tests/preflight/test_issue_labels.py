"""Preflight stage tests: an issue names its frame in the user's words, never by its id."""

from __future__ import annotations

import dataclasses

from preflight_helpers import BODY_TEXT, clean_edition

from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model import Paragraph
from kupang_layout.preflight import Issue, run_preflight


def _roleless_body() -> list[Issue]:
    ed = clean_edition()
    ed.stories["b"].paragraphs = [Paragraph.plain("Body", BODY_TEXT)] * 60
    page = ed.pages[0]
    i = next(k for k, f in enumerate(page.frames) if f.id == "body")
    page.frames[i] = dataclasses.replace(page.frames[i], role=None, name="")
    return run_preflight(ed, LayoutEngine())


def test_a_frame_without_name_or_role_is_named_by_what_it_is() -> None:
    """A frame the desk drew or placed by hand (no slot, no name) is 'bingkai teks' /
    'text frame' in the report, not 'f-b78a2828a303'; its id still selects it."""
    (issue,) = [i for i in _roleless_body() if i.rule == "overset"]
    assert issue.frame_id == "body" and not issue.role and not issue.frame
    assert issue.frame_label("id") == "bingkai teks"
    assert issue.frame_label("en") == "text frame"
    assert issue.to_dict("en")["kind"] == "text"


def test_a_named_or_slotted_frame_keeps_its_name() -> None:
    ed = clean_edition()
    ed.stories["b"].paragraphs = [Paragraph.plain("Body", BODY_TEXT)] * 60
    (issue,) = [i for i in run_preflight(ed, LayoutEngine()) if i.rule == "overset"]
    assert issue.frame_label("id") == "isi berita" and issue.frame_label("en") == "body text"


def test_the_built_in_slot_names_read_in_the_language() -> None:
    """The built-in templates name frames 'teaser2 headline', 'main photo credit': in the
    Indonesian report they read as the role and the slot; the desk's own names stay."""
    from kupang_layout.preflight.texts import frame_name

    assert frame_name("teaser2 headline", "id") == "judul tiser 2"
    assert frame_name("main photo credit", "id") == "kredit foto utama"
    assert frame_name("second body", "id") == "isi berita kedua"
    assert frame_name("page folio", "id") == "folio halaman"
    assert frame_name("main pull quote", "id") == "kutipan utama"
    assert frame_name("teaser2 headline", "en") == "teaser 2 headline"
    assert frame_name("main photo credit", "en") == "main photo credit"
    for own in ("Foto utama", "teaser headline", "main", "main thing", "teaser0x photo", ""):
        assert frame_name(own, "id") == own


def test_every_frame_name_of_the_built_in_templates_is_translated() -> None:
    """No frame name of a built-in template reaches the Indonesian report in English."""
    from kupang_layout.preflight.texts import frame_name
    from kupang_layout.storage.library import TemplateLibrary

    library = TemplateLibrary()
    names = {
        f.name
        for info in library.list()
        for f in library.get(info.name).frames
        if f.name and f.name != "rule"
    }
    assert len(names) > 30
    for name in sorted(names):
        assert frame_name(name, "id") != name, name
