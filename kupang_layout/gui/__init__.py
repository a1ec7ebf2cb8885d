"""GUI stage: the desktop app (all Qt widgets); edits the model only through History commands."""
