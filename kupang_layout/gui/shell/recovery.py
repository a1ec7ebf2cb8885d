"""GUI stage: recovery copies of the open edition, written while the app runs.

Each running app owns one folder ``<user data>/recovery/<session>/``, created on
its first autosave and locked (QLockFile) as long as the app runs:

* ``recovery.json``: ``{"meta": {...}, "document": <document.json of the edition>}``,
  replaced atomically (temporary file, fsync, rename) on every autosave. `meta`
  names the file the edition came from and when the copy was made.
* ``assets/<sha256>.<ext>``: the image bytes, content-addressed. Each picture is
  written once per session (the first autosave copies the pictures of the opened
  file, later ones only pictures placed since), so pictures placed after the last
  save survive a crash even if the edition file itself is lost.

A folder whose lock is free after a start belongs to an app that did not close
normally: it is offered for recovery. A clean close deletes the folder.

When the copy cannot be written there (a full or read-only disk), the autosaver
writes it into the next of `recovery_roots()`: a private folder in the system's
temporary folder. `find_orphans` looks in every one of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile

from kupang_layout import __version__
from kupang_layout.common.atomic import write_atomically
from kupang_layout.common.userdirs import data_dir
from kupang_layout.model import Edition
from kupang_layout.model.assets import AssetSource, MissingAssetError
from kupang_layout.storage import (
    AssetIntegrityError,
    ChainAssets,
    StorageError,
    edition_from_json,
    load_edition,
)

RECOVERY_FILE = "recovery.json"
LOCK_FILE = "session.lock"
DAMAGED_SUFFIX = ".damaged"


def recovery_root() -> Path:
    """Where recovery copies normally go: ``<user data>/recovery``."""
    return data_dir() / "recovery"


def fallback_root() -> Path:
    """Where they go when that cannot be written: a private folder in the system temp folder."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"kupang-layout-recovery-{uid}"


def recovery_roots() -> list[Path]:
    """Every place a recovery copy may be, in the order they are tried."""
    return [recovery_root(), fallback_root()]


class RecoveryError(StorageError):
    """A recovery copy that cannot be read back, or a recovery folder that cannot be used."""


def _prepare_root(root: Path) -> None:
    """Create `root`; in a shared temporary folder, only a folder of our own is used."""
    if root != fallback_root():
        root.mkdir(parents=True, exist_ok=True)
        return
    with contextlib.suppress(FileExistsError):
        root.mkdir(mode=0o700)
    if not _own_folder(root):
        raise RecoveryError(str(root), "the folder belongs to someone else or is not a folder")


def _own_folder(folder: Path) -> bool:
    """A real folder (not a link) owned by this user."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return stat.S_ISDIR(st.st_mode) and mine


@dataclass(frozen=True)
class Snapshot:
    """What one autosave writes, taken in the GUI thread (the edition is not touched later)."""

    document: dict[str, Any]
    assets: tuple[tuple[str, str], ...]  # (sha256, file name)
    source: AssetSource
    origin: str | None


def encode_copy(meta: dict[str, Any], document: dict[str, Any]) -> bytes:
    """The recovery file's bytes. Text that UTF-8 cannot hold (a lone surrogate) is kept
    as a JSON escape, so the copy is always written and reads back exactly."""
    content = {"meta": meta, "document": document}
    try:
        return json.dumps(content, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(content, ensure_ascii=True, allow_nan=False).encode("ascii")


class FolderAssets:
    """Asset bytes from a recovery folder, each checked against its SHA-256."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, sha256: str) -> Path | None:
        for p in self.folder.glob(f"{sha256}.*"):
            return p
        return None

    def has(self, sha256: str) -> bool:
        return self._path(sha256) is not None

    def read(self, sha256: str) -> bytes:
        path = self._path(sha256)
        if path is None:
            raise MissingAssetError(sha256)
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AssetIntegrityError(str(path), "the bytes do not match their SHA-256")
        return data


class RecoverySession:
    """The recovery folder of this app (writes happen on a worker thread, one at a time)."""

    def __init__(self, folder: Path, lock: QLockFile) -> None:
        self.folder = folder
        self.lock = lock
        self._written: set[str] = set()

    @property
    def root(self) -> Path:
        return self.folder.parent

    @classmethod
    def create(cls, root: Path | None = None) -> RecoverySession:
        root = root if root is not None else recovery_root()
        _prepare_root(root)
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"
        folder = root / name
        folder.mkdir(exist_ok=False)
        lock = QLockFile(str(folder / LOCK_FILE))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            raise RecoveryError(str(folder), "cannot lock the recovery folder")
        return cls(folder, lock)

    @property
    def file(self) -> Path:
        return self.folder / RECOVERY_FILE

    def write(self, snap: Snapshot) -> None:
        """Pictures not yet copied, then the document with its meta data, atomically."""
        assets = self.folder / "assets"
        assets.mkdir(exist_ok=True)
        for sha, filename in snap.assets:
            if sha in self._written:
                continue
            target = assets / filename
            if not target.is_file():
                try:
                    data = snap.source.read(sha)
                except (MissingAssetError, StorageError, OSError):
                    continue  # the document still names it; recovery reports what is missing
                write_atomically(target, data)
            self._written.add(sha)
        meta = {
            "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "origin": snap.origin,
            "app_version": __version__,
            "pid": os.getpid(),
        }
        write_atomically(self.file, encode_copy(meta, snap.document))

    def clear(self) -> None:
        """Nothing to recover now (the edition is saved); the copied pictures stay."""
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()

    def remove(self) -> None:
        """A clean close: the folder goes."""
        self.lock.unlock()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Orphan:
    """A recovery copy left by an app that did not close normally (its lock is held now)."""

    folder: Path
    lock: QLockFile
    saved_at: datetime | None
    origin: Path | None
    pages: int

    def load(self) -> Edition:
        """The recovered edition; pictures from the folder, else from the original file."""
        file = self.folder / RECOVERY_FILE
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
            document = raw["document"]
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise RecoveryError(str(file), f"cannot read the recovery copy: {exc}") from exc
        edition = edition_from_json(document, str(file))
        sources: list[AssetSource] = [FolderAssets(self.folder / "assets")]
        if any(not sources[0].has(sha) for sha in edition.assets) and self.origin is not None:
            with contextlib.suppress(StorageError, OSError):
                sources.append(load_edition(self.origin).asset_source)
        edition.asset_source = ChainAssets(sources) if len(sources) > 1 else sources[0]
        return edition

    def adopt(self) -> RecoverySession:
        """Continue writing into this folder as the running app's session."""
        session = RecoverySession(self.folder, self.lock)
        session._written = {p.name.split(".")[0] for p in (self.folder / "assets").glob("*.*")}
        return session

    def discard(self) -> None:
        self.lock.unlock()
        shutil.rmtree(self.folder, ignore_errors=True)

    def set_aside(self) -> Path:
        """Keep a copy that could not be read, out of the way of later starts."""
        self.lock.unlock()
        target = self.folder.with_name(self.folder.name + DAMAGED_SUFFIX)
        with contextlib.suppress(OSError):
            self.folder.rename(target)
            return target
        return self.folder

    def release(self) -> None:
        """Not now: offered again at the next start."""
        self.lock.unlock()


def _meta(folder: Path) -> tuple[datetime | None, Path | None, int] | None:
    try:
        raw = json.loads((folder / RECOVERY_FILE).read_text(encoding="utf-8"))
        meta = raw["meta"]
        pages = raw["document"]["edition"].get("pages", [])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return None
    try:
        saved = datetime.fromisoformat(str(meta.get("saved_at")))
    except ValueError:
        saved = None
    origin = meta.get("origin")
    return saved, Path(origin) if isinstance(origin, str) and origin else None, len(pages)


def _folders(roots: list[Path]) -> Iterable[Path]:
    for root in roots:
        if root == fallback_root() and not _own_folder(root):
            continue  # someone else's folder in the shared temporary folder
        with contextlib.suppress(OSError):
            yield from sorted(root.iterdir())


def find_orphans(root: Path | None = None) -> list[Orphan]:
    """Recovery copies of apps that are gone, newest first; each one's lock is taken.

    Looks in `root`, or in every one of `recovery_roots()`.
    """
    found: list[Orphan] = []
    for folder in _folders([root] if root is not None else recovery_roots()):
        if not folder.is_dir() or folder.name.endswith(DAMAGED_SUFFIX):
            continue
        lock = QLockFile(str(folder / LOCK_FILE))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running app writes here
        meta = _meta(folder)
        if meta is None:
            if not (folder / RECOVERY_FILE).exists():
                lock.unlock()  # left with nothing to recover (e.g. the edition was saved)
                shutil.rmtree(folder, ignore_errors=True)
                continue
            meta = (None, None, 0)  # there, but unreadable: offered, and reported on load
        found.append(Orphan(folder, lock, *meta))
    found.sort(key=lambda o: o.saved_at.timestamp() if o.saved_at else 0.0, reverse=True)
    return found
