"""Tools stage: verify the newsprint output profile keeps sRGB conversions within the ink limit.

Converts every colour of the 8-bit sRGB cube (16.7 million colours) to CMYK through the
profile with Pillow ImageCms, for each rendering intent with and without black point
compensation, and reports the highest total area coverage (TAC). Also checks that white
maps to no ink. Exit status 1 if a limit is exceeded.

Usage: python tools/check_icc_profile.py [--limit 240] [PROFILE.icc] [SRGB.icc]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageCms, ImageMath

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROFILE = ROOT / "resources" / "icc" / "KupangNewsprint-TR002.icc"
DEFAULT_SRGB = ROOT / "resources" / "icc" / "sRGB.icc"

INTENTS = {
    "perceptual": ImageCms.Intent.PERCEPTUAL,
    "relative colorimetric": ImageCms.Intent.RELATIVE_COLORIMETRIC,
    "saturation": ImageCms.Intent.SATURATION,
}

NAMED = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "red": (255, 0, 0),
    "green": (0, 255, 0),
    "blue": (0, 0, 255),
    "50% grey": (128, 128, 128),
}


def srgb_cube() -> Image.Image:
    """A 4096 x 4096 image holding every 8-bit RGB colour exactly once."""
    size = 4096
    red_row = bytes(range(256)) * 16
    red = Image.frombytes("L", (size, size), red_row * size)
    green = Image.frombytes(
        "L", (size, size), b"".join(bytes([y % 256]) * size for y in range(size))
    )
    blue_rows = []
    for y in range(size):
        high = 16 * (y // 256)
        blue_rows.append(b"".join(bytes([high + block]) * 256 for block in range(16)))
    blue = Image.frombytes("L", (size, size), b"".join(blue_rows))
    return Image.merge("RGB", (red, green, blue))


def total_ink(cmyk: Image.Image) -> Image.Image:
    """Per-pixel C+M+Y+K as a 32-bit image (0..1020)."""
    c, m, y, k = cmyk.split()
    return ImageMath.lambda_eval(
        lambda args: args["c"] + args["m"] + args["y"] + args["k"], c=c, m=m, y=y, k=k
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", nargs="?", type=Path, default=DEFAULT_PROFILE)
    parser.add_argument("srgb", nargs="?", type=Path, default=DEFAULT_SRGB)
    parser.add_argument("--limit", type=float, default=240.0, help="TAC limit in percent")
    args = parser.parse_args()

    source = ImageCms.getOpenProfile(str(args.srgb))
    target = ImageCms.getOpenProfile(str(args.profile))
    print(f"profile: {ImageCms.getProfileDescription(target).strip()} ({args.profile.name})")
    cube = srgb_cube()
    swatch = Image.new("RGB", (len(NAMED), 1))
    swatch.putdata(list(NAMED.values()))
    ok = True
    for name, intent in INTENTS.items():
        for bpc in (False, True):
            flags = ImageCms.Flags.BLACKPOINTCOMPENSATION if bpc else ImageCms.Flags.NONE
            transform = ImageCms.buildTransform(
                source, target, "RGB", "CMYK", renderingIntent=intent, flags=flags
            )
            ink = total_ink(ImageCms.applyTransform(cube, transform))
            top = ink.getextrema()[1]
            tac = float(top) / 255 * 100
            label = f"{name}{' + BPC' if bpc else ''}"
            print(f"{label:30s} max TAC {tac:6.1f} %")
            named = ImageCms.applyTransform(swatch, transform)
            for index, colour in enumerate(NAMED):
                values = named.getpixel((index, 0))
                assert isinstance(values, tuple)
                percent = ", ".join(f"{v / 2.55:.0f}" for v in values)
                print(f"    {colour:9s} -> CMYK {percent}")
                if colour == "white" and any(values):
                    print("    white does not map to 0,0,0,0")
                    ok = False
            if tac > args.limit:
                ok = False
    print("OK" if ok else f"FAILED: limit {args.limit} % exceeded or white carries ink")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
