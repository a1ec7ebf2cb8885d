"""Benchmark of the PDF render stage: text-only page, and a page with a 12-megapixel photo.

Run: .venv/bin/python benchmarks/bench_pdf.py [--repeat N]
Targets: text page <= 30 ms (median, in-process, to PDF bytes); photo page first
export <= 600 ms and repeat export with the photo unchanged <= 60 ms.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from kupang_layout.engine.displaylist import ImageItem, Ink, PageDisplayList, PlacedWord, TextRun
from kupang_layout.fonts import metrics_for_key
from kupang_layout.model.assets import Asset, MemoryAssets
from kupang_layout.model.edition import Edition
from kupang_layout.model.units import mm
from kupang_layout.render.pdf.exporter import render_pages_bytes
from kupang_layout.render.pdf.fonts import pdf_font
from kupang_layout.render.pdf.image_cache import ImageCache
from kupang_layout.render.pdf.presets import get_preset
from kupang_layout.resources import resource_path

BLACK = Ink("Black", 0, 0, 0, 100)
FACES = ("PT Serif/Regular", "PT Serif/Italic", "PT Serif/Bold")
# Running news text (several stories' worth of distinct words), cycled to fill the page.
PARAGRAPHS = (
    "Pemerintah Kota Kupang menyiapkan anggaran untuk perbaikan jalan di kawasan Oebobo dan "
    "Kelapa Lima sebelum musim hujan tiba. Warga berharap pekerjaan selesai tepat waktu karena "
    "jalan tersebut menjadi akses utama menuju pasar, sekolah, puskesmas dan kantor kelurahan.",
    "Kepala Dinas Pekerjaan Umum mengatakan lelang proyek sudah rampung pekan lalu. Kontraktor "
    "pemenang wajib memulai pengaspalan paling lambat awal bulan depan, sementara drainase di "
    "sepanjang Jalan Frans Seda akan dibersihkan lebih dahulu agar air tidak menggenang.",
    "Di Pelabuhan Tenau, arus penumpang kapal menuju Rote, Sabu dan Alor meningkat menjelang "
    "libur panjang. Petugas syahbandar menambah jadwal keberangkatan dan mengimbau calon "
    "penumpang membeli tiket resmi di loket, bukan melalui calo yang menawarkan harga murah.",
    "Harga cabai rawit dan bawang merah di Pasar Inpres Naikoten naik hampir dua kali lipat "
    "dibanding bulan sebelumnya. Pedagang menyebut pasokan dari Kabupaten Kupang berkurang "
    "akibat cuaca ekstrem, sedangkan permintaan rumah makan dan hotel terus bertambah.",
    "Tim sepak bola Persebata Lembata menaklukkan tuan rumah dengan skor tiga gol tanpa balas "
    "dalam lanjutan kompetisi regional. Pelatih memuji disiplin pemain belakang yang mampu "
    "meredam serangan balik cepat lawan sepanjang babak kedua di Stadion Oepoi.",
    "Rumah Sakit Umum Daerah Prof. Dr. W. Z. Johannes membuka layanan cuci darah tambahan "
    "setelah menerima bantuan mesin hemodialisis. Direktur rumah sakit berharap antrean pasien "
    "dari Timor Tengah Selatan, Belu dan Malaka dapat berkurang secara signifikan.",
    "Komunitas literasi di Kelurahan Fatululi mengajak anak-anak membaca buku setiap sore di "
    "taman baca. Relawan mengumpulkan sumbangan buku cerita, kamus dan atlas dari warga, "
    "perantau serta sejumlah penerbit yang peduli pada pendidikan di Nusa Tenggara Timur.",
    "Badan Meteorologi, Klimatologi dan Geofisika memperkirakan gelombang tinggi mencapai "
    "empat meter di perairan selatan Sumba dan Laut Sawu. Nelayan tradisional diminta menunda "
    "melaut, sementara operator kapal cepat wajib memeriksa pelampung serta radio komunikasi.",
    "Mahasiswa Universitas Nusa Cendana merancang alat penyuling air laut bertenaga surya "
    "untuk desa pesisir yang kesulitan air bersih. Purwarupa pertama diuji di Desa Tablolong "
    "dan menghasilkan puluhan liter air minum setiap hari tanpa bahan bakar minyak.",
    "Festival tenun ikat digelar di halaman Gedung Sasando dengan menghadirkan penenun dari "
    "Insana, Amarasi, Ende dan Flores Timur. Pengunjung dapat melihat proses pewarnaan alami "
    "memakai akar mengkudu, daun tarum, kulit kayu mahoni serta lumpur dari sawah.",
    "Kejaksaan Negeri menahan dua tersangka dugaan korupsi pengadaan perahu motor bagi "
    "kelompok nelayan. Penyidik menemukan spesifikasi mesin tidak sesuai kontrak dan sebagian "
    "perahu rusak sebelum diserahkan, sehingga negara dirugikan ratusan juta rupiah.",
    "Petani jagung di Amfoang mulai memanen lebih awal karena hujan datang terlambat tahun ini. "
    "Penyuluh pertanian menganjurkan varietas berumur pendek, pupuk organik dan embung kecil "
    "untuk menampung air supaya tanaman tetap tumbuh ketika kemarau berkepanjangan.",
    "Bandara El Tari mencatat lonjakan wisatawan mancanegara setelah maskapai membuka rute "
    "langsung dari Darwin. Pengelola hotel di Lasiana dan Kupang Beach menawarkan paket "
    "menyelam, wisata kuliner se'i babi, jagung bose serta kunjungan ke Gua Kristal.",
)
PAGE_W, PAGE_H = mm(280), mm(430)


def _words() -> list[str]:
    return " ".join(PARAGRAPHS).split()


def text_page(runs: int = 700, words: int = 900) -> PageDisplayList:
    """`runs` text runs holding `words` words in five columns of 9.5/11.5 pt text."""
    vocabulary = _words()
    items: list[TextRun] = []
    two_word_runs = words - runs
    w = 0
    for i in range(runs):
        face = FACES[i % 7 % 3]
        metrics = metrics_for_key(face)
        col, row = divmod(i, 140)
        x = mm(12) + col * mm(52)
        y = mm(30) + row * 11.5
        placed = []
        for _ in range(2 if i < two_word_runs else 1):
            text = vocabulary[w % len(vocabulary)]
            w += 1
            adv = tuple(metrics.char_advances(text, 9.5))
            placed.append(PlacedWord(text, x, adv))
            x += sum(adv) + metrics.space_advance(9.5)
        items.append(TextRun(face, 9.5, BLACK, y, tuple(placed)))
    return PageDisplayList("bench", 1, PAGE_W, PAGE_H, mm(3), tuple(items))


def plain_reportlab(dl: PageDisplayList) -> bytes:
    """The same strings drawn with canvas.drawString (no boxes, no PDF/X), for comparison."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    for run in dl.text_runs():
        c.setFont(run.face, run.size)
        for word in run.words:
            c.drawString(word.x, PAGE_H - run.y, word.text)
    c.showPage()
    c.save()
    return buf.getvalue()


def median_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of fn() (CPU time is immune to other load)."""
    fn()  # warm-up (font registration, first subsets)
    wall = []
    cpu = []
    for _ in range(repeat):
        t = time.perf_counter()
        c = time.process_time()
        fn()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def photo_edition(tmp: Path) -> tuple[Edition, str, tuple[int, int]]:
    """A 12-megapixel (4000 x 3000) JPEG made from a bundled sample photo."""
    sample = resource_path("samples", "photos", "landscape-mountain-forest.jpg")
    with Image.open(sample) as im:
        big = im.convert("RGB").resize((4000, 3000), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    big.save(buf, "JPEG", quality=92)
    data = buf.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    source = MemoryAssets()
    source.add(sha, data)
    edition = Edition(paper="Kupang Times", number="612", asset_source=source)
    edition.assets[sha] = Asset(sha, "jpg", "photo-12mp.jpg", 4000, 3000)
    return edition, sha, (4000, 3000)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args(argv)
    preset = get_preset()
    edition = Edition(paper="Kupang Times", number="612")
    dl = text_page()
    for face in FACES:
        pdf_font(face)
    n_words = sum(len(r.words) for r in dl.text_runs())
    ours = median_ms(lambda: render_pages_bytes([dl], edition, preset), args.repeat)
    plain = median_ms(lambda: plain_reportlab(dl), args.repeat)
    print(f"text page ({len(dl.items)} runs, {n_words} words), median of {args.repeat}:")
    print(
        f"  render_pages_bytes (PDF/X-1a, subset fonts): {ours[0]:7.1f} ms wall "
        f"{ours[1]:7.1f} ms CPU   target <= 30 ms"
    )
    print(
        f"  plain ReportLab drawString, same strings:   {plain[0]:7.1f} ms wall "
        f"{plain[1]:7.1f} ms CPU"
    )

    with tempfile.TemporaryDirectory() as tmp:
        edition, sha, px = photo_edition(Path(tmp))
        for label, width_mm in (
            ("4-column photo, 200 mm wide", 200.0),
            ("3-column photo, 150 mm", 150.0),
        ):
            cache = ImageCache(Path(tmp) / f"cache-{width_mm:g}")
            w = mm(width_mm)
            h = w * px[1] / px[0]
            item = ImageItem(sha, mm(12), mm(40), w, h, mm(12), mm(40), w, h, px[0], px[1])
            page = PageDisplayList("photo", 1, PAGE_W, PAGE_H, mm(3), (item,))
            t = time.perf_counter()
            c = time.process_time()
            render_pages_bytes([page], edition, preset, image_cache=cache)
            first_cpu = (time.process_time() - c) * 1000
            first = (time.perf_counter() - t) * 1000
            repeat = median_ms(
                functools.partial(render_pages_bytes, [page], edition, preset, image_cache=cache),
                max(5, args.repeat // 3),
            )
            print(f"12-megapixel JPEG, {label}:")
            print(
                f"  first export:  {first:7.1f} ms wall {first_cpu:7.1f} ms CPU   target <= 600 ms"
            )
            print(
                f"  repeat export: {repeat[0]:7.1f} ms wall {repeat[1]:7.1f} ms CPU   "
                f"target <= 60 ms (images prepared: {cache.prepared})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
