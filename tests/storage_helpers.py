"""Shared helpers for the storage tests: a small real edition and raw .kpl writing."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from PIL import Image

from kupang_layout.model import (
    Edition,
    ImageFrame,
    MemoryAssets,
    Page,
    Paragraph,
    Rect,
    Rule,
    Run,
    Story,
    TextFrame,
    mm,
)
from kupang_layout.storage import asset_from_bytes


def image_bytes(
    fmt: str, size: tuple[int, int] = (8, 6), color: tuple[int, int, int] = (200, 30, 30)
) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format=fmt)
    return buf.getvalue()


def small_edition() -> tuple[Edition, bytes]:
    """One page: a text frame with a story, an image frame with a real PNG, a rule."""
    data = image_bytes("PNG")
    asset = asset_from_bytes(data, "foto.png")
    source = MemoryAssets()
    source.add(asset.sha256, data)
    story = Story(
        id="s1",
        paragraphs=[
            Paragraph("Body", [Run("KUPANG - ", "Dateline"), Run("Hujan turun sejak pagi.")]),
            Paragraph.plain("Body", "Paragraf kedua."),
        ],
    )
    page = Page(id="p1", number=1, width=mm(280), height=mm(430))
    page.frames = [
        TextFrame(id="t1", rect=Rect(30, 40, 200, 300), story_id="s1", role="body"),
        ImageFrame(id="i1", rect=Rect(240, 40, 300, 200), asset=asset.sha256, role="photo"),
        Rule(id="r1", rect=Rect(30, 350, 500, 0), swatch="KT Red"),
    ]
    ed = Edition(number="612", date="2024-10-14", pages=[page], stories={"s1": story})
    ed.assets[asset.sha256] = asset
    ed.asset_source = source
    return ed, data


def write_zip(
    path: Path,
    entries: list[tuple[str, bytes]],
    method: int = zipfile.ZIP_DEFLATED,
) -> None:
    """A zip with exactly these entries (names taken as they are, even hostile ones)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, data)


def write_kpl(
    path: Path, document: Any, assets: dict[str, bytes], raw: bytes | None = None
) -> None:
    """A .kpl from a document (dict, or raw bytes) and asset bytes by entry name."""
    body = raw if raw is not None else json.dumps(document).encode("utf-8")
    write_zip(path, [("document.json", body), *assets.items()])


def tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder below root with size and mtime (to show nothing was written)."""
    out: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            p = Path(folder) / name
            st = p.lstat()
            out[str(p.relative_to(root))] = (st.st_size, st.st_mtime_ns)
    return out
