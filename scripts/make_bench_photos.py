#!/usr/bin/env python3
"""Writes a benchmark photo folder: about 200 images of typical camera sizes (1-12 megapixels),
JPEG mostly, made from real photographs shipped by Debian packages when they are installed
(plasma-workspace-wallpapers, gnome-backgrounds, python3-skimage), else from synthetic scenes.

  /usr/bin/python3 scripts/make_bench_photos.py OUT_DIR [--count 200] [--sources GLOB]... [--manifest FILE]

Photo i is cut from source picture i mod (number of sources), in sorted path order. --sources replaces
the Debian paths above (for example with pictures unpacked from a .deb with dpkg -x); --manifest writes
one line per photo, "photo name<TAB>source path", for the learning bench, which groups photos by source.

Needs python3-pil. Deterministic (seeded): the same sources give the same files.
"""
import argparse
import glob
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFilter

SOURCES = ["/usr/share/wallpapers/*/contents/images/*.jpg", "/usr/share/wallpapers/*/contents/images/*.png",
           "/usr/share/backgrounds/gnome/*.webp", "/usr/share/backgrounds/gnome/*.jpg",
           "/usr/lib/python3/dist-packages/skimage/data/*.png", "/usr/lib/python3/dist-packages/skimage/data/*.jpg"]
# (width, height) of common cameras and phones: 1.2 to 12 megapixels
SIZES = [(1280, 960), (1600, 1200), (2048, 1536), (2592, 1944), (3264, 2448), (4000, 3000),
         (1920, 1080), (3840, 2160), (3024, 4032), (1080, 1920)]


def sources(patterns=SOURCES):
    files = sorted({f for pattern in patterns for f in glob.glob(pattern)})
    images = []
    for f in files:
        try:
            with Image.open(f) as im:
                if min(im.size) >= 256:
                    images.append(f)
        except OSError:
            pass
    return images


def synthetic(rng, w, h):
    im = Image.new("RGB", (w, h), tuple(rng.randrange(256) for _ in range(3)))
    d = ImageDraw.Draw(im)
    for _ in range(40):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.randrange(20, max(21, min(w, h) // 3))
        d.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randrange(256) for _ in range(3)))
    return im.filter(ImageFilter.GaussianBlur(2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--sources", action="append", metavar="GLOB", help="source pictures (repeatable)")
    parser.add_argument("--manifest", metavar="FILE", help="write photo name<TAB>source path lines here")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(42)
    pool = sources(args.sources or SOURCES)
    manifest = []
    print(f"{len(pool)} source photos found", file=sys.stderr)
    for i in range(args.count):
        w, h = SIZES[i % len(SIZES)]
        if pool:
            with Image.open(pool[i % len(pool)]) as src:
                src = src.convert("RGB")
                # a random crop with the target's aspect ratio, scaled to the target size
                scale = min(src.width / w, src.height / h) * rng.uniform(0.6, 1.0)
                cw, ch = max(1, int(w * scale)), max(1, int(h * scale))
                x, y = rng.randrange(src.width - cw + 1), rng.randrange(src.height - ch + 1)
                im = src.crop((x, y, x + cw, y + ch)).resize((w, h), Image.BICUBIC)
        else:
            im = synthetic(rng, w, h)
        if rng.random() < 0.5:
            im = im.transpose(Image.FLIP_LEFT_RIGHT)
        name = os.path.join(args.out, f"photo{i:04d}")
        if i % 20 == 19:
            im.save(name + ".png", optimize=False)
            manifest.append(name + ".png")
        else:
            im.save(name + ".jpg", quality=rng.choice([85, 90, 95]))
            manifest.append(name + ".jpg")
    if args.manifest:
        with open(args.manifest, "w") as out:
            for i, name in enumerate(manifest):
                source = pool[i % len(pool)] if pool else "synthetic"
                out.write(os.path.basename(name) + "\t" + source + "\n")
    print(f"wrote {args.count} photos to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
