"""Shared stage: the user's language (Indonesian by default, English selectable)."""

from __future__ import annotations

import os

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_current = ""


def resolve_language(explicit: str | None = None) -> str:
    """Pick the UI language: explicit choice, then KUPANG_LAYOUT_LANG, then Indonesian."""
    for candidate in (explicit, os.environ.get("KUPANG_LAYOUT_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    _current = resolve_language(lang)


def current_language() -> str:
    return _current or resolve_language()


# Messages of the command line and other non-Qt user-facing text. The GUI uses
# Qt's translation system (.ts/.qm) for its own strings.
MESSAGES: dict[str, dict[str, str]] = {
    "not_available": {
        "id": "Perintah '{command}' belum tersedia pada versi ini.",
        "en": "The command '{command}' is not available yet in this version.",
    },
    "error": {"id": "Galat: {message}", "en": "Error: {message}"},
    "warning": {"id": "Peringatan: {message}", "en": "Warning: {message}"},
    "file_not_found": {
        "id": "Berkas tidak ditemukan: {path}",
        "en": "File not found: {path}",
    },
    "gui_unavailable": {
        "id": "Aplikasi desktop tidak dapat dibuka: {reason}",
        "en": "The desktop app cannot start: {reason}",
    },
    "demo_saved": {
        "id": "Edisi contoh disimpan: {path}",
        "en": "Sample edition saved: {path}",
    },
    "templates_header": {
        "id": "Templat yang tersedia:",
        "en": "Available templates:",
    },
    "template_builtin": {"id": "bawaan", "en": "built-in"},
    "template_user": {"id": "pengguna", "en": "user"},
    "template_not_found": {
        "id": "Templat tidak ditemukan: {name}",
        "en": "Template not found: {name}",
    },
    "template_imported": {
        "id": "Templat diimpor: {name}",
        "en": "Template imported: {name}",
    },
    "template_exported": {
        "id": "Templat diekspor ke {path}",
        "en": "Template exported to {path}",
    },
    # -- templates (kupang-layout templates ...) ---------------------------------
    "templates_problem": {
        "id": "Berkas templat dilewati: {message}",
        "en": "Template file skipped: {message}",
    },
    "template_trim": {
        "id": "Ukuran {width} x {height} mm, bleed {bleed} mm",
        "en": "Size {width} x {height} mm, bleed {bleed} mm",
    },
    "template_margins": {
        "id": "Margin atas {top}, bawah {bottom}, dalam {inside}, luar {outside} mm",
        "en": "Margins top {top}, bottom {bottom}, inside {inside}, outside {outside} mm",
    },
    "template_grid": {
        "id": "{columns} kolom @ {width} mm, jarak kolom {gutter} mm, grid baris {baseline} pt",
        "en": "{columns} columns of {width} mm, gutter {gutter} mm, baseline grid {baseline} pt",
    },
    "template_size": {
        "id": "{width} x {height} mm, {columns} kolom",
        "en": "{width} x {height} mm, {columns} columns",
    },
    "template_source": {"id": "Sumber: {source} ({path})", "en": "Source: {source} ({path})"},
    "template_slots": {"id": "Slot:", "en": "Slots:"},
    "template_frames": {
        "id": "{frames} bingkai, {rules} garis",
        "en": "{frames} frames, {rules} rules",
    },
    # -- import ----------------------------------------------------------------------
    "bad_date": {
        "id": "Tanggal tidak sah: '{value}' (format TTTT-BB-HH, mis. 2024-10-14)",
        "en": "Invalid date: '{value}' (format YYYY-MM-DD, e.g. 2024-10-14)",
    },
    "bad_page": {
        "id": "Nomor halaman tidak sah: {value} (harus 1 atau lebih)",
        "en": "Invalid page number: {value} (must be 1 or more)",
    },
    "photo_unreadable": {
        "id": "Foto tidak dapat dibaca: {path} ({reason})",
        "en": "Cannot read the photo: {path} ({reason})",
    },
    "slot_not_in_template": {
        "id": "Templat '{template}' tidak punya slot '{slot}' (yang ada: {slots})",
        "en": "Template '{template}' has no slot '{slot}' (it has: {slots})",
    },
    "import_template": {"id": "Templat: {name} ({source})", "en": "Template: {name} ({source})"},
    "import_page_added": {
        "id": "Halaman {page} ditambahkan, naskah di slot '{slot}':",
        "en": "Page {page} added, manuscript in slot '{slot}':",
    },
    "import_page_replaced": {
        "id": "Halaman {page} diganti, naskah di slot '{slot}':",
        "en": "Page {page} replaced, manuscript in slot '{slot}':",
    },
    "import_slot_filled": {
        "id": "Halaman {page}: naskah di slot '{slot}':",
        "en": "Page {page}: manuscript in slot '{slot}':",
    },
    "import_paragraphs": {
        "id": "{paragraphs} paragraf, {words} kata",
        "en": "{paragraphs} paragraphs, {words} words",
    },
    "import_unplaced": {
        "id": "Tidak ada slot di templat untuk: {pieces}",
        "en": "The template has no slot for: {pieces}",
    },
    "import_empty": {
        "id": "Slot dibiarkan kosong (tidak ada di naskah): {roles}",
        "en": "Slots left empty (not in the manuscript): {roles}",
    },
    "import_placeholder": {
        "id": "Naskah tanpa judul: slot judul berisi '{text}'; ganti sebelum ekspor",
        "en": "The manuscript has no headline: the headline slot says '{text}'; replace it "
        "before export",
    },
    "import_edition_mismatch": {
        "id": "Naskah untuk edisi {manuscript}, tetapi edisi ini bernomor {edition}",
        "en": "The manuscript is for edition {manuscript}, but this edition is number {edition}",
    },
    "import_page_mismatch": {
        "id": "Naskah untuk halaman {manuscript}, tetapi --page {page} dipakai",
        "en": "The manuscript is for page {manuscript}, but --page {page} is used",
    },
    "import_page_moved": {
        "id": "Halaman {wanted} belum dapat dibuat (edisi berisi {count} halaman); "
        "ditambahkan sebagai halaman {page}",
        "en": "Page {wanted} cannot be made yet (the edition has {count} pages); added as "
        "page {page}",
    },
    "import_template_differs": {
        "id": "Halaman {page} dibuat dari templat '{page_template}', bukan '{template}'",
        "en": "Page {page} was made from template '{page_template}', not '{template}'",
    },
    "import_warnings": {
        "id": "Peringatan naskah ({count}):",
        "en": "Manuscript warnings ({count}):",
    },
    "import_saved": {
        "id": "Edisi disimpan: {path} ({pages} halaman)",
        "en": "Edition saved: {path} ({pages} pages)",
    },
    # slot roles, as the desk calls them
    "role_section": {"id": "Rubrik", "en": "Section"},
    "role_headline": {"id": "Judul", "en": "Headline"},
    "role_deck": {"id": "Subjudul", "en": "Deck"},
    "role_photo": {"id": "Foto", "en": "Photo"},
    "role_photo_credit": {"id": "Kredit foto", "en": "Photo credit"},
    "role_caption": {"id": "Keterangan foto", "en": "Caption"},
    "role_dateline": {"id": "Dateline", "en": "Dateline"},
    "role_body": {"id": "Isi", "en": "Body"},
    "role_pull_quote": {"id": "Kutipan besar", "en": "Pull quote"},
    "role_tagline": {"id": "Tagline", "en": "Tagline"},
    "role_credits": {"id": "Kredit", "en": "Credits"},
    "role_folio": {"id": "Folio", "en": "Folio"},
    "role_masthead": {"id": "Kepala koran", "en": "Masthead"},
    "role_teaser": {"id": "Cuplikan", "en": "Teaser"},
    "role_free": {"id": "Bebas", "en": "Free"},
    # -- demo ------------------------------------------------------------------------
    "demo_building": {
        "id": "Membuat edisi contoh {paper} edisi {edition}, {date}",
        "en": "Building the sample edition of {paper}, edition {edition}, {date}",
    },
    "demo_page": {
        "id": "Halaman {page} (templat {template}):",
        "en": "Page {page} (template {template}):",
    },
    "demo_story": {
        "id": "  [{slot}] {headline} — {words} kata{photo}",
        "en": "  [{slot}] {headline} — {words} words{photo}",
    },
    "demo_photo": {"id": ", foto {name}", "en": ", photo {name}"},
    "demo_totals": {
        "id": "{pages} halaman, {stories} naskah, {words} kata, {photos} foto",
        "en": "{pages} pages, {stories} manuscripts, {words} words, {photos} photos",
    },
    "demo_missing_resource": {
        "id": "Bahan contoh tidak ditemukan: {path}",
        "en": "Sample material not found: {path}",
    },
    "demo_exported": {
        "id": "PDF halaman {page}: {path}",
        "en": "PDF of page {page}: {path}",
    },
    "demo_export_unavailable": {
        "id": "Ekspor PDF belum tersedia pada versi ini; PDF tidak dibuat",
        "en": "PDF export is not available in this version; no PDFs written",
    },
    "demo_preflight": {
        "id": "Pemeriksaan cetak: {errors} galat, {warnings} peringatan, {infos} info",
        "en": "Print check: {errors} errors, {warnings} warnings, {infos} notes",
    },
    "demo_preflight_page": {"id": "Halaman {page}", "en": "Page {page}"},
    "demo_preflight_unavailable": {
        "id": "Pemeriksaan cetak (preflight) belum tersedia pada versi ini",
        "en": "The print check (preflight) is not available in this version",
    },
}


def register_messages(messages: dict[str, dict[str, str]]) -> None:
    """Add a package's catalogue (key -> {"id": ..., "en": ...}) to the program's one catalogue.

    Each package keeps its messages in its own module and registers them when that
    module is imported; keys are unique across the program (a clash is a bug).
    """
    for key, entry in messages.items():
        if key in MESSAGES and MESSAGES[key] != entry:
            raise ValueError(f"message key {key!r} is defined twice")
        if "en" not in entry or "id" not in entry:
            raise ValueError(f"message {key!r} needs an Indonesian and an English text")
        MESSAGES[key] = entry


def tr(key: str, lang: str | None = None, **params: object) -> str:
    """The message `key` in the current (or given) language, with params filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang or current_language()) or entry["en"]
    return text.format(**params)
