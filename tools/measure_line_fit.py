"""Tools stage: measure how many characters of Indonesian text fit a column line per font.

Used to produce the figures in docs/FONTS.md. Widths come from the hmtx advance widths
only (no kerning, no shaping): a rough count for comparing faces. The layout engine
measures more closely: it applies the font's pair kerning (GPOS `kern`, else the `kern`
table; `fonts/metrics.py`), and justified lines also scale glyphs and letter-space
(`engine/compose_items.py`), so a line set by the engine may hold a character or two
more or less than this count.

Usage: python tools/measure_line_fit.py [--width-mm 48] [--size 9.5] FONT.ttf ...
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from fontTools.ttLib import TTFont

MM_TO_PT = 72.0 / 25.4

# An Indonesian news paragraph written for this measurement (regional daily register).
SAMPLE = (
    "Pemerintah Provinsi Nusa Tenggara Timur menyiapkan anggaran tambahan untuk "
    "memperbaiki jalan dan jembatan yang rusak akibat banjir di Kabupaten Kupang pekan "
    "lalu. Kepala Dinas Pekerjaan Umum mengatakan, perbaikan darurat akan dimulai "
    "minggu depan setelah pendataan kerusakan selesai dilakukan bersama pemerintah "
    "kabupaten. \u201cKami utamakan akses ke sekolah, puskesmas, dan pasar agar "
    "kegiatan masyarakat kembali normal,\u201d ujarnya di Kupang, Senin (12/2). "
    "Menurut data sementara, sedikitnya 23 rumah terendam, tiga jembatan kayu hanyut, "
    "dan sekitar 1.200 hektare sawah gagal panen. Para petani di Desa Oesao berharap "
    "bantuan benih segera disalurkan sebelum musim tanam berikutnya. Sementara itu, "
    "Badan Meteorologi, Klimatologi, dan Geofisika mengimbau warga yang tinggal di "
    "bantaran sungai untuk tetap waspada karena curah hujan diperkirakan masih tinggi "
    "hingga akhir bulan. Warga juga diminta tidak membuang sampah ke saluran air \u2014 "
    "penyumbatan drainase disebut sebagai salah satu penyebab genangan di pusat kota."
)


def advances(path: Path) -> tuple[dict[str, float], float, str]:
    """Return per-character advance in em, the x-height in em and the family name."""
    font = TTFont(str(path), lazy=True)
    upm = float(font["head"].unitsPerEm)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    table: dict[str, float] = {}
    for ch in set(SAMPLE):
        glyph = cmap.get(ord(ch), ".notdef")
        table[ch] = hmtx[glyph][0] / upm
    x_height = getattr(font["OS/2"], "sxHeight", 0) / upm
    name = f"{font['name'].getDebugName(1)} {font['name'].getDebugName(2)}"
    font.close()
    return table, x_height, name


def greedy_lines(words: list[str], adv: dict[str, float], size: float, width: float) -> list[str]:
    """Fill lines first-fit without hyphenation; return the lines."""
    space = adv[" "] * size
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for word in words:
        w = sum(adv[c] for c in word) * size
        needed = w if not current else current_width + space + w
        if current and needed > width:
            lines.append(" ".join(current))
            current, current_width = [word], w
        else:
            current.append(word)
            current_width = needed
    if current:
        lines.append(" ".join(current))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fonts", nargs="+", type=Path)
    parser.add_argument("--width-mm", type=float, default=48.0)
    parser.add_argument("--size", type=float, default=9.5)
    args = parser.parse_args()
    width = args.width_mm * MM_TO_PT
    words = SAMPLE.split()
    print(f"sample: {len(SAMPLE)} characters, {len(words)} words; line {args.width_mm} mm")
    print(
        "font | mean advance (em) | chars/line (mean) | chars/line (greedy fill) | lines"
        " | x-height mm | chars/line at the first font's x-height"
    )
    reference_x: float | None = None
    for path in args.fonts:
        adv, x_height, name = advances(path)
        mean_em = sum(adv[c] for c in SAMPLE) / len(SAMPLE)
        mean_fit = width / (mean_em * args.size)
        lines = greedy_lines(words, adv, args.size, width)
        full = lines[:-1]  # the last line of a paragraph is short by nature
        greedy = statistics.mean(len(line) for line in full)
        x_mm = x_height * args.size / MM_TO_PT
        if reference_x is None:
            reference_x = x_height
        # Size at which this font's x-height equals the first font's x-height at --size.
        matched_size = args.size * reference_x / x_height
        matched_fit = width / (mean_em * matched_size)
        print(
            f"{name} | {mean_em:.4f} | {mean_fit:.1f} | {greedy:.1f} | {len(lines)}"
            f" | {x_mm:.2f} | {matched_fit:.1f} (at {matched_size:.2f} pt)"
        )


if __name__ == "__main__":
    main()
