"""Edition and template files: round trips, unknown fields, migration, atomic save, assets."""

from __future__ import annotations

import copy
import dataclasses
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from storage_helpers import image_bytes, small_edition, tree, write_kpl
from strategies import editions, templates

from kupang_layout.model import (
    Asset,
    BaselineGrid,
    Box,
    CharacterStyle,
    ColumnGrid,
    Edition,
    Guide,
    History,
    ImageFrame,
    Margins,
    Page,
    PageTemplate,
    Paragraph,
    ParagraphStyle,
    PlaceImage,
    Rect,
    Rule,
    Run,
    SetFrameRect,
    Story,
    Swatch,
    TextFrame,
)
from kupang_layout.storage import (
    EDITION_SCHEMA,
    DocumentFormatError,
    ImageFileError,
    NewerVersionError,
    PendingAssets,
    ZipAssetSource,
    add_asset,
    asset_from_bytes,
    backup_path,
    edition_file,
    edition_from_json,
    edition_to_json,
    load_edition,
    load_template,
    migrations,
    save_edition,
    save_template,
    template_from_json,
    template_to_json,
)
from kupang_layout.storage.prune import pruned_for_save
from kupang_layout.storage.serialize import edition_to_dict, template_to_dict

SLOW = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def all_asset_bytes(ed: Edition) -> dict[str, bytes]:
    return {sha: ed.asset_source.read(sha) for sha in ed.assets}


@SLOW
@given(editions())
def test_random_editions_round_trip_through_the_file(ed: Edition) -> None:
    # The file leaves out stories no frame shows and images nothing places (issue 11,
    # item 7); the edition in memory keeps them all.
    in_memory = all_asset_bytes(ed)
    written = pruned_for_save(ed).edition
    expected_bytes = all_asset_bytes(written)
    expected_json = edition_to_json(written)
    original = copy.deepcopy(written)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edisi.kpl"
        save_edition(ed, path)
        loaded = load_edition(path)
        assert loaded == original
        assert edition_to_json(loaded) == expected_json
        assert all_asset_bytes(loaded) == expected_bytes
        # the saved edition now reads its images from the new file (or memory)
        assert all_asset_bytes(ed) == in_memory
        # saving the loaded edition over its own file keeps everything
        save_edition(loaded, path)
        again = load_edition(path)
        assert again == original
        assert all_asset_bytes(again) == expected_bytes
        assert sorted(p.name for p in Path(folder).iterdir()) == ["edisi.kpl", "edisi.kpl.bak"]
    assert edition_from_json(expected_json, "memory") == original


@settings(SLOW, max_examples=50)
@given(templates())
def test_random_templates_round_trip_through_the_file(t: PageTemplate) -> None:
    original = copy.deepcopy(t)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.kplt"
        save_template(t, path)
        loaded = load_template(path)
    assert loaded == original
    assert template_to_json(loaded) == template_to_json(original)


def _keys(d: dict[str, Any]) -> set[str]:
    return set(d) - {"type"}


def _field_names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - {"extra"}


def test_every_model_field_is_written() -> None:
    ed, _ = small_edition()
    ed.pages[0].guides.append(Guide("h", 100.0))
    ed.pages[0].frames.append(Box(id="b1", rect=Rect(0, 0, 10, 10)))
    d = edition_to_dict(ed)
    assert _keys(d) == _field_names(Edition) - {"asset_source"}
    page = d["pages"][0]
    assert _keys(page) == _field_names(Page)
    assert set(page["margins"]) == _field_names(Margins)
    assert set(page["columns"]) == _field_names(ColumnGrid)
    assert set(page["baseline"]) == _field_names(BaselineGrid)
    assert set(page["guides"][0]) == _field_names(Guide)
    by_type = {f["type"]: f for f in page["frames"]}
    for kind, cls in (("text", TextFrame), ("image", ImageFrame), ("rule", Rule), ("box", Box)):
        assert _keys(by_type[kind]) == _field_names(cls), kind
        assert set(by_type[kind]["rect"]) == {"x", "y", "width", "height"}
    story = d["stories"][0]
    assert _keys(story) == _field_names(Story)
    assert _keys(story["paragraphs"][0]) == _field_names(Paragraph)
    assert _keys(story["paragraphs"][0]["runs"][0]) == _field_names(Run)
    assert _keys(d["paragraph_styles"][0]) == _field_names(ParagraphStyle)
    assert _keys(d["character_styles"][0]) == _field_names(CharacterStyle)
    assert _keys(d["swatches"][0]) == _field_names(Swatch)
    assert _keys(d["assets"][0]) == _field_names(Asset)
    t = PageTemplate(name="T", width=10, height=10)
    assert _keys(template_to_dict(t)) == _field_names(PageTemplate)


def test_lengths_are_written_as_float_points() -> None:
    ed, _ = small_edition()
    d = edition_to_dict(ed)
    rect = d["pages"][0]["frames"][0]["rect"]
    assert rect == {"x": 30.0, "y": 40.0, "width": 200.0, "height": 300.0}
    assert all(isinstance(v, float) for v in rect.values())
    black = next(s for s in d["swatches"] if s["name"] == "Black")
    assert isinstance(black["k"], float)


# where unknown keys are put, and what they say
UNKNOWN_PLACES: list[tuple[list[Any], str]] = [
    ([], "x-header"),
    (["edition"], "x-edition"),
    (["edition", "pages", 0], "x-page"),
    (["edition", "pages", 0, "margins"], "x-margins"),
    (["edition", "pages", 0, "columns"], "x-columns"),
    (["edition", "pages", 0, "baseline"], "x-baseline"),
    (["edition", "pages", 0, "guides", 0], "x-guide"),
    (["edition", "pages", 0, "frames", 0], "x-frame"),
    (["edition", "pages", 0, "frames", 1, "rect"], "x-rect"),
    (["edition", "stories", 0], "x-story"),
    (["edition", "stories", 0, "paragraphs", 0], "x-paragraph"),
    (["edition", "stories", 0, "paragraphs", 0, "runs", 1], "x-run"),
    (["edition", "paragraph_styles", 2], "x-pstyle"),
    (["edition", "character_styles", 0], "x-cstyle"),
    (["edition", "swatches", 3], "x-swatch"),
    (["edition", "assets", 0], "x-asset"),
]


def _at(doc: Any, path: list[Any]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def test_unknown_fields_survive_load_edit_and_save(tmp_path: Path) -> None:
    ed, data = small_edition()
    ed.pages[0].guides.append(Guide("v", 50.0))
    doc = edition_to_json(ed)
    for i, (place, key) in enumerate(UNKNOWN_PLACES):
        _at(doc, place)[key] = {"from": "a newer version", "n": i, "list": [1, 2.5, None]}
    path = tmp_path / "baru.kpl"
    write_kpl(path, doc, {f"assets/{a.filename}": data for a in ed.assets.values()})

    loaded = load_edition(path)
    assert loaded.pages[0].frames[0].extra["x-frame"]["n"] == 7
    # an ordinary edit through the history, then save and read the raw JSON back
    History(loaded).execute(SetFrameRect("i1", Rect(1, 2, 3, 4)))
    out = tmp_path / "disimpan.kpl"
    save_edition(loaded, out)
    with zipfile.ZipFile(out) as zf:
        import json

        saved = json.loads(zf.read("document.json"))
    for i, (place, key) in enumerate(UNKNOWN_PLACES):
        assert _at(saved, place)[key] == {
            "from": "a newer version",
            "n": i,
            "list": [1, 2.5, None],
        }, key
    assert _at(saved, ["edition", "pages", 0, "frames", 1, "rect"])["x"] == 1.0
    assert "$unknown" not in json.dumps(saved)
    assert edition_to_json(load_edition(out)) == saved


def test_unknown_template_fields_survive(tmp_path: Path) -> None:
    t = PageTemplate(name="T", width=800, height=1000, guides=[Guide("h", 5)])
    t.frames.append(TextFrame(id="a", rect=Rect(0, 0, 5, 5)))
    doc = template_to_json(t)
    doc["x-top"] = 1
    doc["template"]["x-t"] = 2
    doc["template"]["margins"]["x-m"] = 3
    doc["template"]["guides"][0]["x-g"] = 4
    doc["template"]["frames"][0]["rect"]["x-r"] = 5
    loaded = template_from_json(doc, "mem")
    path = tmp_path / "t.kplt"
    save_template(loaded, path)
    assert template_to_json(load_template(path)) == doc


def _schema0(doc: dict[str, Any]) -> dict[str, Any]:
    """What a schema-0 file would have looked like: 'title' instead of 'paper'."""
    old = copy.deepcopy(doc)
    old["schema"] = 0
    old["edition"]["title"] = old["edition"].pop("paper")
    return old


def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    doc["edition"]["paper"] = doc["edition"].pop("title")
    return doc


def test_older_schema_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert EDITION_SCHEMA == 1
    ed, data = small_edition()
    ed.paper = "Kupang Times Minggu"
    old = _schema0(edition_to_json(ed))
    path = tmp_path / "lama.kpl"
    write_kpl(path, old, {f"assets/{a.filename}": data for a in ed.assets.values()})
    with pytest.raises(DocumentFormatError, match="schema 0 is too old"):
        load_edition(path)
    monkeypatch.setitem(migrations.EDITION_MIGRATIONS, 0, _migrate_0_to_1)
    loaded = load_edition(path)
    assert loaded.paper == "Kupang Times Minggu"
    assert "title" not in loaded.extra
    assert edition_to_json(loaded) == edition_to_json(ed)
    assert old["schema"] == 0  # the caller's data is not changed
    assert edition_from_json(old, "memory") == ed


def test_broken_migration_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    ed, _ = small_edition()
    old = _schema0(edition_to_json(ed))
    del old["edition"]["title"]
    monkeypatch.setitem(migrations.EDITION_MIGRATIONS, 0, _migrate_0_to_1)
    with pytest.raises(DocumentFormatError, match="cannot convert from schema 0"):
        edition_from_json(old, "old.kpl")


def test_newer_schema_is_refused() -> None:
    ed, _ = small_edition()
    doc = edition_to_json(ed)
    doc["schema"] = EDITION_SCHEMA + 1
    doc["app_version"] = "3.0.0"
    with pytest.raises(NewerVersionError) as info:
        edition_from_json(doc, "besok.kpl")
    assert "besok.kpl" in str(info.value) and "newer version" in str(info.value)
    assert "3.0.0" in str(info.value)


def test_save_keeps_previous_version_as_bak(tmp_path: Path) -> None:
    ed, _ = small_edition()
    path = tmp_path / "edisi.kpl"
    save_edition(ed, path)
    first = path.read_bytes()
    ed.number = "613"
    save_edition(ed, path)
    assert backup_path(path).read_bytes() == first
    assert load_edition(backup_path(path)).number == "612"
    assert load_edition(path).number == "613"


def test_save_over_the_loaded_file_keeps_images(tmp_path: Path) -> None:
    ed, data = small_edition()
    path = tmp_path / "edisi.kpl"
    save_edition(ed, path)
    loaded = load_edition(path)
    assert isinstance(loaded.asset_source, ZipAssetSource)
    loaded.stories["s1"].paragraphs[0].runs[1].text = "Hujan reda."
    save_edition(loaded, path)  # reads the images from the file it replaces
    source = loaded.asset_source
    assert isinstance(source, ZipAssetSource) and source.path == path
    sha = next(iter(loaded.assets))
    assert source.read(sha) == data
    assert load_edition(path).asset_source.read(sha) == data


def test_refused_save_leaves_the_old_file(tmp_path: Path) -> None:
    ed, _ = small_edition()
    path = tmp_path / "edisi.kpl"
    save_edition(ed, path)
    before = tree(tmp_path)
    ed.pages[0].frames[0].story_id = "hilang"  # type: ignore[union-attr]
    with pytest.raises(DocumentFormatError, match=r"pages\[0\]\.frames\[0\]\.story_id"):
        save_edition(ed, path)
    ed.pages[0].frames[0].story_id = "s1"  # type: ignore[union-attr]
    ed.pages[0].frames[1].scale = float("nan")  # type: ignore[union-attr]
    with pytest.raises(DocumentFormatError, match="finite"):
        save_edition(ed, path)
    assert tree(tmp_path) == before


def test_save_refuses_missing_image_bytes(tmp_path: Path) -> None:
    ed, _ = small_edition()
    from kupang_layout.model import MemoryAssets

    ed.asset_source = MemoryAssets()
    with pytest.raises(DocumentFormatError, match=r"assets\[0\].*not available"):
        save_edition(ed, tmp_path / "e.kpl")
    assert list(tmp_path.iterdir()) == []


def test_loading_reads_no_image_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ed, data = small_edition()
    path = tmp_path / "e.kpl"
    save_edition(ed, path)
    read: list[str] = []
    real = edition_file.read_entry

    def counting(zf: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, limit: int) -> bytes:
        read.append(info.filename)
        return real(zf, info, file, limit)

    monkeypatch.setattr(edition_file, "read_entry", counting)
    loaded = load_edition(path)
    assert read == ["document.json"]
    assert loaded.asset_source.read(next(iter(ed.assets))) == data


def test_asset_from_bytes_sniffs_the_real_format() -> None:
    for fmt, ext in (("JPEG", "jpg"), ("PNG", "png"), ("TIFF", "tif")):
        data = image_bytes(fmt, (13, 7))
        asset = asset_from_bytes(data, "foto.jpg")  # the name's extension is not trusted
        assert (asset.ext, asset.width_px, asset.height_px) == (ext, 13, 7)
        import hashlib

        assert asset.sha256 == hashlib.sha256(data).hexdigest()
    real = Path(__file__).parents[1] / "data" / "low_res_320.jpg"
    assert asset_from_bytes(real.read_bytes(), real.name).ext == "jpg"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"Bukan gambar, hanya teks.", "not-image"),
        (image_bytes("GIF"), "unsupported-format"),
        (image_bytes("PNG")[:30], "damaged"),
    ],
    ids=["empty", "text", "gif", "truncated-png"],
)
def test_asset_from_bytes_refuses_non_images(data: bytes, reason: str) -> None:
    # The message is in the user's language now (issue 11): the reason code is checked.
    with pytest.raises(ImageFileError) as info:
        asset_from_bytes(data, "kiriman.jpg")
    assert "kiriman.jpg" in str(info.value) and info.value.reason == reason


def test_added_image_survives_save_until_placed(tmp_path: Path) -> None:
    """Bytes added but not (or no longer) placed stay available after a save."""
    ed, _ = small_edition()
    ed.pages[0].frames.append(ImageFrame(id="i2", rect=Rect(0, 0, 50, 50)))
    path = tmp_path / "e.kpl"
    save_edition(ed, path)
    loaded = load_edition(path)
    data = image_bytes("JPEG", (20, 10), (0, 90, 200))
    asset = add_asset(loaded, data, "baru.jpg")
    assert asset.sha256 not in loaded.assets  # only PlaceImage registers it
    assert isinstance(loaded.asset_source, PendingAssets)
    history = History(loaded)
    history.execute(PlaceImage("i2", asset))
    history.undo()
    save_edition(loaded, path)  # the asset is not in the edition: not written
    with zipfile.ZipFile(path) as zf:
        assert f"assets/{asset.filename}" not in zf.namelist()
    history.redo()
    assert loaded.asset_source.read(asset.sha256) == data
    save_edition(loaded, path)
    assert isinstance(loaded.asset_source, ZipAssetSource)  # nothing pending any more
    assert load_edition(path).asset_source.read(asset.sha256) == data


def test_save_as_another_file_keeps_reading(tmp_path: Path) -> None:
    ed, data = small_edition()
    a, b = tmp_path / "a.kpl", tmp_path / "b.kpl"
    save_edition(ed, a)
    loaded = load_edition(a)
    save_edition(loaded, b)
    a.unlink()
    assert loaded.asset_source.read(next(iter(loaded.assets))) == data


def test_storage_loads_neither_qt_nor_reportlab() -> None:
    import subprocess
    import sys

    code = "import sys, kupang_layout.storage; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    loaded = {m.split(".")[0] for m in out.stdout.split()}
    assert "PySide6" not in loaded and "reportlab" not in loaded


def test_symlinked_target_is_followed(tmp_path: Path) -> None:
    ed, _ = small_edition()
    real = tmp_path / "real.kpl"
    save_edition(ed, real)
    link = tmp_path / "link.kpl"
    link.symlink_to(real)
    ed.number = "700"
    save_edition(ed, link)
    assert link.is_symlink()
    assert load_edition(real).number == "700"
