"""Common stage: the user's folders (data, config, cache, logs), named in this one place.

Every folder is looked up on each call, so a test that points XDG_* elsewhere
gets its own folders. Nothing here creates a folder except `ensure`.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

__all__ = [
    "APP_NAME",
    "cache_dir",
    "config_dir",
    "data_dir",
    "documents_dir",
    "ensure",
    "log_dir",
]

#: The program's folder name in the platform's per-user folders.
APP_NAME = "kupang-layout"


def data_dir() -> Path:
    """Templates, hyphenation list, recovery files (``~/.local/share/kupang-layout``)."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """Preferences and the recent-files list (``~/.config/kupang-layout``)."""
    return Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """Prepared images, compiled hyphenation patterns, per-run temporary folders."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def documents_dir() -> Path:
    """The user's documents folder (the export dialog's first suggestion lies in it)."""
    return Path(platformdirs.user_documents_dir())


def log_dir() -> Path:
    """The program's log file (details of every error a person was told about)."""
    return data_dir() / "logs"


def ensure(folder: Path) -> Path:
    """Create `folder` (and its parents) if needed and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder
