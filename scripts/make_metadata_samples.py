#!/usr/bin/env python3
"""Writes the small JPEGs the photo-metadata tests read (src/test/resources/metadata), with Debian's python3-pil.

Deterministic: the same files each time. Usage: /usr/bin/python3 scripts/make_metadata_samples.py [OUT_DIR]
"""
import sys
from pathlib import Path

from PIL import Image

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/metadata")
EXIF_IFD = 0x8769
MAKE, MODEL = 0x010F, 0x0110
DATETIME = 0x0132
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x9003, 0x9011


def write(name, tags, ifd_tags):
    image = Image.new("RGB", (16, 12), (200, 120, 40))
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[tag] = value
    if ifd_tags:
        exif[EXIF_IFD] = dict(ifd_tags)  # Pillow writes a dict under the Exif IFD pointer as that sub-IFD
    OUT.mkdir(parents=True, exist_ok=True)
    image.save(OUT / name, "JPEG", quality=80, exif=exif.tobytes())


write("taken-with-offset.jpg", {MAKE: "Canon", MODEL: "Canon EOS R6"},
      {DATETIME_ORIGINAL: "2024:07:14 18:32:05", OFFSET_TIME_ORIGINAL: "+02:00"})
write("taken-local.jpg", {MAKE: "Apple", MODEL: "iPhone 13"}, {DATETIME_ORIGINAL: "2023:12:31 23:59:58"})
write("only-file-time.jpg", {DATETIME: "2021:01:02 03:04:05"}, {})
write("nonsense-date.jpg", {MAKE: "  "}, {DATETIME_ORIGINAL: "0000:00:00 00:00:00"})
Image.new("RGB", (16, 12), (10, 90, 200)).save(OUT / "no-exif.jpg", "JPEG", quality=80)
print(f"wrote 5 samples to {OUT}")
