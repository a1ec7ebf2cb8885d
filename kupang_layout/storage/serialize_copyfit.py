"""Storage stage: reading a template's `copyfit` limits (model/copyfit_rules.py), checked.

The dict is kept as stored (keys the program does not know included); the known
keys are checked for type and range and a bad one is named
(``template.copyfit.photo_max: must be <= 3``).
"""

from __future__ import annotations

from typing import Any

from kupang_layout.model.copyfit_rules import COPYFIT_STEPS
from kupang_layout.storage.fields import Fields


def copyfit_from_dict(owner: Fields, key: str) -> dict[str, Any]:
    """The `copyfit` object of a template, {} when absent."""
    value, at = owner.raw(key, None)
    if value is None:
        return {}
    f = Fields(value, at)
    order, order_at = f.raw("order", None)
    if order is not None:
        if not isinstance(order, list):
            order_at.fail("must be a list of step names")
        for i, step in enumerate(order):
            if step not in COPYFIT_STEPS:
                order_at.index(i).fail(f"must be one of {', '.join(COPYFIT_STEPS)}")
        if len(set(order)) != len(order):
            order_at.fail("names a step twice")
    f.opt_number("photo_min", lo=0.1, hi=1.0)
    f.opt_number("photo_max", lo=1.0, hi=3.0)
    f.opt_number("min_ppi", lo=72.0, hi=1200.0)
    lines, lines_at = f.raw("headline_lines", None)
    if lines is not None and not (
        isinstance(lines, list)
        and len(lines) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in lines)
        and 1 <= lines[0] <= lines[1] <= 6
    ):
        lines_at.fail("must be [fewest, most] lines, 1 to 6")
    f.opt_flag("drop_pull_quote")
    return dict(value)
