#!/usr/bin/env python3
"""Draws the application icon (a stack of photos with a sparkle) as PNGs of several sizes.

Usage: python3 scripts/make_icons.py [OUT_DIR]
OUT_DIR defaults to src/main/resources/org/imageorganizer/ui/icons. Needs Pillow (Debian: python3-pil).
Each size is drawn at 8x and scaled down, so small icons stay smooth.
"""
import os
import sys

from PIL import Image, ImageDraw

SIZES = (16, 32, 48, 64, 128, 256)
SCALE = 8


def rounded_card(size, box, radius, fill, outline=None, width=0):
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(layer).rounded_rectangle(box, radius=radius, fill=fill, outline=outline, width=width)
    return layer


def card(size, angle, offset, colour):
    u = size / 16.0
    layer = rounded_card(size, (3 * u, 3.5 * u, 13 * u, 12.5 * u), 1.2 * u, colour,
                         outline=(255, 255, 255, 255), width=max(1, int(0.5 * u)))
    layer = layer.rotate(angle, resample=Image.BICUBIC, center=(size / 2, size / 2))
    moved = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    moved.paste(layer, (int(offset[0] * u), int(offset[1] * u)), layer)
    return moved


def photo(size):
    """The front photo: sky, sun, hills, with a white border."""
    u = size / 16.0
    left, top, right, bottom = 2.2 * u, 3.8 * u, 12.8 * u, 13.2 * u
    border = 0.7 * u
    image = rounded_card(size, (left, top, right, bottom), 1.2 * u, (255, 255, 255, 255))
    inner = (left + border, top + border, right - border, bottom - border)
    scene = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(scene)
    # sky gradient
    for y in range(int(inner[1]), int(inner[3]) + 1):
        t = (y - inner[1]) / max(1.0, inner[3] - inner[1])
        draw.line([(inner[0], y), (inner[2], y)], fill=(int(70 + 90 * t), int(140 + 70 * t), int(230 - 20 * t), 255))
    draw.ellipse((8.6 * u, 5.4 * u, 10.6 * u, 7.4 * u), fill=(255, 206, 84, 255))
    draw.polygon([(inner[0], inner[3]), (inner[0], 10.2 * u), (5.6 * u, 7.6 * u), (8.6 * u, inner[3])],
                 fill=(46, 139, 87, 255))
    draw.polygon([(4.8 * u, inner[3]), (8.4 * u, 8.8 * u), (inner[2], 11.0 * u), (inner[2], inner[3])],
                 fill=(34, 110, 70, 255))
    mask = rounded_card(size, inner, 0.6 * u, (255, 255, 255, 255)).split()[3]
    image.paste(scene, (0, 0), mask)
    return image


def sparkle(size):
    """A four-pointed star at the top right: the 'AI' in the name."""
    u = size / 16.0
    cx, cy, r, w = 13.0 * u, 3.2 * u, 2.8 * u, 0.75 * u
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    points = [(cx, cy - r), (cx + w, cy - w), (cx + r, cy), (cx + w, cy + w),
              (cx, cy + r), (cx - w, cy + w), (cx - r, cy), (cx - w, cy - w)]
    draw.polygon(points, fill=(255, 190, 40, 255), outline=(200, 120, 0, 255))
    return layer


def shadow(size, layer):
    u = size / 16.0
    alpha = layer.split()[3].point(lambda a: a * 0.35)
    dark = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    dark.putalpha(alpha)
    moved = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    moved.paste(dark, (int(0.3 * u), int(0.4 * u)), dark)
    return moved


def icon(px):
    size = px * SCALE
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    back = card(size, 12, (1.6, -1.2), (120, 144, 196, 255))
    middle = card(size, -6, (0.9, -0.6), (150, 176, 220, 255))
    front = photo(size)
    for layer in (back, middle, front):
        canvas = Image.alpha_composite(canvas, shadow(size, layer))
        canvas = Image.alpha_composite(canvas, layer)
    canvas = Image.alpha_composite(canvas, sparkle(size))
    return canvas.resize((px, px), Image.LANCZOS)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "src", "main", "resources",
                                                              "org", "imageorganizer", "ui", "icons")
    os.makedirs(out, exist_ok=True)
    for px in SIZES:
        path = os.path.join(out, "icon-%d.png" % px)
        icon(px).save(path, optimize=True)
        print(path)


if __name__ == "__main__":
    main()
