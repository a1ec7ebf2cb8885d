"""Storage stage: the JSON documents of .kpl and .kplt files: header, migration, checks."""

from __future__ import annotations

import copy
from typing import Any

from kupang_layout import __version__
from kupang_layout.model.edition import Edition
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage import migrations
from kupang_layout.storage.errors import DocumentFormatError, NewerVersionError
from kupang_layout.storage.fields import UNKNOWN_KEY, At, Fields
from kupang_layout.storage.jsonsafe import check_json_value, repair_strings
from kupang_layout.storage.load_report import LoadWarning, record_load_warnings
from kupang_layout.storage.references import check_edition, check_template
from kupang_layout.storage.serialize import (
    edition_from_dict,
    edition_to_dict,
    template_from_dict,
    template_to_dict,
)

__all__ = [
    "EDITION_FORMAT",
    "TEMPLATE_KIND",
    "edition_from_json",
    "edition_to_json",
    "template_from_json",
    "template_to_json",
    "validate_edition",
    "validate_template",
]

EDITION_FORMAT = "kupang-layout-edition"
TEMPLATE_KIND = "kupang-layout-template"
_EDITION_HEADER = ("format", "schema", "app_version", "edition")
_TEMPLATE_HEADER = ("kind", "schema", "app_version", "template")


def _header_unknown(extra: dict[str, Any]) -> dict[str, Any]:
    bag = extra.get(UNKNOWN_KEY)
    doc = bag.get("document") if isinstance(bag, dict) else None
    return doc if isinstance(doc, dict) else {}


def _with_header(known: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for k, v in _header_unknown(extra).items():
        if k not in known:
            known[k] = copy.deepcopy(v)
    return known


def edition_to_json(edition: Edition) -> dict[str, Any]:
    """The whole document.json as plain JSON data (a fresh copy, safe to keep)."""
    known: dict[str, Any] = {
        "format": EDITION_FORMAT,
        "schema": migrations.EDITION_SCHEMA,
        "app_version": __version__,
        "edition": edition_to_dict(edition),
    }
    return _with_header(known, edition.extra)


def template_to_json(template: PageTemplate) -> dict[str, Any]:
    """The whole .kplt document as plain JSON data."""
    known: dict[str, Any] = {
        "kind": TEMPLATE_KIND,
        "schema": migrations.TEMPLATE_SCHEMA,
        "app_version": __version__,
        "template": template_to_dict(template),
    }
    return _with_header(known, template.extra)


def _header(
    data: Any,
    file: str,
    tag_key: str,
    tag: str,
    what: str,
    current: int,
    steps: dict[int, migrations.Migration],
) -> dict[str, Any]:
    """Check the header, refuse newer schemas, migrate older ones; returns a private copy."""
    top = Fields(data, At(file))
    found_tag = top.data.get(tag_key)
    if found_tag != tag:
        top.at.key(tag_key).fail(f"not a Kupang Layout {what} ({tag_key} is {found_tag!r})")
    schema = top.integer("schema", lo=0, hi=1_000_000)
    app_version = top.data.get("app_version")
    if schema > current:
        raise NewerVersionError(
            file, schema, current, app_version if isinstance(app_version, str) else ""
        )
    document = copy.deepcopy(top.data)
    if schema < current:
        document = migrations.migrate(document, schema, current, steps, file)
    return document


def _keep_header_unknown(
    document: dict[str, Any], header: tuple[str, ...], extra: dict[str, Any]
) -> None:
    unknown = {k: v for k, v in document.items() if k not in header}
    if UNKNOWN_KEY in unknown:
        raise DocumentFormatError("", UNKNOWN_KEY, "is a reserved name")
    if unknown:
        bag = extra.setdefault(UNKNOWN_KEY, {})
        bag["document"] = unknown


def edition_from_json(data: Any, source_name: str) -> Edition:
    """An Edition from document.json data, fully checked. Assets read from memory.

    Raises DocumentFormatError (with `.path`) or NewerVersionError, naming
    `source_name` in the message.
    """
    document = _header(
        data,
        source_name,
        "format",
        EDITION_FORMAT,
        "edition",
        migrations.EDITION_SCHEMA,
        migrations.EDITION_MIGRATIONS,
    )
    warnings = _repair_text(document, source_name, "edition")
    top = Fields(document, At(source_name))
    value, _ = top.raw("edition")
    edition = edition_from_dict(value, At(source_name))
    check_edition(edition, At(source_name))
    try:
        _keep_header_unknown(document, _EDITION_HEADER, edition.extra)
    except DocumentFormatError as exc:
        raise DocumentFormatError(source_name, exc.path, exc.message) from None
    warnings += _repair_page_numbers(edition, source_name)
    record_load_warnings(edition, warnings)
    return edition


def _repair_text(document: dict[str, Any], file: str, body: str) -> list[LoadWarning]:
    """Lone surrogates (JSON escapes such as \\ud800) become U+FFFD; one warning each."""
    _, paths = repair_strings(document)
    prefix = body + "."
    return [
        LoadWarning(file, p[len(prefix) :] if p.startswith(prefix) else p, "storage.repaired_text")
        for p in paths
    ]


def _repair_page_numbers(edition: Edition, file: str) -> list[LoadWarning]:
    """Pages sharing a number would overwrite each other's output: when any do, every
    page is numbered by its place (as the program numbers pages), and each change told."""
    numbers = [p.number for p in edition.pages]
    shared = sorted({n for n in numbers if numbers.count(n) > 1})
    if not shared:
        return []
    listed = ", ".join(str(n) for n in shared)
    out = [
        LoadWarning(
            file,
            "pages",
            "storage.duplicate_page_numbers",
            {"numbers": listed, "count": len(numbers)},
        )
    ]
    edition.renumber_pages()
    for i, (old, page) in enumerate(zip(numbers, edition.pages, strict=True)):
        if page.number != old:
            out.append(
                LoadWarning(
                    file,
                    f"pages[{i}].number",
                    "storage.renumbered_page",
                    {"old": old, "new": page.number},
                )
            )
    return out


def template_from_json(data: Any, source_name: str) -> PageTemplate:
    """A PageTemplate from .kplt data, fully checked."""
    document = _header(
        data,
        source_name,
        "kind",
        TEMPLATE_KIND,
        "page template",
        migrations.TEMPLATE_SCHEMA,
        migrations.TEMPLATE_MIGRATIONS,
    )
    warnings = _repair_text(document, source_name, "template")
    top = Fields(document, At(source_name))
    value, _ = top.raw("template")
    template = template_from_dict(value, At(source_name))
    check_template(template, At(source_name))
    try:
        _keep_header_unknown(document, _TEMPLATE_HEADER, template.extra)
    except DocumentFormatError as exc:
        raise DocumentFormatError(source_name, exc.path, exc.message) from None
    record_load_warnings(template, warnings)
    return template


def validate_edition(edition: Edition, source_name: str = "") -> dict[str, Any]:
    """Check an edition as loading would; returns its document.json data.

    Saving calls this first, so a file is never written that could not be
    opened again.
    """
    document = edition_to_json(edition)
    check_json_value(document, source_name, "")
    edition_from_json(document, source_name)
    return document


def validate_template(template: PageTemplate, source_name: str = "") -> dict[str, Any]:
    """Check a template as loading would; returns its .kplt data."""
    document = template_to_json(template)
    check_json_value(document, source_name, "")
    template_from_json(document, source_name)
    return document
