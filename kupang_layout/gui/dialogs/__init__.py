"""GUI stage: the dialogs: new edition, manuscript import, PDF export (and its thread),
preferences, hyphenation list, template gallery. Never imports the shell."""
