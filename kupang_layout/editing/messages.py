"""Editing stage: the messages of the desk's editing moves (Indonesian and English).

Keys `editing.<name>`, registered with `kupang_layout.i18n` when imported; shown
with `i18n.tr`. Copyfit's steps and the choice it leaves the desk are here.
"""

from __future__ import annotations

from kupang_layout.i18n import register_messages

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "editing.copyfit.headline": {
        "id": "Judul: bingkai dipendekkan ke {lines} baris",
        "en": "Headline: frame cut to {lines} line(s)",
    },
    "editing.copyfit.pull_quote": {
        "id": "Kutipan besar dihapus dari halaman (ruangnya untuk isi)",
        "en": "Pull quote dropped from the page (its space goes to the body)",
    },
    "editing.copyfit.photo": {
        "id": "Foto: tinggi {mm} mm ({share} % dari templat), {ppi} ppi",
        "en": "Photo: {mm} mm high ({share} % of the template), {ppi} ppi",
    },
    "editing.copyfit.balance": {
        "id": "Isi diseimbangkan: {columns} kolom berakhir pada garis dasar yang sama",
        "en": "Body balanced: {columns} columns end on the same baseline",
    },
    "editing.copyfit.reset": {
        "id": "Ukuran templat dipulihkan sebelum dipaskan ulang",
        "en": "Template sizes restored before fitting again",
    },
    "editing.copyfit.over": {
        "id": "+{lines} baris: potong {lines} baris, atau perbesar bingkai isi {mm} mm",
        "en": "+{lines} lines: cut {lines} lines, or make the body frames {mm} mm deeper",
    },
    "editing.copyfit.short": {
        "id": "-{lines} baris: tambah foto kedua atau iklan kecil {columns} kolom x {mm} mm",
        "en": "-{lines} lines: add a second photo or a small ad {columns} columns x {mm} mm",
    },
    "editing.copyfit.fits": {
        "id": "Naskah pas",
        "en": "The story fits",
    },
    "editing.copyfit.no_body": {
        "id": "Tidak ada isi berita untuk dipaskan di halaman ini",
        "en": "There is no story body to fit on this page",
    },
}

register_messages(MESSAGES)
