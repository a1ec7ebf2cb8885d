#!/usr/bin/env bash
# Build the coldset newsprint output profile (resources/icc/KupangNewsprint-TR002.icc)
# from the CGATS TR 002 characterisation data with ArgyllCMS colprof.
#
# Needs the Debian packages argyll, argyll-ref and icc-profiles-free.
# Takes about two minutes on two cores. Usage: tools/build_icc_profile.sh [output.icc]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/resources/icc/KupangNewsprint-TR002.icc}"
TI3="${TI3:-/usr/share/color/icc/TR002.ti3}"
SRGB="${SRGB:-/usr/share/color/argyll/ref/sRGB.icm}"

# The press allows 240 % total area coverage (TAC). The profile is built with a lower
# limit because the B2A tables are interpolated: measured over the whole sRGB cube, the
# relative colorimetric table overshoots the -l value by up to about 4 %. 232 % keeps
# every intent at or below 240 %. K_LIMIT is the black ink limit (percent).
TAC_TARGET=240
INK_LIMIT=232
K_LIMIT=95

for f in "$TI3" "$SRGB"; do
    if [[ ! -r "$f" ]]; then
        echo "build_icc_profile: missing input file $f" >&2
        exit 1
    fi
done
if ! command -v colprof >/dev/null 2>&1; then
    echo "build_icc_profile: colprof not found (install the argyll package)" >&2
    exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$TI3" "$WORK/TR002.ti3"

cd "$WORK"
# -qm        medium quality cLUT
# -kh        black generation: 0.5 K target
# -l / -L    total ink limit and black ink limit
# -S         gamut-map the perceptual and saturation tables from sRGB
# -cmt -dpp  viewing conditions: monitor in typical room -> practical reflection print
# -nc        do not embed the .ti3 measurement data in the profile
colprof -v -qm -kh -l"$INK_LIMIT" -L"$K_LIMIT" -S "$SRGB" -cmt -dpp -nc \
    -D "Kupang Newsprint TR002 (coldset, TAC ${TAC_TARGET}%)" \
    -C "Made with ArgyllCMS from CGATS/SNAP TR 002-2007 characterisation data" \
    -O KupangNewsprint-TR002.icc TR002

mkdir -p "$(dirname "$OUT")"
cp KupangNewsprint-TR002.icc "$OUT"
echo "build_icc_profile: wrote $OUT"
