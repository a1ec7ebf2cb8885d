"""Render stage: draw the engine's display lists (pdf/ with ReportLab, qt/ with QPainter)."""
