"""Crash-test helper process: saves edition A, then B, then A... to one file until killed.

Run as ``python storage_crash_child.py TARGET``; prints "ready" once both
editions are built. The test imports `build_editions` to know what A and B are.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from PIL import Image

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


def noise_png(seed: int, size: int) -> bytes:
    """A PNG of random pixels: does not compress, so the file is really this big."""
    rng = random.Random(seed)
    img = Image.frombytes("RGB", (size, size), rng.randbytes(size * size * 3))
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def _edition(tag: str, seeds: list[int]) -> tuple[Edition, MemoryAssets]:
    source = MemoryAssets()
    ed = Edition(number=tag, date="2024-10-14")
    page = Page(id=f"p-{tag}", number=1, width=mm(280), height=mm(430))
    for i, seed in enumerate(seeds):
        data = noise_png(seed, 200)
        asset = asset_from_bytes(data, f"foto-{tag}-{i}.png")
        ed.assets[asset.sha256] = asset
        source.add(asset.sha256, data)
        page.frames.append(
            ImageFrame(id=f"i-{tag}-{i}", rect=Rect(20, 20 + 210 * i, 300, 200), asset=asset.sha256)
        )
    for i in range(30):
        sid = f"s-{tag}-{i}"
        words = " ".join(f"{tag}{i}-{w}" for w in range(60))
        ed.stories[sid] = Story(id=sid, paragraphs=[Paragraph.plain("Body", words)] * 3)
        page.frames.append(
            TextFrame(id=f"t-{tag}-{i}", rect=Rect(400, 10 * i, 200, 9), story_id=sid)
        )
    ed.pages.append(page)
    ed.asset_source = source
    return ed, source


def build_editions() -> list[tuple[Edition, MemoryAssets]]:
    """Edition A (three images) and edition B (four other images), ~0.4 and ~0.5 MB."""
    return [_edition("A", [1, 2, 3]), _edition("B", [4, 5, 6, 7])]


def main() -> None:
    target = Path(sys.argv[1])
    pairs = build_editions()
    print("ready", flush=True)
    i = 0
    while True:
        ed, source = pairs[i % 2]
        ed.asset_source = source  # the bytes come from memory, not from the other's file
        # two editions alternately over one file: a stale save by design, overwritten on purpose
        save_edition(ed, target, overwrite_changes=True)
        i += 1


if __name__ == "__main__":
    main()
