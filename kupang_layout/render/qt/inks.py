"""Render stage (Qt): CMYK inks to screen colours (naive, or proofed through the ICC profile)."""

from __future__ import annotations

from PIL import Image, ImageCms
from PySide6.QtGui import QColor

from kupang_layout.engine.displaylist import Ink
from kupang_layout.resources import resource_path

NEWSPRINT_PROFILE = ("icc", "KupangNewsprint-TR002.icc")
SRGB_PROFILE = ("icc", "sRGB.icc")


def naive_rgb(c: float, m: float, y: float, k: float) -> tuple[int, int, int]:
    """The textbook conversion: each ink subtracts its primary; black darkens all."""

    def channel(ink: float) -> int:
        v = 255.0 * (1.0 - min(100.0, max(0.0, ink)) / 100.0)
        v *= 1.0 - min(100.0, max(0.0, k)) / 100.0
        return round(v)

    return channel(c), channel(m), channel(y)


class InkColours:
    """CMYK ink -> QColor, cached per ink value.

    `proof=False` uses the naive conversion (crisp black text on white, what the
    desk wants while building pages). `proof=True` soft-proofs through the
    newsprint output profile (relative colorimetric, so paper stays white and
    100 % K looks like newsprint black).
    """

    def __init__(self, proof: bool = False) -> None:
        self.proof = proof
        self._cache: dict[tuple[float, float, float, float, bool], QColor] = {}
        self._transform: ImageCms.ImageCmsTransform | None = None

    def _icc(self) -> ImageCms.ImageCmsTransform:
        if self._transform is None:
            src = ImageCms.getOpenProfile(str(resource_path(*NEWSPRINT_PROFILE)))
            dst = ImageCms.getOpenProfile(str(resource_path(*SRGB_PROFILE)))
            self._transform = ImageCms.buildTransform(
                src,
                dst,
                "CMYK",
                "RGB",
                renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            )
        return self._transform

    def rgb(self, c: float, m: float, y: float, k: float) -> tuple[int, int, int]:
        if not self.proof:
            return naive_rgb(c, m, y, k)
        px = tuple(round(max(0.0, min(100.0, v)) * 2.55) for v in (c, m, y, k))
        img = Image.new("CMYK", (1, 1), px)
        out = ImageCms.applyTransform(img, self._icc())
        assert out is not None
        r, g, b = out.getpixel((0, 0))  # type: ignore[misc]
        return int(r), int(g), int(b)

    def colour(self, ink: Ink) -> QColor:
        key = (ink.c, ink.m, ink.y, ink.k, self.proof)
        got = self._cache.get(key)
        if got is None:
            got = QColor(*self.rgb(ink.c, ink.m, ink.y, ink.k))
            self._cache[key] = got
        return got
