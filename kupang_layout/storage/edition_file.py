"""Storage stage: the .kpl edition file: a zip of document.json and assets/<sha256>.<ext>."""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from kupang_layout.common.atomic import write_atomically
from kupang_layout.model.assets import Asset, AssetSource, MissingAssetError
from kupang_layout.model.edition import Edition
from kupang_layout.storage.archive import (
    ASSET_ENTRY_RE,
    DEFAULT_LIMITS,
    DOCUMENT_ENTRY,
    Limits,
    check_entries,
    open_zip,
    read_entry,
)
from kupang_layout.storage.assets import ZipAssetSource, source_after_save
from kupang_layout.storage.document_json import edition_from_json, validate_edition
from kupang_layout.storage.errors import (
    AssetIntegrityError,
    DocumentFileError,
    DocumentFormatError,
    StorageError,
)
from kupang_layout.storage.jsonsafe import dump_json, parse_json
from kupang_layout.storage.prune import pruned_for_save
from kupang_layout.storage.revision import (
    check_unchanged,
    edition_lock,
    new_token,
    read_revision,
    remember,
    revision_of_zip,
)

__all__ = ["load_edition", "save_edition"]


def load_edition(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Edition:
    """Open a .kpl: checks the zip, document.json and every reference.

    Image bytes stay in the file: the edition's asset_source reads each one
    when it is needed and checks its SHA-256 then. Nothing is written anywhere.
    """
    p = Path(os.path.abspath(path))
    file = str(p)
    with open_zip(p) as zf:
        revision = revision_of_zip(zf)
        entries = check_entries(zf, file, limits)
        info = entries.get(DOCUMENT_ENTRY)
        if info is None:
            raise DocumentFileError(file, f"{DOCUMENT_ENTRY} is missing: not an edition file")
        raw = read_entry(zf, info, file, limits.max_document_size)
    index: dict[str, str] = {}
    for name in entries:
        m = ASSET_ENTRY_RE.fullmatch(name)
        if m is not None:
            index[m.group(1)] = name
    data = parse_json(raw, file, DOCUMENT_ENTRY, limits.max_json_depth)
    edition = edition_from_json(data, file)
    for i, asset in enumerate(edition.assets.values()):
        if index.get(asset.sha256) != f"assets/{asset.filename}":
            raise DocumentFormatError(
                file,
                f"assets[{i}]",
                f"the image bytes of {asset.name!r} (assets/{asset.filename}) are not in the file",
            )
    edition.asset_source = ZipAssetSource(p, index, limits.max_total_size)
    remember(edition, p, revision)
    return edition


def _document_method(raw: bytes, limits: Limits) -> int:
    """Deflate document.json unless it would compress so well that loading refuses it."""
    if len(raw) > limits.ratio_from_size:
        packed = len(zlib.compress(raw, 6))
        if len(raw) > 0.9 * limits.max_ratio * packed:
            return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def _entry(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = method
    info.external_attr = 0o644 << 16
    return info


def save_edition(
    edition: Edition,
    path: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    overwrite_changes: bool = False,
) -> None:
    """Save atomically: the file at `path` is always the old or the new edition, whole.

    The edition is checked first as loading would check it. Stories no frame
    shows (unless kept) and images nothing places are left out of the file, not
    out of `edition`. The previous file is kept as NAME.kpl.bak. Image bytes are
    read from `edition.asset_source` (possibly the very file being replaced)
    while the new file is written, and afterwards the edition reads its images
    from the new file.

    The save holds the file's lock (`revision.edition_lock`) and refuses with
    ConcurrentChangeError, writing nothing, when the file is no longer the
    revision this edition loaded or last saved; `overwrite_changes=True` (the
    desk chose to overwrite) skips that check.
    """
    target = Path(os.path.abspath(path))
    with edition_lock(target):
        if not overwrite_changes:
            check_unchanged(edition, target)
        _save(edition, target, limits)


def _orphan_bytes(source: AssetSource, shas: tuple[str, ...]) -> dict[str, bytes]:
    """Bytes of the images a save leaves out, read while the old file is still there."""
    kept: dict[str, bytes] = {}
    for sha in shas:
        if source.has(sha):
            try:
                kept[sha] = source.read(sha)
            except (MissingAssetError, StorageError):
                continue  # damaged or gone: nothing to keep
    return kept


def _save(edition: Edition, target: Path, limits: Limits) -> None:
    file = str(target)
    pruned = pruned_for_save(edition)
    document = validate_edition(pruned.edition, file)
    raw = dump_json(document)
    if len(raw) > limits.max_document_size:
        raise DocumentFormatError(
            file, "", f"the document would be {len(raw)} bytes (at most {limits.max_document_size})"
        )
    assets: list[Asset] = list(pruned.edition.assets.values())
    if len(assets) + 1 > limits.max_entries:
        raise DocumentFormatError(
            file, "assets", f"too many images (at most {limits.max_entries - 1})"
        )
    source: AssetSource = edition.asset_source
    for i, asset in enumerate(assets):
        if not source.has(asset.sha256):
            raise DocumentFormatError(
                file, f"assets[{i}]", f"the image bytes of {asset.name!r} are not available"
            )
    orphans = _orphan_bytes(source, pruned.assets)
    written: dict[str, str] = {}

    def write(stream: BinaryIO) -> None:
        total = len(raw)
        with zipfile.ZipFile(stream, "w", allowZip64=True) as zf:
            zf.comment = new_token()
            zf.writestr(_entry(DOCUMENT_ENTRY, _document_method(raw, limits)), raw)
            for i, asset in enumerate(assets):
                try:
                    data = source.read(asset.sha256)
                except MissingAssetError:
                    raise DocumentFormatError(
                        file, f"assets[{i}]", f"the image bytes of {asset.name!r} are not available"
                    ) from None
                if hashlib.sha256(data).hexdigest() != asset.sha256:
                    raise AssetIntegrityError(
                        file,
                        f"assets[{i}]: the bytes given for {asset.name!r} do not match its SHA-256",
                    )
                total += len(data)
                if total > limits.max_total_size:
                    raise DocumentFormatError(
                        file, "assets", f"the images exceed {limits.max_total_size} bytes in all"
                    )
                name = f"assets/{asset.filename}"
                zf.writestr(_entry(name, zipfile.ZIP_STORED), data)
                written[asset.sha256] = name

    # A failed write raises FileWriteError (file, reason, errno): the entry points say it
    # in the user's language with what to do (disk full, read-only, no permission).
    real = write_atomically(target, write, keep_backup=True, follow_symlink=True)
    saved = ZipAssetSource(real, written, limits.max_total_size)
    edition.asset_source = source_after_save(source, saved, real, orphans)
    revision = read_revision(real)
    if revision is not None:
        remember(edition, real, revision)
