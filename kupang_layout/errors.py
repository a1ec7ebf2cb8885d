"""Shared stage: the base of every error the program reports to a person."""

from __future__ import annotations


class KupangError(Exception):
    """An error with a message meant for the user (file, line or field named)."""
