"""Common stage: what a person is told when a file or folder cannot be written (id / en).

`write_error_text(exc)` turns a `FileWriteError` into one sentence in the user's
language that names the file (or folder), gives the reason and says what to do:
free some space, choose another folder, and so on. Entry points (the command
line, the app's export) use it rather than the exception's English text.
"""

from __future__ import annotations

import errno as errnos

from kupang_layout.common.atomic import FileWriteError
from kupang_layout.i18n import register_messages, tr

__all__ = ["MESSAGES", "write_error_text"]

MESSAGES: dict[str, dict[str, str]] = {
    "files.cannot_write": {
        "id": "Tidak dapat menulis {file}: {reason}.",
        "en": "Cannot write {file}: {reason}.",
    },
    "files.reason.full": {
        "id": "disk penuh; kosongkan ruang atau pilih folder lain",
        "en": "the disk is full; free some space or choose another folder",
    },
    "files.reason.read_only": {
        "id": "folder hanya-baca; pilih folder lain",
        "en": "the folder is read-only; choose another folder",
    },
    "files.reason.permission": {
        "id": "tidak ada izin menulis; pilih folder lain atau minta izin",
        "en": "no permission to write; choose another folder or ask for permission",
    },
    "files.reason.not_folder": {
        "id": "itu sebuah berkas, bukan folder; pilih folder lain",
        "en": "it is a file, not a folder; choose another folder",
    },
    "files.reason.no_folder": {
        "id": "folder tidak ada dan tidak dapat dibuat; pilih folder lain",
        "en": "the folder does not exist and cannot be made; choose another folder",
    },
    "files.reason.is_folder": {
        "id": "sudah ada folder dengan nama itu; pindahkan atau pilih nama lain",
        "en": "a folder of that name is there; move it or choose another name",
    },
    "files.reason.not_regular": {
        "id": "itu bukan berkas biasa (perangkat, pipa atau soket) dan dibiarkan; "
        "pilih nama atau folder lain",
        "en": "it is not a regular file (a device, pipe or socket) and was left alone; "
        "choose another name or folder",
    },
    "files.reason.other": {
        "id": "{detail}",
        "en": "{detail}",
    },
    # -- what an error means to a person (common.errortext) ----------------------
    "boundary.problem_file": {
        "id": "Masalah pada {file}: {reason}.",
        "en": "Problem with {file}: {reason}.",
    },
    "boundary.problem": {"id": "{reason}.", "en": "{reason}."},
    "boundary.internal": {
        "id": "Galat internal saat {action}{file}: {error}. Ini kesalahan program, bukan "
        "kesalahan Anda.",
        "en": "Internal error while {action}{file}: {error}. This is a fault of the program, "
        "not yours.",
    },
    "boundary.internal_file": {"id": " ({file})", "en": " ({file})"},
    "boundary.log": {
        "id": "Rinciannya dicatat di {log}; kirimkan berkas itu kepada tim teknis.",
        "en": "The details are in {log}; send that file to the technical team.",
    },
    "boundary.no_log": {
        "id": "Rinciannya tidak dapat dicatat (folder log tidak dapat ditulis); jalankan lagi "
        "dengan KUPANG_LAYOUT_DEBUG=1 untuk melihatnya.",
        "en": "The details could not be logged (the log folder cannot be written); run again "
        "with KUPANG_LAYOUT_DEBUG=1 to see them.",
    },
    "boundary.command": {"id": "menjalankan perintah '{command}'", "en": "running '{command}'"},
    # reasons, by the operating system's error number or the kind of error
    "reason.no_space": {"id": "disk penuh", "en": "the disk is full"},
    "reason.read_only": {"id": "folder hanya-baca", "en": "the folder is read-only"},
    "reason.permission": {"id": "izin ditolak", "en": "permission denied"},
    "reason.not_found": {"id": "tidak ditemukan", "en": "not found"},
    "reason.is_folder": {"id": "itu sebuah folder", "en": "it is a folder"},
    "reason.not_folder": {
        "id": "sebagian jalurnya bukan folder",
        "en": "part of the path is not a folder",
    },
    "reason.io": {"id": "galat baca/tulis pada perangkat", "en": "input/output error"},
    "reason.name_too_long": {"id": "namanya terlalu panjang", "en": "the name is too long"},
    "reason.memory": {"id": "memori tidak cukup", "en": "not enough memory"},
    "reason.encode": {
        "id": "teks berisi karakter yang tidak dapat disimpan ({char})",
        "en": "the text holds a character that cannot be stored ({char})",
    },
    "reason.decode": {
        "id": "isinya bukan teks UTF-8 yang sah",
        "en": "its content is not valid UTF-8 text",
    },
    # what to do
    "advice.no_space": {
        "id": "Kosongkan ruang di disk (hapus berkas yang tidak perlu), lalu coba lagi.",
        "en": "Free some space on the disk (delete files you do not need), then try again.",
    },
    "advice.other_folder": {
        "id": "Pilih folder lain, atau minta izin menulis di folder ini.",
        "en": "Choose another folder, or ask for permission to write in this one.",
    },
    "advice.check_name": {
        "id": "Periksa nama berkas dan foldernya, lalu coba lagi.",
        "en": "Check the name of the file and its folder, then try again.",
    },
    "advice.give_file_name": {
        "id": "Beri nama berkas, bukan nama folder.",
        "en": "Give the name of a file, not of a folder.",
    },
    "advice.device": {
        "id": "Periksa disk atau drive jaringan itu, lalu coba lagi.",
        "en": "Check that disk or network drive, then try again.",
    },
    "advice.shorter_name": {
        "id": "Pakai nama yang lebih pendek.",
        "en": "Use a shorter name.",
    },
    "advice.memory": {
        "id": "Tutup program lain atau kerjakan lebih sedikit halaman sekaligus, lalu coba lagi.",
        "en": "Close other programs or work on fewer pages at once, then try again.",
    },
    "advice.encode": {
        "id": "Cari karakter itu di naskah dan hapus atau ganti, lalu simpan lagi.",
        "en": "Find that character in the text and delete or replace it, then save again.",
    },
    "advice.document": {
        "id": "Perbaiki berkas itu atau minta salinan yang utuh.",
        "en": "Repair that file or ask for a complete copy.",
    },
    "advice.generic": {
        "id": "Periksa berkas dan foldernya, lalu coba lagi.",
        "en": "Check the file and its folder, then try again.",
    },
}
register_messages(MESSAGES)

_BY_ERRNO = {
    errnos.ENOSPC: "files.reason.full",
    errnos.EDQUOT: "files.reason.full",
    errnos.EROFS: "files.reason.read_only",
    errnos.EACCES: "files.reason.permission",
    errnos.EPERM: "files.reason.permission",
    errnos.ENOTDIR: "files.reason.not_folder",
    errnos.EEXIST: "files.reason.not_folder",
    errnos.ENOENT: "files.reason.no_folder",
    errnos.EISDIR: "files.reason.is_folder",
}


def _write_reason(exc: FileWriteError, lang: str | None = None) -> str:
    """The reason of a failed write in the user's language (what to do included)."""
    if exc.errno is None and exc.reason.startswith("is not a regular file"):
        key = "files.reason.not_regular"
    else:
        key = _BY_ERRNO.get(exc.errno or -1, "files.reason.other")
    return tr(key, lang, detail=exc.reason)


def write_error_text(exc: FileWriteError, lang: str | None = None) -> str:
    """'Tidak dapat menulis FILE: REASON.' in the user's language."""
    return tr("files.cannot_write", lang, file=exc.file, reason=_write_reason(exc, lang))
