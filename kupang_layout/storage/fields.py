"""Storage stage: typed, range-checked reading of JSON objects, with the place named in errors."""

from __future__ import annotations

import copy
import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any, NoReturn

from kupang_layout.storage.errors import DocumentFormatError

__all__ = ["MAX_LENGTH", "REQUIRED", "UNKNOWN_KEY", "At", "Fields"]

# Reserved key in an object's `extra`: the unknown fields of its small value objects
# (rect, margins, swatches...), which have no `extra` of their own. Never in a file.
UNKNOWN_KEY = "$unknown"

# Lengths and coordinates in points are kept within +-100 000 pt (35 m).
MAX_LENGTH = 100_000.0


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class At:
    """Where a value sits: the file and the path inside the document."""

    file: str
    path: str = ""

    def key(self, name: str) -> At:
        return At(self.file, f"{self.path}.{name}" if self.path else name)

    def index(self, i: int) -> At:
        return At(self.file, f"{self.path}[{i}]")

    def fail(self, message: str) -> NoReturn:
        raise DocumentFormatError(self.file, self.path, message)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class Fields:
    """One JSON object being read. Keys not read are the object's unknown `extra`."""

    def __init__(self, value: Any, at: At) -> None:
        if not isinstance(value, dict):
            at.fail(f"must be an object, not {_type_name(value)}")
        self.data: dict[str, Any] = value
        self.at = at
        self._used: set[str] = set()

    def _get(self, key: str, default: Any) -> tuple[bool, Any]:
        """(present, value). Fails for a missing key without a default."""
        self._used.add(key)
        if key in self.data:
            return True, self.data[key]
        if default is REQUIRED:
            self.at.key(key).fail("required field is missing")
        return False, default

    def raw(self, key: str, default: Any = REQUIRED) -> tuple[Any, At]:
        """The value as it is (for nested objects and lists), with its place."""
        _, value = self._get(key, default)
        return value, self.at.key(key)

    def text(
        self,
        key: str,
        default: Any = REQUIRED,
        *,
        nonempty: bool = False,
        choices: Collection[str] | None = None,
        max_len: int = 1_000_000,
    ) -> str:
        present, value = self._get(key, default)
        if not present:
            return str(value)
        at = self.at.key(key)
        if not isinstance(value, str):
            at.fail(f"must be a string, not {_type_name(value)}")
        self._check_text(value, at, nonempty, choices, max_len)
        return value

    def opt_text(
        self,
        key: str,
        default: str | None = None,
        *,
        nonempty: bool = False,
        choices: Collection[str] | None = None,
        max_len: int = 1_000_000,
    ) -> str | None:
        present, value = self._get(key, default)
        if not present or value is None:
            return value if isinstance(value, str) else None
        at = self.at.key(key)
        if not isinstance(value, str):
            at.fail(f"must be a string or null, not {_type_name(value)}")
        self._check_text(value, at, nonempty, choices, max_len)
        return value

    @staticmethod
    def _check_text(
        value: str, at: At, nonempty: bool, choices: Collection[str] | None, max_len: int
    ) -> None:
        if nonempty and not value:
            at.fail("must not be empty")
        if len(value) > max_len:
            at.fail(f"is longer than {max_len} characters")
        if choices is not None and value not in choices:
            allowed = ", ".join(repr(c) for c in choices)
            at.fail(f"{value!r} is not one of {allowed}")

    def number(
        self,
        key: str,
        default: Any = REQUIRED,
        *,
        lo: float = -MAX_LENGTH,
        hi: float = MAX_LENGTH,
        lo_open: bool = False,
    ) -> float:
        present, value = self._get(key, default)
        if not present:
            return float(value)
        at = self.at.key(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            at.fail(f"must be a number, not {_type_name(value)}")
        return self._check_number(float(value), at, lo, hi, lo_open)

    def opt_number(
        self,
        key: str,
        *,
        lo: float = -MAX_LENGTH,
        hi: float = MAX_LENGTH,
        lo_open: bool = False,
    ) -> float | None:
        present, value = self._get(key, None)
        if not present or value is None:
            return None
        at = self.at.key(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            at.fail(f"must be a number or null, not {_type_name(value)}")
        return self._check_number(float(value), at, lo, hi, lo_open)

    @staticmethod
    def _check_number(value: float, at: At, lo: float, hi: float, lo_open: bool) -> float:
        if not math.isfinite(value):
            at.fail("must be a finite number")
        if lo_open and value <= lo:
            at.fail(f"must be > {lo:g}")
        if not lo_open and value < lo:
            at.fail(f"must be >= {lo:g}")
        if value > hi:
            at.fail(f"must be <= {hi:g}")
        return value

    def integer(
        self, key: str, default: Any = REQUIRED, *, lo: int = 0, hi: int = 1_000_000
    ) -> int:
        present, value = self._get(key, default)
        if not present:
            return int(value)
        return self._check_int(value, self.at.key(key), lo, hi)

    def opt_integer(self, key: str, *, lo: int = 0, hi: int = 1_000_000) -> int | None:
        present, value = self._get(key, None)
        if not present or value is None:
            return None
        return self._check_int(value, self.at.key(key), lo, hi)

    @staticmethod
    def _check_int(value: Any, at: At, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                at.fail(f"must be a whole number, not {_type_name(value)}")
        if value < lo:
            at.fail(f"must be >= {lo}")
        if value > hi:
            at.fail(f"must be <= {hi}")
        return int(value)

    def flag(self, key: str, default: Any = REQUIRED) -> bool:
        present, value = self._get(key, default)
        if present and not isinstance(value, bool):
            self.at.key(key).fail(f"must be true or false, not {_type_name(value)}")
        return bool(value)

    def opt_flag(self, key: str) -> bool | None:
        present, value = self._get(key, None)
        if not present or value is None:
            return None
        if not isinstance(value, bool):
            self.at.key(key).fail(f"must be true, false or null, not {_type_name(value)}")
        return value

    def items(
        self, key: str, default: Any = REQUIRED, *, max_items: int | None = None
    ) -> Iterator[tuple[Any, At]]:
        """The elements of a list field, each with its place; at most `max_items` of them."""
        present, value = self._get(key, default)
        at = self.at.key(key)
        if present and not isinstance(value, list):
            at.fail(f"must be a list, not {_type_name(value)}")
        if max_items is not None and len(value) > max_items:
            at.fail(f"has {len(value)} items; at most {max_items} are allowed")
        for i, item in enumerate(value):
            yield item, at.index(i)

    def extra(self) -> dict[str, Any]:
        """The keys this reader did not use, kept so a re-save writes them back."""
        if UNKNOWN_KEY in self.data:
            self.at.key(UNKNOWN_KEY).fail("is a reserved name")
        return {k: copy.deepcopy(v) for k, v in self.data.items() if k not in self._used}
