"""PDF render stage: the ink of a prepared picture's JPEG as decoded (for the page's ink bound).

The figures are those of the samples a PDF reader decodes from the very JPEG that is
embedded, compression ringing included: the most of each plate, from each band's
extremes, and the most total C+M+Y+K of any pixel. The total is found exactly without
summing every pixel in 32 bits: a quarter total in 8 bits (three halving additions,
each rounding down, so it reads at most one step low: 4q <= total <= 4q + 4) points out
the candidates, the pixels within one step of its maximum (the pixel with the greatest
total is among them), and only the rows of the picture holding candidates are summed
exactly, a band at a time.
"""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageMath

__all__ = ["jpeg_ink"]

Figures = tuple[float, float, float, float, float]

#: Rows summed exactly at a time (a 32-bit copy of each plate for that many rows).
BAND_ROWS = 64


def _extreme(image: Image.Image, which: int) -> int:
    """The lowest (0) or highest (1) value of a one-band image."""
    value = image.getextrema()[which]
    if not isinstance(value, int | float):
        raise ValueError(f"expected one band, got {image.mode}")
    return int(value)


def _exact_most(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """The greatest C+M+Y+K (0..1020) of the pixels of a CMYK image inside `box`."""
    c, m, y, k = (band.convert("I") for band in image.crop(box).split())
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k)
    assert isinstance(total, Image.Image)
    return _extreme(total, 1)


def most_total(image: Image.Image) -> int:
    """The greatest C+M+Y+K (0..1020) of any pixel of a CMYK image."""
    c, m, y, k = image.split()
    quarter = ImageChops.add(ImageChops.add(c, m, 2.0), ImageChops.add(y, k, 2.0), 2.0)
    top = _extreme(quarter, 1)
    threshold = max(0, top - 1)
    candidates = quarter.point([255 if v >= threshold else 0 for v in range(256)])
    found = candidates.getbbox()
    if found is None:
        return 0
    left, upper, right, lower = found
    most = 4 * top  # the pixel with the quarter's maximum has at least this
    for row in range(upper, lower, BAND_ROWS):
        band = (left, row, right, min(lower, row + BAND_ROWS))
        inside = candidates.crop(band).getbbox()
        if inside is None:
            continue
        box = (left + inside[0], row + inside[1], left + inside[2], row + inside[3])
        most = max(most, _exact_most(image, box))
    return most


def jpeg_ink(data: bytes) -> Figures | None:
    """The most of each plate and the most total ink (percent) of a JPEG, decoded as a PDF
    reader decodes it: CMYK as it is, grey as black only (Ghostscript's grey to K).
    None for any other kind of picture."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        if image.mode == "L":
            black = (255 - _extreme(image, 0)) / 2.55
            return (0.0, 0.0, 0.0, black, black)
        if image.mode != "CMYK":
            return None
        extremes = image.getextrema()  # one pass: (low, high) of each plate
        tops = [int(band[1]) if isinstance(band, tuple) else 0 for band in extremes]
        most = most_total(image) if sum(tops) > 0 else 0
    return (tops[0] / 2.55, tops[1] / 2.55, tops[2] / 2.55, tops[3] / 2.55, most / 2.55)
