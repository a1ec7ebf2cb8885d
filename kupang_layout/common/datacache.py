"""Common stage: derived-data caches in the user cache folder (validated, never trusted).

Work a cold process would otherwise repeat (compiling the hyphenation patterns,
reading font metrics with fontTools) is kept as plain JSON data in
``cache_dir()/<kind>/<key>.json``, the key being the SHA-256 of the source file it
was derived from. A cache file is one header line and a JSON body:

    KUPANG-CACHE <kind> <format> <SHA-256 of the body in hex>\\n<body>

It is used only when the header names the kind and format the reader expects and
the body's digest matches; the reader then checks the data's shape and returns
None for anything it does not recognise. A missing, damaged, truncated or foreign
file is therefore rebuilt, never trusted. JSON is read by a parser that runs no code
(never pickle or marshal, which the cache folder could feed to the program). Long
lists of integers (a face's advances and kerning pairs, thousands each) go in as one
string (`pack_ints`: base64 of 32-bit little-endian words), which the reader turns back
into integers in C (`unpack_ints`) instead of the JSON parser reading them one by one:
a third of the time a cold process spent reading its font metrics.

Files are written through `write_atomically`; a cache that cannot be written (a
read-only or full disk) is skipped silently: the program works the same without it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import sys
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from kupang_layout.common.atomic import FileWriteError, write_atomically
from kupang_layout.common.userdirs import cache_dir

__all__ = ["cache_path", "file_sha256", "pack_ints", "read_cache", "unpack_ints", "write_cache"]

_MAGIC = "KUPANG-CACHE"
#: Cache files larger than this are not read (ours are well under 1 MB).
_MAX_BYTES = 16 * 1024 * 1024

T = TypeVar("T")

#: The array type code of a 32-bit signed word (C int on every platform we run on).
_WORD = "i" if array("i").itemsize == 4 else "l"


def pack_ints(values: Sequence[int]) -> str:
    """Integers as one JSON string: base64 of 32-bit little-endian words (ValueError
    for a value beyond 32 bits or one that is not an int)."""
    try:
        words = array(_WORD, values)
    except (OverflowError, TypeError) as exc:
        raise ValueError(f"not 32-bit integers: {exc}") from exc
    if sys.byteorder != "little":
        words.byteswap()
    return base64.b64encode(words.tobytes()).decode("ascii")


def unpack_ints(text: object) -> list[int]:
    """The integers `pack_ints` made `text` from (ValueError for anything else)."""
    if not isinstance(text, str):
        raise ValueError("packed integers must be a string")
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"packed integers: {exc}") from exc
    words = array(_WORD)
    if len(raw) % words.itemsize:
        raise ValueError("packed integers cut short")
    words.frombytes(raw)
    if sys.byteorder != "little":
        words.byteswap()
    return words.tolist()


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex (OSError when it cannot be read)."""
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def cache_path(kind: str, key: str) -> Path:
    """Where the cache of `kind` keeps the data derived from the source with `key`."""
    return cache_dir() / kind / f"{key}.json"


def _header(kind: str, fmt: int, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"{_MAGIC} {kind} {fmt} {digest}\n".encode("ascii")


def read_cache(kind: str, key: str, fmt: int, shape: Callable[[object], T | None]) -> T | None:
    """The cached data of `kind` for `key`, or None when there is none to trust.

    `shape` checks the decoded JSON and turns it into what the caller uses, returning
    None (or raising ValueError, TypeError, KeyError) when it does not fit.
    """
    path = cache_path(kind, key)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(_MAX_BYTES + 1)
    except OSError:
        return None
    if len(raw) > _MAX_BYTES:
        return None
    head, newline, body = raw.partition(b"\n")
    if not newline or head + newline != _header(kind, fmt, body):
        return None
    try:
        data = json.loads(body)
        return shape(data)
    except (ValueError, TypeError, KeyError, RecursionError):
        return None


def write_cache(kind: str, key: str, fmt: int, data: object) -> Path | None:
    """Keep `data` (plain JSON values) as the cache of `kind` for `key`; None if not written."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = cache_path(kind, key)
    try:
        os.makedirs(path.parent, exist_ok=True)
        return write_atomically(path, _header(kind, fmt, body) + body)
    except (OSError, FileWriteError):
        return None  # no cache: the next process derives the data again
