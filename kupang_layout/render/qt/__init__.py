"""Render stage (Qt): draw the engine's display lists with QPainter (canvas, thumbnails, PNG)."""

from kupang_layout.render.qt.bounds import item_bounds
from kupang_layout.render.qt.faces import REFERENCE_PX, QtFace, QtFaces, QtFontError, default_faces
from kupang_layout.render.qt.inks import InkColours, naive_rgb
from kupang_layout.render.qt.markers import MarkerStyle, paint_markers
from kupang_layout.render.qt.painter import (
    PagePainter,
    PaintOptions,
    changed_area,
    glyph_positions,
    item_keys,
)
from kupang_layout.render.qt.proxies import ImageProxies, bucket_for, decode_proxy
from kupang_layout.render.qt.raster import (
    RasterError,
    ensure_gui_app,
    render_page_image,
    render_page_png,
)

__all__ = [
    "REFERENCE_PX",
    "ImageProxies",
    "InkColours",
    "MarkerStyle",
    "PagePainter",
    "PaintOptions",
    "QtFace",
    "QtFaces",
    "QtFontError",
    "RasterError",
    "bucket_for",
    "changed_area",
    "decode_proxy",
    "default_faces",
    "ensure_gui_app",
    "glyph_positions",
    "item_bounds",
    "item_keys",
    "naive_rgb",
    "paint_markers",
    "render_page_image",
    "render_page_png",
]
