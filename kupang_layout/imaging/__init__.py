"""Imaging stage: the one place pictures are opened, checked, turned upright and refused.

The names are imported when first used (`common.lazy`): a module that only names
an error or a reason (the preflight texts, the storage) never loads Pillow. The
reasons' texts are imported at once: they register themselves.
"""

from typing import TYPE_CHECKING

from kupang_layout.common.lazy import lazy_exports
from kupang_layout.imaging import messages as _messages  # noqa: F401  (registers the texts)

if TYPE_CHECKING:  # for mypy and PyInstaller, which read these imports
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

_EXPORTS = {
    "DECODE_ERRORS": ".decode",
    "FORMAT_EXTS": ".decode",
    "MAX_PIXELS": ".decode",
    "MAX_SIDE": ".decode",
    "ImageFacts": ".decode",
    "decode_upright": ".decode",
    "facts_of": ".decode",
    "load": ".decode",
    "open_image": ".decode",
    "orientation_of": ".decode",
    "sniff": ".decode",
    "to_upright": ".decode",
    "upright_size": ".decode",
    "verify_image": ".decode",
    "ImagingError": ".errors",
    "REASONS": ".messages",
    "reason_text": ".messages",
    "PDF_EXT": ".pdfdoc",
    "PdfFacts": ".pdfdoc",
    "is_pdf": ".pdfdoc",
    "read_pdf_facts": ".pdfdoc",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

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
