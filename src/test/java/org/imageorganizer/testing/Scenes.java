package org.imageorganizer.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Varied, photo-like base pictures made deterministically from a seed, for tests that need many different photos
 * (the repository holds almost none): landscapes, streets, still lifes, portraits, cloudy textures and overlapping
 * discs, each with fine grain so that no area is perfectly flat. Two seeds of the same {@link Kind} give different
 * photos "with the same labels" (two landscapes); windows of one wide scene are overlapping photos of one place.
 */
public final class Scenes {
    /** What a scene shows; photos of one kind would get the same labels. */
    public enum Kind { LANDSCAPE, STREET, STILL_LIFE, PORTRAIT, CLOUDS, DISCS }

    private Scenes() {
    }

    /** Scene number {@code seed}: its kind is {@code Kind.values()[seed % 6]}. */
    public static BufferedImage scene(int seed, int width, int height) {
        return scene(Kind.values()[Math.floorMod(seed, Kind.values().length)], seed, width, height);
    }

    /** A scene of the given kind, its objects spread over the whole width. */
    public static BufferedImage scene(Kind kind, int seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        SplittableRandom random = new SplittableRandom(seed * 7919L + kind.ordinal());
        switch (kind) {
            case LANDSCAPE -> landscape(g, random, width, height);
            case STREET -> street(g, random, width, height);
            case STILL_LIFE -> stillLife(g, random, width, height);
            case PORTRAIT -> portrait(g, random, width, height);
            case CLOUDS -> clouds(image, random, width, height);
            case DISCS -> discs(g, random, width, height);
        }
        g.dispose();
        grain(image, random.split());
        return image;
    }

    private static void landscape(Graphics2D g, SplittableRandom random, int width, int height) {
        g.setPaint(new GradientPaint(0, 0, colour(random, 60, 140, 200, 40), 0, height * 0.6f,
                colour(random, 200, 220, 240, 30)));
        g.fillRect(0, 0, width, height);
        g.setColor(colour(random, 250, 230, 150, 20));
        int sun = height / 8 + random.nextInt(height / 8);
        g.fillOval((int) (random.nextDouble() * width), height / 10 + random.nextInt(height / 5), sun, sun);
        for (int layer = 0; layer < 3; layer++) {
            int base = height * (45 + 15 * layer) / 100 + random.nextInt(height / 10);
            Polygon hill = new Polygon();
            hill.addPoint(0, height);
            int steps = 12;
            for (int s = 0; s <= steps; s++) {
                int x = s * width / steps;
                hill.addPoint(x, base - random.nextInt(height / (4 + layer)));
            }
            hill.addPoint(width, height);
            g.setColor(colour(random, 40 + 40 * layer, 110 + 20 * layer, 50 + 15 * layer, 30));
            g.fillPolygon(hill);
        }
        for (int t = 0; t < 6 + random.nextInt(8); t++) {
            int x = (int) (random.nextDouble() * width);
            int y = height * 3 / 4 + random.nextInt(height / 5);
            int h = height / 10 + random.nextInt(height / 6);
            g.setColor(new Color(90, 60, 30));
            g.fillRect(x, y - h / 3, Math.max(2, h / 12), h / 3);
            g.setColor(colour(random, 30, 90, 40, 25));
            g.fillOval(x - h / 4, y - h, h / 2 + h / 12, h * 3 / 4);
        }
    }

    private static void street(Graphics2D g, SplittableRandom random, int width, int height) {
        g.setPaint(new GradientPaint(0, 0, colour(random, 150, 170, 200, 40), 0, height / 2f,
                colour(random, 220, 220, 230, 20)));
        g.fillRect(0, 0, width, height);
        int x = -random.nextInt(height / 4);
        while (x < width) {
            int w = height / 6 + random.nextInt(height / 3);
            int top = height / 10 + random.nextInt(height / 2);
            g.setColor(colour(random, 140, 110, 100, 70));
            g.fillRect(x, top, w, height - top);
            g.setColor(colour(random, 60, 70, 90, 40));
            int win = Math.max(4, height / 40);
            for (int wy = top + win; wy < height * 3 / 4; wy += 3 * win) {
                for (int wx = x + win; wx < x + w - win; wx += 2 * win + win / 2) {
                    g.fillRect(wx, wy, win, win * 3 / 2);
                }
            }
            x += w + random.nextInt(height / 12 + 1);
        }
        g.setColor(colour(random, 70, 70, 75, 15));
        g.fillRect(0, height * 4 / 5, width, height / 5);
        g.setColor(new Color(230, 230, 210));
        g.setStroke(new BasicStroke(Math.max(2, height / 80f)));
        for (int d = 0; d < width; d += height / 3) {
            g.drawLine(d, height * 9 / 10, d + height / 6, height * 9 / 10);
        }
    }

    private static void stillLife(Graphics2D g, SplittableRandom random, int width, int height) {
        g.setPaint(new GradientPaint(0, 0, colour(random, 180, 160, 140, 60), width, 0,
                colour(random, 120, 100, 90, 50)));
        g.fillRect(0, 0, width, height);
        g.setColor(colour(random, 120, 80, 50, 40));
        g.fillRect(0, height * 3 / 5, width, height);
        for (int o = 0; o < 3 + random.nextInt(4); o++) {
            int w = height / 6 + random.nextInt(height / 4);
            int h = height / 6 + random.nextInt(height / 3);
            int ox = (int) (random.nextDouble() * width);
            int oy = height * 3 / 5 + height / 10 - h;
            Color c = colour(random, 150, 120, 110, 100);
            g.setPaint(new GradientPaint(ox, oy, c.brighter(), ox + w, oy + h, c.darker().darker()));
            if (random.nextBoolean()) {
                g.fillOval(ox, oy, w, h);
            } else {
                g.fillRoundRect(ox, oy, w, h, w / 3, w / 3);
            }
        }
    }

    private static void portrait(Graphics2D g, SplittableRandom random, int width, int height) {
        g.setPaint(new GradientPaint(0, 0, colour(random, 100, 120, 130, 80), width, height,
                colour(random, 40, 50, 60, 30)));
        g.fillRect(0, 0, width, height);
        for (int p = 0; p < 1 + random.nextInt(2); p++) {
            int cx = width / 6 + (int) (random.nextDouble() * width * 2 / 3);
            int head = height / 4 + random.nextInt(height / 6);
            int top = height / 6 + random.nextInt(height / 8);
            g.setColor(colour(random, 60, 60, 120, 60));
            g.fillRoundRect(cx - head, top + head, 2 * head, height, head, head);
            g.setColor(colour(random, 220, 180, 150, 30));
            g.fillOval(cx - head / 2, top, head, head * 5 / 4);
            g.setColor(colour(random, 60, 40, 30, 20));
            g.fillArc(cx - head / 2, top - head / 10, head, head * 3 / 4, 0, 180);
            g.setColor(new Color(30, 30, 40));
            g.fillOval(cx - head / 4, top + head / 2, head / 10, head / 10);
            g.fillOval(cx + head / 6, top + head / 2, head / 10, head / 10);
        }
    }

    /** Bilinear value noise at three scales in two colours: skies, water, fabrics. */
    private static void clouds(BufferedImage image, SplittableRandom random, int width, int height) {
        Color a = colour(random, 90, 110, 150, 60);
        Color b = colour(random, 225, 220, 205, 30);
        int cells = 6 * width / height + 2;
        double[][][] grids = new double[3][][];
        for (int octave = 0; octave < 3; octave++) {
            int n = cells << octave;
            grids[octave] = new double[n + 1][(6 << octave) + 2];
            for (double[] row : grids[octave]) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = random.nextDouble();
                }
            }
        }
        int[] pixels = pixels(image);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0;
                double weight = 0.6;
                for (int octave = 0; octave < 3; octave++) {
                    double scale = (6 << octave) / (double) height;
                    v += weight * bilinear(grids[octave], Math.min(x * scale, grids[octave].length - 1.001),
                            y * scale);
                    weight /= 2.2;
                }
                v = Math.max(0, Math.min(1, (v - 0.2) * 1.3));
                pixels[y * width + x] = mix(a, b, v);
            }
        }
    }

    private static void discs(Graphics2D g, SplittableRandom random, int width, int height) {
        g.setColor(colour(random, 120, 120, 120, 120));
        g.fillRect(0, 0, width, height);
        for (int d = 0; d < 25; d++) {
            int r = height / 20 + random.nextInt(height / 3);
            g.setColor(colour(random, 128, 128, 128, 127));
            g.fillOval((int) (random.nextDouble() * width) - r, random.nextInt(height) - r, 2 * r, 2 * r);
        }
    }

    private static double bilinear(double[][] grid, double x, double y) {
        int x0 = (int) x;
        int y0 = Math.min((int) y, grid[0].length - 2);
        double fx = x - x0;
        double fy = Math.min(1, y - y0);
        return (grid[x0][y0] * (1 - fx) + grid[x0 + 1][y0] * fx) * (1 - fy)
                + (grid[x0][y0 + 1] * (1 - fx) + grid[x0 + 1][y0 + 1] * fx) * fy;
    }

    /** Sensor-like noise of ±4 levels, so that no area of a scene is perfectly flat. */
    private static void grain(BufferedImage image, SplittableRandom random) {
        int[] pixels = pixels(image);
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i];
            int n = random.nextInt(9) - 4;
            pixels[i] = clamp((rgb >> 16 & 0xff) + n) << 16 | clamp((rgb >> 8 & 0xff) + n) << 8
                    | clamp((rgb & 0xff) + n);
        }
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private static Color colour(SplittableRandom random, int r, int g, int b, int spread) {
        return new Color(clamp(r + random.nextInt(2 * spread + 1) - spread),
                clamp(g + random.nextInt(2 * spread + 1) - spread), clamp(b + random.nextInt(2 * spread + 1) - spread));
    }

    private static int mix(Color a, Color b, double t) {
        return clamp((int) (a.getRed() + (b.getRed() - a.getRed()) * t)) << 16
                | clamp((int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t)) << 8
                | clamp((int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
