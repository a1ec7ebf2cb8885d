"""GUI stage: what every part of the window uses: the open edition (session), Qt translations,
preferences, icons, key helpers. Imports no other GUI package."""
