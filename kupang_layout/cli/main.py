"""Command-line stage: argument parsing and dispatch to the sub-command modules."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from kupang_layout import __version__
from kupang_layout.cli.edition_args import add_edition_parser
from kupang_layout.common.errorlog import log_exception
from kupang_layout.common.errortext import internal_message, known_message, log_sentence
from kupang_layout.common.heap import settle_imports
from kupang_layout.common.runtemp import clean_stale_runs
from kupang_layout.common.userdirs import APP_NAME
from kupang_layout.errors import KupangError
from kupang_layout.i18n import current_language, set_language, tr

EXIT_OK = 0
EXIT_DOCUMENT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
DEBUG_ENV = "KUPANG_LAYOUT_DEBUG"
#: Where a sub-command keeps the file it works on (for messages about unexpected errors).
_FILE_ARGS = ("edition", "manuscript", "file", "output", "png", "out", "name")

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a short message (never a traceback)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(tr("cli.error", message=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _version_text() -> str:
    from kupang_layout.engine.native import describe

    return f"Kupang Layout {__version__} ({describe()})"


class _VersionAction(argparse.Action):
    """--version: the text is made when asked for (finding the compiled modules probes the
    engine folder, some milliseconds every other command need not spend)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[object] | None,
        option_string: str | None = None,
    ) -> None:
        print(_version_text())  # on standard output, as argparse's own version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=APP_NAME, description="Kupang Layout")
    p.add_argument("--version", action=_VersionAction, help="show the version and exit")
    p.add_argument("--lang", choices=["id", "en"], help="UI language (default: id)")
    # --lang is accepted after the sub-command too; SUPPRESS keeps a sub-command
    # from overwriting a --lang given before it.
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("gui", parents=[common], help="open the desktop app")
    s.add_argument("file", nargs="?")

    s = sub.add_parser("demo", parents=[common], help="build and export the bundled sample edition")
    s.add_argument("--out", default="out")

    s = sub.add_parser(
        "parse", parents=[common], help="parse a manuscript and print what was found"
    )
    s.add_argument("manuscript")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("import", parents=[common], help="fill a template with a manuscript")
    s.add_argument("manuscript")
    s.add_argument("--template", help="template (in a shared folder: default the plan's)")
    s.add_argument("--photo")
    s.add_argument("--headline")
    s.add_argument("--date")
    s.add_argument("--edition")
    s.add_argument("--page", type=int)
    s.add_argument("--slot", help="slot group to fill (default: main)")
    s.add_argument(
        "--no-fit", action="store_true", help="leave the page unfitted (no copyfit, no layout)"
    )
    s.add_argument("-o", "--output", help="the edition file (not with a shared --edition FOLDER)")
    s.add_argument("--user", help="the desk's name on the page's lock (default: login)")
    s.add_argument("--take-over", action="store_true", help="take over a stale page lock")

    s = sub.add_parser("export", parents=[common], help="export print-ready PDFs")
    s.add_argument("edition")
    s.add_argument("--out", default="out")
    s.add_argument("--pages")
    s.add_argument("--preset")
    s.add_argument("--combined", action="store_true")
    s.add_argument("--force", action="store_true")
    s.add_argument(
        "--all", action="store_true", help="export again the pages unchanged since the last export"
    )
    s.add_argument(
        "--ink-check",
        choices=["auto", "ghostscript"],
        default="auto",
        help="how each page's total ink is verified: auto (proven from the page where it can "
        "be, else measured by Ghostscript; a preset may ask for Ghostscript) or ghostscript "
        "(measured on every page)",
    )

    s = sub.add_parser("preflight", parents=[common], help="check an edition for print problems")
    s.add_argument("edition")
    s.add_argument("--pdf")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("render", parents=[common], help="render a page to PNG")
    s.add_argument("edition")
    s.add_argument("--page", type=int, default=1)
    s.add_argument("--png", required=True)
    s.add_argument("--dpi", type=float, default=150.0)
    s.add_argument("--backend", choices=["qt", "pdf"], default="qt")

    s = sub.add_parser("typeset-report", parents=[common], help="line-breaking quality per story")
    s.add_argument("edition")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("templates", parents=[common], help="the template library")
    tsub = s.add_subparsers(dest="templates_command", parser_class=_Parser, required=True)
    tsub.add_parser("list", parents=[common])
    t = tsub.add_parser("show", parents=[common])
    t.add_argument("name")
    t = tsub.add_parser("import", parents=[common])
    t.add_argument("file")
    t = tsub.add_parser("export", parents=[common])
    t.add_argument("name")
    t.add_argument("file")

    add_edition_parser(sub, common, _Parser)
    return p


def _handler(command: str) -> Handler | None:
    """The sub-command's `run` from kupang_layout.cli.cmd_<command>, if built."""
    module_name = "kupang_layout.cli.cmd_" + command.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    run: Handler = module.run
    return run


def _document_error_types() -> tuple[type[BaseException], ...]:
    """Errors of a document that was read but breaks a rule of the model (exit 1)."""
    from kupang_layout.model import CommandError
    from kupang_layout.model.assets import MissingAssetError
    from kupang_layout.model.styles import StyleError

    return (CommandError, MissingAssetError, StyleError)


def _command_file(args: argparse.Namespace) -> str | None:
    for name in _FILE_ARGS:
        value = getattr(args, name, None)
        if isinstance(value, str) and value:
            return value
    return None


def _debug() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0")


def _report(exc: BaseException, command: str, args: argparse.Namespace) -> int:
    """The command line's error boundary: any exception -> a message, a log entry, an exit code.

    Known problems (the program's own errors, files that cannot be read or written)
    name the file and say what to do: exit 2, or 1 for a document that breaks a rule
    of the model. Anything else (a fault of the program, or too little memory): exit
    3, with the log file named. The traceback goes to the log (and
    to stderr with KUPANG_LAYOUT_DEBUG=1), never to the person otherwise.
    """
    file = _command_file(args)
    log = log_exception(exc, f"kupang-layout {command}", file)
    if _debug():
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    lang = current_language()
    if isinstance(exc, KupangError | OSError):
        print(tr("cli.error", message=known_message(exc, lang)), file=sys.stderr)
        return EXIT_USAGE
    if isinstance(exc, _document_error_types()):
        print(tr("cli.error", message=known_message(exc, lang, file)), file=sys.stderr)
        return EXIT_DOCUMENT_ERRORS
    if isinstance(exc, MemoryError):
        text = tr(
            "cli.error", message=known_message(exc, lang, file) + " " + log_sentence(log, lang)
        )
    else:  # "Internal error while ...": a sentence of its own
        action = tr("boundary.command", lang, command=command)
        text = internal_message(exc, action, file, log, lang)
    print(text, file=sys.stderr)
    return EXIT_INTERNAL


def _opens_a_file(argv: Sequence[str]) -> bool:
    """`kupang-layout FILE.kpl` (or a shared edition folder) as its only argument: what a
    double-click on an edition file passes. It opens the app on that file."""
    if len(argv) != 1 or argv[0].startswith("-"):
        return False
    path = Path(argv[0])
    return (path.suffix.lower() == ".kpl" and path.is_file()) or (path / "edition.json").is_file()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    if _opens_a_file(given):
        given = ["gui", *given]
    args = parser.parse_args(given)
    set_language(args.lang or "")
    command = args.command or "gui"
    if args.command is None:
        args.file = None
    try:
        clean_stale_runs()  # temporary folders of runs that were killed
        handler = _handler(command)
        # A run of the program (not a call from a test or a script, whose heap is
        # theirs): the command's modules are in, the collector need not walk them again.
        args.settle_heap = argv is None
        if args.settle_heap:
            settle_imports()
        if handler is None:
            print(tr("cli.not_available", command=command), file=sys.stderr)
            return EXIT_USAGE
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the command line's one error boundary: anything at all
        return _report(exc, command, args)


if __name__ == "__main__":
    sys.exit(main())
