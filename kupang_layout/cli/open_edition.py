"""CLI stage: opening an edition file for a command, telling what loading repaired."""

from __future__ import annotations

import os
import sys

from kupang_layout.i18n import tr
from kupang_layout.model.edition import Edition
from kupang_layout.storage import load_edition
from kupang_layout.storage.load_report import load_warnings

__all__ = ["open_edition"]


def open_edition(path: str | os.PathLike[str]) -> Edition:
    """Load `path` (StorageError passes through) and print each repair loading made as a
    warning on stderr, so no command works on a repaired edition without saying so."""
    edition = load_edition(path)
    for warning in load_warnings(edition):
        print(tr("cli.warning", message=warning.message()), file=sys.stderr)
    return edition
