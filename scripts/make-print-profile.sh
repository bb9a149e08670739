#!/usr/bin/env bash
# Remakes assets/print/FOGRA39L-careerpress.icc, the ICC profile embedded
# in every print file's PDF/X output intent (coated offset, FOGRA39).
#
# Made with ArgyllCMS's colprof from Fogra's FOGRA39L characterisation
# data as Debian's icc-profiles-free ships it (FOGRA39L.ti3, Zlib licence):
# total ink 330 %, black up to 100 %, medium-quality A2B tables and a
# low-quality B2A (what a viewer needs to soft-proof; a print shop
# separates with its own profile). Needs: apt-get install argyll
# icc-profiles-free.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
(cd "$work" && colprof -qm -bl -nc -l 330 -L 100 -A "careerpress" \
  -D "Coated FOGRA39 (FOGRA39L data, ArgyllCMS)" \
  -C "Profile made by careerpress with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free, Zlib licence); no copyright is claimed on the profile" \
  FOGRA39L >/dev/null)
cp "$work/FOGRA39L.icc" assets/print/FOGRA39L-careerpress.icc
echo "wrote assets/print/FOGRA39L-careerpress.icc"
