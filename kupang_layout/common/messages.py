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

__all__ = ["MESSAGES", "reason_text", "write_error_text"]

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


def reason_text(exc: FileWriteError, lang: str | None = None) -> str:
    """The reason of a failed write in the user's language (what to do included)."""
    if exc.errno is None and exc.reason.startswith("is not a regular file"):
        key = "files.reason.not_regular"
    else:
        key = _BY_ERRNO.get(exc.errno or -1, "files.reason.other")
    return tr(key, lang, detail=exc.reason)


def write_error_text(exc: FileWriteError, lang: str | None = None) -> str:
    """'Tidak dapat menulis FILE: REASON.' in the user's language."""
    return tr("files.cannot_write", lang, file=exc.file, reason=reason_text(exc, lang))
