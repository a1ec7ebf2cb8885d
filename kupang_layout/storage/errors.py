"""Storage stage: the exceptions raised while reading and writing .kpl/.kplt files."""

from __future__ import annotations

from kupang_layout.errors import KupangError

__all__ = [
    "AssetIntegrityError",
    "ConcurrentChangeError",
    "DocumentFileError",
    "DocumentFormatError",
    "EditionLockedError",
    "ImageFileError",
    "NewerVersionError",
    "StorageError",
    "TemplateLibraryError",
]


class StorageError(KupangError):
    """Base class of every storage problem. `file` names the file concerned."""

    def __init__(self, file: str, message: str) -> None:
        self.file = file
        self.message = message
        super().__init__(f"{file}: {message}" if file else message)


class DocumentFileError(StorageError):
    """The file itself: missing, unreadable, not a zip, truncated or hostile."""


class AssetIntegrityError(DocumentFileError):
    """An image's bytes in the file do not match the SHA-256 it is stored under."""


class DocumentFormatError(StorageError):
    """The document's JSON is malformed or breaks a rule.

    `path` locates the value (``pages[1].frames[3].rect.width``; empty for the
    document as a whole) and `message` says what is wrong with it.
    """

    def __init__(self, file: str, path: str, message: str) -> None:
        self.path = path
        text = f"{path}: {message}" if path else message
        super().__init__(file, text)
        self.message = message


class NewerVersionError(StorageError):
    """The file was written with a schema newer than this program can read."""

    def __init__(self, file: str, found: int, supported: int, app_version: str = "") -> None:
        self.found = found
        self.supported = supported
        self.app_version = app_version
        made_by = f"version {app_version}" if app_version else "a newer version"
        super().__init__(
            file,
            f"made by a newer version of Kupang Layout ({made_by}, file schema {found}; "
            f"this version reads schema {supported} and older): please update the program",
        )


class ImageFileError(StorageError):
    """Bytes offered as an image are not a JPEG, PNG or TIFF that can be placed.

    `reason` is a code of `kupang_layout.imaging.REASONS` (empty, truncated, damaged,
    too-large, ...); `message` its text in the user's language; `detail` the image
    library's own words (for logs).
    """

    def __init__(self, file: str, message: str, *, reason: str = "", detail: str = "") -> None:
        super().__init__(file, message)
        self.reason = reason
        self.detail = detail


class TemplateLibraryError(StorageError):
    """A template library request that cannot be done (unknown name, built-in, clash)."""


class ConcurrentChangeError(DocumentFileError):
    """The file changed since this edition was opened or last saved: saving would lose that.

    Nothing was written. `seen` and `found` are the file's revisions
    (`storage.revision.FileRevision`) then and now.
    """

    def __init__(self, file: str, seen: object, found: object) -> None:
        self.seen = seen
        self.found = found
        super().__init__(
            file,
            "changed by someone else since it was opened or last saved; nothing was written "
            "(save under another name, or open the file again and redo the change)",
        )


class EditionLockedError(DocumentFileError):
    """Another process kept the edition file's lock for longer than the wait allowed."""
