"""Fonts stage: registry mapping (family, face) to exactly one bundled TrueType file."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from kupang_layout.fonts.errors import FontManifestError, FontNotFoundError
from kupang_layout.resources import resource_path

__all__ = [
    "FACES",
    "FALLBACK_FACES",
    "MANIFEST_NAME",
    "FaceEntry",
    "FontRegistry",
    "default_registry",
    "face_key",
    "split_face_key",
]

REGULAR: Final = "Regular"
ITALIC: Final = "Italic"
BOLD: Final = "Bold"
BOLD_ITALIC: Final = "Bold Italic"

#: The face names a family may have.
FACES: Final[tuple[str, ...]] = (REGULAR, ITALIC, BOLD, BOLD_ITALIC)

#: Substitution order used by FontRegistry.resolve() when a face is missing in a family.
#: Weight is kept before slant (a bold headline stays bold), Regular is the last resort.
FALLBACK_FACES: Final[dict[str, tuple[str, ...]]] = {
    REGULAR: (REGULAR,),
    ITALIC: (ITALIC, REGULAR),
    BOLD: (BOLD, REGULAR),
    BOLD_ITALIC: (BOLD_ITALIC, BOLD, ITALIC, REGULAR),
}

MANIFEST_NAME: Final = "fonts.json"
_KEY_SEPARATOR: Final = "/"
_ENTRY_FIELDS: Final = ("family", "face", "file", "licence")


def face_key(family: str, face: str) -> str:
    """Return the face id used in the display list, e.g. ``"PT Serif/Bold"``."""
    return f"{family}{_KEY_SEPARATOR}{face}"


def split_face_key(key: str) -> tuple[str, str]:
    """Split a face id made by face_key() back into (family, face)."""
    family, sep, face = key.rpartition(_KEY_SEPARATOR)
    if not sep or not family or not face:
        raise ValueError(f"not a face key (expected 'Family/Face'): {key!r}")
    return family, face


@dataclass(frozen=True, slots=True)
class FaceEntry:
    """One registered face: its names, its TrueType file and its licence text file."""

    family: str
    face: str
    path: Path
    licence: Path

    @property
    def key(self) -> str:
        """The face id used in the display list."""
        return face_key(self.family, self.face)


class FontRegistry:
    """Maps (family, face) to exactly one font file; faces are named as in FACES."""

    def __init__(self, entries: Iterable[FaceEntry], source: Path | None = None) -> None:
        origin = source if source is not None else Path("<registry>")
        self._entries: dict[tuple[str, str], FaceEntry] = {}
        for entry in entries:
            if entry.face not in FACES:
                raise FontManifestError(
                    origin,
                    f"family {entry.family!r}: unknown face {entry.face!r} "
                    f"(expected one of {', '.join(FACES)})",
                )
            if _KEY_SEPARATOR in entry.family or not entry.family.strip():
                raise FontManifestError(origin, f"invalid family name {entry.family!r}")
            pair = (entry.family, entry.face)
            if pair in self._entries:
                raise FontManifestError(
                    origin, f"family {entry.family!r}, face {entry.face!r} listed twice"
                )
            self._entries[pair] = entry

    @classmethod
    def from_manifest(cls, manifest: Path) -> FontRegistry:
        """Load a JSON manifest; font and licence files are relative to its folder."""
        try:
            raw = json.loads(manifest.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise FontManifestError(manifest, "file not found") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise FontManifestError(manifest, f"cannot read: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise FontManifestError(
                manifest, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from exc
        if not isinstance(raw, dict) or not isinstance(raw.get("fonts"), list):
            raise FontManifestError(manifest, "expected an object with a 'fonts' list")
        folder = manifest.parent
        entries: list[FaceEntry] = []
        for index, item in enumerate(raw["fonts"]):
            if not isinstance(item, dict):
                raise FontManifestError(manifest, f"fonts[{index}]: expected an object")
            values: dict[str, str] = {}
            for field in _ENTRY_FIELDS:
                value = item.get(field)
                if not isinstance(value, str) or not value:
                    raise FontManifestError(
                        manifest, f"fonts[{index}]: field {field!r} missing or not a string"
                    )
                values[field] = value
            entry = FaceEntry(
                family=values["family"],
                face=values["face"],
                path=folder / values["file"],
                licence=folder / values["licence"],
            )
            for label, path in (("file", entry.path), ("licence", entry.licence)):
                if not path.is_file():
                    raise FontManifestError(
                        manifest, f"fonts[{index}] ({entry.key}): {label} {path.name} not found"
                    )
            entries.append(entry)
        return cls(entries, source=manifest)

    def families(self) -> list[str]:
        """Registered family names, sorted."""
        return sorted({family for family, _ in self._entries})

    def faces(self, family: str) -> list[str]:
        """Faces registered for a family, in FACES order (empty if the family is unknown)."""
        return [face for face in FACES if (family, face) in self._entries]

    def entries(self) -> list[FaceEntry]:
        """All registered faces, sorted by family then FACES order."""
        return [
            self._entries[(family, face)]
            for family in self.families()
            for face in self.faces(family)
        ]

    def has_face(self, family: str, face: str) -> bool:
        """True if exactly this face is registered (no fallback)."""
        return (family, face) in self._entries

    def lookup(self, family: str, face: str) -> FaceEntry:
        """Return the entry for exactly this face; raise FontNotFoundError otherwise."""
        entry = self._entries.get((family, face))
        if entry is not None:
            return entry
        if family not in self.families():
            known = ", ".join(self.families()) or "none"
            raise FontNotFoundError(family, face, f"unknown family; registered: {known}")
        raise FontNotFoundError(family, face, f"family has only: {', '.join(self.faces(family))}")

    def path(self, family: str, face: str) -> Path:
        """Return the font file of exactly this face."""
        return self.lookup(family, face).path

    def lookup_key(self, key: str) -> FaceEntry:
        """Return the entry for a face id made by face_key()."""
        try:
            family, face = split_face_key(key)
        except ValueError as exc:
            raise FontNotFoundError(key, "", str(exc)) from exc
        return self.lookup(family, face)

    def resolve(self, family: str, face: str) -> FaceEntry:
        """Return the entry to use for (family, face), substituting a missing face.

        The substitution order is FALLBACK_FACES[face]; compare the returned entry's face
        with the requested one to report a substitution. An unknown family or face name
        is never substituted: it raises FontNotFoundError.
        """
        if face not in FACES:
            raise FontNotFoundError(family, face, f"face must be one of {', '.join(FACES)}")
        for candidate in FALLBACK_FACES[face]:
            entry = self._entries.get((family, candidate))
            if entry is not None:
                return entry
        return self.lookup(family, face)  # raises with a message naming what exists


@functools.cache
def default_registry() -> FontRegistry:
    """The registry of the fonts bundled in resources/fonts (loaded once)."""
    return FontRegistry.from_manifest(resource_path("fonts", MANIFEST_NAME))
