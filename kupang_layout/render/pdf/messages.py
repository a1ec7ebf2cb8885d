"""PDF render stage: the export's own messages to people (Indonesian and English)."""

from __future__ import annotations

from kupang_layout.i18n import register_messages

MESSAGES: dict[str, dict[str, str]] = {
    "render.pdf.same_file": {
        "id": "Halaman {pages} akan ditulis ke berkas yang sama ({name}); tidak ada yang "
        "diekspor. Beri setiap halaman nomor sendiri, atau pakai pola nama berkas dengan "
        "{{page}}.",
        "en": "Pages {pages} would be written to the same file ({name}); nothing was "
        "exported. Give each page its own number, or use a file name pattern with {{page}}.",
    },
    "render.pdf.missing": {
        "id": "halaman {page}: {name} tidak ada setelah ekspor; ekspor halaman ini lagi.",
        "en": "page {page}: {name} is missing after the export; export this page again.",
    },
    "render.pdf.incomplete": {
        "id": "halaman {page}: {name} bukan PDF yang utuh ({reason}); ekspor halaman ini lagi.",
        "en": "page {page}: {name} is not a complete PDF ({reason}); export this page again.",
    },
    "render.pdf.no_result": {
        "id": "halaman {page}: tidak ada hasil dari proses ekspor; ekspor halaman ini lagi.",
        "en": "page {page}: the export process gave no result; export this page again.",
    },
    "render.pdf.old_kept": {
        "id": "{error} ({name} yang lama dari ekspor sebelumnya tetap ada, BUKAN versi baru)",
        "en": "{error} (the old {name} from an earlier export is still there, NOT the new one)",
    },
}
register_messages(MESSAGES)


def register() -> None:
    """Nothing to do: importing this module registered the messages (an explicit use)."""
