"""Storage stage: reading a .kpl zip defensively (names, sizes, ratios), never extracting."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from kupang_layout.storage.errors import DocumentFileError

__all__ = [
    "ASSET_ENTRY_RE",
    "DEFAULT_LIMITS",
    "DOCUMENT_ENTRY",
    "Limits",
    "check_entries",
    "open_zip",
    "read_entry",
]

DOCUMENT_ENTRY = "document.json"
ASSET_ENTRY_RE = re.compile(r"assets/([0-9a-f]{64})\.(jpg|png|tif|pdf)")
_DRIVE = re.compile(r"[A-Za-z]:")
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a .kpl/.kplt may hold before it is refused as damaged or hostile."""

    max_entries: int = 10_000
    max_total_size: int = 2 * 1024 * MiB  # all entries, uncompressed
    max_document_size: int = 64 * MiB  # document.json or a .kplt file
    max_ratio: float = 100.0  # uncompressed / compressed, per entry ...
    ratio_from_size: int = 1 * MiB  # ... for entries larger than this
    max_json_depth: int = 64


DEFAULT_LIMITS = Limits()


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open a zip for reading, turning every failure into a DocumentFileError."""
    file = str(path)
    try:
        if path.is_dir():
            raise DocumentFileError(file, "is a folder, not an edition file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentFileError(file, "file not found") from None
    except OSError as exc:
        raise DocumentFileError(file, f"cannot read the file: {exc.strerror or exc}") from exc
    if size == 0:
        raise DocumentFileError(file, "the file is empty (0 bytes)")
    try:
        return zipfile.ZipFile(path, "r")
    except zipfile.BadZipFile as exc:
        raise DocumentFileError(
            file, f"not an edition file: not a zip archive, or damaged or truncated ({exc})"
        ) from exc
    except (zipfile.LargeZipFile, ValueError, EOFError, OverflowError, struct.error) as exc:
        raise DocumentFileError(file, f"damaged zip archive ({exc})") from exc
    except OSError as exc:
        raise DocumentFileError(file, f"cannot read the file: {exc.strerror or exc}") from exc


def _name_problem(name: str) -> str | None:
    if not name:
        return "empty name"
    if len(name) > 1024:
        return "name too long"
    if "\x00" in name:
        return "contains a NUL character"
    if "\\" in name:
        return "contains a backslash"
    if name.startswith("/"):
        return "is an absolute path"
    if _DRIVE.match(name):
        return "starts with a drive letter"
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if ".." in parts:
        return "climbs out of the archive (..)"
    if any(p in ("", ".") for p in parts):
        return "has an empty or '.' path part"
    return None


def check_entries(zf: zipfile.ZipFile, file: str, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Every entry's name, method and size checked; returns name -> ZipInfo."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise DocumentFileError(
            file, f"too many entries ({len(infos)}; at most {limits.max_entries})"
        )
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        for name in (info.orig_filename, info.filename):
            problem = _name_problem(name)
            if problem is not None:
                raise DocumentFileError(file, f"unsafe entry name {name!r}: {problem}")
        name = info.filename
        if name in entries:
            raise DocumentFileError(file, f"entry {name!r} appears twice")
        if info.flag_bits & 0x1:
            raise DocumentFileError(file, f"entry {name!r} is encrypted")
        if info.compress_type not in _METHODS:
            raise DocumentFileError(
                file, f"entry {name!r} uses compression method {info.compress_type}"
            )
        size, packed = info.file_size, info.compress_size
        if size > limits.max_total_size:
            raise DocumentFileError(file, f"entry {name!r} is too large ({size} bytes)")
        if size > limits.ratio_from_size and (packed <= 0 or size / packed > limits.max_ratio):
            raise DocumentFileError(
                file,
                f"entry {name!r} expands from {packed} to {size} bytes "
                f"(more than {limits.max_ratio:g} times): refused as a zip bomb",
            )
        total += size
        if total > limits.max_total_size:
            raise DocumentFileError(
                file, f"the entries hold more than {limits.max_total_size} bytes uncompressed"
            )
        entries[name] = info
    return entries


def read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, limit: int) -> bytes:
    """An entry's bytes, at most `limit` of them; damage reported as DocumentFileError."""
    name = info.filename
    if info.file_size > limit:
        raise DocumentFileError(
            file, f"entry {name!r} is too large ({info.file_size} bytes; at most {limit})"
        )
    try:
        with zf.open(info) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise DocumentFileError(file, f"entry {name!r} is damaged ({exc})") from exc
    except OSError as exc:
        raise DocumentFileError(file, f"cannot read entry {name!r}: {exc.strerror or exc}") from exc
    if len(data) > limit or len(data) != info.file_size:
        raise DocumentFileError(file, f"entry {name!r} is damaged (its size does not match)")
    return data
