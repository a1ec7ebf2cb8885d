"""Imaging stage: the one error for a picture that cannot be used, with a reason code."""

from __future__ import annotations

from kupang_layout.errors import KupangError
from kupang_layout.imaging.messages import reason_text

__all__ = ["ImagingError"]


class ImagingError(KupangError):
    """A picture that cannot be used: `name` (the file or asset), `reason` (a code of
    `messages.REASONS`), `params` for its text and `detail` (the library's own words,
    for logs only). `str()` is the text in the current language, naming the file."""

    def __init__(self, name: str, reason: str, detail: str = "", **params: object) -> None:
        self.name = name
        self.reason = reason
        self.detail = detail
        self.params = params
        super().__init__(name, reason)

    def text(self, lang: str | None = None) -> str:
        """The reason alone, in `lang` (default: the current language)."""
        return reason_text(self.reason, lang, detail=self.detail, **self.params)

    def __str__(self) -> str:
        return f"{self.name}: {self.text()}" if self.name else self.text()
