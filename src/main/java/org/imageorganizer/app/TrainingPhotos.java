package org.imageorganizer.app;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The class-data training run's photos (ADR 0030), drawn on the spot: JPEGs and a PNG of a few sizes with
 * gradients and shapes, a copy of one (a duplicate) and a file named {@code .jpg} that holds text (a file
 * that is not an image), so that {@code organize} goes through each of its outcomes.
 */
final class TrainingPhotos {
    static final int PICTURES = 6;
    private static final int[][] SIZES = {{1024, 768}, {768, 1024}, {1280, 720}, {640, 480}};

    private TrainingPhotos() {
    }

    /** Writes the photos into {@code folder} (created if needed) and returns it. */
    static Path write(Path folder) {
        try {
            Files.createDirectories(folder.resolve("nested"));
            Random random = new Random(16);
            for (int i = 0; i < PICTURES; i++) {
                int[] size = SIZES[i % SIZES.length];
                boolean png = i == PICTURES - 1;
                Path file = (i % 2 == 0 ? folder : folder.resolve("nested"))
                        .resolve(String.format(Locale.ROOT, "picture-%02d.%s", i + 1, png ? "png" : "jpg"));
                ImageIO.write(draw(size[0], size[1], random), png ? "png" : "jpg", file.toFile());
            }
            Files.copy(folder.resolve("picture-01.jpg"), folder.resolve("nested").resolve("picture-01-copy.jpg"));
            Files.writeString(folder.resolve("notes.jpg"), "not a picture\n", StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the training photos in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage draw(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, randomColour(random), width, height, randomColour(random)));
            g.fillRect(0, 0, width, height);
            for (int shape = 0; shape < 12; shape++) {
                g.setColor(randomColour(random));
                int w = 40 + random.nextInt(width / 3);
                int h = 40 + random.nextInt(height / 3);
                if (random.nextBoolean()) {
                    g.fillOval(random.nextInt(width - w), random.nextInt(height - h), w, h);
                } else {
                    g.fillRect(random.nextInt(width - w), random.nextInt(height - h), w, h);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Color randomColour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
