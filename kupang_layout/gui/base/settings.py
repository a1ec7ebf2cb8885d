"""GUI stage: the desk's preferences (language, units, autosave, folders, paste ...) in an ini file.

The file is ``settings.ini`` in the user's config folder
(`common.userdirs.config_dir`), read and written with QSettings in ini format,
so it is the same plain file on every system. QSettings writes it itself,
atomically (Qt's QSaveFile: temporary file, rename) and with a normal file's
mode; it is the one file the program does not write through `common.atomic`
(see docs/DECISIONS.md). The
folder is looked up each time `app_settings()` is called, so a test that points
XDG_CONFIG_HOME elsewhere gets its own file.
"""

from __future__ import annotations

import base64
import binascii
import getpass
import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from kupang_layout.common import userdirs
from kupang_layout.i18n import LANGUAGES
from kupang_layout.model.units import POINTS_PER_MM
from kupang_layout.storage.library import default_user_dir

APP_DIR_NAME = userdirs.APP_NAME
#: Overrides the autosave interval in seconds (a float; used by tests).
AUTOSAVE_ENV = "KUPANG_LAYOUT_AUTOSAVE_SECONDS"
DEFAULT_AUTOSAVE_SECONDS = 60
#: Overrides how often a shared edition folder is polled, in seconds (a float; used by tests).
SHARED_POLL_ENV = "KUPANG_LAYOUT_SHARED_POLL_SECONDS"
DEFAULT_SHARED_POLL_SECONDS = 5.0
MIN_AUTOSAVE_SECONDS = 10
MAX_AUTOSAVE_SECONDS = 3600

UNITS = ("mm", "cm", "pt")
POINTS_PER_UNIT = {"mm": POINTS_PER_MM, "cm": 10 * POINTS_PER_MM, "pt": 1.0}
UNIT_DECIMALS = {"mm": 1, "cm": 2, "pt": 1}


def config_dir() -> Path:
    return userdirs.config_dir()


def settings_path() -> Path:
    return config_dir() / "settings.ini"


def user_presets_path() -> Path:
    """The desk's own export presets (same format as the bundled file)."""
    return config_dir() / "export_presets.json"


class Settings(QObject):
    """Typed access to the preferences; `changed(key)` after each change."""

    changed = Signal(str)

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path if path is not None else settings_path()
        self.store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: str) -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def set(self, key: str, value: str | int | float | bool) -> None:
        if self.store.value(key) == str(value):
            return
        self.store.setValue(key, str(value))
        self.store.sync()
        self.changed.emit(key)

    # -- the preferences ------------------------------------------------------
    @property
    def language(self) -> str:
        code = self._get("ui/language", "")
        return code if code in LANGUAGES else ""

    @property
    def units(self) -> str:
        unit = self._get("ui/units", "mm")
        return unit if unit in UNITS else "mm"

    @property
    def autosave_seconds(self) -> float:
        """The autosave interval: the environment override, else the preference."""
        override = os.environ.get(AUTOSAVE_ENV, "").strip()
        if override:
            try:
                value = float(override)
            except ValueError:
                value = 0.0
            if value > 0:
                return value
        return float(self.autosave_preference)

    @property
    def autosave_preference(self) -> int:
        try:
            value = int(self._get("autosave/seconds", str(DEFAULT_AUTOSAVE_SECONDS)))
        except ValueError:
            return DEFAULT_AUTOSAVE_SECONDS
        return max(MIN_AUTOSAVE_SECONDS, min(MAX_AUTOSAVE_SECONDS, value))

    @property
    def template_dir(self) -> Path:
        """The folder of the desk's own page templates."""
        text = self._get("templates/user_dir", "")
        return Path(text) if text else default_user_dir()

    @property
    def desk_name(self) -> str:
        """The desk's name as colleagues see it on a locked page ('Rina'); the login name when
        none is set."""
        name = self._get("desk/name", "").strip()
        if name:
            return name
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "?"

    @property
    def plant_dir(self) -> Path | None:
        """The printing plant's folder pages are delivered into (None until the desk sets it)."""
        text = self._get("delivery/plant_dir", "").strip()
        return Path(text) if text else None

    @property
    def shared_poll_seconds(self) -> float:
        """How often a shared edition folder is looked at besides the file watcher (SMB shares
        do not report changes): the environment override, else 5 s."""
        try:
            value = float(os.environ.get(SHARED_POLL_ENV, "") or DEFAULT_SHARED_POLL_SECONDS)
        except ValueError:
            value = DEFAULT_SHARED_POLL_SECONDS
        return max(0.2, value)

    @property
    def paste_bold_italic(self) -> bool:
        """Whether bold and italic pasted from a word processor or e-mail become the house
        character styles Strong and Emphasis (on until the desk switches it off)."""
        return self._get("editing/paste_bold_italic", "true").strip().lower() in ("true", "1")

    def export_value(self, key: str, default: str = "") -> str:
        """Remembered choices of the export dialog (pages, folder, preset, pattern)."""
        return self._get("export/" + key, default)

    # -- the window as the desk left it ---------------------------------------
    def bytes_value(self, key: str) -> bytes:
        """A remembered blob (the window's geometry and dock layout), b"" when none."""
        try:
            return base64.b64decode(self._get(key, ""), validate=True)
        except (ValueError, binascii.Error):
            return b""

    def set_bytes(self, key: str, data: bytes) -> None:
        self.set(key, base64.b64encode(data).decode("ascii"))

    @property
    def zoom(self) -> float | None:
        """The zoom in percent the desk left the page at; None: fitted in the window."""
        try:
            value = float(self._get("view/zoom", "fit"))
        except ValueError:
            return None
        return value if 1.0 <= value <= 10000.0 else None

    def set_zoom(self, percent: float | None) -> None:
        self.set("view/zoom", "fit" if percent is None else f"{percent:.2f}")


_current: Settings | None = None


def app_settings() -> Settings:
    """The preferences of the running app (a new object when the config folder moved)."""
    global _current
    if _current is None or _current.path != settings_path():
        _current = Settings()
    return _current


# -- lengths in the chosen unit ------------------------------------------------
def current_unit() -> str:
    return app_settings().units


def to_unit(points: float, unit: str | None = None) -> float:
    return points / POINTS_PER_UNIT[unit or current_unit()]


def from_unit(value: float, unit: str | None = None) -> float:
    return value * POINTS_PER_UNIT[unit or current_unit()]


def format_length(points: float, unit: str | None = None) -> str:
    """'123.4 mm', '12.34 cm' or '349.8 pt'."""
    unit = unit or current_unit()
    return f"{to_unit(points, unit):.{UNIT_DECIMALS[unit]}f} {unit}"
