"""Model stage: CMYK swatches (values 0..100 per ink, in percent)."""

from __future__ import annotations

from dataclasses import dataclass

REGISTRATION = "Registration"


@dataclass(frozen=True, slots=True)
class Swatch:
    """A named process colour. Percent per ink, 0..100."""

    name: str
    c: float
    m: float
    y: float
    k: float

    @property
    def total_ink(self) -> float:
        """Total area coverage in percent (sum of the four inks)."""
        return self.c + self.m + self.y + self.k

    @property
    def is_pure_black(self) -> bool:
        return self.c == 0 and self.m == 0 and self.y == 0 and self.k == 100

    @property
    def is_rich_black(self) -> bool:
        return self.k >= 90 and (self.c + self.m + self.y) > 0

    @property
    def is_paper(self) -> bool:
        return self.total_ink == 0


def default_swatches() -> dict[str, Swatch]:
    """The house swatches every new edition starts with."""
    items = [
        Swatch("Black", 0, 0, 0, 100),
        Swatch("Paper", 0, 0, 0, 0),
        Swatch(REGISTRATION, 100, 100, 100, 100),
        Swatch("KT Red", 0, 95, 85, 5),
        Swatch("KT Blue", 100, 60, 0, 10),
        Swatch("Grey 20", 0, 0, 0, 20),
        Swatch("Grey 50", 0, 0, 0, 50),
        Swatch("Banner Yellow", 0, 15, 90, 0),
    ]
    return {s.name: s for s in items}
