"""GUI stage: the page view: canvas, view transform, page image, overlays, tools, rulers,
in-place text editing, placing pictures. Imports only `gui.base` of the GUI."""
