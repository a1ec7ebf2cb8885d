"""Storage stage: JSON parsing with limits (depth, size, finite numbers) and strict dumping."""

from __future__ import annotations

import copy
import json
import math
import re
from typing import Any

from kupang_layout.storage.errors import DocumentFormatError

__all__ = [
    "MAX_DEPTH",
    "check_json_value",
    "dump_json",
    "parse_json",
    "repair_strings",
    "repair_text",
]

MAX_DEPTH = 64
MAX_NUMBER_DIGITS = 40

# A JSON string (skipped whole, so brackets inside it do not count) or one bracket.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


class _Refused(ValueError):
    """Raised from inside the JSON parser's hooks."""


def _nesting_depth(text: str, limit: int) -> int:
    """The deepest bracket nesting of `text`, stopping early once past `limit`."""
    depth = deepest = 0
    for m in _TOKENS.finditer(text):
        tok = m.group()
        if tok in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif tok in ("]", "}"):
            depth -= 1
    return deepest


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not allowed (only finite numbers)")


def _parse_float(s: str) -> float:
    if len(s) > MAX_NUMBER_DIGITS + 10:
        raise _Refused(f"number {s[:20]}... is too long")
    value = float(s)
    if not math.isfinite(value):
        raise _Refused(f"number {s} is out of range")
    return value


def _parse_int(s: str) -> int:
    if len(s) > MAX_NUMBER_DIGITS:
        raise _Refused(f"number {s[:20]}... is too long")
    return int(s)


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"key {key!r} appears twice in one object")
        out[key] = value
    return out


def parse_json(raw: bytes, file: str, what: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse UTF-8 JSON; refuse NaN/Infinity, duplicate keys and nesting deeper than max_depth."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentFormatError(file, "", f"{what} is not UTF-8 text (byte {exc.start})") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    depth = _nesting_depth(text, max_depth)
    if depth > max_depth:
        raise DocumentFormatError(
            file, "", f"{what} is nested too deeply (more than {max_depth} levels)"
        )
    try:
        return json.loads(
            text,
            parse_constant=_no_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
            object_pairs_hook=_unique_pairs,
        )
    except json.JSONDecodeError as exc:
        raise DocumentFormatError(
            file, "", f"{what} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except _Refused as exc:
        raise DocumentFormatError(file, "", f"{what}: {exc}") from exc
    except RecursionError as exc:  # belt and braces: the depth scan should catch this first
        raise DocumentFormatError(file, "", f"{what} is nested too deeply") from exc


def check_json_value(value: Any, file: str, path: str, max_depth: int = MAX_DEPTH) -> None:
    """Check that `value` is plain JSON data (dict/list/str/int/float/bool/None, finite)."""
    stack: list[tuple[Any, str, int]] = [(value, path, 0)]
    while stack:
        v, p, depth = stack.pop()
        if depth > max_depth:
            raise DocumentFormatError(file, p, f"nested more than {max_depth} levels")
        if v is None or isinstance(v, bool | int | str):
            continue
        if isinstance(v, float):
            if not math.isfinite(v):
                raise DocumentFormatError(file, p, "must be a finite number")
            continue
        if isinstance(v, dict):
            for k, item in v.items():
                if not isinstance(k, str):
                    raise DocumentFormatError(file, p, f"object key {k!r} is not a string")
                stack.append((item, f"{p}.{k}" if p else k, depth + 1))
            continue
        if isinstance(v, list):
            for i, item in enumerate(v):
                stack.append((item, f"{p}[{i}]", depth + 1))
            continue
        raise DocumentFormatError(file, p, f"{type(v).__name__} is not JSON data")


def repair_text(text: str) -> str:
    """`text` with every lone UTF-16 surrogate replaced by U+FFFD (a pair kept as one
    character), so that it can always be written as UTF-8."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _needs_repair(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def repair_strings(value: Any, path: str = "") -> tuple[Any, list[str]]:
    """Plain JSON data with every string (and key) that UTF-8 cannot hold repaired.

    Returns the data (changed in place where it is a list or an object) and the
    path of every repaired value, in document order.
    """
    repaired: list[str] = []

    def walk(v: Any, p: str) -> Any:
        if isinstance(v, str):
            if _needs_repair(v):
                repaired.append(p)
                return repair_text(v)
            return v
        if isinstance(v, list):
            for i, item in enumerate(v):
                v[i] = walk(item, f"{p}[{i}]")
            return v
        if isinstance(v, dict):
            if any(_needs_repair(k) for k in v):
                fixed: dict[str, Any] = {}
                for k, item in v.items():
                    if _needs_repair(k):
                        repaired.append(f"{p}.{repair_text(k)}" if p else repair_text(k))
                        k = repair_text(k)
                    fixed[k] = item
                v.clear()
                v.update(fixed)
            for k in list(v):
                v[k] = walk(v[k], f"{p}.{k}" if p else k)
            return v
        return v

    return walk(value, path), repaired


def dump_json(document: Any) -> bytes:
    """UTF-8 JSON, one key per line (diff-friendly), NaN refused.

    Never fails on text: a string UTF-8 cannot hold (a lone surrogate) is written
    with U+FFFD in its place.
    """
    text = json.dumps(document, ensure_ascii=False, allow_nan=False, indent=1)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # repaired value by value (not the text as a whole), so two keys that differ
        # only in what was repaired cannot become one key twice in an object
        fixed, _ = repair_strings(copy.deepcopy(document))
        return json.dumps(fixed, ensure_ascii=False, allow_nan=False, indent=1).encode("utf-8")
