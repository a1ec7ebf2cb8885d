"""Resources stage: locate the bundled resources/ folder from source or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["docs_path", "resource_path", "resources_root"]


def resources_root() -> Path:
    """Return the resources/ folder.

    Frozen by PyInstaller, data files are unpacked below ``sys._MEIPASS``; the bundle spec
    must place the folder there as ``resources``. From source (the package is installed
    editable) the folder sits next to the ``kupang_layout`` package, at the repository root.
    """
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and isinstance(bundle_dir, str):
        return Path(bundle_dir) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a file or folder below resources/, e.g. ``resource_path("fonts")``.

    The path is not checked for existence; callers report a missing file with its name.
    """
    return resources_root().joinpath(*parts)


def docs_path(*parts: str) -> Path:
    """A file below docs/ (the desk's guide, PANDUAN.md, and its images): beside resources/
    in the PyInstaller bundle (build.spec copies them), at the repository root from source."""
    return resources_root().parent.joinpath("docs", *parts)
