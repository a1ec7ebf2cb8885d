"""Preflight document rules on hand-built editions: each rule fires on its fault, and only there."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from preflight_helpers import BODY_TEXT, PAGE_H, PAGE_W, add_image, clean_edition, jpeg_bytes

from kupang_layout.engine.compose import Composer
from kupang_layout.engine.displaylist import Ink, PageDisplayList, PlacedWord, TextRun
from kupang_layout.engine.graphics import TOUCH_EPSILON
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.fonts import FontRegistry, default_registry
from kupang_layout.manuscript.apply import PLACEHOLDER_HEADLINE
from kupang_layout.model import (
    Asset,
    Box,
    Edition,
    ImageFrame,
    Page,
    Paragraph,
    ParagraphStyle,
    Rect,
    Rule,
    Story,
    Swatch,
    TextFrame,
    mm,
)
from kupang_layout.preflight import Issue, PreflightSettings, check_page, run_preflight
from kupang_layout.preflight.doc_graphics import image_scale


def rules(issues: list[Issue]) -> list[tuple[str, str, str]]:
    return sorted((i.severity, i.rule, i.frame_id) for i in issues)


def frame(ed: Edition, frame_id: str):  # type: ignore[no-untyped-def]
    found = ed.find_frame(frame_id)
    assert found is not None
    return found[1]


def replace_frame(ed: Edition, frame_id: str, **changes: object) -> None:
    page = ed.pages[0]
    i = next(k for k, f in enumerate(page.frames) if f.id == frame_id)
    page.frames[i] = dataclasses.replace(page.frames[i], **changes)  # type: ignore[type-var]


# -- the clean page ----------------------------------------------------------------------


def test_clean_edition_has_no_issue_at_all() -> None:
    assert run_preflight(clean_edition()) == []


def test_clean_edition_is_clean_with_a_reused_engine_twice() -> None:
    engine = LayoutEngine()
    ed = clean_edition()
    assert run_preflight(ed, engine) == []
    assert run_preflight(ed, engine) == []


# -- overset -----------------------------------------------------------------------------


def test_overset_reports_lines_and_words_the_engine_left_over() -> None:
    ed = clean_edition()
    ed.stories["b"].paragraphs = [Paragraph.plain("Body", BODY_TEXT)] * 60
    engine = LayoutEngine()
    issues = run_preflight(ed, engine)
    assert rules(issues) == [("error", "overset", "body")]
    flow = engine.layout_story(ed, "b").flow
    assert flow.overset_lines > 0 and flow.overset_words > 0
    issue = issues[0]
    assert issue.params == {"lines": flow.overset_lines, "words": flow.overset_words}
    assert f"+{flow.overset_lines} baris, {flow.overset_words} kata" in issue.message("id")
    assert f"+{flow.overset_lines} lines, {flow.overset_words} words" in issue.message("en")
    assert issue.hint("id") and issue.hint("en")


def test_overset_is_reported_on_the_last_frame_of_a_threaded_chain() -> None:
    ed = clean_edition()
    ed.stories["b"].paragraphs = [Paragraph.plain("Body", BODY_TEXT)] * 60
    replace_frame(ed, "body", rect=Rect(mm(12), mm(165), mm(120), mm(240)), columns=2)
    ed.pages[0].frames.append(
        TextFrame(
            "body2",
            Rect(mm(140), mm(165), mm(128), mm(240)),
            role="body",
            story_id="b",
            chain_index=1,
            columns=2,
        )
    )
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "overset", "body2")]


# -- empty and placeholder slots ---------------------------------------------------------


@pytest.mark.parametrize("text", [PLACEHOLDER_HEADLINE, "[JUDUL]", "  [isi judul nanti] "])
def test_placeholder_headline_is_an_error(text: str) -> None:
    ed = clean_edition()
    ed.stories["h"].paragraphs = [Paragraph.plain("Headline", text)]
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "placeholder-headline", "head")]
    assert issues[0].params["text"] == text.strip()


def test_brackets_inside_a_headline_are_not_a_placeholder() -> None:
    ed = clean_edition()
    ed.stories["h"].paragraphs = [Paragraph.plain("Headline", "[Foto] Jalan Oebobo Rusak")]
    assert run_preflight(ed) == []


def test_empty_headline_story_and_body_without_story_are_errors() -> None:
    ed = clean_edition()
    ed.stories["h"].paragraphs = [Paragraph.plain("Headline", "   ")]
    replace_frame(ed, "body", story_id=None)
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "empty-slot", "body"), ("error", "empty-slot", "head")]
    by_frame = {i.frame_id: i for i in issues}
    assert by_frame["head"].params["role"] == "headline"
    assert "judul" in by_frame["head"].message("id")
    assert "headline" in by_frame["head"].message("en")


def test_an_empty_optional_slot_is_a_warning() -> None:
    ed = clean_edition()
    ed.stories["c"].paragraphs = []
    issues = run_preflight(ed)
    assert rules(issues) == [("warning", "empty-slot-optional", "cap")]
    assert "keterangan foto" in issues[0].message("id")


def test_free_and_furniture_frames_may_be_empty() -> None:
    ed = clean_edition()
    ed.pages[0].frames.append(TextFrame("free", Rect(mm(140), mm(65), mm(120), mm(40))))
    ed.pages[0].frames.append(
        TextFrame("folio", Rect(mm(140), mm(110), mm(60), mm(8)), role="folio")
    )
    assert run_preflight(ed) == []


def test_a_non_printing_empty_frame_is_not_reported() -> None:
    ed = clean_edition()
    replace_frame(ed, "photo", asset=None, printable=False)
    assert run_preflight(ed) == []


def test_empty_photo_frame_is_an_error_and_other_empty_image_frames_warn() -> None:
    ed = clean_edition()
    replace_frame(ed, "photo", asset=None)
    ed.pages[0].frames.append(ImageFrame("deco", Rect(mm(140), mm(65), mm(60), mm(40))))
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "photo-empty", "photo"), ("warning", "image-empty", "deco")]


# -- assets ------------------------------------------------------------------------------


def test_frame_referring_to_an_unknown_asset_is_an_error() -> None:
    ed = clean_edition()
    replace_frame(ed, "photo", asset="ab" * 32)
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "asset-unknown", "photo")]


def test_asset_whose_bytes_are_not_available_is_an_error() -> None:
    ed = clean_edition()
    photo = frame(ed, "photo")
    sha = "cd" * 32
    ed.assets[sha] = Asset(sha256=sha, ext="jpg", name="hilang.jpg", width_px=1600, height_px=1067)
    replace_frame(ed, "photo", asset=sha)
    assert photo.asset != sha
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "asset-missing", "photo")]
    assert issues[0].params["name"] == "hilang.jpg"


# -- image resolution and scale ------------------------------------------------------------


def _photo_with(ed: Edition, size: tuple[int, int], dpi: float | None) -> None:
    asset = add_image(ed, jpeg_bytes(size, dpi=dpi), "foto.jpg")
    replace_frame(ed, "photo", asset=asset.sha256)


def _placed_ppi(ed: Edition) -> float:
    dl = LayoutEngine().layout_page(ed, ed.pages[0])
    from kupang_layout.engine.displaylist import ImageItem

    item = next(i for i in dl.items if isinstance(i, ImageItem))
    return item.effective_ppi


@pytest.mark.parametrize(
    ("width_px", "expected"),
    [(300, "error"), (700, "error"), (800, "warning"), (900, "warning"), (1000, None)],
)
def test_effective_resolution_thresholds(width_px: int, expected: str | None) -> None:
    ed = clean_edition()
    _photo_with(ed, (width_px, width_px * 2 // 3), dpi=72)
    ppi = _placed_ppi(ed)
    issues = [i for i in run_preflight(ed) if i.rule.startswith("image-ppi")]
    if ppi < 150:
        assert expected == "error"
    elif ppi < 200:
        assert expected == "warning"
    else:
        assert expected is None
    if expected is None:
        assert issues == []
    else:
        assert [(i.severity, i.frame_id) for i in issues] == [(expected, "photo")]
        assert issues[0].params["ppi"] == round(ppi)


def test_enlarged_picture_warns_when_its_resolution_is_below_the_target() -> None:
    ed = clean_edition()
    # 1200 px declared at 600 dpi is 2 in (50.8 mm) wide; the 120 x 80 mm frame fills
    # with it at ~236 % and ~254 ppi: printable, but enlarged.
    _photo_with(ed, (1200, 800), dpi=600)
    issues = run_preflight(ed)
    assert rules(issues) == [("warning", "image-upscaled", "photo")]
    assert issues[0].params["dpi"] == 600
    assert 230 <= issues[0].params["scale"] <= 240


def test_enlarged_picture_still_over_the_target_resolution_is_only_information() -> None:
    ed = clean_edition()
    _photo_with(ed, (2000, 1334), dpi=1200)
    issues = run_preflight(ed)
    assert rules(issues) == [("info", "image-upscaled", "photo")]


def test_same_picture_at_72_dpi_is_not_enlarged() -> None:
    ed = clean_edition()
    _photo_with(ed, (1200, 800), dpi=72)
    assert [i.rule for i in run_preflight(ed)] == []


def test_picture_without_a_resolution_in_its_header_counts_as_72_dpi() -> None:
    ed = clean_edition()
    _photo_with(ed, (1200, 800), dpi=None)
    assert run_preflight(ed) == []


def test_image_scale_is_placed_size_over_own_size() -> None:
    from kupang_layout.engine.displaylist import ImageItem

    item = ImageItem("x", 0, 0, 144, 72, 0, 0, 144, 72, width_px=300, height_px=150)
    # 300 px at 300 dpi is 1 in = 72 pt; placed at 144 pt: 200 %.
    assert image_scale(item, 300.0) == pytest.approx(200.0)
    assert image_scale(item, 150.0) == pytest.approx(100.0)


def test_scale_threshold_comes_from_the_settings() -> None:
    ed = clean_edition()
    _photo_with(ed, (1200, 800), dpi=600)
    assert run_preflight(ed, settings=PreflightSettings(max_scale=250.0)) == []


# -- text and the trim ---------------------------------------------------------------------


def _move_caption(ed: Edition, x: float) -> None:
    replace_frame(ed, "cap", rect=Rect(x, mm(147), mm(120), mm(12)))


def test_text_in_the_margin_is_a_warning() -> None:
    ed = clean_edition()
    _move_caption(ed, mm(6))
    issues = run_preflight(ed)
    assert rules(issues) == [("warning", "text-margin", "cap")]
    assert issues[0].params["distance"] == pytest.approx(6.0, abs=0.3)


def test_text_a_hair_into_the_margin_is_tolerated() -> None:
    ed = clean_edition()
    _move_caption(ed, mm(11.8))
    assert run_preflight(ed) == []


def test_text_near_the_trim_is_a_warning() -> None:
    ed = clean_edition()
    _move_caption(ed, mm(1.5))
    issues = run_preflight(ed)
    assert rules(issues) == [("warning", "text-near-trim", "cap")]
    assert issues[0].params["distance"] == pytest.approx(1.5, abs=0.3)


def test_text_crossing_the_trim_is_an_error() -> None:
    ed = clean_edition()
    _move_caption(ed, -mm(4))
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "text-trim", "cap")]
    assert issues[0].params["distance"] == pytest.approx(4.0, abs=0.3)


def test_text_crossing_the_bottom_trim_is_an_error() -> None:
    ed = clean_edition()
    replace_frame(ed, "cap", rect=Rect(mm(12), PAGE_H - mm(1.5), mm(120), mm(12)))
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "text-trim", "cap")]


def test_folio_in_the_top_margin_is_furniture_not_a_fault() -> None:
    ed = clean_edition()
    ed.stories["f"] = Story("f", [Paragraph.plain("Folio", "Halaman 1")])
    ed.pages[0].frames.append(
        TextFrame(
            "folio",
            Rect(mm(200), mm(9), mm(60), mm(6)),
            role="folio",
            story_id="f",
            paragraph_style="Folio",
        )
    )
    assert run_preflight(ed) == []
    # ... but not closer to the trim than the safety distance.
    replace_frame(ed, "folio", rect=Rect(mm(200), mm(0.5), mm(60), mm(6)))
    assert rules(run_preflight(ed)) == [("warning", "text-near-trim", "folio")]


# -- bleed -------------------------------------------------------------------------------


def test_box_stopping_just_short_of_the_trim_warns() -> None:
    ed = clean_edition()
    ed.pages[0].frames.append(Box("box", Rect(mm(1), mm(200), mm(50), mm(20)), fill="Grey 20"))
    issues = run_preflight(ed)
    assert rules(issues) == [("warning", "bleed-gap", "box")]
    assert issues[0].params["edge"] == "left"
    assert issues[0].params["distance"] == pytest.approx(1.0, abs=0.01)
    assert "kiri" in issues[0].message("id")


def test_box_on_the_trim_is_extended_and_clean() -> None:
    ed = clean_edition()
    ed.pages[0].frames.append(
        Box("box", Rect(TOUCH_EPSILON / 2, mm(200), mm(50), mm(20)), fill="Grey 20")
    )
    assert run_preflight(ed) == []


def test_box_clear_of_the_edge_is_a_deliberate_white_border() -> None:
    ed = clean_edition()
    ed.pages[0].frames.append(Box("box", Rect(mm(2.5), mm(200), mm(50), mm(20)), fill="Grey 20"))
    assert run_preflight(ed) == []


def test_photo_stopping_short_of_the_right_trim_warns() -> None:
    ed = clean_edition()
    replace_frame(ed, "photo", rect=Rect(PAGE_W - mm(121), mm(65), mm(120), mm(80)))
    issues = run_preflight(ed)
    assert rules(issues) == [("warning", "bleed-gap", "photo")]
    assert issues[0].params["edge"] == "right"


def test_page_with_too_little_bleed_is_an_error_for_what_touches_the_trim() -> None:
    ed = clean_edition()
    ed.pages[0].bleed = mm(1)
    issues = run_preflight(ed)
    # The band touches the top, left and right edges.
    assert rules(issues) == [("error", "bleed-short", "band")] * 3
    assert {i.params["edge"] for i in issues} == {"left", "top", "right"}
    assert all(i.params["reach"] == pytest.approx(1.0, abs=0.01) for i in issues)


def test_unfilled_box_and_paper_box_do_not_need_bleed() -> None:
    ed = clean_edition()
    ed.pages[0].frames.append(
        Box(
            "frame",
            Rect(mm(1), mm(200), mm(50), mm(20)),
            fill=None,
            stroke="Black",
            stroke_weight=0.5,
        )
    )
    ed.pages[0].frames.append(Box("paper", Rect(mm(1), mm(230), mm(50), mm(20)), fill="Paper"))
    assert run_preflight(ed) == []


# -- ink ---------------------------------------------------------------------------------


def test_swatch_over_the_ink_limit_used_on_the_page_is_an_error() -> None:
    ed = clean_edition()
    ed.swatches["Deep"] = Swatch("Deep", 80, 70, 60, 100)
    ed.pages[0].frames.append(Box("box", Rect(mm(140), mm(65), mm(60), mm(40)), fill="Deep"))
    issues = run_preflight(ed)
    assert rules(issues) == [("error", "ink-total", "box")]
    assert issues[0].params["total"] == 310
    assert issues[0].params["swatch"] == "Deep"


def test_unused_heavy_swatch_and_registration_are_not_reported() -> None:
    ed = clean_edition()
    ed.swatches["Deep"] = Swatch("Deep", 80, 70, 60, 100)
    ed.pages[0].frames.append(
        Rule("reg", Rect(mm(140), mm(120), mm(60), 0.0), swatch="Registration")
    )
    assert run_preflight(ed) == []


def test_ink_limit_comes_from_the_settings() -> None:
    ed = clean_edition()
    ed.swatches["KT Blue"] = Swatch("KT Blue", 100, 60, 0, 10)  # 170 %
    issues = run_preflight(ed, settings=PreflightSettings(tac=160))
    assert rules(issues) == [("error", "ink-total", "band")]


# -- rich black, overprint -------------------------------------------------------------------


def test_rich_black_on_small_text_warns_and_on_a_headline_does_not() -> None:
    ed = clean_edition()
    ed.swatches["Rich"] = Swatch("Rich", 60, 40, 40, 100)
    ed.paragraph_styles["Caption"] = dataclasses.replace(
        ed.paragraph_styles["Caption"], swatch="Rich"
    )
    ed.paragraph_styles["Headline"] = dataclasses.replace(
        ed.paragraph_styles["Headline"], swatch="Rich"
    )
    issues = run_preflight(ed)
    assert rules(issues) == [("warning", "rich-black-text", "cap")]
    assert issues[0].params["swatch"] == "Rich"


def _hand_list(ink: Ink, face: str = "PT Serif/Regular") -> PageDisplayList:
    run = TextRun(
        face, 9.5, ink, mm(200), (PlacedWord("Kupang", mm(150), (5.0,) * 6),), frame_id="cap"
    )
    return PageDisplayList("p1", 1, PAGE_W, PAGE_H, mm(3), (run,))


def test_paper_text_set_to_overprint_is_an_error() -> None:
    ed = clean_edition()
    dl = _hand_list(Ink("Paper", 0, 0, 0, 0, overprint=True))
    issues = check_page(ed, ed.pages[0], display_list=dl)
    assert rules(issues) == [("error", "overprint-paper", "cap")]


def test_colour_text_set_to_overprint_warns_and_black_may_overprint() -> None:
    ed = clean_edition()
    dl = _hand_list(Ink("KT Red", 0, 95, 85, 5, overprint=True))
    assert rules(check_page(ed, ed.pages[0], display_list=dl)) == [
        ("warning", "overprint-colour", "cap")
    ]
    dl = _hand_list(Ink("Black", 0, 0, 0, 100, overprint=True))
    assert check_page(ed, ed.pages[0], display_list=dl) == []


def test_engine_sets_only_pure_black_text_to_overprint() -> None:
    ed = clean_edition()
    ed.swatches["Rich"] = Swatch("Rich", 60, 40, 40, 100)
    ed.paragraph_styles["Headline"] = dataclasses.replace(
        ed.paragraph_styles["Headline"], swatch="Rich"
    )
    assert [i.rule for i in run_preflight(ed) if i.rule.startswith("overprint")] == []


# -- fonts -------------------------------------------------------------------------------


def test_run_in_a_face_the_registry_does_not_have_is_an_error() -> None:
    ed = clean_edition()
    dl = _hand_list(Ink("Black", 0, 0, 0, 100, True), face="Comic Sans/Regular")
    issues = check_page(ed, ed.pages[0], display_list=dl)
    assert rules(issues) == [("error", "font-missing", "cap")]
    assert issues[0].params["font"] == "Comic Sans/Regular"


def test_style_asking_for_an_unbundled_family_is_reported_and_the_page_cannot_be_set() -> None:
    ed = clean_edition()
    ed.paragraph_styles["Caption"] = ParagraphStyle(
        "Caption", based_on="Body", font_family="Comic Sans"
    )
    issues = run_preflight(ed)
    assert ("error", "font-missing", "cap") in rules(issues)
    assert ("error", "layout-failed", "") in rules(issues)
    # The model rules still ran on the page that could not be laid out.
    replace_frame(ed, "photo", asset=None)
    assert ("error", "photo-empty", "photo") in rules(run_preflight(ed))


def test_missing_face_substituted_by_the_registry_warns() -> None:
    full = default_registry()
    entries = [e for e in full.entries() if e.key != "PT Serif/Italic"]
    registry = FontRegistry(entries)
    engine = LayoutEngine(Composer(registry=registry))
    ed = clean_edition()
    ed.stories["c"].paragraphs = [Paragraph.plain("Deck", "Warga melintas di jalan rusak.")]
    issues = run_preflight(ed, engine, registry=registry)
    assert rules(issues) == [("warning", "font-substituted", "cap")]
    assert issues[0].params["font"] == "PT Serif/Italic"
    assert issues[0].params["used"] == "PT Serif/Regular"


# -- selection ------------------------------------------------------------------------------


def test_pages_selects_by_page_object_or_number() -> None:
    ed = clean_edition()
    second = Page(id="p2", number=2, width=PAGE_W, height=PAGE_H)
    second.frames.append(ImageFrame("ph2", Rect(mm(12), mm(30), mm(100), mm(60)), role="photo"))
    ed.pages.append(second)
    assert rules(run_preflight(ed, pages=[1])) == []
    assert rules(run_preflight(ed, pages=[second])) == [("error", "photo-empty", "ph2")]
    everything = run_preflight(ed)
    assert [i.page for i in everything] == [2]


def test_issue_serialises_with_localised_message() -> None:
    ed = clean_edition()
    replace_frame(ed, "photo", asset=None, name="Foto utama")
    (issue,) = run_preflight(ed)
    d_id, d_en = issue.to_dict("id"), issue.to_dict("en")
    assert d_id["rule"] == d_en["rule"] == "photo-empty"
    assert d_id["page"] == 1 and d_id["frame_id"] == "photo" and d_id["frame"] == "Foto utama"
    assert d_id["message"] != d_en["message"]
    assert issue.frame_label("en") == "Foto utama"


def test_preflight_loads_neither_qt_nor_reportlab() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kupang_layout.preflight, kupang_layout.cli.cmd_preflight; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'reportlab'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    x=st.floats(-mm(40), PAGE_W, allow_nan=False),
    y=st.floats(-mm(40), PAGE_H, allow_nan=False),
    w=st.floats(0.0, mm(150), allow_nan=False),
    h=st.floats(0.0, mm(60), allow_nan=False),
    bleed=st.floats(0.0, mm(5), allow_nan=False),
)
# A zero-size photo at the trim reaches a sub-normal way into the bleed: once this
# made an infinite resolution.
@example(x=0.0, y=0.0, w=0.0, h=0.0, bleed=1.1125369292536007e-308)
def test_any_placement_gives_complete_messages_and_never_raises(
    x: float, y: float, w: float, h: float, bleed: float
) -> None:
    ed = clean_edition()
    ed.pages[0].bleed = bleed
    replace_frame(ed, "cap", rect=Rect(x, y, w, h))
    replace_frame(ed, "photo", rect=Rect(y, x / 2, w, h))
    ed.pages[0].frames.append(Box("box", Rect(x, y, w, h), fill="KT Red"))
    for issue in run_preflight(ed):
        for lang in ("id", "en"):
            text = issue.message(lang)
            assert text and "{" not in text and "}" not in text
        assert issue.page == 1
        if issue.frame_id:
            assert ed.pages[0].find_frame(issue.frame_id) is not None
