"""Storage stage: what loading repaired in a document, reported to the user as warnings.

Loading refuses a document it cannot trust, but repairs two harmless kinds of
damage rather than lock the desk out of its work: text that cannot be stored
(a lone UTF-16 surrogate, written as a JSON escape) becomes U+FFFD, and pages
sharing a number are numbered again by their place. Each repair is a
`LoadWarning`; `load_warnings(edition_or_template)` gives those of the object a
load returned (the CLI prints them, the GUI shows them).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kupang_layout.i18n import tr
from kupang_layout.storage import messages as _messages  # noqa: F401  (registers the texts)

__all__ = [
    "MAX_REPORTED",
    "LoadWarning",
    "load_warnings",
    "record_load_warnings",
]

#: At most this many repairs are listed one by one; the rest are counted.
MAX_REPORTED = 50


@dataclass(frozen=True)
class LoadWarning:
    """One repair made while loading: `key` is the message, `path` the place in the file."""

    file: str
    path: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The warning in the current (or given) language, naming the file and the place."""
        return tr(self.key, lang, file=self.file, path=self.path, **self.params)

    def __str__(self) -> str:
        return self.message("en")


_REPORTS: dict[int, tuple[LoadWarning, ...]] = {}


def _forget(key: int) -> None:
    _REPORTS.pop(key, None)


def record_load_warnings(obj: object, warnings: Iterable[LoadWarning]) -> None:
    """Attach the repairs of a load to the edition or template it returned."""
    found = tuple(warnings)
    if not found:
        return
    if len(found) > MAX_REPORTED:
        rest = len(found) - MAX_REPORTED
        found = (
            *found[:MAX_REPORTED],
            LoadWarning(found[0].file, "", "storage.more_repairs", {"count": rest}),
        )
    key = id(obj)
    _REPORTS[key] = found
    weakref.finalize(obj, _forget, key)


def load_warnings(obj: object) -> tuple[LoadWarning, ...]:
    """The repairs made when `obj` (an Edition or PageTemplate) was loaded; () if none."""
    return _REPORTS.get(id(obj), ())
