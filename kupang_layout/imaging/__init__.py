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
from kupang_layout.imaging.pdfdoc import PDF_EXT, PdfFacts, is_pdf, read_pdf_facts

__all__ = [
    "DECODE_ERRORS",
    "FORMAT_EXTS",
    "MAX_PIXELS",
    "MAX_SIDE",
    "PDF_EXT",
    "REASONS",
    "ImageFacts",
    "ImagingError",
    "PdfFacts",
    "decode_upright",
    "facts_of",
    "is_pdf",
    "load",
    "open_image",
    "orientation_of",
    "read_pdf_facts",
    "reason_text",
    "sniff",
    "to_upright",
    "upright_size",
    "verify_image",
]
