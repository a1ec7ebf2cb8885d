"""Fonts stage: the exceptions raised by the font registry and metrics."""

from __future__ import annotations

from pathlib import Path

from kupang_layout.errors import KupangError

__all__ = ["FontError", "FontFileError", "FontManifestError", "FontNotFoundError"]


class FontError(KupangError):
    """Base class of all font problems."""


class FontNotFoundError(FontError):
    """A (family, face) pair is not in the registry."""

    def __init__(self, family: str, face: str, detail: str = "") -> None:
        self.family = family
        self.face = face
        message = f"font not found: family {family!r}, face {face!r}"
        if detail:
            message = f"{message} ({detail})"
        super().__init__(message)


class FontFileError(FontError):
    """A font file is missing, unreadable, corrupt or unusable for print."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"font file {path}: {reason}")


class FontManifestError(FontError):
    """The font manifest (fonts.json) is missing, malformed or inconsistent."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"font manifest {path}: {reason}")
