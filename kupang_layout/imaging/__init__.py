"""Imaging stage: the one place pictures are opened, checked, turned upright and refused."""

from __future__ import annotations

from kupang_layout.imaging.decode import (
    DECODE_ERRORS,
    FORMAT_EXTS,
    MAX_PIXELS,
    MAX_SIDE,
    ImageFacts,
    decode_upright,
    facts_of,
    load,
    open_image,
    orientation_of,
    sniff,
    to_upright,
    upright_size,
    verify_image,
)
from kupang_layout.imaging.errors import ImagingError
from kupang_layout.imaging.messages import REASONS, reason_text

__all__ = [
    "DECODE_ERRORS",
    "FORMAT_EXTS",
    "MAX_PIXELS",
    "MAX_SIDE",
    "REASONS",
    "ImageFacts",
    "ImagingError",
    "decode_upright",
    "facts_of",
    "load",
    "open_image",
    "orientation_of",
    "reason_text",
    "sniff",
    "to_upright",
    "upright_size",
    "verify_image",
]
