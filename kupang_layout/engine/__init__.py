"""Engine stage: typesetting (hyphenation, line breaking, flow into columns, display list)."""
