"""Build step: compile the typesetting engine's hot modules with mypyc (optional).

The engine is plain, strictly typed Python; mypyc (part of mypy) turns the listed
modules into C extensions that run the same code about twice as fast. Besides the
engine's hot modules, the PDF renderer's text writer (every word of a page as PDF
operators) is compiled the same way. Each extension is optional: without a C
compiler, or with KUPANG_LAYOUT_PURE=1, the package installs as pure Python and
behaves the same, only slower. See docs/DECISIONS.md.
"""

from __future__ import annotations

import os

from setuptools import setup

NATIVE_MODULES = [
    "kupang_layout/engine/displaylist.py",
    "kupang_layout/engine/lines.py",
    "kupang_layout/engine/linebreak_items.py",
    "kupang_layout/engine/linebreak_sums.py",
    "kupang_layout/engine/linebreak_measure.py",
    "kupang_layout/engine/linebreak_draft.py",
    "kupang_layout/engine/linebreak.py",
    "kupang_layout/engine/compose_rules.py",
    "kupang_layout/engine/compose_items.py",
    "kupang_layout/engine/compose_set.py",
    "kupang_layout/engine/compose.py",
    "kupang_layout/engine/flow.py",
    "kupang_layout/engine/layout_text.py",
    # Resolved styles by chain: asked for every paragraph a layout composes.
    "kupang_layout/engine/style_cache.py",
    # Hyphenation: Liang's pattern search and the house rules, for the first sight of a word.
    "kupang_layout/engine/hyphenate_lists.py",
    "kupang_layout/engine/hyphenate_patterns.py",
    "kupang_layout/engine/hyphenate.py",
    # Outside the engine (engine/native.py lists these too, for the stale check):
    "kupang_layout/render/pdf/text.py",
]


def native_extensions() -> list[object]:
    if os.environ.get("KUPANG_LAYOUT_PURE") == "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        extensions = mypycify(
            NATIVE_MODULES, opt_level="3", group_name="kupang_layout.engine._native"
        )
    except (Exception, SystemExit) as exc:  # mypyc could not translate: stay pure Python
        print(f"warning: the engine is not compiled ({exc!r}); installing pure Python")
        return []
    for ext in extensions:
        ext.optional = True  # no C compiler: install as pure Python
    return list(extensions)


setup(ext_modules=native_extensions())
