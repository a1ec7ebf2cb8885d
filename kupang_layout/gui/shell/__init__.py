"""GUI stage: the application and its main window: start-up, menus and actions, what the menu
commands do, the error boundary, editions (open, save, recent, autosave, recovery). The top
of the GUI: it imports the panels, canvas and dialogs, and nothing imports it."""
