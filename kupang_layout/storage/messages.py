"""Storage stage: the messages of saving and loading editions that people read (id / en)."""

from __future__ import annotations

from kupang_layout.i18n import register_messages

MESSAGES: dict[str, dict[str, str]] = {
    "storage.concurrent_change": {
        "id": (
            "Edisi {path} telah diubah oleh program lain sejak dibuka; berkas itu tidak "
            "ditimpa. Pekerjaan Anda disimpan sebagai {kept} — buka edisi lagi dan ulangi "
            "perubahan Anda di sana."
        ),
        "en": (
            "The edition {path} was changed by another program since it was opened; it was "
            "not overwritten. Your work was saved as {kept} — open the edition again and "
            "redo your change there."
        ),
    },
    "storage.concurrent_change_not_kept": {
        "id": (
            "Edisi {path} telah diubah oleh program lain sejak dibuka; berkas itu tidak "
            "ditimpa, dan pekerjaan Anda juga tidak dapat disimpan sebagai {kept} ({reason})."
        ),
        "en": (
            "The edition {path} was changed by another program since it was opened; it was "
            "not overwritten, and your work could not be saved as {kept} either ({reason})."
        ),
    },
    "storage.edition_locked": {
        "id": (
            "Edisi {path} sedang disimpan oleh program lain (lebih dari {seconds} detik); "
            "tidak ada yang diubah. Coba lagi sebentar lagi."
        ),
        "en": (
            "The edition {path} is being saved by another program (for more than {seconds} "
            "s); nothing was changed. Try again in a moment."
        ),
    },
    # -- what loading repaired (storage.load_report) -------------------------------
    "storage.repaired_text": {
        "id": "{file}: {path}: teks memuat karakter yang tidak dapat disimpan (surrogate "
        "UTF-16 tunggal); diganti dengan \ufffd. Periksa teks itu lalu simpan edisi.",
        "en": "{file}: {path}: the text holds a character that cannot be stored (a lone "
        "UTF-16 surrogate); it was replaced by \ufffd. Check the text, then save the edition.",
    },
    "storage.duplicate_page_numbers": {
        "id": "{file}: nomor halaman {numbers} dipakai lebih dari satu halaman; semua halaman "
        "diberi nomor ulang sesuai urutannya (1 sampai {count}) agar tidak ada halaman yang "
        "hilang dari cetakan. Periksa urutan halaman lalu simpan edisi.",
        "en": "{file}: page numbers {numbers} are used by more than one page; every page was "
        "numbered again by its place (1 to {count}) so that no page goes missing from print. "
        "Check the page order, then save the edition.",
    },
    "storage.renumbered_page": {
        "id": "{file}: {path}: halaman {old} sekarang halaman {new}.",
        "en": "{file}: {path}: page {old} is now page {new}.",
    },
    "storage.more_repairs": {
        "id": "{file}: {count} perbaikan lain tidak dicantumkan satu per satu.",
        "en": "{file}: {count} more repairs are not listed one by one.",
    },
}

register_messages(MESSAGES)
