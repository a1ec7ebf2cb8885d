"""Storage stage: messages about saving an edition that people read (Indonesian and English)."""

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
}

register_messages(MESSAGES)
