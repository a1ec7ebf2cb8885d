"""Jobs stage: the page list a person types (`1,3-5`), read the same by the CLI and the app."""

from __future__ import annotations

__all__ = ["parse_pages"]


def parse_pages(spec: str) -> list[int]:
    """'1,3-5' -> [1, 3, 4, 5]; raises ValueError on anything else."""
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, _, b = part.partition("-")
            lo, hi = int(a), int(b)
            if lo < 1 or hi < lo:
                raise ValueError(spec)
            out.extend(range(lo, hi + 1))
        else:
            n = int(part)
            if n < 1:
                raise ValueError(spec)
            out.append(n)
    return sorted(set(out))
