"""Model stage: units. Points (1/72 in) inside the model; millimetres for people."""

from __future__ import annotations

POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4
POINTS_PER_MM = POINTS_PER_INCH / MM_PER_INCH


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * POINTS_PER_MM


def to_mm(points: float) -> float:
    """Points to millimetres."""
    return points / POINTS_PER_MM


def cm(value: float) -> float:
    """Centimetres to points."""
    return value * 10.0 * POINTS_PER_MM


def to_unit(points: float, unit: str) -> float:
    """Points to a user unit: 'mm', 'cm' or 'pt'."""
    if unit == "mm":
        return to_mm(points)
    if unit == "cm":
        return to_mm(points) / 10.0
    if unit == "pt":
        return points
    raise ValueError(f"unknown unit {unit!r}")


def from_unit(value: float, unit: str) -> float:
    """A user unit ('mm', 'cm', 'pt') to points."""
    if unit == "mm":
        return mm(value)
    if unit == "cm":
        return cm(value)
    if unit == "pt":
        return value
    raise ValueError(f"unknown unit {unit!r}")
