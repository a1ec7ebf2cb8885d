"""Preflight stage: the rule messages and fix hints in Indonesian and English.

Every rule id is also a message key. Params are formatted when the message is
shown, so one issue reads in either language: numbers whole without decimals,
others with one decimal (a decimal comma in Indonesian); a `role` or `edge`
param is a key translated through ROLES or EDGES.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kupang_layout.i18n import current_language
from kupang_layout.imaging.messages import reason_text
from kupang_layout.preflight.messages_pdf import PDF_MESSAGES

Entry = dict[str, str]

# The document rules here; the PDF rules' messages are in messages_pdf.py.
MESSAGES: dict[str, Entry] = {
    # -- document rules ------------------------------------------------------
    "overset": {
        "id": "Teks melimpah: +{lines} baris, {words} kata tidak muat di bingkai.",
        "en": "Overset text: +{lines} lines, {words} words do not fit the frame.",
    },
    "placeholder-headline": {
        "id": "Judul masih teks pengganti: {text}",
        "en": "The headline is still a placeholder: {text}",
    },
    "empty-slot": {
        "id": "Slot wajib kosong: {role}.",
        "en": "A required slot is empty: {role}.",
    },
    "empty-slot-optional": {
        "id": "Slot kosong: {role}.",
        "en": "Empty slot: {role}.",
    },
    "photo-empty": {
        "id": "Bingkai foto kosong.",
        "en": "The photo frame is empty.",
    },
    "image-empty": {
        "id": "Bingkai gambar kosong.",
        "en": "The image frame is empty.",
    },
    "asset-unknown": {
        "id": "Gambar yang dirujuk bingkai tidak terdaftar di edisi ({asset}).",
        "en": "The image the frame refers to is not in the edition ({asset}).",
    },
    "asset-missing": {
        "id": "Berkas gambar {name} tidak tersedia.",
        "en": "The image file {name} is not available.",
    },
    "image-ppi-low": {
        "id": "Resolusi gambar {name} hanya {ppi} ppi; percetakan menolak di bawah {limit} ppi.",
        "en": "Image {name} is only {ppi} ppi; the plant refuses less than {limit} ppi.",
    },
    "image-ppi-poor": {
        "id": "Resolusi gambar {name} {ppi} ppi; disarankan minimal {limit} ppi.",
        "en": "Image {name} is {ppi} ppi; {limit} ppi or more is recommended.",
    },
    "image-upscaled": {
        "id": "Gambar {name} diperbesar menjadi {scale} % dari ukuran aslinya ({dpi} dpi).",
        "en": "Image {name} is enlarged to {scale} % of its own size ({dpi} dpi).",
    },
    "image-unreadable": {
        "id": "Gambar {name} tidak dapat dicetak: {problem}.",
        "en": "Image {name} cannot be printed: {problem}.",
    },
    "image-outside": {
        "id": "Gambar {name} berada di luar bingkainya dan tidak tercetak.",
        "en": "Image {name} lies outside its frame and does not print.",
    },
    "text-trim": {
        "id": "Teks melewati garis potong sejauh {distance} mm dan akan terpotong.",
        "en": "Text crosses the trim by {distance} mm and will be cut off.",
    },
    "text-margin": {
        "id": "Teks keluar dari margin (area aman) sejauh {distance} mm.",
        "en": "Text runs {distance} mm outside the margins (the safe area).",
    },
    "text-near-trim": {
        "id": "Teks hanya {distance} mm dari garis potong (jarak aman {limit} mm).",
        "en": "Text is only {distance} mm from the trim ({limit} mm is safe).",
    },
    "bleed-gap": {
        "id": "Objek berhenti {distance} mm sebelum tepi potong {edge}.",
        "en": "The object stops {distance} mm short of the {edge} trim edge.",
    },
    "bleed-short": {
        "id": "Objek menyentuh tepi potong {edge} tetapi hanya masuk {reach} mm ke bleed; "
        "perlu {need} mm.",
        "en": "The object touches the {edge} trim edge but reaches only {reach} mm into the "
        "bleed; {need} mm is needed.",
    },
    "ink-total": {
        "id": "Warna {swatch} bertinta total {total} % (C{c} M{m} Y{y} K{k}); "
        "batas koran {limit} %.",
        "en": "Colour {swatch} carries {total} % total ink (C{c} M{m} Y{y} K{k}); "
        "the newsprint limit is {limit} %.",
    },
    "rich-black-text": {
        "id": "Teks {size} pt berwarna hitam kaya {swatch} (C{c} M{m} Y{y} K{k}); "
        "huruf kecil kabur bila register pelat bergeser.",
        "en": "{size} pt text in rich black {swatch} (C{c} M{m} Y{y} K{k}); "
        "small type blurs when the plates are out of register.",
    },
    "font-missing": {
        "id": "Font {font} bukan font bawaan program.",
        "en": "The font {font} is not bundled.",
    },
    "font-substituted": {
        "id": "Font {font} tidak ada; dipakai {used}.",
        "en": "The font {font} does not exist; {used} is used instead.",
    },
    "layout-failed": {
        "id": "Halaman tidak dapat disusun: {reason}",
        "en": "The page cannot be laid out: {reason}",
    },
    "overprint-paper": {
        "id": "Warna putih/kertas ({swatch}) diatur cetak tindih (overprint) "
        "sehingga tidak akan terlihat.",
        "en": "White/paper ({swatch}) is set to overprint and will not show.",
    },
    "overprint-colour": {
        "id": "Warna {swatch} diatur cetak tindih; semestinya hanya hitam 100 % K.",
        "en": "{swatch} is set to overprint; only 100 % K black should overprint.",
    },
    "page-number-duplicate": {
        "id": "Nomor halaman {number} juga dipakai halaman ke-{others} di edisi; "
        "salah satunya tidak akan tercetak.",
        "en": "Page number {number} is also used by the page in place {others} of the "
        "edition; one of them would not be printed.",
    },
    "frame-pasteboard": {
        "id": "Bingkai di pasteboard, di luar halaman (x {x} mm, y {y} mm); tidak akan tercetak.",
        "en": "Frame on the pasteboard, off the page (x {x} mm, y {y} mm); it will not print.",
    },
    "frame-pasteboard-text": {
        "id": "Bingkai di pasteboard (x {x} mm, y {y} mm) memuat {words} kata yang tidak "
        "tercetak di tempat lain; teks itu hilang dari cetakan.",
        "en": "Frame on the pasteboard (x {x} mm, y {y} mm) holds {words} words printed "
        "nowhere else; that text is missing from print.",
    },
    "frame-beyond-bleed": {
        "id": "Bingkai (x {x} mm, y {y} mm) melewati bleed {distance} mm di tepi {edge}; "
        "bagian di luar bleed tidak tercetak.",
        "en": "Frame (x {x} mm, y {y} mm) passes the bleed by {distance} mm at the {edge} "
        "edge; the part beyond the bleed does not print.",
    },
}
MESSAGES.update(PDF_MESSAGES)

HINTS: dict[str, Entry] = {
    "overset": {
        "id": "Potong naskah, perbesar bingkai, atau sambungkan ke bingkai lain.",
        "en": "Cut the copy, enlarge the frame or thread it into another frame.",
    },
    "placeholder-headline": {
        "id": "Ketik judul berita.",
        "en": "Type the story's headline.",
    },
    "empty-slot": {
        "id": "Isi slot dari naskah atau hapus bingkainya.",
        "en": "Fill the slot from a manuscript or remove the frame.",
    },
    "empty-slot-optional": {
        "id": "Isi slot atau hapus bingkainya bila tidak dipakai.",
        "en": "Fill the slot, or remove the frame if it is not used.",
    },
    "photo-empty": {
        "id": "Tempatkan foto atau hapus bingkainya.",
        "en": "Place a photo or remove the frame.",
    },
    "image-empty": {
        "id": "Tempatkan gambar atau hapus bingkainya.",
        "en": "Place a picture or remove the frame.",
    },
    "asset-unknown": {
        "id": "Tempatkan ulang fotonya.",
        "en": "Place the photo again.",
    },
    "asset-missing": {
        "id": "Tempatkan ulang fotonya dari berkas aslinya.",
        "en": "Place the photo again from its original file.",
    },
    "image-ppi-low": {
        "id": "Perkecil gambar atau pakai berkas beresolusi lebih tinggi.",
        "en": "Make the picture smaller or use a higher-resolution file.",
    },
    "image-ppi-poor": {
        "id": "Perkecil gambar atau pakai berkas beresolusi lebih tinggi.",
        "en": "Make the picture smaller or use a higher-resolution file.",
    },
    "image-upscaled": {
        "id": "Pembesaran di atas {limit} % melunakkan gambar; pakai berkas yang lebih besar.",
        "en": "Enlarging beyond {limit} % softens the picture; use a larger file.",
    },
    "image-unreadable": {
        "id": "Tempatkan ulang foto dari salinan utuh berkas aslinya, lalu periksa lagi.",
        "en": "Place the photo again from a sound copy of its original file, then check again.",
    },
    "image-outside": {
        "id": "Atur ulang posisi gambar di bingkainya.",
        "en": "Reposition the picture in its frame.",
    },
    "text-trim": {
        "id": "Geser atau perkecil bingkai teks ke dalam margin.",
        "en": "Move or shrink the text frame inside the margins.",
    },
    "text-margin": {
        "id": "Geser atau perkecil bingkai teks ke dalam margin.",
        "en": "Move or shrink the text frame inside the margins.",
    },
    "text-near-trim": {
        "id": "Jauhkan teks dari garis potong.",
        "en": "Keep the text further from the trim.",
    },
    "bleed-gap": {
        "id": "Tarik tepinya tepat ke garis potong (lalu diperpanjang {bleed} mm ke bleed) "
        "atau jauhkan dari tepi.",
        "en": "Drag the edge onto the trim (it is then extended {bleed} mm into the bleed) "
        "or keep it clear of the edge.",
    },
    "bleed-short": {
        "id": "Atur bleed halaman menjadi {need} mm.",
        "en": "Set the page's bleed to {need} mm.",
    },
    "ink-total": {
        "id": "Turunkan nilai CMYK warna ini sampai totalnya paling banyak {limit} %.",
        "en": "Lower the swatch's CMYK values to {limit} % in total or less.",
    },
    "rich-black-text": {
        "id": "Pakai hitam 100 % K (Black) untuk teks di bawah {limit} pt.",
        "en": "Use 100 % K (Black) for text under {limit} pt.",
    },
    "font-missing": {
        "id": "Pilih font bawaan: {families}.",
        "en": "Choose a bundled font: {families}.",
    },
    "font-substituted": {
        "id": "Pilih gaya huruf yang tersedia: {faces}.",
        "en": "Choose a face the family has: {faces}.",
    },
    "overprint-paper": {
        "id": "Matikan cetak tindih pada warna ini.",
        "en": "Turn overprint off for this colour.",
    },
    "overprint-colour": {
        "id": "Matikan cetak tindih pada warna ini.",
        "en": "Turn overprint off for this colour.",
    },
    "frame-pasteboard": {
        "id": "Seret bingkai ke halaman bila harus tercetak, atau hapus bila tidak dipakai.",
        "en": "Drag the frame onto the page if it must print, or delete it if unused.",
    },
    "frame-pasteboard-text": {
        "id": "Seret bingkai ke halaman, atau alirkan teksnya ke bingkai di halaman.",
        "en": "Drag the frame onto the page, or thread its text into a frame on the page.",
    },
    "frame-beyond-bleed": {
        "id": "Geser atau perkecil bingkai sampai berada di dalam bleed.",
        "en": "Move or shrink the frame to lie within the bleed.",
    },
    "page-number-duplicate": {
        "id": "Beri setiap halaman nomor sendiri (pindahkan halaman agar diberi nomor ulang).",
        "en": "Give every page its own number (move a page to number them again).",
    },
    "pdf-image-ppi-low": {
        "id": "Periksa gambar ini di edisi sebelum ekspor ulang.",
        "en": "Fix the picture in the edition and export again.",
    },
    "pdf-ink": {
        "id": "Periksa warna dan gambar gelap di halaman ini, lalu ekspor ulang.",
        "en": "Check the swatches and dark pictures on this page, then export again.",
    },
    "pdf-page-missing": {
        "id": "Ekspor halaman ini.",
        "en": "Export this page.",
    },
}

ROLES: dict[str, Entry] = {
    "headline": {"id": "judul", "en": "headline"},
    "deck": {"id": "subjudul", "en": "deck"},
    "section": {"id": "rubrik", "en": "section"},
    "photo": {"id": "foto", "en": "photo"},
    "photo_credit": {"id": "kredit foto", "en": "photo credit"},
    "caption": {"id": "keterangan foto", "en": "caption"},
    "dateline": {"id": "dateline", "en": "dateline"},
    "body": {"id": "isi berita", "en": "body text"},
    "pull_quote": {"id": "kutipan", "en": "pull quote"},
    "tagline": {"id": "tagline", "en": "tagline"},
    "credits": {"id": "kredit", "en": "credits"},
    "folio": {"id": "folio", "en": "folio"},
    "masthead": {"id": "kop", "en": "masthead"},
    "teaser": {"id": "teaser", "en": "teaser"},
    "free": {"id": "bebas", "en": "free"},
}

EDGES: dict[str, Entry] = {
    "left": {"id": "kiri", "en": "left"},
    "right": {"id": "kanan", "en": "right"},
    "top": {"id": "atas", "en": "top"},
    "bottom": {"id": "bawah", "en": "bottom"},
}

SEVERITY_LABELS: dict[str, Entry] = {
    "error": {"id": "GALAT", "en": "ERROR"},
    "warning": {"id": "PERINGATAN", "en": "WARNING"},
    "info": {"id": "INFO", "en": "INFO"},
}

# Text of the command line report.
UI: dict[str, Entry] = {
    "col_severity": {"id": "tingkat", "en": "severity"},
    "col_page": {"id": "hlm", "en": "page"},
    "col_frame": {"id": "bingkai/berkas", "en": "frame/file"},
    "col_message": {"id": "pesan", "en": "message"},
    "summary": {
        "id": "{errors} galat, {warnings} peringatan, {infos} info.",
        "en": "{errors} error(s), {warnings} warning(s), {infos} note(s).",
    },
    "clean": {"id": "Tidak ada masalah.", "en": "No problems found."},
    "hint_prefix": {"id": "saran", "en": "fix"},
    "pdf_dir_missing": {
        "id": "Folder PDF tidak ditemukan: {path}",
        "en": "PDF folder not found: {path}",
    },
    "pdf_dir_empty": {
        "id": "Tidak ada berkas PDF di {path}.",
        "en": "There are no PDF files in {path}.",
    },
}


def _lang(lang: str | None) -> str:
    return lang or current_language()


def _pick(entry: Entry, lang: str | None) -> str:
    return entry.get(_lang(lang)) or entry["en"]


def format_number(value: float, lang: str | None = None) -> str:
    """A number for people: whole numbers bare, others with one decimal (comma in 'id')."""
    if abs(value - round(value)) < 0.05:
        return str(round(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if _lang(lang) == "id" else text


def _formatted(params: Mapping[str, Any], lang: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in params.items():
        if key == "role":
            out[key] = role_name(str(value), lang)
        elif key == "edge":
            out[key] = edge_name(str(value), lang)
        elif key == "problem":  # a picture's refusal reason (kupang_layout.imaging)
            out[key] = reason_text(str(value), lang, **params)
        elif isinstance(value, bool) or not isinstance(value, int | float):
            out[key] = str(value)
        else:
            out[key] = format_number(float(value), lang)
    return out


def _fill(text: str, params: Mapping[str, Any], lang: str | None) -> str:
    try:
        return text.format(**_formatted(params, lang))
    except (KeyError, IndexError, ValueError):
        return text


def message_text(key: str, lang: str | None, params: Mapping[str, Any]) -> str:
    """The message of rule `key`, filled in (the key itself if unknown)."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    return _fill(_pick(entry, lang), params, lang)


def hint_text(key: str, lang: str | None, params: Mapping[str, Any]) -> str | None:
    entry = HINTS.get(key)
    if entry is None:
        return None
    return _fill(_pick(entry, lang), params, lang)


def role_name(role: str | None, lang: str | None = None) -> str:
    if not role:
        return ""
    entry = ROLES.get(role)
    return _pick(entry, lang) if entry is not None else role


def edge_name(edge: str, lang: str | None = None) -> str:
    entry = EDGES.get(edge)
    return _pick(entry, lang) if entry is not None else edge


def severity_label(severity: str, lang: str | None = None) -> str:
    entry = SEVERITY_LABELS.get(severity)
    return _pick(entry, lang) if entry is not None else severity


def ui_text(key: str, lang: str | None = None, **params: Any) -> str:
    return _fill(_pick(UI[key], lang), params, lang)
