"""Common stage: settle a process's heap once its modules are imported (`gc.freeze`).

A command or an export worker imports several hundred modules before its first page:
tens of thousands of long-lived objects (classes, functions, dataclass machinery, font
tables). CPython's cyclic collector walks all of them at every full collection, and
the first layout and PDF allocate enough to trigger several: 15 ms of a cold export of
one page went to re-walking the import heap. `gc.freeze` (Python 3.7+, meant for this:
"freeze all the objects tracked by gc" after start-up) moves what exists into a
permanent generation the collector no longer looks at; what the work allocates is
still collected as usual.
"""

from __future__ import annotations

import gc

__all__ = ["settle_imports"]


def settle_imports() -> None:
    """Call once the process has imported what its work needs, before the work."""
    gc.freeze()
