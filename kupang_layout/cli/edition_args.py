"""Command-line stage: the arguments of `kupang-layout edition new|plan|status|send|pack|unpack`."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_edition_parser"]


def add_edition_parser(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    """Add `edition` and its sub-commands to the sub-parsers `sub` (argparse's action)."""
    s = sub.add_parser(
        "edition", parents=[common], help="the shared edition folder: plan, status, send"
    )
    esub = s.add_subparsers(dest="edition_command", parser_class=parser_class, required=True)

    e = esub.add_parser("new", parents=[common], help="make a shared edition folder")
    e.add_argument("edition", metavar="FOLDER")
    e.add_argument("--number", required=True, help="edition number, e.g. 537")
    e.add_argument("--date", required=True, help="YYYY-MM-DD")
    e.add_argument("--pages", type=int, required=True, help="planned page count")
    e.add_argument("--paper", default="Kupang Times")

    e = esub.add_parser("plan", parents=[common], help="change the flat plan")
    e.add_argument("edition", metavar="FOLDER")
    e.add_argument("--pages", type=int, help="planned page count (renumbers nothing)")
    e.add_argument("--page", type=int, help="the page the other options are about")
    e.add_argument("--section")
    e.add_argument("--template")
    e.add_argument("--assign", metavar="NAME", help="who makes the page ('' for nobody)")
    ready = e.add_mutually_exclusive_group()
    ready.add_argument("--ready", action="store_true", default=None)
    ready.add_argument("--not-ready", dest="ready", action="store_false")
    e.add_argument("--book-ad", metavar="ID")
    e.add_argument("--advertiser")
    e.add_argument("--columns", type=int)
    e.add_argument("--depth-mm", type=float)
    e.add_argument("--size", choices=["full", "half", "quarter"])
    e.add_argument("--file", dest="ad_file", metavar="AD", help="the ad's PDF, JPEG or TIFF")
    e.add_argument("--cancel-ad", metavar="ID")
    e.add_argument("--user", help="the desk's name (default: login)")
    e.add_argument("--take-over", action="store_true", help="take over a stale page lock")

    e = esub.add_parser("status", parents=[common], help="the plan with page states")
    e.add_argument("edition", metavar="FOLDER")
    e.add_argument("--json", action="store_true")

    e = esub.add_parser("send", parents=[common], help="deliver ready pages to the plant")
    e.add_argument("edition", metavar="FOLDER")
    e.add_argument("--to", metavar="PLANT_FOLDER", help="default: the preference")
    e.add_argument("--preset", help="export preset (default: the print preset)")
    e.add_argument("--user", help="the desk's name in the delivery log (default: login)")

    e = esub.add_parser("pack", parents=[common], help="the whole edition into one .kpl")
    e.add_argument("edition", metavar="FOLDER")
    e.add_argument("-o", "--output", required=True)

    e = esub.add_parser("unpack", parents=[common], help="a .kpl into a shared edition folder")
    e.add_argument("edition", metavar="EDITION.kpl")
    e.add_argument("folder", metavar="FOLDER")
