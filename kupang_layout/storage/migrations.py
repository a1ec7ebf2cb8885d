"""Storage stage: schema migrations, one registered step per older schema version.

A step takes the whole document of schema N (a plain JSON dict) and returns it
as schema N+1; `migrate` runs the steps in order and sets "schema" itself. A
step is pure data work: no file access, no model objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kupang_layout.storage.errors import DocumentFormatError

__all__ = [
    "EDITION_MIGRATIONS",
    "EDITION_SCHEMA",
    "TEMPLATE_MIGRATIONS",
    "TEMPLATE_SCHEMA",
    "Migration",
    "migrate",
]

Migration = Callable[[dict[str, Any]], dict[str, Any]]

EDITION_SCHEMA = 1
TEMPLATE_SCHEMA = 1

# from-schema -> step to from-schema + 1. Schema 1 is the first published one,
# so nothing is registered yet; the next schema change adds EDITION_MIGRATIONS[1].
EDITION_MIGRATIONS: dict[int, Migration] = {}
TEMPLATE_MIGRATIONS: dict[int, Migration] = {}


def migrate(
    document: dict[str, Any], found: int, current: int, steps: dict[int, Migration], file: str
) -> dict[str, Any]:
    """Bring a document from schema `found` up to `current`."""
    version = found
    while version < current:
        step = steps.get(version)
        if step is None:
            raise DocumentFormatError(
                file,
                "schema",
                f"schema {version} is too old: this version cannot convert it "
                f"(it reads schema {min(steps, default=current)} to {current})",
            )
        try:
            document = step(document)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise DocumentFormatError(
                file, "schema", f"cannot convert from schema {version}: {exc!r}"
            ) from exc
        if not isinstance(document, dict):
            raise DocumentFormatError(
                file, "schema", f"converting from schema {version} gave no document"
            )
        version += 1
        document["schema"] = version
    return document
