"""Nothing dead in the file (issue 11, item 7): a save leaves out stories no frame shows
(unless kept) and images nothing places; the edition in memory keeps them, so undo after a
save still finds a deleted frame's story and a replaced photo."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

from PIL import Image

from kupang_layout.editing.page_ops import build_edition
from kupang_layout.model import (
    Edition,
    History,
    ImageFrame,
    Paragraph,
    PlaceImage,
    TextFrame,
)
from kupang_layout.model.commands_frames import RemoveFrame
from kupang_layout.storage import TemplateLibrary, add_asset, load_edition, save_edition


def _photo(seed: int) -> bytes:
    """A noisy JPEG (does not compress) of about 300 KB, different for every seed."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (480, 320), rng.randbytes(480 * 320 * 3))
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=90)
    return buf.getvalue()


def _edition() -> tuple[Edition, History]:
    edition = build_edition(
        "Kupang Times", "612", "2024-10-14", [TemplateLibrary().get("berita-satu")]
    )
    return edition, History(edition)


def _frame(edition: Edition, role: str, kind: type) -> str:
    return next(f.id for f in edition.pages[0].frames if isinstance(f, kind) and f.role == role)


def _place(edition: Edition, history: History, seed: int) -> str:
    asset = add_asset(edition, _photo(seed), f"foto-{seed}.jpg")
    history.execute(PlaceImage(_frame(edition, "photo", ImageFrame), asset, fit="fill"))
    return asset.sha256


def _entries(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return sorted(zf.namelist())


def _document(path: Path) -> dict:  # type: ignore[type-arg]
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("document.json"))  # type: ignore[no-any-return]


def test_a_photo_replaced_five_times_leaves_one_photo_in_the_file(tmp_path: Path) -> None:
    edition, history = _edition()
    shas = [_place(edition, history, seed) for seed in range(5)]
    five = tmp_path / "lima.kpl"
    save_edition(edition, five)
    only, only_history = _edition()
    _place(only, only_history, 4)
    one = tmp_path / "satu.kpl"
    save_edition(only, one)
    size_five, size_one = five.stat().st_size, one.stat().st_size
    assert abs(size_five - size_one) <= 0.05 * size_one, (size_five, size_one)
    assert [e for e in _entries(five) if e.startswith("assets/")] == [f"assets/{shas[4]}.jpg"]
    assert len(edition.assets) == 5  # the edition in memory keeps them for undo


def test_undo_after_save_finds_a_photo_that_was_only_in_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "edisi.kpl"
    first, first_history = _edition()
    original = _place(first, first_history, 10)
    save_edition(first, path)
    edition = load_edition(path)  # photo 10's bytes are in the file only
    history = History(edition)
    for seed in (11, 12, 13, 14):
        _place(edition, history, seed)
    save_edition(edition, path)  # the file no longer holds photo 10
    assert f"assets/{original}.jpg" not in _entries(path)
    for _ in range(4):
        assert history.undo()
    frame = edition.find_frame(_frame(edition, "photo", ImageFrame))
    assert frame is not None and isinstance(frame[1], ImageFrame)
    assert frame[1].asset == original
    assert edition.asset_source.read(original) == _photo(10)
    save_edition(edition, path)
    assert f"assets/{original}.jpg" in _entries(path)
    assert load_edition(path).asset_source.read(original) == _photo(10)


def test_a_deleted_frames_story_is_not_saved_and_comes_back_with_undo(tmp_path: Path) -> None:
    edition, history = _edition()
    frame_id = _frame(edition, "pull_quote", TextFrame)
    found = edition.find_frame(frame_id)
    assert found is not None and isinstance(found[1], TextFrame)
    story_id = found[1].story_id or ""
    edition.stories[story_id].paragraphs = [Paragraph.plain("Body", "Kutipan yang dihapus")]
    path = tmp_path / "edisi.kpl"
    history.execute(RemoveFrame(frame_id))
    save_edition(edition, path)
    document = _document(path)["edition"]
    assert story_id not in [s["id"] for s in document["stories"]]
    assert "Kutipan yang dihapus" not in json.dumps(document, ensure_ascii=False)
    assert story_id in edition.stories  # only the file was pruned
    assert history.undo()
    save_edition(edition, path)
    loaded = load_edition(path)
    assert loaded.stories[story_id].text == "Kutipan yang dihapus"


def test_a_story_the_desk_kept_stays_in_the_file(tmp_path: Path) -> None:
    edition, history = _edition()
    frame_id = _frame(edition, "pull_quote", TextFrame)
    found = edition.find_frame(frame_id)
    assert found is not None and isinstance(found[1], TextFrame)
    story = edition.stories[found[1].story_id or ""]
    story.paragraphs = [Paragraph.plain("Body", "Cadangan untuk besok")]
    story.kept = True
    history.execute(RemoveFrame(frame_id))
    path = tmp_path / "edisi.kpl"
    save_edition(edition, path)
    loaded = load_edition(path)
    assert loaded.stories[story.id].text == "Cadangan untuk besok"
    assert loaded.stories[story.id].kept
    story.kept = False
    save_edition(edition, path)
    assert story.id not in load_edition(path).stories
