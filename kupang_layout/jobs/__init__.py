"""Jobs stage: the work the command line and the app share, Qt-free (below gui and cli).

A job is what a person asks for as one thing (export these pages, import this
manuscript, check this edition); both front ends call the same function here,
so nothing under `gui/` imports `cli/`. See docs/ARCHITECTURE.md.
"""
