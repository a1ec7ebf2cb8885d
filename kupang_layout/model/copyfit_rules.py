"""Model stage: the copyfit limits and order a template states (stored on its pages).

A template's `copyfit` dict (and a page made from it, in `page.extra["copyfit"]`)
says how far copyfit may go and in what order it tries its steps; every key is
optional and falls back to the house default below. docs/TEMPLATES.md
describes the keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

COPYFIT_STEPS = ("headline", "pull_quote", "photo", "balance")
DEFAULT_ORDER = COPYFIT_STEPS

__all__ = ["COPYFIT_STEPS", "DEFAULT_ORDER", "CopyfitRules", "rules_from"]


@dataclass(frozen=True)
class CopyfitRules:
    """How copyfit may change a page.

    `order`: the steps in the order tried (`headline`: the headline frame takes the
    one or two lines the headline sets; `pull_quote`: the pull quote block is shown
    or, for a story too long, dropped; `photo`: the photo's height on the baseline
    grid within `photo_min`..`photo_max` of its template height and never below
    `min_ppi`; `balance`: the body chain's columns end on one baseline).
    Body size, leading and tracking are never changed.
    """

    order: tuple[str, ...] = DEFAULT_ORDER
    photo_min: float = 0.70
    photo_max: float = 1.30
    min_ppi: float = 200.0
    headline_lines: tuple[int, int] = (1, 2)
    drop_pull_quote: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "order": list(self.order),
            "photo_min": self.photo_min,
            "photo_max": self.photo_max,
            "min_ppi": self.min_ppi,
            "headline_lines": list(self.headline_lines),
            "drop_pull_quote": self.drop_pull_quote,
        }


def _number(value: Any, default: float, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return min(hi, max(lo, float(value)))


def rules_from(data: Any) -> CopyfitRules:
    """The rules a stored dict states; anything missing or unusable is the default
    (storage has validated what it read: this only guards hand-made dicts)."""
    d = data if isinstance(data, dict) else {}
    base = CopyfitRules()
    order_raw = d.get("order", base.order)
    order = tuple(
        s for s in (order_raw if isinstance(order_raw, list | tuple) else ()) if s in COPYFIT_STEPS
    )
    lines_raw = d.get("headline_lines", base.headline_lines)
    if (
        isinstance(lines_raw, list | tuple)
        and len(lines_raw) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in lines_raw)
        and 1 <= lines_raw[0] <= lines_raw[1] <= 6
    ):
        lines = (int(lines_raw[0]), int(lines_raw[1]))
    else:
        lines = base.headline_lines
    photo_min = _number(d.get("photo_min"), base.photo_min, 0.1, 1.0)
    photo_max = _number(d.get("photo_max"), base.photo_max, 1.0, 3.0)
    drop = d.get("drop_pull_quote", base.drop_pull_quote)
    return CopyfitRules(
        order=order if isinstance(order_raw, list | tuple) else base.order,
        photo_min=photo_min,
        photo_max=photo_max,
        min_ppi=_number(d.get("min_ppi"), base.min_ppi, 72.0, 1200.0),
        headline_lines=lines,
        drop_pull_quote=drop if isinstance(drop, bool) else base.drop_pull_quote,
    )
