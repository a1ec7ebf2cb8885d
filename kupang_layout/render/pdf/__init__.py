"""PDF render stage: display lists to print-ready PDF/X-1a pages with the ReportLab canvas."""

from kupang_layout.render.pdf.edition_export import export_edition, merge_proof
from kupang_layout.render.pdf.errors import ImageError, PdfExportError, PresetError
from kupang_layout.render.pdf.exporter import (
    ImageFigure,
    PageExportResult,
    page_filename,
    render_page_pdf,
    render_pages_bytes,
    write_combined_proof,
)
from kupang_layout.render.pdf.image_cache import ImageCache, default_image_cache
from kupang_layout.render.pdf.presets import (
    DEFAULT_PRESET,
    PROOF_PRESET,
    ExportPreset,
    get_preset,
    load_presets,
)

__all__ = [
    "DEFAULT_PRESET",
    "PROOF_PRESET",
    "ExportPreset",
    "ImageCache",
    "ImageError",
    "ImageFigure",
    "PageExportResult",
    "PdfExportError",
    "PresetError",
    "default_image_cache",
    "export_edition",
    "get_preset",
    "load_presets",
    "merge_proof",
    "page_filename",
    "render_page_pdf",
    "render_pages_bytes",
    "write_combined_proof",
]
