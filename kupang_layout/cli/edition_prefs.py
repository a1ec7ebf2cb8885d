"""Command-line stage: the desk's preferences the edition commands use, read without Qt.

The app keeps its preferences in ``settings.ini`` (QSettings, ini format) in the
user's config folder; the command line reads the two it needs, the desk's name
(``desk/name``) and the printing plant's folder (``delivery/plant_dir``), with
`configparser`. QSettings quotes a value holding a comma and doubles backslashes.
"""

from __future__ import annotations

import configparser
import getpass
from pathlib import Path

from kupang_layout.common import userdirs

__all__ = ["desk_name", "plant_dir"]


def _value(section: str, key: str) -> str:
    parser = configparser.RawConfigParser()
    try:
        parser.read(userdirs.config_dir() / "settings.ini", encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return ""
    text = parser.get(section, key, fallback="").strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return text.replace("\\\\", "\\").strip()


def desk_name(given: str | None = None) -> str:
    """The name on locks and in the delivery log: `given`, else the preference, else login."""
    if given and given.strip():
        return given.strip()
    name = _value("desk", "name")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def plant_dir(given: str | None = None) -> Path | None:
    """The printing plant's folder: `given` (--to), else the preference, else None."""
    if given:
        return Path(given)
    text = _value("delivery", "plant_dir")
    return Path(text) if text else None
