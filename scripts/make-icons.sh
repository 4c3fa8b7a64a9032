#!/usr/bin/env bash
# Makes the app icons from build/icon.svg; the PNGs are committed, so packaging needs
# none of this. Run it again after changing the SVG. Needs rsvg-convert (Debian:
# apt-get install librsvg2-bin).
#   build/icon.png            512 px: electron-builder derives .ico (NSIS) and .icns (dmg) from it
#   build/icons/256x256.png   the Linux icon set (AppImage, deb)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || {
  echo "rsvg-convert is missing: apt-get install librsvg2-bin" >&2
  exit 1
}
mkdir -p build/icons
rsvg-convert -w 512 -h 512 build/icon.svg -o build/icon.png
rsvg-convert -w 256 -h 256 build/icon.svg -o build/icons/256x256.png
echo "build/icon.png (512), build/icons/256x256.png (256)"
