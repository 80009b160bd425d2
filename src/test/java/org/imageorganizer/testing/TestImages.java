package org.imageorganizer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.imageorganizer.model.RgbImage;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The one test-image helper: photo-like pictures, images built with ImageIO, with OpenCV or byte by
 * byte (hostile files among them), and checks of decoded pixels.
 */
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

    /**
     * Encodes with the JDK/TwelveMonkeys ImageIO writers: independent of OpenCV, so channel swaps show.
     * Fails when there is no writer for the format.
     */
    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out)).as("ImageIO writer for " + format).isTrue();
            return out.toByteArray();
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

    public static BufferedImage solid(int w, int h, int type, Color colour) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    /** Encodes a BGR(A) matrix with OpenCV; {@code params} are imwrite flag/value pairs. */
    public static byte[] openCv(Mat mat, String extension, int... params) {
        MatOfByte out = new MatOfByte();
        try {
            assertThat(Imgcodecs.imencode(extension, mat, out, new MatOfInt(params))).isTrue();
            return out.toArray();
        } finally {
            out.release();
            mat.release();
        }
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts an EXIF APP1 segment holding only an Orientation tag right after the SOI marker. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        byte[] app1 = {
            (byte) 0xFF, (byte) 0xE1, 0, 34,                  // APP1, length 34
            'E', 'x', 'i', 'f', 0, 0,                         // EXIF identifier
            'M', 'M', 0, 42, 0, 0, 0, 8,                      // big-endian TIFF header, IFD0 at 8
            0, 1,                                             // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0                                        // no next IFD
        };
        out.write(app1, 0, app1.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A valid PNG of {@code width × height} 1-bit grey pixels, all black, compressed as it is written: a real
     * decompression bomb when large (20000 × 20000 is about 50 KB on disk, 400 megapixels decoded).
     */
    public static byte[] blackPng(int width, int height) {
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0, then zeros
                for (int y = 0; y < height; y++) {
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            return png(width, height, 1, 0, idat.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG file with the given IHDR fields and IDAT payload, with valid CRCs. */
    public static byte[] png(int width, int height, int bitDepth, int colourType, byte[] idat) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {(byte) bitDepth, (byte) colourType, 0, 0, 0});
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", idat);
            chunk(out, "IEND", new byte[0]);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    public static void fill(BufferedImage image, Color colour, int fromX, int toX) {
        Graphics2D g = image.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.setColor(colour);
        g.fillRect(fromX, 0, toX - fromX, image.getHeight());
        g.dispose();
    }

    public static byte[] animatedGif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                var metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), null);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static void assertColour(RgbImage image, int x, int y, int r, int g, int b, int tolerance) {
        assertThat(image.channel(x, y, 0)).as("red at %d,%d", x, y).isCloseTo(r, within(tolerance));
        assertThat(image.channel(x, y, 1)).as("green at %d,%d", x, y).isCloseTo(g, within(tolerance));
        assertThat(image.channel(x, y, 2)).as("blue at %d,%d", x, y).isCloseTo(b, within(tolerance));
    }

    /** The picture drawn at another size, bilinear: a near-duplicate of it (the Duplicates view's tests). */
    public static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
