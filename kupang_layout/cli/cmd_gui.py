"""Command-line stage: `kupang-layout gui [FILE]` (and no sub-command): the desktop app."""

from __future__ import annotations

import argparse
import sys

from kupang_layout.common.heap import settle_imports
from kupang_layout.i18n import tr


def run(args: argparse.Namespace) -> int:
    try:
        from kupang_layout.gui.shell.app import run as run_app
    except ImportError as exc:
        print(tr("cli.gui_unavailable", reason=exc), file=sys.stderr)
        return 2
    if getattr(args, "settle_heap", False):  # a run of the program (see cli.main)
        settle_imports()  # the app's modules are in (see common.heap)
    return run_app(getattr(args, "file", None), getattr(args, "lang", None))
