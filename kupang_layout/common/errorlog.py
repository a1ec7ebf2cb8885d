"""Common stage: the program's log file, where the details of every reported error are kept.

Every entry point (a command of the command line, an action of the app,
autosave, a background job) that tells a person about an error also writes the
details here: what was being done, the file concerned and the traceback. The
file is ``<user data>/logs/kupang-layout.log``, rotated at 1 MB with three old
copies kept. The message the person sees names this file, so the desk can
send it to whoever looks after the program.

When the log folder cannot be written (a full or read-only disk), the log goes
to the system's temporary folder instead; when that fails too, nothing is
logged and `log_exception` returns None, so the message can say so. Logging
never raises.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from kupang_layout.common.userdirs import ensure, log_dir

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

__all__ = ["LOG_NAME", "close_log", "log_exception", "log_file"]

LOG_NAME = "kupang-layout.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
_LOGGER_NAME = "kupang_layout.errors"
_lock = threading.Lock()
_handler: RotatingFileHandler | None = None
_failed = False  # the last entry could not be written (set by the handler, under _lock)


@functools.cache
def _handler_class() -> type[RotatingFileHandler]:
    """A rotating log file that remembers a failed write instead of printing about it.

    logging.handlers (with the socket, pickle and queue modules it imports) is
    imported here, when the log is first opened: a command that logs no error
    never loads it.
    """
    from logging.handlers import RotatingFileHandler

    class _Handler(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            global _failed
            _failed = True

    return _Handler


def _candidates() -> list[Path]:
    """Where the log may go, in order: the user data folder, then the system temp folder."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return [log_dir() / LOG_NAME, Path(tempfile.gettempdir()) / f"kupang-layout-{uid}.log"]


def _open_handler() -> RotatingFileHandler | None:
    for path in _candidates():
        if path.is_symlink():
            continue  # never append through a link planted where the log goes
        try:
            ensure(path.parent)
            handler = _handler_class()(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=False
            )
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(message)s"))
        return handler
    return None


def _logger() -> tuple[logging.Logger, RotatingFileHandler | None]:
    """The error logger, writing to the log file of the current user folders."""
    global _handler
    logger = logging.getLogger(_LOGGER_NAME)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    wanted = _candidates()
    if _handler is not None and Path(_handler.baseFilename) not in wanted:
        close_log()  # the user folders moved (tests): open the log where they are now
    if _handler is None:
        _handler = _open_handler()
        if _handler is not None:
            logger.addHandler(_handler)
    return logger, _handler


def close_log() -> None:
    """Close the log file (at exit, or when the user folders change)."""
    global _handler
    handler, _handler = _handler, None
    if handler is not None:
        logging.getLogger(_LOGGER_NAME).removeHandler(handler)
        handler.close()


def log_file() -> Path:
    """The log file the messages name (where it is, or would be, written)."""
    _, handler = _logger()
    return Path(handler.baseFilename) if handler is not None else _candidates()[0]


def log_exception(exc: BaseException, where: str, file: str | None = None) -> Path | None:
    """Write `exc` with its traceback, what was being done and the file; the log's path.

    None when no log could be written. Never raises.
    """
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    header = f"ERROR in {where}" + (f" (file: {file})" if file else "")
    global _failed
    with _lock:
        try:
            logger, handler = _logger()
            if handler is None:
                return None
            _failed = False
            logger.error("%s\n%s", header, details.rstrip())
            handler.flush()
        except (OSError, ValueError):
            return None
        return None if _failed else Path(handler.baseFilename)
