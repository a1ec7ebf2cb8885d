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
(never pickle or marshal, which the cache folder could feed to the program).

Files are written through `write_atomically`; a cache that cannot be written (a
read-only or full disk) is skipped silently: the program works the same without it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kupang_layout.common.atomic import FileWriteError, write_atomically
from kupang_layout.common.userdirs import cache_dir

__all__ = ["cache_path", "file_sha256", "read_cache", "write_cache"]

_MAGIC = "KUPANG-CACHE"
#: Cache files larger than this are not read (ours are well under 1 MB).
_MAX_BYTES = 16 * 1024 * 1024

T = TypeVar("T")


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
