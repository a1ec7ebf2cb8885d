"""Manuscript stage: the warning and error texts in Indonesian (default) and English.

The catalogue (keys `manuscript.<warning key>` and `manuscript.error.<error key>`)
is registered with `kupang_layout.i18n` and shown with `i18n.tr`; placeholders
are filled from a `ManuscriptWarning`'s params (one the text names but the
warning lacks stays as `{name}`).
"""

from __future__ import annotations

from typing import Literal

from kupang_layout.i18n import register_messages, tr
from kupang_layout.manuscript.model import ManuscriptWarning

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
DEFAULT_LANG: Lang = "id"

MESSAGES: dict[str, dict[str, str]] = {
    # -- warnings: key -> text; placeholders from ManuscriptWarning.params ---------------
    "manuscript.decode_windows_1252": {
        "id": "{count} baris bukan UTF-8 yang sah (baris {lines}); hanya baris itu dibaca sebagai "
        "Windows-1252 — periksa huruf beraksen dan tanda kutip di sana",
        "en": "not valid UTF-8 on {count} line(s) ({lines}); only those lines were read as "
        "Windows-1252 — check the accented letters and quotation marks there",
    },
    "manuscript.header_empty": {
        "id": "kepala naskah '{header}' kosong",
        "en": "header '{header}' is empty",
    },
    "manuscript.header_duplicate": {
        "id": "'{header}' sudah diisi di baris {first}; baris ini disimpan sebagai paragraf isi",
        "en": "'{header}' was already given on line {first}; this line is kept as a body paragraph",
    },
    "manuscript.header_invalid": {
        "id": "nomor halaman '{value}' bukan angka; baris disimpan sebagai paragraf isi",
        "en": "page number '{value}' is not a number; the line is kept as a body paragraph",
    },
    "manuscript.header_in_body": {
        "id": "baris mirip kepala naskah ('{header}') di tengah isi; disimpan sebagai paragraf isi",
        "en": "header-like line ('{header}') in the middle of the body; kept as a body paragraph",
    },
    "manuscript.photo_split_uncertain": {
        "id": "batas antara kredit foto dan dateline tidak pasti (dipisah sebelum '{place}'); "
        "periksa kredit foto",
        "en": "the boundary between photo credit and dateline is uncertain (split before "
        "'{place}'); check the photo credit",
    },
    "manuscript.photo_glued_unsplit": {
        "id": "baris Foto tampaknya memuat dateline, tetapi nama tempatnya (huruf kapital) tidak "
        "ditemukan; seluruh baris disimpan sebagai kredit foto",
        "en": "the Foto line seems to contain a dateline but no place in capitals was found; the "
        "whole line is kept as the photo credit",
    },
    "manuscript.photo_credit_empty": {
        "id": "kredit foto kosong",
        "en": "photo credit is empty",
    },
    "manuscript.photo_field_long": {
        "id": "kredit/keterangan foto sangat panjang ({length} karakter); mungkin paragraf ikut "
        "tergabung",
        "en": "photo credit/note is very long ({length} characters); a paragraph may be glued to "
        "it",
    },
    "manuscript.no_dateline": {
        "id": "paragraf pembuka tanpa dateline 'TEMPAT, {paper} -'",
        "en": "the lead has no dateline 'PLACE, {paper} -'",
    },
    "manuscript.dateline_not_caps": {
        "id": "tempat pada dateline ('{place}') tidak ditulis dengan huruf kapital; tidak dicatat "
        "sebagai dateline",
        "en": "the dateline place ('{place}') is not in capitals; not recorded as a dateline",
    },
    "manuscript.no_lead": {
        "id": "isi naskah dimulai dengan kutipan atau baris '|'; tidak ada paragraf pembuka",
        "en": "the body starts with a quote or a '|' line; there is no lead paragraph",
    },
    "manuscript.no_body": {
        "id": "naskah tidak memuat paragraf isi",
        "en": "the manuscript has no body paragraphs",
    },
    "manuscript.quote_separator_unclear": {
        "id": "tanda '|' tidak langsung mengikuti tanda kutip penutup; teks sesudahnya dianggap "
        "atribusi",
        "en": "'|' does not directly follow the closing quotation mark; the text after it is "
        "taken as the attribution",
    },
    "manuscript.quote_attribution_empty": {
        "id": "atribusi kosong setelah '|'",
        "en": "empty attribution after '|'",
    },
    "manuscript.pipe_line_in_body": {
        "id": "baris berawalan '|' bukan di akhir naskah; disimpan sebagai paragraf isi",
        "en": "line starting with '|' is not at the end of the manuscript; kept as a body "
        "paragraph",
    },
    "manuscript.pipe_in_text": {
        "id": "tanda '|' di tengah paragraf",
        "en": "'|' in the middle of a paragraph",
    },
    "manuscript.quote_mid_line": {
        "id": "tanda kutip pembuka di tengah baris; mungkin kutipan belum dipisah ke baris sendiri",
        "en": "opening quotation mark in mid-line; a quote may need a line of its own",
    },
    "manuscript.tagline_uncertain_short": {
        "id": "baris pendek sebelum kredit berakhir dengan '{end}'; disimpan sebagai paragraf "
        "isi, bukan tagline",
        "en": "short line before the credits ends with '{end}'; kept as a body paragraph, not as "
        "the tagline",
    },
    "manuscript.tagline_uncertain_long": {
        "id": "baris sebelum kredit lebih dari 80 karakter ({length}); disimpan sebagai paragraf "
        "isi, bukan tagline",
        "en": "line before the credits is longer than 80 characters ({length}); kept as a body "
        "paragraph, not as the tagline",
    },
    "manuscript.tagline_without_credits": {
        "id": "baris terakhir mirip tagline, tetapi tidak ada blok kredit; disimpan sebagai "
        "paragraf isi",
        "en": "the last line looks like a tagline but there is no credits block; kept as a body "
        "paragraph",
    },
    "manuscript.credit_without_key": {
        "id": "baris kredit tanpa 'Kunci:'; disimpan dengan kunci kosong",
        "en": "credit line without 'Key:'; kept with an empty key",
    },
    "manuscript.credit_empty": {
        "id": "baris kredit kosong",
        "en": "empty credit line",
    },
    # -- errors that stop reading a file (ManuscriptError) --------------------------------
    "manuscript.error.unreadable": {
        "id": "{path}: naskah tidak dapat dibaca ({detail})",
        "en": "{path}: cannot read the manuscript ({detail})",
    },
    "manuscript.error.not_text": {
        "id": "{path}: bukan naskah teks biasa (berkas {detail}); simpan naskah sebagai .txt",
        "en": "{path}: not a plain-text manuscript ({detail} file); save the manuscript as .txt",
    },
    "manuscript.error.too_large": {
        "id": "{path}: naskah terlalu besar ({size_id} MB; paling besar {limit} MB) — pecah "
        "menjadi beberapa naskah, satu per berita",
        "en": "{path}: the manuscript is too large ({size_en} MB; at most {limit} MB) — split it "
        "into several manuscripts, one per story",
    },
    "manuscript.error.line_too_long": {
        "id": "{path}: baris {line} terlalu panjang ({length} karakter; paling banyak {limit}) — "
        "pecah baris itu menjadi beberapa paragraf",
        "en": "{path}: line {line} is too long ({length} characters; at most {limit}) — split "
        "that line into several paragraphs",
    },
    # -- the frame of a warning ------------------------------------------------------------
    "manuscript.error.other": {
        "id": "{path}: {detail}",
        "en": "{path}: {detail}",
    },
    "manuscript.line": {
        "id": "baris {line}: {text}",
        "en": "line {line}: {text}",
    },
    "manuscript.unknown": {
        "id": "peringatan {key}",
        "en": "warning {key}",
    },
}
register_messages(MESSAGES)


def normalize_lang(lang: str | None) -> Lang:
    """`en`/`en_US`/`EN` -> `en`; anything else -> Indonesian, the default."""
    if lang and lang.strip().lower().startswith("en"):
        return "en"
    return DEFAULT_LANG


def format_warning(w: ManuscriptWarning, lang: str = DEFAULT_LANG) -> str:
    """The warning as one line for the desk, e.g. `baris 7: atribusi kosong setelah '|'`."""
    code = normalize_lang(lang)
    key = "manuscript." + w.key
    if key in MESSAGES:
        body = tr(key, code, **dict(w.params))
    else:
        body = tr("manuscript.unknown", code, key=w.key)
        if w.params:
            body += " (" + ", ".join(f"{k}={v}" for k, v in w.params) + ")"
    if w.line is None:
        return body
    return tr("manuscript.line", code, line=w.line, text=body)


def format_error(
    key: str,
    path: str,
    detail: str,
    lang: str = DEFAULT_LANG,
    params: tuple[tuple[str, str], ...] = (),
) -> str:
    """The message of a `ManuscriptError`, naming the file."""
    full = "manuscript.error." + key
    if full not in MESSAGES:
        full = "manuscript.error.other"
    return tr(full, normalize_lang(lang), **{**dict(params), "path": path, "detail": detail})
