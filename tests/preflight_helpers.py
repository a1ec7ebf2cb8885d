"""Helpers for the preflight tests: a clean hand-built edition and small edits of it."""

from __future__ import annotations

import hashlib
import io

from PIL import Image

from kupang_layout.model import (
    Asset,
    Box,
    Edition,
    ImageFrame,
    MemoryAssets,
    Page,
    Paragraph,
    Rect,
    Rule,
    Story,
    TextFrame,
    mm,
)

PAGE_W = mm(280)
PAGE_H = mm(430)

BODY_TEXT = (
    "Pemerintah Kota Kupang menyiapkan anggaran untuk perbaikan jalan di kawasan Oebobo "
    "dan Kelapa Lima sebelum musim hujan tiba. Warga berharap pekerjaan selesai tepat waktu "
    "karena jalan tersebut menjadi akses utama menuju pasar dan sekolah."
)


def jpeg_bytes(size: tuple[int, int], dpi: float | None = 300.0) -> bytes:
    """A CMYK-free RGB JPEG of `size` pixels, declaring `dpi` (or no resolution)."""
    buf = io.BytesIO()
    img = Image.new("RGB", size, (120, 140, 160))
    if dpi is None:
        img.save(buf, format="JPEG", quality=70)
    else:
        img.save(buf, format="JPEG", quality=70, dpi=(dpi, dpi))
    return buf.getvalue()


def add_image(edition: Edition, data: bytes, name: str) -> Asset:
    """Register an image with the edition (bytes in its memory source)."""
    with Image.open(io.BytesIO(data)) as img:
        w, h = img.size
    sha = hashlib.sha256(data).hexdigest()
    asset = Asset(sha256=sha, ext="jpg", name=name, width_px=w, height_px=h)
    edition.assets[sha] = asset
    assert isinstance(edition.asset_source, MemoryAssets)
    edition.asset_source.add(sha, data)
    return asset


def clean_edition() -> Edition:
    """One page that breaks no rule: masthead band bleeding off three edges, headline,
    photo at over 300 ppi, caption, rule, and a body story in five columns."""
    ed = Edition(paper="Kupang Times", number="612", date="2024-10-14")
    page = Page(id="p1", number=1, width=PAGE_W, height=PAGE_H)
    ed.pages.append(page)
    ed.stories["h"] = Story("h", [Paragraph.plain("Headline", "Jalan Oebobo Diperbaiki")])
    ed.stories["c"] = Story("c", [Paragraph.plain("Caption", "Warga melintas di jalan rusak.")])
    ed.stories["b"] = Story(
        "b",
        [Paragraph.plain("Lead", BODY_TEXT)] + [Paragraph.plain("Body", BODY_TEXT)] * 4,
    )
    photo = add_image(ed, jpeg_bytes((1600, 1067), dpi=300), "jalan.jpg")
    page.frames = [
        Box("band", Rect(0, 0, PAGE_W, mm(8)), name="Pita", fill="KT Blue"),
        TextFrame(
            "head",
            Rect(mm(12), mm(30), mm(256), mm(30)),
            role="headline",
            story_id="h",
            paragraph_style="Headline",
        ),
        ImageFrame(
            "photo", Rect(mm(12), mm(65), mm(120), mm(80)), role="photo", asset=photo.sha256
        ),
        TextFrame(
            "cap",
            Rect(mm(12), mm(147), mm(120), mm(12)),
            role="caption",
            story_id="c",
            paragraph_style="Caption",
        ),
        Rule("rule", Rect(mm(12), mm(162), mm(256), 0.0), weight=0.5),
        TextFrame(
            "body",
            Rect(mm(12), mm(165), mm(256), mm(240)),
            role="body",
            story_id="b",
            columns=5,
            gutter=mm(4.5),
        ),
    ]
    return ed
