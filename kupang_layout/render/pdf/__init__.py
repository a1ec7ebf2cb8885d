"""PDF render stage: display lists to print-ready PDF/X-1a pages with the ReportLab canvas.

The names below are imported when first used (`common.lazy`): drawing one page
never loads pikepdf's proof merging, and a command that only reads the
presets never loads ReportLab. ReportLab's optional text shaper, uharfbuzz, is
deferred before ReportLab is first imported: the exporter places every glyph
itself and never shapes, so the native library is not loaded (`defer_module`).
"""

from typing import TYPE_CHECKING

from kupang_layout.common.lazy import defer_module, lazy_exports

defer_module("uharfbuzz")

if TYPE_CHECKING:
    from kupang_layout.render.pdf.edition_export import merge_proof
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

_EXPORTS = {
    "merge_proof": ".edition_export",
    "ImageError": ".errors",
    "PdfExportError": ".errors",
    "PresetError": ".errors",
    "ImageFigure": ".exporter",
    "PageExportResult": ".exporter",
    "page_filename": ".exporter",
    "render_page_pdf": ".exporter",
    "render_pages_bytes": ".exporter",
    "write_combined_proof": ".exporter",
    "ImageCache": ".image_cache",
    "default_image_cache": ".image_cache",
    "DEFAULT_PRESET": ".presets",
    "PROOF_PRESET": ".presets",
    "ExportPreset": ".presets",
    "get_preset": ".presets",
    "load_presets": ".presets",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

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
    "get_preset",
    "load_presets",
    "merge_proof",
    "page_filename",
    "render_page_pdf",
    "render_pages_bytes",
    "write_combined_proof",
]
