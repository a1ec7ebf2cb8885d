"""Model stage: stories, paragraphs and runs of text, kept exactly as typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The headline a story gets when its manuscript has none; preflight flags it (an error),
#: so a page never goes to the plant with it.
PLACEHOLDER_HEADLINE = "[JUDUL BELUM ADA]"


@dataclass
class Run:
    """A run of text with an optional character style."""

    text: str
    char_style: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Paragraph:
    """A paragraph: a paragraph style and its runs."""

    style: str
    runs: list[Run] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @classmethod
    def plain(cls, style: str, text: str) -> Paragraph:
        return cls(style=style, runs=[Run(text)])


@dataclass
class Story:
    """A flow of paragraphs shown by one or more threaded text frames."""

    id: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def kept(self) -> bool:
        """Kept in the file by the desk although no frame shows it.

        A story no frame shows is left out when the edition is saved, unless it
        is kept. Stored as `"kept": true` in the story's JSON (through `extra`,
        so files of older versions keep the flag too).
        """
        return self.extra.get("kept") is True

    @kept.setter
    def kept(self, value: bool) -> None:
        if value:
            self.extra["kept"] = True
        else:
            self.extra.pop("kept", None)

    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)
