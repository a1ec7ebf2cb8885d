"""Fonts stage: registry of bundled TrueType faces and their metrics (fontTools, no Qt)."""

from kupang_layout.fonts.errors import (
    FontError,
    FontFileError,
    FontManifestError,
    FontNotFoundError,
)
from kupang_layout.fonts.metrics import (
    FontMetrics,
    Measurer,
    load_metrics,
    metrics_for,
    metrics_for_key,
)
from kupang_layout.fonts.registry import (
    FACES,
    FALLBACK_FACES,
    FaceEntry,
    FontRegistry,
    default_registry,
    face_key,
    split_face_key,
)

__all__ = [
    "FACES",
    "FALLBACK_FACES",
    "FaceEntry",
    "FontError",
    "FontFileError",
    "FontManifestError",
    "FontMetrics",
    "FontNotFoundError",
    "FontRegistry",
    "Measurer",
    "default_registry",
    "face_key",
    "load_metrics",
    "metrics_for",
    "metrics_for_key",
    "split_face_key",
]
