"""Common stage: packages whose public names are imported when first used (PEP 562).

A package's ``__init__`` names what it offers without importing every module behind
it, so a command imports only the modules it uses (``kupang-layout export`` never
loads the template library, nor ``preflight`` the PDF exporter):

    if TYPE_CHECKING:  # for mypy and PyInstaller, which read these imports
        from kupang_layout.storage.edition_file import load_edition, save_edition

    _EXPORTS = {"load_edition": ".edition_file", "SAVE_MESSAGES": ".messages:MESSAGES"}
    __getattr__ = lazy_exports(__name__, _EXPORTS)

A module given with a leading dot is relative to the package; ``module:attribute``
names a value kept under another name. Modules that register something when
imported (message catalogues) stay imported eagerly. The first
``from package import name`` (or ``package.name``) imports the module and keeps the
value in the package, so later look-ups cost nothing. tests/project/test_cold_imports.py checks
that every lazy package's ``__all__`` resolves and that its table and typing imports
agree.

`defer_module` does the same for a third-party module another library imports but this
program never calls: a stand-in is registered that imports it on first attribute use.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Callable, Mapping

__all__ = ["defer_module", "lazy_exports"]


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for `package` that imports ``exports[name]`` on first use.

    `exports` maps each public name to the module that defines it (``".module"`` is
    relative to `package`), optionally with ``:attribute`` when the value has another
    name there; otherwise it is looked up under the same name.
    """
    table: dict[str, tuple[str, str]] = {}
    for name, where in exports.items():
        module, _, attribute = where.partition(":")
        table[name] = (package + module if module.startswith(".") else module, attribute or name)

    def __getattr__(name: str) -> object:
        found = table.get(name)
        if found is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        # __import__ with a from-list returns the module itself; unlike
        # importlib.import_module it goes through the interpreter's import statement
        # path, so `python -X importtime` lists what a lazy name loads.
        value = getattr(__import__(found[0], fromlist=[found[1]]), found[1])
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__


def defer_module(name: str) -> None:
    """Register a stand-in for module `name` that imports it on first attribute use.

    For an optional module a library imports eagerly but this program never calls:
    ReportLab's TrueType fonts import uharfbuzz (a large native library) for text
    shaping, which the exporter never asks for, since it places every glyph itself.
    ``import name`` then binds the stand-in; its first attribute look-up imports the
    real module, which replaces the stand-in in `sys.modules` and answers every
    look-up from then on. Nothing happens when the module is already imported or not
    installed. (The standard library's `importlib.util.LazyLoader` does not serve:
    in Python 3.11 an ``import`` statement of a module already in `sys.modules` reads
    its ``__spec__``, which loads a lazy module at once.)
    """
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = types.ModuleType(name, f"{name}, imported on first use (common.lazy)")
    stand_in.__spec__ = spec

    def __getattr__(attribute: str) -> object:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[name] = stand_in
