"""Sample editions and display lists for the Qt renderer and GUI tests."""

from __future__ import annotations

import random

from kupang_layout.engine.displaylist import Ink, PageDisplayList, PlacedWord, TextRun
from kupang_layout.fonts import metrics_for_key
from kupang_layout.model import (
    Box,
    Edition,
    ImageFrame,
    Page,
    Paragraph,
    Rect,
    Rule,
    Story,
    TextFrame,
    mm,
)
from kupang_layout.resources import resource_path
from kupang_layout.storage import add_asset

BLACK = Ink("Black", 0, 0, 0, 100)

WORDS = [
    "pemerintah",
    "kota",
    "kupang",
    "menyiapkan",
    "anggaran",
    "perbaikan",
    "jalan",
    "kawasan",
    "oebobo",
    "yang",
    "rusak",
    "akibat",
    "hujan",
    "deras",
    "sejak",
    "pekan",
    "lalu",
    "warga",
    "mengeluhkan",
    "genangan",
    "air",
    "di",
    "depan",
    "pasar",
    "kasih",
    "naikoten",
    "dinas",
    "pekerjaan",
    "umum",
    "berjanji",
    "menambal",
    "lubang",
    "sebelum",
    "akhir",
    "bulan",
    "kepala",
    "dinas",
    "mengatakan",
    "pihaknya",
    "sudah",
    "menurunkan",
    "alat",
    "berat",
    "ke",
    "lokasi",
    "proyek",
    "nelayan",
    "di",
    "pantai",
    "lasiana",
    "juga",
    "meminta",
    "perhatian",
    "terhadap",
    "dermaga",
    "kecil",
    "mereka",
]


def body_text(n_words: int, seed: int = 7) -> list[str]:
    """Paragraphs of plausible Indonesian news text, about `n_words` words in all."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    left = n_words
    while left > 0:
        k = min(left, rng.randint(35, 70))
        words = [rng.choice(WORDS) for _ in range(k)]
        words[0] = words[0].capitalize()
        paragraphs.append(" ".join(words) + ".")
        left -= k
    return paragraphs


def text_line(
    text: str, face: str, size: float, x: float, y: float, frame_id: str = "f"
) -> TextRun:
    """A hand-set line: each word at its x from the bundled font's advances."""
    m = metrics_for_key(face)
    space = m.space_advance(size)
    words = []
    for w in text.split():
        adv = tuple(m.char_advances(w, size))
        words.append(PlacedWord(w, x, adv))
        x += sum(adv) + space
    return TextRun(face, size, BLACK, y, tuple(words), frame_id=frame_id)


def hand_made_list(
    lines: list[TextRun], width: float = 300.0, height: float = 200.0, bleed: float = 9.0
) -> PageDisplayList:
    return PageDisplayList("p", 1, width, height, bleed, tuple(lines))


def sample_edition(n_words: int = 900, photo: bool = True) -> Edition:
    """One broadsheet page: headline, a three-frame threaded story, a photo, a rule, a box."""
    ed = Edition(number="612", date="2024-10-14")
    page = Page("p1", 1, mm(280), mm(430))
    ed.pages.append(page)
    cols = page.column_edges()
    top = page.content_rect.y
    ed.stories["s-head"] = Story(
        "s-head", [Paragraph.plain("Headline", "Jalan Oebobo Diperbaiki Sebelum Musim Hujan")]
    )
    page.frames.append(
        TextFrame(
            "f-head",
            Rect(cols[0][0], top, cols[4][1] - cols[0][0], mm(35)),
            story_id="s-head",
            role="headline",
        )
    )
    ed.stories["s-body"] = Story("s-body", [Paragraph.plain("Body", t) for t in body_text(n_words)])
    body_top = top + mm(40)
    for i in range(3):
        page.frames.append(
            TextFrame(
                f"f-body{i}",
                Rect(cols[i][0], body_top + mm(95), cols[i][1] - cols[i][0], mm(200)),
                story_id="s-body",
                chain_index=i,
                role="body",
            )
        )
    img = ImageFrame(
        "f-photo", Rect(cols[0][0], body_top, cols[2][1] - cols[0][0], mm(90)), role="photo"
    )
    page.frames.append(img)
    if photo:
        data = resource_path("samples", "photos", "sea-boats-evening.jpg").read_bytes()
        asset = add_asset(ed, data, "sea-boats-evening.jpg")
        ed.assets[asset.sha256] = asset
        img.asset = asset.sha256
    page.frames.append(
        Rule("f-rule", Rect(cols[3][0], body_top, cols[4][1] - cols[3][0], 0), weight=1.0)
    )
    page.frames.append(
        Box(
            "f-box",
            Rect(cols[3][0], body_top + mm(5), cols[4][1] - cols[3][0], mm(60)),
            fill="Grey 20",
        )
    )
    return ed
