"""Command-line stage: `kupang-layout parse MANUSCRIPT [--json]`: what the parser found."""

from __future__ import annotations

import argparse

from kupang_layout.i18n import current_language
from kupang_layout.manuscript.cli_parse import run_parse


def run(args: argparse.Namespace) -> int:
    return run_parse(args.manuscript, bool(args.json), current_language())
