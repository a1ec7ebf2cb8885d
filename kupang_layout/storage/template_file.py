"""Storage stage: the .kplt page template file: one JSON document, no images."""

from __future__ import annotations

import os
from pathlib import Path

from kupang_layout.common.atomic import write_atomically
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage.archive import DEFAULT_LIMITS, Limits
from kupang_layout.storage.document_json import template_from_json, validate_template
from kupang_layout.storage.errors import DocumentFileError, DocumentFormatError
from kupang_layout.storage.jsonsafe import dump_json, parse_json

__all__ = ["load_template", "save_template"]

_ZIP_MAGIC = b"PK\x03\x04"


def _read_limited(p: Path, limit: int) -> bytes:
    file = str(p)
    try:
        if p.is_dir():
            raise DocumentFileError(file, "is a folder, not a template file")
        with open(p, "rb") as stream:
            raw = stream.read(limit + 1)
    except FileNotFoundError:
        raise DocumentFileError(file, "file not found") from None
    except OSError as exc:
        raise DocumentFileError(file, f"cannot read the file: {exc.strerror or exc}") from exc
    if not raw:
        raise DocumentFileError(file, "the file is empty (0 bytes)")
    if len(raw) > limit:
        raise DocumentFileError(file, f"the file is larger than {limit} bytes")
    if raw.startswith(_ZIP_MAGIC):
        raise DocumentFileError(file, "this is a zip archive (an edition?), not a page template")
    return raw


def load_template(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> PageTemplate:
    """Read and fully check a .kplt page template."""
    p = Path(os.path.abspath(path))
    raw = _read_limited(p, limits.max_document_size)
    data = parse_json(raw, str(p), "the template", limits.max_json_depth)
    return template_from_json(data, str(p))


def save_template(
    template: PageTemplate, path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> None:
    """Save a page template atomically (checked first as loading would check it)."""
    target = Path(os.path.abspath(path))
    document = validate_template(template, str(target))
    raw = dump_json(document)
    if len(raw) > limits.max_document_size:
        raise DocumentFormatError(
            str(target),
            "",
            f"the template would be {len(raw)} bytes (at most {limits.max_document_size})",
        )

    write_atomically(target, raw, follow_symlink=True)  # FileWriteError names file and reason
