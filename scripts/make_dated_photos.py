#!/usr/bin/env python3
"""Writes a folder of painted landscape "photos" whose EXIF says when and with what camera they were taken,
spread over several months, for the window's screenshots (scripts/window-screenshots.sh). Needs Debian's
python3-pil. Deterministic: the same files each time.

    /usr/bin/python3 scripts/make_dated_photos.py OUT_DIR [--count N] [--months M]

The photos are dated from March 2024 on, N of them over M months (default 24 over 5), a few a week, at
daytime hours; DateTimeOriginal carries the offset (+01:00 or +02:00), Make and Model name one of three cameras.
"""
import argparse
import math
import random
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

EXIF_IFD = 0x8769
MAKE, MODEL = 0x010F, 0x0110
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x9003, 0x9011
CAMERAS = [("Canon", "Canon EOS R6"), ("FUJIFILM", "X-T30"), ("Apple", "iPhone 13")]
WIDTH, HEIGHT = 1200, 800

# sky top, sky bottom, sun, far hills, near hills, ground: a few moods from dawn to dusk
PALETTES = [
    ((36, 72, 140), (250, 180, 120), (255, 230, 170), (90, 80, 120), (50, 60, 80), (30, 40, 45)),
    ((60, 140, 220), (190, 225, 250), (255, 250, 220), (110, 150, 120), (60, 110, 70), (70, 120, 60)),
    ((20, 30, 70), (230, 110, 80), (255, 200, 120), (80, 50, 80), (40, 30, 50), (25, 20, 30)),
    ((90, 160, 210), (220, 235, 240), (255, 255, 240), (150, 170, 180), (90, 120, 130), (200, 190, 150)),
    ((110, 120, 150), (200, 200, 205), (240, 240, 235), (120, 125, 135), (80, 85, 95), (95, 100, 90)),
]


def painted(rng):
    """A landscape: a sky gradient, a sun, two ranges of hills, sometimes a lake, sometimes trees."""
    sky_top, sky_bottom, sun, far, near, ground = rng.choice(PALETTES)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon = int(HEIGHT * rng.uniform(0.55, 0.7))
    for y in range(HEIGHT):
        t = min(1.0, y / horizon)
        draw.line([(0, y), (WIDTH, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom)))
    sx, sy, radius = rng.randint(150, WIDTH - 150), rng.randint(80, horizon - 120), rng.randint(35, 70)
    glow = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(glow).ellipse([sx - radius * 3, sy - radius * 3, sx + radius * 3, sy + radius * 3], fill=90)
    image.paste(sun, mask=glow.filter(ImageFilter.GaussianBlur(radius * 1.5)))
    draw.ellipse([sx - radius, sy - radius, sx + radius, sy + radius], fill=sun)
    for colour, base, height in ((far, horizon - 40, 160), (near, horizon + 10, 110)):
        phase, waves = rng.uniform(0, 6.3), rng.uniform(1.5, 3.5)
        points = [(x, base - height * (0.5 + 0.5 * math.sin(phase + waves * x / WIDTH * math.pi))
                   * rng.uniform(0.9, 1.0)) for x in range(0, WIDTH + 40, 40)]
        draw.polygon([(0, HEIGHT)] + points + [(WIDTH, HEIGHT)], fill=colour)
    if rng.random() < 0.5:
        lake = tuple(int(c * 0.8) for c in sky_bottom)
        draw.rectangle([0, horizon + 60, WIDTH, HEIGHT], fill=lake)
        for y in range(horizon + 70, HEIGHT, 18):
            draw.line([(rng.randint(0, WIDTH // 2), y), (rng.randint(WIDTH // 2, WIDTH), y)],
                      fill=tuple(min(255, c + 25) for c in lake), width=2)
    else:
        draw.rectangle([0, horizon + 60, WIDTH, HEIGHT], fill=ground)
        for _ in range(rng.randint(3, 9)):
            x, y, size = rng.randint(0, WIDTH), rng.randint(horizon + 40, HEIGHT - 20), rng.randint(40, 110)
            draw.rectangle([x - size // 12, y, x + size // 12, y + size // 4], fill=(60, 40, 30))
            draw.polygon([(x - size // 2, y), (x, y - size * 2), (x + size // 2, y)], fill=near)
    return image.filter(ImageFilter.GaussianBlur(1.2))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--months", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(19)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    start, days = datetime(2024, 3, 2, 9, 0, 0), args.months * 30
    for i in range(args.count):
        taken = start + timedelta(days=days * i // max(1, args.count), hours=rng.randint(0, 9),
                                  minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
        make, model = CAMERAS[i % len(CAMERAS)]
        exif = Image.Exif()
        exif[MAKE], exif[MODEL] = make, model
        exif[EXIF_IFD] = {DATETIME_ORIGINAL: taken.strftime("%Y:%m:%d %H:%M:%S"),
                          OFFSET_TIME_ORIGINAL: "+02:00" if 4 <= taken.month <= 10 else "+01:00"}
        name = "IMG_%s_%02d.jpg" % (taken.strftime("%Y%m%d"), i)
        painted(rng).save(out / name, "JPEG", quality=85, exif=exif.tobytes())
    print("wrote %d dated photos to %s" % (args.count, out))


if __name__ == "__main__":
    main()
