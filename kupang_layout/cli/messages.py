"""Command-line stage: the messages of the `kupang-layout` sub-commands (Indonesian and English).

One catalogue for the command line, keys `cli.<name>`, registered with
`kupang_layout.i18n` when the `cli` package is imported; shown with `i18n.tr`.
"""

from __future__ import annotations

from kupang_layout.i18n import register_messages

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "cli.not_available": {
        "id": "Perintah '{command}' belum tersedia pada versi ini.",
        "en": "The command '{command}' is not available yet in this version.",
    },
    "cli.error": {"id": "Galat: {message}", "en": "Error: {message}"},
    "cli.warning": {"id": "Peringatan: {message}", "en": "Warning: {message}"},
    "cli.import_copyfit": {"id": "Paskan: {text}", "en": "Copyfit: {text}"},
    "cli.file_not_found": {
        "id": "Berkas tidak ditemukan: {path}",
        "en": "File not found: {path}",
    },
    "cli.gui_unavailable": {
        "id": "Aplikasi desktop tidak dapat dibuka: {reason}",
        "en": "The desktop app cannot start: {reason}",
    },
    "cli.demo_saved": {
        "id": "Edisi contoh disimpan: {path}",
        "en": "Sample edition saved: {path}",
    },
    "cli.templates_header": {
        "id": "Templat yang tersedia:",
        "en": "Available templates:",
    },
    "cli.template_builtin": {"id": "bawaan", "en": "built-in"},
    "cli.template_user": {"id": "pengguna", "en": "user"},
    "cli.template_not_found": {
        "id": "Templat tidak ditemukan: {name}",
        "en": "Template not found: {name}",
    },
    "cli.template_imported": {
        "id": "Templat diimpor: {name}",
        "en": "Template imported: {name}",
    },
    "cli.template_exported": {
        "id": "Templat diekspor ke {path}",
        "en": "Template exported to {path}",
    },
    # -- templates (kupang-layout templates ...) ---------------------------------
    "cli.templates_problem": {
        "id": "Berkas templat dilewati: {message}",
        "en": "Template file skipped: {message}",
    },
    "cli.template_trim": {
        "id": "Ukuran {width} x {height} mm, bleed {bleed} mm",
        "en": "Size {width} x {height} mm, bleed {bleed} mm",
    },
    "cli.template_margins": {
        "id": "Margin atas {top}, bawah {bottom}, dalam {inside}, luar {outside} mm",
        "en": "Margins top {top}, bottom {bottom}, inside {inside}, outside {outside} mm",
    },
    "cli.template_grid": {
        "id": "{columns} kolom @ {width} mm, jarak kolom {gutter} mm, grid baris {baseline} pt",
        "en": "{columns} columns of {width} mm, gutter {gutter} mm, baseline grid {baseline} pt",
    },
    "cli.template_size": {
        "id": "{width} x {height} mm, {columns} kolom",
        "en": "{width} x {height} mm, {columns} columns",
    },
    "cli.template_source": {"id": "Sumber: {source} ({path})", "en": "Source: {source} ({path})"},
    "cli.template_slots": {"id": "Slot:", "en": "Slots:"},
    "cli.template_frames": {
        "id": "{frames} bingkai, {rules} garis",
        "en": "{frames} frames, {rules} rules",
    },
    # -- import ----------------------------------------------------------------------
    "cli.bad_date": {
        "id": "Tanggal tidak sah: '{value}' (format TTTT-BB-HH, mis. 2024-10-14)",
        "en": "Invalid date: '{value}' (format YYYY-MM-DD, e.g. 2024-10-14)",
    },
    "cli.bad_page": {
        "id": "Nomor halaman tidak sah: {value} (harus 1 atau lebih)",
        "en": "Invalid page number: {value} (must be 1 or more)",
    },
    "cli.photo_unreadable": {
        "id": "Foto tidak dapat dibaca: {path} ({reason})",
        "en": "Cannot read the photo: {path} ({reason})",
    },
    "cli.slot_not_in_template": {
        "id": "Templat '{template}' tidak punya slot '{slot}' (yang ada: {slots})",
        "en": "Template '{template}' has no slot '{slot}' (it has: {slots})",
    },
    "cli.import_template": {
        "id": "Templat: {name} ({source})",
        "en": "Template: {name} ({source})",
    },
    "cli.import_page_added": {
        "id": "Halaman {page} ditambahkan, naskah di slot '{slot}':",
        "en": "Page {page} added, manuscript in slot '{slot}':",
    },
    "cli.import_page_replaced": {
        "id": "Halaman {page} diganti, naskah di slot '{slot}':",
        "en": "Page {page} replaced, manuscript in slot '{slot}':",
    },
    "cli.import_slot_filled": {
        "id": "Halaman {page}: naskah di slot '{slot}':",
        "en": "Page {page}: manuscript in slot '{slot}':",
    },
    "cli.import_paragraphs": {
        "id": "{paragraphs} paragraf, {words} kata",
        "en": "{paragraphs} paragraphs, {words} words",
    },
    "cli.import_unplaced": {
        "id": "Tidak ada slot di templat untuk: {pieces}",
        "en": "The template has no slot for: {pieces}",
    },
    "cli.import_empty": {
        "id": "Slot dibiarkan kosong (tidak ada di naskah): {roles}",
        "en": "Slots left empty (not in the manuscript): {roles}",
    },
    "cli.import_placeholder": {
        "id": "Naskah tanpa judul: slot judul berisi '{text}'; ganti sebelum ekspor",
        "en": "The manuscript has no headline: the headline slot says '{text}'; replace it "
        "before export",
    },
    "cli.import_edition_mismatch": {
        "id": "Naskah untuk edisi {manuscript}, tetapi edisi ini bernomor {edition}",
        "en": "The manuscript is for edition {manuscript}, but this edition is number {edition}",
    },
    "cli.import_page_mismatch": {
        "id": "Naskah untuk halaman {manuscript}, tetapi --page {page} dipakai",
        "en": "The manuscript is for page {manuscript}, but --page {page} is used",
    },
    "cli.import_template_differs": {
        "id": "Halaman {page} dibuat dari templat '{page_template}', bukan '{template}'",
        "en": "Page {page} was made from template '{page_template}', not '{template}'",
    },
    "cli.import_warnings": {
        "id": "Peringatan naskah ({count}):",
        "en": "Manuscript warnings ({count}):",
    },
    "cli.import_saved": {
        "id": "Edisi disimpan: {path} ({pages} halaman)",
        "en": "Edition saved: {path} ({pages} pages)",
    },
    # slot roles, as the desk calls them
    "cli.role_section": {"id": "Rubrik", "en": "Section"},
    "cli.role_headline": {"id": "Judul", "en": "Headline"},
    "cli.role_deck": {"id": "Subjudul", "en": "Deck"},
    "cli.role_photo": {"id": "Foto", "en": "Photo"},
    "cli.role_photo_credit": {"id": "Kredit foto", "en": "Photo credit"},
    "cli.role_caption": {"id": "Keterangan foto", "en": "Caption"},
    "cli.role_dateline": {"id": "Dateline", "en": "Dateline"},
    "cli.role_body": {"id": "Isi", "en": "Body"},
    "cli.role_pull_quote": {"id": "Kutipan besar", "en": "Pull quote"},
    "cli.role_tagline": {"id": "Tagline", "en": "Tagline"},
    "cli.role_credits": {"id": "Kredit", "en": "Credits"},
    "cli.role_folio": {"id": "Folio", "en": "Folio"},
    "cli.role_masthead": {"id": "Kepala koran", "en": "Masthead"},
    "cli.role_teaser": {"id": "Cuplikan", "en": "Teaser"},
    "cli.role_free": {"id": "Bebas", "en": "Free"},
    "cli.role_ad": {"id": "Iklan", "en": "Advertisement"},
    # -- demo ------------------------------------------------------------------------
    "cli.demo_building": {
        "id": "Membuat edisi contoh {paper} edisi {edition}, {date}",
        "en": "Building the sample edition of {paper}, edition {edition}, {date}",
    },
    "cli.demo_page": {
        "id": "Halaman {page} (templat {template}):",
        "en": "Page {page} (template {template}):",
    },
    "cli.demo_story": {
        "id": "  [{slot}] {headline} — {words} kata{photo}",
        "en": "  [{slot}] {headline} — {words} words{photo}",
    },
    "cli.demo_photo": {"id": ", foto {name}", "en": ", photo {name}"},
    "cli.demo_totals": {
        "id": "{pages} halaman, {stories} naskah, {words} kata, {photos} foto",
        "en": "{pages} pages, {stories} manuscripts, {words} words, {photos} photos",
    },
    "cli.demo_missing_resource": {
        "id": "Bahan contoh tidak ditemukan: {path}",
        "en": "Sample material not found: {path}",
    },
    "cli.demo_exported": {
        "id": "PDF halaman {page}: {path}",
        "en": "PDF of page {page}: {path}",
    },
    "cli.demo_export_unavailable": {
        "id": "Ekspor PDF belum tersedia pada versi ini; PDF tidak dibuat",
        "en": "PDF export is not available in this version; no PDFs written",
    },
    "cli.demo_preflight": {
        "id": "Pemeriksaan cetak: {errors} galat, {warnings} peringatan, {infos} info",
        "en": "Print check: {errors} errors, {warnings} warnings, {infos} notes",
    },
    "cli.demo_preflight_page": {"id": "Halaman {page}", "en": "Page {page}"},
    "cli.demo_preflight_unavailable": {
        "id": "Pemeriksaan cetak (preflight) belum tersedia pada versi ini",
        "en": "The print check (preflight) is not available in this version",
    },
    # -- export (kupang-layout export ...) -------------------------------------------
    "cli.export.bad_pages": {
        "id": "Daftar halaman tidak sah: {spec} (contoh: 1,3-5)",
        "en": "Invalid page list: {spec} (e.g. 1,3-5)",
    },
    "cli.export.no_page": {
        "id": "Edisi tidak memiliki halaman {n}",
        "en": "The edition has no page {n}",
    },
    "cli.export.refused": {
        "id": "Ekspor ditolak: preflight menemukan {n} galat. Perbaiki dulu, "
        "atau pakai --force (laporan ditulis di samping PDF).",
        "en": "Export refused: preflight found {n} errors. Fix them first, "
        "or use --force (the report is written beside the PDFs).",
    },
    "cli.export.report": {
        "id": "Laporan preflight: {path}",
        "en": "Preflight report: {path}",
    },
    "cli.export.progress": {"id": "[{done}/{total}] {message}", "en": "[{done}/{total}] {message}"},
    "cli.export.done": {
        "id": "{ok} halaman diekspor ke {out} dalam {sec:.1f} detik",
        "en": "{ok} pages exported to {out} in {sec:.1f} s",
    },
    "cli.export.failed": {
        "id": "{n} halaman gagal diekspor",
        "en": "{n} pages failed to export",
    },
    "cli.export.pdf_errors": {
        "id": "{n} galat pada PDF yang ditulis (lihat laporan)",
        "en": "{n} errors in the PDFs written (see the report)",
    },
    # -- render (kupang-layout render ...) -------------------------------------------
    "cli.render.no_page": {
        "id": "Halaman {page} tidak ada di {file} (halaman 1 sampai {count}).",
        "en": "Page {page} does not exist in {file} (pages 1 to {count}).",
    },
    "cli.render.bad_dpi": {
        "id": "Resolusi harus antara {lo} dan {hi} dpi, bukan {dpi}.",
        "en": "The resolution must be between {lo} and {hi} dpi, not {dpi}.",
    },
    "cli.render.too_large": {
        "id": "Gambar halaman {page} akan berukuran {width} x {height} piksel pada {dpi} dpi, "
        "melebihi batas {limit} megapiksel; pilih resolusi lebih rendah (--dpi).",
        "en": "The image of page {page} would be {width} x {height} pixels at {dpi} dpi, "
        "more than the limit of {limit} megapixels; choose a lower resolution (--dpi).",
    },
    "cli.render.pdf_missing": {
        "id": "Backend pdf belum tersedia (renderer PDF tidak ada).",
        "en": "The pdf backend is not available yet (no PDF renderer).",
    },
    "cli.render.no_pdftoppm": {
        "id": "Backend pdf memerlukan pdftoppm (paket poppler-utils).",
        "en": "The pdf backend needs pdftoppm (package poppler-utils).",
    },
    "cli.render.pdftoppm_failed": {
        "id": "pdftoppm gagal: {reason}",
        "en": "pdftoppm failed: {reason}",
    },
    "cli.render.write_failed": {
        "id": "PNG tidak dapat ditulis ke {path}: {reason}. Periksa foldernya (ruang kosong, "
        "izin tulis) lalu coba lagi; berkas lama tidak diubah.",
        "en": "The PNG cannot be written to {path}: {reason}. Check the folder (free space, "
        "write permission) and try again; an earlier file is left as it was.",
    },
    "cli.render.written": {"id": "PNG ditulis: {path}", "en": "PNG written: {path}"},
    # -- typeset-report: the column heads of the table --------------------------------
    "cli.typeset_report.head": {
        "id": "cerita  baris  rasio rata2  rasio maks  >1  >2  pemenggalan  beruntun  janda  "
        "yatim  selisih kolom  sisa  muat",
        "en": "story  lines  ratio mean  ratio max  >1  >2  hyphens  run  widows  orphans  "
        "col spread  overset  copyfit",
    },
    # -- typeset-report: the copyfit column (the JSON keeps the engine's English value) ----
    "cli.typeset_report.fits": {"id": "pas", "en": "fits"},
    "cli.typeset_report.short": {"id": "kurang {lines} baris", "en": "{lines} lines short"},
    "cli.typeset_report.over": {"id": "lebih {lines} baris", "en": "+{lines} lines over"},
    # -- import into a shared edition folder, and `edition` -----------------------------
    "cli.import_output_needed": {
        "id": "Sebutkan berkas edisi dengan -o EDISI.kpl (atau folder edisi bersama dengan "
        "--edition FOLDER)",
        "en": "Name the edition file with -o EDITION.kpl (or a shared edition folder with "
        "--edition FOLDER)",
    },
    "cli.import_output_with_folder": {
        "id": "-o tidak dipakai untuk folder edisi bersama: halaman disimpan di foldernya",
        "en": "-o is not used with a shared edition folder: the page is saved in the folder",
    },
    "cli.import_date_with_folder": {
        "id": "--date tidak dipakai untuk folder edisi bersama (tanggal ada di edition.json)",
        "en": "--date is not used with a shared edition folder (edition.json holds the date)",
    },
    "cli.import_no_page": {
        "id": "Naskah tidak menyebut halaman; sebutkan dengan --page N",
        "en": "The manuscript names no page; give one with --page N",
    },
    "cli.import_no_template": {
        "id": "Sebutkan templat dengan --template (rencana halaman {page} tidak menyebutnya)",
        "en": "Name a template with --template (the plan names none for page {page})",
    },
    "cli.import_page_locked": {
        "id": "Halaman {page} sedang dikerjakan oleh {user} ({host}) sejak {since}; "
        "naskah tidak dimasukkan",
        "en": "Page {page} is being worked on by {user} ({host}) since {since}; the "
        "manuscript was not imported",
    },
    "cli.import_page_locked_stale": {
        "id": "Halaman {page} dikunci oleh {user} ({host}) sejak {since}, tetapi kuncinya "
        "basi (programnya tidak aktif lagi); ambil alih dengan --take-over",
        "en": "Page {page} is locked by {user} ({host}) since {since}, but the lock is stale "
        "(its program is gone); take it over with --take-over",
    },
    "cli.import_took_over": {
        "id": "Kunci basi milik {user} ({host}, sejak {since}) diambil alih",
        "en": "The stale lock of {user} ({host}, since {since}) was taken over",
    },
    "cli.import_saved_page": {
        "id": "Halaman {page} disimpan: {path}",
        "en": "Page {page} saved: {path}",
    },
    "cli.edition.state.empty": {"id": "kosong", "en": "empty"},
    "cli.edition.state.in_progress": {"id": "dikerjakan", "en": "in progress"},
    "cli.edition.state.ready": {"id": "siap", "en": "ready"},
    "cli.edition.state.sent": {"id": "terkirim", "en": "sent"},
    "cli.edition.state.changed": {
        "id": "diubah setelah dikirim",
        "en": "changed after sending",
    },
    "cli.edition.status_head": {
        "id": "Hal|Rubrik|Templat|Status|Oleh/Waktu|Kunci|Iklan",
        "en": "Page|Section|Template|State|Who/When|Lock|Ads",
    },
    "cli.edition.status_title": {
        "id": "{paper} edisi {number}, {date}: {pages} halaman direncanakan",
        "en": "{paper} edition {number}, {date}: {pages} pages planned",
    },
    "cli.edition.lock": {
        "id": "{user} ({host}) sejak {since}",
        "en": "{user} ({host}) since {since}",
    },
    "cli.edition.lock_stale": {"id": "[basi]", "en": "[stale]"},
    "cli.edition.ad_size.full": {"id": "satu halaman", "en": "full page"},
    "cli.edition.ad_size.half": {"id": "setengah halaman", "en": "half page"},
    "cli.edition.ad_size.quarter": {"id": "seperempat halaman", "en": "quarter page"},
    "cli.edition.ad_no_file": {"id": "[berkas belum ada]", "en": "[no file yet]"},
    "cli.edition.made": {
        "id": "Edisi {number} dibuat di {path} ({pages} halaman direncanakan)",
        "en": "Edition {number} made in {path} ({pages} pages planned)",
    },
    "cli.edition.bad_pages": {
        "id": "Jumlah halaman tidak sah: {value} (1 sampai 200)",
        "en": "Invalid page count: {value} (1 to 200)",
    },
    "cli.edition.bad_number": {
        "id": "Nomor edisi tidak boleh kosong",
        "en": "The edition number must not be empty",
    },
    "cli.edition.page_needed": {
        "id": "Sebutkan halamannya dengan --page N",
        "en": "Name the page with --page N",
    },
    "cli.edition.nothing_to_do": {
        "id": "Tidak ada yang diubah: beri --pages, --section, --template, --assign, --ready, "
        "--not-ready, --book-ad atau --cancel-ad",
        "en": "Nothing to change: give --pages, --section, --template, --assign, --ready, "
        "--not-ready, --book-ad or --cancel-ad",
    },
    "cli.edition.ad_needs": {
        "id": "Pemesanan iklan memerlukan --page dan --advertiser",
        "en": "An ad booking needs --page and --advertiser",
    },
    "cli.edition.ad_size_needs": {
        "id": "Ukuran iklan: --columns dan --depth-mm, atau --size full|half|quarter",
        "en": "Ad size: --columns and --depth-mm, or --size full|half|quarter",
    },
    "cli.edition.file_needs_ad": {
        "id": "--file memerlukan --book-ad (iklan mana yang diberi berkas)",
        "en": "--file needs --book-ad (which ad the file is for)",
    },
    "cli.edition.no_such_ad": {
        "id": "Tidak ada pemesanan iklan '{ad}'",
        "en": "No ad booking '{ad}'",
    },
    "cli.edition.page_not_made": {
        "id": "Halaman {page} belum dibuat; buat halamannya dulu (impor naskah), lalu pasang "
        "berkas iklannya",
        "en": "Page {page} is not made yet; make the page first (import a manuscript), then "
        "place the ad's file",
    },
    "cli.edition.pages_set": {
        "id": "Rencana: {pages} halaman (tidak ada halaman yang dinomori ulang)",
        "en": "Plan: {pages} pages (no page was renumbered)",
    },
    "cli.edition.page_planned": {
        "id": "Rencana halaman {page} diubah",
        "en": "Plan of page {page} changed",
    },
    "cli.edition.ad_booked": {
        "id": "Iklan {ad} ({advertiser}) dipesan di halaman {page}",
        "en": "Ad {ad} ({advertiser}) booked on page {page}",
    },
    "cli.edition.ad_cancelled": {"id": "Iklan {ad} dibatalkan", "en": "Ad {ad} cancelled"},
    "cli.edition.ad_placed": {
        "id": "Berkas {file} dipasang untuk iklan {ad} di halaman {page}",
        "en": "File {file} placed for ad {ad} on page {page}",
    },
    "cli.edition.locked": {
        "id": "{file} sedang dikerjakan oleh {user} ({host}) sejak {since}",
        "en": "{file} is being worked on by {user} ({host}) since {since}",
    },
    "cli.edition.locked_stale": {
        "id": "{file} dikunci oleh {user} ({host}) sejak {since}, tetapi kuncinya basi; "
        "ambil alih dengan --take-over",
        "en": "{file} is locked by {user} ({host}) since {since}, but the lock is stale; "
        "take it over with --take-over",
    },
    "cli.edition.no_plant": {
        "id": "Folder percetakan belum ditentukan: beri --to FOLDER atau atur di Preferensi",
        "en": "No printing plant folder: give --to FOLDER or set it in Preferences",
    },
    "cli.edition.nothing_ready": {
        "id": "Tidak ada halaman yang ditandai siap",
        "en": "No page is marked ready",
    },
    "cli.edition.sent": {
        "id": "Halaman {page} terkirim: {file}",
        "en": "Page {page} sent: {file}",
    },
    "cli.edition.unchanged": {
        "id": "Halaman {page} tidak berubah sejak dikirim ({file})",
        "en": "Page {page} unchanged since it was sent ({file})",
    },
    "cli.edition.missing": {
        "id": "Halaman {page} ditandai siap tetapi belum dibuat",
        "en": "Page {page} is marked ready but not made",
    },
    "cli.edition.held": {
        "id": "Halaman {page} ditahan (tidak dikirim):",
        "en": "Page {page} held back (not sent):",
    },
    "cli.edition.send_done": {
        "id": "{sent} halaman dikirim ke {path}",
        "en": "{sent} pages sent to {path}",
    },
    "cli.edition.packed": {
        "id": "Edisi dikemas: {path} ({pages} halaman)",
        "en": "Edition packed: {path} ({pages} pages)",
    },
    "cli.edition.unpacked": {
        "id": "Folder edisi bersama dibuat: {path} ({pages} halaman)",
        "en": "Shared edition folder made: {path} ({pages} pages)",
    },
}
register_messages(MESSAGES)
