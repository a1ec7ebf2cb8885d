"""Storage stage: the shared edition: a folder several desks work in at once.

Layout of ``KupangTimes_537/`` on the desk's file server::

    edition.json          the edition's name, number, date and flat plan (with the
                          delivery log); changed by short read-modify-write steps
    pages/page-02.kpl     one page per file, or one file per group of pages that
                          share a story (``page-01+07.kpl``): ordinary .kpl files
    locks/page-02.lock    who works on which page file (see `checkout`)
    conflicts/            work kept aside when a save was refused

A desk opens a page by checking out its file (`checkout.acquire`), loads it as an
ordinary edition holding just those pages, and saves it back; the page file's
revision check (`revision`) refuses a save over a change it has not seen, so a
desk that lost its lock can never overwrite the desk that took it. The plan is
shared by everyone: each change to it takes the short ``plan`` lock, reads the
file, changes it and writes it back atomically, so two desks marking two pages
ready at the same moment both land.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kupang_layout.common.atomic import write_atomically
from kupang_layout.model.edition import Edition
from kupang_layout.model.plan import FlatPlan
from kupang_layout.storage import checkout
from kupang_layout.storage.checkout import Holder, PageLockedError
from kupang_layout.storage.edition_file import load_edition, save_edition
from kupang_layout.storage.errors import DocumentFileError, DocumentFormatError, StorageError
from kupang_layout.storage.fields import At, Fields
from kupang_layout.storage.jsonsafe import dump_json, parse_json
from kupang_layout.storage.serialize_plan import plan_from_dict, plan_to_dict

__all__ = [
    "EDITION_FILE",
    "FORMAT",
    "PLAN_LOCK_WAIT",
    "SharedEdition",
    "create_shared_edition",
    "is_shared_edition",
    "keep_aside",
    "page_files",
    "page_key",
    "read_shared_edition",
    "update_plan",
]

FORMAT = "kupang-layout-shared-edition"
EDITION_FILE = "edition.json"
PAGES = "pages"
CONFLICTS = "conflicts"
#: Seconds a plan change waits for another desk's plan change (each takes milliseconds).
PLAN_LOCK_WAIT = 20.0
_PLAN_KEY = "plan"
_MAX_EDITION_JSON = 8 * 1024 * 1024
_KEY_RE = re.compile(r"page-(\d{2,3})((?:\+\d{2,3})*)")


@dataclass
class SharedEdition:
    """The shared part of an edition folder: what edition.json says."""

    folder: Path
    paper: str = "Kupang Times"
    number: str = ""
    date: str = ""
    plan: FlatPlan = field(default_factory=FlatPlan)
    revision: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages_folder(self) -> Path:
        return self.folder / PAGES

    @property
    def conflicts_folder(self) -> Path:
        return self.folder / CONFLICTS

    def page_file(self, key: str) -> Path:
        return self.pages_folder / f"{key}.kpl"


def page_key(numbers: Iterable[int]) -> str:
    """The file key of a page or a group of pages: ``page-02``, ``page-01+07``."""
    ordered = sorted(set(numbers))
    if not ordered:
        raise ValueError("a page file holds at least one page")
    return "page-" + "+".join(f"{n:02d}" for n in ordered)


def key_numbers(key: str) -> list[int]:
    """The page numbers a file key names (empty when it is not a page key)."""
    m = _KEY_RE.fullmatch(key)
    if m is None:
        return []
    return [int(m.group(1)), *(int(x) for x in m.group(2).split("+") if x)]


def is_shared_edition(folder: str | os.PathLike[str]) -> bool:
    return (Path(folder) / EDITION_FILE).is_file()


def _to_json(shared: SharedEdition) -> bytes:
    document = {
        "format": FORMAT,
        "version": 1,
        "paper": shared.paper,
        "number": shared.number,
        "date": shared.date,
        "revision": shared.revision,
        "plan": plan_to_dict(shared.plan),
        **shared.extra,
    }
    return dump_json(document)


def read_shared_edition(folder: str | os.PathLike[str]) -> SharedEdition:
    """Read edition.json of a shared edition folder (checked like an edition file)."""
    root = Path(os.path.abspath(folder))
    path = root / EDITION_FILE
    file = str(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(_MAX_EDITION_JSON + 1)
    except FileNotFoundError:
        raise DocumentFileError(
            file, "not a shared edition folder (edition.json is missing)"
        ) from None
    except OSError as exc:
        raise DocumentFileError(file, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > _MAX_EDITION_JSON:
        raise DocumentFileError(file, f"larger than {_MAX_EDITION_JSON} bytes")
    data = parse_json(raw, file, EDITION_FILE, 64)
    f = Fields(data, At(file))
    if f.text("format") != FORMAT:
        raise DocumentFormatError(file, "format", f"must be {FORMAT!r}")
    f.integer("version", lo=1, hi=1)
    paper = f.text("paper", "Kupang Times", max_len=200)
    number = f.text("number", "", max_len=200)
    date = f.text("date", "", max_len=100)
    revision = f.integer("revision", 0, lo=0, hi=2**53)
    plan_value, plan_at = f.raw("plan", {})
    plan = plan_from_dict(plan_value, plan_at)
    return SharedEdition(root, paper, number, date, plan, revision, f.extra())


def create_shared_edition(
    folder: str | os.PathLike[str],
    *,
    paper: str = "Kupang Times",
    number: str = "",
    date: str = "",
    plan: FlatPlan | None = None,
) -> SharedEdition:
    """Make a new shared edition in `folder` (which may exist but must hold no edition)."""
    root = Path(os.path.abspath(folder))
    if (root / EDITION_FILE).exists():
        raise DocumentFileError(str(root / EDITION_FILE), "a shared edition exists here already")
    for sub in (root, root / PAGES, root / checkout.LOCKS, root / CONFLICTS):
        sub.mkdir(parents=True, exist_ok=True)
    shared = SharedEdition(root, paper, number, date, plan or FlatPlan(), 0)
    write_atomically(root / EDITION_FILE, _to_json(shared))
    return shared


def _plan_lock(folder: Path, holder: Holder, wait: float) -> None:
    """Take the short plan lock, waiting for another desk's change; a lock left by a dead
    process (or unrefreshed for `checkout.STALE_AFTER`) is taken over."""
    deadline = time.monotonic() + wait
    while True:
        try:
            checkout.acquire(folder, _PLAN_KEY, holder)
            return
        except PageLockedError as exc:
            if exc.stale:
                try:
                    checkout.take_over(folder, _PLAN_KEY, holder, exc.holder)
                    return
                except checkout.LockTakenError:
                    pass
            if time.monotonic() > deadline:
                raise StorageError(
                    str(folder / EDITION_FILE),
                    f"the plan is being changed by {exc.holder.user} ({exc.holder.host}); "
                    "try again in a moment",
                ) from exc
            time.sleep(0.02)


def update_plan(
    folder: str | os.PathLike[str],
    change: Callable[[SharedEdition], None],
    *,
    user: str | None = None,
    wait: float = PLAN_LOCK_WAIT,
) -> SharedEdition:
    """Change edition.json under the plan lock: read it, let `change` edit the shared
    edition in place, write it back with the next revision. Returns what was written."""
    root = Path(os.path.abspath(folder))
    holder = checkout.me(user)
    _plan_lock(root, holder, wait)
    try:
        shared = read_shared_edition(root)
        change(shared)
        shared.revision += 1
        write_atomically(root / EDITION_FILE, _to_json(shared))
        return shared
    finally:
        checkout.release(root, _PLAN_KEY, holder)


def page_files(shared: SharedEdition) -> dict[str, list[int]]:
    """The page files in the folder: key -> the page numbers it holds (by its name)."""
    out: dict[str, list[int]] = {}
    try:
        names = sorted(os.listdir(shared.pages_folder))
    except FileNotFoundError:
        return out
    for name in names:
        if not name.endswith(".kpl"):
            continue
        numbers = key_numbers(name[: -len(".kpl")])
        if numbers:
            out[name[: -len(".kpl")]] = numbers
    return out


def file_of_page(shared: SharedEdition, number: int) -> str | None:
    """The key of the page file that holds page `number`, if one does."""
    for key, numbers in page_files(shared).items():
        if number in numbers:
            return key
    return None


def load_page_file(shared: SharedEdition, key: str) -> Edition:
    """The edition a page file holds, with the shared edition's name, number, date and plan."""
    edition = load_edition(shared.page_file(key))
    edition.paper, edition.number, edition.date = shared.paper, shared.number, shared.date
    edition.plan = shared.plan
    return edition


def save_page_file(shared: SharedEdition, key: str, edition: Edition) -> Path:
    """Save a page file (the revision check refuses a change it has not seen). The plan is
    not written into page files: edition.json holds it."""
    path = shared.page_file(key)
    plan = edition.plan
    edition.plan = FlatPlan()
    try:
        save_edition(edition, path)
    finally:
        edition.plan = plan
    return path


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40] or "desk"


def keep_aside(shared: SharedEdition, key: str, edition: Edition, desk: str) -> Path:
    """Write work a save refused into ``conflicts/<key>.<desk>.<time>.kpl`` (never over
    another file there); returns where it went."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = shared.conflicts_folder / f"{key}.{_safe(desk)}.{stamp}.kpl"
    n = 2
    while target.exists():
        target = shared.conflicts_folder / f"{key}.{_safe(desk)}.{stamp}-{n}.kpl"
        n += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    plan = edition.plan
    edition.plan = FlatPlan()  # the plan lives in edition.json
    try:
        save_edition(edition, target, overwrite_changes=True)
    finally:
        edition.plan = plan
    return target
