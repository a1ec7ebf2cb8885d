"""PDF render stage: export presets (resolution, JPEG quality, marks, ink limit) from JSON."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from kupang_layout.model.units import mm
from kupang_layout.render.pdf.errors import PresetError
from kupang_layout.resources import resource_path

__all__ = [
    "DEFAULT_PRESET",
    "INK_CHECKS",
    "PROOF_PRESET",
    "ExportPreset",
    "InkCheck",
    "check_filename_pattern",
    "default_presets_path",
    "get_preset",
    "load_presets",
    "preset_from_dict",
    "with_filename_pattern",
]

#: The preset used when none is named: print pages for the plant.
DEFAULT_PRESET = "Koran (PDF/X-1a, 240 %)"
#: The small screen proof.
PROOF_PRESET = "Proof"

#: How the export verifies each page's total ink: 'auto' (proven from the painting where
#: it can be, Ghostscript elsewhere) or 'ghostscript' (measured on every page).
INK_CHECKS = ("auto", "ghostscript")
InkCheck = Literal["auto", "ghostscript"]

_PATTERN_SAMPLE: dict[str, Any] = {"paper": "KupangTimes", "edition": "612", "page": 3, "date": ""}


@dataclass(frozen=True, slots=True)
class ExportPreset:
    """How pages are written: PDF/X or not, image resolution and quality, marks, ink limit.

    `max_ppi` caps image resolution at the placed size (images are never upsampled);
    `min_ppi` and `good_ppi` are the thresholds below which an image's own resolution at
    its placed size is reported. `tac` is the total ink limit in percent. `ink_check`
    'ghostscript' has Ghostscript measure every page's ink (see INK_CHECKS).
    """

    name: str
    pdfx: bool = True
    max_ppi: float = 300.0
    jpeg_quality: int = 90
    marks: bool = False
    tac: float = 240.0
    bleed_mm: float = 3.0
    slug_mm: float = 12.0
    min_ppi: float = 150.0
    good_ppi: float = 200.0
    filename_pattern: str = "{paper}_{edition}_{page:02d}.pdf"
    description: str = ""
    # Not in the repr: the page's content fingerprint (jobs/fingerprint.py) hashes the
    # repr, and how the file is checked does not change the file.
    ink_check: InkCheck = field(default="auto", repr=False)

    @property
    def bleed(self) -> float:
        """Bleed in points."""
        return mm(self.bleed_mm)

    @property
    def slug(self) -> float:
        """Slug area beyond the bleed in points (0 without marks)."""
        return mm(self.slug_mm) if self.marks else 0.0

    def cache_token(self) -> str:
        """The preset fields that change a prepared image (part of the image cache key)."""
        return f"ppi={self.max_ppi:g};q={self.jpeg_quality};tac={self.tac:g}"

    def filename(self, paper: str, edition: str, page: int, date: str = "") -> str:
        """The file name of one page: the pattern filled in, paper name without spaces."""
        values = {
            "paper": "".join(paper.split()) or "Paper",
            "edition": _safe_part(edition) or "0",
            "page": page,
            "date": _safe_part(date),
        }
        return _safe_part(self.filename_pattern.format(**values), keep_dots=True)


def _safe_part(text: str, keep_dots: bool = False) -> str:
    """Drop characters that are not safe in a file name on Windows, macOS and Linux."""
    allowed = "-_+" + ("." if keep_dots else "")
    return "".join(ch for ch in text if ch.isalnum() or ch in allowed)


def default_presets_path() -> Path:
    return resource_path("presets", "export_presets.json")


def _number(source: str, name: str, key: str, value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PresetError(source, name, key, f"expected a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        raise PresetError(source, name, key, f"{value!r} is outside {low:g}..{high:g}")
    return number


def preset_from_dict(raw: object, source: str = "<preset>") -> ExportPreset:
    """Build a preset from one JSON object, validating every field."""
    if not isinstance(raw, dict):
        raise PresetError(source, "", "", "a preset must be a JSON object")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise PresetError(source, "", "name", "missing or not a non-empty string")
    known = {f.name for f in fields(ExportPreset)}
    for key in raw:
        if key not in known:
            raise PresetError(source, name, str(key), "unknown field")
    values: dict[str, Any] = {"name": name}
    for key in ("pdfx", "marks"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise PresetError(source, name, key, f"expected true or false, got {raw[key]!r}")
            values[key] = raw[key]
    ranges = {
        "max_ppi": (36.0, 2400.0),
        "tac": (100.0, 400.0),
        "bleed_mm": (0.0, 20.0),
        "slug_mm": (0.0, 40.0),
        "min_ppi": (0.0, 2400.0),
        "good_ppi": (0.0, 2400.0),
    }
    for key, (low, high) in ranges.items():
        if key in raw:
            values[key] = _number(source, name, key, raw[key], low, high)
    if "jpeg_quality" in raw:
        q = raw["jpeg_quality"]
        if isinstance(q, bool) or not isinstance(q, int) or not 1 <= q <= 100:
            raise PresetError(
                source, name, "jpeg_quality", f"expected an integer 1..100, got {q!r}"
            )
        values["jpeg_quality"] = q
    for key in ("filename_pattern", "description"):
        if key in raw:
            if not isinstance(raw[key], str):
                raise PresetError(source, name, key, f"expected a string, got {raw[key]!r}")
            values[key] = raw[key]
    if "ink_check" in raw:
        check = raw["ink_check"]
        if check not in INK_CHECKS:
            expected = " or ".join(repr(c) for c in INK_CHECKS)
            raise PresetError(source, name, "ink_check", f"expected {expected}, got {check!r}")
        values["ink_check"] = check
    preset = ExportPreset(**values)
    if preset.min_ppi > preset.good_ppi:
        raise PresetError(source, name, "min_ppi", "is greater than good_ppi")
    check_filename_pattern(preset.filename_pattern, source, name)
    return preset


def check_filename_pattern(pattern: str, source: str = "<pattern>", name: str = "") -> None:
    """Raise PresetError unless `pattern` fills in and names a PDF for each page."""
    try:
        sample = pattern.format(**_PATTERN_SAMPLE)
    except (KeyError, IndexError, ValueError) as exc:
        raise PresetError(
            source,
            name,
            "filename_pattern",
            f"{pattern!r} is not a valid pattern ({exc}); "
            "use {paper}, {edition}, {page} and {date}",
        ) from exc
    if not sample.lower().endswith(".pdf") or "{page" not in pattern:
        raise PresetError(source, name, "filename_pattern", "must contain {page} and end with .pdf")


def with_filename_pattern(preset: ExportPreset, pattern: str) -> ExportPreset:
    """The preset with another file-name pattern (checked like a preset file's)."""
    check_filename_pattern(pattern, "<pattern>", preset.name)
    return replace(preset, filename_pattern=pattern)


def load_presets(path: Path | None = None) -> dict[str, ExportPreset]:
    """All presets of a presets file (default: the bundled one), by name, in file order."""
    path = path if path is not None else default_presets_path()
    source = str(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PresetError(source, "", "", "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise PresetError(source, "", "", f"cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise PresetError(
            source, "", "", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("presets"), list):
        raise PresetError(source, "", "presets", "expected an object with a 'presets' list")
    presets: dict[str, ExportPreset] = {}
    for index, item in enumerate(raw["presets"]):
        preset = preset_from_dict(item, f"{source}: presets[{index}]")
        if preset.name in presets:
            raise PresetError(source, preset.name, "name", "listed twice")
        presets[preset.name] = preset
    if not presets:
        raise PresetError(source, "", "presets", "the list is empty")
    return presets


def get_preset(name: str | None = None, path: Path | None = None) -> ExportPreset:
    """The preset called `name` (default: the print preset)."""
    presets = load_presets(path)
    wanted = name or DEFAULT_PRESET
    preset = presets.get(wanted)
    if preset is None:
        known = ", ".join(repr(n) for n in presets)
        raise PresetError(
            str(path or default_presets_path()), wanted, "", f"no such preset; known: {known}"
        )
    return preset
