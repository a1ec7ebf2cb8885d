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

from kupang_layout.i18n import register_messages, tr

__all__ = [
    "MAX_REPORTED",
    "MESSAGES",
    "LoadWarning",
    "load_warnings",
    "record_load_warnings",
]

#: At most this many repairs are listed one by one; the rest are counted.
MAX_REPORTED = 50

MESSAGES: dict[str, dict[str, str]] = {
    "storage.repaired_text": {
        "id": "{file}: {path}: teks memuat karakter yang tidak dapat disimpan (surrogate "
        "UTF-16 tunggal); diganti dengan \ufffd. Periksa teks itu lalu simpan edisi.",
        "en": "{file}: {path}: the text holds a character that cannot be stored (a lone "
        "UTF-16 surrogate); it was replaced by \ufffd. Check the text, then save the edition.",
    },
    "storage.duplicate_page_numbers": {
        "id": "{file}: nomor halaman {numbers} dipakai lebih dari satu halaman; semua halaman "
        "diberi nomor ulang sesuai urutannya (1 sampai {count}) agar tidak ada halaman yang "
        "hilang dari cetakan. Periksa urutan halaman lalu simpan edisi.",
        "en": "{file}: page numbers {numbers} are used by more than one page; every page was "
        "numbered again by its place (1 to {count}) so that no page goes missing from print. "
        "Check the page order, then save the edition.",
    },
    "storage.renumbered_page": {
        "id": "{file}: {path}: halaman {old} sekarang halaman {new}.",
        "en": "{file}: {path}: page {old} is now page {new}.",
    },
    "storage.more_repairs": {
        "id": "{file}: {count} perbaikan lain tidak dicantumkan satu per satu.",
        "en": "{file}: {count} more repairs are not listed one by one.",
    },
}
register_messages(MESSAGES)


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
