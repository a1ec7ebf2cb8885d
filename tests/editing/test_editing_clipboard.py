"""The frames clipboard payload without Qt: round trip, paste as commands, pasted text."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qt_samples import sample_edition
from strategies import editions

from kupang_layout.editing.clipboard import clean_inline, clean_paragraphs, copy_payload
from kupang_layout.editing.clipboard_bytes import (
    ClipboardError,
    payload_from_bytes,
    payload_to_bytes,
)
from kupang_layout.editing.clipboard_paste import paste_commands
from kupang_layout.model import (
    DefineParagraphStyle,
    Edition,
    History,
    ImageFrame,
    Page,
    ParagraphStyle,
    TextFrame,
    mm,
)
from kupang_layout.storage.fields import At
from kupang_layout.storage.references import check_edition
from kupang_layout.storage.serialize import edition_to_dict


def _target() -> Edition:
    ed = Edition()
    ed.pages.append(Page("p-x", 1, mm(280), mm(430)))
    return ed


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_selection_of_any_edition_round_trips(data: st.DataObject) -> None:
    ed = data.draw(editions(max_pages=2))
    all_frames = [f for p in ed.pages for f in p.frames]
    if not all_frames:
        assert copy_payload(ed, []) is None
        return
    page = data.draw(st.sampled_from([p for p in ed.pages if p.frames]))
    chosen = data.draw(st.lists(st.sampled_from(page.frames), min_size=1, unique_by=lambda f: f.id))
    before = edition_to_dict(ed)
    payload = copy_payload(ed, [f.id for f in chosen])
    assert payload is not None
    assert edition_to_dict(ed) == before  # copying changes nothing
    back = payload_from_bytes(payload_to_bytes(payload))
    assert back.frames == payload.frames == [f for f in page.frames if f in chosen]
    assert back.stories == payload.stories
    assert back.paragraph_styles == payload.paragraph_styles
    assert back.character_styles == payload.character_styles
    assert back.swatches == payload.swatches
    assert back.assets == payload.assets and back.asset_data == payload.asset_data
    # pasted into an empty edition: valid, one undo step takes it all back
    target = _target()
    history = History(target)
    empty = edition_to_dict(target)
    paste = paste_commands(target, target.pages[0], back, 0.0, 0.0)
    with history.group("paste"):
        for c in paste.commands:
            history.execute(c)
    check_edition(target, At("pasted"))
    assert len(target.pages[0].frames) == len(chosen)
    assert not {f.id for f in target.pages[0].frames} & {f.id for f in chosen}
    for old, new in zip(chosen_in_order(page, chosen), target.pages[0].frames, strict=True):
        assert new.rect == old.rect and type(new) is type(old)
        if isinstance(old, TextFrame) and old.story_id:
            assert isinstance(new, TextFrame) and new.story_id != old.story_id
            assert (
                target.stories[new.story_id or ""].paragraphs == ed.stories[old.story_id].paragraphs
            )
        if isinstance(old, ImageFrame) and old.asset:
            assert isinstance(new, ImageFrame) and new.asset == old.asset
            assert target.asset_source.read(old.asset) == ed.asset_source.read(old.asset)
    history.undo()
    assert edition_to_dict(target) == empty


def chosen_in_order(page: Page, chosen: list) -> list:  # type: ignore[type-arg]
    ids = {f.id for f in chosen}
    return [f for f in page.frames if f.id in ids]


def test_threaded_frames_stay_threaded_and_bring_the_whole_story() -> None:
    ed = sample_edition(n_words=300)
    payload = copy_payload(ed, ["f-body1", "f-body2"])
    assert payload is not None and list(payload.stories) == ["s-body"]
    target = copy.deepcopy(ed)
    paste = paste_commands(target, target.pages[0], payload, 10.0, 0.0)
    h = History(target)
    with h.group("paste"):
        for c in paste.commands:
            h.execute(c)
    new = [target.find_frame(i)[1] for i in paste.frame_ids]  # type: ignore[index]
    assert [f.chain_index for f in new] == [0, 1]  # type: ignore[union-attr]
    (sid,) = {f.story_id for f in new}  # type: ignore[union-attr]
    assert sid != "s-body"
    assert target.stories[sid].paragraphs == ed.stories["s-body"].paragraphs


def test_the_documents_own_style_wins_a_name_clash() -> None:
    source = sample_edition(n_words=50, photo=False)
    source.paragraph_styles["Body"] = ParagraphStyle("Body", size=30.0)
    source.paragraph_styles["Kolom"] = ParagraphStyle("Kolom", based_on="Body", size=8.0)
    source.stories["s-body"].paragraphs[0].style = "Kolom"
    payload = copy_payload(source, ["f-body0"])
    assert payload is not None and list(payload.paragraph_styles)[:2] == ["Body", "Kolom"]
    target = sample_edition(n_words=50, photo=False)
    mine = target.paragraph_styles["Body"]
    paste = paste_commands(target, target.pages[0], payload, 0.0, 0.0)
    defined = [c.style.name for c in paste.commands if isinstance(c, DefineParagraphStyle)]
    assert defined == ["Kolom"]
    h = History(target)
    with h.group("paste"):
        for c in paste.commands:
            h.execute(c)
    assert target.paragraph_styles["Body"] is mine
    assert target.paragraph_styles["Kolom"].size == 8.0


def test_a_photo_without_its_bytes_pastes_empty_elsewhere() -> None:
    ed = sample_edition(n_words=50)
    payload = copy_payload(ed, ["f-photo"], max_asset_bytes=10)
    assert payload is not None and not payload.asset_data
    same = paste_commands(ed, ed.pages[0], payload, 0, 0)
    assert not same.missing_assets  # this edition has the photo
    other = _target()
    paste = paste_commands(other, other.pages[0], payload, 0, 0)
    assert paste.missing_assets == ["sea-boats-evening.jpg"]
    frame = paste.commands[-1].frame  # type: ignore[attr-defined]
    assert isinstance(frame, ImageFrame) and frame.asset is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b'{"format": "other"}',
        b'{"format": "kupang-layout-frames", "version": 9}',
        b'{"format": "kupang-layout-frames", "version": 1, "frames": []}',
        b'{"format": "kupang-layout-frames", "version": 1, "frames": [{"type": "text", "id": "a",'
        b' "rect": {"x": 0, "y": 0, "width": 1, "height": 1}, "story_id": "nowhere"}]}',
    ],
)
def test_foreign_or_broken_payloads_are_refused(data: bytes) -> None:
    with pytest.raises(ClipboardError):
        payload_from_bytes(data)


def test_tampered_photo_bytes_are_refused() -> None:
    ed = sample_edition(n_words=20)
    payload = copy_payload(ed, ["f-photo"])
    assert payload is not None
    sha = next(iter(payload.asset_data))
    payload.asset_data[sha] = b"\xff\xd8 not the photo"
    with pytest.raises(ClipboardError):
        payload_from_bytes(payload_to_bytes(payload))


def test_pasted_text_loses_its_formatting_and_keeps_its_words() -> None:
    text = (
        "Judul\u00ad berita\r\n\r\n\tKUPANG \u2013 Warga  \u201cmenolak\u201d\u200b"
        " re-klamasi.\u2029Baris dua\x0b"
    )
    assert clean_paragraphs(text) == [
        "Judul berita",
        "KUPANG \u2013 Warga \u201cmenolak\u201d re-klamasi.",
        "Baris dua",
    ]
    assert clean_inline("Satu\nDua\n") == "Satu Dua"
