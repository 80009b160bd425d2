#!/usr/bin/env bash
# Derives the installers' icons from the window's PNG icons (drawn by scripts/make_icons.py):
#   jpackage/linux/image-organizer.png     the 256 px PNG (launcher and menu entry)
#   jpackage/windows/image-organizer.ico   16-256 px (ImageMagick)
#   jpackage/macos/image-organizer.icns    16-256 px (png2icns, Debian package icnsutils)
# The results are committed, so the installer builds on Windows and macOS need neither tool.
# Run it again after changing the PNGs: bash installer/make-icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."

icons=src/main/resources/org/imageorganizer/ui/icons
for tool in convert png2icns; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-icons: $tool is missing (Debian: apt-get install imagemagick icnsutils)" >&2
    exit 1
  fi
done

cp "$icons/icon-256.png" jpackage/linux/image-organizer.png
convert "$icons"/icon-{16,32,48,64,128,256}.png jpackage/windows/image-organizer.ico
# png2icns knows 16, 32, 48, 128, 256, 512 and 1024 px; it takes the type from each PNG's size
png2icns jpackage/macos/image-organizer.icns "$icons"/icon-{16,32,48,128,256}.png >/dev/null
ls -l jpackage/linux/image-organizer.png jpackage/windows/image-organizer.ico jpackage/macos/image-organizer.icns
