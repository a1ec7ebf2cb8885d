"""Command-line stage: `kupang-layout templates list|show NAME|import FILE|export NAME FILE`."""

from __future__ import annotations

import argparse
import sys

from kupang_layout.cli.template_source import (
    TemplateNotFound,
    describe_template,
    find_template,
    source_label,
)
from kupang_layout.i18n import tr
from kupang_layout.model.units import to_mm
from kupang_layout.storage import StorageError, TemplateLibrary, TemplateLibraryError

EXIT_OK = 0
EXIT_USAGE = 2


def _fail(message: str) -> int:
    print(tr("cli.error", message=message), file=sys.stderr)
    return EXIT_USAGE


def _list(library: TemplateLibrary) -> int:
    infos = library.list()
    print(tr("cli.templates_header"))
    width = max((len(i.name) for i in infos), default=0)
    for info in infos:
        try:
            t = library.get(info.name)
        except StorageError:
            size = ""
        else:
            size = tr(
                "cli.template_size",
                width=f"{to_mm(t.width):.0f}",
                height=f"{to_mm(t.height):.0f}",
                columns=t.columns.count,
            )
        print(f"  {info.name:<{width}}  [{source_label(info.source)}]  {size}  {info.description}")
    for problem in library.problems:
        print(
            tr("cli.warning", message=tr("cli.templates_problem", message=str(problem))),
            file=sys.stderr,
        )
    return EXIT_OK


def _show(library: TemplateLibrary, name: str) -> int:
    try:
        found = find_template(name, library)
    except TemplateNotFound:
        return _fail(tr("cli.template_not_found", name=name))
    except StorageError as exc:
        return _fail(str(exc))
    for line in describe_template(found):
        print(line)
    return EXIT_OK


def _import(library: TemplateLibrary, path: str) -> int:
    try:
        info = library.import_file(path)
    except StorageError as exc:
        return _fail(str(exc))
    print(tr("cli.template_imported", name=info.name))
    return EXIT_OK


def _export(library: TemplateLibrary, name: str, path: str) -> int:
    try:
        library.export(name, path)
    except TemplateLibraryError as exc:
        if exc.file == name:
            return _fail(tr("cli.template_not_found", name=name))
        return _fail(str(exc))
    except StorageError as exc:
        return _fail(str(exc))
    print(tr("cli.template_exported", path=path))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    library = TemplateLibrary()
    command = args.templates_command
    if command == "list":
        return _list(library)
    if command == "show":
        return _show(library, args.name)
    if command == "import":
        return _import(library, args.file)
    if command == "export":
        return _export(library, args.name, args.file)
    return _fail(command)
