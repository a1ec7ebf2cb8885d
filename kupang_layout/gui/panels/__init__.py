"""GUI stage: the docks beside the page: pages (and thumbnails), properties, preflight, story
editor. Imports `gui.base` and `gui.canvas` of the GUI, never the shell or the dialogs."""
