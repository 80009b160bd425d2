package org.imageorganizer.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Generates photos-like test images and hostile files. */
public final class TestImages {
    private TestImages() {
    }

    /** A picture from one of a few visual "families", varied by {@code variant}. */
    public static BufferedImage picture(int family, int variant, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(family * 1000L + variant);
        switch (family % 3) {
            case 0 -> {
                g.setPaint(new GradientPaint(0, 0, new Color(220, 40 + variant % 20 * 5, 30), width, height, new Color(250, 180, 60)));
                g.fillRect(0, 0, width, height);
            }
            case 1 -> {
                g.setColor(new Color(20, 40, 160 + variant % 16 * 5));
                g.fillRect(0, 0, width, height);
                g.setColor(Color.WHITE);
                for (int x = 0; x < width; x += 16 + variant) {
                    g.fillRect(x, 0, 6, height);
                }
            }
            default -> {
                g.setColor(new Color(30, 150 + variant % 16 * 5, 40));
                g.fillRect(0, 0, width, height);
                g.setColor(new Color(240, 240, 200));
                for (int i = 0; i < 6; i++) {
                    int r = 10 + random.nextInt(Math.max(1, Math.min(width, height) / 4));
                    g.fillOval(random.nextInt(width), random.nextInt(height), r, r);
                }
            }
        }
        g.dispose();
        return image;
    }

    public static Path write(BufferedImage image, String format, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedImage out = image;
            if (format.equals("jpg") || format.equals("bmp") || format.equals("gif")) {
                out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                out.getGraphics().drawImage(image, 0, 0, null);
            }
            if (!ImageIO.write(out, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, format, bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PNG signature and IHDR claiming {@code width}×{@code height}, followed by junk: a decompression bomb's header. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        byte[] ihdrData = new byte[13];
        putInt(ihdrData, 0, width);
        putInt(ihdrData, 4, height);
        ihdrData[8] = 8;
        ihdrData[9] = 2;
        byte[] chunk = new byte[4 + 4 + 13 + 4];
        putInt(chunk, 0, 13);
        System.arraycopy("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, chunk, 4, 4);
        System.arraycopy(ihdrData, 0, chunk, 8, 13);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, 17);
        putInt(chunk, 21, (int) crc.getValue());
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] out = new byte[signature.length + chunk.length + 64];
        System.arraycopy(signature, 0, out, 0, signature.length);
        System.arraycopy(chunk, 0, out, signature.length, chunk.length);
        return out;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
