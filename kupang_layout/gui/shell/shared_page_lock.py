"""GUI stage: a shared page file's lock: checked out, a stale lock taken over, a lock lost.

Opening a page checks its file out (`storage.checkout.acquire`); a page someone
else holds opens read-only, and a stale lock can be taken over after the desk
confirms. A lock taken over by another desk while the page is open is told in
the message bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.panels.page_lock_bar import confirm_take_over, locked_text
from kupang_layout.storage import checkout
from kupang_layout.storage.checkout import Holder, LockTakenError, PageLockedError

CTX = "SharedEdition"


def check_out(
    parent: QWidget, folder: Path, key: str, holder: Holder
) -> tuple[bool, Holder | None]:
    """Lock page file `key` for `holder`: whether it is ours now, and the other desk's
    lock met on the way (None when there was none)."""
    try:
        checkout.acquire(folder, key, holder)
    except PageLockedError as exc:
        if exc.stale and confirm_take_over(parent, exc.holder):
            try:
                checkout.take_over(folder, key, holder, exc.holder)
            except (LockTakenError, PageLockedError):
                return False, exc.holder
            return True, exc.holder
        return False, exc.holder
    return True, None


def lost_lock_text(folder: Path, key: str) -> tuple[str, Holder | None]:
    """The message bar's text when our lock on `key` was taken over, and who holds it now."""
    found = checkout.current_holder(folder, key)
    text = tr(
        CTX,
        "This page was taken over by another desk: it is read-only now. "
        "Your unsaved work is kept when you save.",
    )
    if found is None:
        return text, None
    return locked_text(found[0], found[1]) + " — " + text, found[0]


def take_over_lock(
    parent: QWidget,
    folder: Path,
    key: str,
    desk: str,
    show_lock: Callable[[Holder, bool], None],
    refresh: Callable[[], None],
) -> Holder | None:
    """The message bar's Take Over: lock `key` for this desk, a stale lock taken over once
    the desk confirms; our holder, or None when the page stays the other desk's (a lock
    that is not stale is shown with `show_lock`; a take-over another desk won runs
    `refresh`)."""
    found = checkout.current_holder(folder, key)
    holder = checkout.me(desk)
    if found is None:
        checkout.acquire(folder, key, holder)
        return holder
    seen, stale = found
    if not stale:
        show_lock(seen, False)
        return None
    if not confirm_take_over(parent, seen):
        return None
    try:
        checkout.take_over(folder, key, holder, seen)
    except LockTakenError:
        refresh()
        return None
    return holder
