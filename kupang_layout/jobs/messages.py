"""Jobs stage: the export service's messages to people (Indonesian and English)."""

from __future__ import annotations

from kupang_layout.i18n import register_messages

MESSAGES: dict[str, dict[str, str]] = {
    "jobs.export.progress": {
        "id": "[{done}/{total}] halaman {page}: {text}",
        "en": "[{done}/{total}] page {page}: {text}",
    },
    "jobs.export.progress_failed": {
        "id": "[{done}/{total}] {text}",
        "en": "[{done}/{total}] {text}",
    },
    "jobs.export.unchanged": {
        "id": "{name} tidak berubah sejak ekspor terakhir (tidak diekspor ulang)",
        "en": "{name} has not changed since the last export (not exported again)",
    },
    "jobs.export.page_error": {
        "id": "halaman {page}: {reason}",
        "en": "page {page}: {reason}",
    },
    "jobs.export.image_error": {
        "id": "gambar '{name}': {reason}",
        "en": "picture '{name}': {reason}",
    },
    "jobs.export.no_page": {
        "id": "edisi ini tidak punya halaman {page}",
        "en": "the edition has no page {page}",
    },
    "jobs.export.worker_died": {
        "id": "proses ekspor berhenti mendadak ({reason}); ekspor halaman ini lagi",
        "en": "the export process died ({reason}); export this page again",
    },
    "jobs.export.layout_failed": {
        "id": "tata letak halaman gagal: {reason}",
        "en": "the page could not be laid out: {reason}",
    },
    "jobs.export.pdf_problems": {
        "id": "pemeriksaan PDF: {errors} galat, {warnings} peringatan",
        "en": "PDF check: {errors} errors, {warnings} warnings",
    },
    "jobs.export.manifest_unwritten": {
        "id": "catatan ekspor {name} tidak dapat ditulis ({reason}); halaman akan diekspor "
        "ulang lain kali",
        "en": "the export record {name} could not be written ({reason}); the pages will be "
        "exported again next time",
    },
    "jobs.export.ink_proven": {
        "id": "halaman {page}: tinta total paling banyak {total} % di mana pun, terbukti dari "
        "isi halaman (tanpa Ghostscript)",
        "en": "page {page}: total ink at most {total} % anywhere, proven from what the page "
        "paints (no Ghostscript needed)",
    },
    "jobs.export.ink_measured": {
        "id": "halaman {page}: tinta total {total} % (persentil 99,9; tertinggi {maximum} %), "
        "diukur dengan Ghostscript",
        "en": "page {page}: total ink {total} % (99.9th percentile; highest {maximum} %), "
        "measured by Ghostscript",
    },
    "jobs.export.ink_unchecked": {
        "id": "halaman {page}: tinta total tidak diperiksa",
        "en": "page {page}: total ink not checked",
    },
}
register_messages(MESSAGES)
