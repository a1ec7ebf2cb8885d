"""Hostile documents H2, H3, H4, H9 and the load limits: each refused or repaired, and said."""

from __future__ import annotations

import copy
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from storage_helpers import small_edition, write_kpl

from kupang_layout.cli.main import main
from kupang_layout.model import ImageFrame, MemoryAssets, PageTemplate, Rect, TextFrame
from kupang_layout.preflight import run_preflight
from kupang_layout.storage import (
    DocumentFormatError,
    asset_from_bytes,
    edition_from_json,
    edition_to_json,
    load_edition,
    load_template,
    save_edition,
    template_to_json,
)
from kupang_layout.storage.bounds import (
    MAX_COLUMNS,
    MAX_FRAMES,
    MAX_PAGE_SIZE,
    MAX_PAGE_TEXT,
    MAX_PARAGRAPH_TEXT,
    PASTEBOARD_HI,
)
from kupang_layout.storage.jsonsafe import dump_json
from kupang_layout.storage.load_report import load_warnings

ED, PNG = small_edition()
SHA = next(iter(ED.assets))
ASSETS = {f"assets/{SHA}.png": PNG}


def doc_with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    doc = copy.deepcopy(edition_to_json(ED))
    change(doc)
    return doc


def kpl(tmp_path: Path, change: Callable[[dict[str, Any]], None], raw: bytes | None = None) -> Path:
    path = tmp_path / "edisi.kpl"
    write_kpl(path, doc_with(change), ASSETS, raw=raw)
    return path


def page0(doc: dict[str, Any]) -> dict[str, Any]:
    pages: list[dict[str, Any]] = doc["edition"]["pages"]
    return pages[0]


# -- H2: a lone surrogate ------------------------------------------------------------


def surrogate_kpl(tmp_path: Path) -> Path:
    """document.json whose first run holds the JSON escape \\ud800 (valid JSON, valid UTF-8)."""
    doc = doc_with(lambda d: None)
    doc["edition"]["stories"][0]["paragraphs"][0]["runs"][0]["text"] = "KUPANG @@ - "
    raw = json.dumps(doc).replace("@@", "\\ud800").encode("utf-8")
    path = tmp_path / "edisi.kpl"
    write_kpl(path, None, ASSETS, raw=raw)
    return path


def test_h2_lone_surrogate_is_repaired_reported_and_saved(tmp_path: Path) -> None:
    path = surrogate_kpl(tmp_path)
    edition = load_edition(path)
    text = edition.stories["s1"].paragraphs[0].runs[0].text
    assert text == "KUPANG \ufffd - "
    warnings = load_warnings(edition)
    assert len(warnings) == 1
    w = warnings[0]
    assert w.path == "stories[0].paragraphs[0].runs[0].text"
    assert str(path) in w.message("id") and "\ufffd" in w.message("id")
    assert "surrogate" in w.message("en")
    save_edition(edition, path)  # saving works: this used to fail every time
    again = load_edition(path)
    assert again.stories["s1"].paragraphs[0].runs[0].text == "KUPANG \ufffd - "
    assert load_warnings(again) == ()


def test_h2_saving_never_fails_on_text(tmp_path: Path) -> None:
    edition = load_edition(kpl(tmp_path, lambda d: None))
    edition.stories["s1"].paragraphs[0].runs[0].text = "a\ud800b\udc00"  # made in memory
    edition.paper = "Kupang \udfff Times"
    save_edition(edition, tmp_path / "baru.kpl")
    again = load_edition(tmp_path / "baru.kpl")
    assert again.stories["s1"].paragraphs[0].runs[0].text == "a\ufffdb\ufffd"
    assert again.paper == "Kupang \ufffd Times"
    assert dump_json({"k\ud800": "\ud83d\ude00"}) == '{\n "k\ufffd": "\U0001f600"\n}'.encode()


def test_h2_cli_prints_the_repair_as_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = surrogate_kpl(tmp_path)
    out = tmp_path / "p1.png"
    assert main(["render", str(path), "--png", str(out), "--dpi", "20", "--lang", "id"]) == 0
    err = capsys.readouterr().err
    assert "Peringatan:" in err and "stories[0].paragraphs[0].runs[0].text" in err


def test_h2_template_text_is_repaired_too(tmp_path: Path) -> None:
    tpl = PageTemplate(name="t", width=500, height=700)
    raw = json.dumps(template_to_json(tpl)).replace('"t"', '"t\\udc00"', 1)
    path = tmp_path / "t.kplt"
    path.write_bytes(raw.encode())
    loaded = load_template(path)
    assert loaded.name == "t\ufffd"
    assert [w.path for w in load_warnings(loaded)] == ["name"]


# -- H3: two pages with one number ---------------------------------------------------


def two_pages_numbered_one(doc: dict[str, Any]) -> None:
    second = copy.deepcopy(page0(doc))
    second["id"] = "p2"
    second["frames"] = []
    third = copy.deepcopy(second)
    third["id"], third["number"] = "p3", 2
    doc["edition"]["pages"] += [second, third]  # numbers 1, 1, 2


def test_h3_duplicate_page_numbers_are_renumbered_by_place_and_reported(tmp_path: Path) -> None:
    edition = load_edition(kpl(tmp_path, two_pages_numbered_one))
    assert [(p.id, p.number) for p in edition.pages] == [("p1", 1), ("p2", 2), ("p3", 3)]
    messages = [w.message("en") for w in load_warnings(edition)]
    assert "page numbers 1 are used by more than one page" in messages[0]
    assert any("pages[1].number: page 1 is now page 2" in m for m in messages)
    assert any("pages[2].number: page 2 is now page 3" in m for m in messages)


def test_h3_export_writes_every_page_of_a_repaired_file(tmp_path: Path) -> None:
    pytest.importorskip("kupang_layout.render.pdf.exporter")
    path = kpl(tmp_path, two_pages_numbered_one)
    out = tmp_path / "out"
    assert main(["export", str(path), "--out", str(out), "--force"]) in (0, 1)
    assert len(list(out.glob("*.pdf"))) == 3  # no page missing from print


def test_h3_preflight_error_for_duplicate_numbers_in_memory() -> None:
    edition = copy.deepcopy(ED)
    second = copy.deepcopy(edition.pages[0])
    second.id, second.frames = "p2", []
    edition.pages.append(second)  # number 1 twice
    issues = [i for i in run_preflight(edition) if i.rule == "page-number-duplicate"]
    assert len(issues) == 2 and all(i.is_error for i in issues)
    assert "also used by the page in place 2" in issues[0].message("en")
    assert "juga dipakai halaman ke-" in issues[0].message("id")
    edition.renumber_pages()
    assert not [i for i in run_preflight(edition) if i.rule == "page-number-duplicate"]


# -- H4 and every other limit: refused on load, naming the field ------------------------


def set_page(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: page0(d).__setitem__(key, value)


def set_frame(i: int, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: page0(d)["frames"][i].__setitem__(key, value)


def set_rect(i: int, key: str, value: float) -> Callable[[dict[str, Any]], None]:
    return lambda d: page0(d)["frames"][i]["rect"].__setitem__(key, value)


def set_style(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["edition"]["paragraph_styles"][0].__setitem__(key, value)


def many_frames(d: dict[str, Any]) -> None:
    rule = page0(d)["frames"][2]
    page0(d)["frames"] += [dict(rule, id=f"r{i}") for i in range(MAX_FRAMES)]


def long_paragraph(d: dict[str, Any]) -> None:
    run = d["edition"]["stories"][0]["paragraphs"][1]["runs"][0]
    run["text"] = "x" * (MAX_PARAGRAPH_TEXT + 1)


def long_page_text(d: dict[str, Any]) -> None:
    """Two stories within the story limit whose frames share a page: over the page limit."""
    half = MAX_PAGE_TEXT // 2 + MAX_PARAGRAPH_TEXT
    for story in d["edition"]["stories"][:1]:
        text = "".join(rnd_words(MAX_PARAGRAPH_TEXT, i) for i in range(half // MAX_PARAGRAPH_TEXT))
        story["paragraphs"] = [
            {"style": "Body", "runs": [{"text": text[i : i + 19_000]}]}
            for i in range(0, len(text), 19_000)
        ]
        twin = dict(story, id="s2")
        d["edition"]["stories"].append(twin)
    frame = dict(page0(d)["frames"][0], id="t2", story_id="s2")
    page0(d)["frames"].append(frame)


def rnd_words(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    return "".join(rnd.choice("abcdefgh ") for _ in range(n))


P = "pages[0]"
F = f"{P}.frames"
LIMITS = {
    "h4-page-99999": (set_page("width", 99999.0), f"{P}.width: must be <= {MAX_PAGE_SIZE:g}"),
    "page-height": (set_page("height", MAX_PAGE_SIZE + 1), f"{P}.height: must be <="),
    "bleed": (set_page("bleed", 500.0), f"{P}.bleed: must be <="),
    "margin": (lambda d: page0(d)["margins"].__setitem__("top", 5000.0), f"{P}.margins.top"),
    "grid-columns": (
        lambda d: page0(d)["columns"].__setitem__("count", MAX_COLUMNS + 1),
        f"{P}.columns.count: must be <= {MAX_COLUMNS}",
    ),
    "baseline": (
        lambda d: page0(d)["baseline"].__setitem__("leading", 0.001),
        f"{P}.baseline.leading: must be >= 1",
    ),
    "guides": (
        lambda d: page0(d).__setitem__("guides", [{"orientation": "h", "position": 1}] * 501),
        f"{P}.guides: has 501 items; at most 500",
    ),
    "frame-far-away": (set_rect(0, "x", 50_000.0), f"{F}[0].rect.x: must be <="),
    "frame-off-pasteboard": (
        set_rect(1, "width", PASTEBOARD_HI),
        f"{F}[1].rect.width: the frame reaches beyond the pasteboard",
    ),
    "frame-columns": (set_frame(0, "columns", 100), f"{F}[0].columns: must be <= {MAX_COLUMNS}"),
    "frame-gutter": (set_frame(0, "gutter", 5000.0), f"{F}[0].gutter: must be <="),
    "frame-inset": (set_frame(0, "inset", 5000.0), f"{F}[0].inset: must be <="),
    "image-scale": (set_frame(1, "scale", 1e-9), f"{F}[1].scale: must be >= 0.001"),
    "image-offset": (set_frame(1, "offset_x", 1e6), f"{F}[1].offset_x: must be <="),
    "frames-per-page": (many_frames, f"{F}: has {MAX_FRAMES + 3} items; at most {MAX_FRAMES}"),
    "font-size-tiny": (set_style("size", 0.01), "paragraph_styles[0].size: must be >= 0.5"),
    "font-size-huge": (set_style("size", 4000.0), "paragraph_styles[0].size: must be <= 1000"),
    "leading": (set_style("leading", 4000.0), "paragraph_styles[0].leading: must be <="),
    "tracking": (set_style("tracking", -900.0), "paragraph_styles[0].tracking: must be >= -200"),
    "letter-space": (
        set_style("letter_space_min", -900.0),
        "paragraph_styles[0].letter_space_min: must be >= -50",
    ),
    "glyph-scale": (
        set_style("glyph_scale_max", 900.0),
        "paragraph_styles[0].glyph_scale_max: must be <= 200",
    ),
    "paragraph-text": (long_paragraph, "stories[0].paragraphs[1].runs[0].text: is longer than"),
    "page-text": (long_page_text, f"{P}.frames: the stories shown on this page hold"),
}


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_values_beyond_the_limits_are_refused_naming_the_field(tmp_path: Path, name: str) -> None:
    change, words = LIMITS[name]
    path = kpl(tmp_path, change)
    with pytest.raises(DocumentFormatError) as info:
        load_edition(path)
    assert str(path) in str(info.value)
    assert words in str(info.value)


def test_too_many_pages_are_refused() -> None:
    doc = doc_with(lambda d: None)
    page = page0(doc)
    doc["edition"]["pages"] = [dict(page, id=f"p{i}", frames=[]) for i in range(1001)]
    with pytest.raises(DocumentFormatError, match="pages: has 1001 items; at most 1000"):
        edition_from_json(doc, "x.kpl")


def test_template_limits_are_the_same(tmp_path: Path) -> None:
    tpl = PageTemplate(name="t", width=500, height=700)
    tpl.frames.append(TextFrame(id="t1", rect=Rect(0, 0, 100, 100), columns=MAX_COLUMNS + 1))
    path = tmp_path / "t.kplt"
    path.write_text(json.dumps(template_to_json(tpl)))
    with pytest.raises(DocumentFormatError, match=r"frames\[0\]\.columns: must be <= 24"):
        load_template(path)
    doc = template_to_json(PageTemplate(name="t", width=99999.0, height=700))
    path.write_text(json.dumps(doc))
    with pytest.raises(DocumentFormatError, match=r"width: must be <= 3401"):
        load_template(path)


# -- H4: the render budget -----------------------------------------------------------


@pytest.fixture
def largest_page(tmp_path: Path) -> Path:
    def change(d: dict[str, Any]) -> None:
        page0(d).update(width=MAX_PAGE_SIZE, height=MAX_PAGE_SIZE)

    return kpl(tmp_path, change)


@pytest.mark.parametrize("backend", ["qt", "pdf"])
def test_h4_render_beyond_the_pixel_budget_is_refused(
    largest_page: Path, tmp_path: Path, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if backend == "pdf" and shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not found")
    out = tmp_path / "p.png"
    args = ["render", str(largest_page), "--png", str(out), "--backend", backend, "--lang", "en"]
    assert main([*args, "--dpi", "1200"]) == 2
    err = capsys.readouterr().err
    assert "megapixels" in err and "--dpi" in err
    assert not out.exists()
    for dpi in ("5", "5000", "nan"):
        assert main([*args, "--dpi", dpi]) == 2
        assert "between 10 and 1200 dpi" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not found")
def test_h4_pdf_backend_within_the_budget_gives_the_full_page(
    largest_page: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.png"
    args = ["render", str(largest_page), "--png", str(out), "--backend", "pdf", "--dpi", "10"]
    assert main(args) == 0
    with Image.open(out) as img:
        assert img.width > 400 and img.height > 400  # not pdftoppm's 1 x 1 answer


# -- H9: render --png onto a full disk -----------------------------------------------


def _full_disk(limit: int) -> Callable[[], None]:
    """In the child: no file may grow beyond `limit` bytes (EFBIG, as a full disk's ENOSPC)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def noisy_photo_kpl(tmp_path: Path) -> Path:
    """The small edition with a photo of noise over the whole page (a large PNG render)."""
    rnd = random.Random(1)
    img = Image.frombytes("RGB", (300, 200), bytes(rnd.randrange(256) for _ in range(180_000)))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    data = buf.getvalue()
    ed, _ = small_edition()
    asset = asset_from_bytes(data, "noise.png")
    ed.assets = {asset.sha256: asset}
    source = MemoryAssets()
    source.add(asset.sha256, data)
    ed.asset_source = source
    page = ed.pages[0]
    photo = page.frames[1]
    assert isinstance(photo, ImageFrame)
    photo.asset, photo.rect = asset.sha256, Rect(0, 0, page.width, page.height)
    path = tmp_path / "foto.kpl"
    save_edition(ed, path)
    return path


@pytest.mark.parametrize("backend", ["qt", "pdf"])
def test_h9_render_onto_a_full_disk_keeps_the_old_png(tmp_path: Path, backend: str) -> None:
    if backend == "pdf" and shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not found")
    path = noisy_photo_kpl(tmp_path)
    out = tmp_path / "png" / "p1.png"
    out.parent.mkdir()
    out.write_bytes(b"old png")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KUPANG_LAYOUT_LANG="en")
    # the pdf backend first writes the page PDF (about 300 KB) to its temporary folder:
    # at 600 dpi the PNG is larger, so a limit just under the PNG's size hits the PNG
    dpi = "150" if backend == "qt" else "600"
    cmd = [sys.executable, "-m", "kupang_layout.cli.main", "render", str(path)]
    cmd += ["--dpi", dpi, "--backend", backend, "--png"]
    scratch = tmp_path / "scratch.png"
    subprocess.run([*cmd, str(scratch)], env=env, check=True, capture_output=True, timeout=120)
    limit = scratch.stat().st_size - 16 * 1024
    proc = subprocess.run(
        [*cmd, str(out)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_full_disk(limit),
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "cannot be written to" in proc.stderr and str(out) in proc.stderr
    assert out.read_bytes() == b"old png"
    assert sorted(p.name for p in out.parent.iterdir()) == ["p1.png"]  # no temporary left
