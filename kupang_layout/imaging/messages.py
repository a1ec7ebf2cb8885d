"""Imaging stage: why a picture is refused, in Indonesian and English (one key per reason)."""

from __future__ import annotations

import string

from kupang_layout.i18n import register_messages, tr

__all__ = ["MESSAGES", "REASONS", "reason_text"]

#: Every reason code an ImagingError can carry.
REASONS = (
    "empty",
    "not-image",
    "unsupported-format",
    "too-large",
    "no-pixels",
    "truncated",
    "damaged",
    "unsupported-mode",
    "no-memory",
    "hash-mismatch",
    "unreadable",
    "pdf-encrypted",
    "pdf-damaged",
    "pdf-no-pages",
    "pdf-rotated",
    "pdf-no-area",
)

MESSAGES: dict[str, dict[str, str]] = {
    "imaging.empty": {
        "id": "berkasnya kosong (0 bita); ambil lagi foto aslinya",
        "en": "the file is empty (0 bytes); fetch the original photo again",
    },
    "imaging.not-image": {
        "id": "bukan gambar JPEG, PNG, atau TIFF; simpan fotonya sebagai JPEG",
        "en": "not a JPEG, PNG or TIFF image; save the photo as a JPEG",
    },
    "imaging.unsupported-format": {
        "id": "format {format} tidak didukung; simpan fotonya sebagai JPEG, PNG, atau TIFF",
        "en": "the {format} format is not supported; save the photo as a JPEG, PNG or TIFF",
    },
    "imaging.too-large": {
        "id": (
            "gambar terlalu besar: {width} x {height} piksel; batasnya {limit} megapiksel "
            "dan {side} piksel per sisi; perkecil fotonya lebih dulu"
        ),
        "en": (
            "the picture is too large: {width} x {height} pixels; the limit is {limit} "
            "megapixels and {side} pixels a side; make the photo smaller first"
        ),
    },
    "imaging.no-pixels": {
        "id": "gambar tanpa piksel ({width} x {height}); ambil lagi foto aslinya",
        "en": "the picture has no pixels ({width} x {height}); fetch the original photo again",
    },
    "imaging.truncated": {
        "id": "berkas {format} terpotong (tidak lengkap); kirim atau unduh ulang fotonya",
        "en": "the {format} file is truncated (incomplete); send or download the photo again",
    },
    "imaging.damaged": {
        "id": "berkas {format} rusak dan tidak dapat dibaca utuh; kirim atau unduh ulang fotonya",
        "en": "the {format} file is damaged and cannot be read whole; send or download it again",
    },
    "imaging.unsupported-mode": {
        "id": "jenis piksel {mode} tidak didukung; simpan fotonya sebagai JPEG RGB",
        "en": "the pixel format {mode} is not supported; save the photo as an RGB JPEG",
    },
    "imaging.no-memory": {
        "id": "memori tidak cukup untuk membaca gambar; perkecil fotonya lebih dulu",
        "en": "not enough memory to read the picture; make the photo smaller first",
    },
    "imaging.hash-mismatch": {
        "id": (
            "isi berkas gambar tidak cocok dengan sidik SHA-256-nya (berkas edisi berubah "
            "atau rusak); tempatkan ulang foto dari berkas aslinya"
        ),
        "en": (
            "the image bytes do not match their SHA-256 (the edition file changed or is "
            "damaged); place the photo again from its original file"
        ),
    },
    "imaging.unreadable": {
        "id": "berkas gambar tidak dapat dibaca ({detail})",
        "en": "the image file cannot be read ({detail})",
    },
    "imaging.pdf-encrypted": {
        "id": "PDF dikunci (terenkripsi); minta PDF/X-1a tanpa kata sandi dari pengiklan",
        "en": "the PDF is encrypted; ask the advertiser for a PDF/X-1a without a password",
    },
    "imaging.pdf-damaged": {
        "id": "PDF rusak dan tidak dapat dibaca utuh; minta kiriman ulang berkas iklannya",
        "en": "the PDF is damaged and cannot be read whole; ask for the ad file again",
    },
    "imaging.pdf-no-pages": {
        "id": "PDF tidak berisi halaman; minta kiriman ulang berkas iklannya",
        "en": "the PDF has no pages; ask for the ad file again",
    },
    "imaging.pdf-rotated": {
        "id": "halaman pertama PDF diputar {angle} derajat; minta iklan dalam posisi tegak",
        "en": "the PDF's first page is rotated by {angle} degrees; ask for the ad upright",
    },
    "imaging.pdf-no-area": {
        "id": "ukuran halaman PDF tidak masuk akal ({width} x {height} pt)",
        "en": "the PDF's page size makes no sense ({width} x {height} pt)",
    },
    "imaging.refused": {
        "id": "Foto {name} ditolak, tidak ada yang ditambahkan ke edisi: {reason}",
        "en": "Photo {name} refused, nothing was added to the edition: {reason}",
    },
}
register_messages(MESSAGES)


#: Every param a reason's text names (a param the caller lacks is shown as "?").
_FIELDS = frozenset(
    field
    for entry in MESSAGES.values()
    for text in entry.values()
    for _, field, _, _ in string.Formatter().parse(text)
    if field
)


def reason_text(reason: str, lang: str | None = None, **params: object) -> str:
    """The reason's text in the current (or given) language, params filled in.

    A param the text names but the caller lacks is shown as a question mark, so a
    reason read back from a report without its params still reads.
    """
    key = f"imaging.{reason}"
    if key not in MESSAGES:
        return reason
    return tr(key, lang, **{**dict.fromkeys(_FIELDS, "?"), **params})
