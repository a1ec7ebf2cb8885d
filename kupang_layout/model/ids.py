"""Model stage: short unique ids for pages, frames and stories."""

from __future__ import annotations

import os


def new_id(prefix: str) -> str:
    """A new id such as 'f-3c9a1e20b4d1': 48 random bits (as the first twelve hex digits
    of a version-4 UUID were; `uuid` itself costs every command 2 ms to import)."""
    return f"{prefix}-{os.urandom(6).hex()}"
