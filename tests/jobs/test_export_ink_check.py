"""Ghostscript on every page when a preset's `ink_check` (or the caller) asks for it.

The preset field is validated on load like the others; it does not change the page's
content fingerprint (the file is the same); pages left unchanged by an earlier export
whose ink was proven, not measured, are exported and measured again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pdf_testkit import LOREM

from kupang_layout.engine.layout import layout_page
from kupang_layout.jobs.export import ExportOptions, export_pages
from kupang_layout.jobs.export_types import InkVerdict, ink_text
from kupang_layout.jobs.fingerprint import content_fingerprint
from kupang_layout.model import Edition, Page, Paragraph, Rect, Story, TextFrame, mm
from kupang_layout.preflight import pdf_ink
from kupang_layout.render.pdf.errors import PresetError
from kupang_layout.render.pdf.presets import (
    DEFAULT_PRESET,
    default_presets_path,
    load_presets,
    preset_from_dict,
)

needs_gs = pytest.mark.skipif(shutil.which("gs") is None, reason="needs Ghostscript")


def text_edition(pages: int = 1) -> Edition:
    ed = Edition(number="612", date="2024-10-14")
    for n in range(1, pages + 1):
        ed.stories[f"s{n}"] = Story(id=f"s{n}", paragraphs=[Paragraph.plain("Body", LOREM)])
        page = Page(id=f"p{n}", number=n, width=mm(280), height=mm(430))
        page.frames = [TextFrame(id=f"t{n}", rect=Rect(40, 60, 250, 400), story_id=f"s{n}")]
        ed.pages.append(page)
    return ed


def presets_file(folder: Path, ink_check: str) -> Path:
    """The bundled presets with the print preset's `ink_check` set."""
    raw = json.loads(default_presets_path().read_text(encoding="utf-8"))
    for preset in raw["presets"]:
        if preset["name"] == DEFAULT_PRESET:
            preset["ink_check"] = ink_check
    path = folder / "presets.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


class GhostscriptRuns:
    """Counts Ghostscript's ink measurements (still measuring)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = pdf_ink.measure_ink

        def counted(*args: object, **kwargs: object) -> list[pdf_ink.PageInk]:
            self.count += 1
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(pdf_ink, "measure_ink", counted)


def test_the_bundled_presets_check_ink_automatically() -> None:
    presets = load_presets()
    assert {p.ink_check for p in presets.values()} == {"auto"}
    assert preset_from_dict({"name": "Minimal"}).ink_check == "auto"
    assert preset_from_dict({"name": "Pabrik", "ink_check": "ghostscript"}).ink_check == (
        "ghostscript"
    )


@pytest.mark.parametrize("value", ["always", "Ghostscript", True, None, 1])
def test_a_bad_ink_check_is_refused_on_load_naming_the_field(tmp_path: Path, value: object) -> None:
    path = presets_file(tmp_path, "auto")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["presets"][0]["ink_check"] = value
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(PresetError) as caught:
        load_presets(path)
    assert "ink_check" in str(caught.value)
    assert repr(value) in str(caught.value)


def test_the_ink_check_does_not_change_the_pages_fingerprint(tmp_path: Path) -> None:
    ed = text_edition()
    dl = layout_page(ed, ed.pages[0])
    auto = load_presets(presets_file(tmp_path, "auto"))[DEFAULT_PRESET]
    measured = load_presets(presets_file(tmp_path, "ghostscript"))[DEFAULT_PRESET]
    assert measured.ink_check == "ghostscript"
    assert content_fingerprint(ed, dl, auto) == content_fingerprint(ed, dl, measured)


@needs_gs
def test_a_preset_asking_for_ghostscript_measures_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gs = GhostscriptRuns(monkeypatch)
    options = ExportOptions(
        workers=1,
        language="en",
        presets_path=presets_file(tmp_path, "ghostscript"),
        image_cache=tmp_path / "cache",
    )
    run = export_pages(text_edition(2), tmp_path / "pdf", None, options)
    assert [o.status for o in run.pages] == ["exported", "exported"]
    assert gs.count == 2
    for o in run.pages:
        assert o.ink is not None and o.ink.way == "ghostscript"
        assert o.ink.why == "Ghostscript asked for"
        assert o.ink.total is not None and o.ink.total <= 240.0


@needs_gs
def test_unchanged_pages_proven_before_are_measured_when_ghostscript_is_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gs = GhostscriptRuns(monkeypatch)
    ed, out = text_edition(), tmp_path / "pdf"
    auto = ExportOptions(workers=1, language="en", image_cache=tmp_path / "cache")
    (first,) = export_pages(ed, out, None, auto).pages
    assert first.ink is not None and first.ink.way == "proof" and gs.count == 0
    (again,) = export_pages(ed, out, None, auto).pages
    assert again.status == "unchanged" and gs.count == 0
    forced = ExportOptions(
        workers=1, language="en", image_cache=tmp_path / "cache", ink_ghostscript=True
    )
    (measured,) = export_pages(ed, out, None, forced).pages
    assert measured.status == "exported" and gs.count == 1
    assert measured.ink is not None and measured.ink.way == "ghostscript"
    # Measured once, the page is unchanged for the next forced export, verdict and all.
    (kept,) = export_pages(ed, out, None, forced).pages
    assert kept.status == "unchanged" and gs.count == 1
    assert kept.ink == measured.ink


def test_the_ink_line_uses_the_languages_decimal_mark() -> None:
    measured = InkVerdict("ghostscript", 232.2, 241.6, "Ghostscript asked for")
    assert "232,2 %" in ink_text(3, measured, "id") and "241,6 %" in ink_text(3, measured, "id")
    assert "232.2 %" in ink_text(3, measured, "en") and "241.6 %" in ink_text(3, measured, "en")
    proven = ink_text(3, InkVerdict("proof", 236.04), "id")
    assert proven.startswith("halaman 3:") and "236,0 %" in proven
