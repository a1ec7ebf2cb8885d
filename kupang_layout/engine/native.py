"""Engine stage support: which engine modules run compiled (mypyc) and whether any is stale.

setup.py compiles the engine's hot modules with mypyc when a C compiler is there; an
extension module next to its source is imported instead of it. A compiled module older
than its source runs old code, so the tests refuse to start with one (see conftest).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import pkgutil
from pathlib import Path

ENGINE_DIR = Path(__file__).resolve().parent
#: Modules outside the engine that setup.py compiles too (relative to the package).
COMPILED_ELSEWHERE = ("render/pdf/text.py",)


def _extension_of(source: Path) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = source.with_name(source.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def compiled_modules() -> list[str]:
    """Names of the engine modules that load as compiled extensions (frozen too)."""
    import kupang_layout.engine as package

    out = []
    for info in pkgutil.iter_modules(package.__path__):
        spec = importlib.util.find_spec(f"{package.__name__}.{info.name}")
        origin = spec.origin if spec is not None else None
        compiled = bool(origin) and str(origin).endswith(
            tuple(importlib.machinery.EXTENSION_SUFFIXES)
        )
        if compiled and not info.name.endswith("__mypyc"):
            out.append(info.name)
    return sorted(out)


def stale_modules() -> list[str]:
    """Compiled modules (the engine's and COMPILED_ELSEWHERE) whose source changed after
    they were compiled."""
    out = []
    others = [ENGINE_DIR.parent / name for name in COMPILED_ELSEWHERE]
    for source in [*sorted(ENGINE_DIR.glob("*.py")), *others]:
        ext = _extension_of(source)
        if ext is not None and ext.stat().st_mtime < source.stat().st_mtime:
            out.append(source.stem)
    return out


def describe() -> str:
    """One line for --version and benchmarks: compiled or pure Python."""
    names = compiled_modules()
    if not names:
        return "engine: pure Python"
    return f"engine: {len(names)} modules compiled with mypyc"
