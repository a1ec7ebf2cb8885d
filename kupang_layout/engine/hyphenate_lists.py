"""Engine stage: hyphenation exception lists (the built-in one and the desk's own).

A list holds one word a line with hyphens at the allowed breaks (``pe-ri-ngat-an``);
``#`` starts a comment; a word written without hyphens never breaks. Entries are single
words: hard hyphens are handled by the house-style rule in `hyphenate`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from pathlib import Path

from kupang_layout.common.userdirs import data_dir
from kupang_layout.errors import KupangError
from kupang_layout.resources import resource_path

__all__ = [
    "EntryError",
    "HyphenationFileError",
    "HyphenationWarning",
    "builtin_exceptions_path",
    "default_exceptions",
    "load_exceptions",
    "parse_exception_entry",
    "user_exceptions_path",
]


class EntryError(ValueError):
    """A malformed exception entry: `template` (English, with {named} fields) and the
    values for it, so that a user interface can translate the template."""

    def __init__(self, template: str, **params: str) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


class HyphenationFileError(KupangError):
    """A bad line in a hyphenation exception file (or a file that cannot be read).

    `message` is English; `template` and `params` give it for translation."""

    def __init__(
        self, path: str, line: int, message: str, template: str = "", **params: str
    ) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
        self.template = template or message.replace("{", "{{").replace("}", "}}")
        self.params = params


# The templates of every problem (a user interface marks these for translation).
EMPTY_ENTRY = "empty entry"
ONE_WORD = "one word per line expected, got {entry}"
UNEXPECTED_CHARACTER = "unexpected character {char} in {entry}"
HYPHEN_PLACE = "hyphens must stand between letters in {entry}"
NO_LETTERS = "no letters in {entry}"
NOT_UTF8 = "not UTF-8 text ({reason})"
UNREADABLE = "cannot read file: {reason}"


class HyphenationWarning(UserWarning):
    """Issued for skipped exception-file lines when no problem list is passed."""


def builtin_exceptions_path() -> Path:
    """The exception list shipped with the program."""
    return resource_path("hyphenation", "id_exceptions.txt")


def user_exceptions_path() -> Path:
    """The exception list the desk edits, in the user data folder."""
    return data_dir() / "hyphenation.txt"


def parse_exception_entry(text: str) -> tuple[str, tuple[int, ...]]:
    """Parse ``pe-ri-ngat-an`` into ``("peringatan", (2, 4, 8))``.

    Raises ValueError with a message for a person when the entry is malformed.
    """
    entry = text.strip()
    quoted = repr(entry)
    if not entry:
        raise EntryError(EMPTY_ENTRY)
    if any(ch.isspace() for ch in entry):
        raise EntryError(ONE_WORD, entry=quoted)
    for ch in entry:
        if not (ch.isalpha() or ch in "-'’"):
            raise EntryError(UNEXPECTED_CHARACTER, char=repr(ch), entry=quoted)
    if entry.startswith("-") or entry.endswith("-") or "--" in entry:
        raise EntryError(HYPHEN_PLACE, entry=quoted)
    pieces = entry.split("-")
    word = "".join(pieces).lower()
    if not any(ch.isalpha() for ch in word):
        raise EntryError(NO_LETTERS, entry=quoted)
    breaks: list[int] = []
    offset = 0
    for piece in pieces[:-1]:
        offset += len(piece)
        breaks.append(offset)
    return word, tuple(breaks)


def load_exceptions(
    paths: Iterable[str | os.PathLike[str]],
    problems: list[HyphenationFileError] | None = None,
    *,
    strict: bool = False,
) -> dict[str, tuple[int, ...]]:
    """Read exception files in order; an entry in a later file replaces an earlier one.

    A missing file is skipped silently (the user file often does not exist). Bad lines and
    unreadable files are skipped and reported as `HyphenationFileError` (``file:line:
    message``): appended to `problems` when given, else issued as `HyphenationWarning`.
    With ``strict=True`` the first problem is raised instead.
    """
    table: dict[str, tuple[int, ...]] = {}

    def report(err: HyphenationFileError) -> None:
        if strict:
            raise err
        if problems is not None:
            problems.append(err)
        else:
            warnings.warn(str(err), HyphenationWarning, stacklevel=3)

    for raw_path in paths:
        path = Path(raw_path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except UnicodeDecodeError as exc:
            reason = str(exc.reason)
            message = NOT_UTF8.format(reason=reason)
            report(HyphenationFileError(str(path), 0, message, NOT_UTF8, reason=reason))
            continue
        except OSError as exc:
            reason = str(exc.strerror)
            message = UNREADABLE.format(reason=reason)
            report(HyphenationFileError(str(path), 0, message, UNREADABLE, reason=reason))
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            content = line.split("#", 1)[0].strip().lstrip("\ufeff")
            if not content:
                continue
            try:
                word, breaks = parse_exception_entry(content)
            except EntryError as exc:
                report(
                    HyphenationFileError(str(path), number, str(exc), exc.template, **exc.params)
                )
                continue
            table[word] = breaks
    return table


def default_exceptions(
    user_path: str | os.PathLike[str] | None = None,
    problems: list[HyphenationFileError] | None = None,
) -> dict[str, tuple[int, ...]]:
    """The built-in list overridden by the desk's list (`user_exceptions_path` if None)."""
    user = Path(user_path) if user_path is not None else user_exceptions_path()
    return load_exceptions([builtin_exceptions_path(), user], problems)
