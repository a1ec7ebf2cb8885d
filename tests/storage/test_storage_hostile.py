"""Malformed and hostile .kpl/.kplt files: each refused with a clear message, nothing written."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import small_edition, tree, write_kpl, write_zip

from kupang_layout.model import PageTemplate, Rect, TextFrame
from kupang_layout.storage import (
    AssetIntegrityError,
    DocumentFileError,
    DocumentFormatError,
    Limits,
    NewerVersionError,
    StorageError,
    edition_to_json,
    load_edition,
    load_template,
    template_to_json,
)

ED, PNG = small_edition()
SHA = next(iter(ED.assets))
ASSET_ENTRY = f"assets/{SHA}.png"
PROBE = "kupang-zip-slip-probe"


def base_doc() -> dict[str, Any]:
    return copy.deepcopy(edition_to_json(ED))


def frame(doc: dict[str, Any], i: int) -> dict[str, Any]:
    frames: list[dict[str, Any]] = doc["edition"]["pages"][0]["frames"]
    return frames[i]


def with_doc(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        doc = base_doc()
        change(doc)
        write_kpl(path, doc, {ASSET_ENTRY: PNG})

    return build


def with_raw(raw: bytes) -> Callable[[Path], None]:
    return lambda path: write_kpl(path, None, {ASSET_ENTRY: PNG}, raw=raw)


def with_entries(*extra: tuple[str, bytes]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        doc = json.dumps(base_doc()).encode()
        write_zip(path, [("document.json", doc), (ASSET_ENTRY, PNG), *extra])

    return build


def truncated(path: Path) -> None:
    write_kpl(path, base_doc(), {ASSET_ENTRY: PNG})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def zip_bomb(path: Path) -> None:
    doc = json.dumps(base_doc()).encode()
    write_zip(
        path, [("document.json", doc), (ASSET_ENTRY, PNG), ("assets/bomb.bin", bytes(30 << 20))]
    )


def oversized_document(path: Path) -> None:
    """65 MiB of JSON (stored, so no ratio alarm): over the 64 MiB limit."""
    doc = json.dumps(base_doc()).encode()
    padded = doc[:-1] + b" " * ((65 << 20) - len(doc)) + b"}"
    write_zip(path, [("document.json", padded), (ASSET_ENTRY, PNG)], method=zipfile.ZIP_STORED)


def many_entries(path: Path) -> None:
    doc = json.dumps(base_doc()).encode()
    entries = [("document.json", doc), (ASSET_ENTRY, PNG)]
    entries += [(f"junk/{i}", b"") for i in range(10_001)]
    write_zip(path, entries, method=zipfile.ZIP_STORED)


def set_(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def delete(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def duplicate_frame(doc: dict[str, Any]) -> None:
    frame(doc, 2)["id"] = frame(doc, 0)["id"]


def duplicate_chain_place(doc: dict[str, Any]) -> None:
    extra = copy.deepcopy(frame(doc, 0))
    extra["id"] = "t2"
    doc["edition"]["pages"][0]["frames"].append(extra)


def deep_extra(doc: dict[str, Any]) -> None:
    nested: Any = 1
    for _ in range(80):
        nested = [nested]
    frame(doc, 0)["x-deep"] = nested


def sha_mismatch(path: Path) -> None:
    other = PNG[:-20] + bytes(20)
    write_kpl(path, base_doc(), {ASSET_ENTRY: other})


FRAMES = ["edition", "pages", 0, "frames"]
P = "pages[0].frames"

# (id, builder, exception, words the message must contain)
CASES: list[tuple[str, Callable[[Path], None], type[StorageError], list[str]]] = [
    ("empty-file", lambda p: p.write_bytes(b""), DocumentFileError, ["empty"]),
    ("not-a-zip", lambda p: p.write_text("Hello, desk!"), DocumentFileError, ["not a zip"]),
    ("truncated-zip", truncated, DocumentFileError, ["truncated"]),
    ("zip-slip", with_entries((f"../{PROBE}", b"x")), DocumentFileError, ["../", "unsafe"]),
    ("absolute-name", with_entries((f"/tmp/{PROBE}", b"x")), DocumentFileError, ["absolute"]),
    ("backslash-name", with_entries((f"..\\{PROBE}", b"x")), DocumentFileError, ["backslash"]),
    ("drive-letter", with_entries((f"C:/{PROBE}", b"x")), DocumentFileError, ["drive letter"]),
    (
        "oversized-document",
        oversized_document,
        DocumentFileError,
        ["'document.json' is too large", str(65 << 20)],
    ),
    ("zip-bomb", zip_bomb, DocumentFileError, ["assets/bomb.bin", "zip bomb"]),
    ("too-many-entries", many_entries, DocumentFileError, ["too many entries", "10003"]),
    ("duplicate-entry", with_entries((ASSET_ENTRY, PNG)), DocumentFileError, ["twice"]),
    (
        "no-document",
        lambda p: write_zip(p, [(ASSET_ENTRY, PNG)]),
        DocumentFileError,
        ["document.json", "missing"],
    ),
    (
        "bad-json",
        with_raw(b'{"format": "kupang-layout-edition", '),
        DocumentFormatError,
        ["not valid JSON", "line 1"],
    ),
    ("not-utf8", with_raw(b"\xff\xfe{}"), DocumentFormatError, ["UTF-8"]),
    (
        "nan",
        with_raw(json.dumps(base_doc()).replace('"scale": 1.0', '"scale": NaN').encode()),
        DocumentFormatError,
        ["NaN"],
    ),
    (
        "huge-number",
        with_raw(json.dumps(base_doc()).replace('"scale": 1.0', '"scale": 1e999').encode()),
        DocumentFormatError,
        ["out of range"],
    ),
    (
        "duplicate-key",
        with_raw(json.dumps(base_doc()).replace('"paper":', '"number": "1", "paper":', 1).encode()),
        DocumentFormatError,
        ["'number'", "twice"],
    ),
    ("deep-nesting", with_doc(deep_extra), DocumentFormatError, ["nested too deeply"]),
    (
        "wrong-format",
        with_doc(set_(["format"], "other-program")),
        DocumentFormatError,
        ["format", "not a Kupang Layout edition"],
    ),
    ("future-schema", with_doc(set_(["schema"], 99)), NewerVersionError, ["newer version", "99"]),
    (
        "schema-type",
        with_doc(set_(["schema"], "1")),
        DocumentFormatError,
        ["schema: must be a whole number"],
    ),
    (
        "missing-edition",
        with_doc(delete(["edition"])),
        DocumentFormatError,
        ["edition: required field is missing"],
    ),
    (
        "wrong-type",
        with_doc(set_([*FRAMES, 0, "locked"], "yes")),
        DocumentFormatError,
        [f"{P}[0].locked: must be true or false"],
    ),
    (
        "pages-not-list",
        with_doc(set_(["edition", "pages"], {})),
        DocumentFormatError,
        ["pages: must be a list"],
    ),
    (
        "negative-width",
        with_doc(set_([*FRAMES, 1, "rect", "width"], -5)),
        DocumentFormatError,
        [f"{P}[1].rect.width: must be >= 0"],
    ),
    (
        "zero-page-height",
        with_doc(set_(["edition", "pages", 0, "height"], 0)),
        DocumentFormatError,
        ["pages[0].height: must be > 0"],
    ),
    (
        "ink-range",
        with_doc(set_(["edition", "swatches", 0, "k"], 120)),
        DocumentFormatError,
        ["swatches[0].k: must be <= 100"],
    ),
    (
        "missing-field",
        with_doc(delete([*FRAMES, 0, "rect", "width"])),
        DocumentFormatError,
        [f"{P}[0].rect.width: required field is missing"],
    ),
    (
        "missing-id",
        with_doc(delete([*FRAMES, 2, "id"])),
        DocumentFormatError,
        [f"{P}[2].id: required field is missing"],
    ),
    (
        "unknown-frame-type",
        with_doc(set_([*FRAMES, 2, "type"], "circle")),
        DocumentFormatError,
        [f"{P}[2].type", "'circle'"],
    ),
    (
        "bad-role",
        with_doc(set_([*FRAMES, 0, "role"], "sidebar")),
        DocumentFormatError,
        [f"{P}[0].role", "'sidebar'"],
    ),
    (
        "dangling-story",
        with_doc(set_([*FRAMES, 0, "story_id"], "nope")),
        DocumentFormatError,
        [f"{P}[0].story_id", "story 'nope' does not exist"],
    ),
    (
        "dangling-asset",
        with_doc(set_([*FRAMES, 1, "asset"], "ab" * 32)),
        DocumentFormatError,
        [f"{P}[1].asset", "not in the edition's assets"],
    ),
    (
        "bad-asset-ref",
        with_doc(set_([*FRAMES, 1, "asset"], "../../etc/passwd")),
        DocumentFormatError,
        [f"{P}[1].asset", "SHA-256"],
    ),
    (
        "missing-style",
        with_doc(set_(["edition", "stories", 0, "paragraphs", 1, "style"], "Nope")),
        DocumentFormatError,
        ["stories[0].paragraphs[1].style", "paragraph style 'Nope' does not exist"],
    ),
    (
        "missing-char-style",
        with_doc(set_(["edition", "stories", 0, "paragraphs", 0, "runs", 0, "char_style"], "Nope")),
        DocumentFormatError,
        ["stories[0].paragraphs[0].runs[0].char_style", "'Nope'"],
    ),
    (
        "missing-swatch",
        with_doc(set_([*FRAMES, 2, "swatch"], "Gold")),
        DocumentFormatError,
        [f"{P}[2].swatch", "swatch 'Gold' does not exist"],
    ),
    (
        "duplicate-frame-id",
        with_doc(duplicate_frame),
        DocumentFormatError,
        [f"{P}[2].id", "duplicate frame id 't1'"],
    ),
    (
        "duplicate-chain-place",
        with_doc(duplicate_chain_place),
        DocumentFormatError,
        [f"{P}[3].chain_index", "chain place 0"],
    ),
    (
        "duplicate-story",
        with_doc(
            lambda d: d["edition"]["stories"].append(copy.deepcopy(d["edition"]["stories"][0]))
        ),
        DocumentFormatError,
        ["stories[1].id", "duplicate story id 's1'"],
    ),
    (
        "style-loop",
        with_doc(set_(["edition", "paragraph_styles", 0, "based_on"], "Lead")),
        DocumentFormatError,
        ["paragraph_styles[0].based_on", "loop"],
    ),
    (
        "reserved-key",
        with_doc(set_([*FRAMES, 0, "$unknown"], {})),
        DocumentFormatError,
        [f"{P}[0].$unknown", "reserved"],
    ),
    (
        "missing-asset-bytes",
        lambda p: write_kpl(p, base_doc(), {}),
        DocumentFormatError,
        ["assets[0]", f"assets/{SHA}.png", "not in the file"],
    ),
]


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(
    ("builder", "error", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_edition_is_refused_clearly(
    tmp_path: Path, builder: Callable[[Path], None], error: type[StorageError], words: list[str]
) -> None:
    desk = tmp_path / "outer" / "desk"
    desk.mkdir(parents=True)
    path = desk / "bad.kpl"
    builder(path)
    before = tree(tmp_path)
    with pytest.raises(error) as info:
        load_edition(path)
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message
    if isinstance(info.value, DocumentFormatError):
        assert info.value.path in message
    assert tree(tmp_path) == before, "loading wrote something"
    assert not (tmp_path / "outer" / PROBE).exists()
    assert not Path("/tmp", PROBE).exists()


def test_format_error_has_path_and_message(tmp_path: Path) -> None:
    path = tmp_path / "e.kpl"
    with_doc(set_([*FRAMES, 1, "rect", "width"], -1))(path)
    with pytest.raises(DocumentFormatError) as info:
        load_edition(path)
    assert info.value.path == "pages[0].frames[1].rect.width"
    assert info.value.message == "must be >= 0"
    assert info.value.file == str(path)


def test_sha_mismatch_is_found_when_the_image_is_read(tmp_path: Path) -> None:
    path = tmp_path / "e.kpl"
    sha_mismatch(path)
    ed = load_edition(path)  # lazy: the bytes are not read yet
    with pytest.raises(AssetIntegrityError) as info:
        ed.asset_source.read(SHA)
    assert ASSET_ENTRY in str(info.value) and "SHA-256" in str(info.value)
    assert str(path) in str(info.value)


def test_limits_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "e.kpl"
    write_kpl(path, base_doc(), {ASSET_ENTRY: PNG})
    load_edition(path)
    with pytest.raises(DocumentFileError, match="too large"):
        load_edition(path, limits=Limits(max_document_size=100))
    with zipfile.ZipFile(path) as zf:
        doc_size = zf.getinfo("document.json").file_size
    with pytest.raises(DocumentFileError, match=f"more than {doc_size + 10} bytes uncompressed"):
        load_edition(path, limits=Limits(max_total_size=doc_size + 10))
    with pytest.raises(DocumentFileError, match="too many entries"):
        load_edition(path, limits=Limits(max_entries=1))
    with pytest.raises(DocumentFormatError, match="nested too deeply"):
        load_edition(path, limits=Limits(max_json_depth=3))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentFileError, match="file not found"):
        load_edition(tmp_path / "nope.kpl")
    with pytest.raises(DocumentFileError, match="folder"):
        load_edition(tmp_path)


def _template_doc() -> dict[str, Any]:
    t = PageTemplate(name="Halaman 1", width=800, height=1200)
    t.frames.append(TextFrame(id="h", rect=Rect(10, 10, 300, 80), role="headline"))
    return template_to_json(t)


TEMPLATE_CASES: list[tuple[str, bytes, type[StorageError], list[str]]] = [
    ("empty", b"", DocumentFileError, ["empty"]),
    (
        "truncated",
        json.dumps(_template_doc()).encode()[:50],
        DocumentFormatError,
        ["not valid JSON"],
    ),
    ("zip", b"PK\x03\x04rest", DocumentFileError, ["zip archive"]),
    (
        "nan",
        json.dumps(_template_doc()).replace('"bleed": 0.0', '"bleed": NaN').encode(),
        DocumentFormatError,
        ["NaN"],
    ),
    ("deep", b"[" * 200 + b"]" * 200, DocumentFormatError, ["nested too deeply"]),
    (
        "edition-file",
        json.dumps(edition_to_json(ED)).encode(),
        DocumentFormatError,
        ["kind", "not a Kupang Layout page template"],
    ),
    (
        "negative-width",
        json.dumps(_template_doc()).replace('"width": 300.0', '"width": -300.0').encode(),
        DocumentFormatError,
        ["frames[0].rect.width: must be >= 0"],
    ),
    (
        "dangling-story",
        json.dumps(_template_doc()).replace('"story_id": null', '"story_id": "s9"').encode(),
        DocumentFormatError,
        ["frames[0].story_id", "'s9'"],
    ),
    (
        "future",
        json.dumps(_template_doc()).replace('"schema": 1', '"schema": 7').encode(),
        NewerVersionError,
        ["newer version"],
    ),
]


@pytest.mark.parametrize(
    ("raw", "error", "words"), [c[1:] for c in TEMPLATE_CASES], ids=[c[0] for c in TEMPLATE_CASES]
)
def test_hostile_template_is_refused_clearly(
    tmp_path: Path, raw: bytes, error: type[StorageError], words: list[str]
) -> None:
    path = tmp_path / "bad.kplt"
    path.write_bytes(raw)
    before = tree(tmp_path)
    with pytest.raises(error) as info:
        load_template(path)
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message
    assert tree(tmp_path) == before
