#!/usr/bin/env bash
# Draw build/appicon.png (1024x1024): a rounded square in a warm gradient with a white speech
# bubble. Needs ImageMagick 6 (Debian's imagemagick package; make deps installs it).
#   scripts/make-icon.sh [OUT.png]          (colours: ICON_FROM, ICON_TO, ICON_DOTS)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-build/appicon.png}
from=${ICON_FROM:-#FF5F6D}
to=${ICON_TO:-#FFC371}
dots=${ICON_DOTS:-#FF7A5C}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Background: a diagonal gradient cut to a rounded square.
convert -size 1024x1024 -define gradient:angle=135 "gradient:$from-$to" "$tmp/grad.png"
convert -size 1024x1024 xc:none -fill white -draw 'roundrectangle 48,48 975,975 220,220' "$tmp/mask.png"
convert "$tmp/grad.png" "$tmp/mask.png" -compose DstIn -composite "$tmp/base.png"
# A soft shadow under the bubble.
convert -size 1024x1024 xc:none -fill 'rgba(120,30,20,0.28)' \
  -draw 'roundrectangle 226,286 806,686 150,150' -draw 'polygon 330,640 288,836 500,680' \
  -blur 0x18 "$tmp/shadow.png"
# The bubble with its tail and three "typing" dots.
convert -size 1024x1024 xc:none -fill white \
  -draw 'roundrectangle 218,262 806,662 150,150' -draw 'polygon 322,616 280,812 492,656' \
  -fill "$dots" -draw 'circle 382,462 382,512' -draw 'circle 512,462 512,512' -draw 'circle 642,462 642,512' \
  "$tmp/bubble.png"

mkdir -p "$(dirname "$out")"
convert "$tmp/base.png" "$tmp/shadow.png" -compose Over -composite "$tmp/bubble.png" -compose Over -composite \
  -depth 8 -strip -define png:compression-level=9 "$out"
echo "icon: $out ($(identify -format '%wx%h' "$out"))"
