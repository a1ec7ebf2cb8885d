"""Model stage: stories, paragraphs and runs of text, kept exactly as typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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

    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)
