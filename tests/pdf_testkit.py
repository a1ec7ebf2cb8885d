"""Test helpers for the PDF renderer: hand-built display lists, editions and sample images."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import math
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw

from kupang_layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    Ink,
    Item,
    PageDisplayList,
    PlacedWord,
    RuleItem,
    TextRun,
)
from kupang_layout.fonts import metrics_for_key
from kupang_layout.model.assets import Asset, MemoryAssets
from kupang_layout.model.edition import Edition
from kupang_layout.model.units import mm

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PHOTOS = REPO / "resources" / "samples" / "photos"
INTAKE_CHECK = REPO / ".." / "shared" / "printer" / "intake_check.py"

BLACK = Ink("Black", 0, 0, 0, 100)
PAPER = Ink("Paper", 0, 0, 0, 0)
KT_RED = Ink("KT Red", 0, 95, 85, 5)
KT_BLUE = Ink("KT Blue", 100, 60, 0, 10)
GREY = Ink("Grey 20", 0, 0, 0, 20)

PAGE_W = mm(280)
PAGE_H = mm(430)
BLEED = mm(3)

LOREM = (
    "Pemerintah Kota Kupang menyiapkan anggaran untuk perbaikan jalan di kawasan Oebobo "
    "dan Kelapa Lima sebelum musim hujan tiba. Warga berharap pekerjaan selesai tepat waktu "
    "karena jalan tersebut menjadi akses utama menuju pasar dan sekolah."
)


def has_tools(*names: str) -> bool:
    return all(shutil.which(n) for n in names)


def placed_words(
    face: str, size: float, text: str, x: float, letter_spacing: float = 0.0
) -> tuple[PlacedWord, ...]:
    """Words of `text` from x, separated by one space, with advances from the font metrics."""
    metrics = metrics_for_key(face)
    words = []
    space = metrics.space_advance(size)
    for word in text.split():
        advances = tuple(a + letter_spacing for a in metrics.char_advances(word, size))
        words.append(PlacedWord(word, x, advances))
        x += sum(advances) + space
    return tuple(words)


def text_lines(
    face: str,
    size: float,
    text: str,
    x: float,
    y: float,
    width: float,
    leading: float,
    ink: Ink = BLACK,
    letter_spacing: float = 0.0,
) -> list[TextRun]:
    """Greedy ragged-right lines (good enough for tests; the engine does the real thing)."""
    metrics = metrics_for_key(face)
    space = metrics.space_advance(size)
    runs: list[TextRun] = []
    line: list[str] = []
    line_width = 0.0
    for word in text.split():
        w = metrics.advance(word, size) + letter_spacing * len(word)
        if line and line_width + space + w > width:
            runs.append(
                TextRun(
                    face,
                    size,
                    ink,
                    y,
                    placed_words(face, size, " ".join(line), x, letter_spacing),
                    letter_spacing,
                    line=len(runs),
                )
            )
            y += leading
            line, line_width = [], 0.0
        line_width += (space if line else 0.0) + w
        line.append(word)
    if line:
        runs.append(
            TextRun(
                face,
                size,
                ink,
                y,
                placed_words(face, size, " ".join(line), x, letter_spacing),
                letter_spacing,
                line=len(runs),
            )
        )
    return runs


def synthetic_photo(width: int = 1200, height: int = 800) -> Image.Image:
    """A colourful RGB picture: gradients, saturated patches and a dark corner."""
    image = Image.new("RGB", (width, height))
    px = image.load()
    assert px is not None
    for yy in range(0, height):
        for xx in range(0, width, 1):
            r = int(255 * xx / max(1, width - 1))
            g = int(255 * yy / max(1, height - 1))
            b = int(127 + 127 * math.sin(xx / 37.0) * math.cos(yy / 23.0))
            px[xx, yy] = (r, g, b)
    draw = ImageDraw.Draw(image)
    draw.rectangle((width // 10, height // 10, width // 3, height // 3), fill=(220, 20, 30))
    draw.ellipse((width // 2, height // 2, width * 3 // 4, height * 9 // 10), fill=(20, 60, 200))
    draw.rectangle((0, height * 4 // 5, width // 6, height), fill=(5, 5, 5))
    return image


def jpeg_bytes(image: Image.Image, quality: int = 90, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, **kwargs)
    return buf.getvalue()


def png_bytes(image: Image.Image, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", **kwargs)
    return buf.getvalue()


def edition_with(assets: dict[str, bytes], **fields: object) -> tuple[Edition, dict[str, str]]:
    """An edition holding the given files; returns it and name -> sha256."""
    source = MemoryAssets()
    edition = Edition(paper="Kupang Times", number="612", date="2024-05-01", asset_source=source)
    for key, value in fields.items():
        setattr(edition, key, value)
    shas: dict[str, str] = {}
    for name, data in assets.items():
        sha = hashlib.sha256(data).hexdigest()
        source.add(sha, data)
        try:
            with Image.open(io.BytesIO(data)) as im:
                w, h = im.size
        except Exception:
            w, h = 0, 0
        ext = name.rsplit(".", 1)[-1] if "." in name else "bin"
        edition.assets[sha] = Asset(sha, ext, name, w, h)
        shas[name] = sha
    return edition, shas


def image_item(
    sha: str,
    x: float,
    y: float,
    w: float,
    h: float,
    px: tuple[int, int],
    clip: tuple[float, float, float, float] | None = None,
) -> ImageItem:
    cx, cy, cw, ch = clip if clip is not None else (x, y, w, h)
    return ImageItem(sha, cx, cy, cw, ch, x, y, w, h, px[0], px[1])


def display_list(
    items: list[Item], number: int = 3, width: float = PAGE_W, height: float = PAGE_H
) -> PageDisplayList:
    return PageDisplayList(f"page-{number}", number, width, height, BLEED, tuple(items))


def sample_page(photo_sha: str, photo_px: tuple[int, int], number: int = 3) -> PageDisplayList:
    """A news page: headline, body text in three columns, rules, a swatch box, a photo."""
    items: list[Item] = []
    left = mm(12)
    col_w = mm(80)
    gutter = mm(5)
    # A red banner touching the top trim edge, extended into the bleed like the engine does.
    items.append(BoxItem(-BLEED, -BLEED, PAGE_W + 2 * BLEED, mm(30) + BLEED, KT_RED))
    items.extend(
        text_lines("Roboto Condensed/Bold", 48, "KUPANG TIMES", left, mm(22), mm(250), 50, PAPER)
    )
    items.extend(
        text_lines(
            "PT Serif/Bold",
            30,
            "Jalan Oebobo diperbaiki sebelum musim hujan",
            left,
            mm(45),
            mm(256),
            34,
        )
    )
    items.append(RuleItem(left, mm(52), PAGE_W - left, mm(52), 1.0, BLACK))
    photo_w = col_w * 2 + gutter
    photo_h = photo_w * photo_px[1] / photo_px[0]
    items.append(image_item(photo_sha, left, mm(58), photo_w, photo_h, photo_px))
    items.extend(
        text_lines(
            "PT Serif/Italic",
            8,
            "Foto: Kupang Times. " + LOREM[:80],
            left,
            mm(58) + photo_h + 10,
            photo_w,
            10,
        )
    )
    body_top = mm(58) + photo_h + mm(10)
    for col in range(3):
        x = left + col * (col_w + gutter)
        items.extend(
            text_lines("PT Serif/Regular", 9.5, " ".join([LOREM] * 4), x, body_top, col_w, 11.5)
        )
        if col:
            xr = x - gutter / 2
            items.append(RuleItem(xr, body_top - 10, xr, body_top + mm(80), 0.5, GREY))
    items.append(
        BoxItem(
            left,
            mm(380),
            mm(120),
            mm(35),
            Ink("KT Blue", 100, 60, 0, 10),
            stroke=BLACK,
            stroke_weight=1.0,
        )
    )
    items.extend(
        text_lines(
            "Roboto Condensed/Bold",
            14,
            "Iklan: Toko Sinar Kupang",
            left + 8,
            mm(392),
            mm(100),
            16,
            PAPER,
        )
    )
    items.extend(
        text_lines(
            "Roboto Condensed/Regular",
            9,
            "Halaman 3 | Kupang Times",
            left,
            PAGE_H - mm(8),
            mm(100),
            10,
            BLACK,
            letter_spacing=0.4,
        )
    )
    return display_list(items, number)


def render_png(pdf: Path, out_prefix: Path, dpi: int = 50, box: str = "") -> Path:
    """Render page 1 with pdftoppm; returns the PNG path."""
    args = ["pdftoppm", "-r", str(dpi), "-png", "-singlefile"]
    if box:
        args.append(box)
    subprocess.run([*args, str(pdf), str(out_prefix)], check=True, capture_output=True)
    return out_prefix.with_suffix(".png")


def sample(png: Image.Image, x: float, y: float, dpi: float, margin: float) -> tuple[int, ...]:
    """The RGB pixel at page point (x, y) (trim origin, y down) of a rendered MediaBox."""
    scale = dpi / 72.0
    px = png.getpixel((int((margin + x) * scale), int((margin + y) * scale)))
    assert isinstance(px, tuple)
    return px


def strip_adobe_marker(data: bytes) -> bytes:
    """A JPEG without its APP14 'Adobe' segment (everything else kept)."""
    out = bytearray(data[:2])
    i = 2
    while i < len(data):
        assert data[i] == 0xFF
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the rest is entropy-coded data
            out += data[i:]
            break
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        segment = data[i : i + 2 + length]
        if not (marker == 0xEE and segment[4:9] == b"Adobe"):
            out += segment
        i += 2 + length
    return bytes(out)


def png_with_header(width: int, height: int) -> bytes:
    """A tiny PNG whose IHDR claims width x height RGB pixels (the data is a few bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_with_header(width: int, height: int) -> bytes:
    """A small real JPEG whose SOF segment is patched to claim width x height pixels."""
    data = bytearray(jpeg_bytes(Image.new("RGB", (16, 16), (200, 40, 40))))
    i = 2
    while i < len(data):
        marker = data[i + 1]
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            data[i + 5 : i + 7] = height.to_bytes(2, "big")
            data[i + 7 : i + 9] = width.to_bytes(2, "big")
            return bytes(data)
        i += 2 + length
    raise AssertionError("no SOF segment")


# The transpose that undoes each EXIF orientation's display transform.
_STORE_FOR_ORIENTATION = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def exif_jpeg(upright: Image.Image, orientation: int, quality: int = 95) -> bytes:
    """A JPEG whose stored pixels, shown with its EXIF orientation, look like `upright`."""
    method = _STORE_FOR_ORIENTATION[orientation]
    stored = upright if method is None else upright.transpose(method)
    exif = Image.Exif()
    exif[0x0112] = orientation
    return jpeg_bytes(stored, quality=quality, exif=exif.tobytes())


def two_tone(
    size: tuple[int, int],
    first: tuple[int, ...],
    second: tuple[int, ...],
    mode: str = "RGB",
    vertical: bool = True,
) -> Image.Image:
    """Top half `first`, bottom half `second` (or left/right when not vertical)."""
    image = Image.new(mode, size, second)
    w, h = size
    image.paste(first, (0, 0, w, h // 2) if vertical else (0, 0, w // 2, h))
    return image


@dataclasses.dataclass
class TextDraw:
    """One text-showing operator as the content stream leaves it."""

    x: float
    y: float
    font: str
    size: float
    char_spacing: float
    fill: tuple[object, ...] | None
    overprint: bool
    operator: str
    operands: list[object]


def text_draws(pdf: pikepdf.Pdf, page_index: int = 0) -> list[TextDraw]:
    """Replay a page's content stream and list every Tj/TJ with its position and state."""
    page = pdf.pages[page_index]
    gstates = page.obj.Resources.get("/ExtGState", {})
    state = {"fill": None, "op": False, "tc": 0.0, "font": "", "size": 0.0}
    stack: list[dict[str, object]] = []
    line = [0.0, 0.0]
    draws: list[TextDraw] = []
    for operands, op in pikepdf.parse_content_stream(page):
        o = str(op)
        if o == "q":
            stack.append(dict(state))
        elif o == "Q":
            state = stack.pop()
        elif o == "k":
            state["fill"] = tuple(round(float(v), 4) for v in operands)
        elif o == "g":
            state["fill"] = ("gray", round(float(operands[0]), 4))
        elif o == "cs":
            state["fill"] = ("cs", str(operands[0]))
        elif o == "gs":
            g = gstates.get(str(operands[0]))
            if g is not None and "/op" in g:
                state["op"] = bool(g.op)
        elif o == "Tc":
            state["tc"] = float(operands[0])
        elif o == "Tf":
            state["font"] = str(operands[0])
            state["size"] = float(operands[1])
        elif o == "BT":
            line = [0.0, 0.0]
        elif o == "Tm":
            line = [float(operands[4]), float(operands[5])]
        elif o == "Td":
            line = [line[0] + float(operands[0]), line[1] + float(operands[1])]
        elif o in ("Tj", "TJ"):
            draws.append(
                TextDraw(
                    line[0],
                    line[1],
                    str(state["font"]),
                    float(state["size"]),  # type: ignore[arg-type]
                    float(state["tc"]),  # type: ignore[arg-type]
                    state["fill"],  # type: ignore[arg-type]
                    bool(state["op"]),
                    o,
                    list(operands),
                )
            )
    return draws


def operators(pdf: pikepdf.Pdf, page_index: int = 0) -> list[str]:
    return [str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[page_index])]
