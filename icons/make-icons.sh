#!/usr/bin/env bash
# Renders every icon size from icon.svg. Needs rsvg-convert (librsvg2-bin),
# ImageMagick (convert) and png2icns (icnsutils):
#   apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 24 32 48 64 128 256 512 1024)
for s in "${sizes[@]}"; do
  rsvg-convert -w "$s" -h "$s" icon.svg -o "icon-$s.png"
done
convert icon-16.png icon-24.png icon-32.png icon-48.png icon-64.png icon-128.png icon-256.png icon.ico
png2icns icon.icns icon-16.png icon-32.png icon-48.png icon-128.png icon-256.png icon-512.png icon-1024.png >/dev/null
echo "icons written: ${sizes[*]} px, icon.ico, icon.icns"
