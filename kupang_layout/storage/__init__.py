"""Storage stage: .kpl edition and .kplt template files: checked, migrated, saved atomically.

No Qt, no ReportLab. Every failure is a StorageError naming the file:
DocumentFileError (the file: missing, not a zip, damaged, hostile),
DocumentFormatError (the JSON, with `.path` and `.message`) and
NewerVersionError (written by a newer program).

The names are imported when first used (`common.lazy`): loading an edition never
imports the picture checks (Pillow, through `ingest`) nor the template library.
The message catalogue is imported at once: it registers the texts.
"""

from typing import TYPE_CHECKING

from kupang_layout.common.lazy import lazy_exports
from kupang_layout.storage import messages as _messages  # noqa: F401  (registers the texts)

if TYPE_CHECKING:  # for mypy and PyInstaller, which read these imports
    from kupang_layout.common.atomic import backup_path
    from kupang_layout.storage.archive import DEFAULT_LIMITS, Limits
    from kupang_layout.storage.assets import ChainAssets, PendingAssets, ZipAssetSource
    from kupang_layout.storage.document_json import (
        EDITION_FORMAT,
        TEMPLATE_KIND,
        edition_from_json,
        edition_to_json,
        template_from_json,
        template_to_json,
        validate_edition,
        validate_template,
    )
    from kupang_layout.storage.edition_file import load_edition, save_edition
    from kupang_layout.storage.errors import (
        AssetIntegrityError,
        ConcurrentChangeError,
        DocumentFileError,
        DocumentFormatError,
        EditionLockedError,
        ImageFileError,
        NewerVersionError,
        StorageError,
        TemplateLibraryError,
    )
    from kupang_layout.storage.ingest import add_asset, asset_from_bytes
    from kupang_layout.storage.library import TemplateInfo, TemplateLibrary
    from kupang_layout.storage.messages import MESSAGES as SAVE_MESSAGES
    from kupang_layout.storage.migrations import EDITION_SCHEMA, TEMPLATE_SCHEMA
    from kupang_layout.storage.revision import (
        FileRevision,
        conflict_path,
        edition_lock,
        read_revision,
        seen_revision,
    )
    from kupang_layout.storage.template_file import load_template, save_template

_EXPORTS = {
    "backup_path": "kupang_layout.common.atomic",
    "DEFAULT_LIMITS": ".archive",
    "Limits": ".archive",
    "ChainAssets": ".assets",
    "PendingAssets": ".assets",
    "ZipAssetSource": ".assets",
    "EDITION_FORMAT": ".document_json",
    "TEMPLATE_KIND": ".document_json",
    "edition_from_json": ".document_json",
    "edition_to_json": ".document_json",
    "template_from_json": ".document_json",
    "template_to_json": ".document_json",
    "validate_edition": ".document_json",
    "validate_template": ".document_json",
    "load_edition": ".edition_file",
    "save_edition": ".edition_file",
    "AssetIntegrityError": ".errors",
    "ConcurrentChangeError": ".errors",
    "DocumentFileError": ".errors",
    "DocumentFormatError": ".errors",
    "EditionLockedError": ".errors",
    "ImageFileError": ".errors",
    "NewerVersionError": ".errors",
    "StorageError": ".errors",
    "TemplateLibraryError": ".errors",
    "add_asset": ".ingest",
    "asset_from_bytes": ".ingest",
    "TemplateInfo": ".library",
    "TemplateLibrary": ".library",
    "SAVE_MESSAGES": ".messages:MESSAGES",
    "EDITION_SCHEMA": ".migrations",
    "TEMPLATE_SCHEMA": ".migrations",
    "FileRevision": ".revision",
    "conflict_path": ".revision",
    "edition_lock": ".revision",
    "read_revision": ".revision",
    "seen_revision": ".revision",
    "load_template": ".template_file",
    "save_template": ".template_file",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "DEFAULT_LIMITS",
    "EDITION_FORMAT",
    "EDITION_SCHEMA",
    "SAVE_MESSAGES",
    "TEMPLATE_KIND",
    "TEMPLATE_SCHEMA",
    "AssetIntegrityError",
    "ChainAssets",
    "ConcurrentChangeError",
    "DocumentFileError",
    "DocumentFormatError",
    "EditionLockedError",
    "FileRevision",
    "ImageFileError",
    "Limits",
    "NewerVersionError",
    "PendingAssets",
    "StorageError",
    "TemplateInfo",
    "TemplateLibrary",
    "TemplateLibraryError",
    "ZipAssetSource",
    "add_asset",
    "asset_from_bytes",
    "backup_path",
    "conflict_path",
    "edition_from_json",
    "edition_lock",
    "edition_to_json",
    "load_edition",
    "load_template",
    "read_revision",
    "save_edition",
    "save_template",
    "seen_revision",
    "template_from_json",
    "template_to_json",
    "validate_edition",
    "validate_template",
]
