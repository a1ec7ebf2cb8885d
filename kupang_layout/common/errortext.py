"""Common stage: what an error means to a person: the file, the reason, what to do.

The command line and the app turn every exception that reaches an entry point
into one message in the user's language through this module:

* `known_message(exc)`: an expected problem (a file that cannot be read or
  written, a document that breaks a rule, a full disk, no permission, too
  little memory): the file, the reason and what to do about it (a failed write,
  `FileWriteError`, in the words of `common.messages.write_error_text`);
  its texts are in the common catalogue, `common/messages.py`;
* `internal_message(exc, ...)`: anything else, a fault of the program: what
  was being done, the file, and the log file holding the details.

It reads the file from the exception's usual attributes (`file`, `filename`,
`path`) and the reason from `errno` where there is one, so it needs to import
none of the layers that raise them.
"""

from __future__ import annotations

import errno
from pathlib import Path

from kupang_layout.common.atomic import FileWriteError
from kupang_layout.common.errorlog import log_exception
from kupang_layout.common.messages import write_error_text
from kupang_layout.errors import KupangError
from kupang_layout.i18n import current_language, tr

__all__ = [
    "KNOWN",
    "describe",
    "error_file",
    "internal_message",
    "known_message",
    "log_sentence",
    "reason_text",
    "report_text",
]


_BY_ERRNO: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("reason.no_space", "advice.no_space"),
    errno.EROFS: ("reason.read_only", "advice.other_folder"),
    errno.EACCES: ("reason.permission", "advice.other_folder"),
    errno.EPERM: ("reason.permission", "advice.other_folder"),
    errno.ENOENT: ("reason.not_found", "advice.check_name"),
    errno.EISDIR: ("reason.is_folder", "advice.give_file_name"),
    errno.ENOTDIR: ("reason.not_folder", "advice.check_name"),
    errno.EIO: ("reason.io", "advice.device"),
    errno.ENAMETOOLONG: ("reason.name_too_long", "advice.shorter_name"),
}
if hasattr(errno, "EDQUOT"):
    _BY_ERRNO[errno.EDQUOT] = ("reason.no_space", "advice.no_space")


def error_file(exc: BaseException) -> str | None:
    """The file an exception names (`file`, `filename` or `path`), if any."""
    for name in ("file", "filename", "path"):
        value = getattr(exc, name, None)
        if isinstance(value, str | Path) and str(value):
            return str(value)
    return None


def _errno(exc: BaseException) -> int | None:
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        return number
    cause = exc.__cause__
    if isinstance(cause, OSError) and isinstance(cause.errno, int):
        return cause.errno
    return None


def _encode_error(exc: BaseException) -> UnicodeEncodeError | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, UnicodeEncodeError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _char(err: UnicodeEncodeError) -> str:
    bad = err.object[err.start : err.end] if isinstance(err.object, str) else ""
    return ", ".join(f"U+{ord(c):04X}" for c in bad[:3]) or "?"


def reason_text(exc: BaseException, lang: str | None = None) -> tuple[str, str]:
    """(reason, what to do) for `exc`, in `lang` (default: the current language)."""
    lang = lang or current_language()
    number = _errno(exc)
    if number in _BY_ERRNO:
        reason_key, advice_key = _BY_ERRNO[number]
        return tr(reason_key, lang), tr(advice_key, lang)
    if isinstance(exc, MemoryError):
        return tr("reason.memory", lang), tr("advice.memory", lang)
    encode = _encode_error(exc)
    if encode is not None:
        return tr("reason.encode", lang, char=_char(encode)), tr("advice.encode", lang)
    if isinstance(exc, UnicodeDecodeError):
        return tr("reason.decode", lang), tr("advice.document", lang)
    localised = getattr(exc, "message", None)
    if callable(localised):
        text = str(localised(lang))
    elif isinstance(localised, str) and localised:
        text = localised
    elif isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    else:
        text = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
    advice = "advice.document" if _is_document_problem(exc) else "advice.generic"
    return str(text).rstrip(". "), tr(advice, lang)


def _is_document_problem(exc: BaseException) -> bool:
    """A file that was read and found wrong (not a folder or disk problem)."""
    return any(c.__name__.startswith(("Document", "Newer", "Manuscript")) for c in type(exc).mro())


def known_message(exc: BaseException, lang: str | None = None, file: str | None = None) -> str:
    """The message for an expected problem: the file, the reason, what to do."""
    lang = lang or current_language()
    if isinstance(exc, FileWriteError):  # the one text for a failed write
        return write_error_text(exc, lang)
    reason, advice = reason_text(exc, lang)
    file = error_file(exc) or file
    if file:
        head = tr("boundary.problem_file", lang, file=file, reason=reason)
    else:
        head = tr("boundary.problem", lang, reason=reason)
    return f"{head} {advice}"


def internal_message(
    exc: BaseException, action: str, file: str | None, log: Path | None, lang: str | None = None
) -> str:
    """The message for a fault of the program: what was done, the file, the log file."""
    lang = lang or current_language()
    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    where = tr("boundary.internal_file", lang, file=file) if file else ""
    head = tr("boundary.internal", lang, action=action, file=where, error=error)
    return f"{head} {log_sentence(log, lang)}"


def log_sentence(log: Path | None, lang: str | None = None) -> str:
    """Where the details are (or that they could not be logged)."""
    lang = lang or current_language()
    return tr("boundary.log", lang, log=log) if log is not None else tr("boundary.no_log", lang)


#: An expected problem with a file, the disk or the document (the log is not named).
KNOWN: tuple[type[BaseException], ...] = (KupangError, OSError, UnicodeError)


def describe(
    exc: BaseException, action: str, file: str | None, log: Path | None, lang: str | None = None
) -> str:
    """The message for any exception: a known problem, too little memory, or a fault."""
    if isinstance(exc, KNOWN):
        return known_message(exc, lang, file)
    if isinstance(exc, MemoryError):
        return known_message(exc, lang, file) + " " + log_sentence(log, lang)
    return internal_message(exc, action, file, log, lang)


def report_text(
    exc: BaseException, action: str, file: str | None = None, lang: str | None = None
) -> str:
    """Log `exc` (with its traceback) and return the message for it: the one-line boundary
    for code that reports errors as text (a background job's `failed` signal, say)."""
    return describe(exc, action, file, log_exception(exc, action, file), lang)
