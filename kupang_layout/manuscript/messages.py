"""Manuscript stage: warning texts in Indonesian (default) and English."""

from __future__ import annotations

from typing import Literal

from kupang_layout.manuscript.model import ManuscriptWarning

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
DEFAULT_LANG: Lang = "id"

# key -> (Indonesian, English). Placeholders are filled from ManuscriptWarning.params.
MESSAGES: dict[str, tuple[str, str]] = {
    "decode_windows_1252": (
        "{count} baris bukan UTF-8 yang sah (baris {lines}); hanya baris itu dibaca sebagai "
        "Windows-1252 — periksa huruf beraksen dan tanda kutip di sana",
        "not valid UTF-8 on {count} line(s) ({lines}); only those lines were read as "
        "Windows-1252 — check the accented letters and quotation marks there",
    ),
    "header_empty": (
        "kepala naskah '{header}' kosong",
        "header '{header}' is empty",
    ),
    "header_duplicate": (
        "'{header}' sudah diisi di baris {first}; baris ini disimpan sebagai paragraf isi",
        "'{header}' was already given on line {first}; this line is kept as a body paragraph",
    ),
    "header_invalid": (
        "nomor halaman '{value}' bukan angka; baris disimpan sebagai paragraf isi",
        "page number '{value}' is not a number; the line is kept as a body paragraph",
    ),
    "header_in_body": (
        "baris mirip kepala naskah ('{header}') di tengah isi; disimpan sebagai paragraf isi",
        "header-like line ('{header}') in the middle of the body; kept as a body paragraph",
    ),
    "photo_split_uncertain": (
        "batas antara kredit foto dan dateline tidak pasti (dipisah sebelum '{place}'); "
        "periksa kredit foto",
        "the boundary between photo credit and dateline is uncertain (split before "
        "'{place}'); check the photo credit",
    ),
    "photo_glued_unsplit": (
        "baris Foto tampaknya memuat dateline, tetapi nama tempatnya (huruf kapital) tidak "
        "ditemukan; seluruh baris disimpan sebagai kredit foto",
        "the Foto line seems to contain a dateline but no place in capitals was found; the "
        "whole line is kept as the photo credit",
    ),
    "photo_credit_empty": (
        "kredit foto kosong",
        "photo credit is empty",
    ),
    "photo_field_long": (
        "kredit/keterangan foto sangat panjang ({length} karakter); mungkin paragraf ikut "
        "tergabung",
        "photo credit/note is very long ({length} characters); a paragraph may be glued to it",
    ),
    "no_dateline": (
        "paragraf pembuka tanpa dateline 'TEMPAT, {paper} -'",
        "the lead has no dateline 'PLACE, {paper} -'",
    ),
    "dateline_not_caps": (
        "tempat pada dateline ('{place}') tidak ditulis dengan huruf kapital; tidak dicatat "
        "sebagai dateline",
        "the dateline place ('{place}') is not in capitals; not recorded as a dateline",
    ),
    "no_lead": (
        "isi naskah dimulai dengan kutipan atau baris '|'; tidak ada paragraf pembuka",
        "the body starts with a quote or a '|' line; there is no lead paragraph",
    ),
    "no_body": (
        "naskah tidak memuat paragraf isi",
        "the manuscript has no body paragraphs",
    ),
    "quote_separator_unclear": (
        "tanda '|' tidak langsung mengikuti tanda kutip penutup; teks sesudahnya dianggap atribusi",
        "'|' does not directly follow the closing quotation mark; the text after it is taken "
        "as the attribution",
    ),
    "quote_attribution_empty": (
        "atribusi kosong setelah '|'",
        "empty attribution after '|'",
    ),
    "pipe_line_in_body": (
        "baris berawalan '|' bukan di akhir naskah; disimpan sebagai paragraf isi",
        "line starting with '|' is not at the end of the manuscript; kept as a body paragraph",
    ),
    "pipe_in_text": (
        "tanda '|' di tengah paragraf",
        "'|' in the middle of a paragraph",
    ),
    "quote_mid_line": (
        "tanda kutip pembuka di tengah baris; mungkin kutipan belum dipisah ke baris sendiri",
        "opening quotation mark in mid-line; a quote may need a line of its own",
    ),
    "tagline_uncertain_short": (
        "baris pendek sebelum kredit berakhir dengan '{end}'; disimpan sebagai paragraf isi, "
        "bukan tagline",
        "short line before the credits ends with '{end}'; kept as a body paragraph, not as "
        "the tagline",
    ),
    "tagline_uncertain_long": (
        "baris sebelum kredit lebih dari 80 karakter ({length}); disimpan sebagai paragraf "
        "isi, bukan tagline",
        "line before the credits is longer than 80 characters ({length}); kept as a body "
        "paragraph, not as the tagline",
    ),
    "tagline_without_credits": (
        "baris terakhir mirip tagline, tetapi tidak ada blok kredit; disimpan sebagai paragraf isi",
        "the last line looks like a tagline but there is no credits block; kept as a body "
        "paragraph",
    ),
    "credit_without_key": (
        "baris kredit tanpa 'Kunci:'; disimpan dengan kunci kosong",
        "credit line without 'Key:'; kept with an empty key",
    ),
    "credit_empty": (
        "baris kredit kosong",
        "empty credit line",
    ),
}

# Errors that stop reading a file: key -> (Indonesian, English).
ERRORS: dict[str, tuple[str, str]] = {
    "unreadable": (
        "{path}: naskah tidak dapat dibaca ({detail})",
        "{path}: cannot read the manuscript ({detail})",
    ),
    "not_text": (
        "{path}: bukan naskah teks biasa (berkas {detail}); simpan naskah sebagai .txt",
        "{path}: not a plain-text manuscript ({detail} file); save the manuscript as .txt",
    ),
    "too_large": (
        "{path}: naskah terlalu besar ({size_id} MB; paling besar {limit} MB) — pecah menjadi "
        "beberapa naskah, satu per berita",
        "{path}: the manuscript is too large ({size_en} MB; at most {limit} MB) — split it into "
        "several manuscripts, one per story",
    ),
    "line_too_long": (
        "{path}: baris {line} terlalu panjang ({length} karakter; paling banyak {limit}) — "
        "pecah baris itu menjadi beberapa paragraf",
        "{path}: line {line} is too long ({length} characters; at most {limit}) — split "
        "that line into several paragraphs",
    ),
}

_LINE_PREFIX: dict[Lang, str] = {"id": "baris {line}: ", "en": "line {line}: "}
_UNKNOWN: dict[Lang, str] = {"id": "peringatan {key}", "en": "warning {key}"}


class _Params(dict[str, str]):
    """Fill missing placeholders with their own name, so formatting never fails."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def normalize_lang(lang: str | None) -> Lang:
    """`en`/`en_US`/`EN` -> `en`; anything else -> Indonesian, the default."""
    if lang and lang.strip().lower().startswith("en"):
        return "en"
    return DEFAULT_LANG


def format_warning(w: ManuscriptWarning, lang: str = DEFAULT_LANG) -> str:
    """The warning as one line for the desk, e.g. `baris 7: atribusi kosong setelah '|'`."""
    code = normalize_lang(lang)
    params = _Params(w.params)
    texts = MESSAGES.get(w.key)
    if texts is None:
        body = _UNKNOWN[code].format(key=w.key)
        if w.params:
            body += " (" + ", ".join(f"{k}={v}" for k, v in w.params) + ")"
    else:
        body = texts[0 if code == "id" else 1].format_map(params)
    if w.line is None:
        return body
    return _LINE_PREFIX[code].format(line=w.line) + body


def format_error(
    key: str,
    path: str,
    detail: str,
    lang: str = DEFAULT_LANG,
    params: tuple[tuple[str, str], ...] = (),
) -> str:
    """The message of a `ManuscriptError`, naming the file."""
    texts = ERRORS.get(key, ("{path}: {detail}", "{path}: {detail}"))
    template = texts[0 if normalize_lang(lang) == "id" else 1]
    return template.format_map(_Params(params, path=path, detail=detail))
