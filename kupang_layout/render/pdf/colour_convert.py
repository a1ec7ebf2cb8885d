"""PDF render stage: colour management: ICC conversion to newsprint CMYK and total ink limits."""

from __future__ import annotations

import functools
import hashlib
import io
import math
import threading

from PIL import Image, ImageChops, ImageCms, ImageMath

from kupang_layout.render.pdf.errors import PdfExportError
from kupang_layout.render.pdf.output_profile import (
    NEWSPRINT_PROFILE,
    SRGB_PROFILE,
    newsprint_profile_bytes,
    profile_path,
)

__all__ = ["apply_ink_limit", "ink_over_limit", "to_newsprint_cmyk"]

_lock = threading.Lock()


@functools.cache
def _newsprint() -> ImageCms.ImageCmsProfile:
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(newsprint_profile_bytes()))
    except (OSError, ImageCms.PyCMSError) as exc:
        raise PdfExportError(
            f"ICC profile {NEWSPRINT_PROFILE}: not a usable profile ({exc})"
        ) from exc


@functools.cache
def _srgb() -> ImageCms.ImageCmsProfile:
    path = profile_path(SRGB_PROFILE)
    try:
        return ImageCms.ImageCmsProfile(str(path))
    except (OSError, ImageCms.PyCMSError):
        # The bundled file is the standard sRGB profile; lcms builds an equivalent one.
        return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


_transforms: dict[tuple[str, str, ImageCms.Intent], ImageCms.ImageCmsTransform] = {}


def _transform(
    source: ImageCms.ImageCmsProfile, source_key: str, in_mode: str, intent: ImageCms.Intent
) -> ImageCms.ImageCmsTransform:
    """A cached transform from `source` to the newsprint profile."""
    key = (source_key, in_mode, intent)
    with _lock:
        found = _transforms.get(key)
        if found is None:
            flags = ImageCms.Flags.BLACKPOINTCOMPENSATION
            found = ImageCms.buildTransform(
                source, _newsprint(), in_mode, "CMYK", renderingIntent=intent, flags=flags
            )
            _transforms[key] = found
        return found


def _embedded_profile(
    icc: bytes | None, colour_space: str
) -> tuple[ImageCms.ImageCmsProfile, str] | None:
    """The image's own ICC profile when it is valid and matches the image's colour space."""
    if not icc:
        return None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return None
    if profile.profile.xcolor_space.strip() != colour_space:
        return None
    return profile, hashlib.sha256(icc).hexdigest()


def _apply(image: Image.Image, transform: ImageCms.ImageCmsTransform) -> Image.Image:
    result = ImageCms.applyTransform(image, transform)
    assert result is not None  # None only when converting in place
    return result


def to_newsprint_cmyk(
    image: Image.Image, icc: bytes | None, tac: float, notes: list[str]
) -> Image.Image:
    """Convert an RGB, Lab or CMYK image to newsprint CMYK with total ink <= `tac` percent.

    RGB goes through its embedded profile (sRGB when it has none) to the newsprint
    profile, perceptual intent. CMYK with an embedded profile other than ours is converted
    colorimetrically; CMYK without one is taken as already meant for newsprint and only
    pixels over the ink limit are changed. The result is checked for total ink in every case.
    """
    mode = image.mode
    if mode == "RGB":
        own = _embedded_profile(icc, "RGB")
        source, key = own if own is not None else (_srgb(), "sRGB")
        image = _apply(image, _transform(source, key, "RGB", ImageCms.Intent.PERCEPTUAL))
        if own is not None:
            notes.append("converted from its embedded RGB profile to newsprint CMYK")
        else:
            notes.append("converted from sRGB to newsprint CMYK")
    elif mode == "LAB":
        lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB"))
        image = _apply(image, _transform(lab, "LAB", "LAB", ImageCms.Intent.PERCEPTUAL))
        notes.append("converted from Lab to newsprint CMYK")
    elif mode == "CMYK":
        own = _embedded_profile(icc, "CMYK")
        if own is not None and icc != newsprint_profile_bytes():
            transform = _transform(own[0], own[1], "CMYK", ImageCms.Intent.RELATIVE_COLORIMETRIC)
            image = _apply(image, transform)
            notes.append("converted from its embedded CMYK profile to newsprint CMYK")
    else:
        raise ValueError(f"to_newsprint_cmyk: unsupported mode {mode}")
    if ink_over_limit(image, tac):
        image = apply_ink_limit(image, tac)
        notes.append(f"total ink limited to {tac:g} %")
    return image


def _quarter_total(image: Image.Image) -> Image.Image:
    """Total ink of a CMYK image divided by four, as an 8-bit image (255 = 400 %)."""
    c, m, y, k = image.split()
    return ImageChops.add(ImageChops.add(c, m, 2.0), ImageChops.add(y, k, 2.0), 2.0)


def ink_over_limit(image: Image.Image, tac: float) -> bool:
    """True when some pixel of a CMYK image may carry more than `tac` percent of ink.

    Works on a quarter-scale total in whole steps, which reads up to 1.5 steps low, so the
    threshold is lowered by that much: the answer may be a false alarm (apply_ink_limit
    then changes nothing) but never misses a pixel over the limit.
    """
    histogram = _quarter_total(image).histogram()
    first_suspect = max(0, math.floor(tac * 255.0 / 400.0 - 1.5))
    return any(histogram[first_suspect:])


def apply_ink_limit(image: Image.Image, tac: float) -> Image.Image:
    """Scale down cyan, magenta and yellow where C+M+Y+K exceeds `tac` percent; K is kept.

    Keeping black holds the detail and the neutral axis; pixels within the limit are
    unchanged. Values are 8-bit (255 = 100 %).
    """
    limit = tac * 2.55
    c, m, y, k = image.split()

    def scaled(channel: Image.Image) -> Image.Image:
        def expression(a: dict[str, object]) -> object:
            fl = a["float"]
            mn = a["min"]
            mx = a["max"]
            cmy = fl(a["c"]) + fl(a["m"]) + fl(a["y"])  # type: ignore[operator]
            room = mx(limit - fl(a["k"]), 0.0)  # type: ignore[operator]
            factor = mn(room / mx(cmy, 1.0), 1.0)  # type: ignore[operator]
            # Converting float to 8-bit truncates, so the limit holds after quantisation.
            return a["convert"](fl(a["v"]) * factor, "L")  # type: ignore[operator]

        result = ImageMath.lambda_eval(expression, c=c, m=m, y=y, k=k, v=channel)
        assert isinstance(result, Image.Image)
        return result

    return Image.merge("CMYK", (scaled(c), scaled(m), scaled(y), k))
