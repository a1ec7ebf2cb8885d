"""Model stage: short unique ids for pages, frames and stories."""

from __future__ import annotations

import uuid


def new_id(prefix: str) -> str:
    """A new id such as 'f-3c9a1e20b4d1'."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"
