"""Test helpers for the trust tests of files: small editions, the CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from pdf_testkit import LOREM, jpeg_bytes, synthetic_photo

from kupang_layout.model import (
    Edition,
    ImageFrame,
    MemoryAssets,
    Page,
    Paragraph,
    Rect,
    Story,
    TextFrame,
    mm,
)
from kupang_layout.storage import asset_from_bytes, save_edition


def small_edition(
    path: Path, numbers: tuple[int, ...] = (1, 2), photo_on: int | None = None
) -> Path:
    """A text page per number (a photo on page `photo_on`), saved at `path`."""
    source = MemoryAssets()
    edition = Edition(number="612", date="2024-10-14", asset_source=source)
    sha = ""
    if photo_on is not None:
        data = jpeg_bytes(synthetic_photo(1500, 1000))
        asset = asset_from_bytes(data, "pantai.jpg")
        source.add(asset.sha256, data)
        edition.assets[asset.sha256] = asset
        sha = asset.sha256
    for index, number in enumerate(numbers, 1):
        story_id = f"s{index}"
        edition.stories[story_id] = Story(
            id=story_id, paragraphs=[Paragraph.plain("Body", LOREM) for _ in range(2)]
        )
        page = Page(id=f"p{index}", number=number, width=mm(280), height=mm(430))
        page.frames = [TextFrame(id=f"t{index}", rect=Rect(40, 60, 250, 400), story_id=story_id)]
        if number == photo_on:
            page.frames.append(ImageFrame(id=f"i{index}", rect=Rect(320, 60, 300, 200), asset=sha))
        edition.pages.append(page)
    save_edition(edition, path)
    return path


def damage_assets(path: Path) -> None:
    """Replace every asset's bytes in the .kpl with another picture (the hash no longer fits)."""
    other = jpeg_bytes(synthetic_photo(640, 480))
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    tmp = path.with_name(path.name + ".damaged")
    with zipfile.ZipFile(tmp, "w") as dst:
        for info, data in entries:
            dst.writestr(info, other if info.filename.startswith("assets/") else data)
    os.replace(tmp, path)


def cli(
    *args: str, umask: int = -1, env: dict[str, str] | None = None, lang: str = "id"
) -> subprocess.CompletedProcess[str]:
    """`kupang-layout ARGS` in a subprocess (Indonesian unless told), under `umask`."""
    return subprocess.run(
        [sys.executable, "-m", "kupang_layout", "--lang", lang, *args],
        capture_output=True,
        text=True,
        timeout=600,
        umask=umask,
        env=env,
    )


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
