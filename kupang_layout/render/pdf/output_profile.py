"""PDF render stage: the printing condition and its ICC output profile, for the PDF/X output intent.

Kept apart from the colour conversion (`colour_convert`, which needs Pillow's
ImageCms): a page without pictures embeds the profile without loading Pillow.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kupang_layout.render.pdf.errors import PdfExportError
from kupang_layout.resources import resource_path

__all__ = [
    "NEWSPRINT_PROFILE",
    "OUTPUT_CONDITION",
    "SRGB_PROFILE",
    "OutputCondition",
    "newsprint_profile_bytes",
    "profile_path",
]

NEWSPRINT_PROFILE = "KupangNewsprint-TR002.icc"
SRGB_PROFILE = "sRGB.icc"


@dataclass(frozen=True, slots=True)
class OutputCondition:
    """What the PDF/X output intent says about the printing condition."""

    identifier: str
    condition: str
    registry: str
    info: str


OUTPUT_CONDITION = OutputCondition(
    identifier="CGATS TR 002",
    condition="Coldset offset on newsprint (CGATS TR 002), total ink limit 240 %",
    registry="http://www.color.org",
    info="Kupang Newsprint TR002 (coldset newsprint, TAC 240 %)",
)


def profile_path(name: str) -> Path:
    """The bundled ICC profile called `name`."""
    return resource_path("icc", name)


@functools.cache
def newsprint_profile_bytes() -> bytes:
    """The bytes of the bundled CMYK newsprint output profile (embedded in the output intent)."""
    path = profile_path(NEWSPRINT_PROFILE)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PdfExportError(f"ICC profile {path}: cannot read ({exc})") from exc
