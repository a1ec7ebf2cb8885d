"""Editing stage: the Qt-free operations of the desk on an open edition.

Model commands for frames (create, move, duplicate, arrange, lock), pages
(from templates, duplicates, photos into slots), the story text typed into an
editor, snapping and handle geometry. Everything here is plain Python on the
model, below the GUI: the app calls it, and it is tested without Qt.
"""
